// The plan page: the ticks the URL asks for, the other adjustments behind a button, a review
// date that follows the date agreed until someone sets it, and for print the dates in words
// and a footer saying when it was printed.

import { Component } from "../shared/component.js";
import { queryOf, readChoice } from "./url-state.js";

function isoDate(date) {
  const pad = (n) => (n < 10 ? "0" : "") + n;
  return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"];

// "2026-12-01" -> "1 December 2026", whatever the browser's language; "" for anything else.
export function dateInWords(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return month ? Number(match[3]) + " " + month + " " + match[1] : "";
}

export function addDays(iso, days) {
  const [year, month, day] = iso.split("-").map(Number);
  return isoDate(new Date(year, month - 1, day + days));
}

export class FinderPlan extends Component {
  static moduleName = "finder-plan";

  // Markup: finder-plan.html. Options: data-review-weeks (weeks from agreeing to reviewing).
  constructor(plan) {
    super(plan);
    this.agreed = this.required("#plan-agreed", "the date agreed field");
    this.review = this.required("#plan-review", "the review date field");
    this.weeks = Number(this.option("review-weeks")) || 4;
    this.tickFromUrl();
    // The ticks stay in the URL, so the plan's choices can be bookmarked; typed details never are.
    plan.addEventListener("change", (event) => {
      if (["a", "d", "s"].indexOf(event.target.name) === -1) { return; }
      history.replaceState(history.state, "", location.pathname +
        queryOf({ d: this.ticked("d"), s: this.ticked("s")[0] || "", a: this.ticked("a") }) +
        location.hash);
    });
    this.followAgreedDate();
    this.datesInWords();
    this.printFooter();
  }

  // Date inputs print in the browser's own format; the print stylesheet shows these instead.
  datesInWords() {
    this.root.querySelectorAll(".date-in-words[data-date-for]").forEach((words) => {
      const input = this.root.querySelector("#" + words.getAttribute("data-date-for"));
      if (!input) { return; }
      const show = () => { words.textContent = dateInWords(input.value); };
      input.addEventListener("input", show);
      input.addEventListener("change", show);
      show();
    });
  }

  printFooter() {
    const printed = this.root.querySelector(".plan-printed");
    const address = this.root.querySelector(".plan-address");
    if (address && address.textContent.startsWith("/")) {  // a local build has no SITEURL
      address.textContent = location.origin + address.textContent;
    }
    if (!printed) { return; }
    const today = () => { printed.textContent = dateInWords(isoDate(new Date())); };
    window.addEventListener("beforeprint", today);
    today();
  }

  inputs(name) { return Array.from(this.root.querySelectorAll("input[name=" + name + "]")); }

  ticked(name) { return this.inputs(name).filter((input) => input.checked).map((i) => i.value); }

  tick(name, keys) {
    this.inputs(name).forEach((input) => { input.checked = keys.indexOf(input.value) !== -1; });
  }

  tickFromUrl() {
    const values = (name) => this.inputs(name).map((input) => input.value);
    const choice = readChoice(location.search, { d: values("d"), s: values("s"), a: values("a") });
    if (choice.d.length) { this.tick("d", choice.d); }
    if (choice.s) { this.tick("s", [choice.s]); }
    if (!choice.a.length) { return; }
    this.tick("a", choice.a);
    // Show the chosen adjustments; the rest wait behind a button.
    let hidden = 0;
    const items = this.root.querySelectorAll(".plan-item");
    items.forEach((item) => {
      const chosen = item.querySelector("input[name=a]").checked;
      item.hidden = !chosen;
      if (!chosen) { hidden += 1; }
    });
    const more = this.root.querySelector(".plan-more");
    if (hidden && more) {
      more.hidden = false;
      more.querySelector("button").addEventListener("click", () => {
        items.forEach((item) => { item.hidden = false; });
        more.hidden = true;
      });
    }
  }

  followAgreedDate() {
    const { agreed, review } = this;
    let reviewTouched = false;
    if (!agreed.value) { agreed.value = isoDate(new Date()); }
    if (!review.value) { review.value = addDays(agreed.value, this.weeks * 7); }
    review.addEventListener("input", () => { reviewTouched = true; });
    agreed.addEventListener("change", () => {
      if (!reviewTouched && agreed.value) {
        review.value = addDays(agreed.value, this.weeks * 7);
        review.dispatchEvent(new Event("change"));  // so its date in words follows
      }
    });
  }
}
