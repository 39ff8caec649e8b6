"""Check every internal reference in a written site; collect the external ones.

Plain functions over a folder of files: no Pelican here, so tests and the benchmark call
`check_site` directly. Each file is parsed once, and not at all when its bytes are in the
cache (cache.py); with many pages the parsing is spread over worker processes (Beautiful Soup
is the cost, and it is per file). Links are then resolved in this process, over the whole site.
"""

import hashlib
import os
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path
from urllib.parse import unquote, urljoin

from hub_kernel.processes import available_cores, worker_pool

from .cache import ReferenceCache, ResolvedCache, resolving_key
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
BATCH = 32  # pages sent to a worker at a time while the site is written


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
    """What one file's references come to once resolved against the site."""

    ids: set[str]
    broken: list[Finding]
    anchors: list[tuple[Finding, str]]  # (finding if the id is missing, file that must hold it)
    external: set[str]
    internal: set[str]
    references: int
    # Each site path its references named, looked up among the site's files: the result holds
    # while each path finds the same file (or none) as it did (cache.ResolvedCache).
    paths: set[str] = field(default_factory=set)


def check_site(
    output: Path,
    site_url: str = "",
    json_keys=DEFAULT_JSON_KEYS,
    workers: int = 0,
    parallel_from: int = PARALLEL_FROM,
    data_readers: dict[str, Callable] | None = None,
    cache_dir: Path | None = None,
    early: "EarlyReader | None" = None,
) -> SiteCheck:
    """Check the site written in `output`. `workers`: 0 picks one per core, 1 runs in-process.
    `data_readers`: output glob -> a function (module-level, so worker processes can have it)
    from that JSON data to the links in it. `cache_dir`: where each file's references are
    kept by the hash of its bytes (cache.py), so the next check parses only changed files.
    `early`: the pages already read while Pelican wrote them (and its reader and cache)."""
    output = Path(output)
    files, folders = list_output(output)
    early = early or EarlyReader(output, json_keys, data_readers, cache_dir, workers=0)
    reader, cache = early.reader, early.cache
    pages = sorted(name for name in files if name.endswith((".html", ".htm")))
    others = sorted(name for name in files if name.endswith((".css", ".json", ".xml")))
    names = pages + others  # data files too: a search index is thousands of small files
    many = len(pages) >= parallel_from
    read = read_files(reader, names, cache, workers or available_cores(), many, early.finished())
    resolver = _Resolver(site_url, set(files), folders)
    resolved = None
    if cache_dir:
        resolved = ResolvedCache(cache_dir, resolving_key(site_url, reader.reading()))
        resolved.check_paths(resolver.file_of)
    site = SiteCheck()
    ids_by_file: dict[str, set[str]] = {}
    anchors: list[tuple[Finding, str]] = []
    for name, file in zip(names, read):
        result = resolved.get(name, file.key) if resolved else None
        if result is None:
            result = resolver.resolve(name, references_of(file, cache))
            if resolved:
                resolved.put(name, file.key, result)
        elif cache and file.page is None and not file.error:
            cache.keep(file.key)  # not decoded, but still this site's: saved with the rest
        site.files_read += 1
        site.references += result.references
        ids_by_file[name] = result.ids
        site.broken += result.broken
        anchors += result.anchors
        for url in result.external:
            site.external.setdefault(url, set()).add(name)
        for target in result.internal:
            site.internal.setdefault(target, set()).add(name)
    if cache:
        cache.save()
    if resolved:
        resolved.save(resolver.file_of)
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


@dataclass
class _Read:
    """One file read by a worker: its cache key, and its references unless the cache has them
    (or why it cannot be read); small, so it travels between processes cheaply."""

    key: str
    page: PageReferences | None
    signature: tuple[int, int]  # the file's mtime and size when it was read
    error: str = ""


class FileReader:
    """Finds the references in one output file; picklable, so workers can use it."""

    def __init__(self, output: Path, json_keys: tuple[str, ...], data_readers: dict[str, Callable]):
        self.root = os.fspath(output)  # joined as a string: a Path per file costs more
        self.json_keys = json_keys
        self.data_readers = data_readers
        self.known: set[str] = set()  # cache keys whose references the caller already has

    def reading(self) -> str:
        """Everything besides a file's bytes that decides what is found in it."""
        readers = sorted(
            f"{g}={r.__module__}.{r.__qualname__}" for g, r in self.data_readers.items()
        )
        return f"keys={','.join(self.json_keys)} readers={','.join(readers)}"

    def how(self, name: str) -> str:
        if name.endswith((".html", ".htm")):
            return "html"
        if name.endswith(".css"):
            return "css"
        if name.endswith(".json"):
            for pattern in self.data_readers:
                if fnmatch(name, pattern):
                    return "data " + pattern
            return "json"
        return "xml"

    def read(self, name: str) -> _Read:
        # Taken before reading: a file rewritten since then differs from it, so is read again.
        path = os.path.join(self.root, name)
        signature = file_signature(path)
        with open(path, "rb") as file:
            data = file.read()
        how = self.how(name)
        key = hashlib.sha1(how.encode() + b"\0" + data).hexdigest()
        if key in self.known:
            return _Read(key, None, signature)
        try:
            return _Read(key, self.parse(how, data), signature)
        except ValueError as error:  # a data file that is not JSON cannot be trusted either
            return _Read(key, None, signature, f"is not valid JSON ({error})")

    def parse(self, how: str, data: bytes) -> PageReferences:
        if how == "html":
            return html_references(data)
        if how == "css":
            return css_references(data.decode("utf-8", errors="replace"))
        if how == "xml":
            return xml_references(data)
        text = data.decode("utf-8")
        if how == "json":
            return json_references(text, self.json_keys)
        return data_references(text, self.data_readers[how.removeprefix("data ")])


def file_signature(path: Path) -> tuple[int, int]:
    status = os.stat(path)
    return status.st_mtime_ns, status.st_size


class EarlyReader:
    """Reads pages in worker processes as Pelican writes them (its `content_written` signal),
    so parsing overlaps writing on a second core; check_site reads only what is left."""

    def __init__(self, output: Path, json_keys, data_readers, cache_dir, workers: int):
        self.output = Path(output)
        self.reader = FileReader(self.output, tuple(json_keys), dict(data_readers or {}))
        self.cache = ReferenceCache(cache_dir, self.reader.reading()) if cache_dir else None
        self.reader.known = set(self.cache.known) if self.cache else set()
        self.prefix = os.path.abspath(self.output) + os.sep
        self.batch: list[str] = []  # pages written but not yet sent to a worker
        self.futures: list[Future] = []
        self.pool = None
        if workers > 0:  # forked now, so the workers know what the cache holds
            self.pool = worker_pool(workers, _set_reader, (self.reader,))

    def written(self, path: str) -> None:
        """Pelican wrote `path`: read it soon if it is a page of this site."""
        path = os.path.abspath(path)  # as Pelican joined it to the output folder
        if not (self.pool and path.startswith(self.prefix) and path.endswith((".html", ".htm"))):
            return
        self.batch.append(path[len(self.prefix) :].replace(os.sep, "/"))
        if len(self.batch) >= BATCH:  # one message per batch: sending each page costs more
            self.flush()

    def flush(self) -> None:
        """Send the pages written since the last batch to a worker."""
        if self.pool and self.batch:
            self.futures.append(self.pool.submit(_read_batch_in_worker, self.batch))
        self.batch = []

    def finished(self) -> dict[str, _Read]:
        """Each page read so far, once every read has finished."""
        self.flush()
        done = {}
        for future in self.futures:
            done.update(future.result())
        if self.pool:
            self.pool.shutdown()
        self.batch, self.futures, self.pool = [], [], None
        return done


def read_files(
    reader: FileReader,
    names: list[str],
    cache: ReferenceCache | None,
    workers: int,
    many: bool,
    done: dict[str, _Read],
) -> list[_Read]:
    """Each file as read: from `done` (read while the site was written) when the file has not
    changed since, the rest read now (in `workers` processes when there are `many` pages).
    A file whose bytes the cache knows is not parsed (its `page` is None: see references_of);
    what was parsed is put in the cache."""
    wanted = set(names)
    fresh = {
        name: read
        for name, read in done.items()
        if name in wanted and read.signature == file_signature(os.path.join(reader.root, name))
    }
    left = [name for name in names if name not in fresh]
    if workers > 1 and many:
        results = _in_workers(reader, left, workers)
    else:
        results = map(reader.read, left)
    reads = {**fresh, **dict(zip(left, results))}
    files = [reads[name] for name in names]
    if cache:
        for read in files:
            if read.page is not None:
                cache.put(read.key, read.page)
    return files


def references_of(read: _Read, cache: ReferenceCache | None) -> PageReferences | str:
    """A file's references (from the cache if it was not parsed), or why it cannot be read."""
    if read.error:
        return read.error
    return read.page if read.page is not None else cache.get(read.key)


class _Resolver:
    """Resolves one file's references against the whole site's files."""

    def __init__(self, site_url: str, files: set[str], folders: set[str]):
        self.files, self.folders = files, folders
        self.urls = SiteUrls(site_url)
        self._files_of: dict[str, str | None] = {}

    def resolve(self, name: str, page: PageReferences | str) -> _PageResult:
        if isinstance(page, str):  # unreadable: `page` says why
            finding = Finding(name, "", "data", "unreadable", page)
            return _PageResult(set(), [finding], [], set(), set(), 0)
        result = _PageResult(page.ids, [], [], set(), set(), len(page.references))
        # JSON data is read by scripts on many pages: its relative links mean the site root.
        page_url = self.urls.page_url("" if name.endswith(".json") else name)
        if page.base:
            page_url = urljoin(page_url, page.base)
        own_page = name.endswith((".html", ".htm")) and not page.base
        seen = set()
        for target, kind in page.references:  # a Reference, or a pair from the cache
            if target in seen:
                continue
            seen.add(target)  # each broken reference is reported once per page
            if own_page and target.startswith("#"):  # most pages' commonest: its own contents
                self._check_own_anchor(name, target, kind, result)
                continue
            where = self.urls.resolve(target, page_url)
            if where is None:
                continue
            if isinstance(where, External):
                result.external.add(where.url)
            elif isinstance(where, Unreachable):
                result.broken.append(Finding(name, target, kind, "unreachable", where.reason))
            else:
                self._check_internal(name, target, kind, where, result)
        return result

    def _check_own_anchor(self, name, target, kind, result: _PageResult) -> None:
        fragment = unquote(target[1:])
        if not anchor_exists(fragment, result.ids):
            result.broken.append(Finding(name, target, kind, "anchor", fragment))

    def _check_internal(self, name, target, kind, where: Internal, result: _PageResult) -> None:
        result.paths.add(where.path)
        file = self.file_of(where.path)
        if file is None:
            result.broken.append(Finding(name, target, kind, "missing", where.path))
            return
        if file != name:
            result.internal.add(file)
        if not where.fragment:
            return
        if file == name:
            if not anchor_exists(where.fragment, result.ids):
                result.broken.append(Finding(name, target, kind, "anchor", where.fragment))
        elif file.endswith((".html", ".htm")):
            result.anchors.append((Finding(name, target, kind, "anchor", where.fragment), file))

    def file_of(self, path: str) -> str | None:
        # The same few hundred paths are linked from every page (the header, the footer).
        if path not in self._files_of:
            self._files_of[path] = output_file(path, self.files, self.folders)
        return self._files_of[path]


def _in_workers(reader: FileReader, pages: list[str], workers: int):
    chunk = max(16, len(pages) // (workers * 8))
    # forked, where possible: the workers share the reader (and what the cache holds) for free
    with worker_pool(workers, _set_reader, (reader,)) as pool:
        return list(pool.map(_read_in_worker, pages, chunksize=chunk))


_worker_reader: FileReader | None = None


def _set_reader(reader: FileReader) -> None:
    global _worker_reader
    _worker_reader = reader


def _read_in_worker(name: str) -> _Read:
    return _worker_reader.read(name)


def _read_batch_in_worker(names: list[str]) -> dict[str, _Read]:
    done = {}
    for name in names:
        try:
            done[name] = _worker_reader.read(name)
        except OSError:
            pass  # gone or unreadable then: check_site reads it again
    return done
