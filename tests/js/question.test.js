// Questions as questions: filler words leave the query, every other word must match, and a
// synonym for a typed phrase is another way to match its words.
import "./helpers/lunr-global.js";
import assert from "node:assert/strict";
import { test } from "node:test";
import { fuzzyPlan, planQuery } from "../../theme/src/js/search/query.js";
import { contentWords, wordGroups } from "../../theme/src/js/search/question.js";

const FIELDS = ["title", "heading", "body"];
const SYNONYMS = [["sick note", ["fit note", "doctor's note"]], ["boss", ["manager"]],
                  ["who pays", ["costs", "access to work"]]];
const plan = (text, options) => planQuery(FIELDS, SYNONYMS, text, options);
const termsOf = (result, slots) => slots.map((slot) => slot.map((i) => result.clauses[i].term));

test("question and filler words do not count as matches", () => {
  const result = plan("Can I ask about mental health in a job interview?");
  assert.deepEqual(result.clauses.map((c) => c.term),
                   ["ask", "mental", "health", "job", "interview"]);
  assert.deepEqual(plan("do I have to do a stress risk assessment").clauses.map((c) => c.term),
                   ["stress", "risk", "assessment"]);
  assert.deepEqual(contentWords(["how", "do", "i", "know", "if", "someone", "needs", "help"]),
                   ["help"]);
});

test("a query of filler words alone is still searched as typed", () => {
  assert.deepEqual(plan("what should I do").clauses.map((c) => c.term),
                   ["what", "should", "i", "do"]);
});

test("every content word is a group that must match; role words score but need not", () => {
  const result = plan("employee talking about suicide");
  assert.ok(result.clauses.some((c) => c.term === "employee"));
  assert.deepEqual(result.groups.map((g) => g.words), [["talking"], ["suicide"]]);
  result.groups.forEach((group) => {
    assert.deepEqual(termsOf(result, group.alternatives[0]), [group.words]);
  });
});

test("a typed phrase with synonyms matches through its own words or any synonym's", () => {
  const result = plan("sick note anxiety");
  const note = result.groups.find((g) => g.words.join(" ") === "sick note");
  assert.deepEqual(note.alternatives.map((slots) => termsOf(result, slots).flat()),
                   [["sick", "note"], ["fit", "note"], ["doctor's", "note"]]);
  assert.ok(result.groups.some((g) => g.words[0] === "anxiety"));
  const pays = plan("who pays for adjustments").groups[0];
  assert.equal(pays.alternatives.length, 3);   // pays; costs; access to work ("work" scores only)
});

test("groups are made from the words, not from lunr's syntax", () => {
  assert.deepEqual(plan("phased return -hr").groups.map((g) => g.words),
                   [["phased"], ["return"]]);
  const field = plan("title:fit note");
  assert.deepEqual(field.groups.map((g) => g.words), [["note"]]);
});

test("while typing, the last word matches as itself or as a prefix", () => {
  const result = plan("phased ret", { prefix: true });
  const last = result.groups[result.groups.length - 1];
  const slot = last.alternatives[0][0].map((i) => result.clauses[i]);
  assert.equal(slot.length, 2);
  assert.ok(slot.some((c) => c.wildcard === globalThis.lunr.Query.wildcard.TRAILING));
});

test("the fuzzy fallback keeps the groups and may be limited to some words", () => {
  const base = plan("phased retun");
  const fuzzy = fuzzyPlan(base, new Set([1]));
  assert.equal(fuzzy.groups, base.groups);
  assert.deepEqual(fuzzy.clauses.map((c) => c.editDistance || 0), [0, 1]);
});

test("wordGroups: a synonym phrase is one group, other words one each", () => {
  const groups = wordGroups(["my", "sick", "note", "today"], SYNONYMS);
  assert.deepEqual(groups, [
    { words: ["sick", "note"],
      alternatives: [["sick", "note"], ["fit", "note"], ["doctor's", "note"]] },
    { words: ["today"], alternatives: [["today"]] },
  ]);
});
