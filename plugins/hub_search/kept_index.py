"""The search index files of recent builds, kept in `.build/search/` for the next build.

The index is made from the searchable pages (their text, titles, tags and facets), the index
options, the hub's code and the lunr and numpy libraries, and from nothing else. A build whose inputs hash to the key of
a kept index links (or, across file systems, copies) its files into the output instead of
indexing every page again: on a big site that is seconds on the second core, which the link
check's reader needs too. Any change to a page makes a new key, and the next build indexes.

The kept files are hard links to the output's: safe because nothing writes into an index
folder after it is made, and every build empties the folder (FileWriter.reset) before
writing, so a kept file is never written through its link.
"""

import dataclasses
import hashlib
import json
from importlib import metadata
from pathlib import Path

from hub_kernel.kept import copy_files, hash_files, keep_entry, plain_relative

from .files import FileWriter

# The hub's code (this package uses the kernel's too) and the libraries that make the index.
CODE = Path(__file__).resolve().parent.parent
LIBRARIES = ("lunr", "numpy")
LIST = "kept.json"  # the index's stats, and each file with its size
FILES = "files"


def index_key(pages: list, options) -> str:
    """One hash of the pages, the options and the code that turns them into the index."""
    digest = hashlib.sha256(" ".join(map(metadata.version, LIBRARIES)).encode())
    hash_files(digest, CODE, "*.py")
    digest.update(json.dumps(dataclasses.asdict(options), sort_keys=True).encode())
    for page in pages:
        digest.update(json.dumps(dataclasses.asdict(page), sort_keys=True).encode() + b"\n")
    return digest.hexdigest()


class KeptIndex:
    def __init__(self, root: Path, key: str):
        self.root = Path(root)
        self.kept = self.root / key

    def restore(self, folder: Path) -> dict | None:
        """Put the kept index for this key in `folder`; its stats, or None if none is kept
        whole (a file missing or of another size: the caller builds the index afresh)."""
        try:
            kept = json.loads((self.kept / LIST).read_text(encoding="utf-8"))
            stats, files = kept["stats"], kept["files"]
            whole = all(
                plain_relative(name) and (self.kept / FILES / name).stat().st_size == size
                for name, size in files
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if not whole:
            return None
        FileWriter(folder).reset()
        try:
            copy_files([name for name, _ in files], self.kept / FILES, folder, link=True)
        except OSError:
            FileWriter(folder).reset()  # half an index is no index
            return None
        return stats

    def keep(self, folder: Path, stats: dict) -> None:
        """Keep the index just written in `folder` (with one earlier build's)."""

        def fill(kept: Path) -> None:
            written = [p for p in sorted(Path(folder).rglob("*")) if p.is_file()]
            names = [p.relative_to(folder).as_posix() for p in written]
            copy_files(names, folder, kept / FILES, link=True)
            files = [[name, path.stat().st_size] for name, path in zip(names, written)]
            listing = json.dumps({"stats": stats, "files": files})
            (kept / LIST).write_text(listing, encoding="utf-8")

        keep_entry(self.root, self.kept.name, fill)
