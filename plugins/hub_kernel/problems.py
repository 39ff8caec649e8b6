"""The Problem type every check reports, and "report the problems, then stop"."""

import sys
from collections.abc import Iterable
from dataclasses import dataclass

from .pelican_items import rendered_items, shown_as


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}. Fix: {self.fix}."


def stop_build(settings, message: str) -> None:
    """A build exits with status 1. `make serve` (HUB_PREVIEW) only reports, and goes on: the
    preview shows the site as it is, and Pelican's autoreload would otherwise rebuild in a loop."""
    if settings.get("HUB_PREVIEW"):
        print("The preview keeps running: fix the problems above and save.", file=sys.stderr)
        return
    print(message, file=sys.stderr)
    raise SystemExit(1)


def show_in_preview(generators, problems: Iterable[Problem], root) -> None:
    """In the preview (HUB_PREVIEW), each page carries its own file's problems and the context
    carries them all, so the templates can show them where the editor looks. Builds that stop
    on problems never reach the templates with any, so this shows nothing outside the preview."""
    settings = generators[0].settings
    if not settings.get("HUB_PREVIEW"):
        return
    unique = sorted(set(problems))
    context = generators[0].context
    context["preview_problems"] = sorted(set(context.get("preview_problems", [])) | set(unique))
    for item in rendered_items(generators):
        mine = [p for p in unique if p.path == shown_as(item.source_path, root)]
        item.preview_problems = sorted(set(getattr(item, "preview_problems", [])) | set(mine))


def report(heading: str, lines: Iterable) -> None:
    """Printed plainly (not through the logger) so each problem stays on one line."""
    lines = list(lines)
    print("\n".join(["", heading] + [f"  {line}" for line in lines]), file=sys.stderr)


def report_and_stop(settings, problems: Iterable[Problem], what: str) -> None:
    """Print each problem once, sorted, then stop the build (or, in the preview, go on).
    `what` names the thing checked, e.g. "The content" or "The adjustment finder"."""
    unique = sorted(set(problems))
    if not unique:
        return
    report(f"{what} has {len(unique)} problem(s):", unique)
    stop_build(settings, f"The build stopped: fix the {len(unique)} problem(s) above.")
