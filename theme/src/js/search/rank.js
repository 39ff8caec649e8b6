// Top-k ranking over the sharded index: exactly lunr's results and scores, from as few
// tiers as will settle them. The first tier of each term usually settles the best results
// (an upper bound on everything not yet loaded proves it); more tiers load only when not.

import { PRESENCE, copyClause, expand, lunr } from "./lunr.js";

// Rank the documents matching `clauses` (lunr.Query clauses) until `enough(confirmed)` says
// the confirmed best results suffice, or every posting is loaded. `keep(doc)` filters;
// `words` ({groups, need, pages} from query.js and search.js) are the word groups a
// document's page must have besides lunr's own rules: `need` of them (all when not given);
// `pages`, when given, the only pages that may match (the chosen facets').
// Resolves to {results: [{ref, score, matchData}], total, pagesByType, exhausted, plan}.
export function rank(index, clauses, enough, keep, words) {
  keep = keep || (() => true);
  const settleWhenLoaded = () => {
    const plan = expandAll(index, clauses, words);
    // Another query may have loaded vocabulary meanwhile: fetch any head still missing.
    const missing = plan.terms.concat(plan.prohibited).filter((term) => !(term in index.heads));
    if (missing.length) {
      return Promise.all(missing.map((t) => index.loadShard(index.shardFor(t))))
        .then(settleWhenLoaded);
    }
    return settle(index, plan, enough, keep).then((ranked) => Object.assign(ranked, { plan }));
  };
  return index.loadHeads(clauses).then(settleWhenLoaded);
}

// The index terms each clause stands for, and what the query asks of them.
export function expandAll(index, clauses, words) {
  const termSets = index.termSets, allFields = index.fields.length;
  const plan = { clauses, scoring: [], boosts: Object.create(null), required: [],
                 prohibited: [], prohibitedSets: [], terms: [], everyField: true,
                 impossible: false, expanded: [], groups: [] };
  clauses.forEach((clause) => {
    let expanded = [];
    const terms = index.clauseTerms(clause);
    for (let i = 0; i < terms.length; i++) {
      const found = expand(termSets, clause, terms[i]);
      if (found.length === 0 && clause.presence === PRESENCE.REQUIRED) {
        plan.impossible = true;
        break;
      }
      expanded = expanded.concat(found);
    }
    if (clause.fields.length !== allFields) { plan.everyField = false; }
    if (clause.presence === PRESENCE.PROHIBITED) {
      plan.prohibited = plan.prohibited.concat(expanded);
      plan.prohibitedSets.push({ fields: clause.fields, terms: expanded });
    } else {
      plan.scoring.push(clause);
      expanded.forEach((term) => {
        plan.boosts[term] = (plan.boosts[term] || 0) + clause.boost;
      });
    }
    if (clause.presence === PRESENCE.REQUIRED) { plan.required.push(expanded); }
    plan.expanded.push(expanded);
  });
  plan.terms = Object.keys(plan.boosts);
  // Each group's alternatives, each a list of slots, each slot the terms that match its word.
  const groups = (words && words.groups) || [];
  plan.groups = groups.map((group) => group.alternatives.map((slots) => slots.map(
    (slot) => Array.from(new Set(slot.flatMap((i) => plan.expanded[i] || []))))));
  plan.need = words && words.need !== undefined ? words.need : groups.length;
  plan.pages = (words && words.pages) || null;
  return plan;
}

// One byte per document: 1 where it has a term of `terms`.
function anyOf(index, terms) {
  const bits = new Uint8Array(index.size);
  terms.forEach((term) => { orBits(bits, index.members(index.heads[term])); });
  return bits;
}

// How many of the plan's word groups each document's page has, in any of its sections (one
// byte per document): a page answers when it has the words, wherever they are on it.
export function groupCounts(index, plan) {
  const counts = new Uint8Array(index.size);
  groupBitmaps(index, plan).forEach((bits) => {
    const onPage = new Uint8Array(index.pageFirst.length);
    for (let d = 0; d < bits.length; d++) { if (bits[d]) { onPage[index.pageOf[d]] = 1; } }
    for (let d = 0; d < counts.length; d++) { counts[d] += onPage[index.pageOf[d]]; }
  });
  return counts;
}

// Documents of the allowed pages (all when not limited) with `plan.need` of the word groups.
function withEnoughWords(index, plan, matches) {
  if (plan.pages) {
    for (let i = 0; i < matches.length; i++) {
      if (!plan.pages.has(index.pageOf[i])) { matches[i] = 0; }
    }
  }
  if (!plan.groups.length) { return matches; }
  const counts = groupCounts(index, plan);
  for (let i = 0; i < matches.length; i++) { if (counts[i] < plan.need) { matches[i] = 0; } }
  return matches;
}

// One bitmap per group of `plan`: the documents that have every word of some alternative.
export function groupBitmaps(index, plan) {
  return plan.groups.map((alternatives) => {
    const group = new Uint8Array(index.size);
    alternatives.forEach((slots) => {
      const all = new Uint8Array(index.size).fill(1);
      slots.forEach((terms) => { andBits(all, anyOf(index, terms)); });
      orBits(group, all);
    });
    return group;
  });
}

function andBits(target, bits) {
  for (let i = 0; i < target.length; i++) { target[i] &= bits[i]; }
  return target;
}

// Room for rounding: lunr sums the same weights in another order than the bounds do.
function slack(value) { return value === -Infinity ? 0 : Math.abs(value) * 1e-9 + 1e-12; }

function kthLargest(values, k) {
  const sorted = Float64Array.from(values).sort();
  return sorted[sorted.length - k];
}

function orBits(target, bits) {
  for (let i = 0; i < target.length; i++) { target[i] |= bits[i]; }
  return target;
}

// One byte per document: 1 where the document matches the plan (from memberships).
function candidates(index, plan) {
  const size = index.size, matches = new Uint8Array(size);
  if (plan.impossible) { return matches; }
  if (plan.scoring.length === 0) {
    matches.fill(1);   // lunr's negated query: every document but the prohibited ones
  }
  plan.terms.forEach((term) => { orBits(matches, index.members(index.heads[term])); });
  plan.required.forEach((terms) => {
    const any = new Uint8Array(size);
    terms.forEach((term) => { orBits(any, index.members(index.heads[term])); });
    for (let i = 0; i < size; i++) { matches[i] &= any[i]; }
  });
  plan.prohibited.forEach((term) => {
    const bits = index.members(index.heads[term]);
    for (let i = 0; i < size; i++) { if (bits[i]) { matches[i] = 0; } }
  });
  return withEnoughWords(index, plan, matches);
}

function countPages(index, matches) {
  const seen = new Uint8Array(index.pageFirst.length), byType = {};
  let total = 0;
  index.manifest.types.forEach((type) => {
    let count = 0;
    for (let doc = type[2]; doc < type[3]; doc++) {
      if (matches[doc] && !seen[index.pageOf[doc]]) {
        seen[index.pageOf[doc]] = 1;
        count++;
      }
    }
    byType[type[0]] = count;
    total += count;
  });
  return { total, byType };
}

function outcome(index, results, matches, exhausted) {
  const counts = countPages(index, matches);
  return { results, total: counts.total, pagesByType: counts.byType, exhausted };
}

function loadEverything(index, terms) {
  const pending = terms.map((t) => index.heads[t]).filter((head) => !index.complete(head));
  if (!pending.length) { return Promise.resolve(); }
  return Promise.all(pending.map((head) => index.loadTail(head)))
    .then(() => loadEverything(index, terms));
}

// Every document but those holding a prohibited term (lunr's "negated" query), in order.
// `matches` comes from memberships when every clause covers every field.
function negated(index, plan, keep, matches) {
  const results = [];
  if (!matches) {
    matches = new Uint8Array(index.size).fill(1);
    plan.prohibitedSets.forEach((set) => {
      const fields = set.fields.map((name) => index.fields.indexOf(name));
      set.terms.forEach((term) => {
        index.heads[term].tiers.forEach((tier) => {
          tier.forEach((list) => {
            if (fields.indexOf(list.field) === -1) { return; }
            list.docs.forEach((doc) => { matches[doc] = 0; });
          });
        });
      });
    });
  }
  for (let doc = 0; doc < index.size; doc++) {
    if (matches[doc] && keep(doc)) {
      results.push({ ref: String(doc), score: 0, matchData: new lunr.MatchData() });
    }
  }
  return outcome(index, results, matches, true);
}

// Field-scoped clauses weigh fields apart: load every posting of every term, let lunr rank.
function settleFully(index, plan, keep) {
  const terms = plan.terms.concat(plan.prohibited);
  return loadEverything(index, terms).then(() => {
    if (plan.scoring.length === 0) { return negated(index, plan, keep); }
    const ranked = index.partialIndex(Array.from(new Set(terms)))
      .query((query) => { query.clauses = plan.clauses.map(copyClause); });
    const matches = new Uint8Array(index.size);
    ranked.forEach((result) => { matches[+result.ref] = 1; });
    withEnoughWords(index, plan, matches);
    return outcome(index, ranked.filter((r) => matches[+r.ref] && keep(+r.ref)), matches, true);
  });
}

function settle(index, plan, enough, keep) {
  if (plan.impossible) {
    return Promise.resolve(outcome(index, [], new Uint8Array(index.size), true));
  }
  if (!plan.everyField) { return settleFully(index, plan, keep); }
  const matches = candidates(index, plan);
  if (plan.scoring.length === 0) { return Promise.resolve(negated(index, plan, keep, matches)); }
  const scoring = plan.scoring.map((clause) => {
    const copy = copyClause(clause);
    copy.presence = PRESENCE.OPTIONAL;   // required and prohibited are applied by `matches`
    return copy;
  });
  const rankOnly = (only) => index.partialIndex(plan.terms, only)
    .query((query) => { query.clauses = scoring.map(copyClause); })
    .filter((result) => matches[+result.ref] && keep(+result.ref));

  const round = () => {
    const heads = plan.terms.map((term) => index.heads[term]);
    const pending = heads.filter((head) => !index.complete(head));
    const { partial, ceiling, complete } = bounds(index, plan, heads, pending, matches, keep);
    // lunr scores only the best complete documents, which gives their exact scores and
    // order; they are certain when they beat every bound on the documents left out.
    const size = index.size;
    let ranked;
    for (let wanted = 64; ; wanted *= 4) {
      const only = new Uint8Array(size);
      let outside = -Infinity, floor = -Infinity;
      if (complete.length > wanted) {
        floor = kthLargest(complete.map((doc) => partial[doc]), wanted);
        floor -= slack(floor);
      }
      complete.forEach((doc) => {
        if (partial[doc] >= floor) {
          only[doc] = 1;
        } else {
          outside = Math.max(outside, partial[doc]);
        }
      });
      const bound = Math.max(ceiling, outside);
      ranked = rankOnly(only);
      const confirmed = bound === -Infinity ? ranked
        : ranked.filter((result) => result.score > bound + slack(bound));
      if (enough(confirmed)) { return outcome(index, confirmed, matches, false); }
      if (complete.length <= wanted) { break; }
    }
    if (pending.length === 0) { return outcome(index, ranked, matches, true); }
    // Load the next tier of the term whose unloaded postings could weigh most (one at a
    // time: the bound often falls enough with one term's tier, and tiers are the bytes).
    const weight = (head) => plan.boosts[head.term] * index.cut(head);
    const next = pending.reduce((best, head) => (weight(head) > weight(best) ? head : best));
    return index.loadTail(next).then(round);
  };
  return Promise.resolve().then(round);
}

// Scores from the loaded postings (lunr's, up to rounding), and an upper bound for every
// document not fully loaded: plus, for each term, its cut times its share of the query.
// Returns the partial scores, the highest bound of an incomplete document (`ceiling`) and
// the documents whose postings are all loaded (`complete`).
function bounds(index, plan, heads, pending, matches, keep) {
  const size = index.size;
  const magnitude = Math.sqrt(plan.terms.reduce(
    (sum, term) => sum + plan.boosts[term] * plan.boosts[term], 0));
  const partial = new Float64Array(size), missing = new Float64Array(size);
  const incomplete = new Uint8Array(size);
  heads.forEach((head) => {
    const cached = index.postings(head), share = plan.boosts[head.term] / magnitude;
    for (let i = 0; i < cached.docs.length; i++) {
      partial[cached.docs[i]] += share * cached.weights[i];
    }
  });
  pending.forEach((head) => {
    const members = index.members(head), loaded = index.loadedDocs(head);
    const bound = plan.boosts[head.term] * index.cut(head) / magnitude;
    for (let d = 0; d < size; d++) {
      if (members[d] && !loaded[d]) { missing[d] += bound; incomplete[d] = 1; }
    }
  });
  let ceiling = -Infinity;
  const complete = [];
  for (let d = 0; d < size; d++) {
    if (!matches[d] || !keep(d)) { continue; }
    if (incomplete[d]) {
      ceiling = Math.max(ceiling, partial[d] + missing[d]);
    } else {
      complete.push(d);
    }
  }
  return { partial, ceiling, complete };
}
