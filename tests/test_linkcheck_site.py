"""The built hub has no broken internal reference: by our own check, and by `linkchecker`
itself over HTTP as a second, independent check."""

import csv
import io
import subprocess
from typing import ClassVar

import pytest
from conftest import QuietHandler, serving
from hub_linkcheck.check import check_site
from hub_linkcheck.external import linkchecker_command
from hub_linkcheck.report import describe
from pages import all_html

pytestmark = pytest.mark.slow  # runs linkchecker over the served site

# linkchecker waits between requests to one host unless the server sends a `LinkChecker`
# header and the limit is high. A static server ignores query strings, so a URL with one is
# the same file as a page already given as a start URL: only its syntax is checked.
LINKCHECKER_CONFIG = """\
[checking]
maxrequestspersecond=1000
threads=4
[filtering]
ignore=\\?
"""


def test_the_hub_has_no_broken_internal_reference(site):
    result = check_site(site, workers=1)  # in-process: no fork from a process with threads
    assert result.files_read > 10 and result.references > 100
    assert result.broken == [], "\n".join(describe(result.broken, {}))


class LinkCheckerHandler(QuietHandler):
    """Serves the site and tells linkchecker it may go at full speed."""

    extra_headers: ClassVar[dict[str, str]] = {"LinkChecker": "local test server"}


@pytest.fixture(scope="module")
def linkchecker_server(site):
    with serving(site, LinkCheckerHandler) as url:
        yield url


def test_linkchecker_finds_no_broken_internal_link(site, linkchecker_server, tmp_path):
    config = tmp_path / "linkcheckerrc"
    config.write_text(LINKCHECKER_CONFIG, encoding="utf-8")
    pages = [f"{linkchecker_server}/{path.relative_to(site).as_posix()}" for path in all_html(site)]
    completed = subprocess.run(
        [
            linkchecker_command(),
            f"--config={config}",
            "--stdin",
            "--no-status",
            "--verbose",
            "--output=csv/utf-8",
        ],
        input="\n".join(pages),
        capture_output=True,
        text=True,
        timeout=600,
    )
    lines = [line for line in completed.stdout.splitlines() if not line.startswith("#")]
    rows = list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"))
    checked = {row["url"] for row in rows}
    assert set(pages) <= checked, completed.stderr[-2000:]  # every page was really fetched
    broken = [
        f"{row['urlname']} on {row['parentname']}: {row['result']}"
        for row in rows
        if row["valid"] != "True" and row["url"].startswith(linkchecker_server)
    ]
    assert broken == []
