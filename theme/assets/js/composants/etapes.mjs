// A form in steps: ONE wizard for the OP request and the guided interviews.
//
// Markup (under the root):
//   [data-etape]                   each step, in order (a <fieldset> with its <legend>)
//   [data-puce]                    each item of the progress list: aria-current="step" on the
//                                  current one, class "faite" on those before it
//   [data-etape-titre]             optional heading « Étape <span data-numero> sur N : <span data-titre> »,
//                                  updated and focused at each step (else the step's <legend> is)
//   [data-action=precedent|suivant] the buttons; hidden on the first / last step
//   [data-derniere-etape]          shown on the last step only (« Obtenir le formulaire »)
//
// The page says whether the person may leave a step (avant, e.g. the engine checks it) and what
// to do at each change (quandChange). Nothing is stored: the steps are the form's own fieldsets.

import { Composant } from "./composant.mjs";
import { montreEnHaut } from "./dom.mjs";

export class Etapes extends Composant {
  static nom = "Etapes";

  /**
   *   avant(index) → boolean | Promise<boolean>   may the person go on from step `index`?
   *   quandChange(index)                           after each change of step
   */
  constructor(racine, { avant = () => true, quandChange = () => {} } = {}) {
    super(racine);
    this.etapes = [...racine.querySelectorAll("[data-etape]")];
    if (!this.etapes.length) this.trouve("[data-etape]");
    this.puces = [...racine.querySelectorAll("[data-puce]")];
    this.titre = racine.querySelector("[data-etape-titre]");
    this.precedent = this.trouve("[data-action=precedent]");
    this.suivant = this.trouve("[data-action=suivant]");
    this.avant = avant;
    this.quandChange = quandChange;
    this.index = 0;
    this.precedent.addEventListener("click", () => this.va(this.index - 1));
    this.suivant.addEventListener("click", () => this.avance());
  }

  get derniere() {
    return this.etapes.length - 1;
  }

  /** The step holding `noeud`, or -1. */
  indexDe(noeud) {
    return this.etapes.findIndex((etape) => etape.contains(noeud));
  }

  /** Step `index` shown (0 = the first); the focus goes to its heading unless `focus` is false. */
  va(index, { focus = true } = {}) {
    this.index = Math.max(0, Math.min(index, this.derniere));
    this.etapes.forEach((etape, i) => { etape.hidden = i !== this.index; });
    this.puces.forEach((puce, i) => {
      if (i === this.index) puce.setAttribute("aria-current", "step");
      else puce.removeAttribute("aria-current");
      puce.classList.toggle("faite", i < this.index);
    });
    this.precedent.hidden = this.index === 0;
    this.suivant.hidden = this.index === this.derniere;
    for (const element of this.racine.querySelectorAll("[data-derniere-etape]")) element.hidden = this.index !== this.derniere;
    const legende = this.etapes[this.index].querySelector("legend");
    if (this.titre) {
      this.titre.querySelector("[data-numero]").textContent = String(this.index + 1);
      this.titre.querySelector("[data-titre]").textContent = legende.textContent;
    }
    this.quandChange(this.index);
    if (focus) {
      const cible = this.titre ?? legende;
      cible.tabIndex = -1;
      montreEnHaut(cible);
    }
  }

  /** « Étape suivante »: on when the page allows it. */
  async avance() {
    if (await this.avant(this.index)) this.va(this.index + 1);
  }
}
