"""Pelican wiring for the link check: runs once the whole site is written."""

import logging
import sys
from pathlib import Path

from content_checks.plugin import rendered_items, shown_as, stop_build
from content_checks.schema import FALSE_WORDS, says_yes
from pelican import signals

from .check import DEFAULT_JSON_KEYS, check_site
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

DEFAULTS = {
    "LINKCHECK_STRICT": True,
    "LINKCHECK_REPORT_DIR": "",
    "LINKCHECK_JSON_KEYS": DEFAULT_JSON_KEYS,
    "LINKCHECK_DATA_READERS": {},
    "LINKCHECK_WORKERS": 0,
    "LINKCHECK_PAGES_SHOWN": 5,
    "LINKCHECK_EXTERNAL_CACHE_HOURS": 24,
}

# Filled when the generators are done (they know each page's Markdown), read once the site
# is written. One build runs at a time, so one record is enough.
_pages: dict[str, PageSource] = {}


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


def is_true(value) -> bool:
    return str(value).strip().lower() not in FALSE_WORDS | {"0", "none", ""}


def record_sources(generators) -> None:
    """Remember which Markdown file made each output page, and which pages are Historic."""
    settings = generators[0].settings
    root = Path(settings["PATH"]).parent
    _pages.clear()
    for item in rendered_items(generators):
        historic = says_yes(getattr(item, "historic", ""))
        _pages[item.save_as] = PageSource(shown_as(Path(item.source_path), root), historic)


def report_dir(settings) -> Path:
    configured = setting(settings, "LINKCHECK_REPORT_DIR")
    return Path(configured) if configured else default_report_dir(Path(settings["PATH"]))


def check_written_site(pelican) -> None:
    settings = pelican.settings
    site = check_site(
        Path(pelican.output_path),
        settings.get("SITEURL", ""),
        tuple(setting(settings, "LINKCHECK_JSON_KEYS")),
        int(setting(settings, "LINKCHECK_WORKERS")),
        data_readers=setting(settings, "LINKCHECK_DATA_READERS"),
    )
    report = report_dir(settings) / REPORT_NAME
    write_json(
        report,
        external_report(
            site,
            _pages,
            settings.get("SITEURL", ""),
            float(setting(settings, "LINKCHECK_EXTERNAL_CACHE_HOURS")),
        ),
    )
    log.info("%s (listed in %s)", summary_line(site), report)
    if not site.broken:
        return
    lines = describe(
        site.broken,
        _pages,
        Path(settings["PATH"]).parent,
        int(setting(settings, "LINKCHECK_PAGES_SHOWN")),
    )
    # Printed plainly, like the content checks, so each problem stays on one line.
    print(
        "\n".join(
            ["", f"The site has {len(site.broken)} broken internal reference(s):"]
            + [f"  {line}" for line in lines]
        ),
        file=sys.stderr,
    )
    if not is_true(setting(settings, "LINKCHECK_STRICT")):
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
    signals.all_generators_finalized.connect(record_sources)
    signals.initialized.connect(connect_check_last)
