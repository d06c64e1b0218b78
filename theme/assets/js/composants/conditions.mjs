// Conditional display: ONE grammar for every form of the site (the tools, the OP request, the
// guided interviews, whose templates write it from the form definitions).
//
//   data-si="nom=a|b autre="          shown when EVERY condition holds (space: and);
//   data-si="x=oui ou y=oui"          " ou " separates alternatives: shown when one holds;
//   data-si="foyer_nombre!=1"         `!=`: holds when no answer is one of the values.
//
// A condition `nom=v1|v2` holds when an answer to the field(s) named `nom` is one of the values.
// The answers of a name: the value typed (trimmed) or chosen; for boxes, the value of each ticked
// one — "oui" for a checkbox without a value attribute; "" when nothing is typed or ticked. So
// `nom=` means « not answered », `case=oui` « ticked », `mesure=a|b` « box a or b of the group
// "mesure" ticked ».
//
// A hidden block keeps its answers (the person may come back to it), but they do not count:
// compte(champ) is false under a block hidden by a condition (a step of a wizard, hidden only
// because another step is shown, does not count as hiding).

import { Composant } from "./composant.mjs";

/** The controls named `nom` of `formulaire` (also those outside it with form=…). */
const controles = (formulaire, nom) => [...formulaire.elements].filter((c) => c.name === nom && "value" in c);

/** Every answer to `nom` (see above); [""] when there is none. */
export function reponses(formulaire, nom) {
  const lues = controles(formulaire, nom).flatMap((c) => {
    if (c.type === "radio") return c.checked ? [c.value] : [];
    if (c.type === "checkbox") return c.checked ? [c.hasAttribute("value") ? c.value : "oui"] : [];
    const valeur = c.value.trim();
    return valeur ? [valeur] : [];
  });
  return lues.length ? lues : [""];
}

/** The (first) answer to `nom`, "" when none. */
export const valeur = (formulaire, nom) => reponses(formulaire, nom)[0];

/** Does `champ` count: no block between it and `racine` is hidden, wizard steps ([data-etape]) apart? */
export function compte(champ, racine) {
  for (let n = champ; n && n !== racine; n = n.parentElement) {
    if (n.hidden && !n.hasAttribute("data-etape")) return false;
  }
  return true;
}

export class ConditionIllisible extends Error {
  name = "ConditionIllisible";
}

export class Conditions extends Composant {
  static nom = "Conditions";

  /** `racine` holds the [data-si] blocks; `formulaire` the answers they read (by default the form inside). */
  constructor(racine, { formulaire = racine.querySelector("form") ?? racine } = {}) {
    super(racine);
    this.formulaire = formulaire;
  }

  /** Is the expression of a data-si true now? */
  vrai(expression) {
    return expression.split(" ou ").some((alternative) =>
      alternative.trim().split(/\s+/).every((condition) => this.tient(condition)));
  }

  tient(condition) {
    const egal = condition.indexOf("=");
    const sauf = condition[egal - 1] === "!";
    const nom = condition.slice(0, sauf ? egal - 1 : egal);
    if (egal < 1 || !nom) throw new ConditionIllisible(`data-si : « ${condition} » n'est pas de la forme nom=valeur|valeur`);
    const valeurs = condition.slice(egal + 1).split("|");
    return reponses(this.formulaire, nom).some((r) => valeurs.includes(r)) !== sauf;
  }

  /** Show or hide every [data-si] block of the root. */
  applique() {
    for (const bloc of this.racine.querySelectorAll("[data-si]")) bloc.hidden = !this.vrai(bloc.dataset.si);
  }
}
