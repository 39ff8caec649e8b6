"""Search benchmark: the hub's sharded lunr search against Pagefind and one unsplit lunr.py
index, side by side on the same generated sites.

Figures (each printed with its baseline and the ratio):
- bytes fetched from pressing Enter to the first results shown, median over 30 queries, each
  query in a fresh browser (cold cache) after the search code has loaded, counted in headless
  Chromium from Playwright's network events (compressed bytes as bench/gzip_server.py sends
  them: .gz files where they exist, other text gzipped on the fly); also every search byte of
  a first query from a cold start, and search bytes on an ordinary page load;
- index build time (the plugin's step inside the Pelican build, and the same step alone in a
  fresh process) against Pagefind on the same output, and peak memory of each;
- time from a keypress to results shown once the shards are cached.

Usage: .venv/bin/python bench/bench_search.py [pages ...]   (default: 2000 10000)
"""

import json
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
from gzip_server import serve
from measure import measure, pelican

TARGETS = {2000: 40_000, 10000: 100_000}  # bytes from Enter to results, median (issue 12)
PAGEFIND_BYTES = {2000: 128_000, 10000: 200_000}  # from the issue, for reference only
QUERIES = [
    "phased return",
    "sickness absence",
    "fit note",
    "occupational health advice",
    "flexible hours",
    "stress",
    "anxiety at work",
    "keeping in touch",
    "return to work plan",
    "quiet office",
    "remote working",
    "workload review",
    "disclosure consent",
    "access to work funding",
    "buddy mentor",
    "training",
    "recruitment interview",
    "job retention",
    "wellbeing signs",
    "team conversation",
    "sick note anxiety",
    "feedback supervision",
    "appointment break",
    "equipment",
    "charter",
    "shift change",
    "support plan",
    "manager meeting",
    "employer advice",
    "confidential",
]
CHROMIUM_FLAGS = [
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
]


# ---------------------------------------------------------------- building


def build(pages: int, work: Path) -> dict:
    from generate import make_content

    content = make_content(pages, work / f"content-{pages}")
    output, stats = work / f"site-{pages}", work / f"stats-{pages}.json"
    run = measure(
        pelican(
            content,
            ROOT / "pelicanconf.py",
            output,
            f"SEARCH_STATS_PATH={json.dumps(str(stats))}",
            "LINKCHECK_STRICT=false",
        ),
        cwd=ROOT,
    )  # generated pages lack some link targets
    plugin = json.loads(stats.read_text())
    alone = measure(
        [
            sys.executable,
            __file__,
            "--index",
            str(stats) + ".pages.json",
            str(work / f"alone-{pages}"),
        ],
        cwd=ROOT,
    )
    alone_step = json.loads((work / f"alone-{pages}.json").read_text())
    lunr_json = work / f"unsplit-{pages}.json"
    unsplit = measure([sys.executable, __file__, "--lunr", str(output), str(lunr_json)], cwd=ROOT)
    pagefind_bin = find_pagefind()
    pagefind = measure(
        [
            pagefind_bin,
            "--site",
            str(output),
            "--root-selector",
            "main",
            "--output-subdir",
            "pagefind",
        ],
        cwd=ROOT,
    )
    write_pagefind_page(output)
    return {
        "output": output,
        "site": run,
        "plugin": plugin,
        "alone": alone,
        "alone_step": sum(alone_step["seconds"].values()),
        "unsplit": unsplit,
        "unsplit_gz": gz_size(lunr_json),
        "pagefind": pagefind,
    }


def find_pagefind() -> str:
    import pagefind_bin

    return str(Path(pagefind_bin.__file__).parent / "pagefind")


def gz_size(path: Path) -> int:
    import gzip

    return len(gzip.compress(path.read_bytes(), 6))


def index_alone(pages_json: str, folder: str) -> None:
    """The plugin's index step on its own (run in a fresh process by `measure`)."""
    from hub_search.documents import Page
    from hub_search.plugin import index_options
    from hub_search.settings import DEFAULTS
    from hub_search.site_index import write_site_index

    pages = [Page(**page) for page in json.loads(Path(pages_json).read_text())]
    settings = {**DEFAULTS, "PATH": str(ROOT / "content")}
    stats = write_site_index(pages, index_options(settings), Path(folder))
    Path(folder + ".json").write_text(json.dumps(stats))


def unsplit_lunr(site: str, target: str) -> None:
    """One lunr.py index of the same documents, as most lunr plugins ship it."""
    from hub_search.documents import documents_from_records
    from hub_search.records import read_published
    from hub_search.settings import DEFAULTS
    from lunr import lunr

    documents = documents_from_records(read_published(Path(site) / "search" / "index"))
    started = time.perf_counter()
    index = lunr(
        "id",
        [{"field_name": n, "boost": b} for n, b in DEFAULTS["SEARCH_FIELDS"]],
        [
            ({"id": d.ref, **d.fields}, {"boost": d.boost} if d.boost != 1 else {})
            for d in documents
        ],
    )
    Path(target).write_text(json.dumps(index.serialize(), separators=(",", ":")))
    print(f"lunr.py built the index in {time.perf_counter() - started:.2f} s", file=sys.stderr)


PAGEFIND_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Pagefind</title>
<script src="pagefind-bench.js" type="module"></script></head>
<body><form><input id="q" name="q"><button>Search</button></form><ol id="results"></ol>
</body></html>
"""
PAGEFIND_SCRIPT = """// The hub search page's job: the first 10 results, with title and excerpt.
const pagefind = await import("/pagefind/pagefind.js");
await pagefind.init();
document.body.dataset.ready = "yes";
document.querySelector("form").addEventListener("submit", async (event) => {
  event.preventDefault();
  document.body.dataset.state = "busy";
  const query = document.getElementById("q").value;
  const search = await pagefind.search(query);
  const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
  const list = document.getElementById("results");
  list.textContent = "";
  for (const item of data) {
    const li = document.createElement("li");
    li.dataset.url = item.url;
    li.textContent = item.meta.title + ": " + item.excerpt.replace(/<[^>]+>/g, "");
    list.appendChild(li);
  }
  document.body.dataset.query = query;
  document.body.dataset.state = "done";
});
"""


def write_pagefind_page(output: Path) -> None:
    folder = output / "pagefind-bench"
    folder.mkdir(exist_ok=True)
    (folder / "index.html").write_text(PAGEFIND_PAGE)
    (folder / "pagefind-bench.js").write_text(PAGEFIND_SCRIPT)


# ---------------------------------------------------------------- the browser


class Counter:
    """Compressed response bytes of a page's requests from `start()` on."""

    def __init__(self, page):
        self.requests = []
        self.counting = False
        page.on("requestfinished", lambda request: self.counting and self.requests.append(request))

    def start(self):
        self.requests, self.counting = [], True

    def stop(self, keep=lambda url: True) -> int:
        self.counting = False
        return sum(max(0, r.sizes()["responseBodySize"]) for r in self.requests if keep(r.url))


def is_hub_search(url: str) -> bool:
    return "/search/index/" in url or url.endswith(("/search.js", "/lunr.min.js"))


@dataclass(frozen=True)
class SearchUnderTest:
    """How to drive one search system's page: the same steps measure both systems."""

    path: str
    ready: str  # JavaScript that is true once the page can take a query
    box: str  # the id of the search box
    owns: object  # url -> bool: is this request the system's own code or index
    wait: object  # (page, query) -> None: returns once the results are shown
    results: str  # JavaScript giving the URLs of the results shown, best first


def wait_for_pagefind(page, query: str) -> None:
    page.wait_for_function(
        "(q) => document.body.dataset.state === 'done' && document.body.dataset.query === q",
        arg=query,
    )


HUB = SearchUnderTest(
    "/search/",
    "() => window.HubSearch && window.HubSearch.page && document"
    ".querySelector('[data-search-results]').dataset.searchState === 'done'",
    "search-page-q",
    is_hub_search,
    lambda page, query: wait_for(page, query),
    "() => Array.from(document.querySelectorAll("
    "'.search-answer-title a, [data-search-list] .search-result-title a'), (a) => a.href)",
)
PAGEFIND = SearchUnderTest(
    "/pagefind-bench/",
    "() => document.body.dataset.ready === 'yes'",
    "q",
    lambda url: "/pagefind/" in url,
    wait_for_pagefind,
    "() => Array.from(document.querySelectorAll('#results li'), (li) => li.dataset.url)",
)


def query_bytes(browser, base: str, system: SearchUnderTest, query: str) -> tuple[int, int]:
    """(bytes from Enter to results, every search byte of this first query from cold)."""
    from_enter, cold, _ = first_query(browser, base, system, query)
    return from_enter, cold


def first_query(browser, base: str, system: SearchUnderTest, query: str):
    """One query in a fresh browser: (bytes from Enter to results, every search byte of it
    from cold, the URLs of the results shown)."""
    context = browser.new_context()
    page = context.new_page()
    counter = Counter(page)
    counter.start()
    page.goto(base + system.path)
    page.wait_for_function(system.ready)
    code = counter.stop(system.owns)
    counter.start()
    page.evaluate("([box, q]) => { document.getElementById(box).value = q; }", [system.box, query])
    page.locator("#" + system.box).press("Enter")
    system.wait(page, query)
    from_enter = counter.stop()
    urls = page.evaluate(system.results)
    context.close()
    return from_enter, code + from_enter, urls


def page_load_search_bytes(browser, base: str) -> int:
    context = browser.new_context()
    page = context.new_page()
    urls = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(base + "/guidance/fit-notes/")
    page.wait_for_load_state("networkidle")
    context.close()
    return len([u for u in urls if "/search/" in u or "lunr" in u or "search.js" in u])


def keypress_latency(browser, base: str) -> list[float]:
    """Milliseconds from a keypress to its results shown, with the shards already cached."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + "/search/")
    page.wait_for_function("() => window.HubSearch && window.HubSearch.page")
    box = page.locator("#search-page-q")
    timings = []
    for query in QUERIES:
        box.fill(query)
        wait_for(page, query)  # loads what the query needs
        box.press("Backspace")
        wait_for(page, query[:-1])
        box.press(query[-1])  # the same shards again: only the work is timed
        wait_for(page, query)
        timings.append(page.evaluate("() => HubSearch.page.finished - HubSearch.page.started"))
    context.close()
    return timings


def wait_for(page, query: str) -> None:
    page.wait_for_function(
        "(q) => { const r = document.querySelector('[data-search-results]');"
        " return r.dataset.searchState === 'done' &&"
        " r.dataset.searchQuery === q; }",
        arg=query,
    )


def browse(base: str) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_FLAGS
        )
        hub = [query_bytes(browser, base, HUB, q) for q in QUERIES]
        pagefind = [query_bytes(browser, base, PAGEFIND, q) for q in QUERIES]
        on_load = page_load_search_bytes(browser, base)
        latency = keypress_latency(browser, base)
        browser.close()
    return {"hub": hub, "pagefind": pagefind, "on_load": on_load, "latency": latency}


# ---------------------------------------------------------------- report


def kb(n: float) -> str:
    return f"{n / 1000:.1f} KB"


def line(name: str, value: str, baseline: str, ratio: float, target: str = "") -> None:
    print(f"  {name:<44} {value:>12}  vs {baseline:>12}  ratio {ratio:5.2f}  {target}", flush=True)


def report(pages: int, built: dict, seen: dict) -> None:
    plugin = built["plugin"]
    step = sum(plugin["seconds"].values())
    print(
        f"\n{pages} pages: {plugin['documents']} section documents, {plugin['terms']} terms, "
        f"{plugin['shards']} shards, {plugin['tails']} tails"
    )
    hub_enter = statistics.median(b for b, _ in seen["hub"])
    pf_enter = statistics.median(b for b, _ in seen["pagefind"])
    target = TARGETS.get(pages)
    verdict = (
        ""
        if target is None
        else ("ok" if hub_enter <= target else "OVER") + f" (target {kb(target)})"
    )
    line(
        "bytes, Enter to results (median, hub/Pagefind)",
        kb(hub_enter),
        kb(pf_enter),
        hub_enter / pf_enter,
        verdict,
    )
    hub_cold = statistics.median(c for _, c in seen["hub"])
    pf_cold = statistics.median(c for _, c in seen["pagefind"])
    line("bytes, first query from cold incl. code", kb(hub_cold), kb(pf_cold), hub_cold / pf_cold)
    line(
        "bytes, Enter to results, max of 30",
        kb(max(b for b, _ in seen["hub"])),
        kb(max(b for b, _ in seen["pagefind"])),
        max(b for b, _ in seen["hub"]) / max(b for b, _ in seen["pagefind"]),
    )
    line(
        "bytes, unsplit lunr index (gzip) vs hub",
        kb(built["unsplit_gz"]),
        kb(hub_enter),
        built["unsplit_gz"] / hub_enter,
    )
    print(f"  search requests on an ordinary page load: {seen['on_load']} (target 0)")
    pf = built["pagefind"]
    line(
        "index step in the build (s, hub/Pagefind)",
        f"{step:.2f} s",
        f"{pf.seconds:.2f} s",
        step / pf.seconds,
        "ok" if step <= pf.seconds else "OVER",
    )
    alone, step_alone = built["alone"], built["alone_step"]
    line(
        "index step alone, in a fresh process (s)",
        f"{step_alone:.2f} s",
        f"{pf.seconds:.2f} s",
        step_alone / pf.seconds,
        "ok" if step_alone <= pf.seconds else "OVER",
    )
    line(
        "  that process, with start-up and reading input",
        f"{alone.seconds:.2f} s",
        f"{pf.seconds:.2f} s",
        alone.seconds / pf.seconds,
    )
    lunr_run = built["unsplit"]
    line(
        "unsplit lunr.py index (s, lunr.py/Pagefind)",
        f"{lunr_run.seconds:.2f} s",
        f"{pf.seconds:.2f} s",
        lunr_run.seconds / pf.seconds,
    )
    line(
        "peak memory alone (MB, hub/Pagefind)",
        f"{alone.peak_mb:.0f} MB",
        f"{pf.peak_mb:.0f} MB",
        alone.peak_mb / pf.peak_mb,
        "ok" if alone.peak_mb <= 500 else "OVER (500 MB)",
    )
    print(
        f"  whole Pelican build with search: {built['site'].seconds:.1f} s, "
        f"peak {built['site'].peak_mb:.0f} MB (the site benchmark compares it with bare Pelican)"
    )
    lat = seen["latency"]
    print(
        f"  keypress to results, shards cached: median {statistics.median(lat):.0f} ms, "
        f"max {max(lat):.0f} ms (target 100 ms): "
        f"{'ok' if max(lat) <= 100 else 'OVER'}",
        flush=True,
    )


def main(sizes=(2000, 10000)) -> None:
    print("Search: sharded lunr (hub) against Pagefind and an unsplit lunr.py index")
    with tempfile.TemporaryDirectory() as folder:
        for pages in sizes:
            work = Path(folder) / str(pages)
            work.mkdir()
            built = build(pages, work)
            server, base = serve(built["output"])
            try:
                seen = browse(base)
            finally:
                server.shutdown()
            report(pages, built, seen)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--index"]:
        index_alone(sys.argv[2], sys.argv[3])
    elif sys.argv[1:2] == ["--lunr"]:
        unsplit_lunr(sys.argv[2], sys.argv[3])
    else:
        main(tuple(int(n) for n in sys.argv[1:]) or (2000, 10000))
