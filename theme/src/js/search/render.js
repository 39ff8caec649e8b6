// Results as markup, shared by the search page and the header box. Text goes in as text.

import { element } from "../shared/dom.js";
import { markedPieces, matchedTerms, snippetOf } from "./snippet.js";

export function typeLabel(index, kind) {
  const type = index.manifest.types.filter((t) => t[0] === kind)[0];
  return type ? type[1] : "";
}

// Append `text` to `parent`, with the words that matched the query in <mark>.
function appendMarked(parent, text, terms) {
  markedPieces(text, terms).forEach((piece) => {
    parent.appendChild(piece.marked ? element("mark", {}, piece.text)
      : document.createTextNode(piece.text));
  });
}

function link(href, text) {
  const a = element("a", {}, text);
  a.href = href;
  return a;
}

// One page in the results: its title (and section), type, snippet and other sections.
// `compact` (the header box) leaves out the snippet and the other sections.
export function resultItem(index, group, root, headingLevel, compact) {
  const record = group.record, terms = matchedTerms(group.result);
  const item = element("li", { class: "search-result" });
  const heading = element(headingLevel, { class: "search-result-title" });
  const title = link(root + record.u);
  title.appendChild(element("span", { class: "search-result-page" }, record.t));
  if (record.h) {
    title.appendChild(element("span", { class: "visually-hidden" }, ": "));
    title.appendChild(element("span", { class: "search-result-section" }, record.h));
  }
  heading.appendChild(title);
  item.appendChild(heading);
  item.appendChild(element("p", { class: "search-result-type" }, typeLabel(index, record.k)));
  const text = record.x || record.s || "";
  if (compact) { return item; }
  if (text) {
    const snippet = element("p", { class: "search-result-snippet" });
    appendMarked(snippet, snippetOf(text, terms), terms);
    item.appendChild(snippet);
  }
  if (group.others.length && record.o) {
    const list = element("ul", { class: "search-result-more" });
    group.others.forEach((doc) => {
      const entry = record.o[doc - record.p - 1];
      if (!entry) { return; }
      const li = element("li");
      li.appendChild(link(root + record.u.split("#")[0] + (entry[1] ? "#" + entry[1] : ""),
                          entry[0] || record.t));
      list.appendChild(li);
    });
    if (list.children.length) {
      item.appendChild(element("p", { class: "search-result-also" }, "Also on this page:"));
      item.appendChild(list);
    }
  }
  return item;
}

function plural(count, one, many) { return count + " " + (count === 1 ? one : many); }

// The status line: how many pages match, or what to try when none do.
export function describe(outcome, typeText) {
  const text = outcome.plan.text.trim();
  if (!outcome.plan.clauses.length) { return "Type a word or two to search."; }
  if (!outcome.groups.length) {
    return "No pages match \u201c" + text + "\u201d" + typeText + ". Check the spelling, try " +
      "fewer or other words, or browse the A to Z of all pages.";
  }
  let count = plural(outcome.total, "page", "pages");
  if (outcome.plan.phrases.length && !outcome.phraseCountIsExact) { count = "At least " + count; }
  const quoted = "\u201c" + text + "\u201d";
  return (outcome.plan.fuzzy ? "No exact matches. " + count + " match words like " + quoted
    : count + " match " + quoted) + typeText + ".";
}

// A link to the A to Z, the way out when search finds nothing or cannot work.
export function atozLink(root) { return link(root + "a-z/", "A to Z of all pages"); }
