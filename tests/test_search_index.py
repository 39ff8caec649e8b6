"""The search index: lunr.py's exact output, split into shards that lose nothing."""

import base64
import gzip
import json
import random
import types
from pathlib import Path

import pytest
from conftest import ROOT
from hub_search.documents import Page, collect, documents_from_records
from hub_search.index_builder import Document, Field, build_index
from hub_search.plugin import searchable_pages
from hub_search.records import read_published
from hub_search.sections import plain_text, split_sections
from hub_search.settings import DEFAULTS
from hub_search.synonyms import SynonymError, load_synonyms
from lunr import lunr
from lunr.index import Index as LunrPyIndex
from lunr_json import to_lunr_dict

FIELDS = [Field(name, boost) for name, boost in DEFAULTS["SEARCH_FIELDS"]]


def lunr_py(documents: list[Document], fields: list[Field]) -> dict:
    """The reference: lunr.py's own builder and serializer."""
    return lunr(
        "id",
        [{"field_name": f.name, "boost": f.boost} for f in fields],
        [
            ({"id": d.ref, **d.fields}, {"boost": d.boost} if d.boost != 1 else {})
            for d in documents
        ],
    ).serialize()


def published(site: Path) -> tuple[dict, Path]:
    folder = site / "search" / "index"
    return json.loads((folder / "manifest.json").read_text()), folder


def published_documents(site: Path) -> list[Document]:
    return documents_from_records(read_published(site / "search" / "index"))


TRICKY = [
    "Don't (panic) — it's fine… naïve café 😀 e-mail well-being",
    "THE and of a to: stop words only",
    "tabs\tand\nnew\xa0lines   and -- dashes - here",
    "“Smart quotes” and ‘single’ ones; 50% £100 #tag @name C++ x.y.z",
    "",
    "   ",
    "日本語のテキスト ελληνικά русский текст",
]


def test_builder_writes_exactly_what_lunr_py_writes(site):
    documents = published_documents(site)
    rng = random.Random(7)
    for number, text in enumerate(TRICKY):
        documents.append(
            Document(
                str(len(documents)),
                {
                    "title": text,
                    "heading": rng.choice(TRICKY),
                    "body": " ".join(TRICKY[: number + 1]),
                    "summary": "",
                    "tags": text,
                },
                boost=rng.choice([1, 2, 0.5]),
            )
        )
    mine = json.dumps(to_lunr_dict(build_index(documents, FIELDS)))
    assert mine == json.dumps(lunr_py(documents, FIELDS))


def test_field_boosts_rank_title_over_heading_over_tags_over_body():
    boosts = dict(DEFAULTS["SEARCH_FIELDS"])
    assert boosts["title"] > boosts["heading"] > boosts["tags"] > boosts["body"]


def decode_tier(raw) -> list[tuple[int, int, int]]:
    rows = []
    for field, deltas, weights in raw:
        doc = 0
        for delta, weight in zip(deltas, weights):
            doc += delta
            rows.append((doc, field, weight))
    return rows


def decode_members(raw, size: int) -> set[int]:
    if isinstance(raw, str):
        data = base64.b64decode(raw)
        return {i for i in range(size) if data[i // 8] >> (i % 8) & 1}
    docs, doc = set(), 0
    for delta in raw:
        doc += delta
        docs.add(doc)
    return docs


def all_heads(folder: Path, manifest: dict) -> dict:
    heads = {}
    for first, name in manifest["shards"]:
        for head in json.loads((folder / name).read_text()):
            assert head[0] >= first
            heads[head[0]] = head
    return heads


def test_shards_hold_every_posting_of_the_unsplit_index(site):
    manifest, folder = published(site)
    reference = to_lunr_dict(build_index(published_documents(site), FIELDS))
    fields = reference["fields"]
    heads = all_heads(folder, manifest)
    assert set(heads) == {term for term, _ in reference["invertedIndex"]}
    vectors = {
        ref: dict(zip(elements[::2], elements[1::2])) for ref, elements in reference["fieldVectors"]
    }
    size = manifest["documents"]
    for term, posting in reference["invertedIndex"]:
        _, number, first, members, tails = heads[term]
        assert number == posting["_index"]
        tiers = [decode_tier(first)] + [
            decode_tier(json.loads((folder / name).read_text())) for name, _ in tails
        ]
        rows = [row for tier in tiers for row in tier]
        expected = {(int(ref), fields.index(field)) for field in fields for ref in posting[field]}
        assert {(doc, field) for doc, field, _ in rows} == expected
        for doc, field, weight in rows:
            assert weight / 1000 == vectors[f"{fields[field]}/{doc}"][number]
        if tails:
            assert decode_members(members, size) == {doc for doc, _, _ in rows}
            impact = {}
            for position, tier in enumerate(tiers):
                for doc, _, weight in tier:
                    impact[doc] = (position, impact.get(doc, (position, 0))[1] + weight)
            # Each tail's cut bounds every impact from that tail on, and no earlier one is lower.
            for position, (_, cut) in enumerate(tails, start=1):
                later = [w for tier, w in impact.values() if tier >= position]
                earlier = [w for tier, w in impact.values() if tier < position]
                assert max(later) == cut
                assert min(earlier) >= cut
        else:
            assert members == 0


def shard_for(manifest, term: str) -> int:
    firsts = [first.encode("utf-16-be", "surrogatepass") for first, _ in manifest["shards"]]
    key = term.encode("utf-16-be", "surrogatepass")
    return max([i for i, first in enumerate(firsts) if first <= key], default=-1)


def partial_index(manifest, folder, terms: list[str], fields) -> LunrPyIndex:
    """A lunr.py index from the shards of `terms` alone, every tier loaded."""
    inverted, vectors = [], {}
    for term in sorted(set(terms)):
        number = shard_for(manifest, term)
        heads = {h[0]: h for h in json.loads((folder / manifest["shards"][number][1]).read_text())}
        if term not in heads:
            continue
        _, index, first, _, tails = heads[term]
        posting = {field: {} for field in fields}
        posting["_index"] = index
        raw_tiers = [first] + [json.loads((folder / name).read_text()) for name, _ in tails]
        for doc, field, weight in [row for raw in raw_tiers for row in decode_tier(raw)]:
            posting[fields[field]][str(doc)] = {}
            vectors.setdefault(f"{fields[field]}/{doc}", []).append((index, weight / 1000))
        inverted.append([term, posting])
    field_vectors = [
        [ref, [x for pair in sorted(pairs) for x in pair]] for ref, pairs in vectors.items()
    ]
    return LunrPyIndex.load(
        {
            "version": "2.3.9",
            "fields": fields,
            "fieldVectors": field_vectors,
            "invertedIndex": inverted,
            "pipeline": ["stemmer"],
        }
    )


QUERIES = [
    "fit note",
    "phased return to work",
    "anxiety",
    "sick pay statutory",
    "interview",
    "access work funding",
    "depression",
    "buddy",
    "occupational health advice line",
    "confidential disclosure consent",
    "title:fit",
    "+phased return",
    "return -phased",
    "heading:pitfalls",
    "employer^3 support",
    "quiet workspace noise",
    "training charter",
    "nothingmatchesthis",
    "hr",
    "line manager",
    "mental health first aid",
]


@pytest.mark.slow  # 30 queries over every shard
@pytest.mark.parametrize("query", QUERIES)
def test_a_query_over_its_shards_ranks_as_the_unsplit_index(site, query):
    manifest, folder = published(site)
    documents = published_documents(site)
    full = LunrPyIndex.load(lunr_py(documents, FIELDS))
    fields = manifest["fields"]
    words = [w.split(":")[-1].lstrip("+-").split("^")[0] for w in query.split()]
    terms = [full.pipeline.run_string(w)[0] for w in words]
    part = partial_index(manifest, folder, terms, fields)

    # Equal scores have no order of their own in lunr (it keeps its postings' order, which the
    # shards store by impact): compare ties by document number.
    def ranked(results):
        return sorted(((r["ref"], r["score"]) for r in results), key=lambda r: (-r[1], int(r[0])))

    assert ranked(part.search(query)) == ranked(full.search(query))


def test_each_section_is_a_document_linking_to_its_anchor(site):
    manifest, folder = published(site)
    records = read_published(folder)
    fit_notes = [r for r in records if r["u"].startswith("guidance/fit-notes/")]
    html = (site / "guidance" / "fit-notes" / "index.html").read_text()
    assert fit_notes[0]["u"] == "guidance/fit-notes/" and fit_notes[0]["s"]
    anchors = [r["u"].split("#")[1] for r in fit_notes[1:]]
    assert anchors and all(f'id="{anchor}"' in html for anchor in anchors)
    assert all(r["t"] == "Fit notes" and r["h"] for r in fit_notes[1:])
    # Types are contiguous ranges, in the order of the filter.
    kinds = [r["k"] for r in records]
    assert [t[0] for t in manifest["types"]] == sorted(set(kinds), key=kinds.index)
    for kind, _, start, end in manifest["types"]:
        assert set(kinds[start:end]) == {kind}


def test_larger_search_files_have_gzip_copies_with_the_same_bytes(site):
    manifest, folder = published(site)
    names = ["manifest.json"] + [name for _, name in manifest["shards"]]
    for name in names:
        path = folder / name
        if path.stat().st_size >= 600:
            assert gzip.decompress((folder / (name + ".gz")).read_bytes()) == path.read_bytes()
    for _, name in manifest["shards"]:
        # Shards are named by their content, so browsers may cache them for ever.
        import hashlib

        digest = hashlib.blake2b((folder / name).read_bytes(), digest_size=8).hexdigest()
        assert name == f"s/{digest}.json"


def test_no_page_loads_search_code_until_asked(site):
    for path in [site / "index.html", site / "guidance" / "fit-notes" / "index.html"]:
        html = path.read_text()
        assert "search.js" not in html and "lunr" not in html
    assert (site / "theme" / "js" / "lunr.min.js").read_bytes() == (
        ROOT / "node_modules" / "lunr" / "lunr.min.js"
    ).read_bytes()


def test_sections_split_at_h2_and_h3_with_plain_text():
    html = (
        '<p>Intro &amp; more</p><h2 id="a">First <em>one</em></h2><p>Body</p><ul><li>x</li>'
        '<li>y</li></ul><h3 id="b">Sub</h3><p>It&rsquo;s<br>here</p><script>bad()</script>'
        "<h2>No id</h2><p>End</p>"
    )
    sections = split_sections(html)
    assert [(s.anchor, s.heading, s.text) for s in sections] == [
        ("", "", "Intro & more"),
        ("a", "First one", "Body x y"),
        ("b", "Sub", "It's here"),
        ("", "No id", "End"),
    ]
    assert plain_text("<p>a</p><p>b</p>") == "a b"


def test_summary_and_tags_belong_to_the_opening_document_only():
    page = Page(
        url="guidance/x/",
        title="X",
        kind="guidance",
        summary="<p>Sum</p>",
        tags=["Tag one"],
        html="<p>Intro</p><h2 id='s'>S</h2><p>Text</p>",
        boost=2,
    )
    other = Page(url="case-studies/y/", title="Y", kind="case-studies", html="<p>Y</p>")
    collection = collect([other, page], ["guidance", "case-studies"])
    first, second, third = collection.documents
    assert first.fields["summary"] == "Sum" and first.fields["tags"] == "Tag one"
    assert second.fields["summary"] == "" and second.fields["heading"] == "S"
    assert first.boost == second.boost == 2 and third.fields["title"] == "Y"
    assert collection.type_ranges == [["guidance", 0, 2], ["case-studies", 2, 3]]


def article(**fields):
    defaults = {
        "url": "guidance/a/",
        "title": "A",
        "_content": "<p>x</p>",
        "summary": "S",
        "kind": "guidance",
    }
    return types.SimpleNamespace(**{**defaults, **fields})


def test_front_matter_can_boost_or_exclude_a_page():
    context = {
        "articles": [article(search_boost="3"), article(url="guidance/b/", search_exclude="true")],
        "pages": [article(url="about/")],
        "PATH": str(ROOT / "content"),
    }
    pages = searchable_pages(context)
    assert [(p.url, p.boost, p.kind) for p in pages if p.kind in ("guidance", "pages")] == [
        ("guidance/a/", 3.0, "guidance"),
        ("about/", 1, "pages"),
    ]
    # Besides articles and pages: each glossary term, linking to its anchor.
    assert "glossary/#term-buddy" in [p.url for p in pages if p.kind == "glossary"]


def test_the_synonym_list_covers_the_lay_words_managers_use():
    synonyms = dict(load_synonyms(ROOT / "content" / "data" / "synonyms.toml"))
    pairs = [
        ("sick note", "fit note"),
        ("off sick", "sickness absence"),
        ("hr", "human resources"),
        ("organize", "organise"),
        ("gradual return", "phased return"),
    ]
    for typed, ours in pairs:
        assert ours in synonyms[typed], typed


def test_a_bad_synonym_line_names_the_file_and_line(tmp_path):
    path = tmp_path / "synonyms.toml"
    path.write_text('"sick note" = "fit note"\n"hr" = 3\n', encoding="utf-8")
    with pytest.raises(SynonymError, match=r"line 2: 'hr' must equal"):
        load_synonyms(path)
    path.write_text('"sick note" = \n', encoding="utf-8")
    with pytest.raises(SynonymError, match="line 1"):
        load_synonyms(path)
