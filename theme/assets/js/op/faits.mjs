// The facts of the OP request, one block per fact from the page's <template id="op-modele-fait">:
// added, removed, numbered, read. Each block's fields get their own ids (label for=, help text).

import { Composant } from "../composants/composant.mjs";

const CLES = Object.freeze(["debut", "fin", "encore", "lieu", "faits", "temoins", "piece"]);
export const lignes = (texte) => texte.split("\n").map((l) => l.trim()).filter(Boolean);

export class Faits extends Composant {
  static nom = "Faits";

  constructor(zone, { modele }) {
    super(zone);
    this.modele = modele;
    this.numero = 0; // unique ids of the fields of each fact
  }

  numerote() {
    this.racine.querySelectorAll(".op-fait").forEach((bloc, i) => {
      bloc.querySelector("[data-rang]").textContent = String(i + 1);
      bloc.querySelector("[data-action=retire-fait]").hidden = this.racine.children.length === 1;
    });
  }

  ajoute({ focus = false } = {}) {
    const bloc = this.modele.content.firstElementChild.cloneNode(true);
    const n = ++this.numero;
    for (const champ of bloc.querySelectorAll("[data-cle]")) {
      const cle = champ.dataset.cle;
      champ.id = `op-fait-${n}-${cle}`;
      const label = bloc.querySelector(`[data-pour=${cle}]`);
      label.setAttribute("for", champ.id);
      label.removeAttribute("data-pour");
      const aide = bloc.querySelector(`[data-aide=${cle}]`);
      if (aide) {
        aide.id = `${champ.id}-aide`;
        champ.setAttribute("aria-describedby", aide.id);
      }
    }
    bloc.querySelector("[data-action=retire-fait]").addEventListener("click", () => {
      const suivant = bloc.nextElementSibling || bloc.previousElementSibling;
      bloc.remove();
      this.numerote();
      suivant?.querySelector("input")?.focus();
    });
    this.racine.append(bloc);
    this.numerote();
    if (focus) bloc.querySelector("input").focus();
  }

  /** One empty fact, as at the start. */
  vide() {
    this.racine.replaceChildren();
    this.ajoute();
  }

  /** The facts typed (a fact left wholly empty is skipped) and, for each, its block. */
  lis() {
    const faits = [];
    const blocs = [];
    for (const bloc of this.racine.querySelectorAll(".op-fait")) {
      const lu = Object.fromEntries(CLES.map((cle) => {
        const champ = bloc.querySelector(`[data-cle=${cle}]`);
        return [cle, champ.type === "checkbox" ? champ.checked : champ.value.trim()];
      }));
      if (!lu.debut && !lu.fin && !lu.lieu && !lu.faits && !lu.temoins && !lu.piece) continue;
      const fait = { faits: lu.faits, lieu: lu.lieu };
      if (lu.fin || lu.encore) fait.periode = lu.encore ? { du: lu.debut } : { du: lu.debut, au: lu.fin };
      else fait.date = lu.debut;
      // One witness a line: « Sarah B., voisine » is one person, with her comma.
      const temoins = lignes(lu.temoins);
      if (temoins.length) fait.temoins = temoins;
      if (lignes(lu.piece).length) fait.piece = lignes(lu.piece);
      faits.push(fait);
      blocs.push(bloc);
    }
    return { faits, blocs };
  }

  /** The block of a fact field named by the engine: `chronologie.3.date`, `chronologie.2.periode.au`… */
  blocDe(champ, blocs) {
    const m = /^chronologie\.(\d+)(?:\.(.+))?$/.exec(champ);
    if (!m) return null;
    const fait = blocs[Number(m[1]) - 1];
    if (!fait) return this.racine;
    const cle = (m[2] || "faits").replace(/\.\d+$/, "");
    return [...fait.querySelectorAll("[data-champ-fait]")].find((b) => b.dataset.champFait.split(" ").includes(cle)) || fait;
  }
}
