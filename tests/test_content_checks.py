"""Bad content fails the build with every problem listed: file, line and the fix."""

import textwrap
from types import SimpleNamespace

import pytest
from conftest import build_site
from hostile_cases import checked_content, page
from hub_checks.plugin import check_rendered

GOOD_GUIDANCE = page()


def write(folder, name, text):
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def replace_line(text, field, new):
    lines = [new if line.startswith(field + ":") else line for line in text.splitlines()]
    return "\n".join(line for line in lines if line is not None) + "\n"


def assert_build_fails(content, *expected):
    """The checks the build runs first, called in process (test_safety_build.py runs real
    failing builds): every expected text is in the problems, each with its fix."""
    problems = [str(p) for p in checked_content(content).problems]
    messages = "\n".join(problems)
    assert problems and all(". Fix: " in p for p in problems), messages
    for text in expected:
        assert text in messages, f"{text!r} not in:\n{messages[-3000:]}"
    return problems


def test_clean_content_passes(content_copy):
    write(content_copy / "guidance", "a-test-page.md", GOOD_GUIDANCE)
    assert checked_content(content_copy).problems == []


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
def test_each_front_matter_error_is_named(content_copy, field, line, expected):
    write(content_copy / "guidance", "bad.md", replace_line(GOOD_GUIDANCE, field, line))
    assert_build_fails(content_copy, expected, "Fix:")


def test_unknown_field_and_bad_file_name(content_copy):
    write(
        content_copy / "guidance",
        "Bad Name.md",
        GOOD_GUIDANCE.replace("Topic:", "Colour: blue\nTopic:"),
    )
    assert_build_fails(
        content_copy,
        "unknown front matter 'Colour'",
        "file name 'Bad Name.md' is not a slug",
    )


def test_broken_filename_link_and_missing_image(content_copy):
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
        "content/guidance/links.md:15: links to '{filename}no-such-page.md'",
        "content/guidance/links.md:17: uses '{static}/images/missing-chart.png', "
        "but that file is not in content/",
    )


def test_duplicate_url(content_copy):
    """Pelican gives both pages one address; the check after reading names the second."""
    write(
        content_copy / "guidance", "one.md", GOOD_GUIDANCE.replace("Title:", "Slug: same\nTitle:")
    )
    write(
        content_copy / "guidance", "two.md", GOOD_GUIDANCE.replace("Title:", "Slug: same\nTitle:")
    )
    items = [
        SimpleNamespace(
            source_path=str(content_copy / "guidance" / name),
            content="",
            save_as="guidance/same/index.html",
            url="guidance/same/",
        )
        for name in ("one.md", "two.md")
    ]
    generator = SimpleNamespace(articles=items)
    problems = check_rendered([generator], content_copy.parent, content_copy)
    assert [str(p) for p in problems] == [
        (
            "content/guidance/two.md: has the same URL 'guidance/same/' as "
            "content/guidance/one.md. Fix: give one of them another file name or 'Slug'."
        )
    ]


def test_adjustment_errors(content_copy):
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
        "content/adjustments/bad-adjustment.md:3: 'Difficulties: ' is empty",
        "has 'remote 9', which is not 'setting score'",
        "gives no score for setting 'shift'",
        "uses 'expensive', which is not a key in [costs]",
        "'Access_to_work: maybe' is not yes/no",
    )


def test_case_study_naming_a_missing_adjustment(content_copy):
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
        "names 'no-such-adjustment', which is not a file in content/adjustments/",
    )


def test_every_problem_is_listed_at_once(content_copy):
    write(content_copy / "guidance", "first.md", replace_line(GOOD_GUIDANCE, "Topic", None))
    write(content_copy / "guidance", "second.md", replace_line(GOOD_GUIDANCE, "Audience", None))
    problems = assert_build_fails(
        content_copy, "content/guidance/first.md", "content/guidance/second.md"
    )
    assert len(problems) == 2


@pytest.mark.slow  # a build of its own
def test_topic_order_and_urgent_placeholders_are_checked(content_copy, tmp_path):
    taxonomy = content_copy / "data" / "taxonomy.toml"
    text = taxonomy.read_text(encoding="utf-8")
    taxonomy.write_text(
        text.replace(
            'recruiting = ["inclusive-recruitment", "supported-employment"]',
            'recruiting = ["inclusive-recruitment", "no-such-page"]',
        ),
        encoding="utf-8",
    )
    line = next(
        n
        for n, t in enumerate(taxonomy.read_text().splitlines(), 1)
        if t.startswith("recruiting = [")
    )
    write(
        content_copy / "guidance",
        "uses-urgent.md",
        GOOD_GUIDANCE + "\n- {urgent:samaritans}\n- {urgent:the-police}\n",
    )
    # These are the hub_pages stage's checks, so a real (failing) build finds them.
    result = build_site(content_copy, tmp_path / "out")
    assert result.returncode == 1
    for expected in (
        (
            f"content/data/taxonomy.toml:{line}: [topic_order] recruiting lists 'no-such-page', "
            "which is not a file in content/guidance/"
        ),
        "content/guidance/supported-employment.md:",
        "this page (topic 'recruiting') is not in [topic_order]",
        "content/guidance/uses-urgent.md:",  # not in [topic_order] either
        (
            "content/guidance/uses-urgent.md:16: uses '{urgent:the-police}', but 'the-police' "
            "is not in URGENT_HELP"
        ),
        "add the service to URGENT_HELP in pelicanconf.py",
    ):
        assert expected in result.stderr, f"{expected!r} not in:\n{result.stderr[-3000:]}"
