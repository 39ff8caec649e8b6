"""Which pages are due for review: `Review_due` within some days of today, or past it."""

import datetime
from dataclasses import dataclass
from pathlib import Path

from hub_kernel.front_matter import read_front_matter

from .rules import parse_date
from .schema import CONTENT_TYPES, FIELDS_BY_TYPE


@dataclass(frozen=True, order=True)
class Due:
    due: datetime.date
    path: Path
    title: str


def review_dates(content_path: Path) -> tuple[list[Due], list[Path]]:
    """(files with a review date, files that need one but lack a valid one)."""
    dated, undated = [], []
    for folder in CONTENT_TYPES:
        for path in sorted((Path(content_path) / folder).rglob("*.md")):
            try:
                fields = read_front_matter(path)
            except (UnicodeDecodeError, OSError):  # 'make check' names the problem
                fields = {}
            due = parse_date(fields["review_due"].value) if "review_due" in fields else None
            title = fields["title"].value if "title" in fields else path.stem
            if due:
                dated.append(Due(due, path, title))
            elif FIELDS_BY_TYPE[folder]["review_due"].required:
                undated.append(path)
    return dated, undated


def due_by(dated: list[Due], today: datetime.date, days: int) -> list[Due]:
    """Overdue or due within `days`, soonest (most overdue) first."""
    limit = today + datetime.timedelta(days=days)
    return sorted(item for item in dated if item.due <= limit)


def when(due: datetime.date, today: datetime.date) -> str:
    days = (due - today).days
    if days < 0:
        return f"overdue by {-days} day{'s' if days != -1 else ''}"
    if days == 0:
        return "due today"
    return f"due in {days} day{'s' if days != 1 else ''}"


def report(items: list[Due], undated: list[Path], today: datetime.date, days: int, shown) -> str:
    """The report as text; `shown` turns a path into the name to print."""
    lines = [f"Reviews overdue or due within {days} days of {today.isoformat()}:", ""]
    if items:
        width = max(len(shown(item.path)) for item in items)
        lines.append(f"{'Due':<10}  {'When':<19}  {'File':<{width}}  Title")
        lines += [
            f"{item.due.isoformat():<10}  {when(item.due, today):<19}  "
            f"{shown(item.path):<{width}}  {item.title}"
            for item in items
        ]
        lines += [
            "",
            (
                f"{len(items)} page(s) to review. Check each against its sources, then set "
                "'Reviewed' to the day you checked and 'Review_due' a year later."
            ),
        ]
    else:
        lines.append("None: no page is due for review.")
    if undated:
        lines += [
            "",
            "These files have no valid 'Review_due' (YYYY-MM-DD); 'make check' explains:",
        ] + [f"  {shown(path)}" for path in undated]
    return "\n".join(lines)
