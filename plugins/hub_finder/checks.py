"""Checks only the finder needs; the content checks have already validated every field.

They catch what valid front matter can still get wrong for the finder: an adjustment the finder
could never show, a difficulty and setting with too few adjustments, a taxonomy key that would
clash with the finder's own URLs.
"""

from collections.abc import Sequence

from hub_kernel.problems import Problem
from hub_kernel.register import situations_of
from hub_kernel.values import SLUG

from .catalogue import Adjustment
from .pages import RESERVED

TAXONOMY_FILE = "content/data/taxonomy.toml"
CATALOGUE_FOLDER = "content/adjustments/"


def check_finder(
    adjustments: Sequence[Adjustment],
    taxonomy: dict[str, dict[str, str]],
    min_results: int,
) -> list[Problem]:
    """Every finder problem, each on the line of the field at fault (`Adjustment.lines`)."""
    problems = check_keys(taxonomy)
    for adjustment in adjustments:
        problems += check_adjustment(adjustment, taxonomy)
    # A catalogue with no adjustments at all (such as the benchmarks' generated content) has
    # nothing to cover yet; one with any must cover every difficulty in every setting.
    if adjustments and min_results > 0:
        problems += check_coverage(adjustments, taxonomy, min_results)
    if adjustments:
        problems += check_situations_used(adjustments, taxonomy)
    return problems


def check_keys(taxonomy: dict[str, dict[str, str]]) -> list[Problem]:
    problems = []
    for group in ("difficulties", "settings"):
        for key in taxonomy.get(group, {}):
            if not SLUG.match(key):
                problems.append(
                    Problem(
                        TAXONOMY_FILE,
                        0,
                        f"[{group}] key '{key}' cannot be part of a finder URL",
                        "use lower-case letters, digits and '-' only, e.g. 'customer-facing'",
                    )
                )
            elif key in RESERVED:
                problems.append(
                    Problem(
                        TAXONOMY_FILE,
                        0,
                        f"[{group}] key '{key}' clashes with the finder's own page /finder/{key}/",
                        "choose another key",
                    )
                )
    return problems + check_situation_keys(taxonomy)


def check_situation_keys(taxonomy: dict) -> list[Problem]:
    """[situations.<difficulty>]: under a known difficulty, each key once, usable in a URL
    next to the setting keys (/finder/<difficulty>/<situation>/<setting>/)."""
    problems = []
    difficulties = taxonomy.get("difficulties", {})
    settings = taxonomy.get("settings", {})
    seen: dict[str, str] = {}
    for difficulty, table in taxonomy.get("situations", {}).items():
        where = f"[situations.{difficulty}]"
        if difficulty not in difficulties or not isinstance(table, dict):
            problems.append(
                Problem(
                    TAXONOMY_FILE,
                    0,
                    f"{where} is not under a key of [difficulties]",
                    "name the table after a difficulty, e.g. [situations.concentration]",
                )
            )
            continue
        for key in table:
            if not SLUG.match(key):
                problems.append(
                    Problem(
                        TAXONOMY_FILE,
                        0,
                        f"{where} key '{key}' cannot be part of a finder URL",
                        "use lower-case letters, digits and '-' only, e.g. 'noise-and-interruptions'",
                    )
                )
            elif key in seen:
                problems.append(
                    Problem(
                        TAXONOMY_FILE,
                        0,
                        f"{where} key '{key}' is also under [situations.{seen[key]}]",
                        "give each situation its own key",
                    )
                )
            elif key in settings or key in RESERVED:
                problems.append(
                    Problem(
                        TAXONOMY_FILE,
                        0,
                        f"{where} key '{key}' clashes with the finder page "
                        f"/finder/{difficulty}/{key}/",
                        "choose another key",
                    )
                )
            seen.setdefault(key, difficulty)
    return problems


def check_situations_used(adjustments: Sequence[Adjustment], taxonomy: dict) -> list[Problem]:
    """A situation no adjustment helps with would give the reader an empty list."""
    used = {key for adjustment in adjustments for key in adjustment.situations}
    return [
        Problem(
            TAXONOMY_FILE,
            0,
            f"no adjustment helps with the situation '{key}' ([situations.{difficulty}])",
            f"add '{key} 1' (or 2 or 3) to the Situations line of the adjustments that "
            f"help with it, or remove it from the taxonomy",
        )
        for key, (difficulty, _) in situations_of(taxonomy).items()
        if key not in used and difficulty in taxonomy.get("difficulties", {})
    ]


def check_adjustment(adjustment: Adjustment, taxonomy: dict[str, dict[str, str]]) -> list[Problem]:
    path = adjustment.source_path
    problems = []
    if not adjustment.difficulties:
        problems.append(
            Problem(
                path,
                adjustment.lines.get("difficulties", 0),
                "has no difficulty, so the finder would never list it",
                "name at least one key from [difficulties] with a score, e.g. "
                "'Difficulties: concentration 3'",
            )
        )
    settings = taxonomy.get("settings", {})
    if settings and not any(adjustment.fit.get(s, 0) > 0 for s in settings):
        problems.append(
            Problem(
                path,
                adjustment.lines.get("fit", 0),
                "fits no setting (every Fit score is 0), so the finder would never list it",
                "give a score of 1 to 3 to each setting where it can work",
            )
        )
    parents = situations_of(taxonomy)
    for key in adjustment.situations:
        difficulty = parents.get(key, ("", ""))[0]
        if difficulty and difficulty not in adjustment.difficulties:
            problems.append(
                Problem(
                    path,
                    adjustment.lines.get("situations", 0),
                    f"helps with the situation '{key}', which comes under the difficulty "
                    f"'{difficulty}', but its Difficulties line does not name '{difficulty}'",
                    f"add '{difficulty} 1' (or 2 or 3) to its Difficulties line",
                )
            )
    for setting in adjustment.repeated_settings:
        problems.append(
            Problem(
                path,
                adjustment.lines.get("fit", 0),
                f"gives setting '{setting}' more than one Fit score",
                "keep one score per setting",
            )
        )
    return problems


def check_coverage(
    adjustments: Sequence[Adjustment], taxonomy: dict[str, dict[str, str]], min_results: int
) -> list[Problem]:
    """Each difficulty in each setting needs `min_results` adjustments with a Fit of 1 or more."""
    problems = []
    settings = taxonomy.get("settings", {})
    for difficulty, difficulty_label in taxonomy.get("difficulties", {}).items():
        for setting, setting_label in settings.items():
            found = [
                a.slug
                for a in adjustments
                if difficulty in a.difficulties and a.fit.get(setting, 0) > 0
            ]
            if len(found) < min_results:
                listed = ", ".join(found) or "none"
                problems.append(
                    Problem(
                        CATALOGUE_FOLDER,
                        0,
                        f"the finder offers {len(found)} adjustment(s) for '{difficulty_label}' in "
                        f"'{setting_label}' ({listed}); it needs at least {min_results}",
                        f"give another adjustment with '{difficulty}' in its Difficulties a Fit "
                        f"score of 1 or more for '{setting}', or add a new adjustment",
                    )
                )
    return problems
