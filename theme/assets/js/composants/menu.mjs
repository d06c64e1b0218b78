// The main menu folds away on small screens behind a « Menu » button (without JavaScript it stays open).

import { Composant } from "./composant.mjs";

export class MenuRepliable extends Composant {
  static nom = "MenuRepliable";

  /** `racine`: the page header, with .menu-bouton (aria-controls = the menu's id). */
  constructor(racine) {
    super(racine);
    const bouton = this.trouve(".menu-bouton");
    const menu = racine.ownerDocument.getElementById(bouton.getAttribute("aria-controls"));
    bouton.hidden = false;
    bouton.addEventListener("click", () => {
      const ouvert = bouton.getAttribute("aria-expanded") === "true";
      bouton.setAttribute("aria-expanded", ouvert ? "false" : "true");
      menu.classList.toggle("menu-ouvert", !ouvert);
    });
  }
}
