// The search page's filters: one content type, and for case studies the facets in the index's
// manifest (sector, employer size), each a list of the pages with that value.

// The documents of one type (null when no type is chosen).
export function keepFor(index, type) {
  const range = index.manifest.types.filter((t) => t[0] === type)[0];
  return type ? (doc) => (range ? doc >= range[2] && doc < range[3] : false) : null;
}

// The pages with every chosen facet value (a case study's sector, its employer size), or null
// when none is chosen. They limit the matches, so the counts are of these pages too.
export function facetPages(index, facets) {
  let pages = null;
  (index.manifest.facets || []).filter(([key]) => facets[key]).forEach(([key, , values]) => {
    const value = values.find(([name]) => name === facets[key]);
    const these = new Set(value ? value[2] : []);
    pages = pages ? new Set([...pages].filter((page) => these.has(page))) : these;
  });
  return pages;
}

// The facets the pages of `type` can be filtered by.
export function facetsFor(index, type) {
  const range = index.manifest.types.filter((t) => t[0] === type)[0];
  if (!range) { return []; }
  return (index.manifest.facets || []).filter(([, , values]) => values.some(
    ([, , pages]) => pages.some((page) => index.pageFirst[page] >= range[2] &&
                                          index.pageFirst[page] < range[3])));
}
