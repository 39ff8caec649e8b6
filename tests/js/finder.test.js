// The finder's URL state, ranking and plan dates (the browser tests compare the ranking with
// Python's over the real catalogue).
import assert from "node:assert/strict";
import { test } from "node:test";
import { dateInWords } from "../../theme/src/js/finder/finder-plan.js";
import { filtered, rank } from "../../theme/src/js/finder/ranking.js";
import { queryOf, readChoice, sameChoice, withFilters } from "../../theme/src/js/finder/url-state.js";

const KNOWN = { d: ["anxiety", "concentration", "fatigue"], s: ["office", "shift"],
                h: ["phone-calls", "noise"], parent: { "phone-calls": "anxiety", noise: "concentration" },
                a: ["quiet-room", "flexible-hours"] };
const NONE = { d: [], h: [], s: "", f: [], a: [] };

test("the URL's choices are read leniently: commas, any case, spaces", () => {
  const choice = readChoice("?d=Fatigue, anxiety&d=ANXIETY&s=shift&a=quiet-room,flexible-hours", KNOWN);
  assert.deepEqual(choice, { d: ["anxiety", "fatigue"], h: [], s: "shift", f: [],
                             a: ["quiet-room", "flexible-hours"] });
});

test("unknown keys and garbled values are dropped; difficulties keep the taxonomy's order", () => {
  const choice = readChoice("?d=fatigue&d=nope&d=<script>&d=concentration&s=moon&s=office&a=x&h=zz&f=free", KNOWN);
  assert.deepEqual(choice, { d: ["concentration", "fatigue"], h: [], s: "office", f: [], a: [] });
  assert.deepEqual(readChoice("", KNOWN), NONE);
  assert.deepEqual(readChoice("?d=%E2%80%AE&s=&a=..%2F", KNOWN), NONE);
});

test("a situation brings its difficulty; filters are read in a fixed order", () => {
  const choice = readChoice("?h=phone-calls&f=access-to-work&f=no-cost", KNOWN);
  assert.deepEqual(choice.d, ["anxiety"]);
  assert.deepEqual(choice.h, ["phone-calls"]);
  assert.deepEqual(choice.f, ["no-cost", "access-to-work"]);
});

test("a choice writes back to the query it was read from", () => {
  const choice = { d: ["anxiety", "fatigue"], h: ["phone-calls"], s: "shift", f: ["no-cost"],
                   a: ["quiet-room"] };
  assert.equal(queryOf(choice), "?d=anxiety&d=fatigue&h=phone-calls&s=shift&f=no-cost&a=quiet-room");
  assert.deepEqual(readChoice(queryOf(choice), KNOWN), choice);
  assert.equal(queryOf(NONE), "");
  assert.ok(sameChoice(choice, readChoice("?a=quiet-room&f=no-cost&s=shift&h=phone-calls&d=fatigue,anxiety", KNOWN)));
  assert.ok(!sameChoice(choice, { ...choice, h: [] }));
});

const DATA = {
  difficulties: [["anxiety", "Anxiety"], ["fatigue", "Tiredness"], ["concentration", "Focus"]],
  situations: [["phone-calls", "Phone calls", "anxiety"]],
  settings: [["office", "Office work"], ["shift", "Shift work"]],
  cost_bands: [["free", "£0"], ["low", "Under £100"]],
  costs: [["none", "No cost"], ["one-off", "One-off cost"]],
  fit_labels: ["Does not apply", "Can work", "Good fit", "Strong fit"],
  adjustments: [
    { slug: "b-room", difficulties: { anxiety: 3 }, situations: {}, fit: { office: 2, shift: 1 }, cost_band: "low", cost: "one-off" },
    { slug: "a-room", difficulties: { anxiety: 3 }, situations: {}, fit: { office: 2, shift: 1 }, cost_band: "low", cost: "one-off" },
    { slug: "head-on-poor-fit", difficulties: { anxiety: 3 }, situations: {}, fit: { office: 1, shift: 1 }, cost_band: "free", cost: "none" },
    { slug: "helps", difficulties: { anxiety: 2 }, situations: {}, fit: { office: 3, shift: 3 }, cost_band: "free", cost: "none", access_to_work: true },
    { slug: "calls", difficulties: { anxiety: 1 }, situations: { "phone-calls": 3 }, fit: { office: 3 }, cost_band: "free", cost: "none" },
    { slug: "both", difficulties: { anxiety: 2, fatigue: 2 }, situations: {}, fit: { office: 2, shift: 2 }, cost_band: "free", cost: "none" },
    { slug: "unrelated", difficulties: { concentration: 3 }, situations: {}, fit: { office: 3, shift: 3 }, cost_band: "free", cost: "none" },
  ],
};
const slugs = (choice) => rank(DATA, { h: [], ...choice }).map((r) => r.adjustment.slug);

test("ranking: relevance first, then fit, then cost; the slug only between equals", () => {
  assert.deepEqual(slugs({ d: ["anxiety"], s: "office" }),
                   ["a-room", "b-room", "head-on-poor-fit", "helps", "both", "calls"]);
  assert.deepEqual(slugs({ d: ["anxiety", "fatigue"], s: "office" })[0], "both");
});

test("ranking: a chosen situation puts what helps with it first; fit 0 leaves it out", () => {
  assert.deepEqual(slugs({ d: [], h: ["phone-calls"], s: "office" })[0], "calls");
  assert.ok(slugs({ d: [], h: ["phone-calls"], s: "shift" }).indexOf("calls") === -1);
});

test("each result says why in one line", () => {
  const [first] = rank(DATA, { d: ["anxiety"], h: ["phone-calls"], s: "office" });
  assert.equal(first.reason, "Helps head-on with phone calls; strong fit for office work; no cost");
  const b = rank(DATA, { d: ["anxiety"], h: [], s: "" }).find((r) => r.adjustment.slug === "b-room");
  assert.equal(b.reason, "Helps head-on with anxiety; good fit for office work; one-off cost, under £100");
});

test("filters keep only what costs nothing or Access to Work may fund", () => {
  const all = rank(DATA, { d: ["anxiety"], h: [], s: "office" });
  assert.deepEqual(filtered(all, ["no-cost"]).map((r) => r.adjustment.slug),
                   ["head-on-poor-fit", "helps", "both", "calls"]);
  assert.deepEqual(filtered(all, ["access-to-work"]).map((r) => r.adjustment.slug), ["helps"]);
  assert.equal(filtered(all, []).length, all.length);
});

test("plan dates print in words whatever the browser's language", () => {
  assert.equal(dateInWords("2026-12-01"), "1 December 2026");
  assert.equal(dateInWords("2027-01-04"), "4 January 2027");
  assert.equal(dateInWords(""), "");
  assert.equal(dateInWords("2027-13-01"), "");
});

test("a link onwards keeps the other choices and takes the filters ticked", () => {
  const href = "http://127.0.0.1/finder/?d=anxiety&s=office&f=no-cost";
  assert.equal(withFilters(href, ["no-cost", "access-to-work"]),
               "http://127.0.0.1/finder/?d=anxiety&s=office&f=no-cost&f=access-to-work");
  assert.equal(withFilters(href, []), "http://127.0.0.1/finder/?d=anxiety&s=office");
});
