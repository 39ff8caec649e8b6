"""Deployment headers: the built site carries _headers and an nginx snippet; a host that sends
them stops other sites from framing the hub, and the CSP header matches the pages' <meta>."""

import re
import urllib.request

import pytest
from bs4 import BeautifulSoup
from conftest import QuietHandler, serving
from hub_headers.files import read_headers_file


def host_headers(site) -> dict[str, str]:
    rules = read_headers_file((site / "_headers").read_text(encoding="utf-8"))
    assert list(rules) == ["/*"], rules
    return rules["/*"]


@pytest.fixture(scope="module")
def host(site):
    """The site served as Netlify or Cloudflare Pages would serve it: with its _headers."""

    class HostHandler(QuietHandler):
        extra_headers = host_headers(site)

    with serving(site, HostHandler) as url:
        yield url


def test_the_host_sends_the_headers_a_meta_csp_cannot(host, site):
    for path in ("/", "/finder/plan/", "/guidance/access-to-work/"):
        with urllib.request.urlopen(host + path) as response:
            headers = response.headers
        policy = headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in policy
        meta = BeautifulSoup((site / path.strip("/") / "index.html").read_text(), "html.parser")
        meta_policy = meta.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        assert policy == meta_policy + "; frame-ancestors 'none'"
        assert int(re.search(r"max-age=(\d+)", headers["Strict-Transport-Security"])[1]) >= 31536000
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"
        assert "camera=()" in headers["Permissions-Policy"]
        assert headers["X-Frame-Options"] == "DENY"


def test_the_nginx_snippet_sends_the_same_headers(site):
    snippet = (site / "nginx-headers.conf").read_text(encoding="utf-8")
    sent = dict(re.findall(r'^add_header (\S+) "([^"]*)" always;$', snippet, re.MULTILINE))
    assert sent == host_headers(site)


def framing_page(tmp_path, target: str):
    (tmp_path / "index.html").write_text(
        f'<!DOCTYPE html><title>Another site</title><iframe src="{target}"></iframe>'
    )
    return tmp_path


@pytest.mark.browser
def test_another_site_cannot_frame_the_plan_page(page, host, server, tmp_path):
    """A page on another origin (another port) frames the plan page: blocked when the host
    sends the headers, shown when it does not (so the test can tell the two apart)."""
    blocked = {}
    for name, base in (("with headers", host), ("without", server)):
        folder = tmp_path / name
        folder.mkdir()
        with serving(framing_page(folder, base + "/finder/plan/")) as other:
            page.goto(other + "/")
            frame = page.frames[1]
            frame.wait_for_load_state()
            blocked[name] = frame.url.startswith("chrome-error") or not frame.query_selector("h1")
    assert blocked == {"with headers": True, "without": False}
