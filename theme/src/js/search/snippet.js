// Which words of a result's text matched, and the stretch of text to show around them.

import { lunr } from "./lunr.js";

const SNIPPET_WORDS = 28;
const CONTEXT_WORDS = 3;   // words shown before the first match

// The index terms a lunr result matched.
export function matchedTerms(result) {
  return new Set(Object.keys((result.matchData && result.matchData.metadata) || {}));
}

// A word without the punctuation around it ("(fit" -> "fit").
function bare(word) { return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""); }

// The index term a word of text becomes (null for stop words), as lunr's pipeline makes it.
export function indexTermOf(word) {
  let token = new lunr.Token(word.toLowerCase(), {});
  token = lunr.trimmer(token);
  if (!token || !lunr.stopWordFilter(token)) { return null; }
  return lunr.stemmer(token).toString();
}

// `text` cut into pieces (words and the spaces between), each saying whether it matched.
export function markedPieces(text, terms) {
  return String(text).split(/(\s+)/).map((piece) => {
    const term = /\S/.test(piece) ? indexTermOf(bare(piece)) : null;
    return { text: piece, marked: Boolean(term && terms.has(term)) };
  });
}

// The stretch of text with the most matched words, SNIPPET_WORDS long, opening a few words
// before its first match.
export function snippetOf(text, terms) {
  const all = String(text || "").split(/\s+/).filter(Boolean);
  if (all.length <= SNIPPET_WORDS) { return all.join(" "); }
  const hits = all.map((word) => (terms.has(indexTermOf(bare(word))) ? 1 : 0));
  let best = 0, bestStart = 0, current = 0;
  for (let i = 0; i < all.length; i++) {
    current += hits[i] - (i >= SNIPPET_WORDS ? hits[i - SNIPPET_WORDS] : 0);
    if (current > best) { best = current; bestStart = Math.max(0, i - SNIPPET_WORDS + 1); }
  }
  const firstHit = best ? hits.indexOf(1, bestStart) : 0;
  const start = Math.max(0, Math.min(firstHit - CONTEXT_WORDS, all.length - SNIPPET_WORDS));
  const end = Math.min(all.length, start + SNIPPET_WORDS);
  const shown = all.slice(start, end).join(" ");
  return (start > 0 ? "… " : "") + shown + (end < all.length ? " …" : "");
}
