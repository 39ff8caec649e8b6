// PrintDate: a printed page ends with the day it was printed, in words ("1 December 2026")
// whatever the browser's language. Without JavaScript the line keeps the review date, or nothing.

import { Component } from "../shared/component.js";

const DATE_IN_WORDS = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" });

export function printedOn(date) {
  return "Printed " + DATE_IN_WORDS.format(date);
}

export class PrintDate extends Component {
  static moduleName = "print-date";

  constructor(element) {
    super(element);
    const line = element.closest(".print-line");
    this.address = line ? line.querySelector("[data-print-address]") : null;
    window.addEventListener("beforeprint", () => this.update());
  }

  update() {
    this.root.textContent = printedOn(new Date());
    if (this.address) { this.address.textContent = window.location.href.split("#")[0]; }
  }
}
