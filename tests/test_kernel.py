"""The shared kernel (plugins/hub_kernel/) behaves the same for every stage that uses it."""

import os
import shutil

import pytest
from conftest import ROOT
from hub_kernel.kept import keep_entry, plain_relative
from hub_kernel.problems import Problem, report_and_stop
from hub_kernel.register import load_known
from hub_kernel.settings import declare, setting
from hub_kernel.source_lines import read_source
from hub_kernel.values import says_yes


def test_yes_and_no_read_alike_for_front_matter_and_settings():
    for yes in ("yes", "Yes", " TRUE ", "1", True):
        assert says_yes(yes) and says_yes(yes, default=True)
    for no in ("no", "False", "0", "none", "", None, False):
        assert not says_yes(no) and not says_yes(no, default=True)
    # Other text: front matter reads it as no; LINKCHECK_STRICT stays on, the safe side.
    assert says_yes("maybe") is False and says_yes("maybe", default=True) is True


def test_the_taxonomy_is_read_once_per_build_and_again_once_edited(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content" / "data", content / "data")
    first = load_known(content)
    assert load_known(content) is first  # one build reads each file once
    taxonomy = content / "data" / "taxonomy.toml"
    taxonomy.write_text(
        taxonomy.read_text(encoding="utf-8").replace("[topics]", '[topics]\nnew-topic = "New"', 1),
        encoding="utf-8",
    )
    stat = taxonomy.stat()
    os.utime(taxonomy, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    # `make serve` rebuilds after an edit: the next build sees the new key.
    assert load_known(content).keys("topics")["new-topic"] == "New"


def test_problems_are_listed_once_sorted_then_the_build_stops(capsys):
    problems = [Problem("b.md", 2, "second", "fix b"), Problem("a.md", 1, "first", "fix a")]
    with pytest.raises(SystemExit) as stopped:
        report_and_stop({}, problems + problems[:1], "The content")
    assert stopped.value.code == 1
    err = capsys.readouterr().err
    assert err.count("b.md:2: second. Fix: fix b.") == 1
    assert err.index("a.md:1") < err.index("b.md:2")
    assert "The content has 2 problem(s):" in err and "fix the 2 problem(s) above" in err


def test_the_preview_lists_the_problems_and_goes_on(capsys):
    report_and_stop({"HUB_PREVIEW": True}, [Problem("a.md", 3, "bad", "fix it")], "The finder")
    err = capsys.readouterr().err
    assert "a.md:3: bad. Fix: fix it." in err and "The preview keeps running" in err


def test_nothing_to_report_goes_on_silently(capsys):
    report_and_stop({}, [], "The content")
    assert capsys.readouterr().err == ""


def test_a_markdown_file_is_read_once_for_field_and_link_lines(tmp_path):
    page = tmp_path / "a.md"
    page.write_text(
        "Title: A\nSummary: One\n  and more\n\nSee [the plan](/guidance/plan/).\n\n"
        "![A chart]({static}/images/chart.png)\n\n"
        'Read <a href="{filename}other.md#steps">the steps</a>.\n',
        encoding="utf-8",
    )
    lines = read_source(page)
    assert lines.fields["summary"].value == "One and more"
    assert lines.field_line("summary") == 2 and lines.field_line("missing") == 0
    assert lines.link_line("/guidance/plan/") == 5
    assert lines.link_line("/images/chart.png") == 7
    # A rendered target differs from what the Markdown wrote; its #fragment still finds it.
    assert lines.link_line("/guidance/other/#steps", "#steps") == 9
    assert lines.link_line("/nowhere/") == 0


def test_a_setting_is_the_configured_value_or_its_declared_default():
    declare({"KERNEL_TEST_LIMIT": 3})
    assert setting({}, "KERNEL_TEST_LIMIT") == 3
    assert setting({"KERNEL_TEST_LIMIT": 5}, "KERNEL_TEST_LIMIT") == 5
    with pytest.raises(ValueError, match="declared twice"):
        declare({"KERNEL_TEST_LIMIT": 4})


def test_kept_entries_replace_older_ones_and_a_failed_keep_leaves_nothing(tmp_path):
    def writing(text):
        return lambda folder: (folder / "page.html").write_text(text, encoding="utf-8")

    for number, key in enumerate(["first", "second", "third"]):
        assert keep_entry(tmp_path, key, writing(key), newest=2)
        os.utime(tmp_path / key, (1000 + number, 1000 + number))  # surely in this order
    assert sorted(p.name for p in tmp_path.iterdir()) == ["second", "third"]
    assert keep_entry(tmp_path, "second", writing("again"), newest=2)
    assert (tmp_path / "second" / "page.html").read_text(encoding="utf-8") == "again"

    def full_disk(folder):
        (folder / "half.html").write_text("half", encoding="utf-8")
        raise OSError(28, "No space left on device")

    assert not keep_entry(tmp_path, "fourth", full_disk, newest=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["second", "third"]


def test_names_read_back_from_a_kept_folder_stay_inside_it():
    assert plain_relative("finder/anxiety/index.html")
    for outside in ("", "/etc/passwd", "../x", "finder/../../x", "a\\..\\b", None, 3):
        assert not plain_relative(outside)
