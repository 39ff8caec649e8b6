"""Checks only the hub_pages stage can make, in a real build: [topic_order] against the guidance
pages, and `{urgent:KEY}` placeholders whose key is not in URGENT_HELP."""

from conftest import build_site

PAGE = """\
Title: A page that uses urgent help
Summary: A page written by the tests.
Topic: adjustments
Audience: employers
Reviewed: 2026-11-22
Review_due: 2027-11-22
Sources: 000 para 29

Some text.

- {urgent:samaritans}
- {urgent:the-police}
"""


def test_topic_order_and_urgent_placeholders_are_checked(content_copy, tmp_path):
    taxonomy = content_copy / "data" / "taxonomy.toml"
    text = taxonomy.read_text(encoding="utf-8").replace(
        'recruiting = ["inclusive-recruitment", "supported-employment"]',
        'recruiting = ["inclusive-recruitment", "no-such-page"]',
    )
    taxonomy.write_text(text, encoding="utf-8")
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.startswith("recruiting = ["))
    (content_copy / "guidance" / "uses-urgent.md").write_text(PAGE, encoding="utf-8")
    result = build_site(content_copy, tmp_path / "out")
    messages = result.stdout + result.stderr
    assert result.returncode == 1, messages
    for expected in (
        (
            f"content/data/taxonomy.toml:{line}: [topic_order] recruiting lists 'no-such-page', "
            "which is not a file in content/guidance/"
        ),
        (
            "content/guidance/supported-employment.md:3: this page (topic 'recruiting') is not "
            "in [topic_order]"
        ),
        (
            "content/guidance/uses-urgent.md:3: this page (topic 'adjustments') is not in "
            "[topic_order]"
        ),
        (
            "content/guidance/uses-urgent.md:12: uses '{urgent:the-police}', but 'the-police' "
            "is not in URGENT_HELP"
        ),
        "add the service to URGENT_HELP in pelicanconf.py",
    ):
        assert expected in messages, f"{expected!r} not in:\n{messages[-3000:]}"
    assert "{urgent:samaritans}" not in messages
    assert not (tmp_path / "out" / "index.html").exists()
