"""Pelican wiring for the content checks: the gate before Pelican reads anything (guard.py),
the checks of what it read before any page is enriched or written. Each page then carries
where its fields and links are (`source_lines`), and the kernel's `content_checked` signal lets
the later stages start."""

import datetime
import gc
import logging
from pathlib import Path

from hub_kernel.pelican_items import rendered_items, shown_as
from hub_kernel.pipeline import content_checked
from hub_kernel.problems import Problem, report, report_and_stop, show_in_preview
from hub_kernel.register import load_known
from hub_kernel.source_lines import read_source
from pelican import signals

from . import guard
from .links import check_links
from .rules import parse_date
from .source_register import stale_line, stale_sources

log = logging.getLogger(__name__)


def date_from_reviewed(generator, metadata):
    """Guidance needs no `Date`: Pelican's required article date is the review date."""
    if "date" not in metadata:
        reviewed = parse_date(str(metadata.get("reviewed", "")))
        # A bad or missing date is reported by the checks; a stand-in keeps the page in the build.
        day = reviewed or datetime.date(2000, 1, 1)
        metadata["date"] = datetime.datetime(day.year, day.month, day.day)


def check_all(generators) -> None:
    """Before anything is written: the gate's problems (guard.py) with those of each page as
    Pelican read it; overdue reviews are warnings, shown on the page too."""
    settings = generators[0].settings
    content_path = Path(settings["PATH"])
    root = content_path.parent
    checked = guard.gate_result()
    guard.drop_unsafe_static(generators)
    overdue = {warning.path for warning in checked.warnings}
    for item in rendered_items(generators):
        item.review_overdue = shown_as(item.source_path, root) in overdue
    if checked.warnings:
        report(
            f"{len(checked.warnings)} page(s) overdue for review (the build goes on):",
            sorted(checked.warnings),
        )
    problems = checked.problems + check_rendered(generators, root, content_path)
    warn_stale_sources(content_path, root, datetime.date.today())
    show_in_preview(generators, problems, root)
    report_and_stop(settings, problems, "The content")
    for item in rendered_items(generators):
        path = Path(item.source_path)
        item.source_lines = checked.sources.get(path) or read_source(path)
    # Every page read is kept until the build ends: frozen, the garbage collector no longer
    # scans them each time it runs (on a big site that was seconds of a build).
    gc.freeze()
    content_checked.send(generators)


def unfreeze(*_) -> None:
    """A new build in the same process (the tests run many): the last one's pages may be
    collected now. (Not at `finalized`: the link check still runs then.)"""
    gc.unfreeze()


def warn_stale_sources(content_path: Path, root: Path, today: datetime.date) -> None:
    """A source unchecked for 12 months is a warning to check it (source_checks checks the
    register itself before anything is read)."""
    path = content_path / "data" / "sources.toml"
    text, shown = path.read_text(encoding="utf-8"), shown_as(path, root)
    stale = stale_sources(load_known(content_path).sources, text, today)
    if stale:
        # Each on one line, as problems are; the logger's warning makes Pelican count it.
        report(
            "Warning: these sources were last checked more than 12 months ago:",
            (stale_line(item, shown) + "." for item in stale),
        )
        log.warning("%d source(s) need checking again (listed above)", len(stale))


def check_rendered(generators, root: Path, content_path: Path) -> list[Problem]:
    problems, written_by = [], {}
    for item in rendered_items(generators):
        path = Path(item.source_path)
        problems += getattr(item, "hub_problems", [])  # what the HTML policy removed
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
    signals.readers_init.connect(guard.gate_readers)
    signals.article_generator_init.connect(guard.start_build)
    signals.article_generator_finalized.connect(guard.finish_reading)
    signals.initialized.connect(unfreeze)
    signals.content_object_init.connect(guard.clean_page)
    signals.article_generator_context.connect(date_from_reviewed)
    signals.all_generators_finalized.connect(check_all)
