"""From pages to the files the browser reads: manifest, shards, tails, vocabulary, records.

Layout under the index folder (default output/search/index/):
- manifest.json     fields, document count, pages, type ranges, shard list, synonyms
- s/<hash>.json     shards of term heads (see shards.py)
- t/<hash>.json     later tiers of frequent terms
- v/<hash>.json     every term of one length (for fuzzy and leading-wildcard queries)
- r-<hash>/<n>.json record pack n: title, URL, headings and text of a few sections
                    (see records.py); the manifest lists how many sections each holds
"""

import gc
import hashlib
import itertools
import json
import time
from pathlib import Path

from .documents import Collection, Page, collect
from .files import FileWriter, content_name
from .index_builder import build_index
from .index_types import IndexOptions
from .records import pack_records
from .shards import js_order, split_index


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def write_site_index(pages: list[Page], options: IndexOptions, folder: Path) -> dict:
    """Write every search file into `folder` (emptied first); returns counts and timings."""
    # Inside a build, Pelican holds many objects: the cyclic garbage collector would walk them
    # all again and again while this step allocates. Nothing here makes reference cycles.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _write_site_index(pages, options, folder)
    finally:
        if collecting:
            gc.enable()


def _write_site_index(pages: list[Page], options: IndexOptions, folder: Path) -> dict:
    started = time.perf_counter()
    timings = {}

    def lap(name):
        nonlocal started
        now = time.perf_counter()
        timings[name] = round(now - started, 4)
        started = now

    collection = collect(pages, list(options.types), options.skip_headings)
    lap("documents")
    index = build_index(collection.documents, options.fields)
    lap("index")
    writer = FileWriter(folder, options.gzip)
    writer.reset()

    def tail_name(term, tier, text):
        name = content_name("t", text)
        writer.write(name, text)
        return name

    shard_set = split_index(index, options.shard, tail_name)
    shards = []
    for first_term, text in shard_set.shards:
        name = content_name("s", text)
        writer.write(name, text)
        shards.append([first_term, name])
    lap("shards")
    vocabulary = write_vocabulary(index.terms, writer)
    records = write_records(collection, writer, options.record_pack_bytes)
    lap("records")
    manifest = {
        "fields": [f.name for f in options.fields],
        "documents": len(collection.documents),
        "pageSizes": page_sizes(collection),
        "types": [
            [kind, options.types[kind], start, end] for kind, start, end in collection.type_ranges
        ],
        "shards": shards,
        "vocabulary": vocabulary,
        "records": records,
        "synonyms": options.synonyms,
        "facets": collection.facets,
    }
    writer.write("manifest.json", dumps(manifest))
    lap("manifest")
    return {
        "pages": len(collection.page_starts),
        "documents": len(collection.documents),
        "terms": len(index.terms),
        "shards": len(shards),
        "tails": len(shard_set.tails),
        "files": writer.written,
        "bytes": writer.bytes,
        "seconds": timings,
    }


def page_sizes(collection: Collection) -> list[int]:
    """Documents per page, in document order: the browser maps documents to pages."""
    starts = collection.page_starts + [len(collection.documents)]
    return [b - a for a, b in itertools.pairwise(starts)]


def write_vocabulary(terms: list[str], writer: FileWriter) -> list[list]:
    by_length: dict[int, list[str]] = {}
    for term in terms:
        by_length.setdefault(len(js_order(term)) // 2, []).append(term)
    files = []
    for length in sorted(by_length):
        text = dumps(sorted(by_length[length], key=js_order))
        name = content_name("v", text)
        writer.write(name, text)
        files.append([length, name])
    return files


def write_records(collection: Collection, writer: FileWriter, pack_bytes: int) -> dict:
    """Record packs in a folder named by all of them together: a new build, a new folder."""
    packs = pack_records(collection.records, pack_bytes)
    texts = [dumps(pack) for pack in packs]
    digest = hashlib.blake2b(digest_size=8)
    for text in texts:
        digest.update(text.encode("utf-8"))
    folder = f"r-{digest.hexdigest()}"
    for number, text in enumerate(texts):
        # Many small files: servers compress them on the fly; .gz copies would double the
        # files, and creating files is a large part of a build.
        writer.write(f"{folder}/{number}.json", text, compress=False)
    return {"folder": folder, "sizes": [len(pack["r"]) for pack in packs]}
