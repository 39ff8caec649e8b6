// A search from start to finish: plan the query, rank, group by page, fetch the records to
// show, check quoted phrases. Every content word must match; when no page has them all,
// near spellings are tried (with a "did you mean"), then fewer words (saying which).

import { headingMatchesFirst } from "./answer.js";
import { facetPages, keepFor } from "./filters.js";
import { fuzzyPlan, planQuery, words } from "./query.js";
import { groupBitmaps, groupCounts } from "./rank.js";
import { indexTermOf } from "./snippet.js";
import { closestTerm, correctedText, surfaceForm } from "./spelling.js";

const IN_SHORT = "In short";   // the heading of a page's summary (docs/editing.md)

export function planFor(index, text, options) {
  return planQuery(index.fields, index.manifest.synonyms, text, options);
}

function containsPhrase(record, phrase) {
  const text = [record.t, record.h, record.x, record.s, record.g].join(" ");
  const haystack = " " + words(text).join(" ") + " ";
  return haystack.indexOf(" " + phrase.join(" ") + " ") !== -1;
}

// Group ranked documents by page, best first; each group keeps up to 3 more sections.
function groupByPage(pageOf, results) {
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
  const keep = keepFor(index, type);
  const plan = Object.assign(planFor(index, text, options),
                             { pages: facetPages(index, options.facets || {}) });
  if (!plan.clauses.length) {
    return Promise.resolve({ plan, groups: [], total: 0, pagesByType: {}, exhausted: true });
  }
  const run = (which) => runPlan(index, which, limit, keep, type);
  return run(plan).then((outcome) => {
    if (outcome.total > 0 || options.fuzzy === false) { return outcome; }
    // Words that match nothing may be misspelt: try near spellings of just those.
    const unmatched = unmatchedClauses(index, plan, outcome.expansion);
    const nearSpellings = plan.phrases.length || !unmatched.size ? Promise.resolve(outcome)
      : run(fuzzyPlan(plan, unmatched));
    return nearSpellings.then((fuzzy) => {
      if (fuzzy.total > 0) {
        fuzzy.suggestion = suggestion(index, plan, unmatched, fuzzy);
        return fuzzy;
      }
      return relax(index, plan, outcome, run);
    });
  });
}

// The clauses of the typed words in groups no document has: words with no match at all.
function unmatchedClauses(index, plan, expansion) {
  const clauses = new Set();
  groupBitmaps(index, expansion).forEach((bits, g) => {
    if (bits.some((bit) => bit)) { return; }
    plan.groups[g].alternatives[0].forEach((slot) => slot.forEach((i) => clauses.add(i)));
  });
  return clauses;
}

// No page has every word: the pages with the most of them (lunr ranks those), saying so.
function relax(index, plan, outcome, run) {
  if (plan.groups.length < 2) { return outcome; }
  const most = groupCounts(index, outcome.expansion).reduce((a, b) => Math.max(a, b), 0);
  if (most === 0) { return outcome; }
  return run(Object.assign({}, plan, {
    need: most, relaxed: { most, of: plan.groups.length } }));
}

// "Did you mean": each typed word that matched nothing, replaced by the nearest term the
// fuzzy search found, written as the results' own text spells it.
function suggestion(index, plan, unmatched, fuzzy) {
  const typed = new Set(words(plan.text)), corrections = new Map();
  const texts = fuzzy.groups.filter((group) => group.record)
    .flatMap((group) => [group.record.t, group.record.h, group.record.x]);
  const documentsWith = (term) => index.members(index.heads[term]).reduce((a, b) => a + b, 0);
  plan.clauses.forEach((clause, i) => {
    const found = fuzzy.expansion.expanded[i] || [];
    if (!unmatched.has(i) || !typed.has(clause.term) || !found.length) { return; }
    const stem = index.clauseTerms(clause)[0];
    const word = surfaceForm(closestTerm(stem, found, documentsWith), texts, indexTermOf);
    if (word && word !== clause.term) { corrections.set(clause.term, word); }
  });
  return corrections.size ? correctedText(plan.text, corrections) : null;
}

function runPlan(index, plan, limit, keep, type) {
  let wanted = limit;
  const attempt = () => index.rank(plan.clauses, (confirmed) => {
    return countGroups(index.pageOf, confirmed) > wanted;   // one more than shown: is there more?
  }, keep, { groups: plan.groups, need: plan.need, pages: plan.pages }).then((ranked) => {
    const results = headingMatchesFirst(ranked.results, ranked.plan.groups);
    let groups = groupByPage(index.pageOf, results);
    // A phrase is checked against each record's text; otherwise only shown ones load.
    const needed = plan.phrases.length ? groups : groups.slice(0, limit);
    return Promise.all(needed.map((group) => withInShort(index, group))).then(() => {
      if (plan.phrases.length) {
        groups = groups.filter((group) => plan.phrases.every(
          (phrase) => containsPhrase(group.record, phrase)));
        if (groups.length <= limit && !ranked.exhausted) {
          wanted *= 2;
          return attempt();
        }
      }
      const total = type ? ranked.pagesByType[type] || 0 : ranked.total;
      const shown = groups.slice(0, limit);
      return { plan, groups: shown, more: groups.length > limit,
               total: plan.phrases.length ? groups.length : total,
               pagesByType: ranked.pagesByType, exhausted: ranked.exhausted,
               phraseCountIsExact: ranked.exhausted, expansion: ranked.plan,
               answer: answerOf(shown) };
    });
  });
  return attempt();
}

// The answer: the first result whose section heading holds every word, else the best result
// when it is the opening (or "In short") of a page whose title holds them all.
function answerOf(groups) {
  const inHeading = groups.find((group) => group.result.inHeading);
  if (inHeading) { return inHeading; }
  const best = groups[0];
  return best && best.result.tier > 0 && (!best.record.h || best.record.h === IN_SHORT)
    ? best : null;
}

// A group's record, and for a page's opening, its "In short" (the next section) when it has
// one: what the page says first is the best snippet. Usually the same file.
function withInShort(index, group) {
  return index.record(group.doc).then((record) => {
    group.record = record;
    const first = record.o && record.o[0];
    if (group.doc !== record.p || !first || first[0] !== IN_SHORT) { return null; }
    return index.record(record.p + 1).then((inShort) => { group.inShort = inShort; });
  });
}
