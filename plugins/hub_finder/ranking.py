"""Rank adjustments for chosen difficulties, situations and a setting. The browser's ranking
(finder.js) mirrors this exactly, reason line included; the browser tests compare the two.

Best first means:
1. relevance to the chosen situations (the sum of their scores: 3 head-on, 2 helps, 1 can help);
2. relevance to the chosen difficulties (the same sum);
3. fit for the setting (or the sum of fit over every setting when none is chosen);
4. cheaper cost band, then cheaper kind of cost (no cost, one-off, ongoing);
5. slug, only between adjustments equal on all of the above, so the order is stable.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from hub_kernel.register import situations_of

from .catalogue import Adjustment

FIT_LABELS = {0: "Does not apply", 1: "Can work", 2: "Good fit", 3: "Strong fit"}
HELP_WORDS = {3: "helps head-on with", 2: "helps with", 1: "can help with"}
RELEVANCE_WORDS = {3: "helps head-on", 2: "helps", 1: "can help"}  # on an adjustment's page


@dataclass(frozen=True)
class Result:
    adjustment: Adjustment
    score: int  # Fit for the setting, or the sum of Fit over every setting when none is chosen
    covers: tuple[str, ...]  # the chosen difficulties it helps with, in taxonomy order
    situation_score: int = 0
    difficulty_score: int = 0
    reason: str = ""  # one line: why it is suggested


def order_of(keys: Iterable[str]) -> dict[str, int]:
    """Position of each key in its taxonomy group: the TOML file's order is the cost order."""
    return {key: index for index, key in enumerate(keys)}


def chosen_keys(
    taxonomy: dict, difficulties: Iterable[str], situations: Iterable[str] = ()
) -> tuple[list[str], list[str]]:
    """Known difficulties and situations in taxonomy order; a situation brings its difficulty."""
    parents = situations_of(taxonomy)
    picked_situations = [key for key in parents if key in set(situations)]
    wanted = set(difficulties) | {parents[key][0] for key in picked_situations}
    return [key for key in taxonomy.get("difficulties", {}) if key in wanted], picked_situations


def rank(
    adjustments: Sequence[Adjustment],
    difficulties: Iterable[str],
    setting: str | None,
    taxonomy: dict,
    situations: Iterable[str] = (),
) -> list[Result]:
    """Adjustments that help with a chosen difficulty or situation and fit the setting."""
    chosen, picked = chosen_keys(taxonomy, difficulties, situations)
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
        situation_score = sum(adjustment.situations.get(key, 0) for key in picked)
        if (covers or situation_score) and score > 0:
            results.append(
                Result(
                    adjustment,
                    score,
                    covers,
                    situation_score,
                    sum(adjustment.difficulties.get(key, 0) for key in chosen),
                    reason(adjustment, chosen, picked, setting, taxonomy),
                )
            )
    results.sort(
        key=lambda r: (
            -r.situation_score,
            -r.difficulty_score,
            -r.score,
            bands.get(r.adjustment.cost_band, 99),
            costs.get(r.adjustment.cost, 99),
            r.adjustment.slug,
        )
    )
    return results


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def reason(
    adjustment: Adjustment,
    chosen: list[str],
    picked: list[str],
    setting: str | None,
    taxonomy: dict,
) -> str:
    """'Helps head-on with noise and interruptions; strong fit for office or desk work; no cost'.

    It names the chosen situations it helps with, and the chosen difficulties for which no
    situation was chosen; when it helps with none of those, the chosen difficulties it helps."""
    parents = situations_of(taxonomy)
    refined = {parents[key][0] for key in picked}
    items = [(adjustment.situations.get(key, 0), parents[key][1]) for key in picked]
    items += [
        (adjustment.difficulties.get(key, 0), taxonomy["difficulties"][key])
        for key in chosen
        if key not in refined
    ]
    if not any(score for score, _ in items):
        items = [
            (adjustment.difficulties.get(key, 0), taxonomy["difficulties"][key]) for key in chosen
        ]
    helps = []
    for level in (3, 2, 1):
        labels = [lower_first(label) for score, label in items if score == level]
        if labels:
            helps.append(f"{HELP_WORDS[level]} {' and '.join(labels)}")
    parts = [
        ", ".join(helps),
        fit_phrase(adjustment, setting, taxonomy),
        cost_phrase(adjustment, taxonomy),
    ]
    line = "; ".join(part for part in parts if part)
    return line[:1].upper() + line[1:]


def best_settings(adjustment: Adjustment, taxonomy: dict) -> tuple[int, list[str]]:
    """The best Fit score over every setting, and the labels of the settings that reach it."""
    settings = taxonomy.get("settings", {})
    best = max((adjustment.fit.get(s, 0) for s in settings), default=0)
    return best, [label for s, label in settings.items() if adjustment.fit.get(s, 0) == best]


def fit_phrase(adjustment: Adjustment, setting: str | None, taxonomy: dict) -> str:
    settings = taxonomy.get("settings", {})
    if setting:
        score, where = adjustment.fit.get(setting, 0), lower_first(settings[setting])
    else:
        score, labels = best_settings(adjustment, taxonomy)
        where = (
            "every kind of work"
            if len(labels) == len(settings)
            else ", ".join(label.lower() for label in labels)
        )
    return f"{FIT_LABELS[score].lower()} for {where}"


def cost_phrase(adjustment: Adjustment, taxonomy: dict) -> str:
    cost = taxonomy.get("costs", {}).get(adjustment.cost, adjustment.cost)
    if adjustment.cost_band == "free":
        return lower_first(cost)
    band = taxonomy.get("cost_bands", {}).get(adjustment.cost_band, adjustment.cost_band)
    return f"{lower_first(cost)}, {lower_first(band)}"
