"""Preview builds forked from a process that has imported Pelican, the hub's plugins and the
search index's libraries once, instead of a new Python for every save.

A new process spends about 0.3 s importing before it builds anything, and the search index's
worker as much again importing numpy and lunr. The preview imports them all when it starts;
each rebuild is a fork that runs Pelican's `main` with them already loaded. While any Python
file under plugins/ differs from what was imported, the builder uses a new process instead, so
an edit to the hub's code always shows.
"""

import importlib
import os
import signal
import sys
import traceback
from pathlib import Path

# What every build imports: Pelican, the plugins (named in pelicanconf.py) and what the search
# index's worker imports (hub_search.plugin.write_index).
PRELOADED = (
    "pelican",
    "markdown",
    "hub_checks",
    "hub_pages",
    "hub_finder",
    "hub_search",
    "hub_assets",
    "hub_headers",
    "hub_linkcheck",
    "hub_search.site_index",
    "hub_search.kept_index",
)


def code_stamp(plugins: Path) -> dict[str, int]:
    """Each Python file under `plugins` with its modification time."""
    return {str(p): p.stat().st_mtime_ns for p in sorted(plugins.rglob("*.py"))}


def preload() -> None:
    for name in PRELOADED:
        importlib.import_module(name)


def run_forked(argv: list[str], cwd: Path) -> tuple[int, str]:
    """Pelican's command line `argv` in a forked child: its exit code and what it wrote to
    stderr (its stdout, which only says "Done", is dropped)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        code = 1
        try:
            code = _child(argv, cwd, write)
        finally:
            os._exit(code)
    os.close(write)
    with os.fdopen(read, encoding="utf-8", errors="replace") as pipe:
        report = pipe.read()
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), report


def _child(argv: list[str], cwd: Path, errors: int) -> int:
    # The preview's own handlers and streams are not the child's: other threads of the preview
    # may hold the old streams' locks, so the child writes through new ones.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    os.dup2(errors, 2)
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    # The child's streams until it exits (os._exit), so no `with`.
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    os.chdir(cwd)
    from pelican import main

    try:
        main(argv)
        code = 0
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    except BaseException:  # noqa: BLE001 - reported, as a new process would
        traceback.print_exc()
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    return code
