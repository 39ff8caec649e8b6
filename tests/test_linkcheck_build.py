"""A build with a broken link fails and names each one; `make serve`'s build only reports."""

import json
import shutil

import pytest
from conftest import ROOT, build_site

pytestmark = pytest.mark.slow  # builds of broken content

FIXTURE_FOLDER = "linkcheck-fixture"  # copied to the output as if a plugin wrote search data
STATIC = f'STATIC_PATHS=["images", "{FIXTURE_FOLDER}"]'  # Pelican keeps only the last -e: one


def guidance_pages(content):
    return [
        p
        for p in sorted((content / "guidance").glob("*.md"))
        if "Historic:" not in p.read_text(encoding="utf-8")
    ]


def append(path, text):
    path.write_text(
        path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + text + "\n", encoding="utf-8"
    )


@pytest.fixture(scope="module")
def broken_content(tmp_path_factory):
    """content/ with one broken reference of each kind, an external link and a closed scheme."""
    root = tmp_path_factory.mktemp("broken")
    content = root / "content"
    shutil.copytree(ROOT / "content", content)
    page, other = guidance_pages(content)[:2]
    append(
        page,
        "## Links written by the link check tests\n\n"
        "Read [a page that is not there](/guidance/no-such-page/).\n\n"
        f"Read [a missing section]({{filename}}{other.name}#no-such-heading).\n\n"
        "![A chart that is not there](/images/missing-chart.png)\n\n"
        "Read [an outside site](https://example.org/linkcheck-test/).",
    )
    text = other.read_text(encoding="utf-8").split("\n", 1)
    other.write_text(text[0] + "\nHistoric: true\n" + text[1], encoding="utf-8")
    append(other, "The scheme had [its own site](https://closed-scheme.example.org/).")
    # Outside links must be to sites in the source register (hub_checks), so these two are.
    append(
        content / "data" / "sources.toml",
        "\n".join(
            f'[documents.{key}]\nkind = "official"\ntitle = "{key}"\nurl = "{url}"\n'
            'locators = []\nchecked = "2026-11-22"\n'
            for key, url in (
                ("linkcheck-test", "https://example.org/linkcheck-test/"),
                ("closed-scheme", "https://closed-scheme.example.org/"),
            )
        ),
    )
    (content / FIXTURE_FOLDER).mkdir()
    (content / FIXTURE_FOLDER / "search-data.json").write_text(
        json.dumps(
            {
                "docs": [
                    {"title": "Fine", "url": f"/guidance/{other.stem}/"},
                    {"title": "Gone", "url": f"/guidance/{other.stem}/#no-such-section"},
                ]
            }
        ),
        encoding="utf-8",
    )
    return content, page, other


def messages_of(result):
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def strict_build(broken_content):
    content, _page, _other = broken_content
    return build_site(content, content.parent / "strict", "-e", STATIC)


def test_build_fails_naming_each_broken_reference(broken_content, strict_build):
    _content, page, other = broken_content
    result = strict_build
    messages = messages_of(result)
    assert result.returncode == 1, messages[-3000:]
    source = f"content/guidance/{page.name}"
    expected = [
        f"{source}:",
        (
            f"(page /guidance/{page.stem}/): links to '/guidance/no-such-page/', "
            "but there is no page or file at /guidance/no-such-page/"
        ),
        (
            f"links to '/guidance/{other.stem}/#no-such-heading', but that page has no heading or "
            "element with id 'no-such-heading'"
        ),
        (
            "shows the image '/images/missing-chart.png', but there is no page or file at "
            "/images/missing-chart.png"
        ),
        (
            f"data file /{FIXTURE_FOLDER}/search-data.json (written by a plugin): links to "
            f"'/guidance/{other.stem}/#no-such-section'"
        ),
        "The build stopped: fix the",
    ]
    for text in expected:
        assert text in messages, f"{text!r} not in:\n{messages[-3000:]}"
    assert "example.org/linkcheck-test" not in messages  # external: listed, not an error


def test_external_links_are_reported_with_their_pages(broken_content, strict_build):
    content, page, other = broken_content
    report = json.loads(
        (content.parent / ".build" / "linkcheck" / "external-links.json").read_text(
            encoding="utf-8"
        )
    )
    by_url = {entry["url"]: entry for entry in report["external"]}
    assert by_url["https://example.org/linkcheck-test/"] == {
        "url": "https://example.org/linkcheck-test/",
        "historic": False,
        "pages": [{"page": f"/guidance/{page.stem}/", "source": f"content/guidance/{page.name}"}],
    }
    assert by_url["https://closed-scheme.example.org/"]["historic"] is True
    linked = {entry["target"]: entry for entry in report["links_to_historic_pages"]}
    assert {"page": f"/guidance/{page.stem}/", "source": f"content/guidance/{page.name}"} in linked[
        f"/guidance/{other.stem}/"
    ]["pages"]


def test_the_previews_first_build_reports_without_stopping(broken_content):
    content, page, _other = broken_content
    result = build_site(content, content.parent / "preview", "-e", STATIC, "LINKCHECK_STRICT=false")
    assert result.returncode == 0, messages_of(result)[-3000:]
    assert "links to '/guidance/no-such-page/'" in messages_of(result)
    assert f"data file /{FIXTURE_FOLDER}/search-data.json" in messages_of(result)
    assert (content.parent / "preview" / "guidance" / page.stem / "index.html").exists()


def test_a_bad_filename_reference_fails_the_build(content_copy, tmp_path):
    page = guidance_pages(content_copy)[0]
    append(page, "Read [a page with a typo]({filename}no-such-file.md).")
    result = build_site(content_copy, tmp_path / "out")
    assert result.returncode == 1
    assert f"content/guidance/{page.name}:" in messages_of(result)
    assert "links to '{filename}no-such-file.md'" in messages_of(result)
