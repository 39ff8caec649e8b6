"""The result lists' "Show only" filters: what each keeps, and what each combination of them
leaves of a ranked list.

On the built result pages the filters are checkboxes that CSS alone acts on (finder.css hides
the cards a ticked filter does not keep), so they work without JavaScript and need no page per
combination. What CSS cannot count, the build does: each combination's note ("Showing 7 of
46...", or why the list is empty) is written into the page and CSS shows the one that fits the
boxes ticked. The finder page's script filters the same way (`filtered` in ranking.js).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from .catalogue import Adjustment
from .ranking import Result


@dataclass(frozen=True)
class Filter:
    label: str  # the checkbox's label
    clause: str  # "adjustments ___", for the notes
    keeps: object  # Adjustment -> bool


# Keys as the finder's URL has them (f=...; url-state.js). finder.css names each key and each
# combination, so a new filter needs its rules there too.
FILTERS = {
    "no-cost": Filter(
        "Adjustments that cost nothing", "that cost nothing", lambda a: a.cost == "none"
    ),
    "access-to-work": Filter(
        "Adjustments Access to Work may help fund",
        "that Access to Work may help fund",
        lambda a: a.access_to_work,
    ),
}


def keeps(adjustment: Adjustment, keys: Sequence[str]) -> bool:
    return all(FILTERS[key].keeps(adjustment) for key in keys)


@dataclass(frozen=True)
class FilterView:
    """One combination of filters over one ranked list."""

    keys: tuple[str, ...]
    total: int  # the adjustments in the list
    shown_first: int  # how many the list shows before "Show all"
    matching: int  # those the filters keep
    matching_first: int  # those of them among the first shown

    @property
    def token(self) -> str:
        """The combination's name in the page (data-for, data-empty-for), e.g. 'no-cost+access-to-work'."""
        return "+".join(self.keys)

    @property
    def clause(self) -> str:
        return " and ".join(FILTERS[key].clause for key in self.keys)

    @property
    def rest_is_empty(self) -> bool:
        """Nothing the filters keep is behind "Show all"."""
        return self.matching == self.matching_first


def filter_views(results: Sequence[Result], show_first: int) -> list[FilterView]:
    """Every combination of one or more filters, in FILTERS order, over `results`."""
    first = min(show_first, len(results))
    views = []
    for size in range(1, len(FILTERS) + 1):
        for keys in combinations(FILTERS, size):
            kept = [keeps(r.adjustment, keys) for r in results]
            views.append(FilterView(keys, len(results), first, sum(kept), sum(kept[:first])))
    return views
