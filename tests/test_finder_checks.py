"""Bad finder data fails the build, naming the file (and line) and saying how to fix it."""

import re

import pytest
from conftest import build_site

pytestmark = pytest.mark.slow  # each test runs its own Pelican build

TEMPLATE = "quiet-workspace.md"


def adjustment_like(content, name, **fields):
    """A copy of a real adjustment with some front-matter lines replaced (None removes one)."""
    text = (content / "adjustments" / TEMPLATE).read_text(encoding="utf-8")
    head, body = text.split("\n\n", 1)
    lines = head.splitlines()
    for field, value in fields.items():
        key = field.capitalize()
        lines = [line for line in lines if not line.startswith(key + ":")]
        if value is not None:
            lines.insert(2, f"{key}: {value}")
    (content / "adjustments" / name).write_text("\n".join(lines) + "\n\n" + body, encoding="utf-8")
    return lines


def line_number(lines, field):
    return next(n for n, line in enumerate(lines, start=1) if line.startswith(field + ":"))


def failed_build(content, tmp_path):
    result = build_site(content, tmp_path / "out")
    messages = result.stdout + result.stderr
    assert result.returncode == 1, messages[-3000:]
    return messages


def test_front_matter_errors_in_an_adjustment_name_the_file(content_copy, tmp_path):
    lines = adjustment_like(
        content_copy,
        "bad-keys.md",
        difficulties="concentration 3, sleepiness 2, anxiety, stress 5",
        situations="noise-and-interruptions 3, snoring 2",
        colour="blue",
        when=None,
    )
    messages = failed_build(content_copy, tmp_path)
    at = f"content/adjustments/bad-keys.md:{line_number(lines, 'Difficulties')}: "
    start = "'Difficulties: concentration 3, sleepiness 2, anxiety, stress 5'"
    assert f"{at}{start} uses 'sleepiness', which is not a key in [difficulties]" in messages
    assert (
        f"{at}{start} has 'anxiety', which is not a key and a score: 3 helps head-on, "
        "2 helps, 1 can help. Fix: write it like 'Difficulties: concentration 3, anxiety 2, "
        "stress 1'." in messages
    )
    assert f"{at}{start} has 'stress 5', which is not a key and a score" in messages
    assert (
        f"content/adjustments/bad-keys.md:{line_number(lines, 'Situations')}: 'Situations: "
        "noise-and-interruptions 3, snoring 2' uses 'snoring', which is not a key in a "
        "[situations.<difficulty>] table of content/data/taxonomy.toml" in messages
    )
    assert re.search(
        r"content/adjustments/bad-keys\.md:\d+: unknown front matter 'Colour'", messages
    )
    assert "content/adjustments/bad-keys.md:1: missing front matter 'When'" in messages
    assert not (tmp_path / "out" / "finder" / "index.html").exists()


def test_finder_checks_catch_what_valid_front_matter_gets_wrong(content_copy, tmp_path):
    no_difficulty = adjustment_like(
        content_copy, "no-difficulty.md", difficulties=",", situations=None
    )
    nowhere = adjustment_like(
        content_copy,
        "fits-nowhere.md",
        fit="office 0, remote 0, customer-facing 0, shift 0, mobile 0",
    )
    twice = adjustment_like(
        content_copy,
        "scored-twice.md",
        fit="office 3, remote 2, customer-facing 1, shift 1, mobile 0, office 1",
    )
    taxonomy = content_copy / "data" / "taxonomy.toml"
    text = taxonomy.read_text(encoding="utf-8")
    taxonomy.write_text(
        text.replace("[settings]\n", 'plan = "Planning ahead"\n\n[settings]\n', 1), encoding="utf-8"
    )

    messages = failed_build(content_copy, tmp_path)

    assert "The adjustment finder has 9 problem(s):" in messages
    assert (
        f"content/adjustments/no-difficulty.md:{line_number(no_difficulty, 'Difficulties')}: "
        "has no difficulty, so the finder would never list it. Fix: name at least one key"
        in messages
    )
    assert (
        f"content/adjustments/fits-nowhere.md:{line_number(nowhere, 'Fit')}: fits no "
        "setting (every Fit score is 0)" in messages
    )
    assert (
        f"content/adjustments/scored-twice.md:{line_number(twice, 'Fit')}: gives setting "
        "'office' more than one Fit score" in messages
    )
    assert (
        "content/data/taxonomy.toml: [difficulties] key 'plan' clashes with the finder's "
        "own page /finder/plan/" in messages
    )
    # The new difficulty has no adjustments yet: each of the five settings is named.
    thin = re.findall(
        r"content/adjustments/: the finder offers 0 adjustment\(s\) for 'Planning "
        r"ahead' in '([^']+)' \(none\); it needs at least 3\. Fix: give another "
        r"adjustment with 'plan' in its Difficulties",
        messages,
    )
    assert thin == [
        "Customer-facing work",
        "Mobile or lone working",
        "Office or desk work",
        "Remote or hybrid work",
        "Shift or operational work",
    ]
