"""Build benchmark: bare Pelican against the whole hub on the same generated content.

Two hub rows per size: a cold build (empty .build/ caches), then a rebuild of the same content
into a fresh folder with the caches warm (the link check's, see hub_linkcheck/cache.py), as
every `make html` or preview rebuild after the first is.

Usage: .venv/bin/python bench/bench_site.py [pages ...]   (default: 1000 5000)
"""

import sys
import tempfile
from pathlib import Path

from generate import ROOT, make_content
from measure import measure, pelican

TARGET_RATIO = 1.5


def compare(pages: int, work: Path) -> dict:
    # Each size in a folder of its own: the caches in .build/ beside the content start empty.
    work = work / f"size-{pages}"
    content = make_content(pages, work / "content")
    bare = measure(pelican(content, ROOT / "bench" / "bare_pelicanconf.py", work / "bare"))
    hub = measure(pelican(content, ROOT / "pelicanconf.py", work / "hub"), cwd=ROOT)
    # A second build into a fresh folder, as `make html` does: the caches beside the content
    # (.build/) are warm, as they are for every rebuild an editor waits for.
    rebuild = measure(pelican(content, ROOT / "pelicanconf.py", work / "hub-again"), cwd=ROOT)
    return {
        "pages": pages,
        "bare": bare,
        "hub": hub,
        "ratio": hub.seconds / bare.seconds,
        "rebuild": rebuild,
        "rebuild_ratio": rebuild.seconds / bare.seconds,
    }


def main(sizes=(1000, 5000)) -> list[dict]:
    print("Build: whole hub (theme and all plugins) against bare Pelican, same content")
    print(
        f"{'pages':>6} {'bare s':>8} {'bare MB':>8} {'build':>26} {'hub s':>8} {'hub MB':>8} "
        f"{'hub/bare':>9}"
    )
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for pages in sizes:
            row = compare(pages, Path(folder))
            rows.append(row)
            bare = f"{pages:>6} {row['bare'].seconds:>8.1f} {row['bare'].peak_mb:>8.0f}"
            for label, run, ratio in (
                ("hub (cold)", row["hub"], row["ratio"]),
                ("hub (rebuild, caches warm)", row["rebuild"], row["rebuild_ratio"]),
            ):
                verdict = "ok" if ratio <= TARGET_RATIO else f"over the {TARGET_RATIO} target"
                print(
                    f"{bare} {label:>26} {run.seconds:>8.1f} {run.peak_mb:>8.0f} {ratio:>9.2f}  "
                    f"{verdict}",
                    flush=True,
                )
                bare = " " * len(bare)
    return rows


if __name__ == "__main__":
    main(tuple(int(n) for n in sys.argv[1:]) or (1000, 5000))
