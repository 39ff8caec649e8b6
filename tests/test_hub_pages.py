"""The hub's own page helpers: glossary links, contents lists and citations."""

from hub_kernel.problems import Problem
from hub_pages.boxes import wrap_boxes
from hub_pages.contents import contents_list
from hub_pages.glossary import Term, link_first_uses
from hub_pages.placeholders import fill_placeholders, unknown_urgent_keys
from hub_pages.site_folder import inside_site_folder
from hub_pages.sources import citations, source_label
from hub_pages.topic_order import check_topic_order, in_reading_order

TERMS = [
    Term("MHFA", "Mental Health First Aid."),
    Term("fit note", "A doctor's note."),
    Term("occupational health", "Advice on health and work."),
    Term("occupational health advice line", "A pilot."),
]


def linked(html: str) -> str:
    return link_first_uses(html, TERMS, "/glossary/")


def test_only_the_first_use_in_running_text_is_linked():
    html = linked("<h2>MHFA</h2><p>An MHFA course. Another MHFA course.</p>")
    assert html == (
        '<h2>MHFA</h2><p>An <a class="glossary-link" href="/glossary/#term-mhfa">'
        "MHFA</a> course. Another MHFA course.</p>"
    )


def test_terms_inside_links_code_and_attributes_are_left_alone():
    html = linked('<p><a href="/x/">fit note</a> <code>MHFA</code> <img alt="MHFA"></p>')
    assert "glossary-link" not in html


def test_acronyms_match_their_case_and_longer_terms_win():
    html = linked("<p>mhfa. Call the occupational health advice line. Fit Note.</p>")
    assert "#term-mhfa" not in html
    assert '#term-occupational-health-advice-line">occupational health advice line</a>' in html
    assert '#term-fit-note">Fit Note</a>' in html


def test_contents_list_reads_h2_ids_in_order():
    html = '<h2 id="one">First &amp; best</h2><p>x</p><h3 id="x">no</h3><h2 id="two">Second</h2>'
    assert contents_list(html) == [("one", "First & best"), ("two", "Second")]


def test_citations_group_locators_by_document():
    register = {"000": {"title": "Work, Recovery and Inclusion"}, "003": {"title": "Response"}}
    cited = citations("000 para 29; 003 Rec 5; 000 Box 14; 999 para 1", register)
    assert [(c["key"], c["places"]) for c in cited] == [
        ("000", ["para 29", "Box 14"]),
        ("003", ["Rec 5"]),
    ]


REGISTER = {
    "000": {
        "kind": "document",
        "title": "Work, Recovery and Inclusion: employment support",
        "short_title": "Work, Recovery and Inclusion",
        "author": "HM Government (DWP and DH)",
        "publisher": "HM Government",
        "date": "2009",
    },
    "001": {"kind": "document", "title": "Briefing 3", "author": "NMHDU", "date": "about 2009"},
    "r-ssp": {
        "kind": "official",
        "title": "Statutory Sick Pay",
        "author": "GOV.UK",
        "url": "https://www.gov.uk/statutory-sick-pay",
        "checked": "2026-12-01",
    },
}


def test_citation_labels_read_as_title_publisher_year_and_paragraphs():
    cited = citations("000 para 93; 000 Box 2; 000 para 29; 000 para 93; r-ssp", REGISTER)
    assert [c["label"] for c in cited] == [
        "Work, Recovery and Inclusion, HM Government, 2009, paragraphs 29 and 93, Box 2",
        "Statutory Sick Pay, GOV.UK, checked 1 December 2026",
    ]


def test_citation_labels_never_show_line_numbers_or_keys():
    cited = citations("001 line 219; 001 line 46; 000 line 5433", REGISTER)
    assert [c["label"] for c in cited] == [
        "Briefing 3, NMHDU, about 2009",
        "Work, Recovery and Inclusion, HM Government, 2009",
    ]
    assert not any("line" in c["label"] or c["key"] in c["label"] for c in cited)


def test_runs_of_paragraphs_read_as_ranges():
    cited = citations("000 para 113; 000 para 114; 000 para 115; 000 para 117", REGISTER)
    assert cited[0]["label"].endswith("paragraphs 113 to 115 and 117")


def test_glossary_source_label_for_one_reference():
    assert source_label("000 para 87", REGISTER) == (
        "Work, Recovery and Inclusion, HM Government, 2009, paragraph 87"
    )
    assert source_label("unknown-key", REGISTER) == ""


def test_built_pages_show_plain_source_labels(site):
    import re

    from bs4 import BeautifulSoup

    pages = list((site / "guidance").glob("*/index.html")) + [site / "glossary" / "index.html"]
    shown = []
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        shown += [el.get_text(" ", strip=True) for el in soup.select(".sources li, .source-key")]
    assert shown
    bad = [text for text in shown if re.search(r"\bline \d+|\bReference \d{3}\b|probably", text)]
    assert not bad, bad
    sick = (site / "guidance" / "sickness-absence" / "index.html").read_text(encoding="utf-8")
    assert "checked 1 December 2026" in sick


# Settings filled into content, the summary and law boxes, and topics in reading order.


URGENT = {
    "samaritans": {
        "name": "Samaritans",
        "contact": "116 123",
        "href": "tel:116123",
        "when": "Any time.",
        "source": "https://www.samaritans.org/",
        "checked": "2026-12-01",
    }
}


def test_placeholders_fill_publisher_contact_and_urgent_entries():
    settings = {
        "HUB_PUBLISHER": "A & B",
        "HUB_CONTACT_EMAIL": "hub@example.org",
        "URGENT_HELP": URGENT,
    }
    html = fill_placeholders(
        "<p>By {publisher}; write to {contact}.</p>"
        "<ul><li>{urgent:samaritans}</li><li>{urgent:nope}</li></ul>",
        settings,
    )
    assert (
        '<p>By A &amp; B; write to <a href="mailto:hub@example.org">hub@example.org</a>.</p>'
        in html
    )
    assert '<strong>Samaritans</strong>: <a href="tel:116123">116 123</a>. Any time.' in html
    assert "{urgent:nope}" in html  # left for the check to report


def test_contact_falls_back_to_the_repository_issues_page():
    html = fill_placeholders("{contact}", {"HUB_REPOSITORY_URL": "https://example.org/hub"})
    assert html == '<a href="https://example.org/hub/issues">the project\'s issues page</a>'


def test_unknown_urgent_keys_are_found_with_their_lines():
    text = "Title: x\n\n- {urgent:samaritans}\n- {urgent:samaritan} and {urgent:}\n"
    assert unknown_urgent_keys(text, URGENT) == [(4, "samaritan"), (4, "")]


def test_in_short_and_law_sections_become_boxes():
    html = (
        '<p>Intro</p><h2 id="in-short">In short</h2><ul><li>Do this</li></ul>'
        '<h2 id="steps">Steps</h2><p>x</p>'
        '<h2 id="what-the-law-says-great-britain">What the law says</h2><p>Rule</p>'
        '<h3 id="ni">Northern Ireland</h3><p>NI</p>'
    )
    assert wrap_boxes(html) == (
        '<p>Intro</p><section class="summary-box" aria-labelledby="in-short">'
        '<h2 id="in-short">In short</h2><ul><li>Do this</li></ul></section>\n'
        '<h2 id="steps">Steps</h2><p>x</p>'
        '<section class="law-box" aria-labelledby="what-the-law-says-great-britain">'
        '<h2 id="what-the-law-says-great-britain">What the law says</h2><p>Rule</p>'
        '<h3 id="ni">Northern Ireland</h3><p>NI</p></section>\n'
    )


TAXONOMY_TEXT = """[topics]
told = "Told"
off-sick = "Off sick"

[topic_order]
told = ["b", "a"]
off-sick = ["c", "ghost", "a"]
holidays = ["d"]
"""
PAGES = {
    "a": ("told", "content/guidance/a.md", 3),
    "b": ("told", "content/guidance/b.md", 3),
    "c": ("off-sick", "content/guidance/c.md", 3),
    "d": ("told", "content/guidance/d.md", 4),
}


def test_topic_order_problems_name_file_line_and_fix():
    import tomllib

    order = tomllib.loads(TAXONOMY_TEXT)["topic_order"]
    problems = check_topic_order(
        order, {"told": "Told", "off-sick": "Off sick"}, PAGES, TAXONOMY_TEXT
    )
    shown = [str(p) for p in problems]
    assert all(isinstance(p, Problem) for p in problems)
    assert any(
        s.startswith("content/data/taxonomy.toml:7: [topic_order] off-sick lists 'ghost'")
        for s in shown
    ), shown
    assert any(
        s.startswith("content/data/taxonomy.toml:7: [topic_order] lists 'a' twice") for s in shown
    ), shown
    assert any(
        s.startswith("content/data/taxonomy.toml:8: [topic_order] has 'holidays'") for s in shown
    ), shown
    assert any(
        s.startswith("content/guidance/d.md:4: this page (topic 'told') is not in [topic_order]")
        and 'add "d" to told' in s
        for s in shown
    ), shown
    assert len(problems) == 4


def test_topic_pages_follow_the_reading_order():
    class Page:
        def __init__(self, slug):
            self.slug, self.title = slug, slug.upper()

    pages = [Page("a"), Page("b"), Page("z"), Page("c")]
    assert [p.slug for p in in_reading_order(pages, ["c", "a", "b"])] == ["c", "a", "b", "z"]


def test_links_from_the_root_are_given_the_site_folder_and_others_are_left_alone():
    html = (
        '<a href="/finder/anxiety/">finder</a> <img src="/images/a.png" alt="">'
        ' <a href="//cdn.example.org/x">other host</a> <a href="guidance/x/">relative</a>'
        ' <a href="https://example.org/">out</a>'
    )
    moved = inside_site_folder(html, "https://org.example.io/hub/")
    assert 'href="/hub/finder/anxiety/"' in moved and 'src="/hub/images/a.png"' in moved
    assert 'href="//cdn.example.org/x"' in moved and 'href="guidance/x/"' in moved
    assert 'href="https://example.org/"' in moved
    assert inside_site_folder(html, "https://hub.example.org") == html
    assert inside_site_folder(html, "") == html
