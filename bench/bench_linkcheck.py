"""Link check benchmark: the plugin's check against `linkchecker` in file mode, same output.

Each generated site is built once, with SITEURL set to the output folder's file:// address so
that linkchecker in file mode follows every link (a root-relative link such as '/about/' would
otherwise point at the root of the disk). Both tools then run as fresh processes over the same
folder, one after the other: our check (`check_site`, as the plugin calls it after a build,
with one worker per core) and `linkchecker` with every page as a start URL (its defaults:
internal links only, no anchor check, which is less work than ours). Target: ours takes at
most a quarter of linkchecker's time.

Usage: .venv/bin/python bench/bench_linkcheck.py [pages ...]   (default: 1000 5000)
"""

import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from generate import ROOT, make_content
from measure import pelican

TARGET_RATIO = 0.25
REPEATS = 2
OUR_CHECK = """
from hub_linkcheck.check import check_site
site = check_site({output!r}, {site_url!r})
print(site.files_read, site.references, len(site.broken))
"""


def build(content: Path, output: Path, site_url: str) -> None:
    command = pelican(
        content, ROOT / "pelicanconf.py", output, f'SITEURL="{site_url}"', "LINKCHECK_STRICT=false"
    )
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"the build of {content} failed:\n{result.stderr[-3000:]}")


@dataclass(frozen=True)
class Timing:
    wall: float  # seconds a person waits
    cpu: float  # user + system seconds of the process and its workers: steadier on a busy machine


def timed(command: list[str], **options) -> tuple[Timing, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, **options)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(wall, cpu), result.stdout + result.stderr


def our_check(output: Path, site_url: str) -> tuple[Timing, str]:
    code = OUR_CHECK.format(output=str(output), site_url=site_url)
    seconds, printed = timed([sys.executable, "-c", code])
    files, references, broken = printed.split()[-3:]
    return seconds, f"{files} files, {references} references, {broken} broken"


def linkchecker(output: Path) -> tuple[Timing, str]:
    pages = "\n".join(path.as_uri() for path in sorted(output.rglob("*.html")))
    command = [
        str(Path(sys.executable).parent / "linkchecker"),
        "--stdin",
        "--no-status",
        "--no-warnings",
    ]
    seconds, printed = timed(command, input=pages)
    checked = re.search(r"(\d+) links? in (\d+) URLs? checked", printed)
    errors = re.search(r"(\d+) errors? found", printed)
    if not checked:
        raise RuntimeError(f"linkchecker did not finish:\n{printed[-3000:]}")
    return seconds, f"{checked[2]} URLs, {errors[1] if errors else '?'} errors"


def compare(pages: int, work: Path) -> dict:
    content = make_content(pages, work / f"content-{pages}")
    output = work / f"site-{pages}"
    site_url = output.as_uri()
    build(content, output, site_url)
    ours, theirs = [], []
    for _ in range(REPEATS):  # interleaved, so both see the same load; the best run counts
        timing, ours_found = our_check(output, site_url)
        ours.append(timing)
        timing, theirs_found = linkchecker(output)
        theirs.append(timing)
    ours = Timing(min(t.wall for t in ours), min(t.cpu for t in ours))
    theirs = Timing(min(t.wall for t in theirs), min(t.cpu for t in theirs))
    return {
        "pages": pages,
        "ours": ours,
        "theirs": theirs,
        "ratio": ours.wall / theirs.wall,
        "cpu_ratio": ours.cpu / theirs.cpu,
        "ours_found": ours_found,
        "theirs_found": theirs_found,
    }


def main(sizes=(1000, 5000)) -> list[dict]:
    print("Link check: the plugin's check against linkchecker (file mode), same built output")
    print(f"(best of {REPEATS}; wall time, and CPU time of each process with its workers)")
    print(
        f"{'pages':>6} {'ours s':>7} {'linkchecker s':>14} {'ratio':>6} {'ours cpu':>9} "
        f"{'linkchecker cpu':>16} {'ratio':>6}"
    )
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        # linkchecker run as root reads files as 'nobody': the folder must be readable.
        os.chmod(folder, 0o755)
        for pages in sizes:
            row = compare(pages, Path(folder))
            rows.append(row)
            verdict = "ok" if row["ratio"] <= TARGET_RATIO else f"over the {TARGET_RATIO} target"
            print(
                f"{pages:>6} {row['ours'].wall:>7.2f} {row['theirs'].wall:>14.2f} "
                f"{row['ratio']:>6.3f} {row['ours'].cpu:>9.2f} {row['theirs'].cpu:>16.2f} "
                f"{row['cpu_ratio']:>6.3f}  {verdict}",
                flush=True,
            )
            print(
                f"{'':>6} found by ours: {row['ours_found']}; by linkchecker: "
                f"{row['theirs_found']}",
                flush=True,
            )
    return rows


if __name__ == "__main__":
    main(tuple(int(n) for n in sys.argv[1:]) or (1000, 5000))
