// The /search/ page: results as you type, a filter by content type, more results on demand,
// and the query in the URL (so a search can be shared, and Back works).

import { Component } from "../shared/component.js";
import { element } from "../shared/dom.js";
import { MAX_QUERY_CHARS } from "./query.js";
import { answerBox, atozLink, describe, resultItem, suggestionLine, typeLabel, waysIn }
  from "./render.js";
import { facetsFor } from "./filters.js";
import { search } from "./search.js";

const PAGE_SIZE = 10;

export class SearchPage extends Component {
  static moduleName = "search-page";

  // Markup: search.html. Options: data-site-url, the site's root (result links start there).
  constructor(root, index) {
    super(root);
    this.index = index;
    this.siteUrl = new URL(this.requiredOption("site-url"), document.baseURI).href;
    this.form = this.required("form", "the search form");
    this.input = this.required("input[name=q]", "the search box");
    this.results = this.required("[data-search-results]", "the results area");
    this.status = this.required("[data-search-status]", "the status line");
    this.list = this.required("[data-search-list]", "the results list");
    this.filter = this.required("[data-search-filter]", "the place for the type filter");
    this.more = this.required("[data-search-more]", "the more-results button");
    this.answer = this.required("[data-search-answer]", "the place for the answer");
    this.limit = PAGE_SIZE;
    this.run = 0;
    const params = new URLSearchParams(location.search);
    this.type = params.get("type") || "";
    this.facets = this.facetsFrom(params);
    this.input.value = (params.get("q") || "").slice(0, MAX_QUERY_CHARS);
    this.input.addEventListener("input", (event) => {
      this.started = event.timeStamp;
      this.limit = PAGE_SIZE;
      this.update(true);
      this.remember("replace");
    });
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.started = event.timeStamp;
      this.limit = PAGE_SIZE;
      this.update(false);
      this.remember("push");
    });
    this.more.addEventListener("click", () => {
      this.limit += PAGE_SIZE;
      this.update(false, true);
    });
    window.addEventListener("popstate", () => {
      const state = new URLSearchParams(location.search);
      this.input.value = state.get("q") || "";
      this.type = state.get("type") || "";
      this.facets = this.facetsFrom(state);
      this.update(false);
    });
    const header = document.getElementById("site-search-q");
    if (header && !header.value) { header.value = this.input.value; }
    this.update(false);
  }

  // The facet values in the URL (`?type=case-studies&sector=health`) that the index knows.
  facetsFrom(params) {
    const chosen = {};
    (this.index.manifest.facets || []).forEach(([key, , values]) => {
      const value = params.get(key);
      if (values.some(([name]) => name === value)) { chosen[key] = value; }
    });
    return chosen;
  }

  // The chosen facet values that apply to the chosen type.
  activeFacets() {
    const active = {};
    if (!this.type) { return active; }
    facetsFor(this.index, this.type).forEach(([key]) => {
      if (this.facets[key]) { active[key] = this.facets[key]; }
    });
    return active;
  }

  remember(how) {
    const params = new URLSearchParams();
    if (this.input.value) { params.set("q", this.input.value); }
    if (this.type) { params.set("type", this.type); }
    Object.entries(this.activeFacets()).forEach(([key, value]) => { params.set(key, value); });
    const url = location.pathname + (params.toString() ? "?" + params : "");
    history[how === "push" ? "pushState" : "replaceState"](null, "", url);
  }

  update(typing, keepFocus) {
    const run = ++this.run, text = this.input.value;
    this.results.setAttribute("data-search-state", "busy");
    const facets = this.activeFacets();
    return search(this.index, text, { prefix: typing, limit: this.limit, type: this.type, facets })
      .then((outcome) => {
        if (run === this.run) { this.show(outcome, keepFocus); }
      })
      .catch((error) => {
        if (run === this.run) { this.failed(error); }
      });
  }

  show(outcome, keepFocus) {
    const shown = this.list.children.length;
    let firstNew = null;
    const typeText = this.type ? " in " + typeLabel(this.index, this.type).toLowerCase() : "";
    this.status.textContent = describe(outcome, typeText);
    if (!outcome.groups.length && outcome.plan.text.trim()) {
      this.status.appendChild(waysIn(this.siteUrl));
    }
    if (outcome.suggestion) {
      this.status.appendChild(document.createTextNode(" "));
      this.status.appendChild(suggestionLine(outcome.suggestion, this.siteUrl));
    }
    // The answer, when there is one, leads; the list goes on from the next result.
    this.answer.textContent = "";
    if (outcome.answer) { this.answer.appendChild(answerBox(outcome.answer, this.siteUrl)); }
    this.list.textContent = "";
    outcome.groups.forEach((group) => {
      if (group === outcome.answer) { return; }
      const item = resultItem(this.index, group, this.siteUrl, "h2");
      if (this.list.children.length === shown) { firstNew = item; }
      this.list.appendChild(item);
    });
    this.showFilter(outcome);
    this.more.hidden = !outcome.more;
    this.results.setAttribute("data-search-query", outcome.plan.text);
    this.results.setAttribute("data-search-state", "done");
    this.finished = performance.now();
    if (keepFocus && firstNew) { firstNew.querySelector("a").focus(); }
  }

  // Radio buttons for each content type with results, with their page counts.
  showFilter(outcome) {
    const index = this.index;
    this.filter.textContent = "";
    if (!outcome.plan.clauses.length || !outcome.pagesByType) { return; }
    const types = index.manifest.types.filter((t) => outcome.pagesByType[t[0]]);
    if (types.length < 2 && !this.type) { return; }
    const fieldset = element("fieldset", { class: "search-filter" });
    fieldset.appendChild(element("legend", {}, "Show"));
    const total = types.reduce((sum, t) => sum + outcome.pagesByType[t[0]], 0);
    const options = types.map((t) => [t[0], t[1], outcome.pagesByType[t[0]]]);
    [["", "All types", total]].concat(options).forEach(([value, label, count]) => {
      const id = "search-type-" + (value || "all");
      const input = element("input", { type: "radio", name: "type", id });
      input.value = value;
      input.checked = value === this.type;
      input.addEventListener("change", () => {
        this.type = input.value;
        this.limit = PAGE_SIZE;
        this.remember("replace");
        this.update(false).then(() => {
          const again = document.getElementById(id);
          if (again) { again.focus(); }
        });
      });
      const labelNode = element("label", { for: id }, label + " (" + count + ")");
      const wrap = element("span", { class: "search-filter-option" });
      wrap.appendChild(input);
      wrap.appendChild(labelNode);
      fieldset.appendChild(wrap);
    });
    this.filter.appendChild(fieldset);
    if (this.type) { this.showFacets(); }
  }

  // For a type whose pages have facets (case studies: sector and employer size), a list of
  // each facet's values to narrow the results to.
  showFacets() {
    facetsFor(this.index, this.type).forEach(([key, label, values]) => {
      const id = "search-facet-" + key;
      const wrap = element("p", { class: "search-facet" });
      wrap.appendChild(element("label", { for: id }, label));
      const select = element("select", { id, name: key });
      [["", "Any"]].concat(values.map(([value, text]) => [value, text])).forEach(([value, text]) => {
        const option = element("option", {}, text);
        option.value = value;
        option.selected = (this.facets[key] || "") === value;
        select.appendChild(option);
      });
      select.addEventListener("change", () => {
        if (select.value) { this.facets[key] = select.value; } else { delete this.facets[key]; }
        this.limit = PAGE_SIZE;
        this.remember("replace");
        this.update(false).then(() => {
          const again = document.getElementById(id);
          if (again) { again.focus(); }
        });
      });
      wrap.appendChild(select);
      this.filter.appendChild(wrap);
    });
  }

  failed(error) {
    this.status.textContent = "Search is not working at the moment. " +
      "You can find every page in the ";
    this.status.appendChild(atozLink(this.siteUrl));
    this.status.appendChild(document.createTextNode("."));
    this.list.textContent = "";
    this.results.setAttribute("data-search-state", "failed");
    console.warn("search:", error);
  }
}
