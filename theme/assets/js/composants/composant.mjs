// What every component shares (in the manner of GOV.UK Frontend's ConfigurableComponent): a root
// element, a configuration made of the class's `static defaults`, the page's texts and the caller's
// options, and its user-facing strings in `config.i18n`, read with t("cle", {valeur}).
//
// A page in another language gives its texts in ONE JSON block of its <head>, before site.js,
// keyed by component name (`static nom`); only the keys given replace the French defaults:
//
//   <script type="application/json" id="textes-composants">
//     {"SortieRapide": {"appuyezEncore": "Press Shift {n} more times to leave this site."},
//      "Export": {"continuer": "Continue", "pdf": {"titre": "Before you download this document"}}}
//   </script>
//
// site.js (a classic script, run before the page is drawn) reads the same block.

import { MarquageManquant } from "./dom.mjs";

export const ID_TEXTES = "textes-composants";

const estObjet = (x) => x !== null && typeof x === "object" && !Array.isArray(x);

/** A deep copy of `base` with `ajouts` laid over it (objects merged, everything else replaced). */
export function fusionne(base, ...ajouts) {
  const sortie = { ...base };
  for (const ajout of ajouts) {
    for (const [cle, valeur] of Object.entries(ajout ?? {})) {
      sortie[cle] = estObjet(valeur) && estObjet(sortie[cle]) ? fusionne(sortie[cle], valeur) : valeur;
    }
  }
  return sortie;
}

/** The texts the page gives for component `nom` ({} when it gives none, or an unreadable block). */
export function textesDeLaPage(document, nom) {
  const bloc = document.getElementById(ID_TEXTES);
  if (!bloc) return {};
  try {
    return JSON.parse(bloc.textContent)[nom] ?? {};
  } catch (erreur) {
    console.error(erreur); // the French defaults still say everything
    return {};
  }
}

export class Composant {
  static nom = "Composant";
  static defaults = Object.freeze({ i18n: Object.freeze({}) });

  /** `config` may hold an `i18n` object too: it wins over the page's texts (a label given by the caller). */
  constructor(racine, config = {}) {
    if (!(racine instanceof Element)) throw new MarquageManquant(this.constructor, "élément racine");
    this.racine = racine;
    const defauts = this.constructor.defaults;
    const page = textesDeLaPage(racine.ownerDocument, this.constructor.nom);
    this.config = { ...defauts, ...config, i18n: fusionne(defauts.i18n, page, config.i18n) };
  }

  /** The string `cle` ("pdf.titre"), its {marques} replaced by `valeurs`. */
  t(cle, valeurs = {}) {
    const modele = cle.split(".").reduce((objet, partie) => objet?.[partie], this.config.i18n);
    if (typeof modele !== "string") throw new Error(`${this.constructor.nom} : texte « ${cle} » absent`);
    return modele.replace(/\{(\w+)\}/g, (tout, nom) => (nom in valeurs ? String(valeurs[nom]) : tout));
  }

  /** The element `selecteur` under the root, or MarquageManquant. */
  trouve(selecteur) {
    const element = this.racine.querySelector(selecteur);
    if (!element) throw new MarquageManquant(this.constructor, selecteur);
    return element;
  }
}
