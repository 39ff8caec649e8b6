"""`make linkcheck-external`: check the external links the last build listed, with `linkchecker`.

Reads `external-links.json` (written by the plugin), checks each URL not checked in the last
`cache_hours` (LINKCHECK_EXTERNAL_CACHE_HOURS, default 24) with the `linkchecker` tool, keeps
results in `external-cache.json` beside the report, and prints the dead links with the pages
(and Markdown files) that use them. Links used only on Historic pages (closed schemes) are
listed apart and never fail the run.

Without a network (no external host answers within a few seconds) it says so, prints what the
cache knows, and exits 0. Exit status 1 means a current page links to a dead URL.

Run as `python -m hub_linkcheck.external [--content content]` (or `make linkcheck-external`).
"""

import argparse
import csv
import datetime
import io
import json
import shutil
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .report import REPORT_NAME, default_report_dir

PROBE_TIMEOUT = 4.0  # seconds for the whole network probe
URL_TIMEOUT = 20  # seconds linkchecker waits for one URL
RUN_TIMEOUT = 600  # seconds for the whole linkchecker run, so it can never hang


@dataclass(frozen=True)
class Result:
    ok: bool
    message: str  # linkchecker's result, e.g. "200 OK" or "ConnectionError: ..."
    checked: str  # ISO time


def load_json(path: Path, default):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return default


def fresh_results(cache: dict, now: datetime.datetime, hours: float) -> dict[str, Result]:
    """Cached results younger than `hours`."""
    fresh = {}
    for url, entry in cache.items():
        try:
            checked = datetime.datetime.fromisoformat(entry["checked"])
            if now - checked < datetime.timedelta(hours=hours):
                fresh[url] = Result(bool(entry["ok"]), str(entry["message"]), entry["checked"])
        except (KeyError, TypeError, ValueError):
            continue  # an entry we cannot read is simply checked again
    return fresh


def network_available(urls: list[str], timeout: float = PROBE_TIMEOUT) -> bool:
    """True when one of the links' own hosts accepts a connection within `timeout` seconds.

    Each probe runs in a daemon thread, so a resolver that never answers cannot hang us.
    """
    hosts = []
    for url in urls:
        parts = urlsplit(url)
        if parts.hostname and (parts.hostname, parts.port) not in hosts:
            hosts.append((parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)))
    hosts = hosts[:3]
    answered, finished = threading.Event(), threading.Semaphore(0)

    def probe(host, port):
        try:
            with socket.create_connection((host, port), timeout=timeout):
                answered.set()
        except OSError:
            pass
        finally:
            finished.release()

    for host, port in hosts:
        threading.Thread(target=probe, args=(host, port), daemon=True).start()
    deadline = time.monotonic() + timeout
    for _ in hosts:  # stop at the first answer, or once every probe has failed
        if answered.is_set() or not finished.acquire(timeout=max(0, deadline - time.monotonic())):
            break
    return answered.is_set()


def linkchecker_command() -> str:
    beside_python = Path(sys.executable).parent / "linkchecker"
    return str(beside_python) if beside_python.exists() else (shutil.which("linkchecker") or "")


def run_linkchecker(urls: list[str]) -> dict[str, tuple[bool, str]]:
    """Check `urls` (no recursion) with the `linkchecker` tool; URL -> (ok, its result)."""
    command = [
        linkchecker_command(),
        "--stdin",
        "--recursion-level=0",
        "--check-extern",
        "--no-status",
        "--verbose",
        "--output=csv/utf-8",
        f"--timeout={URL_TIMEOUT}",
        "--threads=8",
    ]  # --verbose: list the good URLs too, so each gets a result
    try:
        completed = subprocess.run(
            command,
            input="\n".join(urls),
            capture_output=True,
            text=True,
            timeout=RUN_TIMEOUT,
        )
    except subprocess.TimeoutExpired as stopped:  # keep what it managed; the rest is unchecked
        output = stopped.stdout or b""
        return parse_csv(output.decode() if isinstance(output, bytes) else output)
    return parse_csv(completed.stdout)


def parse_csv(output: str) -> dict[str, tuple[bool, str]]:
    """linkchecker's CSV output (';'-separated, '#' comment lines) -> URL -> (ok, result)."""
    lines = [line for line in output.splitlines() if line and not line.startswith("#")]
    results = {}
    for row in csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"):
        url = row.get("urlname") or row.get("url") or ""
        if url:
            message = row.get("result") or row.get("warningstring") or ""
            results[url] = (row.get("valid") == "True", message.strip())
    return results


def check(
    report: dict, cache: dict, now: datetime.datetime, online, checker
) -> tuple[dict[str, Result], list[str], bool]:
    """(results by URL, URLs left unchecked, whether the network was there). `online` and
    `checker` are passed in so tests never touch the network."""
    urls = [entry["url"] for entry in report.get("external", [])]
    results = fresh_results(cache, now, float(report.get("cache_hours", 24)))
    to_check = [url for url in urls if url not in results]
    if not to_check:
        return results, [], True
    if not online(to_check):
        return results, to_check, False
    stamp = now.isoformat(timespec="seconds")
    found = checker(to_check)
    for url in to_check:
        if url in found:
            results[url] = Result(found[url][0], found[url][1], stamp)
    return results, [url for url in to_check if url not in results], True


def describe_pages(entry: dict, shown: int = 4) -> str:
    names = [p["source"] or p["page"] for p in entry["pages"]]
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more


def summary(
    report: dict, results: dict[str, Result], unchecked: list[str], online: bool, report_path: Path
) -> tuple[list[str], int]:
    """The lines to print and the exit status."""
    entries = report.get("external", [])
    current = [e for e in entries if not e["historic"]]
    historic = [e for e in entries if e["historic"]]
    dead = [e for e in current if e["url"] in results and not results[e["url"]].ok]
    lines = [
        (
            f"External links: {len(entries)} ({len(current)} on current pages, "
            f"{len(historic)} only on Historic pages about closed schemes)."
        )
    ]
    if not online:
        lines.append(
            f"No network here: {len(unchecked)} external link(s) not checked (listed in "
            f"{report_path}). Run 'make linkcheck-external' again where there is a "
            "network."
        )
    elif unchecked:
        lines.append(
            f"{len(unchecked)} link(s) got no result from linkchecker: " + ", ".join(unchecked[:10])
        )
    if dead:
        lines.append(f"Dead or failing links on current pages ({len(dead)}):")
        lines += [
            f"  {e['url']} ({results[e['url']].message}), on {describe_pages(e)}" for e in dead
        ]
    elif online and current:
        lines.append("Every external link on current pages answered.")
    if historic:
        lines.append(
            f"Links about closed schemes (on Historic pages only; a dead one is "
            f"expected) ({len(historic)}):"
        )
        for e in historic:
            state = results.get(e["url"])
            said = "not checked" if state is None else ("answers" if state.ok else state.message)
            lines.append(f"  {e['url']} ({said}), on {describe_pages(e)}")
    linked = report.get("links_to_historic_pages", [])
    if linked:
        lines.append(
            "Current pages that link to Historic pages (check they say the scheme has closed):"
        )
        lines += [f"  {e['target']} ({e['source']}), from {describe_pages(e)}" for e in linked]
    return lines, 1 if dead and online else 0  # offline, even a cached failure is no failure


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--content",
        type=Path,
        default=Path("content"),
        help="the content folder the build read (the report is beside it)",
    )
    parser.add_argument("--report", type=Path, help="the report itself, if elsewhere")
    args = parser.parse_args(argv)
    args.report = args.report or default_report_dir(args.content) / REPORT_NAME
    report = load_json(args.report, None)
    if report is None:
        print(f"No report at {args.report}: run 'make html' first.")
        return 1
    cache_path = args.report.with_name("external-cache.json")
    cache = load_json(cache_path, {})
    now = datetime.datetime.now(datetime.UTC)
    results, unchecked, online = check(report, cache, now, network_available, run_linkchecker)
    # Only results still fresh are kept, so links that left the site leave the cache too.
    cache = {
        url: {"ok": r.ok, "message": r.message, "checked": r.checked} for url, r in results.items()
    }
    cache_path.write_text(json.dumps(cache, indent=1) + "\n", encoding="utf-8")
    lines, status = summary(report, results, unchecked, online, args.report)
    print("\n".join(lines))
    return status


if __name__ == "__main__":
    sys.exit(main())
