// Answer first: results whose section heading and page title hold every word that must
// match come before the rest; search.js shows the best of them as the answer at the top.

// Which fields of a result hold each matched term, from lunr's match data.
function fieldsOf(result, term) {
  const metadata = (result.matchData && result.matchData.metadata) || {};
  return Object.keys(metadata[term] || {});
}

// True when every group of `expandedGroups` (rank.js's plan.groups: alternatives of slots of
// terms) has an alternative whose every slot matched in one of `fields`.
export function covers(result, expandedGroups, fields) {
  if (!expandedGroups.length) { return false; }
  return expandedGroups.every((alternatives) => alternatives.some((slots) => slots.every(
    (terms) => terms.some((term) => fieldsOf(result, term).some((f) => fields.includes(f))))));
}

// The results whose title and heading hold every word first, otherwise in lunr's order (which
// weighs a title match above a heading match). Each result learns its `tier` (1 or 0) and
// whether its heading alone holds every word as typed, not through a synonym (`inHeading`).
export function headingMatchesFirst(results, expandedGroups) {
  const typedWords = expandedGroups.map((alternatives) => alternatives.slice(0, 1));
  return results.map((result, position) => ({
    result, position, tier: covers(result, expandedGroups, ["title", "heading"]) ? 1 : 0 }))
    .sort((a, b) => b.tier - a.tier || a.position - b.position)
    .map(({ result, tier }) => Object.assign(result, {
      tier, inHeading: covers(result, typedWords, ["heading"]) }));
}
