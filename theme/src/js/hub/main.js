// Small enhancements for pages that already work without JavaScript, and the loader that
// brings in search only when someone wants it.

import { Component, createAll } from "../shared/component.js";
import { Menu } from "./menu.js";
import { PrintDate } from "./print-date.js";

// The print button is useless without JavaScript, so it is shown only with it.
class PrintPage extends Component {
  static moduleName = "print-page";

  constructor(button) {
    super(button);
    button.hidden = false;
    button.addEventListener("click", () => { window.print(); });
  }
}

// Search loads only when a search box is first used (or at once on /search/), so pages
// download nothing for search until someone wants it. lunr.js runs first, then search.js.
const here = document.currentScript && document.currentScript.src;
let loaded = false;

function loadSearch() {
  if (loaded || !here) { return; }
  loaded = true;
  ["lunr.min.js", "search.js"].forEach((name) => {
    const script = document.createElement("script");
    script.src = new URL(name, here).href;
    script.async = false;
    document.head.appendChild(script);
  });
}

const SEARCH_INPUT = '[data-module="search-box"] input[name=q]';

document.addEventListener("focusin", (event) => {
  if (event.target.matches && event.target.matches(SEARCH_INPUT)) { loadSearch(); }
});

document.addEventListener("DOMContentLoaded", () => {
  createAll(PrintPage);
  createAll(Menu);
  createAll(PrintDate);
  const box = document.querySelector(SEARCH_INPUT);
  if (document.querySelector('[data-module="search-page"]') ||
      (box && box === document.activeElement)) {
    loadSearch();
  }
});
