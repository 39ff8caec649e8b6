"""Search pages for what a reader may look for that is not an article: each glossary term
(a result of its own, linking to the term's anchor on the glossary page) and each of the
finder's difficulty pages, which list the situations under the difficulty and the
adjustments that help with it."""

import re
from html import escape

from hub_kernel.front_matter import split_list
from hub_kernel.glossary import Term

from .documents import Page

GLOSSARY_URL = "glossary/"
FINDER_URL = "finder/{difficulty}/"  # hub_finder's difficulty pages
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


def difficulty_keys(adjustment) -> set[str]:
    found = (KEY.match(item) for item in split_list(str(getattr(adjustment, "difficulties", ""))))
    return {match.group() for match in found if match}


def finder_pages(taxonomy: dict, adjustments: list) -> list[Page]:
    """One page per difficulty: its situations, then its adjustments with their summaries.
    The finder writes no pages without adjustments (the benchmarks' generated sites)."""
    pages = []
    if not adjustments:
        return pages
    for key, label in taxonomy.get("difficulties", {}).items():
        situations = taxonomy.get("situations", {}).get(key, {}).values()
        helping = [a for a in adjustments if key in difficulty_keys(a)]
        items = "".join(
            f"<li>{escape(a.title)}: {escape(str(getattr(a, 'summary', '') or ''))}</li>"
            for a in helping
        )
        html = "".join(f"<p>{escape(s)}.</p>" for s in situations) + f"<ul>{items}</ul>"
        pages.append(
            Page(
                url=FINDER_URL.format(difficulty=key),
                title=label,
                kind="finder",
                html=html,
                summary=f"Adjustments for: {label}, for every kind of work.",
            )
        )
    return pages
