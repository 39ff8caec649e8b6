"""Which finder pages the build writes, and what each shows. Plain data for the templates."""

from collections.abc import Sequence
from dataclasses import dataclass, field

from hub_kernel.register import situations_of

from .catalogue import Adjustment
from .ranking import rank

ROOT = "finder/"
PLAN = "plan"
RESERVED = {PLAN}  # a difficulty or setting key may not take the name of a finder page


def finder_url(
    difficulty: str | None = None,
    setting: str | None = None,
    plan: bool = False,
    situation: str | None = None,
) -> str:
    """Relative to SITEURL: finder/, finder/<d>/, finder/<d>/<s>/, .../plan/, finder/plan/,
    and for what exactly is hard finder/<d>/<situation>/ and finder/<d>/<situation>/<s>/."""
    if not difficulty:
        setting = situation = None
    parts = [p for p in (difficulty, situation, setting) if p]
    if plan:
        parts.append(PLAN)
    return ROOT + "".join(f"{p}/" for p in parts)


@dataclass(frozen=True)
class FinderPage:
    url: str
    template: str
    values: dict = field(default_factory=dict)

    @property
    def save_as(self) -> str:
        return self.url + "index.html"


def finder_pages(
    adjustments: Sequence[Adjustment], taxonomy: dict[str, dict[str, str]]
) -> list[FinderPage]:
    """The finder, a page per difficulty, per difficulty and setting, and the plans."""
    by_title = sorted(adjustments, key=lambda a: (a.title.lower(), a.slug))
    pages = [
        FinderPage(finder_url(), "finder"),
        FinderPage(
            finder_url(plan=True),
            "finder-plan",
            {"plan_adjustments": by_title, "chosen_difficulties": []},
        ),
    ]
    for difficulty in taxonomy.get("difficulties", {}):
        by_setting = {
            s: rank(adjustments, [difficulty], s, taxonomy) for s in taxonomy.get("settings", {})
        }
        pages.append(
            FinderPage(
                finder_url(difficulty),
                "finder-difficulty",
                {
                    "difficulty": difficulty,
                    "results": rank(adjustments, [difficulty], None, taxonomy),
                    "counts": {s: len(results) for s, results in by_setting.items()},
                },
            )
        )
        for setting, results in by_setting.items():
            pages.append(
                FinderPage(
                    finder_url(difficulty, setting),
                    "finder-results",
                    {"difficulty": difficulty, "setting": setting, "results": results},
                )
            )
            pages.append(
                FinderPage(
                    finder_url(difficulty, setting, plan=True),
                    "finder-plan",
                    {
                        "difficulty": difficulty,
                        "setting": setting,
                        "plan_adjustments": [r.adjustment for r in results],
                        "chosen_difficulties": [difficulty],
                    },
                )
            )
    for situation, (difficulty, _) in situations_of(taxonomy).items():
        if difficulty not in taxonomy.get("difficulties", {}):
            continue  # the finder's checks report it
        by_setting = {
            s: rank(adjustments, [difficulty], s, taxonomy, [situation])
            for s in taxonomy.get("settings", {})
        }
        pages.append(
            FinderPage(
                finder_url(difficulty, situation=situation),
                "finder-difficulty",
                {
                    "difficulty": difficulty,
                    "situation": situation,
                    "results": rank(adjustments, [difficulty], None, taxonomy, [situation]),
                    "counts": {s: len(results) for s, results in by_setting.items()},
                },
            )
        )
        for setting, results in by_setting.items():
            pages.append(
                FinderPage(
                    finder_url(difficulty, setting, situation=situation),
                    "finder-results",
                    {
                        "difficulty": difficulty,
                        "situation": situation,
                        "setting": setting,
                        "results": results,
                    },
                )
            )
    return pages
