// Top-k ranking over the sharded index gives exactly what one unsplit lunr index gives,
// from the first tiers when they settle the best results.
import "./helpers/lunr-global.js";
import assert from "node:assert/strict";
import { test } from "node:test";
import { Index } from "../../theme/src/js/search/index.js";
import { planQuery } from "../../theme/src/js/search/query.js";
import { corpus } from "./helpers/corpus.js";
import { serve, tinySite } from "./helpers/tiny-site.js";

const site = tinySite(corpus());
serve(site);

const QUERIES = ["work", "phased return", "fit note anxiety", "+phased return", "return -phased",
  "-phased", "title:fit", "title:return body:plan", "employer^5 support", "retur*", "*ing",
  "wor*g", "anxeity~1", "stres~2 work", "+zzzz work", "nothingmatches", "sick pay review",
  "occupational health advice meeting"];

const copy = (clauses) => clauses.map((clause) => Object.assign({}, clause));
const pairs = (results) => results.map((r) => [r.ref, r.score]);

function expected(clauses) {
  return pairs(site.unsplit.query((query) => { query.clauses = copy(clauses); }));
}

for (const text of QUERIES) {
  test(`"${text}" ranks as one unsplit lunr index`, async () => {
    const plan = planQuery(site.manifest.fields, [], text);
    const index = new Index(site.url, site.manifest);
    const all = await index.rank(copy(plan.clauses), () => false);
    assert.deepEqual(pairs(all.results), expected(plan.clauses));
    assert.equal(all.exhausted, true);
  });
}

test("the best results come first, from as few tiers as settle them", async () => {
  let settledEarly = 0;
  for (const text of QUERIES) {
    const plan = planQuery(site.manifest.fields, [], text);
    const index = new Index(site.url, site.manifest);
    const top = await index.rank(copy(plan.clauses), (confirmed) => confirmed.length >= 3);
    const want = expected(plan.clauses);
    assert.deepEqual(pairs(top.results), want.slice(0, top.results.length), text);
    assert.ok(top.results.length >= Math.min(3, want.length), text);
    assert.equal(top.total, want.length, text);   // one document per page here
    if (!top.exhausted) { settledEarly++; }
  }
  assert.ok(settledEarly >= 3, `only ${settledEarly} queries settled before the last tier`);
});

test("the type filter keeps only documents of that type", async () => {
  const plan = planQuery(site.manifest.fields, [], "work");
  const [, , start, end] = site.manifest.types[1];
  const index = new Index(site.url, site.manifest);
  const kept = await index.rank(copy(plan.clauses), () => false, (doc) => doc >= start && doc < end);
  const want = expected(plan.clauses).filter(([ref]) => +ref >= start && +ref < end);
  assert.deepEqual(pairs(kept.results), want);
  assert.ok(want.length > 0);
});
