"""Search in a real browser: the same answers as one unsplit lunr index, safe with any input,
usable by keyboard and screen reader, and nothing loaded until someone searches."""

import functools
import http.server
import random
import re
import threading
import time
from urllib.parse import quote

import pytest
from conftest import ROOT, QuietHandler, axe_violations, build_site
from hub_search.documents import documents_from_records
from hub_search.records import read_published
from hub_search.settings import DEFAULTS
from lunr import lunr

pytestmark = pytest.mark.browser


def serve(folder):
    handler = functools.partial(QuietHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


@pytest.fixture(scope="module")
def small_tiers(tmp_path_factory):
    """The hub with tiny tiers and shards, so every query goes through tiers and bounds."""
    output = tmp_path_factory.mktemp("small-tiers")
    result = build_site(
        ROOT / "content",
        output,
        "-e",
        "SEARCH_FIRST_TIER=4",
        "SEARCH_TIER_GROWTH=2",
        "SEARCH_SHARD_BYTES=1500",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    httpd, url = serve(output)
    yield output, url
    httpd.shutdown()


def unsplit_index(site) -> dict:
    """One lunr index of every published record, built by lunr.py itself."""
    documents = documents_from_records(read_published(site / "search" / "index"))
    fields = [{"field_name": name, "boost": boost} for name, boost in DEFAULTS["SEARCH_FIELDS"]]
    return lunr(
        "id",
        fields,
        [
            ({"id": d.ref, **d.fields}, {"boost": d.boost} if d.boost != 1 else {})
            for d in documents
        ],
    ).serialize()


def queries(full: dict) -> list[list]:
    """Many queries: word pairs and triples from the index, and every lunr operator."""
    rng = random.Random(3)
    common = [
        term
        for term, posting in full["invertedIndex"]
        if sum(len(posting[f]) for f in full["fields"]) > 20 and term.isalpha()
    ]
    fixed = [
        "fit note",
        "phased return",
        "sick note anxiety",
        "off sick",
        "hr",
        "phas*",
        "ret* work",
        "anxeity~1",
        "stres~2 work",
        "+phased return",
        "+fit +note",
        "return -phased",
        "-phased",
        "title:fit",
        "heading:pitfalls support",
        "title:return body:plan",
        "employer^5 support",
        "*ment",
        "wor*d",
        '"phased return"',
        '"fit note" anxiety',
        "interview",
        "nothingmatchesthis",
        "confidential -hr",
        "access to work funding",
        "occupational health advice line",
        "quiet*",
        "organise",
        "colour",
        "+zzzz anxiety",
        "-title:fit note",
    ]
    picked = [" ".join(rng.sample(common, k)) for k in (1, 2, 2, 3, 3, 4, 6) for _ in range(5)]
    return [[q, {}] for q in fixed + picked] + [
        [q, {"prefix": True}] for q in ["phased ret", "sick no", "anxi", "workpl", "a"]
    ]


COMPARE = """async ([full, queries]) => {
  const unsplit = lunr.Index.load(full);
  const copy = (clauses) => clauses.map((c) => Object.assign({}, c));
  const report = {mismatches: [], compared: 0, tiered: 0};
  for (const [text, options] of queries) {
    const plan = await HubSearch.planQuery(text, options);
    if (!plan.clauses.length) continue;
    const expected = unsplit.query((q) => { q.clauses = copy(plan.clauses); })
      .map((r) => [r.ref, r.score]);
    // The first results, settled from heads and the fewest tiers (a fresh index each time).
    const index = await HubSearch.fresh();
    const top = await index.rank(copy(plan.clauses), (confirmed) => confirmed.length >= 10);
    const first = top.results.map((r) => [r.ref, r.score]);
    const pages = new Set(expected.map(([ref]) => index.pageOf[+ref])).size;
    if (JSON.stringify(first) !== JSON.stringify(expected.slice(0, first.length)) ||
        first.length < Math.min(10, expected.length) || top.total !== pages) {
      report.mismatches.push({text, what: "top", first: first.slice(0, 3),
        expected: expected.slice(0, 3), total: [top.total, pages]});
    }
    if (!top.exhausted) report.tiered++;
    // Every result, with every tier loaded.
    const all = await index.rank(copy(plan.clauses), () => false);
    const got = all.results.map((r) => [r.ref, r.score]);
    if (JSON.stringify(got) !== JSON.stringify(expected)) {
      report.mismatches.push({text, what: "all", got: got.length, expected: expected.length});
    }
    report.compared++;
  }
  return report;
}"""


def test_sharded_search_ranks_exactly_as_one_unsplit_lunr_index(page, small_tiers):
    site, url = small_tiers
    full = unsplit_index(site)
    page.goto(url + "/search/")
    page.wait_for_function("() => window.HubSearch !== undefined")
    report = page.evaluate(COMPARE, [full, queries(full)])
    assert report["mismatches"] == []
    assert report["compared"] >= 60
    assert report["tiered"] >= 10  # most queries settled before loading every tier


def wait_done(locator):
    locator.page.wait_for_function(
        "(el) => ['done', 'failed'].includes(el.getAttribute('data-search-state'))",
        arg=locator.element_handle(),
        timeout=15000,
    )


def search_page(page, server, query):
    page.goto(server + "/search/?q=" + query)
    results = page.locator("[data-search-results]")
    wait_done(results)
    return results


def test_search_page_shows_titles_sections_snippets_and_types(page, server):
    search_page(page, server, "phased+return")
    status = page.locator("[data-search-status]")
    assert status.get_attribute("role") == "status"
    assert re.match(r"\d+ pages? match “phased return”", status.inner_text())
    first = page.locator(".search-result").first
    assert first.locator(".search-result-page").inner_text()
    assert first.locator(".search-result-type").inner_text() in {
        "Guidance",
        "Case studies",
        "Adjustments",
        "About the hub",
    }
    marks = [m.lower() for m in first.locator("mark").all_inner_texts()]
    assert marks and all(re.sub(r"\W", "", m).startswith(("phase", "return")) for m in marks)
    href = first.locator("a").first.get_attribute("href")
    page.goto(href)
    anchor = href.split("#")[1] if "#" in href else None
    if anchor:
        assert page.locator(f"[id='{anchor}']").count() == 1


def test_lay_words_find_the_right_page(page, server):
    search_page(page, server, "sick+note")
    top = page.locator(".search-answer-title a, .search-result-title a").evaluate_all(
        "(links) => links.map(a => a.href)"
    )
    assert any("/guidance/fit-notes/" in href for href in top[:3])
    plan = page.evaluate("HubSearch.planQuery('HR').then(p => p.clauses.map(c => c.term))")
    assert "human" in plan and "resources" in plan


HOSTILE = [
    "foo:",
    "~",
    "^2",
    "*",
    "-",
    "+",
    "title:",
    "a~2^3*",
    '"',
    '"unclosed phrase',
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "😀 🤯 emoji",
    "x" * 10000,
    "fit " * 3000,
    "%00 \\ / ? & #",
    ":::",
    "-*",
    "*~*",
    "body:*ing",
    "field:word",
    "heading:~2",
]


def test_any_input_is_safe(page, server):
    search_page(page, server, "")
    box = page.locator("#search-page-q")
    results = page.locator("[data-search-results]")
    for text in HOSTILE:
        box.fill(text)
        box.press("Enter")
        wait_done(results)
        assert results.get_attribute("data-search-state") == "done", text
        assert page.locator("[data-search-status]").inner_text().strip(), text
        assert page.locator("[data-search-list] img, [data-search-list] script").count() == 0


LONG_WORDS = " ".join(letter * 200 for letter in "abc")
FREEZERS = [
    "x" * 10000,
    LONG_WORDS,
    "abcdefghijklmnopqrstuvwxyz" * 8,
    " ".join(["reasonabel~2"] * 20),
    "fit~9 " * 10,
    "*e*e*e*e*e*e*e*e*e*e",
    "foo: ~ ^ * - +",
    "<img src=x onerror=alert(1)> adjustments",
    "😀 " * 300,
]


def answers_promptly(page):
    """The page's main thread is free: a round trip to it answers within a generous bound
    (a frozen tab, as a 200-letter word once caused, takes many seconds)."""
    started = time.monotonic()
    page.evaluate("() => 1")
    return time.monotonic() - started < 5


def shows_text_only(page, status, typed):
    """A status line (results or a helpful no-results message) that shows what was typed as
    text, and no markup from it in the results."""
    text = status.inner_text()
    no_markup = page.locator("[data-search-list] img, [data-search-list] script").count() == 0
    # Input with no letters or digits may be read as no words at all.
    no_words = not any(character.isalnum() for character in typed)
    if no_words and text == "Type a word or two to search.":
        return no_markup
    return typed[:30] in text and no_markup


@pytest.mark.parametrize("text", FREEZERS, ids=lambda text: f"{text[:12]!r}x{len(text)}")
def test_no_input_freezes_the_search_page(page, server, text):
    search_page(page, server, "")
    box = page.locator("#search-page-q")
    results = page.locator("[data-search-results]")
    box.fill(text)
    assert answers_promptly(page)
    wait_done(results)
    assert results.get_attribute("data-search-state") == "done"
    assert shows_text_only(page, page.locator("[data-search-status]"), text)
    # The same in a shared link.
    results = search_page(page, server, quote(text))
    assert answers_promptly(page)
    assert results.get_attribute("data-search-state") == "done"
    assert shows_text_only(page, page.locator("[data-search-status]"), text)


def test_typing_long_words_into_the_header_box_keeps_the_page_responsive(page, server):
    page.goto(server + "/guidance/fit-notes/")
    box = page.locator("#site-search-q")
    box.focus()
    box.press_sequentially("z" * 180 + " anxiety", delay=0)  # within the 200 characters
    assert answers_promptly(page)
    page.wait_for_function(
        "() => document.querySelector('form.site-search').dataset.searchState"
        " === 'done' && document.querySelector('form.site-search')"
        ".dataset.searchQuery.endsWith('anxiety')",
        timeout=15000,
    )
    assert page.locator(".search-suggest a").count() > 0


def test_quoted_phrases_appear_in_every_result(page, server):
    result = page.goto(server + "/search/")
    assert result.ok
    texts = page.evaluate("""HubSearch.search('"phased return"', {limit: 20}).then((outcome) =>
        outcome.groups.map((g) => [g.record.t, g.record.h, g.record.x].join(' ').toLowerCase()))""")
    assert texts and all("phased return" in t for t in texts)


def test_content_type_filter_counts_and_filters(page, server):
    search_page(page, server, "anxiety")
    labels = page.locator(".search-filter label").all_inner_texts()
    counts = {re.sub(r" \(\d+\)$", "", l): int(re.search(r"\((\d+)\)$", l)[1]) for l in labels}
    assert counts["All types"] == sum(v for k, v in counts.items() if k != "All types")
    page.locator(".search-filter label", has_text="Adjustments").click()
    wait_done(page.locator("[data-search-results]"))
    assert "type=adjustments" in page.url
    types = page.locator(".search-result-type").all_inner_texts()
    assert types and set(types) == {"Adjustments"}
    assert f"{counts['Adjustments']} page" in page.locator("[data-search-status]").inner_text()


def test_more_results_move_focus_to_the_first_new_one(page, server):
    search_page(page, server, "work")
    assert page.locator(".search-result").count() == 10
    page.locator("[data-search-more]").click()
    wait_done(page.locator("[data-search-results]"))
    assert page.locator(".search-result").count() == 20
    focused = page.evaluate(
        "document.activeElement.closest('.search-result') === "
        "document.querySelectorAll('.search-result')[10]"
    )
    assert focused


def test_header_box_searches_as_you_type_by_keyboard(page, server):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(server + "/guidance/reasonable-adjustments/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in requests if "search" in u.split("?")[0] or "lunr" in u]
    box = page.locator("#site-search-q")
    box.focus()
    box.press_sequentially("phased ret", delay=20)
    form = page.locator("form.site-search")
    page.wait_for_function(
        "() => document.querySelector('form.site-search').dataset.searchQuery"
        " === 'phased ret' && document.querySelector('form.site-search')"
        ".dataset.searchState === 'done'"
    )
    panel = page.locator(".search-suggest")
    assert panel.is_visible() and panel.locator("a").count() >= 2
    assert "Press the down arrow" in form.locator("[role=status]").inner_text()
    box.press("ArrowDown")
    assert page.evaluate("document.activeElement === document.querySelector('.search-suggest a')")
    page.keyboard.press("ArrowDown")
    assert page.evaluate(
        "document.activeElement === document.querySelectorAll('.search-suggest a')[1]"
    )
    page.keyboard.press("Escape")
    assert not panel.is_visible()
    assert page.evaluate("document.activeElement.id") == "site-search-q"
    box.press("Enter")
    page.wait_for_url("**/search/?q=phased+ret")
    wait_done(page.locator("[data-search-results]"))
    assert page.locator("#search-page-q").input_value() == "phased ret"


def test_search_page_and_results_pass_axe(axe_page, server):
    axe_page.goto(server + "/search/?q=fit+note")
    wait_done(axe_page.locator("[data-search-results]"))
    assert axe_violations(axe_page) == []
    axe_page.goto(server + "/guidance/fit-notes/")
    axe_page.locator("#site-search-q").press_sequentially("anxiety")
    axe_page.wait_for_function(
        "() => document.querySelector('form.site-search').dataset.searchState === 'done'"
    )
    assert axe_violations(axe_page) == []


def test_without_javascript_the_search_page_says_so_and_leads_to_other_ways_in(
    page_without_js, server
):
    page_without_js.goto(server + "/search/?q=fit+note")
    notice = page_without_js.locator(".search-no-js")
    assert notice.is_visible()
    assert "needs JavaScript" in notice.inner_text()
    links = notice.locator("a").evaluate_all("(links) => links.map(a => a.href)")
    assert any(href.endswith("/a-z/") for href in links)
    assert any(href.endswith("/finder/") for href in links)
    browse = page_without_js.locator("#search-browse + ul a")
    hrefs = browse.evaluate_all("(links) => links.map(a => a.href)")
    assert sum("/topics/" in href for href in hrefs) >= 5
    for href in hrefs:  # each way in is a page that works without JavaScript
        assert page_without_js.goto(href).ok, href


def test_lunr_runs_under_the_sites_content_security_policy(page, server):
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    search_page(page, server, "fit+note")
    assert page.locator(".search-result").count() > 0
    csp = page.locator("meta[http-equiv=Content-Security-Policy]").get_attribute("content")
    assert "script-src 'self'" in csp and "unsafe-eval" not in csp
    assert violations == []
