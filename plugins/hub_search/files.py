"""Write the search files: names from content hashes, and a .gz copy beside the larger ones.

A file named by its content can be cached for ever; a new build makes new names. The .gz
copy is what a server with pre-compressed files (nginx gzip_static, Netlify, ...) sends to a
browser that accepts gzip, so the browser fetches the smaller file without the server
compressing anything.
"""

import gzip
import hashlib
import shutil
from pathlib import Path

GZIP_FROM = 600  # bytes: below this a .gz copy saves too little to be worth a file


def content_name(folder: str, text: str, suffix: str = ".json") -> str:
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()
    return f"{folder}/{digest}{suffix}"


class FileWriter:
    def __init__(self, root: Path, gzip_copies: bool = True):
        self.root = Path(root)
        self.gzip_copies = gzip_copies
        self.written = 0
        self.bytes = 0
        self.folders: set[Path] = set()

    def reset(self):
        """Start from an empty folder, so files of earlier builds never pile up."""
        if self.root.exists():
            shutil.rmtree(self.root)
        self.root.mkdir(parents=True)

    def write(self, name: str, text: str, compress: bool = True) -> None:
        path = self.root / name
        if path.parent not in self.folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.folders.add(path.parent)
        data = text.encode("utf-8")
        path.write_bytes(data)
        self.written += 1
        self.bytes += len(data)
        if compress and self.gzip_copies and len(data) >= GZIP_FROM:
            # mtime=0 keeps the .gz byte-identical from build to build.
            path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, 6, mtime=0))
