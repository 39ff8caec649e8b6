"""The editors' preview (`make serve`): a real preview process on a private copy of the content."""

import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, build_site
from hub_preview import builder as builder_module
from hub_preview.builder import PreviewBuilder, pelican_stopped
from hub_preview.forked import run_forked

# Each test runs the preview (its own Pelican builds) or a build of its own.
pytestmark = pytest.mark.slow

GUIDANCE = "guidance/fit-notes.md"


class Preview:
    """`python -m hub_preview` on a free port; its output lines arrive on `self.lines`."""

    def __init__(self, content: Path, site: Path):
        self.site = site
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "hub_preview",
                "--port",
                "0",
                "--content",
                str(content),
                "--site",
                str(site),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.log: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        ready = self.wait_for(r"Previewing the hub at (http://\S+)/", timeout=300)
        self.url = ready.group(1)

    def _read(self):
        for line in self.process.stdout:
            self.log.append(line)
            self.lines.put(line)

    def wait_for(self, pattern: str, timeout: float) -> re.Match:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                continue
            if match := re.search(pattern, line):
                return match
        pytest.fail(f"the preview never printed {pattern!r}; it printed:\n{''.join(self.log)}")

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def stop(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=20)


@pytest.fixture
def preview(content_copy, tmp_path):
    running = Preview(content_copy, tmp_path / "preview")
    yield running
    if running.process.poll() is None:
        running.process.kill()


def retitle(path: Path, title: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^Title: .*$", f"Title: {title}", text, count=1), "utf-8")


@pytest.mark.slow  # runs the preview, which builds
def test_a_missing_page_gets_the_hubs_404_page(preview):
    status, body = preview.get("/no-such-page/")
    assert status == 404
    assert "Page not found" in body


@pytest.mark.slow  # runs the preview, which builds
def test_a_save_made_during_a_rebuild_is_not_lost(preview, content_copy):
    page = content_copy / GUIDANCE
    retitle(page, "First save")
    # Save again while the first save's build runs (a Pelican run takes seconds).
    preview.wait_for(r"Building the preview", timeout=60)
    retitle(page, "Second save")
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if "Second save" in preview.get("/guidance/fit-notes/")[1]:
            break
        time.sleep(1)
    assert "Second save" in preview.get("/guidance/fit-notes/")[1]


@pytest.mark.slow  # runs the preview, which builds
def test_the_preview_leaves_output_alone(content_copy, tmp_path):
    output = ROOT / "output"
    before = sorted(output.rglob("*")) if output.exists() else None
    stamp = output.stat().st_mtime if output.exists() else None
    running = Preview(content_copy, tmp_path / "preview")
    running.stop()
    after = sorted(output.rglob("*")) if output.exists() else None
    assert after == before
    assert (output.stat().st_mtime if output.exists() else None) == stamp
    assert (tmp_path / "preview" / "index.html").is_file()


@pytest.mark.slow  # runs the preview, which builds
def test_sigterm_stops_the_preview_and_frees_its_port(preview):
    port = int(preview.url.rsplit(":", 1)[1])
    assert preview.stop() == 0
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(("127.0.0.1", port))  # fails if the old server still holds it


def test_sigterm_during_a_rebuild_frees_the_port_at_once(preview, content_copy):
    """A rebuild is forked from the preview, so it holds the port too: it stops as well."""
    port = int(preview.url.rsplit(":", 1)[1])
    page = content_copy / GUIDANCE
    page.write_text(page.read_text("utf-8") + "\nOne more line.\n", "utf-8")
    preview.wait_for(r"Building the preview", timeout=30)
    assert preview.stop() == 0
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(("127.0.0.1", port))  # fails while a build still holds it


@pytest.mark.slow  # runs the preview, which builds
def test_the_request_log_is_quiet(preview):
    for path in ("/", "/search/", "/no-such-page/"):
        preview.get(path)
    time.sleep(0.5)
    assert not [line for line in preview.log if "GET /" in line]


@pytest.mark.slow  # its own Pelican build
def test_a_page_with_problems_shows_them_in_the_preview(content_copy, tmp_path):
    page = content_copy / GUIDANCE
    page.write_text(page.read_text("utf-8").replace("Topic: off-sick", "Topic: off sick"), "utf-8")
    result = build_site(content_copy, tmp_path / "out", "-e", "HUB_PREVIEW=true")
    assert result.returncode == 0, result.stderr
    banner = problems_banner(tmp_path / "out" / "guidance" / "fit-notes" / "index.html")
    assert banner is not None, "the page with a problem shows no problem list"
    assert f"content/{GUIDANCE}" in banner.get_text() and "off sick" in banner.get_text()
    home = problems_banner(tmp_path / "out" / "index.html")
    assert home is not None and f"content/{GUIDANCE}" in home.get_text()
    healthy = problems_banner(tmp_path / "out" / "guidance" / "return-to-work" / "index.html")
    assert healthy is None, "a page without problems shows someone else's"


def test_published_pages_never_show_the_problem_list(site):
    shown = [p for p in site.rglob("*.html") if problems_banner(p) is not None]
    assert not shown


def problems_banner(path: Path):
    return BeautifulSoup(path.read_text("utf-8"), "html.parser").select_one(".preview-problems")


def test_a_forked_preview_build_reports_what_a_new_process_reports(content_copy, tmp_path):
    page = content_copy / GUIDANCE
    page.write_text(page.read_text("utf-8").replace("Topic: off-sick", "Topic: off sick"), "utf-8")
    argv = [str(content_copy), "-s", str(ROOT / "pelicanconf.py"), "--fatal", "errors", "-q"]
    code, report, _ = run_forked([*argv, "-o", str(tmp_path / "forked")], ROOT)
    fresh = build_site(content_copy, tmp_path / "fresh", "-q")
    assert code == fresh.returncode == 1
    problem = next(line for line in fresh.stderr.splitlines() if "off sick" in line)
    assert problem in report


def test_an_edit_to_the_hubs_code_is_built_by_a_new_process(monkeypatch, tmp_path):
    """The preview forks builds from the plugins it imported; once their code changes, only a
    new process builds what the code now says."""
    builder = PreviewBuilder(ROOT, ROOT / "content", tmp_path / "site", ROOT / "pelicanconf.py")
    ran = []
    monkeypatch.setattr(
        builder_module, "run_forked", lambda argv, cwd: ran.append("fork") or (0, "", "")
    )
    real_run = subprocess.run
    monkeypatch.setattr(
        builder_module.subprocess,
        "run",
        lambda command, **options: ran.append("new") or real_run(["true"], **options),
    )
    builder.run_pelican(["--version"])
    builder.imported = {**builder.imported, "plugins/hub_pages/plugin.py": 0}  # since edited
    builder.run_pelican(["--version"])
    assert ran == ["fork", "new"]


def test_a_broken_settings_file_says_why_the_preview_did_not_build(tmp_path):
    settings = tmp_path / "broken.py"
    settings.write_text("SITENAME = 'Working Minds' +\n", encoding="utf-8")
    builder = PreviewBuilder(ROOT, ROOT / "content", tmp_path / "site", settings)
    code, _, said = builder.run_pelican([str(ROOT / "content"), "-s", str(settings), "-q"])
    assert code != 0
    assert pelican_stopped(said).startswith("SyntaxError: invalid syntax (broken.py, line 1)")
