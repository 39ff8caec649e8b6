"""What a deployment sets reaches the pages: the `{advice_line}` settings and `make publish`."""

import json

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, build_site

# The guidance that writes `{advice_line}` (content/guidance/*.md).
ADVICE_PAGES = ["guidance/where-to-get-advice", "guidance/occupational-health-advice-line"]
PUBLIC = "https://hub.example.org"
TEST_LINE = "Call the test advice line."
TEST_URL = "https://advice.example.org/contact"


def soup(path, parser="lxml"):
    return BeautifulSoup(path.read_text(encoding="utf-8"), parser)


def advice_line(site, page):
    """The advice line's text and the address it links to (a glossary term may be linked too)."""
    [line] = soup(site / page / "index.html").select("p.advice-line")
    [link] = [a["href"] for a in line.select("a") if a.get_text() == a["href"]]
    return line.get_text(" ", strip=True), link


def test_pages_show_the_advice_line_from_the_settings(site):
    for page in ADVICE_PAGES:
        text, href = advice_line(site, page)
        assert "contact Acas through its website" in text
        assert href == "https://www.acas.org.uk/contact"
    assert not [p for p in site.rglob("*.html") if "{advice_line}" in p.read_text("utf-8")]


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """`make publish` with a public address, and another advice line in the settings."""
    output = tmp_path_factory.mktemp("published")
    result = build_site(
        ROOT / "content",
        output,
        "-e",
        f"ADVICE_LINE_TEXT={json.dumps(TEST_LINE)}",
        f"ADVICE_LINE_URL={json.dumps(TEST_URL)}",
        settings="publishconf.py",
        env={"SITEURL": PUBLIC + "/"},
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    return output


@pytest.mark.slow  # its own Pelican build
def test_changing_the_advice_line_setting_changes_the_pages(published):
    for page in ADVICE_PAGES:
        text, href = advice_line(published, page)
        assert text.startswith(TEST_LINE) and "Acas" not in text
        assert href == TEST_URL


@pytest.mark.slow
def test_publish_uses_the_public_address_with_a_feed_and_a_sitemap(published):
    home = soup(published / "index.html")
    guidance = [a["href"] for a in home.select("a[href*='/guidance/']")]
    assert guidance and all(href.startswith(PUBLIC + "/guidance/") for href in guidance)
    feed = soup(published / "feeds" / "all.atom.xml", "xml")
    entries = [link["href"] for link in feed.select("entry link")]
    assert entries and all(href.startswith(PUBLIC + "/") for href in entries)
    sitemap = [loc.get_text() for loc in soup(published / "sitemap.xml", "xml").select("loc")]
    assert PUBLIC + "/" in sitemap and f"{PUBLIC}/{ADVICE_PAGES[0]}/" in sitemap
    assert all(url.startswith(PUBLIC + "/") for url in sitemap)


@pytest.mark.slow  # starts Pelican, which stops while reading the settings
def test_publish_without_a_public_address_says_what_to_set(tmp_path):
    result = build_site(
        ROOT / "content", tmp_path / "out", settings="publishconf.py", env={"SITEURL": ""}
    )
    assert result.returncode != 0
    assert "Set SITEURL to the site's public address" in result.stdout + result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.slow  # its own Pelican build
def test_a_site_published_under_a_folder_links_only_inside_it(tmp_path):
    """A project site on a pages host lives under a folder (https://org.github.io/hub): the
    links editors write from the root (`/finder/...`) and the cards the templates make stay in
    it, and the build's link check passes."""
    folder_site = PUBLIC + "/hub"
    result = build_site(
        ROOT / "content", tmp_path / "out", settings="publishconf.py", env={"SITEURL": folder_site}
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    links = [
        a["href"]
        for page in ("index.html", "open-data/index.html", "case-studies/index.html")
        for a in soup(tmp_path / "out" / page).select("a[href]")
    ]
    local = [href for href in links if href.startswith(("/", PUBLIC))]
    assert "/hub/data/adjustments.csv" in local  # written as /data/adjustments.csv
    assert any(href.startswith(folder_site + "/case-studies/") for href in local)
    outside = [h for h in local if not h.startswith(("/hub/", folder_site + "/", "//"))]
    assert not outside, outside[:5]
