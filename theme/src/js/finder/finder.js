// The finder page: choose difficulties and a kind of work, see adjustments ranked for them.
// The form works without JavaScript (it leads to the static result pages); with it, results
// come from the finder's data file and the choices stay in the URL.

import { Component } from "../shared/component.js";
import { fetchJSON } from "../shared/fetch-json.js";
import { card, lowerFirst } from "./cards.js";
import { enhancePicker } from "./plan-picker.js";
import { keysOf, labelOf, rank } from "./ranking.js";
import { queryOf, readChoice, sameChoice } from "./url-state.js";

export class Finder extends Component {
  static moduleName = "finder";

  // Markup: finder.html. Options: data-finder-data (the data file), data-site-url and
  // data-plan-url (the plan page, from the site's root).
  constructor(form) {
    super(form);
    this.form = form;
    this.section = this.required(".finder-results", "the results section", document);
    this.list = this.required(".result-list", "the results list", this.section);
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

  fromForm() {
    const d = Array.from(this.form.querySelectorAll("input[name=d]:checked"), (input) => input.value);
    const s = this.form.querySelector("input[name=s]:checked");
    return { d: this.known.d.filter((key) => d.indexOf(key) !== -1),
             s: s ? s.value : "", a: this.choice.a };
  }

  toForm() {
    this.form.querySelectorAll("input[name=d]").forEach((input) => {
      input.checked = this.choice.d.indexOf(input.value) !== -1;
    });
    this.form.querySelectorAll("input[name=s]").forEach((input) => {
      input.checked = input.value === this.choice.s;
    });
  }

  render(announce) {
    const { data, choice } = this;
    this.list.replaceChildren();
    if (!choice.d.length) {
      this.section.hidden = true;
      this.status.textContent = announce ? "Choose at least one difficulty to see adjustments." : "";
      return;
    }
    const results = rank(data, choice);
    const names = choice.d.map((key) => lowerFirst(labelOf(data.difficulties, key)));
    this.summary.textContent = results.length +
      (results.length === 1 ? " adjustment" : " adjustments") + " for " + names.join(" and ") +
      (choice.s ? ", best fit for " + lowerFirst(labelOf(data.settings, choice.s)) + " first."
        : ", ranked across every kind of work. Choose a kind of work to rank them for it.");
    results.forEach((result) => {
      this.list.appendChild(card(this.template, data, result, choice, this.links));
    });
    this.section.hidden = false;
    this.status.textContent = announce ? this.summary.textContent : "";
    enhancePicker(this.list, this.bar, this.basket);
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
