"""Which source files changed since the last look: polling, so it works on any file system."""

import os
from pathlib import Path

# Folders that change because of a build or a test, never because an editor saved something.
SKIPPED_DIRS = {"__pycache__", ".pytest_cache", "node_modules", ".git", "bundles"}


def snapshot(paths: list[Path]) -> dict[str, float]:
    """Every file under `paths` with its modification time."""
    seen: dict[str, float] = {}
    for top in paths:
        if top.is_file():
            seen[str(top)] = top.stat().st_mtime
            continue
        for folder, dirs, files in os.walk(top):
            dirs[:] = [d for d in dirs if d not in SKIPPED_DIRS]
            for name in files:
                path = os.path.join(folder, name)
                try:
                    seen[path] = os.stat(path).st_mtime
                except FileNotFoundError:  # removed while we looked
                    pass
    return seen


def changed(before: dict[str, float], after: dict[str, float]) -> list[str]:
    """Files added, removed or saved between two snapshots."""
    return sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))
