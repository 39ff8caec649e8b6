"""Find what Pelican left unresolved: `{filename}` and `{static}` links to files that do not exist."""

import re
from pathlib import Path

from hub_kernel.problems import Problem

UNRESOLVED = re.compile(
    r"""(?:href|src)=["'](?P<target>[{|](?:filename|static|attach)[}|][^"']*)["']"""
)


def unresolved_links(html: str) -> list[str]:
    return [m["target"] for m in UNRESOLVED.finditer(html)]


def line_of(path: Path, text: str) -> int:
    """The first line of the source file that mentions `text`, or 0 when none does."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    return 0


STATIC_REF = re.compile(r"[{|](?:static|attach)[}|](?P<name>[^\s)\"'>]+)")


def missing_static_files(path: Path, content_root: Path) -> list[tuple[int, str]]:
    """(line, reference) for each `{static}` or `{attach}` file that is not in content/.

    Pelican rewrites these links even when the file is missing, so the source is checked.
    """
    missing = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        for match in STATIC_REF.finditer(line):
            name = match["name"].split("#")[0].split("?")[0]
            target = content_root / name.lstrip("/") if name.startswith("/") else path.parent / name
            if not target.is_file():
                missing.append((number, match[0]))
    return missing


def check_links(path: Path, html: str, shown_as: str, content_root: Path) -> list[Problem]:
    problems = [
        Problem(
            shown_as,
            line,
            f"uses '{ref}', but that file is not in content/",
            "add the file (images go in content/images/) or correct the path",
        )
        for line, ref in missing_static_files(path, content_root)
    ]
    for target in unresolved_links(html):
        name = re.sub(r"^[{|]\w+[}|]", "", target)
        problems.append(
            Problem(
                shown_as,
                line_of(path, target),
                f"links to '{target}', but '{name}' does not exist",
                "correct the path; it is relative to this file, e.g. "
                "'{filename}../guidance/access-to-work.md' or '{static}/images/logo.svg'",
            )
        )
    return problems
