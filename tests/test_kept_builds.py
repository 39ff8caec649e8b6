"""What a build keeps in .build/ for the next (the finder's pages, the search index) is used
only while everything it was made from is unchanged: a rebuild of the same content gives the
same site, and an editor's change to a page, the catalogue or a template always shows."""

import filecmp
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, build_site

pytestmark = pytest.mark.slow

FINDER_KEPT = "pages unchanged since a recent build, copied"
RESULTS_PAGE = "finder/anxiety/office/index.html"  # difficulty anxiety, setting office
SEARCH_KEPT = "(unchanged since a recent build: kept)"


def build(content: Path, output: Path, *extra: str) -> str:
    # Pelican's log says what was kept (one line each, so wide enough not to wrap).
    result = build_site(content, output, "--verbose", *extra, env={"COLUMNS": "400"})
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def files_under(folder: Path) -> dict[str, Path]:
    return {p.relative_to(folder).as_posix(): p for p in folder.rglob("*") if p.is_file()}


def assert_same_files(one: Path, two: Path) -> None:
    first, second = files_under(one), files_under(two)
    assert first.keys() == second.keys()
    different = [n for n in first if not filecmp.cmp(first[n], second[n], shallow=False)]
    assert not different, different[:5]


def vocabulary(site: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in (site / "search/index/v").glob("*.json"))


def test_a_rebuild_of_the_same_content_reuses_what_was_kept_and_gives_the_same_site(
    content_copy, tmp_path
):
    first_log = build(content_copy, tmp_path / "first")
    assert FINDER_KEPT not in first_log and SEARCH_KEPT not in first_log
    second_log = build(content_copy, tmp_path / "second")
    assert FINDER_KEPT in second_log and SEARCH_KEPT in second_log
    for folder in ("finder", "search"):
        assert_same_files(tmp_path / "first" / folder, tmp_path / "second" / folder)


def test_an_edited_adjustment_shows_in_the_finder_after_a_rebuild(content_copy, tmp_path):
    build(content_copy, tmp_path / "first")
    page = content_copy / "adjustments" / "quiet-workspace.md"
    text = page.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("Title: "))
    page.write_text(text.replace(title, "Title: A quieter place to work"), encoding="utf-8")
    log = build(content_copy, tmp_path / "second")
    assert FINDER_KEPT not in log
    results = tmp_path / "second" / RESULTS_PAGE
    assert "A quieter place to work" in results.read_text(encoding="utf-8")


def test_an_edited_guidance_page_is_indexed_again(content_copy, tmp_path):
    build(content_copy, tmp_path / "first")
    assert "zebrafinch" not in vocabulary(tmp_path / "first")
    page = content_copy / "guidance" / "fit-notes.md"
    front_matter, body = page.read_text(encoding="utf-8").split("\n\n", 1)
    page.write_text(f"{front_matter}\n\nA zebrafinch word.\n\n{body}", encoding="utf-8")
    log = build(content_copy, tmp_path / "second")
    assert SEARCH_KEPT not in log
    assert "zebrafinch" in vocabulary(tmp_path / "second")


def test_an_edited_template_shows_on_the_finder_pages(content_copy, tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme, ignore=shutil.ignore_patterns("node_modules"))
    build(content_copy, tmp_path / "first", "-t", str(theme))
    template = theme / "templates" / "finder-results.html"
    marker = "<!-- an editor's change to the results template -->"
    text = template.read_text(encoding="utf-8").replace(
        "{% block content %}", "{% block content %}" + marker, 1
    )
    template.write_text(text, encoding="utf-8")
    build(content_copy, tmp_path / "second", "-t", str(theme))
    assert marker in (tmp_path / "second" / RESULTS_PAGE).read_text(encoding="utf-8")


def test_a_damaged_kept_index_is_built_again_in_full(content_copy, tmp_path):
    build(content_copy, tmp_path / "first")
    kept = content_copy.parent / ".build" / "search"
    shard = next(kept.glob("*/files/s/*.json"))
    shard.unlink()
    log = build(content_copy, tmp_path / "second")
    assert SEARCH_KEPT not in log
    assert_same_files(tmp_path / "first" / "search", tmp_path / "second" / "search")
