// Page « Calculateur de délais » (theme/outils/delais.html): asks pyscripts.delais, shows the
// answer, and exports it to a calendar (.ics) — neutral titles by default, after the warning.
import { el } from "./composants/dom.mjs";
import { Outil } from "./composants/outil.mjs";
import { dateLongue, nombre } from "./francais.mjs";
import { aSavoir, explication, reference, rubrique } from "./resultats.mjs";

const TITRES = Object.freeze({
  procedure: "Dernier jour pour agir",
  objectif: "Date limite fixée au juge",
  duree: "Fin de la mesure",
  prescription: "Fin du délai de prescription (indicatif)",
});
const DATES = Object.freeze(["ordonnance_fixant_audience", "date_audience", "notification_op", "demande_aj", "decision_baj",
  "admission_provisoire", "caducite", "decision_recours"]);
const ETAPE_PRINCIPALE = Object.freeze({ ordonnance_protection: "appel_op", aide_juridictionnelle_recours: "nouveau_delai" });

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
function encadre(r) {
  const sans = r.sans_augmentation;
  if (sans) {
    return el("p", { classe: "outil-encadre" }, `Date sûre : ${dateLongue(r.date_sure)}. `,
      `${sans.condition} : ${r.augmentation_distance.mois} mois de plus pour la distance, jusqu'au `,
      el("strong", {}, dateLongue(r.echeance)), ". En cas de doute, agissez avant la date sûre.");
  }
  if (r.echeance_plus_tardive) {
    return el("p", { classe: "outil-encadre" }, `Date sûre : ${dateLongue(r.date_sure)}. Le délai pourrait aller jusqu'au `,
      `${dateLongue(r.echeance_plus_tardive)}, mais ne comptez pas sur cette date sans l'avis d'un avocat ou du greffe.`);
  }
  return el("p", { classe: "outil-encadre" }, "C'est la date sûre : elle ne dépend d'aucun point discuté.");
}

function afficheDelai(r, nature) {
  const sans = r.sans_augmentation;
  const calcul = sans || r;
  const sautes = joursSautes(calcul.prorogations);
  return el("div", { classe: "outil-reponse" },
    el("h2", { tabindex: "-1", classe: "outil-phrase" }, `${TITRES[nature]} : ${dateLongue(r.date_sure)}`),
    el("p", { classe: "outil-precision" }, `${r.delai}, à partir du ${dateLongue(r.depart)}.`,
      nature === "procedure" ? " Jusqu'à minuit, mais le greffe ferme bien avant : agissez au plus tôt." : ""),
    encadre(r),
    sautes.length ? el("section", {}, el("h3", {}, "Les jours sautés"),
      el("p", {}, "Le délai finissait un jour non ouvrable : il va jusqu'au premier jour ouvrable suivant."),
      el("ul", {}, sautes)) : null,
    r.augmentation_distance && !sans ? el("p", {}, `${r.augmentation_distance.mois} mois de plus pour la distance. `,
      el("span", { classe: "source" }, "Source : ", reference(r.augmentation_distance.reference), ".")) : null,
    rubrique("Le calcul, étape par étape", calcul.explications.map(explication), { balise: "ol", classe: "outil-explications" }),
    // The box above already says what « distance_limitee » says.
    aSavoir(r.avertissements.filter((a) => !(sans && a.code === "distance_limitee"))));
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
    aSavoir(r.avertissements));
}

/** A random identifier for a new dossier (never derived from what was typed). */
function nouveauDossier() {
  const octets = crypto.getRandomValues(new Uint8Array(16));
  return [...octets].map((o) => o.toString(16).padStart(2, "0")).join("");
}

/**
 * The answer on screen as a calendar file (pyscripts/delais/ics.py). Its identity: a random
 * « dossier » drawn for what the person is computing, kept in memory only while the page is open;
 * each new file of the same dossier has a higher SEQUENCE, so the calendar replaces its events (a
 * corrected date) instead of adding a second one, and a step gone from the correction is cancelled.
 */
class Agenda {
  constructor(actions, outil) {
    this.outil = outil;
    this.titresComplets = actions.querySelector("[name=titres_complets]");
    this.correction = actions.querySelector("#delais-correction");
    this.memeDossier = actions.querySelector("[name=meme_dossier]");
    this.affiche = null; // the engine's answer on screen
    this.oublie();
    actions.querySelector("[data-action=agenda]").addEventListener("click", (e) => this.exporte(e.currentTarget));
  }

  /** « Effacer mes réponses »: what comes next is another dossier, never a correction of the last file. */
  oublie() {
    this.dossier = null;
    this.sequence = 0;
    this.exporte_ = null; // the answer of the last file saved
    this.memeDossier.checked = true;
    this.correction.hidden = true;
  }

  /** Built by the engine now (DTSTAMP = now), then offered after the warning. */
  async exporte(bouton) {
    if (!this.affiche) return;
    const corrige = this.dossier !== null && this.memeDossier.checked;
    const demande = {
      resultat: this.affiche,
      titres_complets: this.titresComplets.checked,
      dossier: corrige ? this.dossier : nouveauDossier(),
      sequence: corrige ? this.sequence + 1 : 0,
      horodatage: new Date().toISOString(),
      ...(corrige && this.exporte_ ? { precedent: this.exporte_ } : {}),
    };
    const reponse = await this.outil.outils.appelle("delais_ics", demande);
    if (reponse.erreur) return;
    const complet = this.titresComplets.checked && this.affiche.scenario;
    const nom = complet ? `${this.affiche.scenario.replaceAll("_", "-")}.ics` : undefined;
    if (await this.outil.export.telecharge(reponse.resultat, { genre: "ics", nom, type: "text/calendar;charset=utf-8", declencheur: bouton })) {
      ({ dossier: this.dossier, sequence: this.sequence } = demande);
      this.exporte_ = this.affiche;
      this.correction.hidden = false; // the next file may correct this one (checked) or start another dossier
    }
  }
}

function monte(section) {
  const choixDelai = section.querySelector("select[name=delai]");
  const aideDepart = document.getElementById(`${section.querySelector("input[name=depart]").id}-aide`);
  const actions = document.getElementById("delais-actions");
  choixDelai.addEventListener("change", () => {
    const depart = choixDelai.selectedOptions[0]?.dataset.depart;
    aideDepart.textContent = depart ? `Le jour de ${depart}. Ce jour ne compte pas.` : aideDepart.dataset.defaut;
  });
  let agenda = null;
  const outil = new Outil(section, {
    lisEntree,
    affiche: (resultat) => {
      agenda.affiche = resultat;
      if (resultat.scenario) return afficheScenario(resultat);
      return afficheDelai(resultat, choixDelai.selectedOptions[0]?.dataset.nature || "procedure");
    },
    quandResultat: (resultat) => {
      actions.hidden = !resultat;
      if (!resultat && agenda) agenda.affiche = null;
    },
  });
  agenda = new Agenda(actions, outil);
  outil.formulaire.addEventListener("reset", () => agenda.oublie());
}

monte(document.getElementById("calculateur"));
