// The index's compact JSON decodes to the documents and weights it stands for.
import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeMembers, decodeTier, lastNotAfter } from "../../theme/src/js/search/decode.js";

test("a tier's document deltas and weights in thousandths decode to documents and weights", () => {
  const [title, body] = decodeTier([[0, [3, 4], [1500, 250]], [2, [0, 1, 9], [1, 2, 3]]]);
  assert.deepEqual(Array.from(title.docs), [3, 7]);
  assert.deepEqual(title.weights, [1.5, 0.25]);
  assert.equal(title.field, 0);
  assert.deepEqual(Array.from(body.docs), [0, 1, 10]);
  assert.equal(body.field, 2);
});

test("a membership bitmap (least significant bit first) marks its documents", () => {
  // Documents 0, 3 and 9: bytes 0b00001001 and 0b00000010.
  const bitmap = Buffer.from([0b00001001, 0b00000010]).toString("base64");
  const bits = decodeMembers(bitmap, 12);
  assert.deepEqual(Array.from(bits), [1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0]);
});

test("a membership list of deltas marks the same documents as its bitmap", () => {
  const bitmap = Buffer.from([0b00001001, 0b00000010]).toString("base64");
  assert.deepEqual(decodeMembers([0, 3, 6], 12), decodeMembers(bitmap, 12));
});

test("the shard for a term is the last whose first term is not after it", () => {
  const firsts = ["anxiety", "fit", "return"];
  assert.equal(lastNotAfter(firsts, "absence"), -1);
  assert.equal(lastNotAfter(firsts, "anxiety"), 0);
  assert.equal(lastNotAfter(firsts, "colleague"), 0);
  assert.equal(lastNotAfter(firsts, "plan"), 1);
  assert.equal(lastNotAfter(firsts, "zero"), 2);
});
