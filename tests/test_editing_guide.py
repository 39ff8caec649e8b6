"""The editors' guide and the checks say the same thing.

Each message in docs/editing.md's table of front-matter errors is made here by a broken file,
and `make check` (or the build's source-register check) must print it; a row the code no longer
prints, or a new row with no broken file below, fails this test, so the guide cannot drift from
what editors see. The rows only a whole build can show (links, files, URLs and anchors) are
held by tests/test_content_checks.py.
"""

import datetime
import re
import tomllib

import pytest
from conftest import ROOT
from hub_checks.cli import main
from hub_checks.source_register import check_register

GUIDE = ROOT / "docs" / "editing.md"
FIRST_ROW = "| `file name 'Sick Pay.md' is not a slug`"

GOOD = {
    "guidance": """\
Title: A test page
Summary: A page written by the tests.
Topic: adjustments
Audience: employers
Reviewed: 2026-11-22
Review_due: 2027-11-22
Sources: 000 para 29
Related: fit-notes

Some text.
""",
    "adjustments": """\
Title: A test adjustment
Summary: An adjustment written by the tests.
Difficulties: change 3, anxiety 2
Situations: returning-after-absence 3
Fit: office 3, remote 2, customer-facing 3, shift 3, mobile 2
Cost: none
Cost_band: free
Access_to_work: no
When: when-unwell
Reviewed: 2026-11-22
Review_due: 2027-11-22
Sources: 000 Box 10
""",
    "case-studies": """\
Title: A test story
Summary: A story written by the tests.
Sector: retail
Employer_size: small
Difficulties: anxiety
Adjustments: flexible-hours
Outcome: Back at work.
Year: 2009
Reviewed: 2026-11-22
Review_due: 2027-11-22
Sources: 000 para 29

Some text.
""",
}

# The start of each row's message -> (content folder, file name, the line that breaks it).
BROKEN = {
    "file name 'Sick Pay.md' is not a slug": ("guidance", "Sick Pay.md", None),
    "missing front matter 'Topic'": ("guidance", "x.md", ("Topic", None)),
    "'Summary: ' is empty": ("guidance", "x.md", ("Summary", "Summary:")),
    "unknown front matter 'Colour'": ("guidance", "x.md", ("Title", "Title: A\nColour: red")),
    "is not a date (YYYY-MM-DD)": ("guidance", "x.md", ("Reviewed", "Reviewed: 22/11/2026")),
    "'Review_due' is not after 'Reviewed'": (
        "guidance",
        "x.md",
        ("Review_due", "Review_due: 2020-01-01"),
    ),
    "is not a year": ("case-studies", "x.md", ("Year", "Year: 09")),
    "is not a number": ("guidance", "x.md", ("Title", "Title: A\nSearch_boost: lots")),
    "is not yes/no or true/false": ("guidance", "x.md", ("Title", "Title: A\nHistoric: maybe")),
    "uses 'holidays', which is not a key": ("guidance", "x.md", ("Topic", "Topic: holidays")),
    "uses 'off sick', which is not a key": ("guidance", "x.md", ("Topic", "Topic: off sick")),
    "still has the text 'make new' wrote": (
        "guidance",
        "x.md",
        (
            "Related",
            "Related: fit-notes\n\n## A first heading\n\nWrite the page in short sections.",
        ),
    ),
    "names 'work-trials', which is not a file": (
        "case-studies",
        "x.md",
        ("Adjustments", "Adjustments: work-trials"),
    ),
    "has 'anxiety', which is not a key and a score": (
        "adjustments",
        "x.md",
        ("Difficulties", "Difficulties: change 3, anxiety"),
    ),
    "scores 'anxiety' more than once": (
        "adjustments",
        "x.md",
        ("Difficulties", "Difficulties: anxiety 3, change 2, anxiety 1"),
    ),
    "uses 'snoring', which is not a key in a [situations.<difficulty>] table": (
        "adjustments",
        "x.md",
        ("Situations", "Situations: snoring 2"),
    ),
    "has 'remote 9', which is not 'setting score'": (
        "adjustments",
        "x.md",
        ("Fit", "Fit: office 3, remote 9, customer-facing 3, shift 3, mobile 2"),
    ),
    "has unknown setting 'home'": (
        "adjustments",
        "x.md",
        ("Fit", "Fit: office 3, home 2, remote 2, customer-facing 3, shift 3, mobile 2"),
    ),
    "gives no score for setting 'shift'": (
        "adjustments",
        "x.md",
        ("Fit", "Fit: office 3, remote 2, customer-facing 3, mobile 2"),
    ),
    "has '000 para', which is not 'KEY locator number'": (
        "guidance",
        "x.md",
        ("Sources", "Sources: 000 para"),
    ),
    "cites '009', which is not in": ("guidance", "x.md", ("Sources", "Sources: 009 para 1")),
    "cites 'jan', a source of kind": ("guidance", "x.md", ("Sources", "Sources: jan")),
    "uses locator 'para', which document 001": (
        "guidance",
        "x.md",
        ("Sources", "Sources: 001 para 3"),
    ),
}


def guide_rows() -> list[str]:
    """The messages in the first column of the guide's table of front-matter errors."""
    text = GUIDE.read_text(encoding="utf-8")
    table = text[text.index(FIRST_ROW) :].split("\n\n", 1)[0]
    return [re.match(r"\| `(.*?)` \|", row)[1] for row in table.splitlines()]


def as_pattern(message: str) -> str:
    """A row as a pattern: its example names are literal, '...' stands for any text."""
    return ".*?".join(re.escape(part) for part in message.split("..."))


def broken_file(content, folder: str, name: str, edit) -> str:
    text = GOOD[folder]
    if edit:
        field, line = edit
        lines = [line if row.startswith(f"{field}:") else row for row in text.splitlines()]
        text = "\n".join(row for row in lines if row is not None) + "\n"
    path = content / folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


ROWS = guide_rows()
CHECKED_BY_A_BUILD = ("links to ", "uses '{static}", "has the same URL", "that page has no")


def front_matter_rows():
    return [r for r in ROWS if not r.startswith((*CHECKED_BY_A_BUILD, "content/data/"))]


# Rows about the data files: the source register, and TOML syntax.
SOURCE_ENTRIES = {
    "says neither where it is on the web": '[documents.x]\nkind = "official"\ntitle = "X"\nchecked = "2026-11-22"\n',
    "has no 'checked' date": '[documents.x]\nkind = "official"\ntitle = "X"\nurl = "https://www.gov.uk/"\n',
}


@pytest.mark.parametrize("row", [r for r in ROWS if r.startswith("content/data/sources.toml:")])
def test_each_source_register_message_in_the_guide_is_what_the_build_prints(row):
    entry = next(v for k, v in SOURCE_ENTRIES.items() if k in row)
    text = "\n" * 579 + entry  # the guide's example puts the entry at line 580
    problems = check_register(
        tomllib.loads(text)["documents"],
        text,
        "content/data/sources.toml",
        datetime.date(2026, 12, 1),
    )
    printed = "\n".join(map(str, problems))
    assert re.search(as_pattern(row), printed), f"{row!r} is not what the build prints:\n{printed}"


@pytest.mark.parametrize("row", [r for r in ROWS if r.startswith("content/data/taxonomy.toml:")])
def test_the_toml_message_in_the_guide_is_what_make_check_prints(content_copy, capsys, row):
    taxonomy = content_copy / "data" / "taxonomy.toml"
    lines = taxonomy.read_text(encoding="utf-8").splitlines()
    lines[3] = 'told = "unclosed'  # line 4, as in the guide's example
    taxonomy.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["--content", str(content_copy), "check", str(taxonomy)]) == 1
    printed = capsys.readouterr().err
    assert re.search(as_pattern(row), printed), f"{row!r} is not what make check prints:\n{printed}"


@pytest.mark.parametrize("row", front_matter_rows())
def test_each_message_in_the_guide_is_what_make_check_prints(content_copy, capsys, row):
    case = next((v for k, v in BROKEN.items() if row.startswith(k) or k in row), None)
    assert case, f"docs/editing.md has a row with no broken file in this test: {row!r}"
    path = broken_file(content_copy, *case)
    assert main(["--content", str(content_copy), "check", path]) == 1
    printed = capsys.readouterr().err
    assert re.search(as_pattern(row), printed), f"{row!r} is not what make check prints:\n{printed}"


def test_every_broken_file_here_has_its_row_in_the_guide():
    orphans = [k for k in BROKEN if not any(row.startswith(k) or k in row for row in ROWS)]
    assert not orphans, f"messages no longer in docs/editing.md: {orphans}"
