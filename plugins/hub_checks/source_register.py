"""The source register, content/data/sources.toml: each source says where to find it and when
someone last checked it, and a source not checked for a year is flagged for review.

A source is found by its `url` (a web page) or its `reference` (where a document is kept, for
one with no page on the web). `checked` is the day someone last checked it (YYYY-MM-DD): the
build stops without it, and warns once it is more than 12 months old. Plain functions over the
register (as hub_kernel.register reads it) and the file's text, for the line numbers.
"""

import datetime
import re
from dataclasses import dataclass

from hub_kernel.problems import Problem

from .rules import parse_date

# `[documents.KEY]`: the table heading each source starts at (tomllib gives no line numbers).
HEADING = re.compile(r"""^\s*\[\s*documents\s*\.\s*["']?(?P<key>[^\]"']+?)["']?\s*\]""")
WEB = ("https://", "http://")
STALE_AFTER_MONTHS = 12


@dataclass(frozen=True, order=True)
class Stale:
    checked: datetime.date
    key: str
    line: int
    title: str


def heading_lines(text: str) -> dict[str, int]:
    """Source key -> the line of its `[documents.KEY]` heading."""
    lines = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = HEADING.match(line)
        if match:
            lines.setdefault(match["key"].strip(), number)
    return lines


def check_register(
    sources: dict[str, dict], text: str, shown: str, today: datetime.date
) -> list[Problem]:
    """Every source has a url or a reference, and a valid `checked` day that is not in the future."""
    lines = heading_lines(text)
    problems = []
    for key, source in sources.items():
        problem = _reporter(problems, shown, lines.get(key, 0), key)
        url, reference = source.get("url"), source.get("reference")
        if url is not None and not (isinstance(url, str) and url.startswith(WEB)):
            problem(
                f"has url '{url}', which is not a web address",
                'write it like url = "https://www.gov.uk/statutory-sick-pay"',
            )
        elif url is None and not (isinstance(reference, str) and reference.strip()):
            problem(
                "says neither where it is on the web nor where the document is kept",
                'add url = "https://..." for a web page, or reference = "..." saying '
                "where a copy of the document is kept",
            )
        checked = source.get("checked")
        day = parse_date(str(checked)) if checked is not None else None
        if checked is None:
            problem(
                "has no 'checked' date",
                f'add checked = "{today.isoformat()}" once you have checked it '
                "(the day you last checked it, YYYY-MM-DD)",
            )
        elif day is None:
            problem(
                f"has checked = '{checked}', which is not a date",
                f'write it like checked = "{today.isoformat()}"',
            )
        elif day > today:
            problem(
                f"has checked = '{checked}', which is after today",
                "write the day you last checked it, YYYY-MM-DD",
            )
    return problems


def _reporter(problems: list[Problem], shown: str, line: int, key: str):
    """Adds a problem about source `key` (at `line`) to `problems`."""
    return lambda message, fix: problems.append(
        Problem(shown, line, f"source '{key}' {message}", fix)
    )


def a_year_before(today: datetime.date) -> datetime.date:
    """The same day 12 months earlier (29 February becomes 28 February)."""
    try:
        return today.replace(year=today.year - STALE_AFTER_MONTHS // 12)
    except ValueError:
        return today.replace(year=today.year - 1, day=28)


def stale_sources(sources: dict[str, dict], text: str, today: datetime.date) -> list[Stale]:
    """Sources last checked more than 12 months before `today`, longest unchecked first."""
    lines, limit = heading_lines(text), a_year_before(today)
    stale = []
    for key, source in sources.items():
        day = parse_date(str(source.get("checked", "")))
        if day and day < limit:
            title = str(source.get("short_title") or source.get("title") or key)
            stale.append(Stale(day, key, lines.get(key, 0), title))
    return sorted(stale)


def stale_line(item: Stale, shown: str) -> str:
    where = f"{shown}:{item.line}" if item.line else shown
    return (
        f"{where}: source '{item.key}' ({item.title}) was last checked on "
        f"{item.checked.isoformat()}, more than 12 months ago. Check it is still current, "
        "then set 'checked' to the day you checked it"
    )


def stale_report(stale: list[Stale], today: datetime.date, shown: str) -> str:
    """The review report's section on sources."""
    lines = [f"Sources last checked more than 12 months before {today.isoformat()}:", ""]
    if not stale:
        return "\n".join(lines + ["None: every source was checked in the last 12 months."])
    lines += [f"  {stale_line(item, shown)}." for item in stale]
    return "\n".join(lines + ["", f"{len(stale)} source(s) to check again."])
