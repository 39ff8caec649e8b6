"""Links to the hub's own files: `{filename}`, `{static}` and `{attach}`.

The source is checked before Pelican reads it (source_checks.link_problems, through
`missing_link`); after reading, `check_links` finds what Pelican still left unresolved (it only
warns), for a link the source check could not read, such as Pelican's older `|filename|`.
"""

import re
from pathlib import Path

from hub_kernel.problems import Problem

from .page_checks import line_of

UNRESOLVED = re.compile(
    r"""(?:href|src)=["'](?P<target>[{|](?:filename|static|attach)[}|][^"']*)["']"""
)
FIX_LINK = (
    "correct the path; it is relative to this file, e.g. "
    "'{filename}../guidance/access-to-work.md' or '{static}/images/logo.svg'"
)


def missing_link(shown_as: str, line: int, target: str) -> Problem:
    """A link to a file that does not exist: the same problem from either check."""
    name = re.sub(r"^[{|]\w+[}|]", "", target)
    if re.match(r"^[{|](static|attach)", target):
        return Problem(
            shown_as,
            line,
            f"uses '{target}', but that file is not in content/",
            "add the file (images go in content/images/) or correct the path",
        )
    return Problem(shown_as, line, f"links to '{target}', but '{name}' does not exist", FIX_LINK)


def target_file(path: Path, content_root: Path, name: str) -> Path:
    name = name.split("#")[0].split("?")[0]
    return content_root / name.lstrip("/") if name.startswith("/") else path.parent / name


def check_links(path: Path, html: str, shown_as: str, content_root: Path) -> list[Problem]:
    source = path.read_text(encoding="utf-8-sig")
    problems = []
    for match in UNRESOLVED.finditer(html):
        target = match["target"]
        name = re.sub(r"^[{|]\w+[}|]", "", target)
        if target_file(path, content_root, name).is_file():
            continue  # the file exists but was refused: its own problems say why
        problems.append(missing_link(shown_as, line_of(source, target), target))
    return problems
