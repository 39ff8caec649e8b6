// Result cards for the finder page, as the result_list macro in finder-macros.html writes them.

import { element } from "../shared/dom.js";
import { keysOf, labelOf } from "./ranking.js";

export function lowerFirst(text) { return text.charAt(0).toLowerCase() + text.slice(1); }

function bestFit(data, a) {
  return Math.max(...keysOf(data.settings).map((s) => a.fit[s] || 0));
}

export function fitText(data, a, setting) {
  if (setting) {
    return data.fit_labels[a.fit[setting] || 0] + " for " +
      lowerFirst(labelOf(data.settings, setting));
  }
  const best = bestFit(data, a);
  const names = data.settings.filter((pair) => (a.fit[pair[0]] || 0) === best);
  const where = names.length === data.settings.length ? "every kind of work"
    : names.map((pair) => pair[1].toLowerCase()).join(", ");
  return data.fit_labels[best] + " for " + where;
}

export function costText(data, a) {
  const cost = labelOf(data.costs, a.cost);
  return a.cost_band === "free" ? cost
    : cost + ", " + lowerFirst(labelOf(data.cost_bands, a.cost_band));
}

// `links`: {site: the site's URL, plan: the plan page's path}.
export function card(data, result, choice, links) {
  const a = result.adjustment;
  const item = element("li", { class: "finder-result", "data-slug": a.slug });
  const heading = element("h3", { class: "finder-result-title" });
  heading.appendChild(element("a", { href: links.site + "/" + a.url }, a.title));
  item.appendChild(heading);
  item.appendChild(element("p", { class: "result-summary" }, a.summary));
  const badges = element("ul", { class: "badges" });
  const score = choice.s ? (a.fit[choice.s] || 0) : bestFit(data, a);
  badges.appendChild(element("li", { class: "badge badge-fit badge-fit-" + score },
                             fitText(data, a, choice.s)));
  badges.appendChild(element("li", { class: "badge badge-cost" }, costText(data, a)));
  if (a.access_to_work) {
    badges.appendChild(element("li", { class: "badge badge-funding" },
                               "Access to Work may help fund it"));
  }
  badges.appendChild(element("li", { class: "badge badge-when" },
                             "Used " + lowerFirst(labelOf(data.when, a.when))));
  item.appendChild(badges);
  const helps = element("p", { class: "helps-with" }, "Helps with: ");
  a.difficulties.forEach((key, index) => {
    const label = labelOf(data.difficulties, key);
    helps.appendChild(choice.d.indexOf(key) !== -1 ? element("strong", {}, label)
      : document.createTextNode(label));
    if (index < a.difficulties.length - 1) { helps.appendChild(document.createTextNode("; ")); }
  });
  item.appendChild(helps);
  const action = element("p", { class: "result-action" });
  const add = element("a", { class: "plan-add",
    href: links.site + "/" + links.plan + "?a=" + a.slug + "#plan-" + a.slug }, "Add to plan");
  add.appendChild(element("span", { class: "visually-hidden" }, ": " + a.title));
  action.appendChild(add);
  item.appendChild(action);
  return item;
}
