"""Pelican wiring of the gate: refused files are never read or copied; page HTML is cleaned.

- When a build starts (the first generator is made), `check_content` runs on content/; folders
  it refuses (symbolic links, folders the hub does not use) are excluded from Pelican's walk.
- Every reader is wrapped: Pelican reads only the pages the gate let through. Any other file
  (refused, or one it never saw) becomes Pelican's "skip" stub, so nothing of it is published.
- Each page's HTML (body and summary) is cleaned by the HTML policy as it is made, before any
  other plugin sees it; what was removed travels with the page (`hub_problems`).
- Before anything is written, static files other than the gate's images are dropped, so no
  file from outside content/ is copied and nothing is written outside the output folder.

The problems are reported with all the others by plugin.check_all.
"""

import datetime
import functools
import os
import sys
import time
from pathlib import Path

from hub_kernel.pelican_items import shown_as
from hub_kernel.problems import report, report_and_stop
from pelican.readers import MarkdownReader

from . import read_ahead
from .gate import IMAGES
from .page_checks import check_page_html, source_sites
from .source_checks import Checked, check_content

EXCLUDES = ("ARTICLE_EXCLUDES", "PAGE_EXCLUDES", "STATIC_EXCLUDES")
_build: dict[str, Checked] = {}  # the current build's result; set before anything is read


def absolute(path) -> Path:
    return Path(os.path.abspath(path))


def start_build(generator) -> None:
    """article_generator_init: the first generator of each build (also each preview rebuild)."""
    settings = generator.settings
    content = absolute(settings["PATH"])
    templates = {p.stem for p in (Path(settings["THEME"]) / "templates").glob("*.html")}
    static = tuple({p.split("/")[0] for p in settings["STATIC_PATHS"]} - {IMAGES})
    checked = check_content(
        content,
        lambda p: shown_as(p, content.parent),
        datetime.date.today(),
        templates,
        static,
    )
    _build["checked"] = checked
    original = settings.setdefault("HUB_CHECKS_EXCLUDES", {k: list(settings[k]) for k in EXCLUDES})
    folders = [
        str(p.relative_to(content))
        for p in checked.refused
        if p.is_relative_to(content) and (p.is_symlink() or p.is_dir())
    ]
    for key in EXCLUDES:
        settings[key] = original[key] + folders
    if not checked.data_ok:
        stop_for_data(settings, checked)
    finish_reading()  # a build that failed half-way may have left its worker
    pages = read_ahead.markdown_files(generator, checked.readable)
    _build["ahead"] = read_ahead.ReadAhead(settings, pages)


def finish_reading(*_) -> None:
    """article_generator_finalized: every article is read, so the worker's job is over."""
    ahead = _build.pop("ahead", None)
    if ahead:
        ahead.close()


def stop_for_data(settings, checked: Checked) -> None:
    """Without valid data files no page can be built: stop before reading anything. The
    preview waits for a data file to change, then rebuilds (a raise makes Pelican rebuild)."""
    if not settings.get("HUB_PREVIEW"):
        report_and_stop(settings, checked.problems, "The content")
    report(f"The content has {len(checked.problems)} problem(s):", sorted(set(checked.problems)))
    print("The preview waits: fix the data file and save.", file=sys.stderr)
    stamp = [p.stat().st_mtime_ns for p in checked.data]
    while [p.stat().st_mtime_ns for p in checked.data if p.exists()] == stamp:
        time.sleep(0.5)
    raise RuntimeError("a data file changed: rebuilding")


class GatedReader:
    """A Pelican reader that reads only the pages the gate let through."""

    def __init__(self, reader):
        self._reader = reader

    def __getattr__(self, name):
        return getattr(self._reader, name)

    def read(self, source_path):
        checked = _build.get("checked")
        if checked is None or absolute(source_path) not in checked.readable:
            return "", {"status": "skip"}  # Pelican's stub for content it must not process
        ahead = _build.get("ahead")
        converted = ahead.take(source_path) if ahead else None
        if converted and isinstance(self._reader, MarkdownReader):
            return read_ahead.read_converted(self._reader, source_path, converted)
        return self._reader.read(source_path)


def gate_readers(readers) -> None:
    """readers_init (sent before the readers are made): each reader class is made gated."""
    for fmt, cls in list(readers.reader_classes.items()):
        if cls and fmt != "static":
            readers.reader_classes[fmt] = functools.partial(gated_reader, cls)


def gated_reader(cls, settings) -> GatedReader:
    return GatedReader(cls(settings))


def clean_page(instance) -> None:
    """content_object_init: clean the page's HTML; keep what was removed for the report."""
    source_path = getattr(instance, "source_path", None)
    if (
        not source_path
        or not hasattr(instance, "_content")
        or getattr(instance, "_content", None) is None
    ):
        return
    content = absolute(instance.settings["PATH"])
    source = functools.cache(lambda: Path(source_path).read_text(encoding="utf-8-sig"))
    shown = shown_as(source_path, content.parent)
    sites = source_sites(content)
    instance._content, problems = check_page_html(instance._content, source, shown, sites)
    if instance.metadata.get("summary"):
        summary, more = check_page_html(str(instance.metadata["summary"]), source, shown, sites)
        instance.metadata["summary"] = instance._summary = summary
        problems += more
    instance.hub_problems = problems


def drop_unsafe_static(generators) -> None:
    """Before writing: copy only the images the gate found, into the output folder."""
    checked = _build.get("checked")
    images = set(checked.images) if checked else set()
    for generator in generators:
        files = getattr(generator, "staticfiles", None)
        if files is None:
            continue
        output = absolute(generator.output_path)
        files[:] = [
            f
            for f in files
            if absolute(f.source_path) in images
            and absolute(output / f.save_as).is_relative_to(output)
        ]
        generator.context["staticfiles"] = files


def gate_result() -> Checked | None:
    return _build.get("checked")
