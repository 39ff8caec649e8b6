"""The finder's data for the browser: the taxonomy labels and the catalogue, kept small."""

from collections.abc import Sequence

from hub_kernel.register import situations_of

from .catalogue import Adjustment
from .ranking import FIT_LABELS

GROUPS = ("difficulties", "settings", "costs", "cost_bands", "when", "setting_examples")


def finder_data(adjustments: Sequence[Adjustment], taxonomy: dict) -> dict:
    """JSON-ready: lists keep the taxonomy's order, which ranking and URLs rely on."""
    return {
        **{
            group: [[key, label] for key, label in taxonomy.get(group, {}).items()]
            for group in GROUPS
        },
        # [key, label, difficulty] in taxonomy order
        "situations": [
            [key, label, difficulty] for key, (difficulty, label) in situations_of(taxonomy).items()
        ],
        "fit_labels": [FIT_LABELS[score] for score in sorted(FIT_LABELS)],
        "adjustments": [
            {
                "slug": a.slug,
                "title": a.title,
                "summary": a.summary,
                "url": a.url,
                "difficulties": a.difficulties,
                "situations": a.situations,
                "fit": a.fit,
                "cost": a.cost,
                "cost_band": a.cost_band,
                "access_to_work": a.access_to_work,
                "when": a.when,
            }
            for a in sorted(adjustments, key=lambda a: a.slug)
        ],
    }
