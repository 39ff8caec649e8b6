// Questions as questions: which typed words must match. Question and filler words ("can I",
// "do I have to", "how do I", "what should", "is ... a") are left out: lunr's stop words are
// not in the index at all, and FILLER words are in it but on nearly every page. Every other
// word but the ROLES must match, through itself or through a synonym the editors gave for a
// phrase holding it: a group is satisfied by any one of its alternatives, an alternative by
// all its words.

import { lunr } from "./lunr.js";

const FILLER = new Set([
  "please", "someone", "somebody", "anyone", "anybody", "something", "anything", "really",
  "actually", "also", "ever", "always", "still", "much", "many", "lot", "lots", "ok", "okay",
  "thing", "things", "way", "know", "need", "needs", "want", "going", "happens", "im", "i'm",
  "i've", "ive", "it's", "don't", "dont", "doesn't", "isn't", "can't", "cant", "won't",
  "worth",
]);

// Words for the people and the workplace: every page of the hub is about them, so they score
// but need not match ("employee talking about suicide" must find pages that say "someone").
const ROLES = new Set([
  "employee", "employees", "staff", "worker", "workers", "colleague", "colleagues", "person",
  "people", "manager", "managers", "boss", "employer", "employers", "team", "member",
  "members", "work", "workplace",
]);

export function isFiller(word) {
  return FILLER.has(word) || !lunr.stopWordFilter(new lunr.Token(word, {}));
}

// The words of a phrase that must match, in order, each once.
export function contentWords(typed) {
  return Array.from(new Set(typed.filter((word) => !isFiller(word) && !ROLES.has(word))));
}

// [{words: typed words, alternatives: [[word, ...], ...]}]: each matched synonym phrase is one
// group (its typed words, or any of its synonyms' words); each other content word its own.
export function wordGroups(typed, synonyms) {
  const line = " " + typed.join(" ") + " ", covered = new Set(), groups = [];
  (synonyms || []).forEach(([phrase, others]) => {
    if (line.indexOf(" " + phrase + " ") === -1) { return; }
    const own = contentWords(phrase.split(" "));
    if (!own.length) { return; }
    const alternatives = [own].concat(others.map((other) => contentWords(other.split(" "))))
      .filter((words) => words.length);
    own.forEach((word) => covered.add(word));
    groups.push({ words: own, alternatives });
  });
  contentWords(typed).forEach((word) => {
    if (!covered.has(word)) { groups.push({ words: [word], alternatives: [[word]] }); }
  });
  return groups;
}

// The groups with each word replaced by the clauses that stand for it (a slot: any one of
// them matches the word). Words without a clause (cut by the clause limit) are left out.
export function clauseGroups(groups, clauses) {
  const slotOf = (word) => clauses.map((clause, i) => [clause, i])
    .filter(([clause]) => clause.presence !== lunr.Query.presence.PROHIBITED &&
            clause.term.replace(/\*/g, "") === word)
    .map(([, i]) => i);
  return groups.map((group) => ({
    words: group.words,
    alternatives: group.alternatives
      .map((words) => words.map(slotOf).filter((slot) => slot.length))
      .filter((slots) => slots.length),
  })).filter((group) => group.alternatives.length);
}
