"""Pages become search documents: one for each page's opening and one for each h2/h3 section.

Every document carries its page's title, so a query that names the page and a detail in one
section finds that section. Summary and tags belong to the opening document only (they
describe the page as a whole). Documents are numbered by content type, then URL, so each
type is one range of numbers: the browser counts results by type from the numbers alone.
"""

from dataclasses import dataclass, field

from .index_types import Document
from .sections import plain_text, split_sections


@dataclass
class Page:
    url: str  # site-relative, e.g. "guidance/fit-notes/"
    title: str
    kind: str  # a key of the content types, e.g. "guidance"
    html: str  # the rendered body
    summary: str = ""  # HTML or text
    tags: list[str] = field(default_factory=list)
    boost: float = 1
    # Values a reader can filter on: [facet key, facet label, value key, value label], e.g.
    # ["sector", "Sector", "health", "Health and social care"] (case studies).
    facets: list[list[str]] = field(default_factory=list)


@dataclass
class Collection:
    documents: list[Document]
    records: list[dict]  # what the browser shows for each document
    type_ranges: list[list]  # [kind, first document, end document] in type order
    page_starts: list[int]  # first document of each page, in order
    facets: list[list] = field(default_factory=list)  # see facet_lists


def collect(pages: list[Page], kinds: list[str], skip_headings=()) -> Collection:
    rank = {kind: number for number, kind in enumerate(kinds)}
    pages = sorted((p for p in pages if p.kind in rank), key=lambda p: (rank[p.kind], p.url))
    documents, records, page_starts = [], [], []
    ranges = {kind: [kind, 0, 0] for kind in kinds}
    for page in pages:
        first = len(documents)
        page_starts.append(first)
        sections = split_sections(page.html)
        sections = sections[:1] + [s for s in sections[1:] if s.heading not in skip_headings]
        outline = [[s.heading, s.anchor] for s in sections[1:]]
        title = plain_text(page.title)
        for position, section in enumerate(sections):
            lead = position == 0
            fields = {
                "title": title,
                "heading": section.heading,
                "body": section.text,
                "summary": plain_text(page.summary) if lead else "",
                "tags": ", ".join(page.tags) if lead else "",
            }
            documents.append(Document(str(len(documents)), fields, page.boost))
            records.append(record(page, section, fields, first, outline))
        kind_range = ranges[page.kind]
        if kind_range[1] == kind_range[2]:
            kind_range[1] = first
        kind_range[2] = len(documents)
    type_ranges = [ranges[k] for k in kinds if ranges[k][2]]
    return Collection(documents, records, type_ranges, page_starts, facet_lists(pages))


def facet_lists(pages: list[Page]) -> list[list]:
    """[[facet key, label, [[value key, label, [page numbers]], ...]], ...] in the order the
    pages first name them: the browser filters results by page number."""
    facets: dict[str, list] = {}
    for number, page in enumerate(pages):
        for facet, facet_label, value, value_label in page.facets:
            values = facets.setdefault(facet, [facet, facet_label, {}])[2]
            values.setdefault(value, [value, value_label, []])[2].append(number)
    return [[key, label, list(values.values())] for key, label, values in facets.values()]


def record(page: Page, section, fields: dict, first: int, outline: list) -> dict:
    """Short keys: a result shows title, heading and a snippet; outline gives sibling links."""
    anchor = f"#{section.anchor}" if section.anchor else ""
    data = {
        "u": page.url + anchor,
        "t": fields["title"],
        "h": fields["heading"],
        "k": page.kind,
        "x": fields["body"],
        "p": first,
        "o": outline,
    }
    if fields["summary"]:
        data["s"] = fields["summary"]
    if fields["tags"]:
        data["g"] = fields["tags"]
    if page.boost != 1:
        data["b"] = page.boost
    return data


def documents_from_records(records: list[dict]) -> list[Document]:
    """The indexed documents, rebuilt from the published records (tests and benchmarks):
    the published records are exactly what was indexed."""
    return [
        Document(
            str(number),
            {
                "title": r["t"],
                "heading": r["h"],
                "body": r["x"],
                "summary": r.get("s", ""),
                "tags": r.get("g", ""),
            },
            r.get("b", 1),
        )
        for number, r in enumerate(records)
    ]
