"""What each adjustment page links to: case studies that share its keys, and guidance."""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from hub_kernel.values import SLUG_PATTERN

from .catalogue import Adjustment

# `{filename}../adjustments/x.md` before Pelican resolves it, or `/adjustments/x/` after.
ADJUSTMENT_LINK = re.compile(
    rf"""href=["'][^"']*?adjustments/(?P<slug>{SLUG_PATTERN})(?:\.md|/)["'#]"""
)


@dataclass(frozen=True)
class Page:
    """A guidance page or case study, as the finder needs it."""

    slug: str
    title: str
    url: str
    difficulties: tuple[str, ...] = ()
    adjustments: tuple[str, ...] = ()
    topic: str = ""
    links_to: frozenset[str] = field(default_factory=frozenset)


def linked_adjustments(page_html: str) -> frozenset[str]:
    return frozenset(m["slug"] for m in ADJUSTMENT_LINK.finditer(page_html or ""))


def case_studies_for(
    adjustment: Adjustment, case_studies: Sequence[Page], similar_limit: int
) -> tuple[list[Page], list[Page]]:
    """Those that name the adjustment, then up to `similar_limit` sharing a difficulty
    (most shared difficulties first)."""
    named = sorted(
        (c for c in case_studies if adjustment.slug in c.adjustments), key=lambda c: c.title.lower()
    )
    shared = [
        (len(set(c.difficulties) & set(adjustment.difficulties)), c)
        for c in case_studies
        if c not in named
    ]
    similar = [c for n, c in sorted(shared, key=lambda p: (-p[0], p[1].title.lower())) if n]
    return named, similar[: max(similar_limit, 0)]


def guidance_for(
    adjustment: Adjustment,
    guidance: Sequence[Page],
    topics: Iterable[str],
    already_listed: Iterable[str] = (),
) -> list[Page]:
    """Guidance that links to the adjustment, then guidance on the given topics; pages the
    adjustment already lists as Related are left out so nothing is listed twice."""
    skip = set(already_listed)
    topics = set(topics)
    linking = [g for g in guidance if adjustment.slug in g.links_to]
    on_topic = [g for g in guidance if g.topic in topics and g not in linking]
    ordered = sorted(linking, key=lambda g: g.title.lower()) + sorted(
        on_topic, key=lambda g: g.title.lower()
    )
    return [g for g in ordered if g.slug not in skip]
