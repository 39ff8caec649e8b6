// A printed page ends with the date it was printed, in English words, whatever the locale.
import assert from "node:assert/strict";
import { test } from "node:test";
import { printedOn } from "../../theme/src/js/hub/print-date.js";

test("the date printed is written as GOV.UK writes dates", () => {
  assert.equal(printedOn(new Date(2026, 11, 1)), "Printed 1 December 2026");
  assert.equal(printedOn(new Date(2027, 0, 31)), "Printed 31 January 2027");
});
