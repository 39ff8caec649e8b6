"""Build benchmark: bare Pelican against the whole hub on the same generated content.

Two hub rows per size: a cold build (empty .build/ caches), then a rebuild of the same content
into a fresh folder with the caches warm (the link check's, the script bundles, the compiled
templates), as every `make html` or preview rebuild after the first is.

Each size runs ROUNDS rounds of bare, cold and warm builds in turn, and each figure is the
median of its rounds: on a shared or virtual machine one run of bare Pelican alone can vary by
a third, so a single pair is mostly noise.

Usage: .venv/bin/python bench/bench_site.py [pages ...]   (default: 1000 5000)
"""

import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from generate import ROOT, make_content
from measure import Run, measure, pelican

TARGET_RATIO = 1.5
ROUNDS = 3


def median(runs: list[Run]) -> Run:
    return Run(
        statistics.median(r.seconds for r in runs), statistics.median(r.peak_mb for r in runs)
    )


def compare(pages: int, work: Path, rounds: int = ROUNDS) -> dict:
    # Each size in a folder of its own: the caches in .build/ beside the content start empty.
    work = work / f"size-{pages}"
    content = make_content(pages, work / "content")
    settings = ROOT / "pelicanconf.py"
    bare, hub, rebuild = [], [], []
    for number in range(rounds):
        # Cold: no cache of any earlier round. (The builds are kept until the end: deleting
        # thousands of files slows the disk under the next build.)
        shutil.rmtree(work / ".build", ignore_errors=True)
        bare.append(
            measure(
                pelican(content, ROOT / "bench" / "bare_pelicanconf.py", work / f"bare-{number}")
            )
        )
        hub.append(measure(pelican(content, settings, work / f"hub-{number}"), cwd=ROOT))
        # A second build into a fresh folder, as `make html` does: the caches beside the
        # content (.build/) are warm, as they are for every rebuild an editor waits for.
        rebuild.append(measure(pelican(content, settings, work / f"again-{number}"), cwd=ROOT))
    bare_run, hub_run, rebuild_run = median(bare), median(hub), median(rebuild)
    return {
        "pages": pages,
        "bare": bare_run,
        "hub": hub_run,
        "ratio": hub_run.seconds / bare_run.seconds,
        "rebuild": rebuild_run,
        "rebuild_ratio": rebuild_run.seconds / bare_run.seconds,
        "rounds": rounds,
    }


def main(sizes=(1000, 5000)) -> list[dict]:
    print(
        "Build: whole hub (theme and all plugins) against bare Pelican, same content "
        f"(medians of {ROUNDS} rounds)"
    )
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
