// The adjustment finder, its result lists and the adjustment plan. Each enhances a page that
// already works without JavaScript. Nothing is stored or sent: no cookies, no storage, and
// the only request is for the finder's own data file. Text is always set as text, never HTML.

import { createAll } from "../shared/component.js";
import { Finder } from "./finder.js";
import { FinderPlan } from "./finder-plan.js";
import { PlanPicker } from "./plan-picker.js";

document.addEventListener("DOMContentLoaded", () => {
  createAll(Finder);
  createAll(PlanPicker);
  createAll(FinderPlan);
});
