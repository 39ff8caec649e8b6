"""Rebuild the preview after every change, and never lose one.

A change noticed while a build runs marks the preview stale; the loop then builds once more, so
the last save always ends up in the preview however the saves and builds interleave.
"""

import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from hub_kernel.processes import can_fork

from .forked import ONE_LINE_LOG, code_stamp, preload, run_forked


class PreviewBuilder:
    """Builds `content` into `site` (through `site`.new, swapped in when Pelican finishes)."""

    def __init__(self, root: Path, content: Path, site: Path, settings: Path):
        self.root, self.content, self.site, self.settings = root, content, site, settings
        self._stale = threading.Event()
        self.plugins = root / "plugins"
        self.imported: dict[str, int] | None = None  # the plugins' code as preloaded
        if can_fork():
            try:
                stamp = code_stamp(self.plugins)
                preload(settings)
                self.imported = stamp
            except Exception:  # noqa: BLE001 - a broken settings file: each build says why
                self.imported = None

    def request(self) -> None:
        """Ask for a build; several requests before the next build starts make one build."""
        self._stale.set()

    def run_forever(self, stop: threading.Event) -> None:
        while not stop.is_set():
            if self._stale.wait(0.2):
                self._stale.clear()
                self.build_once()

    def build_once(self) -> bool:
        """One Pelican run with HUB_PREVIEW (problems are shown on the pages, not fatal)."""
        started = time.monotonic()
        print("Building the preview...", flush=True)
        fresh = self.site.with_name(self.site.name + ".new")
        shutil.rmtree(fresh, ignore_errors=True)
        argv = [str(self.content), "-s", str(self.settings), "-o", str(fresh)]
        argv += ["-e", "HUB_PREVIEW=true", "--fatal", "errors", "-q"]
        returncode, report, said = self.run_pelican(argv)
        # Problems and warnings go to stderr; stdout only says "Done", which is noise here,
        # unless Pelican itself stopped (a broken settings file): it says why there.
        report = report.strip() or (pelican_stopped(said) if returncode else "")
        if report:
            print(report, file=sys.stderr, flush=True)
        if returncode != 0:
            shutil.rmtree(fresh, ignore_errors=True)
            print(
                "The preview still shows the last good build: fix the problem above and save"
                " again.",
                file=sys.stderr,
                flush=True,
            )
            return False
        self._swap_in(fresh)
        print(f"Preview rebuilt in {time.monotonic() - started:.1f} s.", flush=True)
        return True

    def run_pelican(self, argv: list[str]) -> tuple[int, str, str]:
        """Pelican's exit code, stderr and stdout: forked from the preloaded preview
        (forked.py) while the plugins' code is what was imported, else in a new process."""
        if self.imported is not None and code_stamp(self.plugins) == self.imported:
            return run_forked(argv, self.root)
        result = subprocess.run(
            [sys.executable, "-m", "pelican", *argv],
            cwd=self.root,
            env={**os.environ, **ONE_LINE_LOG},
            capture_output=True,
            text=True,
        )
        return result.returncode, result.stderr, result.stdout

    def _swap_in(self, fresh: Path) -> None:
        old = self.site.with_name(self.site.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if self.site.exists():
            self.site.rename(old)
        fresh.rename(self.site)
        shutil.rmtree(old, ignore_errors=True)


def pelican_stopped(said: str) -> str:
    """Pelican's own reason for stopping (its CRITICAL line), without the traceback under it."""
    for line in said.splitlines():
        if "CRITICAL" in line:
            reason = line.split("CRITICAL", 1)[1].strip()
            return re.sub(r"\s+\S+\.py:\d+$", "", reason)  # the log's "where" column
    return said.strip()[-2000:]
