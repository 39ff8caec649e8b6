// lunr.js 2.3.9 arrives as its own script before the search bundle (hub.js loads both), and
// stays a global: the tests compare against it in the page. Node's tests set the global first.

export const lunr = globalThis.lunr;
export const PRESENCE = lunr ? lunr.Query.presence : {};

export function copyClause(clause) { return Object.assign({}, clause); }

// Building a fuzzy word's token set is most of the cost of expanding it (it grows as
// length^distance), and a search expands each word several times: one set per word and
// distance is kept, up to CLAUSE_SETS of them.
const CLAUSE_SETS = 256;
const clauseSets = new Map();

function clauseSet(clause) {
  const key = clause.term + " " + ("editDistance" in clause ? clause.editDistance : "-");
  let set = clauseSets.get(key);
  if (!set) {
    if (clauseSets.size >= CLAUSE_SETS) { clauseSets.clear(); }
    set = lunr.TokenSet.fromClause(clause);
    clauseSets.set(key, set);
  }
  return set;
}

// The terms of the token sets that `clause` (with `term` in place of its own) matches, once
// each, in order.
export function expand(tokenSets, clause, term) {
  const wanted = clauseSet(Object.assign({}, clause, { term }));
  const found = new Set();
  tokenSets.forEach((set) => { set.intersect(wanted).toArray().forEach((t) => found.add(t)); });
  return Array.from(found).sort();
}
