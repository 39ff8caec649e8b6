"""Site search: section-level lunr index, split into shards the browser fetches on demand.

Each page's opening and each of its h2/h3 sections is a search document (fields title,
heading, body, summary, tags). Besides the articles and pages, each glossary term and each
of the finder's difficulty pages is a search page of its own (extra_pages.py). The index is built with lunr.py's scoring (bit-for-bit, see
index_builder.py) and split by term range into shards with impact-ordered tiers (shards.py),
so the browser (theme/src/js/search/ with lunr.js 2.3.9) downloads only what a query
needs and still ranks exactly as one unsplit lunr index would.

Front matter: `Search_boost: 2` raises a page, `Search_exclude: true` leaves it out.
Synonyms: content/data/synonyms.toml (see synonyms.py).

Settings (defaults in settings.py):
- SEARCH_FIELDS = [("title", 4), ("heading", 3), ("tags", 2), ("summary", 1.5), ("body", 1)]
- SEARCH_TYPES = [("guidance", "Guidance"), ("case-studies", "Case studies"),
  ("adjustments", "Adjustments"), ("finder", "Adjustment finder"), ("glossary", "Glossary"),
  ("pages", "About the hub")]
- SEARCH_SYNONYMS = "data/synonyms.toml" (under the content folder)
- SEARCH_SKIP_HEADINGS = ["What to do next"] (sections of links to other pages, not indexed)
- SEARCH_FIRST_TIER = 256, SEARCH_TIER_GROWTH = 2, SEARCH_SHARD_BYTES = 12000
- SEARCH_RECORD_PACK_BYTES = 4000 (display text of consecutive sections per file, about)
- SEARCH_GZIP = True (write .gz copies beside the larger index files)
- SEARCH_LUNR_JS = node_modules/lunr/lunr.min.js (copied to theme/js/lunr.min.js)
- SEARCH_STATS_PATH = None (a file for counts and timings, and the searchable pages beside it
  as <path>.pages.json, for benchmarks)

The index is written to output/search/index/ (search.js finds it beside the /search/ page).
"""

from .plugin import register

__all__ = ["register"]
