"""Split a page's rendered HTML into sections at its h2 and h3 headings, as plain text.

Markdown's toc extension gives each heading an id, so each section can link to its anchor.
Regular expressions are enough here: the HTML is Markdown's own output, and they are many
times faster than a parser on thousands of pages.
"""

import re
from dataclasses import dataclass

from hub_kernel.values import plain_text as kernel_plain_text

HEADING = re.compile(r"<h([23])(?P<attrs>[^>]*)>(?P<text>.*?)</h\1>", re.DOTALL | re.IGNORECASE)
ID = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""")
# Typographic apostrophes become straight ones, as people type them.
STRAIGHT = str.maketrans({"\u2018": "'", "\u2019": "'"})


@dataclass
class Section:
    anchor: str  # "" for the text before the first heading
    heading: str  # "" likewise
    text: str


def plain_text(fragment: str) -> str:
    """The kernel's plain text, with straight apostrophes for matching what people type."""
    return kernel_plain_text(fragment).translate(STRAIGHT)


def split_sections(page_html: str) -> list[Section]:
    """The opening text (always, even if empty), then one Section per h2 or h3."""
    sections, start = [], 0
    anchor = heading = ""
    for match in HEADING.finditer(page_html or ""):
        sections.append(Section(anchor, heading, plain_text(page_html[start : match.start()])))
        found = ID.search(match["attrs"])
        anchor = found.group(1) if found else ""
        heading = plain_text(match["text"])
        start = match.end()
    sections.append(Section(anchor, heading, plain_text((page_html or "")[start:])))
    return sections
