// Result cards for the finder page, from the card template that finder-macros.html writes.

import { element } from "../shared/dom.js";
import { bestFit, labelOf, lowerFirst } from "./ranking.js";

export { lowerFirst };

function fitText(data, a, setting) {
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

function costText(data, a) {
  const cost = labelOf(data.costs, a.cost);
  return a.cost_band === "free" ? cost
    : cost + ", " + lowerFirst(labelOf(data.cost_bands, a.cost_band));
}

// A card for `result`: a copy of the card template (the card() macro in finder-macros.html,
// written with every value empty) filled in. `links`: {site: the site's URL, plan: the plan
// page's path}.
export function card(template, data, result, choice, links) {
  const a = result.adjustment;
  const item = template.content.firstElementChild.cloneNode(true);
  const slot = (selector) => item.querySelector(selector);
  item.setAttribute("data-slug", a.slug);
  item.setAttribute("data-cost", a.cost);
  item.setAttribute("data-access-to-work", a.access_to_work ? "yes" : "no");
  slot(".finder-result-title a").setAttribute("href", links.site + "/" + a.url);
  slot(".finder-result-title a").textContent = a.title;
  slot(".result-reason").textContent = result.reason;
  slot(".result-summary").textContent = a.summary;
  const score = choice.s ? (a.fit[choice.s] || 0) : bestFit(data, a);
  slot(".badge-fit").classList.add("badge-fit-" + score);
  slot(".badge-fit").textContent = fitText(data, a, choice.s);
  slot(".badge-cost").textContent = costText(data, a);
  if (!a.access_to_work) { slot(".badge-funding").remove(); }
  slot(".badge-when").textContent = "Used " + lowerFirst(labelOf(data.when, a.when));
  const helps = slot(".helps-with");
  const keys = Object.keys(a.difficulties);  // {key: relevance}, in the catalogue's order
  keys.forEach((key, index) => {
    const label = labelOf(data.difficulties, key);
    helps.appendChild(choice.d.indexOf(key) !== -1 ? element("strong", {}, label)
      : document.createTextNode(label));
    if (index < keys.length - 1) { helps.appendChild(document.createTextNode("; ")); }
  });
  slot(".plan-add").setAttribute("href",
    links.site + "/" + links.plan + "?a=" + a.slug + "#plan-" + a.slug);
  slot(".plan-add .visually-hidden").textContent = ": " + a.title;
  return item;
}
