"""Build benchmark: bare Pelican against the whole hub on the same generated content.

Usage: .venv/bin/python bench/bench_site.py [pages ...]   (default: 1000 5000)
"""

import sys
import tempfile
from pathlib import Path

from generate import ROOT, make_content
from measure import measure

TARGET_RATIO = 1.5


def pelican(content: Path, settings: Path, output: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "pelican",
        str(content),
        "-s",
        str(settings),
        "-o",
        str(output),
        "--fatal",
        "errors",
        "-q",
    ]


def compare(pages: int, work: Path) -> dict:
    content = make_content(pages, work / f"content-{pages}")
    bare = measure(pelican(content, ROOT / "bench" / "bare_pelicanconf.py", work / "bare"))
    hub = measure(pelican(content, ROOT / "pelicanconf.py", work / "hub"), cwd=ROOT)
    return {"pages": pages, "bare": bare, "hub": hub, "ratio": hub.seconds / bare.seconds}


def main(sizes=(1000, 5000)) -> list[dict]:
    print("Build: whole hub (theme and all plugins) against bare Pelican, same content")
    print(f"{'pages':>6} {'bare s':>8} {'bare MB':>8} {'hub s':>8} {'hub MB':>8} {'hub/bare':>9}")
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for pages in sizes:
            row = compare(pages, Path(folder))
            rows.append(row)
            verdict = "ok" if row["ratio"] <= TARGET_RATIO else f"over the {TARGET_RATIO} target"
            print(
                f"{pages:>6} {row['bare'].seconds:>8.1f} {row['bare'].peak_mb:>8.0f} "
                f"{row['hub'].seconds:>8.1f} {row['hub'].peak_mb:>8.0f} {row['ratio']:>9.2f}  "
                f"{verdict}",
                flush=True,
            )
    return rows


if __name__ == "__main__":
    main(tuple(int(n) for n in sys.argv[1:]) or (1000, 5000))
