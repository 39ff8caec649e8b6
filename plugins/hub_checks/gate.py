"""The gate: every file under content/ is one the hub knows, or it is refused by name.

Pelican reads every file it has a reader for (.md, .html, .rst, ...) at any depth, copies
whatever sits in a static folder, and follows symbolic links. The gate walks content/ without
following links, before Pelican reads anything, and says which files Pelican must not read
or copy (`Gate.refused`), with a problem for each. Plain functions over the file system.
"""

import fnmatch
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from hub_kernel.problems import Problem

from .schema import CONTENT_TYPES

IMAGES = "images"
DATA = "data"
IMAGE_TYPES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif"}
# Kept out of git's empty folders and editors' lock files: never read, never published.
IGNORED = (".gitkeep", ".#*")
DUPLICATE_KEY = re.compile(r"^(?P<key>[A-Za-z][A-Za-z0-9_-]*):")

FIX_TYPE = {
    **{
        kind: "pages are Markdown files ending in .md: save it as .md, or delete it"
        for kind in CONTENT_TYPES
    },
    IMAGES: "images are .png, .jpg, .gif or .webp files (an SVG can carry scripts: export it "
    "as PNG); delete anything else",
    DATA: "data files are .toml files; delete anything else",
}
FIX_PLACE = (
    "content files go in content/guidance/, content/case-studies/, "
    "content/adjustments/ or content/pages/; images in content/images/"
)


@dataclass
class Gate:
    pages: dict[str, list[Path]] = field(default_factory=dict)  # content type -> .md files
    data: list[Path] = field(default_factory=list)
    images: list[Path] = field(default_factory=list)  # the only files the build may copy
    problems: list[Problem] = field(default_factory=list)
    refused: set[Path] = field(default_factory=set)  # absolute paths, files and folders

    def refuse(self, path: Path, shown: str, message: str, fix: str, line: int = 0) -> None:
        self.refused.add(Path(os.path.abspath(path)))
        self.problems.append(Problem(shown, line, message, fix))

    def report(self, problem: Problem) -> None:
        """A problem that leaves the file readable (the preview shows it on the page)."""
        self.problems.append(problem)


def scan(content: Path, shown, static: tuple[str, ...] = ()) -> Gate:
    """Walk content/ (links not followed); `shown` turns a path into the name editors know.
    `static`: other folders the settings copy as they are (STATIC_PATHS besides images/)."""
    content = Path(os.path.abspath(content))
    gate = Gate(pages={kind: [] for kind in CONTENT_TYPES})
    for folder, subfolders, files in os.walk(content):
        folder = Path(folder)
        top = folder.relative_to(content).parts[:1]
        for name in list(subfolders):
            path = folder / name
            known = {*CONTENT_TYPES, IMAGES, DATA, *static}
            if path.is_symlink() or (not top and name not in known):
                subfolders.remove(name)
                refuse_odd(gate, path, shown(path), is_top=not top)
        for name in sorted(files):
            if any(fnmatch.fnmatch(name, pattern) for pattern in IGNORED):
                continue
            path = folder / name
            if path.is_symlink() or not path.is_file() or not top:
                refuse_odd(gate, path, shown(path), is_top=not top)
            else:
                sort_file(gate, path, top[0], shown(path), static)
    return gate


def refuse_odd(gate: Gate, path: Path, shown: str, is_top: bool) -> None:
    if path.is_symlink():
        gate.refuse(
            path,
            shown,
            f"is a symbolic link (to {os.readlink(path)})",
            "put the file itself here, or delete the link: the build never follows "
            "links, so a link cannot publish a file from elsewhere",
        )
    elif not path.is_file() and not path.is_dir():
        gate.refuse(path, shown, "is not a regular file", "delete it")
    else:
        gate.refuse(path, shown, "is not in one of the hub's content folders", FIX_PLACE)


def sort_file(gate: Gate, path: Path, top: str, shown: str, static=()) -> None:
    if top in static:
        gate.images.append(path)  # copied as it is: the settings chose this folder
        return
    suffix = path.suffix.lower()
    wanted = {IMAGES: IMAGE_TYPES, DATA: {".toml"}}.get(top, {".md"})
    if suffix not in wanted or (top in CONTENT_TYPES and path.suffix != ".md"):
        kind = f"a '{path.suffix}'" if path.suffix else "a"
        gate.refuse(path, shown, f"is {kind} file, which the hub does not publish", FIX_TYPE[top])
    elif top == DATA:
        gate.data.append(path)
    elif top == IMAGES:
        gate.images.append(path)
    elif top in CONTENT_TYPES:
        problem = text_problem(path, shown)
        if problem:
            gate.refuse(path, shown, problem.message, problem.fix, problem.line)
        else:
            gate.pages[top].append(path)


def text_problem(path: Path, shown: str) -> Problem | None:
    """A file the front-matter checks cannot read as text, or that Pelican would misread."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")  # a byte-order mark is fine (Pelican drops it too)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return Problem(shown, line, "is not UTF-8 text", "save it as UTF-8 in your editor")
    if not text.strip():
        return Problem(
            shown,
            0,
            "is empty",
            "write the front matter and the page, or delete "
            "the file (make new TYPE=guidance SLUG=... starts one)",
        )
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        return Problem(
            shown,
            line,
            "holds a NUL character",
            "delete it (it is invisible in most editors: retype the line)",
        )
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            break
        match = DUPLICATE_KEY.match(line)
        if not match:
            continue
        key = match["key"].lower()
        if key in seen:
            name = match["key"][:1].upper() + match["key"][1:]
            return Problem(
                shown,
                number,
                f"'{name}' appears twice (first on line {seen[key]})",
                "keep one of the two lines",
            )
        seen[key] = number
    return None
