// The one element builder of the site's modules (in the manner of GOV.UK Frontend's
// common/create-element.mjs), and the named error a component raises when the markup it
// needs is missing. Strings always become text nodes: nothing is ever parsed as HTML.

/**
 * el("p", {classe: "x", id: "y"}, "texte", autreNoeud) — `classe` sets className; an attribute
 * that is undefined, null or false is left out, true gives an empty one; children are flattened,
 * null/undefined/false skipped.
 */
export function el(balise, attributs = {}, ...enfants) {
  const noeud = document.createElement(balise);
  for (const [nom, valeur] of Object.entries(attributs)) {
    if (valeur === undefined || valeur === null || valeur === false) continue;
    if (nom === "classe") noeud.className = valeur;
    else noeud.setAttribute(nom, valeur === true ? "" : String(valeur));
  }
  noeud.append(...enfants.flat(Infinity).filter((e) => e !== null && e !== undefined && e !== false));
  return noeud;
}

/** `element` (a heading) brought to the top of the screen, under the sticky safety bar (CSS
 *  scroll-padding-top), then focused: focus alone would leave it wherever it lands, often at the bottom. */
export function montreEnHaut(element) {
  element.scrollIntoView({ block: "start" });
  element.focus({ preventScroll: true });
}

/** The visible text of a node, spaces collapsed. */
export const texteDe = (noeud) => noeud.textContent.replace(/\s+/g, " ").trim();

/** A component was mounted on markup that lacks what it needs (a template changed without its script). */
export class MarquageManquant extends Error {
  name = "MarquageManquant";

  constructor(composant, quoi) {
    super(`${composant.nom ?? composant.name} : élément introuvable dans la page (${quoi})`);
  }
}

