"""The finder in a real browser: choosing, the URL, the back button, no JavaScript, the plan
and its PDF, and accessibility."""

import datetime
import io
import json
import unicodedata
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import axe_violations
from hub_finder.catalogue import Adjustment
from hub_finder.ranking import rank
from pypdf import PdfReader

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def data(site):
    return json.loads((site / "finder" / "finder-data.json").read_text(encoding="utf-8"))


def taxonomy_of(data):
    taxonomy = {
        group: dict(data[group])
        for group in ("difficulties", "settings", "costs", "cost_bands", "when")
    }
    taxonomy["situations"] = {}
    for key, label, difficulty in data["situations"]:
        taxonomy["situations"].setdefault(difficulty, {})[key] = label
    return taxonomy


def python_results(data, difficulties, setting, situations=()):
    """The build's ranking (plugins/hub_finder/ranking.py) over the same data the browser has."""
    catalogue = [
        Adjustment(
            a["slug"],
            a["title"],
            a["summary"],
            a["url"],
            a["difficulties"],
            a["fit"],
            a["cost"],
            a["cost_band"],
            a["access_to_work"],
            a["when"],
            situations=a["situations"],
        )
        for a in data["adjustments"]
    ]
    return rank(catalogue, difficulties, setting, taxonomy_of(data), situations)


def python_ranking(data, difficulties, setting, situations=()):
    return [r.adjustment.slug for r in python_results(data, difficulties, setting, situations)]


def reasons(page):
    # textContent: the results behind "Show all" are in a closed <details>
    return page.locator(".finder-results .result-reason").evaluate_all(
        "items => items.map(item => item.textContent)"
    )


def open_finder(page, url):
    """Go to a finder URL and wait until its choices are on screen (after its data loads)."""
    page.goto(url)
    page.locator("form[data-module=finder]").wait_for(state="visible")


def shown(page):
    return page.locator(".finder-results .finder-result").evaluate_all(
        "items => items.map(item => item.dataset.slug)"
    )


def query(page):
    return parse_qs(urlsplit(page.url).query)


def pdf_text(pdf: bytes) -> str:
    """The PDF's text in one line; printed with the site's own @page size (A4)."""
    reader = PdfReader(io.BytesIO(pdf))
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    # A4 is 595.3 x 841.9 points; Chromium rounds the page to whole CSS pixels.
    assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2, "the plan must print on A4"
    text = " ".join(p.extract_text() for p in reader.pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_choosing_difficulties_and_a_setting_ranks_results_and_updates_the_url(page, server, data):
    open_finder(page, server + "/finder/")
    assert page.locator(".finder-results").is_hidden()
    page.get_by_label("Finding it hard to concentrate").check()
    page.get_by_label("Anxiety or panic").check()
    page.get_by_label("Shift or operational work").check()
    assert query(page) == {"d": ["concentration", "anxiety"], "s": ["shift"]}
    expected = python_ranking(data, ["concentration", "anxiety"], "shift")
    assert len(expected) >= 3 and shown(page) == expected
    first = page.locator(".finder-results .finder-result").first
    assert first.locator(".badge-fit").inner_text().endswith("for shift or operational work")
    assert first.locator(".badge-cost").inner_text()
    assert first.locator(".badge-when").inner_text().startswith("Used ")
    assert "not medical or legal advice" in page.locator(".finder-note").inner_text()
    assert (
        "adjustments for finding it hard to concentrate and anxiety or panic"
        in page.locator(".finder-summary").inner_text()
    )


def test_ranking_in_the_browser_matches_the_built_pages(page, server, data):
    open_finder(page, server + "/finder/")
    combinations = [([d], s, []) for d, _ in data["difficulties"] for s, _ in data["settings"]]
    combinations += [
        ([difficulty], s, [key])
        for key, _, difficulty in data["situations"]
        for s in ("", "customer-facing")
    ]
    combinations += [
        (["memory", "fatigue", "others"], "mobile", []),
        (["stress"], "", []),
        (["change", "supervision"], "", []),
        (
            ["anxiety", "concentration"],
            "customer-facing",
            ["noise-and-interruptions", "phone-calls"],
        ),
        ([], "office", ["health-appointments", "feedback"]),
    ]
    for difficulties, setting, situations in combinations:
        parts = (
            [f"d={d}" for d in difficulties]
            + [f"h={h}" for h in situations]
            + ([f"s={setting}"] if setting else [])
        )
        search = "?" + "&".join(parts)
        page.evaluate(
            "url => { history.pushState(null, '', url); "
            "dispatchEvent(new PopStateEvent('popstate')); }",
            search,
        )
        expected = python_results(data, difficulties, setting or None, situations)
        assert shown(page) == [r.adjustment.slug for r in expected], search
        assert reasons(page) == [r.reason for r in expected], search


def test_the_url_round_trip_and_the_back_button(page, server):
    open_finder(page, server + "/finder/?d=memory&s=remote")
    assert page.get_by_label("Remembering instructions and information").is_checked()
    assert page.get_by_label("Remote or hybrid work").is_checked()
    memory_remote = shown(page)
    page.get_by_label("Stress and strong emotions").check()
    page.get_by_label("Office or desk work").check()
    assert query(page) == {"d": ["memory", "stress"], "s": ["office"]}
    both_office = shown(page)

    page.go_back()
    assert query(page) == {"d": ["memory", "stress"], "s": ["remote"]}
    assert page.get_by_label("Remote or hybrid work").is_checked()
    page.go_back()
    assert query(page) == {"d": ["memory"], "s": ["remote"]}
    assert not page.get_by_label("Stress and strong emotions").is_checked()
    assert shown(page) == memory_remote
    page.go_forward()
    page.go_forward()
    assert shown(page) == both_office

    open_finder(page, page.url)  # a bookmark or a shared link gives the same list
    assert shown(page) == both_office
    page.get_by_label("Remembering instructions and information").uncheck()
    page.get_by_label("Stress and strong emotions").uncheck()
    assert page.locator(".finder-results").is_hidden()
    assert "Choose at least one difficulty" in page.locator(".finder-status").inner_text()


@pytest.mark.parametrize(
    "garbled",
    [
        "?d=concentration&d=%E0%A4%A&d=<script>alert(1)</script>&s=the-moon&zzz=1&d=MEMORY",
        "?d=concentration,memory&s=&a=no-such-adjustment&a=%%%&" + "d=x" * 3000,
        "?d=memory&d=concentration&d=memory&s=office&s=shift&s=&page=2#results",
    ],
)
def test_unknown_or_garbled_parameters_are_ignored(page, server, data, garbled):
    open_finder(page, server + "/finder/" + garbled)
    assert page.get_by_label("Finding it hard to concentrate").is_checked()
    assert page.get_by_label("Remembering instructions and information").is_checked()
    expected_setting = "office" if "s=office" in garbled else None
    assert shown(page) == python_ranking(data, ["concentration", "memory"], expected_setting)
    expected = {"d": ["concentration", "memory"]}
    if expected_setting:
        expected["s"] = [expected_setting]
    assert query(page) == expected, "the URL keeps only the parts that were understood"


def test_without_javascript_links_lead_to_ranked_results_and_a_printable_plan(
    page_without_js, server
):
    page = page_without_js
    page.goto(server + "/finder/")
    assert page.locator("form[data-module=finder]").is_hidden()
    page.locator(
        ".finder-browse h3 a", has_text="Tiredness, sleep or medication side effects"
    ).click()
    assert page.url.endswith("/finder/fatigue/")
    page.locator(".setting-nav a", has_text="Shift or operational work").click()
    assert page.url.endswith("/finder/fatigue/shift/")
    titles = page.locator(".finder-result-title").all_inner_texts()
    assert len(titles) >= 3
    page.get_by_role("link", name="Start a plan from this list").click()
    assert page.url.endswith("/finder/fatigue/shift/plan/")
    for title in titles[:2]:
        page.get_by_label(title, exact=True).check()
    page.fill("#plan-person", "Jo Example")
    page.emulate_media(media="print")
    printed = page.locator(".plan-item:visible .choice label").all_inner_texts()
    assert printed == titles[:2]
    text = pdf_text(page.pdf(prefer_css_page_size=True))
    assert all(title in text for title in titles[:2]) and titles[2] not in text
    assert "Jo Example" in text and "Tiredness, sleep or medication side effects" in text


def test_add_to_plan_builds_a_plan_page_from_the_url_that_prints_to_pdf(page, server):
    open_finder(page, server + "/finder/?d=organisation&s=customer-facing")
    results = page.locator(".finder-results .finder-result")
    chosen = [results.nth(i).locator(".finder-result-title").inner_text() for i in (0, 2)]
    slugs = [results.nth(i).get_attribute("data-slug") for i in (0, 2)]
    for i in (0, 2):
        results.nth(i).get_by_role("button", name="Add to plan").click()
    assert query(page)["a"] == slugs
    assert "2 adjustments" in page.locator(".plan-bar-count").inner_text()
    results.nth(0).get_by_role("button", name="Remove from plan").click()
    results.nth(0).get_by_role("button", name="Add to plan").click()
    assert query(page)["a"] == slugs[::-1]

    with page.expect_navigation():
        page.get_by_role("link", name="Open your plan").click()
    assert urlsplit(page.url).path == "/finder/plan/"
    assert query(page) == {"d": ["organisation"], "s": ["customer-facing"], "a": slugs[::-1]}
    assert page.locator(".plan-item:visible .choice label").all_inner_texts() == sorted(
        chosen, key=str.lower
    )
    assert page.get_by_label("Organising work, time and workload").is_checked()
    today = datetime.date.today()
    assert page.input_value("#plan-agreed") == today.isoformat()
    assert page.input_value("#plan-review") == (today + datetime.timedelta(weeks=4)).isoformat()
    page.fill("#plan-agreed", "2027-01-04")
    page.locator("#plan-agreed").dispatch_event("change")
    assert page.input_value("#plan-review") == "2027-02-01"

    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.fill("#plan-person", "Sam Person")
    page.fill("#plan-manager", "Ali Manager")
    page.fill("#plan-signs", "Goes quiet in team meetings")
    page.fill("#plan-unwell", "Text the manager before 9am")
    page.get_by_label("No: it stays between the person and their manager").check()
    text = pdf_text(page.pdf(prefer_css_page_size=True))
    for expected in chosen + [
        "Sam Person",
        "Ali Manager",
        "Goes quiet in team meetings",
        "Text the manager before 9am",
        "Adjustment plan",
        "Review date",
        "Consent to share",
        "No: it stays between",
    ]:
        assert expected in text, expected
    assert "Show other adjustments" not in text and "Yes, with the people named" not in text
    # Nothing typed is sent or kept: no request, no cookie, no storage, and not in the URL.
    assert requests == []
    assert page.evaluate("document.cookie + localStorage.length + sessionStorage.length") == "00"
    assert "Sam" not in page.url

    page.get_by_role("button", name="Show other adjustments you could add").click()
    assert page.locator(".plan-item:visible").count() == page.locator(".plan-item").count()
    another = page.locator(".plan-item input[name=a]:not(:checked)").first.get_attribute("value")
    page.check(f"#plan-a-{another}")
    assert set(query(page)["a"]) == {*slugs, another}, "ticks stay in the URL"


def test_every_difficulty_and_setting_prints_a_plan_of_its_top_three(page, server, site, data):
    """Done when: for each of the 50 pairs the generated page ranks at least three adjustments,
    and adding the top three to a plan ("Add to plan" puts them in the URL) prints them."""
    difficulties, settings = dict(data["difficulties"]), dict(data["settings"])
    pairs = [(d, s) for d in difficulties for s in settings]
    assert len(pairs) == 50
    for difficulty, setting in pairs:
        html = (site / "finder" / difficulty / setting / "index.html").read_text(encoding="utf-8")
        results = BeautifulSoup(html, "lxml").select(".result-list .finder-result")
        assert len(results) >= 3, (difficulty, setting)
        top = [
            (r["data-slug"], r.select_one(".finder-result-title").get_text(strip=True))
            for r in results
        ]
        chosen = top[:3]
        search = "&".join([f"d={difficulty}", f"s={setting}"] + [f"a={slug}" for slug, _ in chosen])
        page.goto(f"{server}/finder/plan/?{search}")
        text = pdf_text(page.pdf(prefer_css_page_size=True))
        for _, title in chosen:
            assert title in text, (difficulty, setting, title)
        left_out = [title for _, title in top[3:] if all(title not in t for _, t in chosen)]
        assert not any(title in text for title in left_out), (difficulty, setting)
        assert difficulties[difficulty] in text and settings[setting] in text


def test_static_result_pages_also_collect_a_plan_with_javascript(page, server):
    page.goto(server + "/finder/stress/remote/")
    first = page.locator(".finder-result").first
    slug = first.get_attribute("data-slug")
    first.get_by_role("button", name="Add to plan").click()
    assert query(page) == {"a": [slug]}
    with page.expect_navigation():
        page.get_by_role("link", name="Open your plan").click()
    assert query(page) == {"d": ["stress"], "s": ["remote"], "a": [slug]}
    assert page.locator(".plan-item:visible").count() == 1


CARDS = """() => Array.from(document.querySelectorAll('.finder-result'),
    (card) => card.outerHTML.replace(/>\\s+</g, '><').replace(/\\s+/g, ' '))"""


@pytest.mark.parametrize("difficulty, setting", [("stress", "remote"), ("anxiety", "")])
def test_cards_ranked_in_the_browser_are_the_cards_of_the_built_pages(
    page, server, difficulty, setting
):
    """finder.js fills the card template the built pages' macro writes: the same markup."""
    page.goto(server + f"/finder/{difficulty}/" + (f"{setting}/" if setting else ""))
    built = page.evaluate(CARDS)
    query_string = f"?d={difficulty}" + (f"&s={setting}" if setting else "")
    open_finder(page, server + "/finder/" + query_string)
    ranked = page.evaluate(CARDS)
    assert len(built) >= 3 and ranked == built


def test_the_finder_data_is_fetched_only_by_the_finder(browser, server):
    context = browser.new_context()
    requested = []
    context.on("request", lambda request: requested.append(urlsplit(request.url).path))
    page = context.new_page()
    for url in (
        "/",
        "/adjustments/quiet-workspace/",
        "/finder/anxiety/office/",
        "/finder/plan/?a=quiet-workspace",
    ):
        page.goto(server + url)
    assert "/finder/finder-data.json" not in requested
    page.goto(server + "/finder/?d=anxiety")
    page.wait_for_selector(".finder-results .finder-result")
    assert requested.count("/finder/finder-data.json") == 1
    context.close()


@pytest.mark.parametrize(
    "url",
    [
        "/finder/?d=concentration&d=others&s=customer-facing&a=quiet-workspace",
        "/finder/others/",
        "/finder/others/mobile/",
        "/finder/anxiety/customer-facing/?f=no-cost&f=access-to-work",  # a filter's note
        "/finder/plan/?a=quiet-workspace&a=mentor",
        "/finder/change/office/plan/",
        "/adjustments/quiet-workspace/",
    ],
)
def test_finder_adjustment_and_plan_pages_have_no_axe_violations(axe_page, server, url):
    axe_page.goto(server + url)
    axe_page.wait_for_load_state("networkidle")
    assert axe_violations(axe_page) == []


def test_finder_and_plan_fit_a_phone_screen(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    for url in (
        "/finder/?d=anxiety&s=shift&a=panic-plan",
        "/finder/plan/?a=panic-plan",
        "/finder/anxiety/shift/",
        "/finder/anxiety/customer-facing/?f=access-to-work",
        "/adjustments/quiet-workspace/",
    ):
        page.goto(server + url)
        page.wait_for_load_state("networkidle")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{url} scrolls sideways on a phone by {overflow}px"
    context.close()


def test_what_exactly_is_hard_refines_the_ranking_and_lives_in_the_url(page, server, data):
    open_finder(page, server + "/finder/")
    noise = page.get_by_label("Noise and interruptions")
    assert noise.is_hidden(), "situations wait until their difficulty is ticked"
    page.get_by_label("Finding it hard to concentrate").check()
    noise.check()
    page.get_by_label("Customer-facing work").check()
    assert query(page) == {
        "d": ["concentration"],
        "h": ["noise-and-interruptions"],
        "s": ["customer-facing"],
    }
    assert shown(page) == python_ranking(
        data, ["concentration"], "customer-facing", ["noise-and-interruptions"]
    )
    assert reasons(page)[0].startswith("Helps head-on with noise and interruptions; ")
    assert shown(page)[0] == "noise-reducing-headphones", "headsets help at a phone desk"
    page.get_by_label("Finding it hard to concentrate").uncheck()
    assert "h" not in query(page) and noise.is_hidden()
    open_finder(page, server + "/finder/?h=phone-calls")  # a situation brings its difficulty
    assert page.get_by_label("Anxiety or panic").is_checked()
    assert page.get_by_label("Making or taking phone calls").is_checked()


def test_the_best_eight_come_first_and_the_rest_behind_show_all(page, server):
    open_finder(page, server + "/finder/?d=anxiety&s=office")
    total = len(shown(page))
    assert total > 8
    visible = page.locator(".finder-results .finder-result:visible")
    assert visible.count() == 8
    page.get_by_text(f"Show all {total} adjustments").click()
    assert visible.count() == total


def test_filters_keep_only_no_cost_or_access_to_work_adjustments(page, server, data):
    open_finder(page, server + "/finder/?d=concentration&s=office")
    everything = shown(page)
    page.get_by_label("Adjustments that cost nothing").check()
    assert query(page)["f"] == ["no-cost"]
    costs = {a["slug"]: a for a in data["adjustments"]}
    free = shown(page)
    assert free and free == [slug for slug in everything if costs[slug]["cost"] == "none"]
    page.get_by_label("Adjustments that cost nothing").uncheck()
    page.get_by_label("Adjustments Access to Work may help fund").check()
    funded = shown(page)
    assert funded and funded == [s for s in everything if costs[s]["access_to_work"]]
    assert page.locator(".finder-results .badge-funding").count() == len(funded)


def test_the_printed_plan_gives_dates_in_words_a_footer_and_small_hints(browser, server):
    context = browser.new_context(locale="en-US")  # a browser that would print 01/04/2027
    page = context.new_page()
    page.goto(server + "/finder/plan/?a=quiet-workspace")
    page.fill("#plan-agreed", "2027-01-04")
    page.locator("#plan-agreed").dispatch_event("change")
    page.emulate_media(media="print")
    sizes = page.evaluate("""() => ['#plan-review-hint', '#plan-review', 'label[for=plan-review]']
        .map(s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize))""")
    assert sizes[0] < sizes[1] and sizes[0] < sizes[2], f"hint, answer, question: {sizes}"
    text = pdf_text(page.pdf(prefer_css_page_size=True))
    today = datetime.date.today()
    assert "4 January 2027" in text and "1 February 2027" in text
    assert "01/04/2027" not in text and "2027-01-04" not in text
    assert f"Printed on {today.day} {today:%B} {today.year}" in text
    assert "Working Minds" in text and f"{server}/finder/plan/" in text
    context.close()


# "Show only" on the built result pages: CSS alone hides the cards, so these run without
# JavaScript. What each filter keeps comes from the catalogue (finder-data.json), never from
# the cards' own attributes, and the lists from the built pages.
SHOW_ONLY = {
    "no-cost": "Adjustments that cost nothing",
    "access-to-work": "Adjustments Access to Work may help fund",
}


def kept(data, keys):
    catalogue = {a["slug"]: a for a in data["adjustments"]}
    return lambda slug: all(
        catalogue[slug]["cost"] == "none" if key == "no-cost" else catalogue[slug]["access_to_work"]
        for key in keys
    )


def built_list(site, url):
    """The slugs a built result page lists: the first few, then those behind "Show all"."""
    soup = BeautifulSoup((site / url.strip("/") / "index.html").read_text(encoding="utf-8"), "lxml")
    first = [li["data-slug"] for li in soup.select(".result-lists > ol.result-list .finder-result")]
    rest = [li["data-slug"] for li in soup.select(".result-lists details .finder-result")]
    return first, rest


def sum_of(lists):
    return [slug for part in lists for slug in part]


def keeps_any(data, keys, slugs):
    return any(map(kept(data, keys), slugs))


def result_pages(data):
    return [f"/finder/{d}/{s}/" for d, _ in data["difficulties"] for s, _ in data["settings"]]


def visible_cards(page):
    return page.locator(".result-lists .finder-result:visible").evaluate_all(
        "items => items.map(item => item.dataset.slug)"
    )


def show_all(page):
    page.locator("details.more-results > summary").click()


@pytest.mark.parametrize("key", list(SHOW_ONLY))
def test_without_javascript_show_only_keeps_just_the_matching_cards(
    page_without_js, server, site, data, key
):
    page = page_without_js
    url = "/finder/concentration/office/"
    first, rest = built_list(site, url)
    everything = first + rest
    wanted = [slug for slug in everything if kept(data, [key])(slug)]
    assert 0 < len(wanted) < len(everything) and rest
    page.goto(server + url)
    show_all(page)
    assert visible_cards(page) == everything
    dropped = next(slug for slug in everything if slug not in wanted)
    title = page.locator(f".finder-result[data-slug='{dropped}'] .finder-result-title").inner_text()
    assert page.get_by_role("link", name=title, exact=True).count() == 1
    page.get_by_label(SHOW_ONLY[key]).check()
    assert visible_cards(page) == wanted
    assert page.get_by_role("link", name=title, exact=True).count() == 0, (
        "hidden from screen readers"
    )
    note = page.locator(".filter-note:visible")
    assert note.count() == 1
    assert note.inner_text().startswith(f"Showing {len(wanted)} of {len(everything)} adjustments")
    page.get_by_label(SHOW_ONLY[key]).uncheck()
    assert visible_cards(page) == everything and page.locator(".filter-note:visible").count() == 0


def test_without_javascript_a_list_the_filters_empty_says_so(page_without_js, server, site, data):
    page = page_without_js
    page.set_viewport_size({"width": 320, "height": 800})
    both = list(SHOW_ONLY)
    # A page where each filter keeps something but no adjustment passes both.
    url = next(
        u
        for u in result_pages(data)
        if all(keeps_any(data, [key], sum_of(built_list(site, u))) for key in both)
        and not keeps_any(data, both, sum_of(built_list(site, u)))
    )
    first, rest = built_list(site, url)
    page.goto(server + url)
    if rest:
        show_all(page)
    for key in both:
        page.get_by_label(SHOW_ONLY[key]).check()
    assert visible_cards(page) == []
    assert page.locator(".filter-note:visible").inner_text() == (
        "There are no adjustments that cost nothing and that Access to Work may help fund "
        f"in this list of {len(first + rest)}. Untick a box under “Show only” to see more."
    )
    assert page.locator("details.more-results:visible").count() == 0, "no empty Show all"
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{url} scrolls sideways at 320px by {overflow}px"


def test_without_javascript_an_empty_first_eight_points_to_show_all(
    page_without_js, server, site, data
):
    page = page_without_js
    key = "access-to-work"
    # A page whose first few hold nothing the filter keeps, but whose rest does.
    url, first, rest = next(
        (u, *built_list(site, u))
        for u in result_pages(data)
        if not keeps_any(data, [key], built_list(site, u)[0])
        and keeps_any(data, [key], built_list(site, u)[1])
    )
    wanted = [slug for slug in rest if kept(data, [key])(slug)]
    page.goto(server + url)
    page.get_by_label(SHOW_ONLY[key]).check()
    assert visible_cards(page) == []
    assert page.locator(".filter-note:visible").inner_text() == (
        f"There are no adjustments that Access to Work may help fund in the first {len(first)}, "
        f"but {len(wanted)} further down: open “Show all {len(first + rest)} adjustments” below."
    )
    show_all(page)
    assert visible_cards(page) == wanted


def test_with_javascript_the_static_filters_live_in_the_url(page, server, data):
    catalogue = {a["slug"]: a for a in data["adjustments"]}
    page.goto(server + "/finder/concentration/office/")
    page.get_by_label(SHOW_ONLY["no-cost"]).check()
    assert query(page) == {"f": ["no-cost"]}
    first = page.locator(".finder-result:visible").first
    slug = first.get_attribute("data-slug")
    first.get_by_role("button", name="Add to plan").click()
    assert query(page) == {"f": ["no-cost"], "a": [slug]}
    page.reload()
    assert page.get_by_label(SHOW_ONLY["no-cost"]).is_checked()
    assert all(catalogue[s]["cost"] == "none" for s in visible_cards(page))
    assert page.get_by_role("button", name="Remove from plan").count() == 1
    with page.expect_navigation():
        page.get_by_role("link", name="Add another difficulty in the finder").click()
    page.locator("form[data-module=finder]").wait_for(state="visible")
    assert query(page) == {"d": ["concentration"], "s": ["office"], "f": ["no-cost"]}
    assert page.get_by_label(SHOW_ONLY["no-cost"]).is_checked()
