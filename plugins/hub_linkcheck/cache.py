"""What the link check learnt about each output file, kept between builds.

- `ReferenceCache`: what a file offers and refers to, by the hash of its bytes. A file's ids
  and references depend only on its bytes and on how it is read (its reader, the JSON keys,
  the data readers), never on the rest of the site, so a rebuild parses only the files whose
  bytes changed.
- `ResolvedCache`: what each file's references resolved to. A file's result depends on its
  references and on which file each site path it names finds, so a rebuild resolves again
  only the files whose bytes changed and those naming a path that finds another file now.
"""

import gc
import hashlib
import json
import pickle
from pathlib import Path

from hub_kernel.kept import replace_file

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


def load_without_collecting(path: Path, load=json.loads):
    """`load` of the file's bytes (JSON by default). A cache holds no cycles, so the garbage
    collector has nothing to find in it; left on, it scans the whole build's objects again and
    again while a big cache loads."""
    data = path.read_bytes()
    was_on = gc.isenabled()
    gc.disable()
    try:
        return load(data)
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
        self.changed = False
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
        self.changed = True

    def keep(self, key: str) -> None:
        """A known file this build has, whose references it did not need."""
        self.used[key] = self.known[key]

    def save(self) -> None:
        if not self.changed and self.used.keys() == self.known.keys():
            return  # the saved cache is this build's already
        data = {"version": self.version, "files": self.used}
        replace_file(self.path, json.dumps(data, separators=(",", ":")).encode("utf-8"))


RESOLVED_NAME = "resolved.pickle"
# The code that decides a file's result: a change to it makes every kept result stale.
RESOLVING_CODE = ("check.py", "resolve.py")


def resolving_key(site_url: str, reading: str) -> str:
    """What besides the site's files decides every result: the site URL, how files are read
    (FileReader.reading) and the resolving code."""
    digest = hashlib.sha1(f"{site_url}\0{reading}\0".encode())
    for name in RESOLVING_CODE:
        digest.update((Path(__file__).parent / name).read_bytes())
    return digest.hexdigest()


class ResolvedCache:
    """output file -> (its cache key, what its references resolved to), with the file each
    site path found when they were resolved.

    A kept result holds while the file's bytes are the same and each site path it named finds
    the same file (or none) in this build: a page added, removed or renamed elsewhere (the
    search index's files, named by their content, change with any edit) leaves it standing.
    Pickled: the results are the check's own objects, and the file is the build's own state
    in .build/, never content. Only the entries a build used are saved."""

    def __init__(self, folder: Path, key: str):
        self.path = Path(folder) / RESOLVED_NAME
        self.key = key
        self.known: dict[str, tuple] = {}
        self.found: dict[str, str | None] = {}  # site path -> the file it found then
        self.moved: set[str] = set()  # paths that find another file (or none) now
        self.used: dict[str, tuple] = {}
        self.changed = False
        try:
            saved = load_without_collecting(self.path, pickle.loads)
            if isinstance(saved, dict) and saved.get("key") == key:
                self.known, self.found = saved["files"], saved["found"]
        except Exception:  # noqa: BLE001 - no cache, an old one or a damaged one: resolve all
            self.known, self.found = {}, {}

    def check_paths(self, file_of) -> None:
        """Note which site paths find another file in this build (`file_of`: path -> file)."""
        self.moved = {path for path, file in self.found.items() if file_of(path) != file}

    def get(self, name: str, key: str):
        entry = self.known.get(name)
        if entry is None or entry[0] != key or not entry[1].paths.isdisjoint(self.moved):
            return None
        self.used[name] = entry
        return entry[1]

    def put(self, name: str, key: str, result) -> None:
        self.used[name] = (key, result)
        self.changed = True

    def save(self, file_of) -> None:
        """Keep this build's results, with the file each path they name finds now."""
        found = {path: file_of(path) for _, result in self.used.values() for path in result.paths}
        unchanged = self.used.keys() == self.known.keys() and found == self.found
        if not self.changed and unchanged:
            return
        data = {"key": self.key, "files": self.used, "found": found}
        replace_file(self.path, pickle.dumps(data, pickle.HIGHEST_PROTOCOL))
