"""Pelican wiring for the content checks: runs after reading, before any page is enriched or
written. Each page then carries where its fields and links are (`source_lines`), and the
kernel's `content_checked` signal lets the later stages start."""

import datetime
import logging
from pathlib import Path

from hub_kernel.pelican_items import rendered_items, shown_as
from hub_kernel.pipeline import content_checked
from hub_kernel.problems import Problem, report, report_and_stop
from hub_kernel.register import load_known
from hub_kernel.source_lines import SourceLines, read_source
from pelican import signals

from .links import check_links
from .rules import check_file, parse_date
from .schema import CONTENT_TYPES
from .source_register import check_register, stale_line, stale_sources

log = logging.getLogger(__name__)


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
    sources: dict[Path, SourceLines] = {}
    for kind, paths in files.items():
        for path in paths:
            source = sources[path.resolve()] = read_source(path)
            problems += check_file(path, kind, known, slugs, shown_as(path, root), source.fields)
    problems += check_rendered(generators, root, content_path)
    problems += check_sources(known, content_path, root, datetime.date.today())
    report_and_stop(settings, problems, "The content")
    for item in rendered_items(generators):
        path = Path(item.source_path).resolve()
        item.source_lines = sources.get(path) or read_source(path)
    content_checked.send(generators)


def check_sources(known, content_path: Path, root: Path, today: datetime.date) -> list[Problem]:
    """Problems stop the build; a source unchecked for 12 months is a warning to check it."""
    path = content_path / "data" / "sources.toml"
    text, shown = path.read_text(encoding="utf-8"), shown_as(path, root)
    stale = stale_sources(known.sources, text, today)
    if stale:
        # Each on one line, as problems are; the logger's warning makes Pelican count it.
        report(
            "Warning: these sources were last checked more than 12 months ago:",
            (stale_line(item, shown) + "." for item in stale),
        )
        log.warning("%d source(s) need checking again (listed above)", len(stale))
    return check_register(known.sources, text, shown, today)


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
