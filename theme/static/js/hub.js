// Small enhancements for pages that already work without JavaScript.
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  // The print button is useless without JavaScript, so it is shown only with it.
  document.querySelectorAll('[data-module="print-page"]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
});
