"""The hub's own page helpers: glossary links, contents lists and citations."""

from hub_pages.contents import contents_list
from hub_pages.glossary import Term, link_first_uses
from hub_pages.sources import citations, source_label

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
