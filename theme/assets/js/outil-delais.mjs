// Calculateur de délais: reads theme/outils/delais.html, asks pyscripts.delais, shows the answer, and
// exports it to a calendar (.ics) — neutral titles by default (issue 9), after securite's warning.
import { dateLongue, el, explication, lanceOutil, nombre, reference, rubrique } from "./outil-commun.mjs";

const racine = document.getElementById("calculateur");
const choixDelai = document.getElementById("delais-delai");
const aideDepart = document.getElementById("delais-depart-aide");
const actions = document.getElementById("delais-actions");
const titresComplets = document.getElementById("delais-titres-complets");
const correction = document.getElementById("delais-correction");
const memeDossier = document.getElementById("delais-meme-dossier");

const TITRES = {
  procedure: "Dernier jour pour agir",
  objectif: "Date limite fixée au juge",
  duree: "Fin de la mesure",
  prescription: "Fin du délai de prescription (indicatif)",
};
const DATES = ["ordonnance_fixant_audience", "date_audience", "notification_op", "demande_aj", "decision_baj",
  "admission_provisoire", "caducite", "decision_recours"];
const ETAPE_PRINCIPALE = { ordonnance_protection: "appel_op", aide_juridictionnelle_recours: "nouveau_delai" };

let affiche_ = null; // the answer on screen (engine result), for the .ics export
// The calendar file's identity (pyscripts/delais/ics.py): a random « dossier » drawn for what the person is
// computing, kept in memory only while the page is open; each new file of the same dossier has a higher
// SEQUENCE, so the calendar replaces its events (a corrected date) instead of adding a second one.
let dossier = null;
let sequence = 0;
let exporte_ = null; // the answer of the last file saved: a step gone from the correction is cancelled in it

/** The form's answers as the engine's input (pyscripts/delais/entree.py, scenarios.py). */
function lisEntree(lis) {
  const mode = lis("mode") || "delai";
  const entree = {};
  if (mode === "op") {
    entree.scenario = "ordonnance_protection";
    if (lis("duree_mesures_mois")) entree.duree_mesures_mois = nombre(lis("duree_mesures_mois"));
  } else {
    const delai = lis("delai");
    if (!delai) return { manque: "delai" };
    if (delai === "autre") {
      if (lis("duree")) entree.duree = { [lis("unite")]: nombre(lis("duree")) };
      entree.franc = lis("franc") === "oui";
    } else {
      entree.delai = delai;
    }
    if (lis("depart")) entree.depart = lis("depart");
  }
  if (mode === "aj") {
    entree.scenario = "aide_juridictionnelle_recours";
    if (lis("sens_decision")) entree.sens_decision = lis("sens_decision");
    if (lis("designations_avocat")) entree.designations_avocat = [lis("designations_avocat")];
  }
  for (const nom of DATES) {
    if (lis(nom)) entree[nom] = lis(nom);
  }
  // Métropole is the engine's default; a délai tied to one court (Cour de cassation) refuses any other.
  if (lis("lieu_juridiction") !== "metropole") entree.lieu_juridiction = lis("lieu_juridiction");
  if (lis("residence_partie")) entree.residence_partie = lis("residence_partie");
  return { entree };
}

/** « samedi » → « week-end » ; « dimanche et Fête nationale » → « week-end et jour férié : Fête nationale ». */
function motif(texte) {
  const [jour, ...reste] = texte.split(" et ");
  if (jour === "samedi" || jour === "dimanche") {
    return reste.length ? `week-end et jour férié : ${reste.join(" et ")}` : "week-end";
  }
  return `jour férié : ${texte}`;
}

function joursSautes(prorogations) {
  return prorogations.map((p) => el("li", {}, `${dateLongue(p.date)} : ${motif(p.motif)}.`,
    el("span", { classe: "source" }, " Source : ", reference(p.reference), ".")));
}

/** The safe date first. A délai typed by hand, for a person living far away: the distance extension
 *  counts only if it is a délai d'appel, d'opposition… — shown as such, never as the safe date. */
function afficheDelai(r, nature) {
  const sans = r.sans_augmentation;
  const calcul = sans || r;
  const plusTard = r.echeance_plus_tardive;
  const sautes = joursSautes(calcul.prorogations);
  let encadre;
  if (sans) {
    encadre = el("p", { classe: "outil-encadre" }, `Date sûre : ${dateLongue(r.date_sure)}. `,
      `${sans.condition} : ${r.augmentation_distance.mois} mois de plus pour la distance, jusqu'au `,
      el("strong", {}, dateLongue(r.echeance)), ". En cas de doute, agissez avant la date sûre.");
  } else if (plusTard) {
    encadre = el("p", { classe: "outil-encadre" }, `Date sûre : ${dateLongue(r.date_sure)}. Le délai pourrait aller jusqu'au `,
      `${dateLongue(plusTard)}, mais ne comptez pas sur cette date sans l'avis d'un avocat ou du greffe.`);
  } else {
    encadre = el("p", { classe: "outil-encadre" }, "C'est la date sûre : elle ne dépend d'aucun point discuté.");
  }
  return el("div", { classe: "outil-reponse" },
    el("h2", { tabindex: "-1", classe: "outil-phrase" }, `${TITRES[nature]} : ${dateLongue(r.date_sure)}`),
    el("p", { classe: "outil-precision" }, `${r.delai}, à partir du ${dateLongue(r.depart)}.`,
      nature === "procedure" ? " Jusqu'à minuit, mais le greffe ferme bien avant : agissez au plus tôt." : ""),
    encadre,
    sautes.length ? el("section", {}, el("h3", {}, "Les jours sautés"),
      el("p", {}, "Le délai finissait un jour non ouvrable : il va jusqu'au premier jour ouvrable suivant."),
      el("ul", {}, sautes)) : null,
    r.augmentation_distance && !sans ? el("p", {}, `${r.augmentation_distance.mois} mois de plus pour la distance. `,
      el("span", { classe: "source" }, "Source : ", reference(r.augmentation_distance.reference), ".")) : null,
    rubrique("Le calcul, étape par étape", calcul.explications.map(explication), { balise: "ol", classe: "outil-explications" }),
    // The box above already says what « distance_limitee » says.
    rubrique("À savoir", r.avertissements.filter((a) => !(sans && a.code === "distance_limitee"))
      .map((a) => el("li", {}, a.texte)), { classe: "outil-avertissements" }));
}

function etape(e) {
  const details = [
    ...e.explications.map(explication),
    ...e.avertissements.map((a) => el("li", {}, a.texte)),
  ];
  return el("li", { classe: `etape etape-${e.nature}` },
    el("h3", {}, e.titre),
    el("p", { classe: "etape-date" }, e.date_sure ? dateLongue(e.date_sure) : "Date à venir"),
    e.date_sure && e.texte === `Le ${dateLongue(e.date_sure)}.` ? null : el("p", {}, e.texte),
    e.dates_plus_tardives.length ? el("ul", { classe: "etape-plus-tard" }, e.dates_plus_tardives.map(
      (p) => el("li", {}, `Peut-être le ${dateLongue(p.date)} : ${p.motif}`))) : null,
    details.length ? el("details", {}, el("summary", {}, "Le détail du calcul"), el("ul", {}, details)) : null,
    e.reference ? el("p", { classe: "source" }, "Source : ", reference(e.reference), ".") : null);
}

function afficheScenario(r) {
  const principale = r.etapes.find((e) => e.id === ETAPE_PRINCIPALE[r.scenario] && e.date_sure)
    || r.etapes.find((e) => e.nature === "delai" && e.date_sure);
  return el("div", { classe: "outil-reponse" },
    el("h2", { tabindex: "-1", classe: "outil-phrase" }, r.titre),
    principale ? el("p", { classe: "outil-encadre" }, `À retenir : ${principale.titre}, au plus tard le `,
      el("strong", {}, dateLongue(principale.date_sure)), ".") : null,
    el("ol", { classe: "etapes" }, r.etapes.map(etape)),
    rubrique("À savoir", r.avertissements.map((a) => el("li", {}, a.texte)), { classe: "outil-avertissements" }));
}

function affiche(resultat) {
  affiche_ = resultat;
  if (resultat.scenario) return afficheScenario(resultat);
  const nature = choixDelai.selectedOptions[0]?.dataset.nature || "procedure";
  return afficheDelai(resultat, nature);
}

/** A random identifier for a new dossier (never derived from what was typed). */
function nouveauDossier() {
  const octets = crypto.getRandomValues(new Uint8Array(16));
  return [...octets].map((o) => o.toString(16).padStart(2, "0")).join("");
}

/** The .ics of the answer on screen: built by the engine now (DTSTAMP = now), then offered after the warning. */
async function exporteAgenda() {
  if (!affiche_) return;
  const corrige = dossier !== null && memeDossier.checked;
  const demande = {
    resultat: affiche_,
    titres_complets: titresComplets.checked,
    dossier: corrige ? dossier : nouveauDossier(),
    sequence: corrige ? sequence + 1 : 0,
    horodatage: new Date().toISOString(),
    ...(corrige && exporte_ ? { precedent: exporte_ } : {}),
  };
  const reponse = await outil.appelle("delais_ics", demande);
  if (reponse.erreur) return;
  const { telechargerApresAvertissement, NOMS_NEUTRES } = await import("./avant-export.mjs");
  const nom = titresComplets.checked && affiche_.scenario ? `${affiche_.scenario.replaceAll("_", "-")}.ics` : NOMS_NEUTRES.ics;
  if (await telechargerApresAvertissement(reponse.resultat, "ics", nom, "text/calendar;charset=utf-8")) {
    ({ dossier, sequence } = demande);
    exporte_ = affiche_;
    correction.hidden = false; // the next file may correct this one (checked) or start another dossier
  }
}

choixDelai.addEventListener("change", () => {
  const depart = choixDelai.selectedOptions[0]?.dataset.depart;
  aideDepart.textContent = depart ? `Le jour de ${depart}. Ce jour ne compte pas.` : aideDepart.dataset.defaut;
});
actions.querySelector("[data-action=agenda]").addEventListener("click", exporteAgenda);
// « Effacer mes réponses » : what comes next is another dossier, never a correction of the last file.
document.getElementById("delais-formulaire").addEventListener("reset", () => {
  dossier = null;
  sequence = 0;
  exporte_ = null;
  memeDossier.checked = true;
  correction.hidden = true;
});
const outil = lanceOutil({
  racine, lisEntree, affiche, quandResultat: (resultat) => {
    actions.hidden = !resultat;
    if (!resultat) affiche_ = null;
  },
});
