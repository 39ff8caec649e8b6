"""The finder's generated pages, read as HTML: every difficulty in every setting has a ranked
list of at least three adjustments and a plan page, and every adjustment page links onwards."""

import json
from functools import cache

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from hub_finder.page_cache import inputs_key
from hub_finder.plugin import FinderSite
from hub_kernel.front_matter import read_front_matter, split_list
from hub_kernel.register import load_known

TAXONOMY = load_known(ROOT / "content").taxonomy
DIFFICULTIES = list(TAXONOMY["difficulties"])
SETTINGS = list(TAXONOMY["settings"])
PAIRS = [(d, s) for d in DIFFICULTIES for s in SETTINGS]
FIT_SCORES = {"Does not apply": 0, "Can work": 1, "Good fit": 2, "Strong fit": 3}
PLAN_FIELDS = [
    "plan-person",
    "plan-manager",
    "plan-agreed",
    "plan-review",
    "plan-details",
    "plan-signs",
    "plan-unwell",
    "plan-consent-no",
    "plan-consent-yes",
    "plan-share-with",
]


@pytest.fixture(scope="module")
def soup_of(site):
    @cache
    def soup(url: str) -> BeautifulSoup:
        path = site / url.strip("/") / "index.html"
        assert path.exists(), f"{url} was not generated"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")

    return soup


def adjustment_facts(soup_of, href):
    """What an adjustment's own page says: the difficulties it helps with and its fit table."""
    page = soup_of(href)
    helps = {a["href"] for a in page.select(".adjustment-facts a[href^='/finder/']")}
    fit = {
        row.th.get_text(strip=True): FIT_SCORES[row.td.get_text(strip=True)]
        for row in page.select(".fit-table tbody tr")
    }
    return helps, fit


def results_on(page):
    return [
        (item["data-slug"], item.select_one(".finder-result-title a")["href"])
        for item in page.select(".result-list .finder-result")
    ]


def reasons_on(page):
    return [item.get_text(" ", strip=True) for item in page.select(".finder-result .result-reason")]


def relevance_of(reason: str) -> int:
    """The reason line opens with how directly the adjustment helps."""
    return next(
        score
        for score, words in ((3, "Helps head-on"), (2, "Helps with"), (1, "Can help"))
        if reason.startswith(words)
    )


@pytest.mark.slow  # parses all 100 result and plan pages
def test_every_difficulty_in_every_setting_has_three_ranked_adjustments_and_a_plan(soup_of):
    assert len(PAIRS) == 50
    for difficulty, setting in PAIRS:
        url = f"/finder/{difficulty}/{setting}/"
        page = soup_of(url)
        results = results_on(page)
        assert len(results) >= 3, f"{url} lists {len(results)} adjustments"
        scores = []
        for (slug, href), reason in zip(results, reasons_on(page), strict=True):
            helps, fit = adjustment_facts(soup_of, href)
            assert f"/finder/{difficulty}/" in helps, f"{url}: {slug} does not help with it"
            scores.append((relevance_of(reason), fit[TAXONOMY["settings"][setting]]))
        assert min(fit for _, fit in scores) >= 1, f"{url} lists one that does not apply there"
        assert scores == sorted(scores, reverse=True), (
            f"{url} is not ranked by relevance, then fit: {scores}"
        )

        plan_url = f"/finder/{difficulty}/{setting}/plan/"
        assert page.find("a", href=plan_url), f"{url} has no link to its plan"
        plan = soup_of(plan_url)
        offered = [box["value"] for box in plan.select(".plan-adjustments input[name=a]")]
        assert offered == [slug for slug, _ in results], plan_url
        assert plan.select_one(f"#plan-d-{difficulty}").has_attr("checked")
        assert plan.select_one(f"#plan-s-{setting}").has_attr("checked")
        for field in PLAN_FIELDS:
            control = plan.find(id=field)
            assert control and plan.find("label", attrs={"for": field}), f"{plan_url}: {field}"
        assert not plan.select("main form"), "the plan must have nothing that could be sent"


def test_the_finder_page_links_to_every_difficulty_and_setting_without_javascript(soup_of):
    finder = soup_of("/finder/")
    links = {a["href"] for a in finder.select(".finder-browse a")}
    assert {f"/finder/{d}/" for d in DIFFICULTIES} <= links
    assert {f"/finder/{d}/{s}/" for d, s in PAIRS} <= links
    form = finder.select_one("form[data-module=finder]")
    assert form.has_attr("hidden"), "the JavaScript form must stay hidden until the script runs"
    assert {box["value"] for box in form.select("input[name=d]")} == set(DIFFICULTIES)


def test_difficulty_pages_lead_to_each_setting_with_its_count(soup_of):
    for difficulty in DIFFICULTIES:
        page = soup_of(f"/finder/{difficulty}/")
        for item in page.select(".setting-nav li"):
            href = item.a["href"]
            count = int(item.select_one(".count").get_text().strip("()").split()[0])
            assert count == len(results_on(soup_of(href))), href
        assert len(page.select(".setting-nav li")) == len(SETTINGS)
        assert len(results_on(page)) >= max(
            len(results_on(soup_of(f"/finder/{difficulty}/{s}/"))) for s in SETTINGS
        )


def test_each_result_shows_cost_when_and_fit_badges(soup_of):
    page = soup_of("/finder/anxiety/customer-facing/")
    for item in page.select(".finder-result"):
        badges = [b.get_text(strip=True) for b in item.select(".badge")]
        assert badges[0].endswith("for customer-facing work"), badges
        assert any(b.startswith("Used ") for b in badges), badges
        assert item.select_one(".badge-cost").get_text(strip=True)
        plan_link = item.select_one(".plan-add")["href"]
        assert plan_link.startswith("/finder/anxiety/customer-facing/plan/?a=")


def test_adjustment_pages_link_to_the_finder_case_studies_and_guidance(site, soup_of):
    data = json.loads((site / "finder" / "finder-data.json").read_text(encoding="utf-8"))
    assert len(data["adjustments"]) == len(list((ROOT / "content" / "adjustments").glob("*.md")))
    stories = {
        path.stem: read_front_matter(path)
        for path in (ROOT / "content" / "case-studies").glob("*.md")
    }
    for adjustment in data["adjustments"]:
        slug = adjustment["slug"]
        page = soup_of(f"/adjustments/{slug}/")
        hrefs = {a["href"] for a in page.select("main a")}
        assert "/finder/" in hrefs
        assert {f"/finder/{d}/" for d in adjustment["difficulties"]} <= hrefs
        assert f"/finder/plan/?a={slug}#plan-{slug}" in hrefs
        naming = {
            f"/case-studies/{name}/"
            for name, fields in stories.items()
            if slug in split_list(fields["adjustments"].value)
        }
        assert naming <= hrefs, f"{slug} does not link to the case studies that name it"
        assert page.select(".adjustment-guidance a"), f"{slug} links to no guidance"
        when = TAXONOMY["when"][adjustment["when"]]
        assert when in page.select_one(".adjustment-facts").get_text()


def test_finder_data_holds_the_catalogue_and_no_page_bodies(site):
    path = site / "finder" / "finder-data.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [key for key, _ in data["settings"]] == SETTINGS
    for adjustment in data["adjustments"]:
        assert set(adjustment) == {
            "slug",
            "title",
            "summary",
            "url",
            "difficulties",
            "situations",
            "fit",
            "cost",
            "cost_band",
            "access_to_work",
            "when",
        }
        assert all(score in (1, 2, 3) for score in adjustment["difficulties"].values())
        assert "<" not in adjustment["summary"] and len(adjustment["summary"]) < 400
        assert set(adjustment["fit"]) == set(SETTINGS)


def test_each_situation_has_a_page_that_puts_what_helps_with_it_first(soup_of):
    for difficulty, table in TAXONOMY["situations"].items():
        for situation, label in table.items():
            for url in [f"/finder/{difficulty}/{situation}/"] + [
                f"/finder/{difficulty}/{situation}/{s}/" for s in SETTINGS
            ]:
                page = soup_of(url)
                assert page.h1.get_text(strip=True) == label, url
                reasons = reasons_on(page)
                count = page.select_one(".situation-count").get_text(" ", strip=True)
                if count.startswith("None of them"):  # e.g. changing shifts in remote work
                    assert not any(label.lower() in r.lower() for r in reasons), url
                else:
                    direct = int(count.split()[0])
                    assert all(label.lower() in r.lower() for r in reasons[:direct]), url
                    assert not any(label.lower() in r.lower() for r in reasons[direct:]), url
            difficulty_page = soup_of(f"/finder/{difficulty}/")
            assert difficulty_page.select_one(
                f".situation-nav a[href='/finder/{difficulty}/{situation}/']"
            ), situation


def test_long_lists_show_the_best_eight_then_all_without_javascript(soup_of):
    page = soup_of("/finder/anxiety/office/")
    first, rest = (
        page.select(".result-lists > ol.result-list"),
        page.select(".result-lists details.more-results ol.result-list"),
    )
    assert len(first) == 1 and len(first[0].select(".finder-result")) == 8
    total = 8 + len(rest[0].select(".finder-result"))
    assert (
        page.select_one("details.more-results summary").get_text(strip=True)
        == f"Show all {total} adjustments"
    )
    assert rest[0]["start"] == "9"
    assert (
        "adjustments" in page.select_one(".lead").get_text()
        and str(total) in page.select_one(".lead").get_text()
    )


def test_kinds_of_work_come_with_examples_people_recognise(soup_of):
    nav = soup_of("/finder/stress/").select_one(".setting-nav").get_text(" ", strip=True)
    assert "call centres" in nav and "warehouses" in nav and "home care visits" in nav


def test_the_key_of_the_kept_finder_pages_follows_what_they_are_made_from():
    finder = FinderSite(adjustments=[], taxonomy={}, review_weeks=4, data_url="finder/data.json")
    settings = {"THEME": str(ROOT / "theme"), "JINJA_FILTERS": {"day": lambda v: v}}
    key = inputs_key(finder, {}, settings)
    assert inputs_key(finder, {}, {**settings, "OUTPUT_PATH": "elsewhere"}) == key
    edited_filter = {**settings, "JINJA_FILTERS": {"day": lambda v: v.upper()}}
    assert inputs_key(finder, {}, edited_filter) != key
    fewer_weeks = FinderSite(
        adjustments=[], taxonomy={}, review_weeks=2, data_url="finder/data.json"
    )
    assert inputs_key(fewer_weeks, {}, settings) != key
