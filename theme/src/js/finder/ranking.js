// The finder's ranking, as plugins/finder/ranking.py (the browser tests compare the two).

export function keysOf(pairs) { return pairs.map((pair) => pair[0]); }

export function labelOf(pairs, key) {
  for (let i = 0; i < pairs.length; i++) { if (pairs[i][0] === key) { return pairs[i][1]; } }
  return key;
}

function positionOf(pairs, key) {
  const index = keysOf(pairs).indexOf(key);
  return index === -1 ? 99 : index;
}

// Adjustments that help with a chosen difficulty and fit the setting (or any setting), best
// first: by fit, then difficulties covered, cost band, cost, and slug.
export function rank(data, choice) {
  const settings = keysOf(data.settings);
  const results = [];
  data.adjustments.forEach((a) => {
    const covers = choice.d.filter((key) => a.difficulties.indexOf(key) !== -1);
    const score = choice.s ? (a.fit[choice.s] || 0)
      : settings.reduce((sum, s) => sum + (a.fit[s] || 0), 0);
    if (covers.length && score > 0) { results.push({ adjustment: a, score, covers }); }
  });
  results.sort((x, y) => {
    const a = x.adjustment, b = y.adjustment;
    return (y.score - x.score) || (y.covers.length - x.covers.length) ||
      (positionOf(data.cost_bands, a.cost_band) - positionOf(data.cost_bands, b.cost_band)) ||
      (positionOf(data.costs, a.cost) - positionOf(data.costs, b.cost)) ||
      (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
  });
  return results;
}
