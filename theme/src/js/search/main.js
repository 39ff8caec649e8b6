// Site search in the browser: hub.js loads this bundle (after lunr.min.js) when a search box
// is first used, or at once on /search/. Nothing is sent anywhere: the index is static files.
//
// window.HubSearch is for the tests and benchmarks: `ready` (the index), planQuery, search,
// and `fresh` (a new index with nothing loaded, to compare its tiers with an unsplit index).

import { createAll } from "../shared/component.js";
import { fetchJSON } from "../shared/fetch-json.js";
import { Index } from "./index.js";
import { lunr } from "./lunr.js";
import { SearchBox } from "./search-box.js";
import { SearchPage } from "./search-page.js";
import { planFor, search } from "./search.js";

function start() {
  // The index's address comes from the markup: the search page's, else the header box's.
  const holder = document.querySelector("[data-search-index]");
  const indexUrl = new URL(holder ? holder.getAttribute("data-search-index") : "search/index/",
                           document.baseURI).href;
  // The manifest names every other file by its content: revalidate it, cache the rest.
  const ready = fetchJSON(indexUrl + "manifest.json", { cache: "no-cache" })
    .then((manifest) => new Index(indexUrl, manifest));

  window.HubSearch = {
    ready,
    planQuery: (text, options) => ready.then((index) => planFor(index, text, options)),
    search: (text, options) => ready.then((index) => search(index, text, options)),
    fresh: () => ready.then((index) => new Index(index.url, index.manifest)),
  };

  ready.then((index) => {
    // The search page has its own box: the header box then only takes people there.
    const [page] = createAll(SearchPage, index);
    if (page) {
      window.HubSearch.page = page;
    } else {
      [window.HubSearch.box] = createAll(SearchBox, index);
    }
  }).catch((error) => {
    const status = document.querySelector("[data-search-status]");
    if (status) {
      status.textContent = "Search could not load. " +
        "You can find every page in the A to Z of all pages.";
    }
    console.warn("search:", error);
  });
}

if (!window.HubSearch && lunr) { start(); }
