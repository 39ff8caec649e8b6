// The finder's ranking and each result's reason line, as plugins/finder/ranking.py (the
// browser tests compare the two). Best first: relevance to the chosen situations (the sum of
// their scores: 3 head-on, 2 helps, 1 can help), then to the chosen difficulties, then fit for
// the setting (the sum over every setting when none is chosen), then cost band and kind of
// cost, and the slug only between adjustments equal on all of those.

export function keysOf(pairs) { return pairs.map((pair) => pair[0]); }

export function labelOf(pairs, key) {
  for (let i = 0; i < pairs.length; i++) { if (pairs[i][0] === key) { return pairs[i][1]; } }
  return key;
}

export function lowerFirst(text) { return text.charAt(0).toLowerCase() + text.slice(1); }

function positionOf(pairs, key) {
  const index = keysOf(pairs).indexOf(key);
  return index === -1 ? 99 : index;
}

const HELP_WORDS = { 3: "helps head-on with", 2: "helps with", 1: "can help with" };

// data.situations: [[key, label, difficulty], ...] in taxonomy order.
export function parentOf(data, situation) {
  const found = data.situations.find((entry) => entry[0] === situation);
  return found ? found[2] : "";
}

// Known difficulties and situations in taxonomy order; a situation brings its difficulty.
export function chosenKeys(data, choice) {
  const picked = data.situations.filter((entry) => (choice.h || []).indexOf(entry[0]) !== -1)
    .map((entry) => entry[0]);
  const wanted = choice.d.concat(picked.map((key) => parentOf(data, key)));
  return { chosen: keysOf(data.difficulties).filter((key) => wanted.indexOf(key) !== -1), picked };
}

export function bestFit(data, a) {
  return Math.max(...keysOf(data.settings).map((s) => a.fit[s] || 0));
}

function fitPhrase(data, a, setting) {
  if (setting) {
    return data.fit_labels[a.fit[setting] || 0].toLowerCase() + " for " +
      lowerFirst(labelOf(data.settings, setting));
  }
  const best = bestFit(data, a);
  const names = data.settings.filter((pair) => (a.fit[pair[0]] || 0) === best);
  const where = names.length === data.settings.length ? "every kind of work"
    : names.map((pair) => pair[1].toLowerCase()).join(", ");
  return data.fit_labels[best].toLowerCase() + " for " + where;
}

function costPhrase(data, a) {
  const cost = lowerFirst(labelOf(data.costs, a.cost));
  return a.cost_band === "free" ? cost : cost + ", " + lowerFirst(labelOf(data.cost_bands, a.cost_band));
}

// "Helps head-on with noise and interruptions; strong fit for office or desk work; no cost":
// the chosen situations it helps with and the chosen difficulties with no situation chosen;
// when it helps with none of those, the chosen difficulties it helps with.
export function reason(data, a, chosen, picked, setting) {
  const refined = picked.map((key) => parentOf(data, key));
  const situationLabel = (key) => data.situations.find((entry) => entry[0] === key)[1];
  let items = picked.map((key) => [a.situations[key] || 0, situationLabel(key)])
    .concat(chosen.filter((key) => refined.indexOf(key) === -1)
      .map((key) => [a.difficulties[key] || 0, labelOf(data.difficulties, key)]));
  if (!items.some((item) => item[0])) {
    items = chosen.map((key) => [a.difficulties[key] || 0, labelOf(data.difficulties, key)]);
  }
  const helps = [];
  [3, 2, 1].forEach((level) => {
    const labels = items.filter((item) => item[0] === level).map((item) => lowerFirst(item[1]));
    if (labels.length) { helps.push(HELP_WORDS[level] + " " + labels.join(" and ")); }
  });
  const line = [helps.join(", "), fitPhrase(data, a, setting), costPhrase(data, a)]
    .filter(Boolean).join("; ");
  return line.charAt(0).toUpperCase() + line.slice(1);
}

// choice: {d: difficulties, h: situations, s: setting}.
export function rank(data, choice) {
  const settings = keysOf(data.settings);
  const { chosen, picked } = chosenKeys(data, choice);
  const results = [];
  data.adjustments.forEach((a) => {
    const covers = chosen.filter((key) => key in a.difficulties);
    const score = choice.s ? (a.fit[choice.s] || 0)
      : settings.reduce((sum, s) => sum + (a.fit[s] || 0), 0);
    const situationScore = picked.reduce((sum, key) => sum + (a.situations[key] || 0), 0);
    if ((covers.length || situationScore) && score > 0) {
      results.push({
        adjustment: a, score, covers, situationScore,
        difficultyScore: chosen.reduce((sum, key) => sum + (a.difficulties[key] || 0), 0),
        reason: reason(data, a, chosen, picked, choice.s),
      });
    }
  });
  results.sort((x, y) => {
    const a = x.adjustment, b = y.adjustment;
    return (y.situationScore - x.situationScore) || (y.difficultyScore - x.difficultyScore) ||
      (y.score - x.score) ||
      (positionOf(data.cost_bands, a.cost_band) - positionOf(data.cost_bands, b.cost_band)) ||
      (positionOf(data.costs, a.cost) - positionOf(data.costs, b.cost)) ||
      (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
  });
  return results;
}

// The finder's filters: only what costs nothing, only what Access to Work may help fund.
export function filtered(results, filters) {
  return results.filter((r) =>
    (filters.indexOf("no-cost") === -1 || r.adjustment.cost === "none") &&
    (filters.indexOf("access-to-work") === -1 || r.adjustment.access_to_work));
}
