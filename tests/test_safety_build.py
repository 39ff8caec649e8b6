"""Real builds with hostile content (issue 9): the few that prove the end-to-end behaviour.

A failed build names every file, prints no traceback, leaves the last good output/ as it was
and writes nothing outside its build folder; the preview builds without the refused files;
front-matter values are text wherever they are shown. test_hostile_content.py checks each
case in process.
"""

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, build_site, place_in_topic_order

pytestmark = pytest.mark.slow  # real Pelican builds
from hostile_cases import SECRET, Link, page, place

# Several hostile files at once (each case alone: test_hostile_content.py).
MIX = {
    "../secret.txt": SECRET,
    "pages/leak.md": Link("secret.txt"),
    "images/passwd.png": Link("/etc/passwd"),
    "../../x.txt": SECRET,
    "guidance/climb.md": page("[x]({static}../../../x.txt)"),
    "pages/x.html": "<title>SECRET</title><script>alert(1)</script>",
    "guidance/frames.md": page(
        '<iframe src="https://evil.example/"></iframe>\n\n[x](javascript:alert(1))'
    ),
    "guidance/sub/x.md": "Title: A nested page\n\nx\n",
    "guidance/dots.md": page(slug=".."),
}
NAMED = (
    "content/pages/leak.md",
    "content/images/passwd.png",
    "content/guidance/climb.md",
    "content/pages/x.html",
    "content/guidance/frames.md",
    "content/guidance/sub/x.md",
    "content/guidance/dots.md",
)


@pytest.fixture
def hub(tmp_path):
    root = tmp_path / "root"
    shutil.copytree(ROOT / "content", root / "content")
    return root


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` (links not followed) with a hash of its bytes."""
    files = {}
    for dirpath, _, names in os.walk(folder):
        for name in names:
            path = Path(dirpath) / name
            data = b"link" if path.is_symlink() else path.read_bytes()
            files[str(path.relative_to(folder))] = hashlib.sha1(data).hexdigest()
    return files


def make_html(root: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            "make",
            "--no-print-directory",
            "-C",
            str(ROOT),
            "html",
            f"CONTENT={root / 'content'}",
            f"OUTPUT={root / 'output'}",
            f"BUILD_DIR={root / 'build'}",
            *extra,
        ],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def outside_the_build(root: Path) -> dict[str, str]:
    """The files a build must not touch: everything but its output and build folders (and the
    build's caches in .build/ beside content/, by design: the link check's report and cache,
    the script bundles and the compiled templates)."""
    return {
        name: digest
        for name, digest in snapshot(root.parent).items()
        if not name.startswith(("root/output/", "root/build/", "root/.build/"))
    }


def test_hostile_files_fail_the_build_and_change_nothing(hub):
    assert make_html(hub).returncode == 0
    good = snapshot(hub / "output")
    place(hub, MIX)
    before = outside_the_build(hub)
    failed = make_html(hub)
    messages = failed.stdout + failed.stderr
    assert failed.returncode != 0
    assert "Traceback" not in messages
    for name in NAMED:
        assert f"\n  {name}" in messages, f"{name} not named in:\n{messages[-4000:]}"
    assert snapshot(hub / "output") == good
    assert outside_the_build(hub) == before
    leaked = [
        name
        for name, _ in snapshot(hub.parent).items()
        if name.startswith(("root/output/", "root/build/"))
        and SECRET.split()[0].encode() in (hub.parent / name).read_bytes()
    ]
    assert leaked == []


def test_the_preview_builds_without_the_refused_files(hub):
    place(hub, MIX)
    before = outside_the_build(hub)
    result = build_site(hub / "content", hub / "output", "-e", "HUB_PREVIEW=true")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert "The preview keeps running" in result.stderr
    assert outside_the_build(hub) == before
    output = snapshot(hub / "output")
    assert not any(name.startswith(("x.", "x/", "leak", "images/passwd")) for name in output)
    pages = "".join(p.read_text() for p in (hub / "output").rglob("*.html"))
    # (The preview lists the problems on its pages, so their words may be there, as text.)
    for unsafe in ("SECRET-TOKEN", "<title>SECRET", "<iframe", 'href="javascript:'):
        assert unsafe not in pages


def test_front_matter_is_text_wherever_it_is_shown(hub):
    """A Title with HTML is escaped in the h1, the A to Z, the topic list and the search
    records; an overdue page builds with a warning and says so; a byte-order mark is fine."""
    title = "<img src=x onerror=alert(1)>Tom & <b>Jerry</b>"
    place(
        hub,
        {
            "guidance/hostile.md": page(title=title),
            "guidance/overdue.md": page(
                title="Overdue page", reviewed="2024-01-01", review_due="2025-01-01"
            ),
            "guidance/with-bom.md": "\ufeff" + page(title="Saved with a BOM"),
        },
    )
    place_in_topic_order(hub / "content", "hostile", "overdue", "with-bom")
    result = build_site(hub / "content", hub / "output")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "content/guidance/overdue.md:6: review overdue since 2025-01-01" in result.stderr
    out = hub / "output"
    escaped = "&lt;img src=x onerror=alert(1)&gt;Tom &amp; &lt;b&gt;Jerry&lt;/b&gt;"
    for shown_in in (
        "guidance/hostile/index.html",
        "a-z/index.html",
        "topics/adjustments/index.html",
    ):
        html = (out / shown_in).read_text()
        assert escaped in html, shown_in
    for path in out.rglob("*.html"):
        assert "<img src=x" not in path.read_text(), path
    records = "".join(p.read_text() for p in (out / "search").rglob("*.json"))
    assert "Tom & Jerry" in records and "onerror" not in records  # shown with textContent
    overdue = (out / "guidance" / "overdue" / "index.html").read_text()
    assert "Review overdue" in overdue
    assert "Review overdue" not in (out / "guidance" / "hostile" / "index.html").read_text()
    assert (out / "guidance" / "with-bom" / "index.html").exists()


def test_a_typo_in_a_data_file_names_that_file(hub):
    glossary = hub / "content" / "data" / "glossary.toml"
    glossary.write_text(glossary.read_text() + "\n[[term]]\nterm = 'unfinished\n")
    result = build_site(hub / "content", hub / "output")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = len(glossary.read_text().splitlines())
    assert f"content/data/glossary.toml:{lines}: is not valid TOML" in result.stderr
    assert "adjustments/" not in result.stderr
