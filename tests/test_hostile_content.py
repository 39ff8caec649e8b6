"""Every hostile content file (hostile_cases.py) is refused by name with its fix, or handled.

The checks are called in process, as the build calls them first: the gate and the source
checks on a copy of content/ with the case's files added, then the HTML policy on each added
page as Pelican's Markdown reader renders it. tests/test_safety_build.py runs real builds.
"""

import os
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from hostile_cases import CASES, HANDLED, Link, checked_content, place
from hub_checks.page_checks import check_page_html, source_sites
from hub_kernel.pelican_items import shown_as
from pelican.readers import MarkdownReader
from pelican.settings import read_settings


@pytest.fixture(scope="module")
def reader():
    return MarkdownReader(read_settings(str(ROOT / "pelicanconf.py")))


def problems_for(root: Path, pages: list[Path], reader) -> list[str]:
    """Every problem the checks report for the content in root/content, as printed."""
    content = root / "content"
    checked = checked_content(content)
    problems = list(checked.problems)
    for path in pages:
        if path.suffix != ".md" or Path(os.path.abspath(path)) in checked.refused:
            continue
        html, metadata = reader.read(str(path))
        source = path.read_text(encoding="utf-8-sig")
        for part in (html, str(metadata.get("summary", ""))):
            problems += check_page_html(part, source, shown_as(path, root), source_sites(content))[
                1
            ]
    return [str(p) for p in problems]


@pytest.fixture
def hub(tmp_path):
    root = tmp_path / "root"
    shutil.copytree(ROOT / "content", root / "content")
    return root


REFUSED = [case for case in CASES if case[2] is not HANDLED]


@pytest.mark.parametrize("name, files, expected", REFUSED, ids=[c[0] for c in REFUSED])
def test_hostile_file_is_refused_by_name(hub, reader, name, files, expected):
    pages = place(hub, files)
    problems = problems_for(hub, pages, reader)
    named = [str(p.relative_to(hub)) for p in pages]

    def names_a_case_file(problem):  # the file, or the folder that holds it
        where = problem.split(":", 1)[0]
        return any(n == where or n.startswith(where + "/") for n in named)

    matching = [p for p in problems if expected in p and names_a_case_file(p)]
    assert matching, f"{expected!r} for {named} not in:\n" + "\n".join(problems)
    assert all(". Fix: " in p for p in matching)


HANDLED_CASES = [case for case in CASES if case[2] is HANDLED]


@pytest.mark.parametrize("name, files, expected", HANDLED_CASES, ids=[c[0] for c in HANDLED_CASES])
def test_handled_file_passes(hub, reader, name, files, expected):
    pages = place(hub, files)
    assert problems_for(hub, pages, reader) == []


def test_every_problem_of_several_files_is_listed(hub, reader):
    files = {
        name: data
        for name, data, _ in [
            ("pages/x.html", "<p>x</p>", 0),
            ("images/passwd.png", Link("/etc/passwd"), 0),
            ("guidance/sub/x.md", "Title: x\n\ny\n", 0),
        ]
    }
    problems = problems_for(hub, place(hub, files), reader)
    for name in ("content/pages/x.html", "content/images/passwd.png", "content/guidance/sub/x.md"):
        assert any(p.startswith(name) for p in problems), problems


def test_the_hubs_own_content_passes_and_is_not_changed_by_the_policy(reader):
    """The real content: no problem, and cleaning leaves every page's HTML as it was."""
    checked = checked_content(ROOT / "content")
    assert [str(p) for p in checked.problems] == []
    sites = source_sites(ROOT / "content")
    for paths in checked.pages.values():
        for path in paths:
            html, metadata = reader.read(str(path))
            for part in (html, str(metadata.get("summary", ""))):
                cleaned, problems = check_page_html(part, path.read_text(), str(path), sites)
                assert problems == [] and cleaned == part, path


def test_overdue_review_is_a_warning_not_a_problem(hub):
    page = hub / "content" / "guidance" / "access-to-work.md"
    lines = [
        (
            "Reviewed: 2025-11-30"
            if line.startswith("Reviewed:")
            else "Review_due: 2026-11-30"
            if line.startswith("Review_due:")
            else line
        )
        for line in page.read_text().splitlines()
    ]
    page.write_text("\n".join(lines) + "\n")
    checked = checked_content(hub / "content")
    assert checked.problems == []
    line = lines.index("Review_due: 2026-11-30") + 1
    expected = (
        f"content/guidance/access-to-work.md:{line}: review overdue since 2026-11-30. Fix: check "
        "the page against its sources, then set 'Reviewed' to that day and 'Review_due' a year "
        "later."
    )
    assert [str(w) for w in checked.warnings] == [expected]
