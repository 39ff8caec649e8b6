// Menu: on a phone the topics sit behind "Menu". Without JavaScript "Menu" is a link to the
// topics list (#site-nav, shown by CSS :target). This turns it into a disclosure button
// (aria-expanded, aria-controls) that shows and hides the list in place.

import { Component, ElementError } from "../shared/component.js";

export class Menu extends Component {
  static moduleName = "menu-toggle";

  constructor(link) {
    super(link);
    this.nav = document.getElementById((link.hash || "").slice(1));
    if (!this.nav) { throw new ElementError(this.moduleName, `the list its link points to (${link.hash})`); }
    this.button = document.createElement("button");
    this.button.type = "button";
    this.button.className = link.className;
    this.button.textContent = link.textContent;
    this.button.setAttribute("aria-controls", this.nav.id);
    link.replaceWith(this.button);
    this.setOpen(window.location.hash === link.hash);
    this.button.addEventListener("click", () => this.setOpen(!this.isOpen()));
    this.nav.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && this.isOpen()) {
        this.setOpen(false);
        this.button.focus();
      }
    });
  }

  isOpen() {
    return this.button.getAttribute("aria-expanded") === "true";
  }

  setOpen(open) {
    this.button.setAttribute("aria-expanded", String(open));
    this.nav.classList.toggle("is-open", open);
  }
}
