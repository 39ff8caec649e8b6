// Small enhancements for pages that already work without JavaScript.
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  // The print button is useless without JavaScript, so it is shown only with it.
  document.querySelectorAll('[data-module="print-page"]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
});

// Search loads only when a search box is first used (or at once on /search/), so pages
// download nothing for search until someone wants it. lunr.js runs first, then search.js.
(function () {
  var here = document.currentScript && document.currentScript.src;
  var loaded = false;
  function loadSearch() {
    if (loaded || !here) { return; }
    loaded = true;
    ["lunr.min.js", "search.js"].forEach(function (name) {
      var script = document.createElement("script");
      script.src = new URL(name, here).href;
      script.async = false;
      document.head.appendChild(script);
    });
  }
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches('[data-module="search-box"]')) { loadSearch(); }
  });
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.querySelector('[data-module="search-box"]');
    if (document.querySelector('[data-module="search-page"]') || (box && box === document.activeElement)) {
      loadSearch();
    }
  });
})();
