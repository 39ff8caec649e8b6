"""The theme's JavaScript: bundled into every build from theme/src/js, and each component
says plainly what markup it is missing."""

import re
import shutil
from types import SimpleNamespace

import hub_assets
import pytest
from conftest import ROOT, build_site
from hub_assets.templates import keep_compiled_templates
from jinja2 import Environment, FileSystemLoader

BUNDLES = ["hub.js", "search.js", "finder.js"]


def test_every_build_serves_bundles_of_the_current_sources(site):
    for name in BUNDLES:
        bundle = (site / "theme" / "js" / name).read_text(encoding="utf-8")
        # Classic scripts (the pages load them with <script defer>): no module syntax left.
        assert not re.search(r"^\s*(import|export)\s", bundle, re.MULTILINE), name
        assert bundle.lstrip().startswith(("(() => {", '"use strict";')), name
    # The search bundle holds the modules' code, the input limits among them.
    assert "wordChars" in (site / "theme" / "js" / "search.js").read_text(encoding="utf-8")
    assert not (ROOT / "theme" / "static" / "js").exists(), "bundles are never kept in the theme"


@pytest.mark.slow  # its own Pelican build
def test_a_build_that_cannot_bundle_stops_with_a_message(tmp_path):
    result = build_site(ROOT / "content", tmp_path / "out", "-e", 'HUB_ASSETS_NODE="no-such-node"')
    assert result.returncode == 1
    assert "Could not run no-such-node" in result.stderr and "Install Node.js" in result.stderr
    assert "Traceback" not in result.stderr


def test_unchanged_scripts_are_not_bundled_again_and_an_edit_is(tmp_path, monkeypatch):
    sources = tmp_path / "src-js"
    shutil.copytree(hub_assets.SOURCES, sources)
    monkeypatch.setattr(hub_assets, "SOURCES", sources)
    runs = []

    def fake_esbuild(settings, node, folder):  # stands in for node: writes what it was given
        runs.append(folder)
        (folder / "hub.js").write_text((sources / "hub" / "main.js").read_text(encoding="utf-8"))
        return True

    monkeypatch.setattr(hub_assets, "run_esbuild", fake_esbuild)

    def build(output: str) -> str:
        settings = {"PATH": str(tmp_path / "content"), "OUTPUT_PATH": str(tmp_path / output)}
        hub_assets.bundle([SimpleNamespace(settings=settings)])
        return (tmp_path / output / "theme" / "js" / "hub.js").read_text(encoding="utf-8")

    first = build("one")
    assert build("two") == first and len(runs) == 1  # the kept bundles, copied
    (sources / "hub" / "main.js").write_text(first + "\n// edited\n", encoding="utf-8")
    assert build("three").endswith("// edited\n") and len(runs) == 2
    # Only the bundles of the current sources are kept.
    assert len(list((tmp_path / ".build" / "assets").iterdir())) == 1


def test_an_edited_template_shows_in_the_next_build_despite_the_kept_compiled_code(tmp_path):
    (tmp_path / "templates").mkdir()
    template = tmp_path / "templates" / "page.html"

    def build(text: str, **options) -> str:  # a new environment, as each Pelican run has
        template.write_text(text, encoding="utf-8")
        settings = {"PATH": str(tmp_path / "content"), "JINJA_ENVIRONMENT": options}
        loader = FileSystemLoader(tmp_path / "templates")
        generator = SimpleNamespace(settings=settings, env=Environment(loader=loader, **options))
        keep_compiled_templates(generator)
        return generator.env.get_template("page.html").render(name="Ann")

    assert build("{% if 1 %}\nHello {{ name }}{% endif %}") == "\nHello Ann"
    assert build("{% if 1 %}\nBye {{ name }}{% endif %}") == "\nBye Ann"
    # Options that change the compiled code get compiled code of their own.
    kept = tmp_path / ".build" / "jinja"
    assert build("{% if 1 %}\nBye {{ name }}{% endif %}", trim_blocks=True) == "Bye Ann"
    assert len(list(kept.iterdir())) == 2


def without(pattern: str):
    """A route handler that serves the page with the markup matching `pattern` removed."""

    def handle(route):
        response = route.fetch()
        route.fulfill(response=response, body=re.sub(pattern, "", response.text(), flags=re.DOTALL))

    return handle


@pytest.mark.browser
@pytest.mark.parametrize(
    "path, pattern, message",
    [
        (
            "/search/",
            r'<ol class="search-result-list" data-search-list></ol>',
            "search-page: the results list (`[data-search-list]`) not found",
        ),
        (
            "/finder/",
            r'<template class="finder-card-template">.*?</template>',
            "finder: the card template (`template.finder-card-template`) not found",
        ),
    ],
)
def test_a_component_missing_its_markup_says_which(page, server, path, pattern, message):
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.route(server + path, without(pattern))
    page.goto(server + path)
    page.wait_for_function("() => document.readyState === 'complete'")
    page.wait_for_timeout(500)
    assert any(message in error for error in errors), errors
