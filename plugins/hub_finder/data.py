"""The finder's data for the browser: the taxonomy labels and the catalogue, kept small."""

from collections.abc import Sequence

from .catalogue import Adjustment

FIT_LABELS = {0: "Does not apply", 1: "Can work", 2: "Good fit", 3: "Strong fit"}
GROUPS = ("difficulties", "settings", "costs", "cost_bands", "when")


def finder_data(adjustments: Sequence[Adjustment], taxonomy: dict[str, dict[str, str]]) -> dict:
    """JSON-ready: lists keep the taxonomy's order, which ranking and URLs rely on."""
    return {
        **{
            group: [[key, label] for key, label in taxonomy.get(group, {}).items()]
            for group in GROUPS
        },
        "fit_labels": [FIT_LABELS[score] for score in sorted(FIT_LABELS)],
        "adjustments": [
            {
                "slug": a.slug,
                "title": a.title,
                "summary": a.summary,
                "url": a.url,
                "difficulties": list(a.difficulties),
                "fit": a.fit,
                "cost": a.cost,
                "cost_band": a.cost_band,
                "access_to_work": a.access_to_work,
                "when": a.when,
            }
            for a in sorted(adjustments, key=lambda a: a.slug)
        ],
    }
