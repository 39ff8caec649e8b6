// Results as markup, shared by the search page and the header box. Text goes in as text.

import { element } from "../shared/dom.js";
import { markedPieces, matchedTerms, openingOf } from "./snippet.js";

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

// What a result says first: for a page's opening, its "In short" or else its summary; for a
// section, the section's own opening lines.
function leadText(group) {
  const record = group.record;
  if (group.inShort) { return group.inShort.x; }
  return (record.h ? record.x : record.s || record.x) || "";
}

// The link to a result: page title, then the section heading when there is one.
function resultLink(group, root) {
  const record = group.record, title = link(root + record.u);
  title.appendChild(element("span", { class: "search-result-page" }, record.t));
  if (record.h) {
    title.appendChild(element("span", { class: "visually-hidden" }, ": "));
    title.appendChild(element("span", { class: "search-result-section" }, record.h));
  }
  return title;
}

// The answer at the top: a result whose heading holds the whole query, with its opening.
export function answerBox(group, root) {
  const terms = matchedTerms(group.result);
  const box = element("div", { class: "search-answer" });
  box.appendChild(element("p", { class: "search-answer-label" }, "Best answer"));
  const heading = element("h2", { class: "search-answer-title" });
  heading.appendChild(resultLink(group, root));
  box.appendChild(heading);
  const text = element("p", { class: "search-answer-text" });
  appendMarked(text, openingOf(leadText(group), 60), terms);
  box.appendChild(text);
  return box;
}

// One page in the results: its title (and section), type, snippet and other sections.
// `compact` (the header box) leaves out the snippet and the other sections.
export function resultItem(index, group, root, headingLevel, compact) {
  const record = group.record, terms = matchedTerms(group.result);
  const item = element("li", { class: "search-result" });
  const heading = element(headingLevel, { class: "search-result-title" });
  heading.appendChild(resultLink(group, root));
  item.appendChild(heading);
  item.appendChild(element("p", { class: "search-result-type" }, typeLabel(index, record.k)));
  const text = leadText(group);
  if (compact) { return item; }
  if (text) {
    const snippet = element("p", { class: "search-result-snippet" });
    appendMarked(snippet, openingOf(text), terms);
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
  if (!text) { return "Type a word or two to search."; }
  if (!outcome.groups.length) {
    return "No pages match \u201c" + text + "\u201d" + typeText + ". Check the spelling or " +
      "try fewer or other words. You can also browse";
  }
  let count = plural(outcome.total, "page", "pages");
  if (outcome.plan.phrases.length && !outcome.phraseCountIsExact) { count = "At least " + count; }
  const quoted = (words) => "\u201c" + words + "\u201d";
  const relaxed = outcome.plan.relaxed;
  if (relaxed) {
    return "No page matches all the words of " + quoted(text) + typeText + ". " + count + " " +
      (outcome.total === 1 ? "has " : "have ") + relaxed.most + " of the " + relaxed.of +
      ", best first.";
  }
  const match = outcome.total === 1 && count.indexOf("At least") === -1 ? " matches " : " match ";
  return (outcome.plan.fuzzy ? "No exact matches. " + count + match + "words like " + quoted(text)
    : count + match + quoted(text)) + typeText + ".";
}

// A link to the A to Z, the way out when search cannot work.
export function atozLink(root) { return link(root + "a-z/", "A to Z of all pages"); }

// The ways to a page without search, for the end of a "no pages match" message: the A to Z,
// the topics (listed on the search page) and the adjustment finder.
export function waysIn(root) {
  const part = document.createDocumentFragment();
  part.appendChild(document.createTextNode(" the "));
  part.appendChild(atozLink(root));
  part.appendChild(document.createTextNode(", the "));
  part.appendChild(link(root + "search/#search-browse", "topics"));
  part.appendChild(document.createTextNode(" or the "));
  part.appendChild(link(root + "finder/", "adjustment finder"));
  part.appendChild(document.createTextNode("."));
  return part;
}

// "Did you mean ...?" with a link that runs the corrected search.
export function suggestionLine(suggestion, root) {
  const line = element("span", { class: "search-suggestion" });
  line.appendChild(document.createTextNode("Did you mean "));
  line.appendChild(link(root + "search/?q=" + encodeURIComponent(suggestion), suggestion));
  line.appendChild(document.createTextNode("?"));
  return line;
}
