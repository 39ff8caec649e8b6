// What people type becomes lunr clauses, within limits that keep any input quick.
import "./helpers/lunr-global.js";
import assert from "node:assert/strict";
import { test } from "node:test";
import { LIMITS, fuzzyPlan, planQuery } from "../../theme/src/js/search/query.js";

const FIELDS = ["title", "heading", "body"];
const { presence } = globalThis.lunr.Query;
const plan = (text, options, synonyms = []) => planQuery(FIELDS, synonyms, text, options);
const terms = (text, options) => plan(text, options).clauses.map((c) => c.term);

test("plain words become optional clauses in every field", () => {
  const { clauses } = plan("Phased return");
  assert.deepEqual(clauses.map((c) => c.term), ["phased", "return"]);
  assert.ok(clauses.every((c) => c.presence === presence.OPTIONAL && c.fields.length === 3));
});

test("quoted phrases become required words and are kept to check against the text", () => {
  const result = plan("\u201cfit note\u201d anxiety");
  assert.deepEqual(result.phrases, [["fit", "note"]]);
  const required = result.clauses.filter((c) => c.presence === presence.REQUIRED);
  assert.deepEqual(required.map((c) => c.term), ["fit", "note"]);
  assert.ok(result.clauses.some((c) => c.term === "anxiety"));
});

test("lunr's syntax is understood: required, prohibited, fields, boosts", () => {
  const { clauses } = plan("+fit -note title:return employer^5");
  assert.equal(clauses[0].presence, presence.REQUIRED);
  assert.equal(clauses[1].presence, presence.PROHIBITED);
  assert.deepEqual(clauses[2].fields, ["title"]);
  assert.equal(clauses[3].boost, 5);
});

test("syntax lunr cannot parse is searched as plain words", () => {
  assert.deepEqual(terms("foo:"), ["foo"]);
  assert.deepEqual(terms("~"), []);
  assert.deepEqual(terms("heading:~2"), ["heading", "2"]);
});

test("while typing, the last word is also a prefix, at half weight", () => {
  const { clauses } = plan("phased ret", { prefix: true });
  const last = clauses[clauses.length - 1];
  assert.equal(last.term, "ret*");
  assert.equal(last.wildcard, globalThis.lunr.Query.wildcard.TRAILING);
  assert.equal(last.boost, 0.5);
  assert.equal(plan("phased ret ", { prefix: true }).clauses.length, 2);   // a space ends it
  assert.equal(plan("phased ret").clauses.length, 2);                        // not when submitted
});

test("a one-letter wildcard is searched as its letter", () => {
  const [clause] = plan("a*").clauses;
  assert.equal(clause.term, "a");
  assert.equal(clause.usePipeline, true);
});

test("synonyms add the words our pages use, not for prohibited words", () => {
  const synonyms = [["hr", ["human resources"]]];
  assert.deepEqual(plan("HR", {}, synonyms).clauses.map((c) => c.term), ["hr", "human", "resources"]);
  assert.deepEqual(plan("-hr", {}, synonyms).clauses.map((c) => c.term), ["hr"]);
});

test("the fuzzy fallback allows one letter's difference, two for long words", () => {
  const fuzzy = fuzzyPlan(plan("fit anxeity reasonabel -stres"));
  assert.deepEqual(fuzzy.clauses.map((c) => c.editDistance || 0), [0, 1, 2, 0]);
  assert.equal(fuzzy.fuzzy, true);
});

// ---- limits (issue 9): any input plans to a bounded amount of work

test("input is cut at the query limit and to at most the clause limit", () => {
  const long = plan("x".repeat(10000));
  assert.equal(long.text.length, LIMITS.queryChars);
  assert.equal(plan("fit ".repeat(3000)).clauses.length, LIMITS.clauses);
});

test("each word is cut at the word limit", () => {
  const words = terms("a".repeat(100) + " " + "b".repeat(90) + "*");
  assert.deepEqual(words.map((w) => w.length), [LIMITS.wordChars, LIMITS.wordChars]);
});

test("a word keeps at most the wildcard limit of stars", () => {
  const [term] = terms("*e*e*e*e*e*e");
  assert.equal(term.split("*").length - 1, LIMITS.wildcards);
  assert.deepEqual(terms("wor*d"), ["wor*d"]);
});

test("edit distances are capped, and kept off long words", () => {
  const distance = (text) => plan(text).clauses.map((c) => c.editDistance || 0);
  assert.deepEqual(distance("reasonable~9"), [LIMITS.editDistance]);
  assert.deepEqual(distance("fit~9"), [1]);
  assert.deepEqual(distance("stres~1"), [1]);
  assert.deepEqual(distance("a".repeat(60) + "~2"), [0]);
  assert.deepEqual(distance("supercalifragilistic~2"), [0]);
});

test("at most the fuzzy-word limit of words are fuzzy, typed or by the fallback", () => {
  const typed = plan(Array.from({ length: 10 }, () => "anxiety~1").join(" "));
  assert.equal(typed.clauses.filter((c) => c.editDistance).length, LIMITS.fuzzyWords);
  const fallback = fuzzyPlan(plan("anxiety stress manager support colleague workplace"));
  assert.equal(fallback.clauses.filter((c) => c.editDistance).length, LIMITS.fuzzyWords);
  const long = fuzzyPlan(plan("x".repeat(200)));
  assert.equal(long.clauses.filter((c) => c.editDistance).length, 0);
});
