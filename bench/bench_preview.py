"""Edit to preview: how long after saving one guidance page the preview serves the change.

`make serve` is started on a copy of the hub's content; once its first build is served, one
guidance page is saved with a new sentence, ROUNDS times, and each time the page is fetched
until it shows the sentence. The baseline, measured in the same run, is a bare Pelican build of
the same content folder (bench/bare_pelicanconf.py: its default theme reads the guidance and
the pages, about a quarter of the hub's articles): the least an editor could wait for with
Pelican alone and nothing watching.

Usage: .venv/bin/python bench/bench_preview.py
"""

import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from generate import ROOT
from measure import measure, pelican

ROUNDS = 5
PAGE = "guidance/fit-notes.md"
URL_PATH = "/guidance/fit-notes/"
TIMEOUT = 120  # seconds: a preview that takes longer has failed


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str) -> float:
    """Seconds until the page at `url` holds `text`."""
    start = time.perf_counter()
    while text not in fetch(url):
        if time.perf_counter() - start > TIMEOUT:
            raise RuntimeError(f"the preview never showed {text!r} at {url}")
        time.sleep(0.05)
    return time.perf_counter() - start


def save_with_sentence(page: Path, sentence: str) -> None:
    front_matter, body = page.read_text(encoding="utf-8").split("\n\n", 1)
    page.write_text(f"{front_matter}\n\n{sentence}\n\n{body}", encoding="utf-8")


def main() -> dict:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        content = work / "content"
        shutil.copytree(ROOT / "content", content)
        bare = measure(
            pelican(content, ROOT / "bench" / "bare_pelicanconf.py", work / "bare")
        ).seconds
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "hub_preview", "--content", str(content)]
            + ["--site", str(work / "preview"), "--port", str(port)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            url = f"http://127.0.0.1:{port}{URL_PATH}"
            wait_for(url, "</html>")  # the first build is served
            waits = []
            for number in range(ROUNDS):
                sentence = f"Preview benchmark sentence {number}."
                save_with_sentence(content / PAGE, sentence)
                waits.append(wait_for(url, sentence))
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
    median = statistics.median(waits)
    print(
        f"Edit to preview: one guidance page ({PAGE}) saved {ROUNDS} times while `make serve` runs"
    )
    print(f"{'bare Pelican build s':>22} {'edit to preview s':>18} {'ratio':>6}  (each save, s)")
    each = " ".join(f"{w:.2f}" for w in waits)
    print(f"{bare:>22.2f} {median:>18.2f} {median / bare:>6.2f}  ({each})")
    return {"bare": bare, "median": median, "waits": waits}


if __name__ == "__main__":
    main()
