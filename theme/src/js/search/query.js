// Reading what people type: lunr's query syntax where it parses, plain words where it does
// not, quoted phrases, prefixes while typing, the editors' synonyms, and the fuzzy fallback.

import { PRESENCE, copyClause, lunr } from "./lunr.js";
import { clauseGroups, isFiller, wordGroups } from "./question.js";

// Limits that keep any input quick (issue 9): fuzzy matching costs about length^distance,
// and a long or starred word expands against much of the index.
export const LIMITS = {
  queryChars: 200,   // longer input is cut: nobody types more to find a page
  clauses: 24,
  wordChars: 32,     // the longest index term has 31 letters: longer words cannot match
  wildcards: 2,      // stars in one word ("wor*d" has one); more are dropped
  editDistance: 2,   // "reasonable~9" is searched as "reasonable~2"
  shortWord: 6,      // and words shorter than this with at most 1 ("fit~9" as "fit~1")
  fuzzyChars: 16,    // longer words are matched exactly, never fuzzily
  fuzzyWords: 4,     // words matched fuzzily in one query, typed with ~ or by the fallback
};
export const MAX_QUERY_CHARS = LIMITS.queryChars;
const MIN_WILDCARD_LETTERS = 2;   // "a*" would fetch a large part of the index
const PREFIX_BOOST = 0.5;         // "ret" completes to return and retain alike: trust it less

const WORD = /[\p{L}\p{N}']+/gu;

export function words(text) { return (String(text).toLowerCase().match(WORD) || []); }

function cleanTerm(term) { return term.replace(/[:~^*+-]/g, " ").trim(); }

// Turn what someone typed into lunr clauses: lunr's syntax where it parses, plain words
// where it does not, quoted phrases as required words (checked against the text later),
// the last word also as a prefix (at half weight) while typing, and the editors' synonyms.
// `fields` are the index's fields; `synonyms` come from its manifest.
export function planQuery(fields, synonyms, text, options = {}) {
  text = String(text || "").slice(0, MAX_QUERY_CHARS);
  const query = new lunr.Query(fields), phrases = [];
  text = text.replace(/[\u2018\u2019]/g, "'");   // the index has straight apostrophes
  const quoted = /["\u201c\u201d]([^"\u201c\u201d]*)["\u201c\u201d]?/g;
  const rest = text.replace(quoted, (match, inside) => {
    const phrase = words(inside);
    if (phrase.length) { phrases.push(phrase); }
    phrase.forEach((word) => {
      query.clause({ term: word, presence: PRESENCE.REQUIRED });
    });
    return " ";
  });
  // Punctuation lunr would keep in a word ("interview?"), but not lunr's own syntax.
  const unpunctuated = rest.replace(/[^\p{L}\p{N}'\s+\-:~^*]/gu, " ");
  let parsed = new lunr.Query(fields);
  try {
    new lunr.QueryParser(unpunctuated, parsed).parse();
  } catch {
    parsed = new lunr.Query(fields);   // lunr syntax that does not parse: plain words
    words(cleanTerm(unpunctuated)).forEach((word) => { parsed.clause({ term: word }); });
  }
  // Question and filler words do not count as matches, unless nothing else was typed.
  const plainWord = (clause) => clause.usePipeline && !clause.editDistance &&
    clause.presence === PRESENCE.OPTIONAL && clause.fields.length === fields.length &&
    clause.term.indexOf("*") === -1;
  const filler = (clause) => plainWord(clause) && isFiller(clause.term);
  const onlyFiller = parsed.clauses.every(filler);
  parsed.clauses.forEach((clause) => {
    const literal = clause.term.replace(/\*/g, "");
    if (!literal || (filler(clause) && !onlyFiller)) { return; }
    if (clause.term.indexOf("*") !== -1 && literal.length < MIN_WILDCARD_LETTERS) {
      clause.term = literal;           // too broad as a wildcard: search the letters
      clause.usePipeline = true;
    }
    query.clauses.push(clause);
  });
  const last = parsed.clauses[parsed.clauses.length - 1];
  if (options.prefix && last && !/\s$/.test(text) && last.usePipeline && !last.editDistance &&
      last.presence === PRESENCE.OPTIONAL && last.term.length >= MIN_WILDCARD_LETTERS) {
    query.clause({ term: last.term, fields: last.fields, usePipeline: false, boost: PREFIX_BOOST,
                   wildcard: lunr.Query.wildcard.TRAILING });
  }
  // Synonyms for the words typed, but not for words marked - (prohibited) or field: words.
  const plain = text.replace(/(^|\s)-\S*/g, " ").replace(/\S+:\S*/g, " ").replace(/[~^*+]/g, " ");
  addSynonyms(query, words(plain), synonyms || []);
  query.clauses = limitClauses(query.clauses.slice(0, LIMITS.clauses));
  // The words that must match (search.js relaxes them when no page has them all).
  const groups = clauseGroups(wordGroups(words(plain), synonyms), query.clauses);
  return { clauses: query.clauses, phrases, text, groups };
}

function fuzzyLetters(clause) { return clause.term.replace(/\*/g, "").length; }

// Words cut to LIMITS.wordChars, at most LIMITS.wildcards stars each, and edit distances
// only on short words, up to LIMITS.editDistance, for at most LIMITS.fuzzyWords words.
function limitClauses(clauses) {
  let fuzzy = 0;
  clauses.forEach((clause) => {
    let stars = 0;
    clause.term = clause.term.slice(0, LIMITS.wordChars)
      .replace(/\*/g, (star) => (++stars <= LIMITS.wildcards ? star : ""));
    if (!clause.editDistance) { return; }
    if (fuzzy < LIMITS.fuzzyWords && fuzzyLetters(clause) <= LIMITS.fuzzyChars) {
      const most = fuzzyLetters(clause) < LIMITS.shortWord ? 1 : LIMITS.editDistance;
      clause.editDistance = Math.min(clause.editDistance, most);
      fuzzy++;
    } else {
      clause.editDistance = 0;
    }
  });
  return clauses;
}

// Each synonym is [what people type, [what our pages say, ...]]: when the typed phrase is
// in the query, the words of the others join it.
function addSynonyms(query, typed, synonyms) {
  const line = " " + typed.join(" ") + " ", present = new Set(typed);
  synonyms.forEach((synonym) => {
    if (line.indexOf(" " + synonym[0] + " ") === -1) { return; }
    synonym[1].forEach((phrase) => {
      phrase.split(" ").forEach((word) => {
        if (!present.has(word)) {
          present.add(word);
          query.clause({ term: word });
        }
      });
    });
  });
}

// Fuzzy fallback: each plain word may differ by one letter (two for long words), within
// LIMITS (the first few short words only). `only`, when given, names the clauses that may.
export function fuzzyPlan(plan, only) {
  let fuzzy = plan.clauses.filter((clause) => clause.editDistance).length;
  const clauses = plan.clauses.map((clause, i) => {
    const copy = copyClause(clause);
    if (copy.usePipeline && !copy.editDistance && copy.term.length >= 4 &&
        copy.term.length <= LIMITS.fuzzyChars && fuzzy < LIMITS.fuzzyWords &&
        copy.presence !== PRESENCE.PROHIBITED && (!only || only.has(i))) {
      copy.editDistance = copy.term.length >= 8 ? 2 : 1;
      fuzzy++;
    }
    return copy;
  });
  return { clauses, phrases: plan.phrases, text: plan.text, groups: plan.groups,
           pages: plan.pages, fuzzy: true };
}
