"""What each output file offers and refers to, kept between builds by the hash of its bytes.

A file's ids and references depend only on its bytes and on how it is read (its reader, the
JSON keys, the data readers), never on the rest of the site, so a rebuild parses only the
files whose bytes changed; links are still resolved over the whole site every time.
"""

import gc
import json
import os
from pathlib import Path

from .references import PageReferences

# Bump when references.py changes what it finds: every cached file is then parsed again.
PARSER_VERSION = 1
CACHE_NAME = "references.json"


def page_to_json(page: PageReferences) -> list:
    return [sorted(page.ids), [[r.target, r.kind] for r in page.references], page.base]


def page_from_json(entry: list) -> PageReferences:
    ids, references, base = entry
    # The [target, kind] pairs are kept as they are: the check unpacks them like a Reference,
    # and making an object of each of a big site's references costs seconds.
    return PageReferences(set(ids), references, base)


def load_without_collecting(path: Path):
    """JSON holds no cycles, so the garbage collector has nothing to find in it; left on, it
    scans the whole build's objects again and again while a big cache loads."""
    text = path.read_text(encoding="utf-8")
    was_on = gc.isenabled()
    gc.disable()
    try:
        return json.loads(text)
    finally:
        if was_on:
            gc.enable()


class ReferenceCache:
    """file key (sha1 of how it is read and its bytes) -> its parsed references, in JSON.

    Only the entries a build used are saved, so the cache holds one site's files, not every
    version ever built."""

    def __init__(self, folder: Path, reading: str):
        self.path = Path(folder) / CACHE_NAME
        self.version = f"{PARSER_VERSION} {reading}"
        self.known: dict[str, list] = {}
        self.used: dict[str, list] = {}
        try:
            saved = load_without_collecting(self.path)
        except (OSError, ValueError):
            return  # no cache yet, or a damaged one: parse everything
        if isinstance(saved, dict) and saved.get("version") == self.version:
            self.known = saved.get("files", {})

    def get(self, key: str) -> PageReferences | None:
        entry = self.known.get(key)
        if entry is None:
            return None
        self.used[key] = entry
        return page_from_json(entry)

    def put(self, key: str, page: PageReferences) -> None:
        self.used[key] = page_to_json(page)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        data = {"version": self.version, "files": self.used}
        temporary.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        os.replace(temporary, self.path)  # a build stopped half-way never leaves half a cache
