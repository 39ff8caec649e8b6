"""The source register (content/data/sources.toml): each source says where it is and when it was
last checked; the build stops without them, and warns about a source unchecked for a year."""

import datetime
import re
import tomllib

import pytest
from conftest import ROOT, build_site
from hub_checks.cli import main
from hub_checks.source_register import a_year_before, check_register, stale_sources

TODAY = datetime.date(2026, 12, 1)
REGISTER = """\
# a comment line
[documents.web-page]
kind = "official"
title = "A web page"
url = "https://www.gov.uk/statutory-sick-pay"
checked = "2026-12-01"

[documents.old-paper]
kind = "document"
title = "An old paper"
reference = "The project's copy: shared/seeds/000.txt"
checked = "2025-11-30"

[documents.nowhere]
kind = "official"
title = "A page with no address"
checked = "2026-11-01"

[documents.undated]
kind = "official"
title = "A page nobody checked"
url = "https://www.hse.gov.uk/stress/"
"""


def heading_line(text, key):
    return text.splitlines().index(f"[documents.{key}]") + 1


def problems_in(text, today=TODAY):
    return [str(p) for p in check_register(tomllib.loads(text)["documents"], text, "s.toml", today)]


def test_a_complete_register_has_no_problems():
    complete = REGISTER.split("[documents.nowhere]")[0]
    assert problems_in(complete) == []


def test_each_missing_address_or_date_names_the_line_and_what_to_add():
    found = problems_in(REGISTER)
    assert len(found) == 2, found
    nowhere, undated = heading_line(REGISTER, "nowhere"), heading_line(REGISTER, "undated")
    assert found[0].startswith(f"s.toml:{nowhere}: source 'nowhere' says neither where it is on")
    assert "add url = " in found[0] and "or reference = " in found[0]
    assert found[1].startswith(f"s.toml:{undated}: source 'undated' has no 'checked' date")
    assert 'add checked = "2026-12-01"' in found[1]


def test_a_bad_url_a_bad_date_and_a_future_date_are_problems():
    text = REGISTER.replace("https://www.gov.uk/statutory-sick-pay", "www.gov.uk/ssp")
    text = text.replace('checked = "2025-11-30"', 'checked = "30/11/2025"')
    text = text.replace('checked = "2026-11-01"', 'checked = "2027-01-01"\nurl = "https://a.uk/"')
    found = " | ".join(problems_in(text))
    assert "source 'web-page' has url 'www.gov.uk/ssp', which is not a web address" in found
    assert "source 'old-paper' has checked = '30/11/2025', which is not a date" in found
    assert "source 'nowhere' has checked = '2027-01-01', which is after today" in found


def test_only_sources_checked_more_than_12_months_ago_are_stale():
    sources = tomllib.loads(REGISTER)["documents"]
    stale = stale_sources(sources, REGISTER, TODAY)
    assert [(s.key, s.line) for s in stale] == [("old-paper", heading_line(REGISTER, "old-paper"))]
    # Exactly a year ago is not yet "more than 12 months".
    assert stale_sources(sources, REGISTER, datetime.date(2026, 11, 30)) == []
    assert a_year_before(datetime.date(2028, 2, 29)) == datetime.date(2027, 2, 28)


def test_every_source_in_the_real_register_has_an_address_and_a_checked_date():
    path = ROOT / "content" / "data" / "sources.toml"
    text = path.read_text(encoding="utf-8")
    sources = tomllib.loads(text)["documents"]
    assert problems_in(text, today=datetime.date.today()) == []
    for key in ("000", "001", "002", "003", "004"):
        assert sources[key]["reference"] and sources[key]["checked"], key


def add_source(content, block):
    path = content / "data" / "sources.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\n" + block, encoding="utf-8")
    return path


def line_of(path, heading):
    return path.read_text(encoding="utf-8").splitlines().index(heading) + 1


@pytest.mark.slow  # its own Pelican build
def test_build_stops_on_a_source_without_a_checked_date(content_copy, tmp_path):
    path = add_source(
        content_copy,
        '[documents.no-date]\nkind = "official"\ntitle = "T"\nurl = "https://www.acas.org.uk/"\nlocators = []\n',
    )
    result = build_site(content_copy, tmp_path / "out")
    messages = result.stdout + result.stderr
    assert result.returncode == 1, messages
    line = line_of(path, "[documents.no-date]")
    assert f"content/data/sources.toml:{line}: source 'no-date' has no 'checked' date" in messages
    assert "Fix: add checked = " in messages
    assert "Traceback" not in messages


@pytest.mark.slow  # its own Pelican build
def test_build_warns_about_a_source_checked_more_than_a_year_ago(content_copy, tmp_path):
    path = add_source(
        content_copy,
        '[documents.old-check]\nkind = "official"\ntitle = "Old"\n'
        'url = "https://www.acas.org.uk/"\nlocators = []\nchecked = "2020-01-15"\n',
    )
    result = build_site(content_copy, tmp_path / "out")
    messages = result.stdout + result.stderr
    assert result.returncode == 0, messages
    line = line_of(path, "[documents.old-check]")
    assert "Warning: these sources were last checked more than 12 months ago:" in messages
    assert (
        f"content/data/sources.toml:{line}: source 'old-check' (Old) was last checked on "
        "2020-01-15, more than 12 months ago"
    ) in messages, messages[-3000:]
    assert re.search(r"WARNING\s+1 source\(s\) need checking again", messages)


def test_review_report_lists_sources_checked_more_than_a_year_ago(content_copy, capsys):
    add_source(
        content_copy,
        '[documents.old-check]\nkind = "official"\ntitle = "Old page"\n'
        'url = "https://www.acas.org.uk/"\nlocators = []\nchecked = "2025-06-01"\n',
    )
    assert main(["--content", str(content_copy), "review-report", "--today", "2026-12-01"]) == 0
    out = capsys.readouterr().out
    assert "Sources last checked more than 12 months before 2026-12-01:" in out
    assert "source 'old-check' (Old page) was last checked on 2025-06-01" in out
    assert "1 source(s) to check again." in out


def test_review_report_says_when_every_source_is_recent(content_copy, capsys):
    assert main(["--content", str(content_copy), "review-report", "--today", "2026-12-01"]) == 0
    assert "None: every source was checked in the last 12 months." in capsys.readouterr().out


def test_check_command_on_the_register_names_a_source_without_a_checked_date(content_copy, capsys):
    path = add_source(
        content_copy,
        '[documents.no-date]\nkind = "official"\ntitle = "T"\nurl = "https://www.acas.org.uk/"\nlocators = []\n',
    )
    assert main(["check", str(path)]) == 1
    line = line_of(path, "[documents.no-date]")
    assert f"sources.toml:{line}: source 'no-date' has no 'checked' date" in capsys.readouterr().err
