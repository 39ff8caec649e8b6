"""Where things are in one Markdown file: found when the checks read it, then carried with its
page (`item.source_lines`), so later stages can name a line without reading the file again."""

import re
from dataclasses import dataclass, field
from pathlib import Path

from .front_matter import Field, front_matter_of

# What a Markdown file can link to: [text](target), ![alt](target), [ref]: target, <https://...>
# and raw HTML's href= and src=.
LINK_TARGET = re.compile(
    r"""\]\(\s*<?(?P<inline>[^)\s>]+)"""
    r"""|(?:href|src)\s*=\s*["'](?P<html>[^"']+)"""
    r"""|^\s*\[[^\]]+\]:\s*<?(?P<reference>[^\s>]+)"""
    r"""|<(?P<auto>https?://[^>\s]+)>"""
)


@dataclass(frozen=True)
class SourceLines:
    fields: dict[str, Field] = field(default_factory=dict)  # front matter, by lower-case name
    links: dict[str, int] = field(default_factory=dict)  # each link target -> its first line

    def field_line(self, name: str) -> int:
        found = self.fields.get(name)
        return found.line if found else 0

    def link_line(self, *needles: str) -> int:
        """The first line whose link target holds the first of `needles` that any holds, or 0."""
        for needle in needles:
            for target, line in self.links.items():
                if needle and needle in target:
                    return line
        return 0


def read_source(path: Path) -> SourceLines:
    return source_lines_of(path.read_text(encoding="utf-8-sig"))


def source_lines_of(text: str) -> SourceLines:
    links: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        for match in LINK_TARGET.finditer(line):
            links.setdefault(next(t for t in match.groups() if t), number)
    return SourceLines(front_matter_of(text), links)
