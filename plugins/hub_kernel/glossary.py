"""The glossary's terms (content/data/glossary.toml): hub_pages writes the glossary page and
links first uses; hub_search makes each term a search result linking to its anchor."""

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Term:
    term: str
    definition: str
    expansion: str = ""
    source: str = ""
    historic: bool = False

    @functools.cached_property
    def key(self) -> str:
        return self.term.lower()

    @property
    def anchor(self) -> str:
        return "term-" + re.sub(r"[^a-z0-9]+", "-", self.key).strip("-")

    @property
    def is_acronym(self) -> bool:
        return self.term.isupper()


def load_terms(content_path: Path) -> list[Term]:
    path = Path(content_path) / "data" / "glossary.toml"
    if not path.exists():
        return []
    entries = tomllib.loads(path.read_text(encoding="utf-8")).get("term", [])
    return sorted((Term(**entry) for entry in entries), key=lambda t: t.term.lower())
