// A whole search over a small index: groups, records, phrases, the fuzzy fallback, and any
// input, however hostile, answered at once.
import "./helpers/lunr-global.js";
import assert from "node:assert/strict";
import { test } from "node:test";
import { Index } from "../../theme/src/js/search/index.js";
import { LIMITS } from "../../theme/src/js/search/query.js";
import { search } from "../../theme/src/js/search/search.js";
import { corpus } from "./helpers/corpus.js";
import { serve, tinySite } from "./helpers/tiny-site.js";

const docs = corpus();
const site = tinySite(docs);
serve(site);
const fresh = () => new Index(site.url, site.manifest);

test("results come with the records to show them, best first", async () => {
  const outcome = await search(fresh(), "phased return", { limit: 5 });
  assert.equal(outcome.groups.length, 5);
  assert.ok(outcome.total > 5 && outcome.more);
  const first = outcome.groups[0];
  assert.equal(first.record.u, "page-" + first.doc + "/");
  assert.equal(first.record.t, docs[first.doc].title);
});

test("a quoted phrase keeps only the pages whose text holds it", async () => {
  const outcome = await search(fresh(), "\"phased return\"", { limit: 50 });
  assert.ok(outcome.groups.length > 0);
  for (const group of outcome.groups) {
    const text = (group.record.t + " " + group.record.x).toLowerCase();
    assert.ok(text.includes("phased return"), text);
  }
});

test("a misspelling falls back to fuzzy matching", async () => {
  const outcome = await search(fresh(), "anxeity");
  assert.equal(outcome.plan.fuzzy, true);
  assert.ok(outcome.total > 0);
});

test("the type filter counts and keeps one type", async () => {
  const outcome = await search(fresh(), "work", { type: "case-studies", limit: 50 });
  assert.ok(outcome.groups.length > 0);
  assert.ok(outcome.groups.every((group) => group.record.k === "case-studies"));
  assert.equal(outcome.total, outcome.pagesByType["case-studies"]);
});

const HOSTILE = ["x".repeat(10000), "x".repeat(200), "anxiety".repeat(30),
  Array.from({ length: 20 }, () => "abcdefghijklmnop~2").join(" "), "reasonable~9 fit~9",
  "*e*e*e*e*e*e*e*e*e*e", "*~*", "foo:", "~", "^", "*", "-", "<b>work</b>", "😀 🤯 work",
  "fit ".repeat(3000), "\"unclosed phrase"];

for (const text of HOSTILE) {
  test(`hostile input is answered: ${JSON.stringify(text.slice(0, 24))} (${text.length})`,
       { timeout: 10000 }, async () => {
    const outcome = await search(fresh(), text, { prefix: true });
    assert.ok(outcome.plan.text.length <= LIMITS.queryChars);
    assert.ok(outcome.plan.clauses.length <= LIMITS.clauses);
    assert.ok(outcome.plan.clauses.every((c) => c.term.length <= LIMITS.wordChars));
    assert.ok(Array.isArray(outcome.groups));
  });
}
