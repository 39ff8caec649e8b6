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
        return self.taxonomy.get(group, {})


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
