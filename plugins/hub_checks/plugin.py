"""Pelican wiring for the content checks: runs after reading, before anything is written."""

import datetime
from pathlib import Path

from hub_kernel.pelican_items import rendered_items, shown_as
from hub_kernel.problems import Problem, report_and_stop
from hub_kernel.register import load_known
from pelican import signals

from .links import check_links
from .rules import check_file, parse_date
from .schema import CONTENT_TYPES


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
    report_and_stop(settings, problems, "The content")


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


def register():
    signals.article_generator_context.connect(date_from_reviewed)
    signals.all_generators_finalized.connect(check_all)
