"""Search pages for what a reader may look for that is not an article: each glossary term
(a result of its own, linking to the term's anchor on the glossary page), each of the
finder's difficulty pages (the situations under the difficulty and the adjustments that help
with it) and, when the taxonomy lists situations, each situation's page."""

import re
from html import escape

from hub_kernel.front_matter import split_list
from hub_kernel.glossary import Term

from .documents import Page

GLOSSARY_URL = "glossary/"
FINDER_URL = "finder/{difficulty}/"  # hub_finder's difficulty pages
SITUATION_URL = "finder/{difficulty}/{situation}/"  # and its pages for what exactly is hard
KEY = re.compile(r"[a-z0-9-]+")  # "concentration 3" (key and relevance) -> "concentration"


def glossary_pages(terms: list[Term]) -> list[Page]:
    return [
        Page(
            url=f"{GLOSSARY_URL}#{term.anchor}",
            title=f"{term.term} ({term.expansion})" if term.expansion else term.term,
            kind="glossary",
            html=f"<p>{escape(term.definition)}</p>",
        )
        for term in terms
    ]


def keys_of(adjustment, attribute: str) -> set[str]:
    """The keys of a list line such as `Difficulties: concentration 3, memory 2`."""
    found = (KEY.match(item) for item in split_list(str(getattr(adjustment, attribute, "") or "")))
    return {match.group() for match in found if match}


def adjustment_list(adjustments: list) -> str:
    items = "".join(
        f"<li>{escape(a.title)}: {escape(str(getattr(a, 'summary', '') or ''))}</li>"
        for a in adjustments
    )
    return f"<ul>{items}</ul>"


def finder_pages(taxonomy: dict, adjustments: list) -> list[Page]:
    """One page per difficulty (its situations, then its adjustments with their summaries) and
    one per situation. The finder writes no pages without adjustments (the benchmarks' sites)."""
    pages = []
    if not adjustments:
        return pages
    for key, label in taxonomy.get("difficulties", {}).items():
        situations = taxonomy.get("situations", {}).get(key, {})
        helping = [a for a in adjustments if key in keys_of(a, "difficulties")]
        html = "".join(f"<p>{escape(s)}.</p>" for s in situations.values())
        pages.append(finder_page(FINDER_URL.format(difficulty=key), label, html, helping))
        for situation, situation_label in situations.items():
            url = SITUATION_URL.format(difficulty=key, situation=situation)
            fitting = [a for a in helping if situation in keys_of(a, "situations")]
            pages.append(finder_page(url, situation_label, f"<p>{escape(label)}.</p>", fitting))
    return pages


def finder_page(url: str, label: str, html: str, adjustments: list) -> Page:
    return Page(
        url=url,
        title=label,
        kind="finder",
        html=html + adjustment_list(adjustments),
        summary=f"Adjustments for: {label}, for every kind of work.",
    )
