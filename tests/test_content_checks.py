"""Bad content fails the build with every problem listed: file, line and the fix."""

import subprocess
import textwrap

import pytest
from conftest import ROOT, build_site

pytestmark = pytest.mark.slow  # each test runs its own Pelican build

GOOD_GUIDANCE = """\
Title: A test page
Summary: A page written by the tests.
Topic: adjustments
Audience: employers
Reviewed: 2026-11-22
Review_due: 2027-11-22
Sources: 000 para 29

Some text.

## A heading

More text.
"""


def write(folder, name, text):
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def replace_line(text, field, new):
    lines = [new if line.startswith(field + ":") else line for line in text.splitlines()]
    return "\n".join(line for line in lines if line is not None) + "\n"


def assert_build_fails(content, tmp_path, *expected):
    result = build_site(content, tmp_path / "out")
    messages = result.stdout + result.stderr
    assert result.returncode == 1, messages
    for text in expected:
        assert text in messages, f"{text!r} not in:\n{messages[-3000:]}"
    return messages


def test_clean_content_builds(content_copy, tmp_path):
    write(content_copy / "guidance", "a-test-page.md", GOOD_GUIDANCE)
    result = build_site(content_copy, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "guidance" / "a-test-page" / "index.html").exists()


@pytest.mark.parametrize(
    "field, line, expected",
    [
        ("Topic", None, "content/guidance/bad.md:1: missing front matter 'Topic'"),
        (
            "Reviewed",
            "Reviewed: 22/11/2026",
            "content/guidance/bad.md:5: 'Reviewed: 22/11/2026' is not a date",
        ),
        ("Review_due", "Review_due: 2020-01-01", "'Review_due' is not after 'Reviewed'"),
        ("Topic", "Topic: holidays", "uses 'holidays', which is not a key in [topics]"),
        (
            "Audience",
            "Audience: employers, aliens",
            "uses 'aliens', which is not a key in [audiences]",
        ),
        (
            "Sources",
            "Sources: 009 para 1",
            "cites '009', which is not in content/data/sources.toml",
        ),
        ("Sources", "Sources: jan", "may cite only sources of kind document or official"),
        ("Sources", "Sources: 001 para 3", "uses locator 'para', which document 001 does not have"),
        ("Summary", "Summary:", "'Summary: ' is empty"),
    ],
)
def test_each_front_matter_error_is_named(content_copy, tmp_path, field, line, expected):
    write(content_copy / "guidance", "bad.md", replace_line(GOOD_GUIDANCE, field, line))
    assert_build_fails(content_copy, tmp_path, expected, "Fix:")


def test_unknown_field_and_bad_file_name(content_copy, tmp_path):
    write(
        content_copy / "guidance",
        "Bad Name.md",
        GOOD_GUIDANCE.replace("Topic:", "Colour: blue\nTopic:"),
    )
    assert_build_fails(
        content_copy,
        tmp_path,
        "unknown front matter 'Colour'",
        "file name 'Bad Name.md' is not a slug",
    )


def test_broken_filename_link_and_missing_image(content_copy, tmp_path):
    write(
        content_copy / "guidance",
        "links.md",
        GOOD_GUIDANCE
        + textwrap.dedent("""
        See [nothing]({filename}no-such-page.md).

        ![A chart]({static}/images/missing-chart.png)
        """),
    )
    assert_build_fails(
        content_copy,
        tmp_path,
        "content/guidance/links.md:15: links to '{filename}no-such-page.md'",
        "content/guidance/links.md:17: uses '{static}/images/missing-chart.png', "
        "but that file is not in content/",
    )


def test_duplicate_url(content_copy, tmp_path):
    write(
        content_copy / "guidance", "one.md", GOOD_GUIDANCE.replace("Title:", "Slug: same\nTitle:")
    )
    write(
        content_copy / "guidance", "two.md", GOOD_GUIDANCE.replace("Title:", "Slug: same\nTitle:")
    )
    assert_build_fails(content_copy, tmp_path, "has the same URL 'guidance/same/'")


def test_adjustment_errors(content_copy, tmp_path):
    write(
        content_copy / "adjustments",
        "bad-adjustment.md",
        """\
        Title: A bad adjustment
        Summary: Broken on purpose.
        Difficulties:
        Fit: office 3, remote 9
        Cost: expensive
        Cost_band: low
        Access_to_work: maybe
        When: always
        Reviewed: 2026-11-22
        Review_due: 2027-11-22
        Sources: jan

        Body.
        """,
    )
    assert_build_fails(
        content_copy,
        tmp_path,
        "content/adjustments/bad-adjustment.md:3: 'Difficulties: ' is empty",
        "has 'remote 9', which is not 'setting score'",
        "gives no score for setting 'shift'",
        "uses 'expensive', which is not a key in [costs]",
        "'Access_to_work: maybe' is not yes/no",
    )


def test_case_study_naming_a_missing_adjustment(content_copy, tmp_path):
    write(
        content_copy / "case-studies",
        "story.md",
        """\
        Title: A story
        Summary: A story.
        Sector: retail
        Employer_size: small
        Difficulties: anxiety
        Adjustments: no-such-adjustment
        Outcome: Kept the job.
        Year: 2009
        Reviewed: 2026-11-22
        Review_due: 2027-11-22
        Sources: 000 Box 10

        Text.
        """,
    )
    assert_build_fails(
        content_copy,
        tmp_path,
        "names 'no-such-adjustment', which is not a file in content/adjustments/",
    )


def test_every_problem_is_listed_at_once(content_copy, tmp_path):
    write(content_copy / "guidance", "first.md", replace_line(GOOD_GUIDANCE, "Topic", None))
    write(content_copy / "guidance", "second.md", replace_line(GOOD_GUIDANCE, "Audience", None))
    messages = assert_build_fails(
        content_copy, tmp_path, "content/guidance/first.md", "content/guidance/second.md"
    )
    assert "fix the 2 problem(s)" in messages


def test_failed_build_keeps_the_last_good_site(content_copy, tmp_path):
    output = tmp_path / "site"
    make = [
        "make",
        "--no-print-directory",
        "-C",
        str(ROOT),
        "html",
        f"CONTENT={content_copy}",
        f"OUTPUT={output}",
        f"BUILD_DIR={tmp_path / 'build'}",
    ]
    assert subprocess.run(make, capture_output=True, timeout=600).returncode == 0
    before = sorted(p.relative_to(output) for p in output.rglob("*"))
    write(content_copy / "guidance", "broken.md", replace_line(GOOD_GUIDANCE, "Topic", None))
    failed = subprocess.run(make, capture_output=True, text=True, timeout=600)
    assert failed.returncode != 0 and "missing front matter 'Topic'" in failed.stderr
    assert sorted(p.relative_to(output) for p in output.rglob("*")) == before


def test_preview_reports_problems_and_keeps_serving(content_copy, tmp_path):
    write(content_copy / "guidance", "bad.md", replace_line(GOOD_GUIDANCE, "Topic", None))
    result = build_site(content_copy, tmp_path / "out", "-e", "HUB_PREVIEW=true")
    assert result.returncode == 0
    assert "missing front matter 'Topic'" in result.stderr
    assert "The preview keeps running" in result.stderr
