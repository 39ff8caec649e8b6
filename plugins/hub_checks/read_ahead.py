"""Markdown converted on the second core while Pelican reads the pages on the first.

Pelican reads every page in one process, and converting the Markdown is most of that time. A
page's conversion depends only on its file and the MARKDOWN setting, so a worker process
converts pages from the end of Pelican's reading order while Pelican works from the start.
Pelican takes each page the worker has finished and converts the others itself, so the two
meet in the middle; the pages come out the same either way (tests/test_read_ahead.py).
"""

import os
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import NamedTuple

from hub_kernel.processes import available_cores, can_fork, worker_pool
from markdown import Markdown
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

CHUNK = 8  # pages converted per message to the worker
READ_AHEAD_FROM = 50  # below this many pages, starting a worker costs more than it saves


class Converted(NamedTuple):
    content: str  # the page's HTML, as MarkdownReader.read makes it
    meta: dict[str, list[str]] | None  # the front matter as Markdown's meta extension read it
    formatted: dict[str, str]  # the HTML of each formatted field (the summary), by its text


def convert(settings: dict, path: str) -> Converted:
    """What Pelican's MarkdownReader does with one file, short of processing the metadata
    (that makes objects tied to this build, so it stays in Pelican's process)."""
    MarkdownReader(settings)  # completes settings["MARKDOWN"] as Pelican's reader does
    md = Markdown(**settings["MARKDOWN"])
    with pelican_open(path) as text:
        content = md.convert(text)
    meta = getattr(md, "Meta", None)
    formatted = {}
    if meta is not None:
        md.preprocessors.deregister("meta")
        for name, value in meta.items():
            if name.lower() in settings["FORMATTED_FIELDS"]:
                text = "\n".join(value)
                formatted[text] = md.reset().convert(text)
    return Converted(content, meta, formatted)


class _FormattedFields:
    """Stands in for the Markdown instance in MarkdownReader._parse_metadata, giving back the
    formatted fields the worker already converted."""

    def __init__(self, formatted: dict[str, str]):
        self.formatted = formatted
        self.preprocessors = self  # _parse_metadata deregisters the meta preprocessor first

    def deregister(self, name, strict=True):
        pass

    def reset(self):
        return self

    def convert(self, text: str) -> str:
        return self.formatted[text]


def read_converted(reader: MarkdownReader, source_path: str, converted: Converted):
    """(content, metadata) as `reader.read(source_path)` returns them, from the worker's work."""
    reader._source_path = source_path
    if converted.meta is None:
        return converted.content, {}
    reader._md = _FormattedFields(converted.formatted)
    return converted.content, reader._parse_metadata(converted.meta)


_settings: dict = {}


def _start_worker(settings: dict) -> None:
    _settings.update(settings)


def _convert_chunk(paths: list[str]) -> dict[str, Converted]:
    return {path: convert(_settings, path) for path in paths}


class ReadAhead:
    """The worker for one build: `take(path)` gives a page it has converted, or None."""

    def __init__(self, settings: dict, paths: list[str]):
        self.pool: ProcessPoolExecutor | None = None
        self.futures: dict[str, Future] = {}
        if len(paths) < READ_AHEAD_FROM or available_cores() < 2 or not can_fork():
            return
        # forked, so the worker has the settings as they are now, without pickling them
        self.pool = worker_pool(1, _start_worker, (settings,))
        backwards = list(reversed(paths))
        for start in range(0, len(backwards), CHUNK):
            chunk = backwards[start : start + CHUNK]
            future = self.pool.submit(_convert_chunk, chunk)
            self.futures.update(dict.fromkeys(chunk, future))

    def take(self, path: str) -> Converted | None:
        future = self.futures.pop(path, None)
        if future is None:
            return None
        if not future.done():
            future.cancel()  # Pelican converts it now; the worker need not (if not yet begun)
            return None
        if future.cancelled() or future.exception() is not None:
            return None
        return future.result().get(path)

    def close(self) -> None:
        if self.pool:
            self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool, self.futures = None, {}


def markdown_files(generator, readable: set) -> list[str]:
    """The article files Pelican is about to read, in its order, that the gate let through and
    the Markdown reader reads."""
    settings = generator.settings
    extensions = tuple("." + e for e in MarkdownReader.file_extensions)
    files = generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])
    paths = [os.path.abspath(os.path.join(generator.path, f)) for f in files]
    return [p for p in paths if p.endswith(extensions) and Path(p) in readable]
