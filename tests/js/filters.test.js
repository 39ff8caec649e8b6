// The search page's filters: a content type, and case studies' sector and employer size.
import assert from "node:assert/strict";
import { test } from "node:test";
import { facetPages, facetsFor, keepFor } from "../../theme/src/js/search/filters.js";

// Two guidance pages (documents 0-2), then three case studies (documents 3-5), one each.
const index = {
  pageOf: [0, 0, 1, 2, 3, 4],
  pageFirst: [0, 2, 3, 4, 5],
  manifest: {
    types: [["guidance", "Guidance", 0, 3], ["case-studies", "Case studies", 3, 6]],
    facets: [["sector", "Sector", [["health", "Health", [2, 4]], ["retail", "Retail", [3]]]],
             ["size", "Employer size", [["large", "Large", [2, 3]]]]],
  },
};

test("a type keeps its own documents only", () => {
  const keep = keepFor(index, "case-studies");
  assert.deepEqual([0, 1, 2, 3, 4, 5].filter(keep), [3, 4, 5]);
  assert.equal(keepFor(index, ""), null);
  assert.deepEqual([0, 3].filter(keepFor(index, "nonsense")), []);
});

test("facet values narrow to the pages that have every chosen one", () => {
  assert.deepEqual([...facetPages(index, { sector: "health" })], [2, 4]);
  assert.deepEqual([...facetPages(index, { sector: "health", size: "large" })], [2]);
  assert.deepEqual([...facetPages(index, { sector: "unknown" })], []);
  assert.equal(facetPages(index, {}), null);
});

test("only the types whose pages carry facets offer them", () => {
  assert.deepEqual(facetsFor(index, "case-studies").map(([key]) => key), ["sector", "size"]);
  assert.deepEqual(facetsFor(index, "guidance"), []);
});
