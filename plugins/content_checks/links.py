"""Find what Pelican left unresolved: `{filename}` and `{static}` links to files that do not exist."""

import re
from pathlib import Path

from .rules import Problem

UNRESOLVED = re.compile(r"""(?:href|src)=["'](?P<target>[{|](?:filename|static|attach)[}|][^"']*)["']""")


def unresolved_links(html: str) -> list[str]:
    return [m["target"] for m in UNRESOLVED.finditer(html)]


def line_of(path: Path, text: str) -> int:
    """The first line of the source file that mentions `text`, or 0 when none does."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    return 0


def check_links(path: Path, html: str, shown_as: str) -> list[Problem]:
    problems = []
    for target in unresolved_links(html):
        name = re.sub(r"^[{|]\w+[}|]", "", target)
        problems.append(Problem(
            shown_as, line_of(path, target), f"links to '{target}', but '{name}' does not exist",
            "correct the path; it is relative to this file, e.g. "
            "'{filename}../guidance/access-to-work.md' or '{static}/images/logo.svg'"))
    return problems
