"""The lists of keys that front matter may use: content/data/taxonomy.toml and sources.toml.

Read once per build: the result is cached by the files' modification times and sizes, so
`make serve` sees an edited taxonomy on the next rebuild and a build reads each file once.
"""

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Known:
    taxonomy: dict[str, dict[str, str]]
    sources: dict[str, dict]

    def keys(self, group: str) -> dict[str, str]:
        if group == "situations":
            return {key: label for key, (_, label) in situations_of(self.taxonomy).items()}
        return self.taxonomy.get(group, {})


def situations_of(taxonomy: dict) -> dict[str, tuple[str, str]]:
    """[situations.<difficulty>] tables as {situation key: (difficulty key, label)}.

    The taxonomy nests situations under their difficulty; front matter names them by key alone,
    so a key used under two difficulties keeps the first (the finder's checks report it)."""
    found: dict[str, tuple[str, str]] = {}
    for difficulty, table in taxonomy.get("situations", {}).items():
        if isinstance(table, dict):
            for key, label in table.items():
                found.setdefault(key, (difficulty, str(label)))
    return found


def load_known(content_path: Path) -> Known:
    data = Path(content_path).resolve() / "data"
    files = (data / "taxonomy.toml", data / "sources.toml")
    stats = [path.stat() for path in files]
    return _read(*files, *((s.st_mtime_ns, s.st_size) for s in stats))


@functools.lru_cache(maxsize=8)
def _read(taxonomy_path: Path, sources_path: Path, *versions: tuple[int, int]) -> Known:
    taxonomy = tomllib.loads(taxonomy_path.read_text(encoding="utf-8"))
    sources = tomllib.loads(sources_path.read_text(encoding="utf-8"))
    return Known(taxonomy, sources.get("documents", {}))
