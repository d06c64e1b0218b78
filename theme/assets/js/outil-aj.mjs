// Page « Simulateur d'aide juridictionnelle » (theme/outils/aj.html): the simulator (pyscripts.aj)
// and, once it has answered, the guided request for Cerfa 16146 (theme/formulaires/entretien.html),
// which carries the simulator's answers over and uses the same Python worker.
import { el } from "./composants/dom.mjs";
import { Entretien } from "./composants/entretien.mjs";
import { Outil } from "./composants/outil.mjs";
import { aujourdhui, dateLongue, euros, montant, nombre } from "./francais.mjs";
import { aSavoir, explication, reference, rubrique } from "./resultats.mjs";

// The answer in one sentence; a partial aid's rate comes from the engine (`taux`, a dated rule).
const PHRASES = Object.freeze({
  totale: () => "Vous pouvez avoir l'aide juridictionnelle totale.",
  non_eligible: () => "D'après vos réponses, vous ne pouvez pas avoir l'aide juridictionnelle.",
  sans_condition_de_ressources: () => "Vous pouvez avoir l'aide juridictionnelle sans condition de ressources.",
  partielle: (taux) => `Vous pouvez avoir l'aide juridictionnelle partielle, à ${taux} %.`,
});
const PRECISIONS = Object.freeze({
  totale: () => "L'État prend en charge les frais de votre avocat et de la procédure.",
  // What « the rest » means: an agreement with the lawyer, in writing, before the work starts.
  partielle: (taux) => `L'État paie ${taux}\u00a0% de ce qu'il paierait à votre avocat avec l'aide totale. Le reste `
    + `(${100 - taux}\u00a0%) se paie selon un accord écrit avec votre avocat, la convention d'honoraires, signée avant `
    + "qu'il commence à travailler : demandez-lui combien vous paierez en tout.",
  sans_condition_de_ressources: () => "Vos revenus ne sont pas examinés dans votre situation.",
});
const PATRIMOINE = Object.freeze([
  ["patrimoine_mobilier", "Épargne et placements : au plus"],
  ["patrimoine_immobilier", "Biens immobiliers hors résidence principale : au plus"],
]);
const MONTANTS = Object.freeze(["rfr", "revenus_6_mois", "patrimoine_mobilier", "patrimoine_immobilier"]);
const OUI_NON = Object.freeze({ oui: true, non: false });

/** totale / partielle_55 … / non_eligible → the key of PHRASES and PRECISIONS. */
const genre = (resultat) => (resultat.startsWith("partielle") ? "partielle" : resultat);
const phrase = (r) => PHRASES[genre(r.resultat)](r.taux);

/** The form's answers as the engine's input (pyscripts/aj/entree.py); `maximum`: the engine's bound on amounts. */
function lisEntree(lis, maximum) {
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
    : PRECISIONS[genre(resultat.resultat)]?.(resultat.taux);
  return el("div", { classe: `outil-reponse reponse-${resultat.resultat}` },
    el("h2", { tabindex: "-1", classe: "outil-phrase" }, titre),
    suite ? el("p", { classe: "outil-precision" }, suite) : null,
    admission ? el("p", { classe: "outil-encadre" }, admission.texte, " ", el("span", { classe: "source" }, "Source : ",
      reference(admission.reference), ".")) : null,
    resultat.plafonds ? tableauDesPlafonds(resultat, entree) : null,
    rubrique("Pourquoi ?", resultat.explications.map(explication), { balise: "ol", classe: "outil-explications" }),
    aSavoir(resultat.avertissements));
}

/**
 * The Cerfa 16146 interview on the simulator's page: shown with a result (once started, it stays
 * even if the result changes); « Effacer mes réponses » of the simulator forgets it too (a shared
 * device, staff helping the next person). Returns what the simulator tells it of each answer.
 */
function monteEntretien(racine, simulateur, formulaire) {
  let entree = null; // the simulator's input behind the answer on screen
  const entretien = new Entretien(racine, {
    outils: simulateur.outils,
    contexte: () => ({ simulateur: entree || {} }),
    prerempli: async () => {
      if (!entree) return null;
      const reponse = await simulateur.outils.appelle("formulaire_prerempli", { simulateur: entree });
      return reponse.resultat || null;
    },
  });
  formulaire.addEventListener("reset", () => {
    entree = null;
    entretien.efface();
    racine.hidden = true;
  });
  return (resultat, lue) => {
    entree = resultat ? lue : null;
    if (racine.querySelector(".entretien-accueil:not([hidden])")) racine.hidden = !resultat;
  };
}

function monte(section) {
  const formulaire = section.querySelector("form");
  const maximum = Number(formulaire.dataset.montantMaximum);
  const date = section.querySelector("input[name=date_demande]");
  if (!date.value) date.defaultValue = aujourdhui(); // the default: « Effacer mes réponses » keeps it
  const suite = document.getElementById("aj-suite");
  let dernier = [null, null]; // the answer on screen and its input, for the interview
  let versEntretien = () => {};
  const simulateur = new Outil(section, {
    lisEntree: (lis) => lisEntree(lis, maximum),
    affiche,
    quandResultat: (resultat = null, entree = null) => {
      suite.hidden = !resultat;
      dernier = [resultat, entree];
      versEntretien(...dernier);
    },
  });
  // This module is async: it may run before the parser reaches the interview, placed after the tool.
  const monteSiLa = () => {
    const hote = document.getElementById("entretien-cerfa-16146");
    if (!hote) return;
    versEntretien = monteEntretien(hote, simulateur, formulaire);
    versEntretien(...dernier);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", monteSiLa, { once: true });
  else monteSiLa();
}

monte(document.getElementById("simulateur"));
