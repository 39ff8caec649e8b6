"""Render a template macro once per build and reuse its HTML.

The result pages show about 7,200 cards, of which some 2,700 differ, and a card's badges recur
more often still. `finder.once(macro, *args)` in a template gives `macro(*args)`'s HTML,
rendering it the first time only: for macros whose HTML depends on nothing but their arguments
and the site's settings.
"""


class RenderOnce:
    """A build's rendered macros (each build's FinderSite has its own)."""

    def __init__(self):
        self._rendered: dict[tuple, tuple] = {}

    def __call__(self, macro, *args):
        key = (macro.name, *map(_key, args))
        if key not in self._rendered:
            # The arguments are kept with the HTML: an object keyed by its id() must outlive it.
            self._rendered[key] = (args, macro(*args))
        return self._rendered[key][1]


def _key(value):
    """Values by themselves, lists by their items, objects that cannot be hashed (an
    adjustment) by identity."""
    if isinstance(value, list | tuple):
        return tuple(map(_key, value))
    try:
        hash(value)
    except TypeError:
        return ("id", id(value))
    return value
