"""Split a built index into term-range shards that the browser fetches only as a query needs.

Each term's postings are ordered by impact (the sum of the term's weights in a document's
fields) and cut into tiers: the first tier sits in the term's head, in a shard with its
neighbours in term order; later tiers are files of their own, each with the highest impact
left in it (its cut). A term with tails also carries its membership: every document that
holds it. With heads, cuts and memberships the browser knows exactly which documents match,
how many there are of each type, and when the best ones are certain, so most queries need
only heads. Loading every tier of a term gives back all of its postings (tests check this).

File formats (JSON; numbers are integers, weights are lunr's weights times 1000):
- tier: [[field, [document deltas], [weights]], ...], documents ascending per field.
- head: [term, term number, first tier, membership or 0, [[tail file, cut], ...]];
  membership is a base64 bitmap (bit d set: document d holds the term, least significant
  bit first) or a list of document deltas.
- shard: [head, ...] in JavaScript's string order (UTF-16 code units).
"""

import base64
import json
from dataclasses import dataclass, field

import numpy as np

from .index_builder import LunrIndex
from .index_types import ShardOptions


@dataclass
class ShardSet:
    shards: list[tuple[str, str]]  # (first term, JSON text) in term order
    tails: dict[tuple[int, int], str] = field(default_factory=dict)  # (term, tier) -> name
    heads: dict[int, str] = field(default_factory=dict)  # term -> head JSON


def js_order(term: str) -> bytes:
    """Sort key matching JavaScript's string comparison (UTF-16 code units)."""
    return term.encode("utf-16-be", "surrogatepass")


def tier_bounds(options: ShardOptions, largest: int) -> np.ndarray:
    bounds, size = [0], options.first_tier
    while bounds[-1] < largest:
        bounds.append(bounds[-1] + size)
        size *= options.growth
    return np.array(bounds, dtype=np.int64)


def split_index(
    index: LunrIndex,
    options: ShardOptions | None = None,
    tail_name=lambda term, tier, text: f"{term}-{tier}",
) -> ShardSet:
    """Heads grouped into shards and tails as separate texts; tail_name names a tail file."""
    options = options or ShardOptions()
    term_count, doc_count = len(index.terms), index.document_count
    # Rows by term, then document, then field (32-bit columns keep 10,000 pages small).
    order = np.lexsort((index.row_field, index.row_doc, index.row_term))
    r_term = index.row_term[order].astype(np.int32)
    r_doc = index.row_doc[order].astype(np.int32)
    r_field = index.row_field[order]
    r_milli = np.rint(index.row_weight[order] * 1000).astype(np.int32)
    del order
    # Groups: one per (term, document), with its impact (the sum of its field weights).
    new = np.ones(len(r_term), dtype=bool)
    new[1:] = (r_term[1:] != r_term[:-1]) | (r_doc[1:] != r_doc[:-1])
    g_start = np.flatnonzero(new).astype(np.int32)
    del new
    g_term, g_doc = r_term[g_start], r_doc[g_start]
    g_impact = (
        np.add.reduceat(r_milli, g_start).astype(np.int32)
        if len(g_start)
        else np.zeros(0, np.int32)
    )
    g_count = np.bincount(g_term, minlength=term_count)  # documents per term
    g_first = np.concatenate(([0], np.cumsum(g_count)))
    # Rank of each group within its term by impact (highest first, then document number).
    by_impact = np.lexsort((g_doc, -g_impact, g_term))
    rank = np.empty(len(by_impact), dtype=np.int32)
    rank[by_impact] = np.arange(len(by_impact), dtype=np.int32) - g_first[g_term[by_impact]]
    del by_impact
    bounds = tier_bounds(options, int(g_count.max()) if term_count else 0)
    g_tier = (np.searchsorted(bounds, rank, side="right") - 1).astype(np.int8)
    del rank
    # A term barely over the first tier keeps everything in its head.
    g_tier[g_count[g_term] <= options.first_tier * 5 // 4] = 0
    # The cut of each (term, tier): the highest impact in that tier.
    g_tier_impact = np.zeros((term_count, len(bounds)), dtype=np.int64)
    np.maximum.at(g_tier_impact, (g_term, g_tier), g_impact)
    tiers_of_term = np.zeros(term_count, dtype=np.int64)
    np.maximum.at(tiers_of_term, g_term, g_tier)
    members_of = {
        number: np.sort(g_doc[g_first[number] : g_first[number + 1]])
        for number in np.flatnonzero(tiers_of_term).tolist()
    }
    del g_impact, g_doc

    # Rows by term, tier, field, document: each run is one field list of one tier.
    r_tier = np.repeat(g_tier, np.diff(np.append(g_start, len(r_term))))
    del g_start, g_term, g_tier
    order = np.lexsort((r_doc, r_field, r_tier, r_term))
    t2, k2, f2 = r_term[order], r_tier[order], r_field[order]
    d2, w2 = r_doc[order], r_milli[order]
    del order, r_term, r_tier, r_field, r_doc, r_milli
    run = np.ones(len(t2), dtype=bool)
    run[1:] = (t2[1:] != t2[:-1]) | (k2[1:] != k2[:-1]) | (f2[1:] != f2[:-1])
    delta = d2.copy()
    delta[1:] -= d2[:-1]
    delta[run] = d2[run]
    del d2
    run_start = np.flatnonzero(run).tolist() + [len(t2)]
    run_term, run_tier, run_field = t2[run].tolist(), k2[run].tolist(), f2[run].tolist()
    del run, t2, k2, f2

    tier_text: dict[tuple[int, int], list[str]] = {}
    for n in range(len(run_term)):
        a, b = run_start[n], run_start[n + 1]
        tier_text.setdefault((run_term[n], run_tier[n]), []).append(
            f"[{run_field[n]},[{','.join(map(str, delta[a:b].tolist()))}],"
            f"[{','.join(map(str, w2[a:b].tolist()))}]]"
        )
    del delta, w2

    result = ShardSet(shards=[])
    for term_number in sorted(range(term_count), key=lambda n: js_order(index.terms[n])):
        tiers = int(tiers_of_term[term_number])
        first = "[" + ",".join(tier_text.pop((term_number, 0), [])) + "]"
        members, tails = "0", []
        if tiers:
            members = membership(members_of.pop(term_number), doc_count)
            for tier in range(1, tiers + 1):
                text = "[" + ",".join(tier_text.pop((term_number, tier))) + "]"
                name = tail_name(term_number, tier, text)
                result.tails[(term_number, tier)] = name
                tails.append([name, int(g_tier_impact[term_number, tier])])
        result.heads[term_number] = (
            f"[{json.dumps(index.terms[term_number])},{term_number},"
            f"{first},{members},{json.dumps(tails)}]"
        )
    result.shards = group_heads(result.heads, index.terms, options.shard_bytes)
    return result


def membership(docs: np.ndarray, doc_count: int) -> str:
    """The smaller of a bitmap (as base64) and a list of document deltas."""
    if len(docs) * 16 > doc_count:
        bits = np.zeros(doc_count, dtype=np.uint8)
        bits[docs] = 1
        packed = np.packbits(bits, bitorder="little").tobytes()
        return '"' + base64.b64encode(packed).decode("ascii") + '"'
    deltas = np.diff(docs, prepend=0).tolist()
    return "[" + ",".join(map(str, deltas)) + "]"


def group_heads(heads: dict[int, str], terms: list[str], target: int) -> list[tuple[str, str]]:
    """Consecutive heads (in term order) into shards of about `target` characters."""
    shards, current, size = [], [], 0
    for number in sorted(heads, key=lambda n: js_order(terms[n])):
        text = heads[number]
        if current and size + len(text) > target:
            shards.append(current)
            current, size = [], 0
        current.append((terms[number], text))
        size += len(text) + 1
    if current:
        shards.append(current)
    return [(group[0][0], "[" + ",".join(text for _, text in group) + "]") for group in shards]
