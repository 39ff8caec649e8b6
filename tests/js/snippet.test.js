// Snippets show a section's opening lines, and mark the matched words.
import "./helpers/lunr-global.js";
import assert from "node:assert/strict";
import { test } from "node:test";
import { indexTermOf, markedPieces, openingOf } from "../../theme/src/js/search/snippet.js";

const filler = (n, word = "text") => Array.from({ length: n }, () => word).join(" ");

test("words become index terms as lunr's pipeline makes them", () => {
  assert.equal(indexTermOf("Returning"), "return");
  assert.equal(indexTermOf("the"), null);   // a stop word
});

test("matched words are marked whatever their ending and punctuation", () => {
  const pieces = markedPieces("Plan a (phased) return, then returning.", new Set(["phase", "return"]));
  const marked = pieces.filter((p) => p.marked).map((p) => p.text);
  assert.deepEqual(marked, ["(phased)", "return,", "returning."]);
  assert.equal(pieces.map((p) => p.text).join(""), "Plan a (phased) return, then returning.");
});

test("a short text is shown whole", () => {
  assert.equal(openingOf("  A short   text. "), "A short text.");
});

test("a long text shows its opening lines, with an ellipsis where cut", () => {
  const text = "Agree a phased return. " + filler(60) + " phased return";
  const snippet = openingOf(text);
  assert.ok(snippet.startsWith("Agree a phased return."));
  assert.ok(snippet.endsWith(" …"));
  assert.equal(snippet.split(" ").length, 28 + 1);
  assert.equal(openingOf(text, 4), "Agree a phased return. …");
});
