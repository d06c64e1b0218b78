// Pieces of a tool's answer (the simulator, the deadline calculator): a legal reference, an
// explanation with its source, a titled list. Engine text becomes text nodes only.

import { el } from "./composants/dom.mjs";

/**
 * A legal reference {texte, url}: a link in this tab (no tab is left open behind the person: the
 * quick exit closes only this one), saying the answers would be lost; the text alone without a URL.
 */
export function reference(ref) {
  if (!ref) return null;
  if (ref.url && /^https?:\/\//.test(ref.url)) {
    return el("a", { href: ref.url, rel: "noreferrer" }, ref.texte,
      el("span", { classe: "visuellement-cache" }, " (autre site : vos réponses ici seraient perdues)"));
  }
  return el("span", {}, ref.texte);
}

/** One explanation {texte, reference}: the sentence, then its source in small type. */
export function explication({ texte, reference: ref }) {
  const source = reference(ref);
  return el("li", {}, texte, source ? el("span", { classe: "source" }, " Source : ", source, ".") : null);
}

/** A titled list, or nothing when the list is empty. */
export function rubrique(titre, elements, { balise = "ul", classe } = {}) {
  if (!elements.length) return null;
  return el("section", { classe }, el("h3", {}, titre), el(balise, {}, elements));
}

/** The warnings of an answer (« À savoir »). */
export const aSavoir = (avertissements) =>
  rubrique("À savoir", avertissements.map((a) => el("li", {}, a.texte)), { classe: "outil-avertissements" });
