"""What the browser shows for a result, packed a few sections at a time.

A result needs its page's title, URL and type and its section's heading, anchor and text (for
the snippet, the marked words and the phrase check). One file per section would be smallest
to fetch but makes tens of thousands of files, and creating files is much of a build's cost;
one file per page would be large for long pages. So consecutive sections of one page share a
pack of at most about `pack_bytes` (one section may be larger alone).

Pack: {"d": first document, "p": the page's first document, "t": title, "u": page URL,
"k": type, "o": [[heading, anchor], ...] every section of the page after the opening,
"r": [[heading, anchor, text, {"s": summary, "g": tags, "b": boost}?], ...]}.
"""

import json


def pack_records(records: list[dict], pack_bytes: int) -> list[dict]:
    packs, current, size = [], None, 0
    for number, record in enumerate(records):
        url, _, anchor = record["u"].partition("#")
        row = [record["h"], anchor, record["x"]]
        extra = {key: record[key] for key in ("s", "g", "b") if key in record}
        if extra:
            row.append(extra)
        row_size = len(json.dumps(row, ensure_ascii=False))
        if current is None or current["p"] != record["p"] or size + row_size > pack_bytes:
            current = {
                "d": number,
                "p": record["p"],
                "t": record["t"],
                "u": url,
                "k": record["k"],
                "o": record["o"],
                "r": [],
            }
            packs.append(current)
            size = 0
        current["r"].append(row)
        size += row_size
    return packs


def record_links(pack: dict) -> list[str]:
    """Every URL a pack of records sends readers to: its page and each section's anchor.
    The link check reads the packs with this (plugin.py adds it to the kernel's data_readers)."""
    anchors = [row[1] for row in pack["r"]] + [anchor for _, anchor in pack["o"]]
    return [pack["u"]] + [f"{pack['u']}#{anchor}" for anchor in anchors if anchor]


def unpack_records(packs: list[dict]) -> list[dict]:
    """Per-document records again (tests and benchmarks rebuild the documents from them)."""
    records = []
    for pack in packs:
        for heading, anchor, text, *extra in pack["r"]:
            record = {
                "u": pack["u"] + (f"#{anchor}" if anchor else ""),
                "t": pack["t"],
                "h": heading,
                "k": pack["k"],
                "x": text,
                "p": pack["p"],
                "o": pack["o"],
            }
            record.update(extra[0] if extra else {})
            records.append(record)
    return records


def read_published(index_folder) -> list[dict]:
    """Every document's record from a written index folder (tests and benchmarks)."""
    from pathlib import Path

    folder = Path(index_folder)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    packs = manifest["records"]
    return unpack_records(
        [
            json.loads((folder / packs["folder"] / f"{n}.json").read_text(encoding="utf-8"))
            for n in range(len(packs["sizes"]))
        ]
    )
