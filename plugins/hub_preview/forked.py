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
import tempfile
import threading
import traceback
from pathlib import Path

# Pelican's log wraps at the terminal's width (80 columns without one): one line per message.
ONE_LINE_LOG = {"COLUMNS": "1000"}

# Besides the plugins the settings name: what the search index's worker imports
# (hub_search.plugin.write_index).
INDEX_MODULES = ("hub_search.site_index", "hub_search.kept_index")


def code_stamp(plugins: Path) -> dict[str, int]:
    """Each Python file under `plugins` with its modification time."""
    return {str(p): p.stat().st_mtime_ns for p in sorted(plugins.rglob("*.py"))}


def preload(settings_file: Path) -> None:
    """Import what every build imports: Pelican, the settings' plugins, the index's modules."""
    from pelican.settings import read_settings

    plugins = read_settings(str(settings_file)).get("PLUGINS") or []
    for name in [*(p for p in plugins if isinstance(p, str)), *INDEX_MODULES]:
        importlib.import_module(name)


_running: set[int] = set()  # the builds forked and not yet finished
_stopping = threading.Event()  # set once the preview is stopping
_not_for_builds: list = []  # what a forked build closes first (the preview's listening socket)


def keep_from_builds(resource) -> None:
    """A fork inherits every open file: `resource` (with a close()) is closed in each build,
    and in the workers it starts, so only the preview holds it (its port is freed on stop)."""
    _not_for_builds.append(resource)


def stop_running() -> None:
    """The preview is stopping: so are its builds (a fork holds the preview's port too)."""
    _stopping.set()
    for pid in list(_running):
        _stop(pid)


def _stop(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass  # it had finished


def run_forked(argv: list[str], cwd: Path) -> tuple[int, str, str]:
    """Pelican's command line `argv` in a forked child: its exit code, and what it wrote to
    stderr and to stdout."""
    read, write = os.pipe()
    with tempfile.TemporaryFile() as output:  # a file: a full pipe would stop the child
        pid = os.fork()
        if pid == 0:
            os.close(read)
            code = 1
            try:
                code = _child(argv, cwd, write, output.fileno())
            finally:
                os._exit(code)
        _running.add(pid)
        if _stopping.is_set():  # stopped between the fork and now
            _stop(pid)
        os.close(write)
        with os.fdopen(read, encoding="utf-8", errors="replace") as pipe:
            report = pipe.read()
        _, status = os.waitpid(pid, 0)
        _running.discard(pid)
        output.seek(0)
        said = output.read().decode("utf-8", errors="replace")
    return os.waitstatus_to_exitcode(status), report, said


def _child(argv: list[str], cwd: Path, errors: int, output: int) -> int:
    # The preview's own handlers and streams are not the child's: other threads of the preview
    # may hold the old streams' locks, so the child writes through new ones.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    for resource in _not_for_builds:
        resource.close()
    os.dup2(errors, 2)
    os.dup2(output, 1)
    # The child's streams until it exits (os._exit), so no `with`.
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    os.chdir(cwd)
    os.environ.update(ONE_LINE_LOG)
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
