"""The editors' command line (plugins/hub_checks/cli.py): new, check and review-report."""

import re
import subprocess
import sys

import pytest
from conftest import ROOT, build_site, place_in_topic_order
from hub_checks.cli import main
from hub_checks.new_page_text import PLACEHOLDER_LINES

TODAY = "2026-11-22"

# What an editor fills in where `new` leaves a field empty (the facts only they know).
FILLED_IN = {
    "Summary": "A page started by the tests.",
    "Sources": "000 para 29",
    "Outcome": "Back at work within three months.",
    "Year": "2009",
    "Fit": "office 3, remote 2, customer-facing 1, shift 1, mobile 0",
}
NEW_FILES = {
    "guidance": "guidance",
    "case-study": "case-studies",
    "adjustment": "adjustments",
    "page": "pages",
}


def run(content, command, *args, today=TODAY):
    """The command as `make` runs it (`--` so a slug may start with '-'); returns the exit code."""
    positional = ["--", *args] if args else []
    return main(["--content", str(content), command, "--today", today, *positional])


def fill_in_fields(path, adjustment_slug):
    """Do the first thing the editor is told: give every empty field a real value."""
    values = dict(FILLED_IN, Adjustments=adjustment_slug)
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        key = line.rstrip(":")
        lines.append(f"{key}: {values[key]}" if line.endswith(":") and key in values else line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_the_page(path):
    """Then the rest: replace the placeholder text with real words and delete the notes."""
    text = re.sub(
        r"<!-- Notes for the editor:.*?-->\n*", "", path.read_text("utf-8"), flags=re.DOTALL
    )
    text = "\n".join(
        "The editor's own words." if line.strip() in PLACEHOLDER_LINES else line
        for line in text.splitlines()
    )
    path.write_text(text + "\n", encoding="utf-8")


def fill_in(path, adjustment_slug):
    fill_in_fields(path, adjustment_slug)
    write_the_page(path)


def check_cli(*files):
    """`check` exactly as the pre-commit hook runs it, in its own process."""
    return subprocess.run(
        [sys.executable, "-m", "hub_checks.cli", "check", *map(str, files)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.slow  # runs the command in its own process
@pytest.mark.parametrize("type_name", NEW_FILES)
def test_new_file_passes_check_once_its_placeholders_are_filled_in(content_copy, capsys, type_name):
    assert run(content_copy, "new", type_name, "holiday-cover") == 0
    path = content_copy / NEW_FILES[type_name] / "holiday-cover.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("Title: Holiday cover\n")
    assert "Reviewed: 2026-11-22" in text and "Review_due: 2027-11-22" in text
    # The fields left for the editor are named with their line, so they cannot be missed.
    created = capsys.readouterr().out
    assert "holiday-cover.md:2: 'Summary: ' is empty" in created

    assert check_cli(path).returncode == 1
    fill_in_fields(path, min((content_copy / "adjustments").glob("*.md")).stem)
    # The fields are done, but the page still holds the text `new` wrote: not ready yet.
    unfinished = check_cli(path)
    assert unfinished.returncode == 1
    assert "still has the text 'make new' wrote for you" in unfinished.stderr
    assert re.search(
        r"holiday-cover\.md:\d+: still has the text 'make new' wrote", unfinished.stderr
    )
    write_the_page(path)
    result = check_cli(path)
    assert result.returncode == 0, result.stderr


@pytest.mark.slow  # its own Pelican build
def test_new_pages_build_and_the_editor_notes_stay_out_of_sight(content_copy, tmp_path):
    adjustment = min((content_copy / "adjustments").glob("*.md")).stem
    for type_name, folder in NEW_FILES.items():
        assert run(content_copy, "new", type_name, f"new-{type_name}") == 0
        fill_in(content_copy / folder / f"new-{type_name}.md", adjustment)
    topic = re.search(
        r"^Topic: (\S+)", (content_copy / "guidance" / "new-guidance.md").read_text(), re.MULTILINE
    )[1]
    place_in_topic_order(content_copy, "new-guidance", topic=topic)
    result = build_site(content_copy, tmp_path / "out")
    assert result.returncode == 0, result.stderr[-3000:]
    guidance = (tmp_path / "out" / "guidance" / "new-guidance" / "index.html").read_text()
    assert "<h1>New guidance</h1>" in guidance
    assert "What to do next" in guidance
    page = (tmp_path / "out" / "new-page" / "index.html").read_text()
    assert "New page" in page
    for html in (guidance, page):
        # The notes are an HTML comment: in the source, never on screen.
        visible = re.sub(r"<!--.*?-->", "", html, flags=re.DOTALL)
        assert "Notes for the editor" not in visible


def test_new_refuses_to_overwrite(content_copy, capsys):
    existing = min((content_copy / "guidance").glob("*.md"))
    before = existing.read_text(encoding="utf-8")
    assert run(content_copy, "new", "guidance", existing.stem) == 1
    assert existing.read_text(encoding="utf-8") == before
    assert f"{existing.name} already exists" in capsys.readouterr().err


def test_new_refuses_a_slug_another_article_uses(content_copy, capsys):
    adjustment = min((content_copy / "adjustments").glob("*.md"))
    assert run(content_copy, "new", "guidance", adjustment.stem) == 1
    assert not (content_copy / "guidance" / adjustment.name).exists()
    assert f"already used by {adjustment}" in capsys.readouterr().err


@pytest.mark.parametrize(
    "slug, hint",
    [
        ("Holiday Cover", "Did you mean 'holiday-cover'?"),
        ("holiday_cover", "Did you mean 'holiday-cover'?"),
        ("holiday-cover.md", "Did you mean 'holiday-cover'?"),
        ("-holiday-cover", "Did you mean 'holiday-cover'?"),
        ("../holiday-cover", "Did you mean 'holiday-cover'?"),
    ],
)
def test_new_rejects_a_bad_slug(content_copy, capsys, slug, hint):
    before = sorted(content_copy.rglob("*"))
    assert run(content_copy, "new", "guidance", slug) == 2
    err = capsys.readouterr().err
    assert f"'{slug}' is not a valid slug" in err and hint in err
    assert sorted(content_copy.rglob("*")) == before


def test_new_rejects_an_unknown_type(content_copy, capsys):
    assert run(content_copy, "new", "blog-post", "holiday-cover") == 2
    assert "use one of guidance, case-study, adjustment, page" in capsys.readouterr().err


def set_review_due(path, due):
    text = re.sub(r"(?m)^Review_due: .*$", f"Review_due: {due}", path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")


def title_of(path):
    return re.search(r"(?m)^Title: (.*)$", path.read_text(encoding="utf-8"))[1]


def test_review_report_lists_overdue_and_soon_due_pages_by_date(content_copy, capsys):
    guidance = sorted((content_copy / "guidance").glob("*.md"))
    overdue, soon, later = guidance[0], guidance[1], guidance[2]
    for path in (
        guidance
        + sorted((content_copy / "adjustments").glob("*.md"))
        + sorted((content_copy / "case-studies").glob("*.md"))
    ):
        set_review_due(path, "2030-01-01")
    set_review_due(soon, "2026-12-10")
    set_review_due(overdue, "2026-10-01")
    set_review_due(later, "2027-01-15")

    assert run(content_copy, "review-report") == 0
    out = capsys.readouterr().out
    rows = [line for line in out.splitlines() if re.match(r"\d{4}-\d\d-\d\d ", line)]
    assert len(rows) == 2, out
    assert rows[0].startswith("2026-10-01  overdue by 52 days")
    assert str(overdue) in rows[0] and title_of(overdue) in rows[0]
    assert rows[1].startswith("2026-12-10  due in 18 days")
    assert str(soon) in rows[1] and title_of(soon) in rows[1]
    assert str(later) not in out


def test_review_report_names_a_file_without_a_valid_review_date(content_copy, capsys):
    broken = min((content_copy / "guidance").glob("*.md"))
    set_review_due(broken, "next spring")
    assert run(content_copy, "review-report") == 0
    assert "no valid 'Review_due'" in capsys.readouterr().out


@pytest.mark.slow  # runs the command in its own process
def test_check_reports_file_line_and_fix(content_copy):
    broken = min((content_copy / "guidance").glob("*.md"))
    text = broken.read_text(encoding="utf-8")
    line = text.splitlines().index(next(l for l in text.splitlines() if l.startswith("Reviewed:")))
    broken.write_text(re.sub(r"(?m)^Reviewed: .*$", "Reviewed: 22/11/2026", text), encoding="utf-8")
    result = check_cli(broken)
    assert result.returncode == 1
    assert (
        f"{broken}:{line + 1}: 'Reviewed: 22/11/2026' is not a date (YYYY-MM-DD). "
        "Fix: write it like 'Reviewed: 2026-11-22'"
    ) in result.stderr


@pytest.mark.slow  # runs the command in its own process
def test_check_looks_only_at_the_named_files(content_copy):
    first, second = sorted((content_copy / "guidance").glob("*.md"))[:2]
    second.write_text("Colour: blue\n" + second.read_text(encoding="utf-8"), encoding="utf-8")
    assert check_cli(first).returncode == 0
    result = check_cli(first, second)
    assert result.returncode == 1
    assert f"{second}:1: unknown front matter 'Colour'" in result.stderr
    assert str(first) not in result.stderr


@pytest.mark.slow  # runs the command in its own process
def test_check_reports_toml_syntax_with_its_line(content_copy):
    taxonomy = content_copy / "data" / "taxonomy.toml"
    lines = taxonomy.read_text(encoding="utf-8").splitlines()
    lines.insert(3, 'broken = "no closing quote')
    taxonomy.write_text("\n".join(lines) + "\n", encoding="utf-8")
    guidance = min((content_copy / "guidance").glob("*.md"))
    result = check_cli(taxonomy, guidance)
    assert result.returncode == 1
    # Reported once, with its line, instead of a traceback from the front-matter check.
    assert result.stderr.count(f"{taxonomy}:4: is not valid TOML") == 1, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow  # runs the command in its own process
def test_check_refuses_files_outside_the_content_folders(tmp_path):
    stray = tmp_path / "notes.md"
    stray.write_text("Title: x\n", encoding="utf-8")
    result = check_cli(stray, tmp_path / "missing.md")
    assert result.returncode == 1
    assert f"{stray}: is not a content file" in result.stderr
    assert "missing.md: does not exist" in result.stderr


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("Topic: off sick", "Topic: off-sick"),
        ("Audience: employer, managers", "Audience: employers, managers"),
    ],
)
def test_an_unknown_key_suggests_the_nearest_one(content_copy, typed, meant):
    page = content_copy / "guidance" / "fit-notes.md"
    field = typed.split(":")[0]
    text = re.sub(rf"(?m)^{field}: .*$", typed, page.read_text(encoding="utf-8"), count=1)
    page.write_text(text, encoding="utf-8")
    result = check_cli(page)
    assert result.returncode == 1
    nearest = meant.split(": ")[1].split(", ")[0]
    assert f"did you mean '{nearest}'?" in result.stderr
    assert f"Fix: write '{meant}'." in result.stderr
