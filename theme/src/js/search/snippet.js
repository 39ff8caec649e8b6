// Which words of a result's text matched, and the opening lines of text to show.

import { lunr } from "./lunr.js";

const SNIPPET_WORDS = 28;

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

// A section's opening lines, about `length` words: where the hub's pages say what to do
// (an "In short", or the first step), so a result shows its answer rather than the stretch
// that happens to hold the words.
export function openingOf(text, length = SNIPPET_WORDS) {
  const all = String(text || "").split(/\s+/).filter(Boolean);
  return all.slice(0, length).join(" ") + (all.length > length ? " …" : "");
}
