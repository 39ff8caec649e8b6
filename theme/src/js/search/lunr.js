// lunr.js 2.3.9 arrives as its own script before the search bundle (hub.js loads both), and
// stays a global: the tests compare against it in the page. Node's tests set the global first.

export const lunr = globalThis.lunr;
export const PRESENCE = lunr ? lunr.Query.presence : {};

export function copyClause(clause) { return Object.assign({}, clause); }

// The terms of the token set that `clause` (with `term` in place of its own) matches.
export function expand(tokenSet, clause, term) {
  const copy = Object.assign({}, clause, { term });
  return tokenSet.intersect(lunr.TokenSet.fromClause(copy)).toArray();
}
