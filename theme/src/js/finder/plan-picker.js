// "Add to plan" on any list of finder results: the links become buttons that add or remove
// an adjustment, and the plan bar keeps the count and the link to the plan page. On the
// static result pages, also the "Show only" filters' place in the URL.

import { Component } from "../shared/component.js";
import { element } from "../shared/dom.js";
import { queryOf, readChoice, withFilters } from "./url-state.js";

// basket: {get() -> slugs, set(slugs), href() -> the plan page's URL for them}
export function enhancePicker(list, bar, basket) {
  list.querySelectorAll(".finder-result").forEach((item) => {
    const link = item.querySelector("a.plan-add");
    if (!link) { return; }
    const slug = item.getAttribute("data-slug");
    const title = item.querySelector(".finder-result-title").textContent;
    const button = element("button", { type: "button", class: "plan-toggle", "data-title": title });
    link.parentNode.replaceChild(button, link);
    button.addEventListener("click", () => {
      const slugs = basket.get().slice();
      const at = slugs.indexOf(slug);
      if (at === -1) { slugs.push(slug); } else { slugs.splice(at, 1); }
      basket.set(slugs);
      refreshPicker(list, bar, basket);
    });
  });
  refreshPicker(list, bar, basket);
}

function refreshPicker(list, bar, basket) {
  const slugs = basket.get();
  list.querySelectorAll(".finder-result").forEach((item) => {
    const button = item.querySelector(".plan-toggle");
    if (!button) { return; }
    const inPlan = slugs.indexOf(item.getAttribute("data-slug")) !== -1;
    item.classList.toggle("in-plan", inPlan);
    button.textContent = inPlan ? "Remove from plan" : "Add to plan";
    button.appendChild(element("span", { class: "visually-hidden" },
                               ": " + button.getAttribute("data-title")));
  });
  if (!bar) { return; }
  bar.hidden = false;
  bar.classList.toggle("has-items", slugs.length > 0);
  bar.querySelector(".plan-bar-count").textContent = slugs.length === 0
    ? "Your plan is empty. Use \u201cAdd to plan\u201d on the adjustments you want to agree."
    : "Your plan has " + slugs.length + (slugs.length === 1 ? " adjustment." : " adjustments.");
  bar.querySelector(".plan-bar-action").hidden = slugs.length === 0;
  bar.querySelector(".plan-bar-link").setAttribute("href", basket.href());
}

// A static result page (/finder/<difficulty>/ and /finder/<difficulty>/<setting>/).
// Markup: the result_list macro. Options: data-plan-href (the plan page), data-difficulties
// (comma-separated) and data-setting, the choice the page was written for. Its "Show only"
// boxes work by CSS alone; here they also follow the URL (f=), as on the finder page.
export class PlanPicker extends Component {
  static moduleName = "plan-picker";

  constructor(list) {
    super(list);
    const planBase = this.requiredOption("plan-href");
    const onPage = Array.from(list.querySelectorAll(".finder-result"),
                              (item) => item.getAttribute("data-slug"));
    const fixed = { d: this.option("difficulties").split(",").filter(Boolean),
                    s: this.option("setting") };
    const state = readChoice(location.search, { d: [], s: [], a: onPage });
    const boxes = Array.from(list.querySelectorAll("input[name=f]"));
    // Links onwards to the finder page (data-keeps-filters) carry the filters ticked.
    const onwards = Array.from(document.querySelectorAll("a[data-keeps-filters]"));
    const carryFilters = () => {
      onwards.forEach((link) => { link.href = withFilters(link.href, state.f); });
    };
    // The plan and the filters are views of this page, not steps: no new history entry.
    const remember = () => {
      history.replaceState(history.state, "",
                           location.pathname + queryOf({ d: [], s: "", f: state.f, a: state.a }));
      carryFilters();
    };
    boxes.forEach((box) => {
      box.checked = state.f.indexOf(box.value) !== -1;
      box.addEventListener("change", () => {
        state.f = boxes.filter((b) => b.checked).map((b) => b.value);
        remember();
      });
    });
    carryFilters();
    const basket = {
      get: () => state.a,
      set: (slugs) => {
        state.a = slugs;
        remember();
      },
      href: () => planBase + queryOf({ d: fixed.d, s: fixed.s, a: state.a }),
    };
    enhancePicker(list, document.querySelector(".plan-bar"), basket);
  }
}
