"""The link checker's core, on small sites written by the tests: every broken reference is
found once, nothing good is flagged, and external links are listed, never fetched."""

import json
import socket
import textwrap
from types import SimpleNamespace

import pytest
from hub_kernel.source_lines import read_source
from hub_linkcheck import plugin
from hub_linkcheck.check import Finding, check_site
from hub_linkcheck.references import html_references, json_references
from hub_linkcheck.report import PageSource, describe, external_report

PAGE = """<!DOCTYPE html><html lang="en"><head><title>{title}</title>
<link rel="stylesheet" href="/theme/hub.css"><script src="/theme/hub.js" defer></script>
</head><body><a href="#main">Skip</a><main id="main">{body}</main></body></html>"""


def write_site(root, files):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def page(body, title="A page"):
    return PAGE.format(title=title, body=body)


def clean_files():
    return {
        "index.html": page("""
            <a href="/guidance/a/">A</a> <a href="guidance/a/#present">A's section</a>
            <a href="/guidance/a">no slash</a> <a href="./guidance/a/index.html#present">file</a>
            <a href="#main">top of main</a> <a href="#">top</a> <a href="#top">top</a>
            <a href="/guidance/a/?q=1#present">query</a>
            <img src="/images/chart.png" alt=""
                 srcset="/images/chart.png 1x, images/chart@2x.png 2x">
            <link rel="alternate" type="application/atom+xml" href="/feeds/all.atom.xml">
            <form action="/search/"><input name="q"></form>
            <a href="mailto:someone@example.org">mail</a> <a href="tel:+440000">phone</a>
            <img src="data:image/gif;base64,R0lGOD" alt="">"""),
        "guidance/a/index.html": page(
            '<h2 id="present">Here</h2><a href="../../">home</a>'
            '<a name="old-style"></a><a href="#old-style">old</a>'
        ),
        "search/index.html": page("Search"),
        "images/chart.png": "png",
        "images/chart@2x.png": "png",
        "theme/hub.css": "body { background: url('../images/chart.png') } .x { fill: url(#g) }",
        "theme/hub.js": "// script",
        "feeds/all.atom.xml": """<?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><link href="/" rel="alternate"/>
            <entry><link href="/guidance/a/" rel="alternate"/></entry></feed>""",
        "search/index.json": json.dumps(
            {
                "docs": [
                    {"title": "/not/a/link/", "url": "/guidance/a/#present"},
                    {"pageUrl": "guidance/a/", "section_href": "/guidance/a/#present"},
                ]
            }
        ),
    }


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"the link check tried to use the network: {args}")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def found(site):
    return {(f.page, f.target, f.problem) for f in site.broken}


def test_a_clean_site_has_no_broken_reference(tmp_path):
    site = check_site(write_site(tmp_path, clean_files()), workers=1)
    assert site.broken == []
    assert site.files_read == 6  # 3 pages, the stylesheet, the feed and the JSON data


def test_every_kind_of_broken_reference_is_found_once(tmp_path):
    files = clean_files()
    files["index.html"] += page("""
        <a href="/guidance/missing-page/">gone</a> <a href="/guidance/missing-page/">again</a>
        <a href="/guidance/a/#no-such-section">bad anchor</a> <a href="#no-such-id">bad self</a>
        <img src="/images/missing.png" alt=""> <img srcset="/images/missing@2x.png 2x" alt="">
        <link rel="stylesheet" href="/theme/missing.css"><script src="/theme/missing.js"></script>
        <link rel="alternate" type="application/atom+xml" href="/feeds/missing.atom.xml">
        <a href="%7Bfilename%7Dnope.md">unresolved</a>
        <a href="file:///home/editor/draft.html">draft</a>""")
    files["theme/hub.css"] += ' .y { background: url("../images/missing-bg.png") }'
    files["search/index.json"] = json.dumps(
        {
            "docs": [
                {"url": "/guidance/a/#missing-section"},
                {"urls": ["/guidance/gone/"]},
                {"nested": {"href": "/guidance/a/#present"}},
            ]
        }
    )
    site = check_site(write_site(tmp_path, files), workers=1)
    assert found(site) == {
        ("index.html", "/guidance/missing-page/", "missing"),
        ("index.html", "/guidance/a/#no-such-section", "anchor"),
        ("index.html", "#no-such-id", "anchor"),
        ("index.html", "/images/missing.png", "missing"),
        ("index.html", "/images/missing@2x.png", "missing"),
        ("index.html", "/theme/missing.css", "missing"),
        ("index.html", "/theme/missing.js", "missing"),
        ("index.html", "/feeds/missing.atom.xml", "missing"),
        ("index.html", "%7Bfilename%7Dnope.md", "missing"),
        ("index.html", "file:///home/editor/draft.html", "unreachable"),
        ("theme/hub.css", "../images/missing-bg.png", "missing"),
        ("search/index.json", "/guidance/a/#missing-section", "anchor"),
        ("search/index.json", "/guidance/gone/", "missing"),
    }
    kinds = {f.target: f.kind for f in site.broken}
    assert kinds["/images/missing.png"] == "image" and kinds["/theme/missing.css"] == "stylesheet"
    assert kinds["/theme/missing.js"] == "script" and kinds["/feeds/missing.atom.xml"] == "feed"


def test_links_in_feeds_and_sitemaps_are_checked(tmp_path):
    files = clean_files()
    files["sitemap.xml"] = """<?xml version="1.0" encoding="utf-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <url><loc>https://hub.example.org/guidance/a/</loc></url>
        <url><loc>https://hub.example.org/guidance/removed/</loc></url></urlset>"""
    site = check_site(write_site(tmp_path, files), site_url="https://hub.example.org", workers=1)
    assert found(site) == {("sitemap.xml", "https://hub.example.org/guidance/removed/", "missing")}


def test_json_links_follow_the_documented_key_rule():
    data = json.dumps(
        {
            "title": "/looks/like/a/link/",
            "url": "/a/",
            "pageUrl": "/b/",
            "items": [{"section_href": "/c/#d"}, {"related_urls": ["/e/", 3]}],
            "ref": "/not-a-url-key/",
            "curl": "/not-either/",
            "URL": "/f/",
        }
    )
    targets = [r.target for r in json_references(data, ("url", "href")).references]
    assert sorted(targets) == ["/a/", "/b/", "/c/#d", "/e/", "/f/"]
    assert [r.target for r in json_references('{"u": "x/", "menu": "y"}', ("u",)).references] == [
        "x/"
    ]


def test_a_data_file_that_is_not_json_is_reported(tmp_path):
    files = clean_files()
    files["search/index.json"] = '{"docs": [ '
    site = check_site(write_site(tmp_path, files), workers=1)
    assert [(f.page, f.problem) for f in site.broken] == [("search/index.json", "unreadable")]
    [line] = describe(site.broken, {})
    assert line.startswith("data file /search/index.json (written by a plugin): is not valid JSON")


def test_external_links_are_listed_with_their_pages_and_never_fetched(tmp_path, no_network):
    files = clean_files()
    files["index.html"] += page('<a href="https://www.acas.org.uk/contact">Acas</a>')
    files["guidance/a/index.html"] += page(
        '<a href="https://www.acas.org.uk/contact">Acas</a><a href="//cdn.example.org/x.js">x</a>'
    )
    site = check_site(write_site(tmp_path, files), workers=1)
    assert site.broken == []
    assert site.external == {
        "https://www.acas.org.uk/contact": {"index.html", "guidance/a/index.html"},
        "//cdn.example.org/x.js": {"guidance/a/index.html"},
    }


def test_links_to_the_public_address_are_internal(tmp_path):
    files = {
        "index.html": page(
            '<a href="https://hub.example.org/hub/guidance/a/#present">A</a>'
            '<a href="https://hub.example.org/hub/guidance/gone/">gone</a>'
            '<a href="/guidance/a/">outside the folder</a>'
            '<a href="https://other.example.org/hub/">other site</a>'
        ),
        "guidance/a/index.html": page('<h2 id="present">Here</h2>'),
        "theme/hub.css": "",
        "theme/hub.js": "",
    }
    # The theme's own links are relative here, as the site lives in a folder.
    files["index.html"] = files["index.html"].replace('"/theme/', '"theme/')
    files["guidance/a/index.html"] = files["guidance/a/index.html"].replace(
        '"/theme/', '"../../theme/'
    )
    site = check_site(
        write_site(tmp_path, files), site_url="https://hub.example.org/hub/", workers=1
    )
    assert found(site) == {
        ("index.html", "https://hub.example.org/hub/guidance/gone/", "missing"),
        ("index.html", "/guidance/a/", "unreachable"),
    }
    assert set(site.external) == {"https://other.example.org/hub/"}


def test_workers_find_exactly_what_one_process_finds(tmp_path):
    files = clean_files()
    for n in range(40):
        after = (n + 1) % 40
        bad = (
            f'<a href="/guidance/p{after}/#s{n}">wrong id on the next page</a>'
            if n % 2 == 0
            else ""
        ) + ('<a href="#nope">no such id here</a>' if n % 5 == 0 else "")
        files[f"guidance/p{n}/index.html"] = page(
            f'<h2 id="s{n}">S</h2><a href="/guidance/p{after}/#s{after}">next</a>{bad}'
            f'<a href="https://x.org/{n}">x</a>'
        )
    write_site(tmp_path, files)
    one = check_site(tmp_path, workers=1)
    two = check_site(tmp_path, workers=2, parallel_from=1)
    assert len(one.broken) == 20 + 8
    assert one.broken == two.broken and one.external == two.external
    assert one.internal == two.internal


def test_html_references_reads_ids_and_every_attribute_once():
    found_in = html_references(
        page(
            '<section id="s1"><p id="p1">Text <a href="/x/" id="in-link"><img src="/i.png" id="img"'
            ' alt=""></a></p></section><video src="/v.mp4" poster="/p.jpg"></video>'
            '<iframe src="/embed/" title="t"></iframe>'
            '<meta http-equiv="refresh" content="0; url=/new/">'
        )
    )
    assert {"main", "s1", "p1", "in-link", "img"} <= found_in.ids
    targets = [r.target for r in found_in.references]
    assert {"/x/", "/i.png", "/v.mp4", "/p.jpg", "/embed/", "/new/", "#main"} <= set(targets)
    assert targets.count("/x/") == 1


def test_the_report_names_page_markdown_file_line_and_target(tmp_path):
    markdown = tmp_path / "content" / "guidance" / "a.md"
    markdown.parent.mkdir(parents=True)
    markdown.write_text("Title: A\n\nSee [the plan](/guidance/missing/).\n", encoding="utf-8")
    # The checks read the Markdown once; the report uses the link lines they found.
    links = read_source(markdown).links
    pages = {"guidance/a/index.html": PageSource("content/guidance/a.md", links=links)}
    finding = Finding(
        "guidance/a/index.html", "/guidance/missing/", "link", "missing", "/guidance/missing/"
    )
    [line] = describe([finding], pages)
    assert line.startswith(
        "content/guidance/a.md:3 (page /guidance/a/): links to "
        "'/guidance/missing/', but there is no page or file at "
        "/guidance/missing/. Fix: "
    )


def test_a_target_broken_on_many_pages_is_one_line_with_a_count():
    findings = [
        Finding(f"p{n}/index.html", "/search/", "form", "missing", "/search/") for n in range(12)
    ]
    lines = describe(findings, {}, pages_shown=3)
    assert len(lines) == 1
    assert lines[0].startswith("12 pages: sends its form to '/search/'")
    assert "and 9 more" in lines[0] and "theme/templates" in lines[0]


def test_external_report_lists_links_about_closed_schemes_apart(tmp_path):
    files = {
        "index.html": page(
            '<a href="/guidance/old-scheme/">old</a><a href="https://current.example.org/">now</a>'
        ),
        "guidance/old-scheme/index.html": page(
            '<a href="https://closed.example.org/">gone</a>'
            '<a href="https://current.example.org/">now</a>'
        ),
        "theme/hub.css": "",
        "theme/hub.js": "",
    }
    site = check_site(write_site(tmp_path, files), workers=1)
    pages = {
        "index.html": PageSource("content/pages/home.md"),
        "guidance/old-scheme/index.html": PageSource("content/guidance/old-scheme.md", True),
    }
    report = external_report(site, pages, "", 24)
    by_url = {e["url"]: e for e in report["external"]}
    assert by_url["https://closed.example.org/"]["historic"] is True
    assert by_url["https://current.example.org/"]["historic"] is False
    assert by_url["https://closed.example.org/"]["pages"] == [
        {"page": "/guidance/old-scheme/", "source": "content/guidance/old-scheme.md"}
    ]
    assert report["links_to_historic_pages"] == [
        {
            "target": "/guidance/old-scheme/",
            "source": "content/guidance/old-scheme.md",
            "pages": [{"page": "/", "source": "content/pages/home.md"}],
        }
    ]


def fake_pelican(tmp_path, **settings):
    output = write_site(
        tmp_path / "out",
        {"index.html": page('<a href="/gone/">gone</a>'), "theme/hub.css": "", "theme/hub.js": ""},
    )
    return SimpleNamespace(
        output_path=str(output),
        settings={"PATH": str(tmp_path / "content"), "SITEURL": "", **settings},
    )


def test_a_broken_link_stops_a_build_but_not_the_preview(tmp_path, capsys):
    with pytest.raises(SystemExit) as stopped:
        plugin.check_written_site(fake_pelican(tmp_path))
    assert stopped.value.code == 1
    capsys.readouterr()
    # The preview (make serve's live rebuilds) reports and goes on waiting for the next change.
    plugin.check_written_site(fake_pelican(tmp_path, HUB_PREVIEW=True))
    assert "links to '/gone/', but there is no page or file at /gone/" in capsys.readouterr().err
    plugin.check_written_site(fake_pelican(tmp_path, LINKCHECK_STRICT=False))
    assert "links to '/gone/', but there is no page or file at /gone/" in capsys.readouterr().err
    report = json.loads((tmp_path / ".build" / "linkcheck" / "external-links.json").read_text())
    assert report["external"] == []
