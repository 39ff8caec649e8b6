"""The catalogue as open data: the JSON meets its schema, the CSV holds the same rows, and a
page says what the files are."""

import csv
import io
import json

import jsonschema
from bs4 import BeautifulSoup
from conftest import ROOT


def load(site, name):
    return (site / "data" / name).read_text(encoding="utf-8")


def test_the_json_meets_its_schema_and_holds_every_adjustment(site):
    data = json.loads(load(site, "adjustments.json"))
    schema = json.loads(load(site, "adjustments.schema.json"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    files = sorted(p.stem for p in (ROOT / "content" / "adjustments").glob("*.md"))
    assert [r["slug"] for r in data["adjustments"]] == files
    headphones = next(r for r in data["adjustments"] if r["slug"] == "noise-reducing-headphones")
    assert {
        "key": "concentration",
        "label": "Finding it hard to concentrate",
        "relevance": 3,
    } in headphones["difficulties"]
    assert headphones["situations"][0]["key"] == "noise-and-interruptions"
    assert headphones["fit"]["customer-facing"] >= 1, "headsets help at a phone desk"
    assert any(s["url"] == "https://askjan.org/" for s in headphones["sources"])


def test_a_record_that_breaks_the_schema_is_caught(site):
    """The schema has teeth: a relevance of 5 or a missing field does not pass."""
    schema = json.loads(load(site, "adjustments.schema.json"))
    record = json.loads(load(site, "adjustments.json"))["adjustments"][0]
    bad_score = dict(record, difficulties=[dict(record["difficulties"][0], relevance=5)])
    missing = {k: v for k, v in record.items() if k != "sources"}
    for bad in (bad_score, missing):
        errors = list(jsonschema.Draft202012Validator(schema).iter_errors({"adjustments": [bad]}))
        assert errors


def test_the_csv_has_the_same_rows_as_the_json(site):
    records = json.loads(load(site, "adjustments.json"))["adjustments"]
    rows = list(csv.DictReader(io.StringIO(load(site, "adjustments.csv"), newline="")))
    assert [r["slug"] for r in rows] == [r["slug"] for r in records]
    for row, record in zip(rows, records, strict=True):
        assert row["title"] == record["title"] and row["summary"] == record["summary"]
        assert row["difficulties"] == ", ".join(
            f"{d['key']} {d['relevance']}" for d in record["difficulties"]
        )
        assert row["situations"] == ", ".join(
            f"{s['key']} {s['relevance']}" for s in record["situations"]
        )
        assert row["fit"] == ", ".join(f"{k} {v}" for k, v in record["fit"].items())
        assert row["cost_band"] == record["cost_band"]
        assert row["access_to_work"] == ("yes" if record["access_to_work"] else "no")
        assert row["sources"].split(" | ") == [
            f"{s['label']} <{s['url']}>" if s["url"] else s["label"] for s in record["sources"]
        ]
        assert (row["reviewed"], row["review_due"]) == (record["reviewed"], record["review_due"])


def test_the_open_data_page_links_the_files_and_states_the_licence(site):
    page = BeautifulSoup((site / "open-data" / "index.html").read_text("utf-8"), "lxml")
    hrefs = {a["href"] for a in page.select("main a")}
    assert {
        "/data/adjustments.json",
        "/data/adjustments.csv",
        "/data/adjustments.schema.json",
    } <= hrefs
    licence = json.loads((site / "data" / "adjustments.json").read_text("utf-8"))["licence"]
    assert licence["url"] in hrefs, "the page links the licence the JSON names"
    text = " ".join(page.get_text(" ").split())
    assert "CC BY 4.0" in licence["name"] and "(CC BY 4.0)" in text and "How to cite it" in text
