// Simulateur d'aide juridictionnelle: reads theme/outils/aj.html, asks pyscripts.aj, shows the answer.
import { aujourdhui, dateLongue, el, euros, explication, lanceOutil, montant, nombre, reference, rubrique } from "./outil-commun.mjs";

const racine = document.getElementById("simulateur");

// The answer in one sentence; a partial aid's rate comes from the engine (`taux`, a dated rule).
const PHRASES = {
  totale: () => "Vous pouvez avoir l'aide juridictionnelle totale.",
  non_eligible: () => "D'après vos réponses, vous ne pouvez pas avoir l'aide juridictionnelle.",
  sans_condition_de_ressources: () => "Vous pouvez avoir l'aide juridictionnelle sans condition de ressources.",
  partielle: (taux) => `Vous pouvez avoir l'aide juridictionnelle partielle, à ${taux} %.`,
};
const PRECISIONS = {
  totale: "L'État prend en charge les frais de votre avocat et de la procédure.",
  partielle: "L'État paie une partie des frais ; le reste est à votre charge.",
  sans_condition_de_ressources: "Vos revenus ne sont pas examinés dans votre situation.",
};
const PATRIMOINE = [
  ["patrimoine_mobilier", "Épargne et placements : au plus"],
  ["patrimoine_immobilier", "Biens immobiliers hors résidence principale : au plus"],
];
const MONTANTS = ["rfr", "revenus_6_mois", "patrimoine_mobilier", "patrimoine_immobilier"];
const maximum = Number(document.getElementById("aj-formulaire").dataset.montantMaximum);

/** totale / partielle_55 … / non_eligible → the key of PHRASES and PRECISIONS. */
const genre = (resultat) => (resultat.startsWith("partielle") ? "partielle" : resultat);
const phrase = (r) => PHRASES[genre(r.resultat)](r.taux);
const OUI_NON = { oui: true, non: false };

/** The form's answers as the engine's input (pyscripts/aj/entree.py). */
function lisEntree(lis) {
  const entree = { ordonnance_protection: lis("ordonnance_protection") === "oui" };
  const cas = lis("cas_particulier");
  if (cas === "mineur") entree.audition_mineur = true;
  else if (cas && cas !== "aucun") entree.cas_particulier = cas;
  entree.protection_juridique = lis("protection_juridique") || "aucune";
  if (lis("nationalite")) entree.nationalite = lis("nationalite");
  for (const nom of ["residence_habituelle", "residence_reguliere"]) {
    if (lis(nom) in OUI_NON) entree[nom] = OUI_NON[lis(nom)];
  }
  if (lis("exception_residence")) entree.exception_residence = lis("exception_residence");
  const nombres = ["personnes_foyer", "patrimoine_mobilier", "patrimoine_immobilier"];
  const source = lis("source_revenus");
  if (source === "avis") nombres.push("rfr");
  if (source === "changement") entree.changement_situation = true;
  if (source === "sans_avis") entree.rfr = null; // « pas d'avis d'impôt » : the 6 months count
  if (source === "changement" || source === "sans_avis") nombres.push("revenus_6_mois");
  for (const nom of nombres) {
    if (!lis(nom)) continue;
    if (!MONTANTS.includes(nom)) {
      entree[nom] = nombre(lis(nom));
      continue;
    }
    const lu = montant(lis(nom), maximum); // bounded here too: the engine's bound, said at once
    if (lu.erreur) return { erreur: { champ: nom, message: lu.erreur } };
    entree[nom] = lu.valeur;
  }
  if (lis("date_demande")) entree.date_demande = lis("date_demande");
  return { entree };
}

function tableauDesPlafonds(resultat, entree) {
  const n = entree.personnes_foyer;
  const bandes = Object.entries(resultat.taux_des_plafonds).map(([cle, taux]) =>
    [cle, taux === 100 ? "Aide totale : revenus jusqu'à" : `Aide à ${taux} % : revenus jusqu'à`]);
  const lignes = [...bandes, ...PATRIMOINE].map(([cle, texte]) => el("tr", { classe: cle === resultat.resultat ? "ligne-retenue" : null },
    el("th", { scope: "row" }, texte), el("td", {}, euros(resultat.plafonds[cle]))));
  const bareme = resultat.bareme;
  return el("section", { classe: "outil-plafonds" },
    el("h3", {}, `Les plafonds pour un foyer de ${n} personne${n > 1 ? "s" : ""}`),
    el("p", { classe: "outil-retenu" }, "Vos ressources retenues : ", el("strong", {}, euros(resultat.ressources_retenues)), "."),
    el("table", {}, el("tbody", {}, lignes)),
    el("p", { classe: "source" }, `Barème ${bareme.annee}, pour les demandes déposées depuis le `,
      dateLongue(bareme.applicable_du, { semaine: false }), ". Source : ", reference(bareme.source), "."));
}

function affiche(resultat, entree) {
  const admission = resultat.admission_provisoire;
  const titre = admission
    ? "Pour l'ordonnance de protection, l'aide juridictionnelle vous est accordée tout de suite, à titre provisoire."
    : phrase(resultat);
  const suite = admission
    ? `Après l'examen de vos ressources : ${phrase(resultat).replace(/^./, (c) => c.toLowerCase())}`
    : PRECISIONS[genre(resultat.resultat)];
  return el("div", { classe: `outil-reponse reponse-${resultat.resultat}` },
    el("h2", { tabindex: "-1", classe: "outil-phrase" }, titre),
    suite ? el("p", { classe: "outil-precision" }, suite) : null,
    admission ? el("p", { classe: "outil-encadre" }, admission.texte, " ", el("span", { classe: "source" }, "Source : ",
      reference(admission.reference), ".")) : null,
    resultat.plafonds ? tableauDesPlafonds(resultat, entree) : null,
    rubrique("Pourquoi ?", resultat.explications.map(explication), { balise: "ol", classe: "outil-explications" }),
    rubrique("À savoir", resultat.avertissements.map((a) => el("li", {}, a.texte)), { classe: "outil-avertissements" }));
}

const suite = document.getElementById("aj-suite");
const date = document.getElementById("aj-date");
if (!date.value) date.defaultValue = aujourdhui(); // the default: « Effacer mes réponses » keeps it
// `simulateur` (the page's worker) and the « resultat » event serve the Cerfa 16146 interview
// (assets/js/formulaire-aj.mjs), which carries these answers over.
export const simulateur = lanceOutil({ racine, lisEntree, affiche, quandResultat: (resultat, entree) => {
  suite.hidden = !resultat;
  racine.dispatchEvent(new CustomEvent("resultat", { detail: { resultat, entree } }));
} });
