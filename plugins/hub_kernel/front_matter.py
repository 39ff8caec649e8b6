"""Read a Markdown file's front matter (Pelican's `Key: value` lines) with line numbers."""

import re
from dataclasses import dataclass
from pathlib import Path

KEY_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z0-9_-]*):\s*(?P<value>.*)$")


@dataclass(frozen=True)
class Field:
    value: str
    line: int


def read_front_matter(path: Path) -> dict[str, Field]:
    return front_matter_of(path.read_text(encoding="utf-8-sig"))


def front_matter_of(text: str) -> dict[str, Field]:
    """Fields by lower-case name, as Pelican sees them; stops at the first blank line."""
    fields: dict[str, Field] = {}
    last_key = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            break
        match = KEY_LINE.match(line)
        if match:
            last_key = match["key"].lower()
            fields[last_key] = Field(match["value"].strip(), number)
        elif last_key and line.startswith((" ", "\t")):
            # An indented line continues the previous value, as in Python-Markdown's meta.
            previous = fields[last_key]
            fields[last_key] = Field(f"{previous.value} {line.strip()}", previous.line)
        else:
            break
    return fields


def split_list(value: str, separator: str = ",") -> list[str]:
    return [item.strip() for item in value.split(separator) if item.strip()]


# One `Sources:` item, e.g. "000 para 29", and one `Fit:` item, e.g. "office 3".
SOURCE_REF = re.compile(r"^(?P<key>[\w-]+)(?:\s+(?P<locator>[A-Za-z]+)\s+(?P<number>\d+))?$")
FIT_ITEM = re.compile(r"^(?P<setting>[\w-]+)\s+(?P<score>[0-3])$")
