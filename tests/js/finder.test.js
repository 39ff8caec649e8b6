// The finder's URL state and ranking (the browser tests compare the ranking with Python's).
import assert from "node:assert/strict";
import { test } from "node:test";
import { rank } from "../../theme/src/js/finder/ranking.js";
import { queryOf, readChoice, sameChoice } from "../../theme/src/js/finder/url-state.js";

const KNOWN = { d: ["anxiety", "concentration", "fatigue"], s: ["office", "shift"],
                a: ["quiet-room", "flexible-hours"] };

test("the URL's choices are read leniently: commas, any case, spaces", () => {
  const choice = readChoice("?d=Fatigue, anxiety&d=ANXIETY&s=shift&a=quiet-room,flexible-hours", KNOWN);
  assert.deepEqual(choice, { d: ["anxiety", "fatigue"], s: "shift",
                             a: ["quiet-room", "flexible-hours"] });
});

test("unknown keys and garbled values are dropped; difficulties keep the taxonomy's order", () => {
  const choice = readChoice("?d=fatigue&d=nope&d=<script>&d=concentration&s=moon&s=office&a=x", KNOWN);
  assert.deepEqual(choice, { d: ["concentration", "fatigue"], s: "office", a: [] });
  assert.deepEqual(readChoice("", KNOWN), { d: [], s: "", a: [] });
  assert.deepEqual(readChoice("?d=%E2%80%AE&s=&a=..%2F", KNOWN), { d: [], s: "", a: [] });
});

test("a choice writes back to the query it was read from", () => {
  const choice = { d: ["anxiety", "fatigue"], s: "shift", a: ["quiet-room"] };
  assert.equal(queryOf(choice), "?d=anxiety&d=fatigue&s=shift&a=quiet-room");
  assert.deepEqual(readChoice(queryOf(choice), KNOWN), choice);
  assert.equal(queryOf({ d: [], s: "", a: [] }), "");
  assert.ok(sameChoice(choice, readChoice("?a=quiet-room&s=shift&d=fatigue,anxiety", KNOWN)));
  assert.ok(!sameChoice(choice, { d: ["anxiety"], s: "shift", a: ["quiet-room"] }));
});

const DATA = {
  settings: [["office", "Office"], ["shift", "Shift"]],
  cost_bands: [["free", "Free"], ["low", "Low"]],
  costs: [["none", "No cost"], ["equipment", "Equipment"]],
  adjustments: [
    { slug: "b-room", difficulties: ["anxiety"], fit: { office: 2, shift: 1 }, cost_band: "low", cost: "equipment" },
    { slug: "a-room", difficulties: ["anxiety"], fit: { office: 2, shift: 1 }, cost_band: "low", cost: "equipment" },
    { slug: "breaks", difficulties: ["anxiety", "fatigue"], fit: { office: 2, shift: 1 }, cost_band: "low", cost: "equipment" },
    { slug: "free-one", difficulties: ["anxiety"], fit: { office: 2, shift: 1 }, cost_band: "free", cost: "equipment" },
    { slug: "cheap-kind", difficulties: ["anxiety"], fit: { office: 2, shift: 1 }, cost_band: "low", cost: "none" },
    { slug: "shift-best", difficulties: ["fatigue"], fit: { office: 0, shift: 3 }, cost_band: "low", cost: "equipment" },
    { slug: "office-only", difficulties: ["anxiety"], fit: { office: 3 }, cost_band: "low", cost: "equipment" },
    { slug: "unrelated", difficulties: ["concentration"], fit: { office: 3, shift: 3 }, cost_band: "free", cost: "none" },
  ],
};
const slugs = (choice) => rank(DATA, choice).map((r) => r.adjustment.slug);

test("ranking: fit for the setting, then difficulties covered, cost band, cost, slug", () => {
  assert.deepEqual(slugs({ d: ["anxiety", "fatigue"], s: "office" }),
                   ["office-only", "breaks", "free-one", "cheap-kind", "a-room", "b-room"]);
});

test("ranking: a fit of 0 for the setting leaves the adjustment out", () => {
  assert.deepEqual(slugs({ d: ["fatigue"], s: "office" }), ["breaks"]);
  assert.deepEqual(slugs({ d: ["fatigue"], s: "shift" }), ["shift-best", "breaks"]);
});

test("ranking: with no setting, fit is summed over every setting", () => {
  const ranked = rank(DATA, { d: ["fatigue", "anxiety"], s: "" });
  assert.equal(ranked[0].adjustment.slug, "breaks");   // 3, and covers both
  assert.deepEqual(ranked.map((r) => r.score), [3, 3, 3, 3, 3, 3, 3]);
  assert.deepEqual(ranked[0].covers, ["fatigue", "anxiety"]);
  assert.deepEqual(slugs({ d: [], s: "" }), []);
});
