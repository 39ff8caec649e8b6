"""Relevance benchmark: does a good answer come first? The public query set
(bench/search_queries.toml) against three searches over the same built hub:

- the hub's search, driven in headless Chromium on its own /search/ page (the real ranking,
  the one implementation in theme/static/js), each query in a fresh browser;
- Pagefind built over the same output (its default ranking, the first 10 results);
- one unsplit lunr index of the same section documents, queried as lunr parses the text
  (lunr.py, which gives lunr.js's results exactly), as most lunr plugins ship it.

Printed: top-3 (a good answer among the first three pages) and mean reciprocal rank (1/rank
of the first good answer in the first 10 pages, 0 if none) for each, side by side, over the
queries whose answer pages exist on this site and over all of them; bytes fetched from Enter
to results per query; and each query's ranks. A result counts when its page is one of the
query's answer pages (ranks are of pages: sections of one page count once).

Usage: .venv/bin/python bench/relevance.py [output folder]   (default: builds content/)
"""

import gzip
import json
import statistics
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
QUERIES = BENCH / "search_queries.toml"
# tests/test_search_relevance.py loads this file by path too, so bench/ is not always first.
sys.path.insert(0, str(BENCH))
import bench_search as search_bench

SHOWN = 10  # results a reader sees on the first page of results


@dataclass(frozen=True)
class Query:
    text: str
    answers: tuple[str, ...]  # site-relative page URLs, with a #section where one answers it
    origin: str

    @property
    def pages(self) -> set[str]:
        return {answer.partition("#")[0] for answer in self.answers}


def load_queries(path: Path = QUERIES) -> list[Query]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [Query(q["q"], tuple(q["answers"]), q.get("from", "")) for q in data["query"]]


def page_of(url: str) -> str:
    """A result's page as a site-relative URL: "guidance/fit-notes/"."""
    path = urlsplit(url).path.lstrip("/")
    return path.removesuffix("index.html")


def rank_of(query: Query, urls: list[str]) -> int | None:
    """The rank (from 1) of the first result on an answer page, among the first SHOWN pages."""
    pages = list(dict.fromkeys(page_of(url) for url in urls))[:SHOWN]
    return next((rank for rank, page in enumerate(pages, 1) if page in query.pages), None)


def scores(ranks: list) -> tuple[float, float]:
    """(share with a good answer in the top 3, mean reciprocal rank)."""
    if not ranks:
        return 0.0, 0.0
    top3 = sum(1 for r in ranks if r and r <= 3) / len(ranks)
    return top3, sum(1 / r for r in ranks if r) / len(ranks)


def answerable(query: Query, site: Path) -> bool:
    return any((site / page / "index.html").is_file() for page in query.pages)


def hub_ranked(page, query: str) -> list[str]:
    """The result URLs the hub's /search/ page shows for `query`, typed and submitted."""
    box = page.locator("#search-page-q")
    box.fill(query)
    box.press("Enter")
    page.wait_for_function(
        "(q) => { const r = document.querySelector('[data-search-results]');"
        " return r.dataset.searchState === 'done' &&"
        " r.dataset.searchQuery === q; }",
        arg=query,
    )
    return page.evaluate(search_bench.HUB.results)


# ---------------------------------------------------------------- the three systems


class UnsplitLunr:
    """One lunr.py index of every published section document."""

    def __init__(self, site: Path):
        from hub_search.documents import documents_from_records
        from hub_search.records import read_published
        from hub_search.settings import DEFAULTS
        from lunr import lunr

        self.records = read_published(site / "search" / "index")
        documents = documents_from_records(self.records)
        fields = [{"field_name": n, "boost": b} for n, b in DEFAULTS["SEARCH_FIELDS"]]
        self.index = lunr(
            "id",
            fields,
            [
                ({"id": d.ref, **d.fields}, {"boost": d.boost} if d.boost != 1 else {})
                for d in documents
            ],
        )
        # What a reader fetches for a first query: the whole index, compressed.
        self.gz_bytes = len(
            gzip.compress(json.dumps(self.index.serialize(), separators=(",", ":")).encode(), 6)
        )

    def search(self, text: str) -> list[str]:
        from lunr.exceptions import QueryParseError

        try:
            results = self.index.search(text)
        except QueryParseError:  # lunr syntax that does not parse: its plain words
            results = self.index.search(" ".join(w for w in text.split() if w.isalnum()))
        return [self.records[int(r["ref"])]["u"] for r in results]


def build(work: Path) -> Path:
    """The hub from content/ with Pagefind over the same output."""
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import build_site

    site = work / "site"
    result = build_site(ROOT / "content", site)
    if result.returncode != 0:
        raise RuntimeError(result.stdout[-3000:] + result.stderr[-3000:])
    prepare_pagefind(site)
    return site


def prepare_pagefind(site: Path) -> None:
    if not (site / "pagefind").is_dir():
        import subprocess

        subprocess.run(
            [
                search_bench.find_pagefind(),
                "--site",
                str(site),
                "--root-selector",
                "main",
                "--output-subdir",
                "pagefind",
            ],
            check=True,
            capture_output=True,
        )
    search_bench.write_pagefind_page(site)


def measure(site: Path, queries: list[Query]) -> dict:
    """Every query through the three systems: ranks and bytes."""
    from playwright.sync_api import sync_playwright

    lunr_index = UnsplitLunr(site)
    server, base = search_bench.serve(site)
    seen = {"hub": [], "pagefind": [], "lunr": []}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=search_bench.CHROMIUM_FLAGS
            )
            for query in queries:
                for name, system in (
                    ("hub", search_bench.HUB),
                    ("pagefind", search_bench.PAGEFIND),
                ):
                    from_enter, _, urls = search_bench.first_query(
                        browser, base, system, query.text
                    )
                    seen[name].append((rank_of(query, urls), from_enter))
                seen["lunr"].append(
                    (rank_of(query, lunr_index.search(query.text)), lunr_index.gz_bytes)
                )
            browser.close()
    finally:
        server.shutdown()
    return seen


# ---------------------------------------------------------------- report

NAMES = {"hub": "hub search", "pagefind": "Pagefind", "lunr": "unsplit lunr"}


def rank_text(rank) -> str:
    return str(rank) if rank else "-"


def report(site: Path, queries: list[Query], seen: dict) -> None:
    known = [answerable(q, site) for q in queries]
    print(
        f"{len(queries)} queries (bench/search_queries.toml); {sum(known)} have an answer page "
        f"on this site, {len(queries) - sum(known)} name only pages not written yet"
    )
    print(f"\n  {'':<14} {'answerable now':>20}   {'all queries':>20}   bytes, Enter to results")
    print(
        f"  {'':<14} {'top-3':>9} {'MRR':>10}   {'top-3':>9} {'MRR':>10}   {'median':>9} {'max':>9}"
    )
    for name in ("hub", "pagefind", "lunr"):
        ranks = [rank for rank, _ in seen[name]]
        now = [r for r, ok in zip(ranks, known) if ok]
        top3_now, mrr_now = scores(now)
        top3_all, mrr_all = scores(ranks)
        sizes = [b for _, b in seen[name]]
        bytes_text = f"{statistics.median(sizes) / 1000:>7.1f} KB {max(sizes) / 1000:>6.1f} KB"
        print(
            f"  {NAMES[name]:<14} {top3_now:>8.0%} {mrr_now:>10.3f}   {top3_all:>8.0%} "
            f"{mrr_all:>10.3f}   {bytes_text}"
        )
    print(
        "\n  rank of the first good answer (hub / Pagefind / lunr; - = not in the first 10), "
        "bytes (hub / Pagefind):"
    )
    for number, query in enumerate(queries):
        ranks = " / ".join(rank_text(seen[n][number][0]) for n in ("hub", "pagefind", "lunr"))
        sizes = " / ".join(f"{seen[n][number][1] / 1000:.1f}" for n in ("hub", "pagefind"))
        note = "" if known[number] else "   (answer page not written yet)"
        print(f"  {ranks:>11}  {sizes:>13} KB  {query.text}{note}")


def main(site: str | None = None) -> None:
    print("Relevance: the hub's search against Pagefind and one unsplit lunr index")
    queries = load_queries()
    with tempfile.TemporaryDirectory() as folder:
        built = Path(site) if site else build(Path(folder))
        if site:
            prepare_pagefind(built)
        report(built, queries, measure(built, queries))


if __name__ == "__main__":
    main(*sys.argv[1:2])
