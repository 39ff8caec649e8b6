"""Pelican wiring for the content checks: runs after reading, before anything is written."""

import datetime
import logging
import os
import sys
from pathlib import Path

from pelican import signals

from .known import load_known
from .links import check_links
from .rules import Problem, check_file, parse_date
from .schema import CONTENT_TYPES

log = logging.getLogger(__name__)


def stop_build(settings, message: str):
    """A build exits with status 1. `make serve` (HUB_PREVIEW) only reports, and goes on: the
    preview shows the site as it is, and Pelican's autoreload would otherwise rebuild in a loop."""
    if settings.get("HUB_PREVIEW"):
        print("The preview keeps running: fix the problems above and save.", file=sys.stderr)
        return
    print(message, file=sys.stderr)
    raise SystemExit(1)


def date_from_reviewed(generator, metadata):
    """Guidance needs no `Date`: Pelican's required article date is the review date."""
    if "date" not in metadata:
        reviewed = parse_date(str(metadata.get("reviewed", "")))
        # A bad or missing date is reported by the checks; a stand-in keeps the page in the build.
        day = reviewed or datetime.date(2000, 1, 1)
        metadata["date"] = datetime.datetime(day.year, day.month, day.day)


def content_files(content_path: Path) -> dict[str, list[Path]]:
    return {kind: sorted((content_path / kind).glob("*.md")) for kind in CONTENT_TYPES}


def check_all(generators) -> None:
    settings = generators[0].settings
    content_path = Path(settings["PATH"])
    root = content_path.parent
    known = load_known(content_path)
    files = content_files(content_path)
    slugs = {kind: {p.stem for p in paths} for kind, paths in files.items()}
    problems: list[Problem] = []
    for kind, paths in files.items():
        for path in paths:
            problems += check_file(path, kind, known, slugs, shown_as(path, root))
    problems += check_rendered(generators, root, content_path)
    if problems:
        unique = sorted(set(problems))
        # Printed plainly (not through the logger) so each problem stays on one line.
        print(
            "\n".join(
                ["", f"The content has {len(unique)} problem(s):"] + [f"  {p}" for p in unique]
            ),
            file=sys.stderr,
        )
        stop_build(settings, f"The build stopped: fix the {len(unique)} problem(s) above.")


def check_rendered(generators, root: Path, content_path: Path) -> list[Problem]:
    problems, written_by = [], {}
    for item in rendered_items(generators):
        path = Path(item.source_path)
        problems += check_links(path, item.content, shown_as(path, root), content_path)
        other = written_by.setdefault(item.save_as, path)
        if other != path:
            problems.append(
                Problem(
                    shown_as(path, root),
                    0,
                    f"has the same URL '{item.url}' as {shown_as(other, root)}",
                    "give one of them another file name or 'Slug'",
                )
            )
    return problems


def rendered_items(generators):
    for generator in generators:
        for name in ("articles", "drafts", "pages", "hidden_pages", "draft_pages"):
            yield from getattr(generator, name, [])


def shown_as(path: Path, root: Path) -> str:
    """The path as an editor knows it: relative to the project, e.g. content/guidance/x.md."""
    try:
        return str(Path(os.path.abspath(path)).relative_to(os.path.abspath(root)))
    except ValueError:
        return str(path)


def register():
    signals.article_generator_context.connect(date_from_reviewed)
    signals.all_generators_finalized.connect(check_all)
