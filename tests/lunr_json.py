"""Write a built index as one unsplit lunr.js 2.3.9 index, as lunr.py's Index.serialize does.

A test helper (the hub ships shards, never this file): tests compare it with lunr.py's own
output, which shows the builder's index is lunr's.
"""

import numpy as np
from hub_search.index_builder import LunrIndex

LUNR_JS_VERSION = "2.3.9"


def to_lunr_dict(index: LunrIndex) -> dict:
    names = [field.name for field in index.fields]
    field_count = len(names)
    docfield = index.row_doc.astype(np.int64) * field_count + index.row_field
    # Field vectors: one per (document, field) in insertion order, elements by term number.
    order = np.lexsort((index.row_term, docfield))
    starts = np.searchsorted(docfield[order], np.arange(len(index.refs) * field_count + 1))
    terms_sorted = index.row_term[order].tolist()
    weights_sorted = index.row_weight[order].tolist()
    field_vectors = []
    for number in range(len(index.refs) * field_count):
        start, end = int(starts[number]), int(starts[number + 1])
        elements = []
        for term, weight in zip(terms_sorted[start:end], weights_sorted[start:end]):
            elements += [term, weight]
        ref = index.refs[number // field_count]
        field_vectors.append([f"{names[number % field_count]}/{ref}", elements])
    # Inverted index: postings by term, each with every field and the term number.
    postings = [{name: {} for name in names} for _ in index.terms]
    for term, doc, field in zip(
        index.row_term.tolist(), index.row_doc.tolist(), index.row_field.tolist()
    ):
        postings[term][names[field]][index.refs[doc]] = {}
    for number, posting in enumerate(postings):
        posting["_index"] = number
    inverted = [
        [term, postings[number]]
        for term, number in sorted((t, n) for n, t in enumerate(index.terms))
    ]
    return {
        "version": LUNR_JS_VERSION,
        "fields": names,
        "fieldVectors": field_vectors,
        "invertedIndex": inverted,
        "pipeline": ["stemmer"],
    }
