// The finder page: choose difficulties and a kind of work, see adjustments ranked for them.
// The form works without JavaScript (it leads to the static result pages); with it, results
// come from the finder's data file and the choices stay in the URL.

import { Component } from "../shared/component.js";
import { fetchJSON } from "../shared/fetch-json.js";
import { card, lowerFirst } from "./cards.js";
import { enhancePicker } from "./plan-picker.js";
import { filtered, keysOf, labelOf, rank } from "./ranking.js";
import { queryOf, readChoice, sameChoice } from "./url-state.js";

export class Finder extends Component {
  static moduleName = "finder";

  // Markup: finder.html. Options: data-finder-data (the data file), data-site-url and
  // data-plan-url (the plan page, from the site's root), data-show-first (results shown
  // before "Show all").
  constructor(form) {
    super(form);
    this.form = form;
    this.section = this.required(".finder-results", "the results section", document);
    this.lists = this.required(".result-lists", "the result lists", this.section);
    this.list = this.required(".result-list", "the results list", this.lists);
    this.more = this.required(".more-results", "the rest of the results", this.lists);
    this.moreList = this.required(".result-list", "the rest of the results", this.more);
    this.showFirst = Number(this.option("show-first")) || 8;
    this.summary = this.required(".finder-summary", "the results summary", this.section);
    this.heading = this.required("h2", "the results heading", this.section);
    this.template = this.required("template.finder-card-template", "the card template",
                                  this.section);
    this.status = this.required(".finder-status", "the status line");
    this.bar = this.section.querySelector(".plan-bar");
    this.links = { site: this.requiredOption("site-url"), plan: this.requiredOption("plan-url") };
    fetchJSON(this.requiredOption("finder-data"))
      .then((data) => this.start(data))
      .catch(() => this.failed());
  }

  failed() {
    this.form.hidden = false;
    this.form.querySelector(".finder-columns").hidden = true;
    this.form.querySelector(".finder-submit").hidden = true;
    this.status.textContent = "The finder could not load its list of adjustments. " +
      "Browse by difficulty and kind of work below instead.";
  }

  start(data) {
    const form = this.form;
    this.data = data;
    this.known = { d: keysOf(data.difficulties), s: keysOf(data.settings),
                   h: keysOf(data.situations),
                   parent: Object.fromEntries(data.situations.map((e) => [e[0], e[2]])),
                   a: data.adjustments.map((a) => a.slug) };
    this.choice = readChoice(location.search, this.known);
    this.basket = {
      get: () => this.choice.a,
      set: (slugs) => {
        this.choice.a = slugs;
        // The plan is a basket, not a step: it changes the URL without a new history entry.
        history.replaceState(history.state, "", location.pathname + queryOf(this.choice));
      },
      href: () => this.links.site + "/" + this.links.plan + queryOf(this.choice),
    };
    form.addEventListener("change", () => { this.choose(false); });
    form.addEventListener("submit", (event) => { event.preventDefault(); this.choose(true); });
    window.addEventListener("popstate", () => {
      this.choice = readChoice(location.search, this.known);
      this.toForm();
      this.render(true);
    });
    this.toForm();
    form.hidden = false;  // only now: the choices it shows are the URL's
    // Show the URL without the parts that were ignored, so it is safe to share.
    history.replaceState(null, "", location.pathname + queryOf(this.choice) + location.hash);
    this.render(false);
  }

  checked(name) {
    return Array.from(this.form.querySelectorAll("input[name=" + name + "]:checked"),
                      (input) => input.value);
  }

  fromForm() {
    const d = this.checked("d");
    const h = this.checked("h");
    const s = this.form.querySelector("input[name=s]:checked");
    // A situation counts only while its difficulty is ticked.
    return { d: this.known.d.filter((key) => d.indexOf(key) !== -1),
             h: this.known.h.filter((key) => h.indexOf(key) !== -1 &&
                                              d.indexOf(this.known.parent[key]) !== -1),
             s: s ? s.value : "", f: this.checked("f"), a: this.choice.a };
  }

  toForm() {
    this.form.querySelectorAll("input[name=d]").forEach((input) => {
      input.checked = this.choice.d.indexOf(input.value) !== -1;
    });
    ["h", "f"].forEach((name) => {
      this.form.querySelectorAll("input[name=" + name + "]").forEach((input) => {
        input.checked = this.choice[name].indexOf(input.value) !== -1;
      });
    });
    this.showSituations();
    this.form.querySelectorAll("input[name=s]").forEach((input) => {
      input.checked = input.value === this.choice.s;
    });
  }

  // Each difficulty's "What exactly is hard?" shows once the difficulty is ticked.
  showSituations() {
    this.form.querySelectorAll(".situation-choices").forEach((group) => {
      group.hidden = this.choice.d.indexOf(group.getAttribute("data-difficulty")) === -1;
    });
  }

  render(announce) {
    const { data, choice } = this;
    this.list.replaceChildren();
    this.moreList.replaceChildren();
    this.showSituations();
    if (!choice.d.length) {
      this.section.hidden = true;
      this.status.textContent = announce ? "Choose at least one difficulty to see adjustments." : "";
      return;
    }
    const results = filtered(rank(data, choice), choice.f);
    const names = choice.d.map((key) => lowerFirst(labelOf(data.difficulties, key)));
    const hard = data.situations.filter((entry) => choice.h.indexOf(entry[0]) !== -1)
      .map((entry) => lowerFirst(entry[1]));
    const only = { "no-cost": "that cost nothing", "access-to-work": "Access to Work may help fund" };
    this.summary.textContent = results.length +
      (results.length === 1 ? " adjustment" : " adjustments") + " for " + names.join(" and ") +
      (hard.length ? " (" + hard.join(", ") + ")" : "") +
      (choice.f.length ? ", only those " + choice.f.map((key) => only[key]).join(" and ") : "") +
      (choice.s ? ", the most direct help first, then the best fit for " +
        lowerFirst(labelOf(data.settings, choice.s)) + "."
        : ", the most direct help first, across every kind of work. Choose a kind of work to rank them for it.");
    results.forEach((result, index) => {
      const list = index < this.showFirst ? this.list : this.moreList;
      list.appendChild(card(this.template, data, result, choice, this.links));
    });
    // The best few first; the rest behind "Show all N", as on the static pages.
    this.more.hidden = results.length <= this.showFirst;
    this.more.open = false;
    this.more.querySelector("summary").textContent = "Show all " + results.length + " adjustments";
    this.moreList.setAttribute("start", String(this.showFirst + 1));
    this.section.hidden = false;
    this.status.textContent = announce ? this.summary.textContent : "";
    enhancePicker(this.lists, this.bar, this.basket);
  }

  choose(focusResults) {
    const next = this.fromForm();
    if (!sameChoice(next, this.choice)) {
      this.choice = next;
      history.pushState(null, "", location.pathname + queryOf(this.choice));
    }
    this.render(true);
    if (focusResults && !this.section.hidden) { this.heading.focus(); }
  }
}
