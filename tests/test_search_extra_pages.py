"""Glossary terms and finder pages become search pages of their own."""

from types import SimpleNamespace

from hub_kernel.glossary import Term
from hub_search.extra_pages import finder_pages, glossary_pages


def test_each_glossary_term_is_a_page_linking_to_its_anchor():
    [eap, buddy] = glossary_pages(
        [
            Term("EAP", "Counselling paid for by the employer.", "employee assistance programme"),
            Term("buddy", "A colleague who offers support."),
        ]
    )
    assert eap.url == "glossary/#term-eap" and eap.kind == "glossary"
    assert eap.title == "EAP (employee assistance programme)"
    assert "Counselling" in eap.html
    assert buddy.title == "buddy" and buddy.url == "glossary/#term-buddy"


def adjustment(title, difficulties, situations=""):
    return SimpleNamespace(
        title=title, summary=f"About {title}.", difficulties=difficulties, situations=situations
    )


def test_finder_pages_list_their_situations_and_the_adjustments_that_help():
    taxonomy = {
        "difficulties": {"concentration": "Finding it hard to concentrate", "memory": "Memory"},
        "situations": {"concentration": {"noise-and-interruptions": "Noise and interruptions"}},
    }
    adjustments = [
        adjustment("Quiet space", "concentration 3", "noise-and-interruptions 3"),
        adjustment("Checklists", "memory 3, concentration 1"),
    ]
    pages = {page.url: page for page in finder_pages(taxonomy, adjustments)}
    assert set(pages) == {
        "finder/concentration/",
        "finder/memory/",
        "finder/concentration/noise-and-interruptions/",
    }
    difficulty = pages["finder/concentration/"]
    assert difficulty.title == "Finding it hard to concentrate" and difficulty.kind == "finder"
    assert "Noise and interruptions" in difficulty.html
    assert "Quiet space" in difficulty.html and "Checklists" in difficulty.html
    situation = pages["finder/concentration/noise-and-interruptions/"]
    assert "Quiet space" in situation.html and "Checklists" not in situation.html
    assert "Quiet space" not in pages["finder/memory/"].html


def test_no_finder_pages_without_adjustments():
    assert finder_pages({"difficulties": {"memory": "Memory"}}, []) == []
