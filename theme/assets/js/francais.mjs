// French formatting and reading, with the same conventions as the engines (pyscripts/francais.py,
// pyscripts/lecture.py): dates written out, euros, amounts as people type them.

const JOURS = Object.freeze(["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"]);
const MOIS = Object.freeze(["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
  "octobre", "novembre", "décembre"]);

/** "2025-06-10" → « mardi 10 juin 2025 » (« 1er » for the first of the month); without the weekday: « 10 juin 2025 ». */
export function dateLongue(iso, { semaine = true } = {}) {
  const [annee, mois, jour] = iso.split("-").map(Number);
  const date = `${jour === 1 ? "1er" : jour} ${MOIS[mois - 1]} ${annee}`;
  return semaine ? `${JOURS[new Date(Date.UTC(annee, mois - 1, jour)).getUTCDay()]} ${date}` : date;
}

/** 12862 → « 12 862 € » (thin no-break space between thousands, no-break space before €). */
export function euros(montant) {
  const [entier, decimales] = Number(montant).toFixed(2).split(".");
  const milliers = entier.replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
  return `${milliers}${decimales === "00" ? "" : `,${decimales}`}\u00a0€`;
}

/**
 * A message written by an engine, for the screen: a guillemet never alone at the end or start of a
 * line, a date written out (« 14 juin 2025 ») never cut — no-break spaces, as in the pages.
 */
export function insecable(texte) {
  return texte.replace(/«\s+/g, "«\u00a0").replace(/\s+»/g, "\u00a0»")
    .replace(new RegExp(`\\b(\\d{1,2}|1er) (${MOIS.join("|")}) (\\d{4})\\b`, "g"), "$1\u00a0$2\u00a0$3")
    .replace(new RegExp(`\\b(${MOIS.join("|")}) (\\d{4})\\b`, "g"), "$1\u00a0$2");
}

/** Today in the person's time zone, as AAAA-MM-JJ. */
export function aujourdhui() {
  const d = new Date();
  const deux = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${deux(d.getMonth() + 1)}-${deux(d.getDate())}`;
}

/**
 * What a person types for an amount, as a number: « 12 000 », « 12.000 », « 1 234,50 € ».
 * Anything else is returned as typed, so that the engine says in French what is wrong. A number
 * too long for JavaScript (Infinity, which JSON would send as null, read as « not answered »)
 * is returned as its digits: the engine says it is too big.
 */
export function nombre(texte) {
  let net = texte.replace(/[\s\u00a0\u202f]/g, "").replace(/€$/, "");
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(net)) net = net.replaceAll(".", ""); // 12.000 : milliers
  net = net.replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(net)) return texte.trim();
  const valeur = Number(net);
  return Math.abs(valeur) <= Number.MAX_SAFE_INTEGER ? valeur : net.replace(/\..*$/, "").replace(/^-/, "");
}

/**
 * An amount of money read with nombre(), bounded by `maximum` (the engine's MONTANT_MAXIMUM, given
 * to the page by the template): {valeur} or {erreur: message} in the engine's words.
 */
export function montant(texte, maximum) {
  const valeur = nombre(texte);
  const depasse = (typeof valeur === "number" && valeur > maximum) || (typeof valeur === "string" && /^\d{16,}$/.test(valeur));
  if (!depasse) return { valeur };
  const borne = Number(maximum).toLocaleString("fr-FR").replace(/\s/g, "\u202f");
  return { erreur: `Ce nombre dépasse ${borne} € : vérifiez-le.` };
}
