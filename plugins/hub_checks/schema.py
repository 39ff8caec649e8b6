"""Which front-matter fields each content type needs, and of what type (docs/content-model.md)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    kind: str  # text, date, key, keys, scores, sources, fit, bool, number, slugs, year
    required: bool = True
    group: str = ""  # taxonomy group for key/keys; folder(s) for slugs
    example: str = ""


COMMON = {
    "title": Rule("text", example="Reasonable adjustments"),
    "summary": Rule("text", example="What the duty means and how to agree adjustments."),
    "reviewed": Rule("date", example="2026-11-22"),
    "review_due": Rule("date", example="2027-11-22"),
    "sources": Rule("sources", example="000 para 29; 003 Rec 5"),
    "related": Rule(
        "slugs",
        required=False,
        group="guidance case-studies",
        example="access-to-work, sickness-absence",
    ),
    "search_boost": Rule("number", required=False, example="2"),
    "search_exclude": Rule("bool", required=False, example="true"),
}

FIELDS_BY_TYPE = {
    "guidance": {
        **COMMON,
        "topic": Rule("key", group="topics", example="adjustments"),
        "audience": Rule("keys", group="audiences", example="employers, managers"),
        "historic": Rule("bool", required=False, example="true"),
    },
    "case-studies": {
        **COMMON,
        "sector": Rule("key", group="sectors", example="retail"),
        "employer_size": Rule("key", group="employer_sizes", example="small"),
        "difficulties": Rule("keys", group="difficulties", example="anxiety, fatigue"),
        "adjustments": Rule("slugs", group="adjustments", example="phased-return"),
        "outcome": Rule("text", example="Back at work full time within three months."),
        "year": Rule("year", example="2009"),
    },
    "adjustments": {
        **COMMON,
        "difficulties": Rule(
            "scores", group="difficulties", example="concentration 3, anxiety 2, stress 1"
        ),
        "situations": Rule(
            "scores",
            required=False,
            group="situations",
            example="noise-and-interruptions 3, long-tasks 2",
        ),
        "fit": Rule(
            "fit",
            group="settings",
            example="office 3, remote 2, customer-facing 1, shift 1, mobile 0",
        ),
        "cost": Rule("key", group="costs", example="one-off"),
        "cost_band": Rule("key", group="cost_bands", example="low"),
        "access_to_work": Rule("bool", example="yes"),
        "when": Rule("key", group="when", example="always"),
    },
    "pages": {
        "title": COMMON["title"],
        "summary": COMMON["summary"],
        "reviewed": Rule("date", required=False, example="2026-11-22"),
        "review_due": Rule("date", required=False, example="2027-11-22"),
        "search_boost": COMMON["search_boost"],
        "search_exclude": COMMON["search_exclude"],
        "template": Rule("text", required=False, example="glossary"),
        "slug": Rule("text", required=False, example="privacy"),
        "status": Rule("text", required=False, example="hidden"),
    },
}

# Guidance and case studies stand on the five source documents alone.
# The kinds of source (content/data/sources.toml) each type may cite; other types cite any.
# Guidance states current law and services from official pages; case studies are from the
# five documents only.
SOURCE_KINDS_BY_TYPE = {"guidance": {"document", "official"}, "case-studies": {"document"}}
CONTENT_TYPES = tuple(FIELDS_BY_TYPE)
