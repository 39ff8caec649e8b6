// The /search/ page: results as you type, a filter by content type, more results on demand,
// and the query in the URL (so a search can be shared, and Back works).

import { Component } from "../shared/component.js";
import { element } from "../shared/dom.js";
import { MAX_QUERY_CHARS } from "./query.js";
import { atozLink, describe, resultItem, typeLabel } from "./render.js";
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
    this.limit = PAGE_SIZE;
    this.run = 0;
    const params = new URLSearchParams(location.search);
    this.type = params.get("type") || "";
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
      this.update(false);
    });
    const header = document.getElementById("site-search-q");
    if (header && !header.value) { header.value = this.input.value; }
    this.update(false);
  }

  remember(how) {
    const params = new URLSearchParams();
    if (this.input.value) { params.set("q", this.input.value); }
    if (this.type) { params.set("type", this.type); }
    const url = location.pathname + (params.toString() ? "?" + params : "");
    history[how === "push" ? "pushState" : "replaceState"](null, "", url);
  }

  update(typing, keepFocus) {
    const run = ++this.run, text = this.input.value;
    this.results.setAttribute("data-search-state", "busy");
    return search(this.index, text, { prefix: typing, limit: this.limit, type: this.type })
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
    if (!outcome.groups.length && outcome.plan.clauses.length) {
      this.status.appendChild(document.createTextNode(" "));
      this.status.appendChild(atozLink(this.siteUrl));
    }
    this.list.textContent = "";
    outcome.groups.forEach((group, i) => {
      const item = resultItem(this.index, group, this.siteUrl, "h2");
      if (i === shown) { firstNew = item; }
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
