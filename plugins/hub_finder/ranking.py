"""Rank adjustments for chosen difficulties and a setting. finder.js mirrors this exactly."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .catalogue import Adjustment


@dataclass(frozen=True)
class Result:
    adjustment: Adjustment
    score: int  # Fit for the setting, or the sum of Fit over every setting when none is chosen
    covers: tuple[str, ...]  # the chosen difficulties it helps with, in taxonomy order


def order_of(keys: Iterable[str]) -> dict[str, int]:
    """Position of each key in its taxonomy group: the TOML file's order is the cost order."""
    return {key: index for index, key in enumerate(keys)}


def rank(
    adjustments: Sequence[Adjustment],
    difficulties: Iterable[str],
    setting: str | None,
    taxonomy: dict[str, dict[str, str]],
) -> list[Result]:
    """Adjustments that help with any chosen difficulty and fit the setting, best first.

    Best first means: higher Fit for the setting, then more chosen difficulties covered, then a
    cheaper cost band, then a cheaper kind of cost (no cost, one-off, ongoing), then slug, so
    the order is stable and the same in Python and JavaScript.
    """
    chosen = [key for key in taxonomy.get("difficulties", {}) if key in set(difficulties)]
    bands = order_of(taxonomy.get("cost_bands", {}))
    costs = order_of(taxonomy.get("costs", {}))
    results = []
    for adjustment in adjustments:
        covers = tuple(key for key in chosen if key in adjustment.difficulties)
        score = (
            adjustment.fit.get(setting, 0)
            if setting
            else sum(adjustment.fit.get(s, 0) for s in taxonomy.get("settings", {}))
        )
        if covers and score > 0:
            results.append(Result(adjustment, score, covers))
    results.sort(
        key=lambda r: (
            -r.score,
            -len(r.covers),
            bands.get(r.adjustment.cost_band, 99),
            costs.get(r.adjustment.cost, 99),
            r.adjustment.slug,
        )
    )
    return results
