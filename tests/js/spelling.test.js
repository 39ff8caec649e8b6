// "Did you mean": the nearest term the index has, as the pages spell it.
import "./helpers/lunr-global.js";
import assert from "node:assert/strict";
import { test } from "node:test";
import { indexTermOf } from "../../theme/src/js/search/snippet.js";
import { closestTerm, correctedText, editDistance, surfaceForm }
  from "../../theme/src/js/search/spelling.js";

test("edit distance counts a swap of neighbouring letters as one edit, as lunr does", () => {
  assert.equal(editDistance("anxeity", "anxiety"), 1);
  assert.equal(editDistance("retun", "return"), 1);
  assert.equal(editDistance("kitten", "sitting"), 3);
  assert.equal(editDistance("", "fit"), 3);
});

test("the closest term wins; a tie goes to the term more documents hold", () => {
  const counts = { return: 40, retain: 3, rerun: 1 };
  assert.equal(closestTerm("retun", Object.keys(counts), (t) => counts[t]), "return");
  const tie = { cat: 2, bat: 9 };
  assert.equal(closestTerm("rat", Object.keys(tie), (t) => tie[t]), "bat");
});

test("a stem is shown as the word the pages use for it", () => {
  const texts = ["Anxiety at work", "anxiety, and anxious feelings", "Talking Therapies"];
  assert.equal(surfaceForm(indexTermOf("anxiety"), texts, indexTermOf), "anxiety");
  assert.equal(surfaceForm("zzz", texts, indexTermOf), null);
});

test("the corrected search keeps every other word as typed", () => {
  const fixes = new Map([["retun", "return"]]);
  assert.equal(correctedText("Phased retun, please", fixes), "Phased return, please");
  assert.equal(correctedText("Retun", fixes), "return");
});
