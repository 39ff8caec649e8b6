"""`make linkcheck-external`: checks the listed external links with `linkchecker`, trusts a
result for a day, and without a network says so and exits 0. No test leaves 127.0.0.1."""

import datetime
import functools
import http.server
import json
import threading

import pytest
from hub_linkcheck import external

NOW = datetime.datetime(2026, 11, 22, 12, 0, tzinfo=datetime.UTC)


def report(*entries, cache_hours=24):
    return {
        "cache_hours": cache_hours,
        "external": [
            {
                "url": url,
                "historic": historic,
                "pages": [{"page": "/guidance/a/", "source": "content/guidance/a.md"}],
            }
            for url, historic in entries
        ],
        "links_to_historic_pages": [],
    }


def cached(url, ok, hours_ago):
    checked = (NOW - datetime.timedelta(hours=hours_ago)).isoformat()
    return {url: {"ok": ok, "message": "200 OK" if ok else "404 Not Found", "checked": checked}}


class Checker:
    """Stands in for linkchecker and remembers what it was asked."""

    def __init__(self, dead=()):
        self.asked, self.dead = [], set(dead)

    def __call__(self, urls):
        self.asked += urls
        return {
            u: (u not in self.dead, "404 Not Found" if u in self.dead else "200 OK") for u in urls
        }


def test_a_result_younger_than_a_day_is_not_checked_again():
    checker = Checker()
    cache = {**cached("https://a.example/", True, 3), **cached("https://b.example/", True, 25)}
    results, unchecked, _online = external.check(
        report(("https://a.example/", False), ("https://b.example/", False)),
        cache,
        NOW,
        lambda urls: True,
        checker,
    )
    assert checker.asked == ["https://b.example/"]
    assert set(results) == {"https://a.example/", "https://b.example/"} and not unchecked


def test_without_a_network_nothing_is_fetched_and_the_run_does_not_fail():
    checker = Checker()
    data = report(("https://a.example/", False))
    results, unchecked, online = external.check(data, {}, NOW, lambda urls: False, checker)
    assert checker.asked == [] and unchecked == ["https://a.example/"] and not online
    lines, status = external.summary(data, results, unchecked, online, "report.json")
    assert status == 0
    assert any(line.startswith("No network here: 1 external link(s) not checked") for line in lines)


def test_offline_the_cache_is_shown_but_does_not_fail_the_run():
    data = report(("https://dead.example/", False), ("https://new.example/", False))
    cache = cached("https://dead.example/", False, 2)
    results, unchecked, online = external.check(data, cache, NOW, lambda urls: False, Checker())
    lines, status = external.summary(data, results, unchecked, online, "report.json")
    assert status == 0 and unchecked == ["https://new.example/"]
    assert "  https://dead.example/ (404 Not Found), on content/guidance/a.md" in lines


def test_a_dead_link_on_a_current_page_fails_but_a_closed_scheme_is_listed_apart():
    data = report(
        ("https://dead.example/", False),
        ("https://closed.example/", True),
        ("https://fine.example/", False),
    )
    checker = Checker(dead={"https://dead.example/", "https://closed.example/"})
    results, unchecked, online = external.check(data, {}, NOW, lambda urls: True, checker)
    lines, status = external.summary(data, results, unchecked, online, "report.json")
    text = "\n".join(lines)
    assert status == 1
    assert (
        "Dead or failing links on current pages (1):\n  https://dead.example/ (404 Not Found),"
        " on content/guidance/a.md" in text
    )
    assert "Links about closed schemes" in text
    assert "https://closed.example/ (404 Not Found)" in text
    data = report(("https://closed.example/", True))
    results, unchecked, online = external.check(data, {}, NOW, lambda urls: True, checker)
    assert external.summary(data, results, unchecked, online, "report.json")[1] == 0


def test_main_offline_says_so_and_keeps_the_cache(tmp_path, monkeypatch, capsys):
    # The build wrote the report to .build/linkcheck/ beside the content folder.
    folder = tmp_path / ".build" / "linkcheck"
    folder.mkdir(parents=True)
    (folder / "external-links.json").write_text(
        json.dumps(report(("https://a.example/", False))), encoding="utf-8"
    )
    monkeypatch.setattr(external, "network_available", lambda urls: False)
    monkeypatch.setattr(external, "run_linkchecker", lambda urls: pytest.fail("fetched"))
    assert external.main(["--content", str(tmp_path / "content")]) == 0
    assert "No network here" in capsys.readouterr().out
    assert json.loads((folder / "external-cache.json").read_text()) == {}


def test_main_without_a_report_asks_for_a_build(tmp_path, capsys):
    assert external.main(["--report", str(tmp_path / "missing.json")]) == 1
    assert "run 'make html' first" in capsys.readouterr().out


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def local_site(tmp_path):
    (tmp_path / "ok.html").write_text("<!DOCTYPE html><title>ok</title>", encoding="utf-8")
    handler = functools.partial(QuietHandler, directory=str(tmp_path))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.mark.slow  # runs linkchecker
def test_linkchecker_reports_each_url(local_site):
    results = external.run_linkchecker([f"{local_site}/ok.html", f"{local_site}/gone.html"])
    assert results[f"{local_site}/ok.html"] == (True, "200 OK")
    assert results[f"{local_site}/gone.html"][0] is False
    assert "404" in results[f"{local_site}/gone.html"][1]


def test_the_network_probe_sees_a_server_that_answers_and_one_that_does_not(local_site):
    assert external.network_available([f"{local_site}/ok.html"], timeout=2) is True
    # Nothing listens on port 9 (discard) here: the probe says "no" rather than waiting.
    assert external.network_available(["http://127.0.0.1:9/"], timeout=2) is False
