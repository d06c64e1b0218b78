// Simulateur d'aide juridictionnelle: reads theme/outils/aj.html, asks pyscripts.aj, shows the answer.
import { aujourdhui, dateLongue, el, euros, explication, lanceOutil, nombre, reference, rubrique } from "./outil-commun.mjs";

const racine = document.getElementById("simulateur");

const PHRASES = {
  totale: "Vous pouvez avoir l'aide juridictionnelle totale.",
  partielle_55: "Vous pouvez avoir l'aide juridictionnelle partielle, à 55 %.",
  partielle_25: "Vous pouvez avoir l'aide juridictionnelle partielle, à 25 %.",
  non_eligible: "D'après vos réponses, vous ne pouvez pas avoir l'aide juridictionnelle.",
  sans_condition_de_ressources: "Vous pouvez avoir l'aide juridictionnelle sans condition de ressources.",
};
const PRECISIONS = {
  totale: "L'État prend en charge les frais de votre avocat et de la procédure.",
  partielle_55: "L'État paie une partie des frais ; le reste est à votre charge.",
  partielle_25: "L'État paie une partie des frais ; le reste est à votre charge.",
  sans_condition_de_ressources: "Vos revenus ne sont pas examinés dans votre situation.",
};
const PLAFONDS = [
  ["totale", "Aide totale : revenus jusqu'à"],
  ["partielle_55", "Aide à 55 % : revenus jusqu'à"],
  ["partielle_25", "Aide à 25 % : revenus jusqu'à"],
  ["patrimoine_mobilier", "Épargne et placements : au plus"],
  ["patrimoine_immobilier", "Biens immobiliers hors résidence principale : au plus"],
];
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
  const montants = ["personnes_foyer", "patrimoine_mobilier", "patrimoine_immobilier"];
  const source = lis("source_revenus");
  if (source === "avis") montants.push("rfr");
  if (source === "changement") entree.changement_situation = true;
  if (source === "sans_avis") entree.rfr = null; // « pas d'avis d'impôt » : the 6 months count
  if (source === "changement" || source === "sans_avis") montants.push("revenus_6_mois");
  for (const nom of montants) {
    if (lis(nom)) entree[nom] = nombre(lis(nom));
  }
  if (lis("date_demande")) entree.date_demande = lis("date_demande");
  return { entree };
}

function tableauDesPlafonds(resultat, entree) {
  const n = entree.personnes_foyer;
  const lignes = PLAFONDS.map(([cle, texte]) => el("tr", { classe: cle === resultat.resultat ? "ligne-retenue" : null },
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
    : PHRASES[resultat.resultat];
  const suite = admission
    ? `Après l'examen de vos ressources : ${PHRASES[resultat.resultat].replace(/^./, (c) => c.toLowerCase())}`
    : PRECISIONS[resultat.resultat];
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
if (!date.value) date.value = aujourdhui();
// `simulateur` (the page's worker) and the « resultat » event serve the Cerfa 16146 interview
// (assets/js/formulaire-aj.mjs), which carries these answers over.
export const simulateur = lanceOutil({ racine, lisEntree, affiche, quandResultat: (resultat, entree) => {
  suite.hidden = !resultat;
  racine.dispatchEvent(new CustomEvent("resultat", { detail: { resultat, entree } }));
} });
