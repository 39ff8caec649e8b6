"""Search answers the questions people type (issue 12): questions as questions, lay words and
condition names, "did you mean", the answer at the top, and what to do when nothing matches."""

import re

import pytest

pytestmark = pytest.mark.browser


def search(page, server, query):
    page.goto(server + "/search/?q=" + query.replace(" ", "+"))
    page.wait_for_function(
        "() => ['done', 'failed'].includes("
        "document.querySelector('[data-search-results]').dataset.searchState)"
    )
    return page.locator("[data-search-status]").inner_text()


def shown(page):
    """Result links in order: the answer first, then the list."""
    return page.locator(".search-answer-title a, [data-search-list] .search-result-title a")


def pages_shown(page, count=3):
    hrefs = shown(page).evaluate_all("(links) => links.map(a => a.href)")
    return [re.sub(r"^https?://[^/]+/|#.*$", "", href) for href in hrefs][:count]


def test_question_words_do_not_count_and_every_other_word_must_match(page, server):
    status = search(page, server, "can I ask about mental health in a job interview?")
    matched = int(re.match(r"(\d+) pages? match", status).group(1))
    assert matched <= 10  # every word optional matched nearly all of the ~130 pages
    assert {"guidance/inclusive-recruitment/", "guidance/disclosure-for-employers/"} & set(
        pages_shown(page)
    )
    plan = page.evaluate(
        "HubSearch.planQuery('can I ask about it in a job interview?')"
        ".then(p => p.clauses.map(c => c.term))"
    )
    assert plan == ["ask", "job", "interview"]


@pytest.mark.parametrize(
    "query",
    ["does depression count as a disability", "is anxiety covered by the equality act"],
)
def test_a_question_about_a_condition_and_the_law_lands_on_the_disability_page(page, server, query):
    search(page, server, query)
    assert pages_shown(page, 1) == ["guidance/is-it-a-disability/"]


@pytest.mark.parametrize(
    ("query", "answer"),
    [
        ("who funds a support worker", "guidance/access-to-work/"),
        ("schizophrenia", "guidance/psychosis-and-schizophrenia/"),
        ("should I tell my boss about my mental health", "guidance/disclosure-for-employees/"),
        ("burnt out", "guidance/stress-and-burnout/"),
        ("what is a buddy", "glossary/"),
        ("staff member can't concentrate", "finder/concentration/"),
    ],
)
def test_lay_words_condition_names_glossary_terms_and_finder_pages_are_found(
    page, server, query, answer
):
    search(page, server, query)
    assert answer in pages_shown(page)


def test_a_glossary_term_links_to_its_definition(page, server):
    search(page, server, "what is a buddy")
    link = page.locator("a[href$='/glossary/#term-buddy']").first
    assert link.is_visible()
    link.click()
    assert page.locator("#term-buddy").is_visible()


def test_case_studies_are_found_by_sector(page, server):
    search(page, server, "case study hospital")
    first = page.locator("[data-search-list] .search-result").first
    assert first.locator(".search-result-type").inner_text() == "Case studies"
    page.locator("#search-type-case-studies").check()
    page.wait_for_function(
        "() => document.querySelector('[data-search-results]').dataset.searchState === 'done'"
    )
    types = page.locator(".search-result-type").all_inner_texts()
    assert types and set(types) == {"Case studies"}


def test_misspelt_words_get_a_did_you_mean_that_runs_the_corrected_search(page, server):
    status = search(page, server, "phased retun")
    assert "Did you mean phased return?" in status
    page.locator(".search-suggestion a").click()
    page.wait_for_url(re.compile(r"q=phased(\+|%20)return"))
    status = search(page, server, "phased return")
    assert "Did you mean" not in status
    assert "guidance/return-to-work/" in pages_shown(page)
    assert "Did you mean anxiety?" in search(page, server, "anxeity")


def test_a_section_whose_heading_matches_the_query_is_shown_as_the_answer(page, server, site):
    search(page, server, "phased return")
    answer = page.locator(".search-answer")
    link = answer.locator(".search-answer-title a")
    assert link.get_attribute("href").endswith(
        "/guidance/return-to-work/#step-2-agree-a-phased-return"
    )
    # Its opening lines, as the page has them.
    html = (site / "guidance" / "return-to-work" / "index.html").read_text(encoding="utf-8")
    section = html.split('id="step-2-agree-a-phased-return"', 1)[1]
    opening = re.sub(r"<[^>]+>", "", section.split("<p>", 1)[1].split("</p>", 1)[0])
    text = answer.locator(".search-answer-text").inner_text()
    assert text.startswith(" ".join(opening.split()[:8]))
    # It leads the results and is not repeated in the list below it.
    listed = page.locator("[data-search-list] .search-result-title a").evaluate_all(
        "(links) => links.map(a => a.getAttribute('href'))"
    )
    assert link.get_attribute("href") not in listed


def test_a_page_result_shows_what_the_page_says_first_its_in_short(page, server, site):
    search(page, server, "wellness action plans")
    result = (
        page.locator(".search-result")
        .filter(has=page.locator("a[href*='/guidance/wellness-action-plans/']"))
        .first
    )
    html = (site / "guidance" / "wellness-action-plans" / "index.html").read_text(encoding="utf-8")
    in_short = html.split('id="in-short"', 1)[1].split("<li>", 1)[1].split("</li>", 1)[0]
    words = " ".join(re.sub(r"<[^>]+>", "", in_short).split()[:6])
    assert result.locator(".search-result-snippet").inner_text().startswith(words)


def test_when_no_page_has_every_word_it_says_so_and_shows_the_closest(page, server):
    status = search(page, server, "phased return xylophone")
    assert "No page matches all the words" in status
    assert "guidance/return-to-work/" in pages_shown(page, 5)


def test_no_results_lead_to_the_a_to_z_topics_and_finder(page, server):
    status = search(page, server, "qzxv wvvq")
    assert "No pages match" in status
    hrefs = page.locator("[data-search-status] a").evaluate_all("(links) => links.map(a => a.href)")
    assert [h.split("/", 3)[3] for h in hrefs] == ["a-z/", "search/#search-browse", "finder/"]
    for href in hrefs:
        page.goto(href)
        assert page.locator("h1").count() == 1


def test_case_study_results_can_be_narrowed_by_sector_and_employer_size(page, server):
    from conftest import ROOT

    def sector(path):
        return next(
            line.split(":", 1)[1].strip()
            for line in path.read_text().splitlines()
            if line.startswith("Sector:")
        )

    health = {
        f"case-studies/{p.stem}/"
        for p in (ROOT / "content" / "case-studies").glob("*.md")
        if sector(p) == "health"
    }
    search(page, server, "work&type=case-studies&sector=health")
    select = page.locator("#search-facet-sector")
    assert select.input_value() == "health"
    assert page.locator("label[for=search-facet-size]").inner_text() == "Employer size"
    assert set(pages_shown(page, 50)) <= health and pages_shown(page, 50)
    select.select_option("retail")
    page.wait_for_url(re.compile(r"sector=retail"))
    page.wait_for_function(
        "() => document.querySelector('[data-search-results]').dataset.searchState === 'done'"
    )
    assert not set(pages_shown(page, 50)) & health
