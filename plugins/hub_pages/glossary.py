"""The glossary: terms from content/data/glossary.toml, and a link on each page's first use."""

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

SKIP_INSIDE = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "abbr", "script", "style"}
TAG_OR_TEXT = re.compile(r"(<[^>]+>)")
TAG_NAME = re.compile(r"^</?\s*([a-zA-Z0-9]+)")


@dataclass(frozen=True)
class Term:
    term: str
    definition: str
    expansion: str = ""
    source: str = ""
    historic: bool = False

    @property
    def anchor(self) -> str:
        return "term-" + re.sub(r"[^a-z0-9]+", "-", self.term.lower()).strip("-")

    @property
    def is_acronym(self) -> bool:
        return self.term.isupper()


def load_terms(content_path: Path) -> list[Term]:
    path = Path(content_path) / "data" / "glossary.toml"
    if not path.exists():
        return []
    entries = tomllib.loads(path.read_text(encoding="utf-8")).get("term", [])
    return sorted((Term(**entry) for entry in entries), key=lambda t: t.term.lower())


def term_pattern(terms: list[Term]) -> re.Pattern | None:
    """One pattern for all terms, longest first; acronyms match their exact case only."""
    if not terms:
        return None
    parts = []
    for term in sorted(terms, key=lambda t: -len(t.term)):
        escaped = re.escape(term.term)
        parts.append(escaped if term.is_acronym else f"(?i:{escaped})")
    return re.compile(r"\b(" + "|".join(parts) + r")\b")


def link_first_uses(page_html: str, terms: list[Term], pattern: re.Pattern | None,
                    glossary_url: str) -> str:
    """Link the first use of each term in running text (not headings, links or code)."""
    if pattern is None:
        return page_html
    by_key = {t.term.lower(): t for t in terms}
    linked: set[str] = set()
    depth = 0
    pieces = TAG_OR_TEXT.split(page_html)
    for index, piece in enumerate(pieces):
        if piece.startswith("<"):
            name = TAG_NAME.match(piece)
            if name and name[1].lower() in SKIP_INSIDE and not piece.endswith("/>"):
                depth += -1 if piece.startswith("</") else 1
            continue
        if depth > 0 or not piece.strip():
            continue

        def link(match: re.Match) -> str:
            term = by_key.get(match[1].lower())
            if term is None or term.term.lower() in linked:
                return match[0]
            linked.add(term.term.lower())
            return (f'<a class="glossary-link" href="{glossary_url}#{term.anchor}">'
                    f"{match[0]}</a>")

        pieces[index] = pattern.sub(link, piece)
    return "".join(pieces)
