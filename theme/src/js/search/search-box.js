// The header box on every other page: the best few results as you type, reached by keyboard.

import { Component } from "../shared/component.js";
import { element } from "../shared/dom.js";
import { describe, resultItem, waysIn } from "./render.js";
import { search } from "./search.js";

const SUGGESTIONS = 5;

export class SearchBox extends Component {
  static moduleName = "search-box";

  // Markup: the site-search form in base.html. Options: data-site-url, the site's root.
  constructor(form, index) {
    super(form);
    this.index = index;
    this.form = form;
    this.siteUrl = new URL(this.requiredOption("site-url"), document.baseURI).href;
    this.input = this.required("input[name=q]", "the search box");
    this.panel = element("div", { class: "search-suggest", id: "search-suggest" });
    this.panel.hidden = true;
    this.announce = element("p", { class: "visually-hidden", role: "status" });
    form.appendChild(this.panel);
    form.appendChild(this.announce);
    this.run = 0;
    this.input.setAttribute("aria-describedby", "search-suggest-hint");
    form.appendChild(element("span", { class: "visually-hidden", id: "search-suggest-hint" },
                             "Results appear below as you type; press the down arrow to reach them."));
    this.input.addEventListener("input", (event) => {
      this.started = event.timeStamp;
      this.update();
    });
    this.input.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown" && !this.panel.hidden) {
        const first = this.panel.querySelector("a");
        if (first) { event.preventDefault(); first.focus(); }
      } else if (event.key === "Escape") {
        this.close();
      }
    });
    this.panel.addEventListener("keydown", (event) => this.movePanelFocus(event));
    form.addEventListener("focusout", (event) => {
      if (!event.relatedTarget || !form.contains(event.relatedTarget)) { this.close(); }
    });
    if (this.input.value) { this.update(); }
  }

  // Up and down move between the suggestions (up from the first goes back to the box).
  movePanelFocus(event) {
    const links = Array.from(this.panel.querySelectorAll("a"));
    const at = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = at + (event.key === "ArrowDown" ? 1 : -1);
      if (next < 0) { this.input.focus(); } else if (links[next]) { links[next].focus(); }
    } else if (event.key === "Escape") {
      event.preventDefault();
      this.close();
      this.input.focus();
    }
  }

  close() { this.panel.hidden = true; }

  update() {
    const run = ++this.run, text = this.input.value;
    if (!text.trim()) {
      this.close();
      this.announce.textContent = "";
      return Promise.resolve();
    }
    this.form.setAttribute("data-search-state", "busy");
    return search(this.index, text, { prefix: true, limit: SUGGESTIONS }).then((outcome) => {
      if (run === this.run) { this.show(outcome); }
    }).catch((error) => {
      if (run !== this.run) { return; }
      this.panel.textContent = "";
      this.panel.appendChild(element("p", { class: "search-suggest-status" },
                                     "Search is not working at the moment."));
      this.panel.hidden = false;
      console.warn("search:", error);
    });
  }

  show(outcome) {
    this.panel.textContent = "";
    const line = element("p", { class: "search-suggest-status" }, describe(outcome, ""));
    if (!outcome.groups.length && outcome.plan.text.trim()) {
      line.appendChild(waysIn(this.siteUrl));
    }
    this.panel.appendChild(line);
    const status = line.textContent;
    if (outcome.groups.length) {
      const list = element("ul", { class: "search-suggest-list" });
      outcome.groups.forEach((group) => {
        list.appendChild(resultItem(this.index, group, this.siteUrl, "p", true));
      });
      this.panel.appendChild(list);
      const all = element("a", { class: "search-suggest-all" }, "See all results");
      all.href = this.siteUrl + "search/?q=" + encodeURIComponent(outcome.plan.text);
      this.panel.appendChild(element("p")).appendChild(all);
      this.announce.textContent = status + " Press the down arrow to move to them.";
    } else {
      this.announce.textContent = status;
    }
    this.panel.hidden = false;
    this.form.setAttribute("data-search-query", outcome.plan.text);
    this.form.setAttribute("data-search-state", "done");
    this.finished = performance.now();
  }
}
