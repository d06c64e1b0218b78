// Lexique terms open their definition in place, under the word: no new tab, no page more in the
// history. The HTML has a link to the lexique and the definition in data-definition (kept out of the
// search index); without JavaScript the link stays. The link becomes a button (role) that stays
// inline text: a term of several words wraps at the end of a line like the rest.
// Parts added later (a guided interview from its <template>) are enriched too.

import { Composant } from "./composant.mjs";
import { el } from "./dom.mjs";

const TERME = "a.terme[data-definition]:not([role])";
const OUVRABLE = "a.terme[aria-controls]";

export class Definitions extends Composant {
  static nom = "Definitions";

  constructor(racine) {
    super(racine);
    this.numero = 0;
    this.enrichit(racine);
    new MutationObserver((changements) => {
      for (const changement of changements) {
        for (const noeud of changement.addedNodes) if (noeud.nodeType === 1) this.enrichit(noeud.parentNode || noeud);
      }
    }).observe(racine, { childList: true, subtree: true });
    // Delegated: also for the terms added later.
    racine.addEventListener("click", (evenement) => {
      const terme = evenement.target.closest?.(OUVRABLE);
      if (!terme) return;
      evenement.preventDefault();
      this.ouvre(terme, terme.getAttribute("aria-expanded") !== "true");
    });
    racine.addEventListener("keydown", (evenement) => {
      const terme = evenement.target.closest?.(OUVRABLE);
      if (!terme) return;
      if (evenement.key === " ") { // a button is also pressed with Space
        evenement.preventDefault();
        terme.click();
      } else if (evenement.key === "Escape" && terme.getAttribute("aria-expanded") === "true") {
        this.ouvre(terme, false);
      }
    });
  }

  enrichit(partie) {
    for (const terme of partie.querySelectorAll(TERME)) {
      this.numero += 1;
      const definition = el("span", { classe: "terme-def", id: `definition-${this.numero}`, hidden: true },
        terme.getAttribute("data-definition"));
      terme.after(definition);
      terme.setAttribute("role", "button");
      terme.setAttribute("aria-expanded", "false");
      terme.setAttribute("aria-controls", definition.id);
    }
  }

  ouvre(terme, ouvrir) {
    terme.setAttribute("aria-expanded", ouvrir ? "true" : "false");
    document.getElementById(terme.getAttribute("aria-controls")).hidden = !ouvrir;
  }
}
