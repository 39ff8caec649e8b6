// PrintDate: a printed page ends with the day it was printed, in words ("1 December 2026")
// whatever the browser's language. Without JavaScript the line keeps the review date, or nothing.
"use strict";

const DATE_IN_WORDS = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" });

class PrintDate {
  constructor(element) {
    this.element = element;
    this.address = element.closest(".print-line")?.querySelector("[data-print-address]");
    window.addEventListener("beforeprint", () => this.update());
  }

  update() {
    this.element.textContent = "Printed " + DATE_IN_WORDS.format(new Date());
    if (this.address) { this.address.textContent = location.href.split("#")[0]; }
  }
}

document.querySelectorAll('[data-module="print-date"]').forEach((element) => new PrintDate(element));
