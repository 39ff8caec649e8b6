"""The link check's cache between builds: a rebuild finds exactly what an uncached check finds,
and parses again only the files whose bytes changed."""

import os

from hub_linkcheck import check
from hub_linkcheck.check import DEFAULT_JSON_KEYS, EarlyReader, check_site
from test_linkcheck import clean_files, page, write_site


def broken_site_files():
    files = clean_files()
    files["index.html"] += page(
        '<a href="/guidance/missing-page/">gone</a> <a href="/guidance/a/#no-such">bad</a>'
        '<a href="https://example.org/x">out</a>'
    )
    return files


def same(one, two):
    assert one.broken == two.broken
    assert one.external == two.external and one.internal == two.internal
    assert (one.files_read, one.references) == (two.files_read, two.references)


def record_calls(monkeypatch, owner, name: str, noted) -> list:
    """`owner.name` still works; `noted(*arguments)` of each call is kept in the list."""
    calls = []
    real = getattr(owner, name)

    def recording(*arguments):
        calls.append(noted(*arguments))
        return real(*arguments)

    monkeypatch.setattr(owner, name, recording)
    return calls


def count_html_parses(monkeypatch):
    return record_calls(monkeypatch, check, "html_references", lambda markup: markup)


def count_resolved(monkeypatch):
    return record_calls(monkeypatch, check._Resolver, "resolve", lambda self, name, page: name)


def test_a_cached_rebuild_finds_what_an_uncached_check_finds(tmp_path, monkeypatch):
    site = write_site(tmp_path / "output", broken_site_files())
    cache = tmp_path / "cache"
    uncached = check_site(site, workers=1)
    first = check_site(site, workers=1, cache_dir=cache)
    parsed = count_html_parses(monkeypatch)
    second = check_site(site, workers=1, cache_dir=cache)
    in_workers = check_site(site, workers=2, parallel_from=1, cache_dir=cache)
    assert {(f.page, f.target) for f in second.broken} == {
        ("index.html", "/guidance/missing-page/"),
        ("index.html", "/guidance/a/#no-such"),
    }
    same(uncached, first)
    same(uncached, second)
    same(uncached, in_workers)
    assert parsed == []  # nothing changed, so no page was parsed again


def test_a_page_changed_between_builds_is_parsed_again(tmp_path, monkeypatch):
    files = broken_site_files()
    site = write_site(tmp_path / "output", files)
    cache = tmp_path / "cache"
    check_site(site, workers=1, cache_dir=cache)
    # The section the home page links to is renamed, and the missing page is written.
    files["guidance/a/index.html"] = page('<h2 id="renamed">Here</h2><a href="../../">home</a>')
    files["guidance/missing-page/index.html"] = page("Now here")
    write_site(site, files)
    parsed = count_html_parses(monkeypatch)
    rebuilt = check_site(site, workers=1, cache_dir=cache)
    assert len(parsed) == 2  # the changed page and the new one; the others come from the cache
    targets = {(f.page, f.target) for f in rebuilt.broken}
    assert ("index.html", "/guidance/missing-page/") not in targets
    assert ("index.html", "guidance/a/#present") in targets
    assert ("search/index.json", "/guidance/a/#present") in targets
    same(check_site(site, workers=1), rebuilt)


def test_a_damaged_cache_is_ignored(tmp_path):
    site = write_site(tmp_path / "output", broken_site_files())
    cache = tmp_path / "cache"
    check_site(site, workers=1, cache_dir=cache)
    (cache / "references.json").write_text("{not json", encoding="utf-8")
    (cache / "resolved.pickle").write_bytes(b"not a pickle")
    same(check_site(site, workers=1), check_site(site, workers=1, cache_dir=cache))


def test_pages_read_as_they_are_written_give_the_same_findings(tmp_path):
    files = broken_site_files()
    site = write_site(tmp_path / "output", files)
    early = EarlyReader(site, DEFAULT_JSON_KEYS, {}, tmp_path / "cache", workers=1)
    for name in files:
        early.written(str(site / name))  # what Pelican's content_written says
    early.written(str(tmp_path / "elsewhere.html"))  # not in the site: ignored
    early.flush()
    for future in early.futures:
        future.result()  # every page read; then one is written again (a plugin changing it)
    changed = site / "guidance/a/index.html"
    changed.write_text(page('<h2 id="renamed">Here</h2>'), encoding="utf-8")
    os.utime(changed, ns=(1, 1))  # surely unlike the time it was read at
    with_early = check_site(site, workers=1, early=early)
    assert ("index.html", "guidance/a/#present") in {(f.page, f.target) for f in with_early.broken}
    same(check_site(site, workers=1), with_early)


def test_a_rebuild_with_the_same_files_resolves_only_the_pages_that_changed(tmp_path, monkeypatch):
    files = broken_site_files()
    site = write_site(tmp_path / "output", files)
    cache = tmp_path / "cache"
    check_site(site, workers=1, cache_dir=cache)
    files["guidance/a/index.html"] = page('<h2 id="present">Here</h2><a href="/gone/">gone</a>')
    write_site(site, files)
    resolved = count_resolved(monkeypatch)
    rebuilt = check_site(site, workers=1, cache_dir=cache)
    assert resolved == ["guidance/a/index.html"]
    assert ("guidance/a/index.html", "/gone/") in {(f.page, f.target) for f in rebuilt.broken}
    same(check_site(site, workers=1), rebuilt)


def test_a_page_whose_link_target_is_deleted_is_resolved_again(tmp_path, monkeypatch):
    """Its bytes are the same, but a path it names finds no file now."""
    site = write_site(tmp_path / "output", broken_site_files())
    cache = tmp_path / "cache"
    before = check_site(site, workers=1, cache_dir=cache)
    assert ("index.html", "/guidance/a/") not in {(f.page, f.target) for f in before.broken}
    (site / "guidance/a/index.html").unlink()
    resolved = count_resolved(monkeypatch)
    after = check_site(site, workers=1, cache_dir=cache)
    assert "index.html" in resolved
    assert ("index.html", "/guidance/a/") in {(f.page, f.target) for f in after.broken}
    same(check_site(site, workers=1), after)


def test_files_added_and_removed_elsewhere_leave_the_other_pages_resolved(tmp_path, monkeypatch):
    """As a search index's files, named by their content, are with every edit."""
    files = broken_site_files()
    files["search/index/s/aaaa.json"] = '{"url": "/guidance/a/"}'
    site = write_site(tmp_path / "output", files)
    cache = tmp_path / "cache"
    check_site(site, workers=1, cache_dir=cache)
    (site / "search/index/s/aaaa.json").unlink()
    files = {"search/index/s/bbbb.json": '{"url": "/guidance/a/#present"}'}
    write_site(site, files)
    resolved = count_resolved(monkeypatch)
    rebuilt = check_site(site, workers=1, cache_dir=cache)
    assert resolved == ["search/index/s/bbbb.json"]
    same(check_site(site, workers=1), rebuilt)
