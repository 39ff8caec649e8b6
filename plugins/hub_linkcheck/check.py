"""Check every internal reference in a written site; collect the external ones.

Plain functions over a folder of files: no Pelican here, so tests and the benchmark call
`check_site` directly. Each HTML file is parsed once; with many pages the parsing is spread
over worker processes (Beautiful Soup is the cost, and it is per file).
"""

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path
from urllib.parse import urljoin

from .references import (
    PageReferences,
    css_references,
    data_references,
    html_references,
    json_references,
    xml_references,
)
from .resolve import External, Internal, SiteUrls, Unreachable, anchor_exists, output_file

DEFAULT_JSON_KEYS = ("url", "href")
PARALLEL_FROM = 300  # below this many pages, starting workers costs more than it saves


@dataclass(frozen=True, order=True)
class Finding:
    """One broken reference: on `page` (an output file), `target` as written, and why."""

    page: str
    target: str
    kind: str  # link, image, stylesheet, script, feed, data, ... (see references.py)
    problem: str  # "missing", "anchor" or "unreachable"
    detail: str  # the missing path, the missing id, or why it cannot work


@dataclass
class SiteCheck:
    broken: list[Finding] = field(default_factory=list)
    external: dict[str, set[str]] = field(default_factory=dict)  # URL -> output files using it
    # output file -> the files that link to it
    internal: dict[str, set[str]] = field(default_factory=dict)
    files_read: int = 0
    references: int = 0


@dataclass
class _PageResult:
    """What one worker learns from one file; small, so it travels between processes cheaply."""

    ids: set[str]
    broken: list[Finding]
    anchors: list[tuple[Finding, str]]  # (finding if the id is missing, file that must hold it)
    external: set[str]
    internal: set[str]
    references: int


def check_site(
    output: Path,
    site_url: str = "",
    json_keys=DEFAULT_JSON_KEYS,
    workers: int = 0,
    parallel_from: int = PARALLEL_FROM,
    data_readers: dict[str, Callable] | None = None,
) -> SiteCheck:
    """Check the site written in `output`. `workers`: 0 picks one per core, 1 runs in-process.
    `data_readers`: output glob -> a function (module-level, so worker processes can have it)
    from that JSON data to the links in it."""
    output = Path(output)
    files, folders = list_output(output)
    checker = _FileChecker(
        output, site_url, set(files), folders, tuple(json_keys), dict(data_readers or {})
    )
    pages = sorted(name for name in files if name.endswith((".html", ".htm")))
    others = sorted(name for name in files if name.endswith((".css", ".json", ".xml")))
    workers = workers or available_cores()
    names = pages + others  # data files too: a search index is thousands of small files
    if workers > 1 and len(pages) >= parallel_from:
        results = _in_workers(checker, names, workers)
    else:
        results = map(checker.check_file, names)
    site = SiteCheck()
    ids_by_file: dict[str, set[str]] = {}
    anchors: list[tuple[Finding, str]] = []
    for name, result in zip(names, results):
        site.files_read += 1
        site.references += result.references
        ids_by_file[name] = result.ids
        site.broken += result.broken
        anchors += result.anchors
        for url in result.external:
            site.external.setdefault(url, set()).add(name)
        for target in result.internal:
            site.internal.setdefault(target, set()).add(name)
    # An id on another page is known only once every page has been read.
    site.broken += [
        finding
        for finding, target in anchors
        if target in ids_by_file and not anchor_exists(finding.detail, ids_by_file[target])
    ]
    site.broken = sorted(set(site.broken))
    return site


def list_output(output: Path) -> tuple[list[str], set[str]]:
    """Every file and folder under `output`, as '/'-separated paths relative to it."""
    files, folders = [], set()
    for folder, subfolders, names in os.walk(output):
        relative = os.path.relpath(folder, output).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        folders.update(prefix + sub for sub in subfolders)
        files += [prefix + name for name in names]
    return files, folders


class _FileChecker:
    """Reads one output file and resolves its references; picklable, so workers can use it."""

    def __init__(
        self,
        output: Path,
        site_url: str,
        files: set[str],
        folders: set[str],
        json_keys: tuple[str, ...],
        data_readers: dict[str, Callable],
    ):
        self.output, self.files, self.folders = output, files, folders
        self.json_keys = json_keys
        self.data_readers = data_readers
        self.urls = SiteUrls(site_url)

    def check_file(self, name: str) -> _PageResult:
        try:
            references = self.read(name)
        except ValueError as error:  # a data file that is not JSON cannot be trusted either
            finding = Finding(name, "", "data", "unreadable", f"is not valid JSON ({error})")
            return _PageResult(set(), [finding], [], set(), set(), 0)
        return self.resolve(name, references)

    def read(self, name: str) -> PageReferences:
        path = self.output / name
        if name.endswith((".html", ".htm")):
            return html_references(path.read_bytes())
        if name.endswith(".css"):
            return css_references(path.read_text(encoding="utf-8", errors="replace"))
        if name.endswith(".json"):
            text = path.read_text(encoding="utf-8")
            for pattern, reader in self.data_readers.items():
                if fnmatch(name, pattern):
                    return data_references(text, reader)
            return json_references(text, self.json_keys)
        return xml_references(path.read_bytes())

    def resolve(self, name: str, page: PageReferences) -> _PageResult:
        result = _PageResult(page.ids, [], [], set(), set(), len(page.references))
        # JSON data is read by scripts on many pages: its relative links mean the site root.
        page_url = self.urls.page_url("" if name.endswith(".json") else name)
        if page.base:
            page_url = urljoin(page_url, page.base)
        seen = set()
        for reference in page.references:
            where = self.urls.resolve(reference.target, page_url)
            if where is None or where in seen:
                continue
            seen.add(where)  # each broken reference is reported once per page
            if isinstance(where, External):
                result.external.add(where.url)
            elif isinstance(where, Unreachable):
                result.broken.append(
                    Finding(name, reference.target, reference.kind, "unreachable", where.reason)
                )
            else:
                self._check_internal(name, reference, where, result)
        return result

    def _check_internal(self, name, reference, where: Internal, result: _PageResult) -> None:
        target = output_file(where.path, self.files, self.folders)
        if target is None:
            result.broken.append(
                Finding(name, reference.target, reference.kind, "missing", where.path)
            )
            return
        if target != name:
            result.internal.add(target)
        if not where.fragment:
            return
        finding = Finding(name, reference.target, reference.kind, "anchor", where.fragment)
        if target == name:
            if not anchor_exists(where.fragment, result.ids):
                result.broken.append(finding)
        elif target.endswith((".html", ".htm")):
            result.anchors.append((finding, target))


def available_cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _in_workers(checker: _FileChecker, pages: list[str], workers: int):
    # fork shares the file list with the workers for free; elsewhere the default start method.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(16, len(pages) // (workers * 8))
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_set_checker, initargs=(checker,)
    ) as pool:
        return list(pool.map(_check_in_worker, pages, chunksize=chunk))


_worker_checker: _FileChecker | None = None


def _set_checker(checker: _FileChecker) -> None:
    global _worker_checker
    _worker_checker = checker


def _check_in_worker(name: str) -> _PageResult:
    return _worker_checker.check_file(name)
