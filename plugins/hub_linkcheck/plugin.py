"""Pelican wiring for the link check: runs once the whole site is written."""

import logging
import sys
from pathlib import Path

from hub_kernel.pelican_items import rendered_items, shown_as
from hub_kernel.pipeline import content_checked, data_readers
from hub_kernel.problems import report, stop_build
from hub_kernel.processes import available_cores
from hub_kernel.settings import declare, setting
from hub_kernel.values import says_yes
from pelican import signals

from .check import DEFAULT_JSON_KEYS, PARALLEL_FROM, EarlyReader, check_site
from .report import (
    REPORT_NAME,
    PageSource,
    default_report_dir,
    describe,
    external_report,
    summary_line,
    write_json,
)

log = logging.getLogger(__name__)

# Documented in the package docstring.
DEFAULTS = declare(
    {
        "LINKCHECK_STRICT": True,
        "LINKCHECK_REPORT_DIR": "",
        "LINKCHECK_CACHE_DIR": "",
        "LINKCHECK_JSON_KEYS": DEFAULT_JSON_KEYS,
        "LINKCHECK_WORKERS": 0,
        "LINKCHECK_PAGES_SHOWN": 5,
        "LINKCHECK_EXTERNAL_CACHE_HOURS": 24,
    }
)

# Filled once the content is checked (each page knows its Markdown and where its links are),
# read once the site is written. One build runs at a time, so one record is enough.
_pages: dict[str, PageSource] = {}
_early: list[EarlyReader] = []  # the reader of this build's pages as they are written


def record_sources(generators) -> None:
    """Remember which Markdown file made each output page, where its links are, and which
    pages are Historic."""
    settings = generators[0].settings
    root = Path(settings["PATH"]).parent
    _pages.clear()
    for item in rendered_items(generators):
        _pages[item.save_as] = PageSource(
            shown_as(Path(item.source_path), root),
            says_yes(getattr(item, "historic", "")),
            item.source_lines.links,
        )
    start_reading(generators)


def report_dir(settings) -> Path:
    configured = setting(settings, "LINKCHECK_REPORT_DIR")
    return Path(configured) if configured else default_report_dir(Path(settings["PATH"]))


def cache_dir(settings) -> Path:
    configured = setting(settings, "LINKCHECK_CACHE_DIR")
    if configured:
        return Path(configured)
    return default_report_dir(Path(settings["PATH"])) / "cache"


def start_reading(generators) -> None:
    """Start the workers that read pages as Pelican writes them (on the second core: the
    build's own process is busy writing). Small sites are read at the end, in-process."""
    settings = generators[0].settings
    workers = int(setting(settings, "LINKCHECK_WORKERS")) or available_cores()
    many = len(_pages) >= PARALLEL_FROM and workers > 1
    _early[:] = [
        EarlyReader(
            Path(generators[0].output_path),
            tuple(setting(settings, "LINKCHECK_JSON_KEYS")),
            dict(data_readers),
            cache_dir(settings),
            workers=max(1, workers - 1) if many else 0,
        )
    ]


def page_written(path, context=None) -> None:
    if _early:
        _early[0].written(path)


def check_written_site(pelican) -> None:
    settings = pelican.settings
    site = check_site(
        Path(pelican.output_path),
        settings.get("SITEURL", ""),
        tuple(setting(settings, "LINKCHECK_JSON_KEYS")),
        int(setting(settings, "LINKCHECK_WORKERS")),
        data_readers=dict(data_readers),
        cache_dir=cache_dir(settings),
        early=_early.pop() if _early else None,
    )
    report_path = report_dir(settings) / REPORT_NAME
    write_json(
        report_path,
        external_report(
            site,
            _pages,
            settings.get("SITEURL", ""),
            float(setting(settings, "LINKCHECK_EXTERNAL_CACHE_HOURS")),
        ),
    )
    log.info("%s (listed in %s)", summary_line(site), report_path)
    if not site.broken:
        return
    lines = describe(site.broken, _pages, int(setting(settings, "LINKCHECK_PAGES_SHOWN")))
    report(f"The site has {len(site.broken)} broken internal reference(s):", lines)
    if not says_yes(setting(settings, "LINKCHECK_STRICT"), default=True):
        print("LINKCHECK_STRICT is off, so the build goes on.", file=sys.stderr)
    else:
        stop_build(
            settings, f"The build stopped: fix the {len(site.broken)} broken reference(s) above."
        )


def connect_check_last(pelican) -> None:
    # Connected once every plugin has registered, so the check runs after plugins that write
    # their files at `finalized` too (pelican-sitemap does), whatever their place in PLUGINS.
    signals.finalized.connect(check_written_site)


def register():
    content_checked.connect(record_sources)
    signals.content_written.connect(page_written)
    signals.initialized.connect(connect_check_last)
