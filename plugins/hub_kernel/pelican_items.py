"""What the stages read from Pelican: every page it has read, and where each came from."""

import os
from pathlib import Path

from pelican.generators import ArticlesGenerator


def rendered_items(generators):
    for generator in generators:
        for name in ("articles", "drafts", "pages", "hidden_pages", "draft_pages"):
            yield from getattr(generator, name, [])


def shown_as(path: Path, root: Path) -> str:
    """The path as an editor knows it: relative to the project, e.g. content/guidance/x.md."""
    # Plain string work: every stage asks this of every page, and pathlib made it seconds.
    absolute, folder = os.path.abspath(path), os.path.abspath(root)
    if absolute == folder:
        return "."
    if absolute.startswith(folder.rstrip(os.sep) + os.sep):
        return absolute[len(folder.rstrip(os.sep)) + 1 :]
    return str(path)


def articles_generator(generators):
    """Pelican's ArticlesGenerator (every build has one) among `generators`."""
    return next(g for g in generators if isinstance(g, ArticlesGenerator))
