"""Shared fixtures: one build of the site per test run, a local server, and Debian's chromium."""

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import ClassVar

import pytest

ROOT = Path(__file__).resolve().parent.parent

CHROMIUM_FLAGS = [
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
]


def build_site(
    content: Path, output: Path, *extra: str, settings: str = "pelicanconf.py", env=None
) -> subprocess.CompletedProcess:
    """Run Pelican as `make html` does (`settings="publishconf.py"`: as `make publish` does);
    the result carries the exit code and messages. `env`: variables to add, e.g. SITEURL."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican",
            str(content),
            "-s",
            str(ROOT / settings),
            "-o",
            str(output),
            "--fatal",
            "errors",
            *extra,
        ],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The hub built once from content/ into a temporary folder."""
    output = tmp_path_factory.mktemp("site")
    result = build_site(ROOT / "content", output)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def place_in_topic_order(content: Path, *slugs: str, topic: str = "adjustments") -> None:
    """New guidance pages also take their place in their topic's [topic_order] list."""
    taxonomy = content / "data" / "taxonomy.toml"
    head, order = taxonomy.read_text(encoding="utf-8").split("[topic_order]")
    listed = "".join(f'"{slug}", ' for slug in slugs)
    order = order.replace(f"\n{topic} = [", f"\n{topic} = [{listed}", 1)
    taxonomy.write_text(head + "[topic_order]" + order, encoding="utf-8")


@pytest.fixture
def content_copy(tmp_path) -> Path:
    """A private copy of content/ that a test may break."""
    copy = tmp_path / "content"
    shutil.copytree(ROOT / "content", copy)
    return copy


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static file server that logs nothing and can add response headers."""

    extra_headers: ClassVar[dict[str, str]] = {}

    def end_headers(self):
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serving(folder: Path, handler=QuietHandler):
    """Serve `folder` on a random 127.0.0.1 port; yields the base URL."""
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(folder))
    )
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="session")
def server(site):
    """The built site served on a random 127.0.0.1 port; yields its base URL."""
    with serving(site) as url:
        yield url


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if not path:
        pytest.fail("Debian's chromium is missing: run 'make test', which installs it.")
    return path


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


class OutsideRequests(list):
    """Requests to anywhere but 127.0.0.1, which a page must never make."""


def open_context(browser, **options):
    context = browser.new_context(**options)
    outside = OutsideRequests()

    def guard(route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "data:", "blob:", "about:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", guard)
    context.outside_requests = outside
    return context


@pytest.fixture
def page(browser):
    context = open_context(browser)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.js_errors = errors
    yield page
    assert not context.outside_requests, f"requests left the site: {context.outside_requests}"
    assert not errors, f"JavaScript errors: {errors}"
    context.close()


@pytest.fixture
def page_without_js(browser):
    context = open_context(browser, java_script_enabled=False)
    page = context.new_page()
    yield page
    assert not context.outside_requests, f"requests left the site: {context.outside_requests}"
    context.close()


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def axe_page(browser):
    """A page with axe-core loaded as an init script (the site's CSP forbids injected scripts)."""
    context = open_context(browser)
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    yield page
    assert not context.outside_requests, f"requests left the site: {context.outside_requests}"
    context.close()


def axe_violations(page) -> list[dict]:
    """axe-core's WCAG 2.2 A and AA violations on the current page."""
    result = page.evaluate("""() => axe.run(document, {
        runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa',
                                        'best-practice']}})""")
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]
