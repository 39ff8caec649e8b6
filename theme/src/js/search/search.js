// A search from start to finish: plan the query, rank, group by page, fetch the records to
// show, check quoted phrases, and fall back to fuzzy matching when nothing matches.

import { fuzzyPlan, planQuery, words } from "./query.js";

export function planFor(index, text, options) {
  return planQuery(index.fields, index.manifest.synonyms, text, options);
}

function containsPhrase(record, phrase) {
  const text = [record.t, record.h, record.x, record.s, record.g].join(" ");
  const haystack = " " + words(text).join(" ") + " ";
  return haystack.indexOf(" " + phrase.join(" ") + " ") !== -1;
}

// Group ranked documents by page, best first; each group keeps up to 3 more sections.
export function groupByPage(pageOf, results) {
  const groups = [], byPage = new Map();
  results.forEach((result) => {
    const doc = +result.ref, page = pageOf[doc];
    const group = byPage.get(page);
    if (!group) {
      const created = { page, doc, result, others: [] };
      byPage.set(page, created);
      groups.push(created);
    } else if (group.others.length < 3) {
      group.others.push(doc);
    }
  });
  return groups;
}

function countGroups(pageOf, results) {
  const pages = new Set();
  results.forEach((r) => { pages.add(pageOf[+r.ref]); });
  return pages.size;
}

// Search: the best `limit` pages for what was typed, with the records to show them.
export function search(index, text, options = {}) {
  const limit = options.limit || 10, type = options.type || "";
  const range = index.manifest.types.filter((t) => t[0] === type)[0];
  const keep = type ? (doc) => (range ? doc >= range[2] && doc < range[3] : false) : null;
  const plan = planFor(index, text, options);
  if (!plan.clauses.length) {
    return Promise.resolve({ plan, groups: [], total: 0, pagesByType: {}, exhausted: true });
  }
  return runPlan(index, plan, limit, keep, type).then((outcome) => {
    if (outcome.total === 0 && !plan.phrases.length && options.fuzzy !== false) {
      return runPlan(index, fuzzyPlan(plan), limit, keep, type)
        .then((second) => (second.total ? second : outcome));
    }
    return outcome;
  });
}

function runPlan(index, plan, limit, keep, type) {
  let wanted = limit;
  const attempt = () => index.rank(plan.clauses, (confirmed) => {
    return countGroups(index.pageOf, confirmed) > wanted;   // one more than shown: is there more?
  }, keep).then((ranked) => {
    let groups = groupByPage(index.pageOf, ranked.results);
    // A phrase is checked against each record's text; otherwise only shown ones load.
    const needed = plan.phrases.length ? groups : groups.slice(0, limit);
    return Promise.all(needed.map((group) => index.record(group.doc))).then((records) => {
      needed.forEach((group, i) => { group.record = records[i]; });
      if (plan.phrases.length) {
        groups = groups.filter((group) => plan.phrases.every(
          (phrase) => containsPhrase(group.record, phrase)));
        if (groups.length <= limit && !ranked.exhausted) {
          wanted *= 2;
          return attempt();
        }
      }
      const total = type ? ranked.pagesByType[type] || 0 : ranked.total;
      return { plan, groups: groups.slice(0, limit), more: groups.length > limit,
               total: plan.phrases.length ? groups.length : total,
               pagesByType: ranked.pagesByType, exhausted: ranked.exhausted,
               phraseCountIsExact: ranked.exhausted };
    });
  });
  return attempt();
}
