"""The glossary: terms from content/data/glossary.toml, and a link on each page's first use."""

import functools
import re

from hub_kernel.glossary import Term, load_terms

__all__ = ["Term", "link_first_uses", "load_terms"]

SKIP_INSIDE = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "abbr", "script", "style"}
TAG_NAME = re.compile(r"^</?\s*([a-zA-Z0-9]+)")


@functools.lru_cache(maxsize=256)
def term_pattern(terms: tuple[Term, ...]) -> re.Pattern | None:
    """One pattern for every tag and every term (longest first, acronyms in their exact case),
    so a page is linked in a single pass."""
    if not terms:
        return None
    parts = []
    for term in sorted(terms, key=lambda t: -len(t.term)):
        escaped = re.escape(term.term)
        parts.append(escaped if term.is_acronym else f"(?i:{escaped})")
    return re.compile(r"(?P<tag><[^>]+>)|\b(?P<term>" + "|".join(parts) + r")\b")


def link_first_uses(page_html: str, terms: list[Term], glossary_url: str) -> str:
    """Link the first use of each term in running text (not headings, links or code)."""
    lower = page_html.lower()
    # Only the terms the page mentions at all: a short pattern is much faster to run.
    present = tuple(t for t in terms if t.key in lower)
    if not present:
        return page_html
    pattern = term_pattern(present)
    by_key = {t.key: t for t in present}
    linked: set[str] = set()
    depth = 0  # how many skipped elements (links, headings, code) we are inside

    def replace(match: re.Match) -> str:
        nonlocal depth
        tag = match["tag"]
        if tag:
            name = TAG_NAME.match(tag)
            if name and name[1].lower() in SKIP_INSIDE and not tag.endswith("/>"):
                depth += -1 if tag.startswith("</") else 1
            return tag
        key = match["term"].lower()
        if depth > 0 or key in linked or key not in by_key:
            return match[0]
        linked.add(key)
        return f'<a class="glossary-link" href="{glossary_url}#{by_key[key].anchor}">{match[0]}</a>'

    return pattern.sub(replace, page_html)
