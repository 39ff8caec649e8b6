"""The read-ahead (hub_checks/read_ahead.py): pages the worker converts come out exactly as
Pelican's own Markdown reader makes them, so a build is the same with it or without it."""

import shutil
import time
from pathlib import Path

from hub_checks import read_ahead
from pelican.readers import MarkdownReader
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent


def settings():
    return read_settings(str(ROOT / "pelicanconf.py"))


def pelican_reads(path: Path):
    return MarkdownReader(settings()).read(str(path))


def read_ahead_reads(path: Path):
    converted = read_ahead.convert(settings(), str(path))
    return read_ahead.read_converted(MarkdownReader(settings()), str(path), converted)


def same(a, b):
    """Content and metadata equal (Pelican's metadata objects compare by value, or by text)."""
    (content_a, meta_a), (content_b, meta_b) = a, b
    assert content_a == content_b
    assert meta_a.keys() == meta_b.keys()
    for key in meta_a:
        assert str(meta_a[key]) == str(meta_b[key]), key


def test_every_page_of_the_hub_reads_the_same_either_way():
    pages = sorted((ROOT / "content").rglob("*.md"))
    assert len(pages) > 100
    for path in pages:
        same(pelican_reads(path), read_ahead_reads(path))


def test_odd_files_read_the_same_either_way(tmp_path):
    # A byte-order mark, Windows line ends, a summary over several lines, no front matter.
    odd = {
        "bom.md": "\ufeffTitle: With a mark\nSummary: One *line*.\n\nText.\n",
        "crlf.md": "Title: Windows\r\nSummary: Two\r\n    lines\r\n\r\nBody **bold**.\r\n",
        "bare.md": "Just text, no front matter.\n",
        "empty.md": "",
    }
    for name, text in odd.items():
        (tmp_path / name).write_bytes(text.encode("utf-8"))
        same(pelican_reads(tmp_path / name), read_ahead_reads(tmp_path / name))


def test_the_worker_converts_pages_ahead_and_pelican_reads_the_rest(tmp_path):
    page = ROOT / "content" / "guidance" / "reasonable-adjustments.md"
    paths = []
    for number in range(read_ahead.READ_AHEAD_FROM + 40):
        copy = tmp_path / f"page-{number:03d}.md"
        shutil.copyfile(page, copy)
        paths.append(str(copy))
    ahead = read_ahead.ReadAhead(settings(), paths)
    try:
        assert ahead.pool is not None, "a site this size is read ahead on a second core"
        time.sleep(0.5)  # Pelican is busy with the first pages while the worker starts on the last
        taken = [ahead.take(path) for path in paths]
    finally:
        ahead.close()
    converted = [(path, t) for path, t in zip(paths, taken) if t is not None]
    assert converted, "the worker converted some pages"
    assert taken[-1] is not None, "it starts from the end of Pelican's order"
    expected = pelican_reads(page)
    for path, result in converted:
        same(expected, read_ahead.read_converted(MarkdownReader(settings()), path, result))


def test_a_small_site_is_read_in_one_process(tmp_path):
    ahead = read_ahead.ReadAhead(settings(), [str(tmp_path / "a.md")])
    assert ahead.pool is None
    assert ahead.take(str(tmp_path / "a.md")) is None
