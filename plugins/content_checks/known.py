"""The lists of keys that front matter may use: content/data/taxonomy.toml and sources.toml."""

import tomllib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Known:
    taxonomy: dict[str, dict[str, str]]
    sources: dict[str, dict]
    official: dict[str, dict]

    def keys(self, group: str) -> dict[str, str]:
        return self.taxonomy.get(group, {})


def load_known(content_path: Path) -> Known:
    data = Path(content_path) / "data"
    taxonomy = tomllib.loads((data / "taxonomy.toml").read_text(encoding="utf-8"))
    sources = tomllib.loads((data / "sources.toml").read_text(encoding="utf-8"))
    return Known(taxonomy, sources.get("documents", {}), sources.get("official", {}))
