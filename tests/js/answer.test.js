// Answer first: heading and title matches of every word come before the rest.
import "./helpers/lunr-global.js";
import assert from "node:assert/strict";
import { test } from "node:test";
import { covers, headingMatchesFirst } from "../../theme/src/js/search/answer.js";

// A lunr result whose match data says which fields each term matched in.
function result(ref, fields) {
  const metadata = {};
  Object.entries(fields).forEach(([term, where]) => {
    metadata[term] = Object.fromEntries(where.map((field) => [field, {}]));
  });
  return { ref: String(ref), score: 1, matchData: { metadata } };
}

// "phased return": two groups, each one word.
const GROUPS = [[[["phase"]]], [[["return"]]]];

test("covers: every group must match in the fields asked about", () => {
  const inHeading = result(1, { phase: ["heading"], return: ["heading", "body"] });
  assert.equal(covers(inHeading, GROUPS, ["heading"]), true);
  const split = result(2, { phase: ["title"], return: ["heading"] });
  assert.equal(covers(split, GROUPS, ["heading"]), false);
  assert.equal(covers(split, GROUPS, ["title", "heading"]), true);
  assert.equal(covers(result(3, { phase: ["body"], return: ["body"] }), GROUPS, ["heading"]),
               false);
  assert.equal(covers(inHeading, [], ["heading"]), false);
});

test("an alternative (a synonym) can cover a group", () => {
  const groups = [[[["sick"], ["note"]], [["fit"], ["note"]]]];
  const fit = result(1, { fit: ["heading"], note: ["heading"] });
  assert.equal(covers(fit, groups, ["heading"]), true);
});

test("title and heading matches move up, keeping lunr's order otherwise", () => {
  const ranked = [result(1, { phase: ["body"], return: ["body"] }),
                  result(2, { phase: ["title"], return: ["heading"] }),
                  result(3, { phase: ["body"] }),
                  result(4, { phase: ["heading"], return: ["heading"] })];
  const ordered = headingMatchesFirst(ranked, GROUPS);
  assert.deepEqual(ordered.map((r) => r.ref), ["2", "4", "1", "3"]);
  assert.deepEqual(ordered.map((r) => r.inHeading), [false, true, false, false]);
});

test("a heading holds the query only through the words as typed, not their synonyms", () => {
  const groups = [[[["sick"], ["note"]], [["fit"], ["note"]]]];
  const [fit] = headingMatchesFirst([result(1, { fit: ["heading"], note: ["heading"] })], groups);
  assert.equal(fit.tier, 1);
  assert.equal(fit.inHeading, false);
});
