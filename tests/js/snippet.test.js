// Snippets show the stretch of text with the most matched words, and mark those words.
import "./helpers/lunr-global.js";
import assert from "node:assert/strict";
import { test } from "node:test";
import { indexTermOf, markedPieces, snippetOf } from "../../theme/src/js/search/snippet.js";

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
  assert.equal(snippetOf("  A short   text. ", new Set()), "A short text.");
});

test("a long text is cut around the matched words, with ellipses where cut", () => {
  const text = filler(60) + " phased return " + filler(60);
  const snippet = snippetOf(text, new Set(["phase", "return"]));
  assert.match(snippet, /^… .*phased return.* …$/);
  assert.ok(snippet.split(" ").length <= 28 + 2);
});

test("the stretch with the most matches wins over the first match", () => {
  const text = "return " + filler(40) + " return plan return plan " + filler(40);
  const snippet = snippetOf(text, new Set(["return", "plan"]));
  assert.ok(snippet.includes("return plan return plan"));
  assert.ok(snippet.startsWith("… "));
});

test("with no matches the text's opening is shown", () => {
  const snippet = snippetOf("opening words " + filler(50), new Set(["absent"]));
  assert.ok(snippet.startsWith("opening words"));
  assert.ok(snippet.endsWith(" …"));
});
