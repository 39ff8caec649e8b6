"""The adjustment catalogue as plain data, from front matter the content checks have passed.

Under HUB_PREVIEW the build goes on after reporting problems, so a malformed Fit item is
skipped here rather than trusted.
"""

import re
from dataclasses import dataclass, field

from hub_kernel.front_matter import split_list
from hub_kernel.values import plain_text, says_yes

# Lenient: 'key 3'; the content checks say which scores are allowed where.
SCORED_ITEM = re.compile(r"^(?P<key>[\w-]+)\s+(?P<score>\d+)$")


@dataclass(frozen=True)
class Adjustment:
    slug: str
    title: str
    summary: str  # plain text
    url: str  # relative to SITEURL, e.g. "adjustments/quiet-workspace/"
    difficulties: dict[str, int]  # difficulty key -> 1 (can help), 2 (helps), 3 (head-on)
    fit: dict[str, int]  # setting key -> 0 (does not apply) to 3 (strong fit)
    cost: str
    cost_band: str
    access_to_work: bool
    when: str
    repeated_settings: tuple[str, ...] = ()  # settings given more than one Fit score
    source_path: str = ""
    situations: dict = field(default_factory=dict)  # situation key -> 1 to 3, as difficulties
    lines: dict[str, int] = field(default_factory=dict)  # front-matter field -> its line


def parse_scores(value: str) -> tuple[dict[str, int], tuple[str, ...]]:
    """'office 3, remote 2' -> ({'office': 3, 'remote': 2}, keys named twice).

    Used for Fit, Difficulties and Situations; an item without a score is skipped."""
    scores: dict[str, int] = {}
    repeated: list[str] = []
    for item in split_list(value or ""):
        match = SCORED_ITEM.match(item)
        if not match:
            continue
        key = match["key"]
        if key in scores and key not in repeated:
            repeated.append(key)
        scores[key] = int(match["score"])
    return scores, tuple(repeated)


def parse_fit(value: str) -> tuple[dict[str, int], tuple[str, ...]]:
    return parse_scores(value)


def parse_relevance(value: str) -> dict[str, int]:
    """'concentration 3, anxiety 2' -> {'concentration': 3, 'anxiety': 2}; 0 means no help."""
    return {key: score for key, score in parse_scores(value)[0].items() if score > 0}


def adjustment_from_metadata(
    slug: str, url: str, metadata: dict, source_path: str = "", fields: dict | None = None
) -> Adjustment:
    """One adjustment from Pelican's metadata (lower-case keys, string values); `fields`: its
    front matter with line numbers, as the content checks read it."""
    fit, repeated = parse_fit(str(metadata.get("fit", "")))
    return Adjustment(
        slug=slug,
        title=plain_text(str(metadata.get("title", slug))),
        summary=plain_text(str(metadata.get("summary", ""))),
        url=url,
        difficulties=parse_relevance(str(metadata.get("difficulties", ""))),
        situations=parse_relevance(str(metadata.get("situations", ""))),
        fit=fit,
        cost=str(metadata.get("cost", "")).strip(),
        cost_band=str(metadata.get("cost_band", "")).strip(),
        access_to_work=says_yes(metadata.get("access_to_work")),
        when=str(metadata.get("when", "")).strip(),
        repeated_settings=repeated,
        source_path=source_path,
        lines={name: found.line for name, found in (fields or {}).items()},
    )
