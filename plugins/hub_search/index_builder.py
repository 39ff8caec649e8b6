"""Build a lunr index from documents: the same terms, term numbers and scores as lunr.py.

lunr.py's Builder spends most of its time in Python objects per token (Token, Vector, dicts
of dicts). This builder counts terms with C-level Counters, caches the text pipeline and
computes every BM25 score at once with numpy, following lunr.py's formula operation by
operation so each float is bit-for-bit the same (tests compare the two on real content).
"""

import math
from array import array
from collections import Counter
from dataclasses import dataclass

import numpy as np

from .index_types import Document, Field
from .text_pipeline import TermCache, terms_of

K1 = 1.2
B = 0.75


@dataclass
class LunrIndex:
    """A built index as flat arrays, one row per (document, field, term) that occurs.

    Rows are in lunr.py's insertion order: documents in order, fields in order, terms in the
    order they first occur in the field. Term numbers are lunr's `_index`: the order in which
    terms were first met in the whole collection.
    """

    fields: list[Field]
    refs: list[str]
    terms: list[str]  # term number -> term
    row_doc: np.ndarray  # int32
    row_field: np.ndarray  # int8
    row_term: np.ndarray  # int32
    row_weight: np.ndarray  # float64, rounded to 3 decimals as lunr.py does

    @property
    def document_count(self) -> int:
        return len(self.refs)


def build_index(
    documents: list[Document], fields: list[Field], cache: TermCache | None = None
) -> LunrIndex:
    cache = TermCache() if cache is None else cache
    field_count = len(fields)
    term_numbers: dict[str, int] = {}
    row_term, row_tf = array("i"), array("i")
    rows_per_docfield, docfield_length = array("i"), array("i")
    total_length = [0] * field_count
    doc_boosts = array("d")
    known = term_numbers.keys()
    for document in documents:
        doc_boosts.append(float(document.boost))
        for position, field in enumerate(fields):
            text = document.fields.get(field.name)
            if not text:
                rows_per_docfield.append(0)
                docfield_length.append(0)
                continue
            terms = terms_of(text, cache)
            counts = Counter(terms)
            length = len(terms) - counts.pop(None, 0)
            total_length[position] += length
            if not counts.keys() <= known:  # new terms: numbered in first-occurrence order
                for term in counts:
                    if term not in term_numbers:
                        term_numbers[term] = len(term_numbers)
            row_term.extend(map(term_numbers.__getitem__, counts))
            row_tf.extend(counts.values())
            rows_per_docfield.append(len(counts))
            docfield_length.append(length)

    doc_count = len(documents)
    per_docfield = np.frombuffer(rows_per_docfield, dtype=np.int32)
    row_len = np.repeat(np.frombuffer(docfield_length, dtype=np.int32), per_docfield)
    docfield = np.repeat(np.arange(doc_count * field_count, dtype=np.int64), per_docfield)
    row_doc = (docfield // field_count).astype(np.int32)
    row_field = (docfield % field_count).astype(np.int8)
    terms_np = np.frombuffer(row_term, dtype=np.int32)
    weights = _weights(
        terms_np,
        np.frombuffer(row_tf, dtype=np.int32),
        row_len,
        row_doc,
        row_field,
        fields,
        total_length,
        np.frombuffer(doc_boosts, dtype=np.float64),
        doc_count,
        len(term_numbers),
    )
    return LunrIndex(
        fields=list(fields),
        refs=[d.ref for d in documents],
        terms=list(term_numbers),
        row_doc=row_doc,
        row_field=row_field,
        row_term=terms_np.copy(),
        row_weight=weights,
    )


def _weights(
    row_term,
    row_tf,
    row_len,
    row_doc,
    row_field,
    fields,
    total_length,
    doc_boosts,
    doc_count,
    term_count,
):
    """lunr.py's Builder._create_field_vectors, vectorised with the same operation order."""
    if len(row_term) == 0:
        return np.zeros(0)
    # lunr.py's idf counts (document, field) pairs; math.log keeps its exact rounding.
    pairs = np.bincount(row_term, minlength=term_count).tolist()
    idf = np.array([math.log(1 + abs((doc_count - n + 0.5) / (n + 0.5))) for n in pairs])
    average = np.array([total / doc_count for total in total_length])
    boosts = np.array([field.boost for field in fields], dtype=np.float64)
    tf = row_tf.astype(np.float64)
    score = idf[row_term] * ((K1 + 1) * tf)
    score = score / (K1 * (1 - B + B * (row_len / average[row_field])) + tf)
    score = score * boosts[row_field]
    score = score * doc_boosts[row_doc]
    return round3(score)


def round3(values: np.ndarray) -> np.ndarray:
    """Python's round(x, 3) for each value: numpy where safe, Python itself near a tie."""
    scaled = values * 1000
    rounded = np.rint(scaled) / 1000
    near_tie = np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6
    for i in np.flatnonzero(near_tie).tolist():
        rounded[i] = round(float(values[i]), 3)
    return rounded
