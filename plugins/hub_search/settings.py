"""The search plugin's settings and their defaults (documented in the package docstring)."""

from pathlib import Path

from hub_kernel.settings import declare, setting

__all__ = ["DEFAULTS", "setting"]

ROOT = Path(__file__).resolve().parents[2]

DEFAULTS = declare(
    {
        # Fields of each section document and their boosts: title > heading > tags > summary > body.
        "SEARCH_FIELDS": [("title", 4), ("heading", 3), ("tags", 2), ("summary", 1.5), ("body", 1)],
        # Content types that are searched, in the order of the filter, with their labels.
        "SEARCH_TYPES": [
            ("guidance", "Guidance"),
            ("case-studies", "Case studies"),
            ("adjustments", "Adjustments"),
            ("finder", "Adjustment finder"),
            ("glossary", "Glossary"),
            ("pages", "About the hub"),
        ],
        "SEARCH_SYNONYMS": "data/synonyms.toml",  # under the content folder
        # Sections that only link to other pages: they would match the names of those pages.
        "SEARCH_SKIP_HEADINGS": ["What to do next"],
        "SEARCH_FIRST_TIER": 256,  # documents in each term's first tier
        "SEARCH_TIER_GROWTH": 2,  # each later tier is this many times bigger
        "SEARCH_SHARD_BYTES": 12000,  # shard size before compression
        "SEARCH_RECORD_PACK_BYTES": 4000,  # sections' display text per file, about
        "SEARCH_GZIP": True,  # write .gz copies for servers that send them
        "SEARCH_LUNR_JS": str(ROOT / "node_modules" / "lunr" / "lunr.min.js"),
        "SEARCH_STATS_PATH": None,  # counts, timings, pages (benchmarks)
    }
)
