"""The adjustment catalogue as plain data, from front matter the content checks have passed.

Under HUB_PREVIEW the build goes on after reporting problems, so a malformed Fit item is
skipped here rather than trusted.
"""

from dataclasses import dataclass, field

from hub_kernel.front_matter import FIT_ITEM, split_list
from hub_kernel.values import plain_text, says_yes


@dataclass(frozen=True)
class Adjustment:
    slug: str
    title: str
    summary: str  # plain text
    url: str  # relative to SITEURL, e.g. "adjustments/quiet-workspace/"
    difficulties: tuple[str, ...]
    fit: dict[str, int]  # setting key -> 0 (does not apply) to 3 (strong fit)
    cost: str
    cost_band: str
    access_to_work: bool
    when: str
    repeated_settings: tuple[str, ...] = ()  # settings given more than one Fit score
    source_path: str = ""
    lines: dict[str, int] = field(default_factory=dict)  # front-matter field -> its line


def parse_fit(value: str) -> tuple[dict[str, int], tuple[str, ...]]:
    """'office 3, remote 2' -> ({'office': 3, 'remote': 2}, settings named twice)."""
    fit: dict[str, int] = {}
    repeated: list[str] = []
    for item in split_list(value or ""):
        match = FIT_ITEM.match(item)
        if not match:
            continue
        setting = match["setting"]
        if setting in fit and setting not in repeated:
            repeated.append(setting)
        fit[setting] = int(match["score"])
    return fit, tuple(repeated)


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
        difficulties=tuple(dict.fromkeys(split_list(str(metadata.get("difficulties", ""))))),
        fit=fit,
        cost=str(metadata.get("cost", "")).strip(),
        cost_band=str(metadata.get("cost_band", "")).strip(),
        access_to_work=says_yes(metadata.get("access_to_work")),
        when=str(metadata.get("when", "")).strip(),
        repeated_settings=repeated,
        source_path=source_path,
        lines={name: found.line for name, found in (fields or {}).items()},
    )
