"""The adjustment catalogue as open data: one record per adjustment, as JSON and as CSV.

Both files come from the same records, so they always agree; the JSON Schema beside them
(adjustments.schema.json in this folder) describes the JSON.
"""

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from hub_kernel.register import situations_of

from .catalogue import Adjustment

SCHEMA_FILE = Path(__file__).with_name("adjustments.schema.json")
CSV_COLUMNS = (
    "slug",
    "title",
    "summary",
    "url",
    "difficulties",
    "situations",
    "fit",
    "cost",
    "cost_band",
    "access_to_work",
    "sources",
    "reviewed",
    "review_due",
)
SOURCE_SEPARATOR = " | "  # source labels may hold commas and semicolons
# The catalogue's licence, named in the JSON file and on the open-data page (content/pages).
LICENCE = {
    "name": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}


def records(
    adjustments: Sequence[Adjustment], pages: dict[str, dict], taxonomy: dict, site_url: str
) -> list[dict]:
    """JSON-ready records, by slug. `pages` gives each adjustment's page as the site shows it:
    its citations (with the plain labels readers see), reviewed and review_due."""
    situations = situations_of(taxonomy)
    out = []
    for a in sorted(adjustments, key=lambda a: a.slug):
        page = pages.get(a.slug, {})
        out.append(
            {
                "slug": a.slug,
                "title": a.title,
                "summary": a.summary,
                "url": f"{site_url}/{a.url}",
                "difficulties": [
                    {
                        "key": key,
                        "label": taxonomy["difficulties"].get(key, key),
                        "relevance": score,
                    }
                    for key, score in a.difficulties.items()
                ],
                "situations": [
                    {
                        "key": key,
                        "label": situations.get(key, ("", key))[1],
                        "difficulty": situations.get(key, ("", ""))[0],
                        "relevance": score,
                    }
                    for key, score in a.situations.items()
                ],
                "fit": {setting: a.fit.get(setting, 0) for setting in taxonomy.get("settings", {})},
                "cost": a.cost,
                "cost_band": a.cost_band,
                "cost_band_label": taxonomy.get("cost_bands", {}).get(a.cost_band, a.cost_band),
                "access_to_work": a.access_to_work,
                "sources": [
                    {"label": c["label"], "url": c.get("url", "")}
                    for c in page.get("citations", [])
                ],
                "reviewed": str(page.get("reviewed", "")),
                "review_due": str(page.get("review_due", "")),
            }
        )
    return out


def source_text(source: dict) -> str:
    return f"{source['label']} <{source['url']}>" if source["url"] else source["label"]


def scores_text(items: list[dict]) -> str:
    return ", ".join(f"{item['key']} {item['relevance']}" for item in items)


def to_csv(rows: list[dict]) -> str:
    """One row per record; lists are written as the front matter writes them."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for r in rows:
        writer.writerow(
            [
                r["slug"],
                r["title"],
                r["summary"],
                r["url"],
                scores_text(r["difficulties"]),
                scores_text(r["situations"]),
                ", ".join(f"{setting} {score}" for setting, score in r["fit"].items()),
                r["cost"],
                r["cost_band"],
                "yes" if r["access_to_work"] else "no",
                SOURCE_SEPARATOR.join(source_text(s) for s in r["sources"]),
                r["reviewed"],
                r["review_due"],
            ]
        )
    return buffer.getvalue()
