"""The hub's own page helpers: glossary links, contents lists and citations."""

from hub_pages.contents import contents_list
from hub_pages.glossary import Term, link_first_uses
from hub_pages.sources import citations

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
