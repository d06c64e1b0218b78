// Préparer la requête au juge aux affaires familiales (Cerfa 15458*07): eight steps, the Python
// engine (pyscripts/formulaires/op.py) in the worker, the documents at the end.
//
// Nothing is kept: no storage, no address changed, nothing sent. Leaving the page (link, reload,
// « Quitter rapidement ») wipes everything: on `pagehide` the form is emptied, so that Back does
// not bring it back filled. Nothing the person types nor the engine answers is read as HTML.
//
// Markup: theme/outils/op.html. name = the PDF field (valeurs); name="mesure" value=<id> = a
// protection asked for; data-champ = the names the engine gives in its errors.

import { OutilsIndisponibles } from "../outils.mjs";
import { Calculateur } from "../composants/calculateur.mjs";
import { Composant } from "../composants/composant.mjs";
import { compte, Conditions, reponses, valeur } from "../composants/conditions.mjs";
import { demande } from "../composants/dialogue.mjs";
import { el } from "../composants/dom.mjs";
import { ErreursDeChamps } from "../composants/erreurs.mjs";
import { Etapes } from "../composants/etapes.mjs";
import { Export } from "../composants/export.mjs";
import { OffrePdf } from "../composants/offre-pdf.mjs";
import { depuisBase64, PdfVierge } from "../composants/pdf-vierge.mjs";
import { Documents } from "./documents.mjs";
import { Faits, lignes } from "./faits.mjs";

const FORMULAIRE = "cerfa-15458";
const NON_VALEURS = Object.freeze(["mesure", "danger", "pieces"]); // read apart, not PDF fields

/** jj/mm/aaaa, as on the paper form, from a date field (AAAA-MM-JJ). */
function dateFr(iso) {
  const [a, m, j] = iso.split("-");
  return `${j}/${m}/${a}`;
}

export class PreparationRequete extends Composant {
  static nom = "PreparationRequete";
  static defaults = Object.freeze({
    i18n: Object.freeze({
      pret: "Prêt : vos réponses sont vérifiées à chaque étape.",
      preparation: "Préparation de vos documents…",
      documentsPanne: "Vos documents n'ont pas pu être préparés dans ce navigateur : ",
      documentsPanneLien: "imprimez le formulaire vierge",
      documentsPanneSuite: " et remplissez-le à la main.",
      pdfPreparation: "Préparation du PDF… La première fois, cela prend quelques secondes.",
      pdfPanne: "Le PDF n'a pas pu être préparé ici : ",
      pdfPanneLien: "le formulaire vierge (PDF)",
      pdfPanneSuite: " se remplit aussi à la main.",
      ouvrir: "Ouvrir la requête (PDF) pour la relire et l'imprimer",
      enregistrer: "Enregistrer la requête (PDF)",
      effacerTitre: "Effacer toutes vos réponses\u00a0?",
      effacerLignes: Object.freeze([
        "Les huit étapes seront vidées : ce que vous avez écrit ne pourra pas être retrouvé.",
        "Pour partir vite, utilisez plutôt «\u00a0Quitter rapidement\u00a0» : il efface aussi tout, sans question.",
      ]),
      effacerOui: "Tout effacer",
      effacerNon: "Garder mes réponses",
      garder: "Ce texte peut rester tel quel : il ne désigne pas mon domicile",
      aConfirmer: "{question} : elle cite peut-être votre adresse. Corrigez-la, ou cochez « Ce texte peut rester "
        + "tel quel » si elle ne désigne pas votre domicile.",
    }),
  });

  constructor(racine, config = {}) {
    super(racine, config);
    this.avant = this.trouve("#op-avant");
    this.formulaire = this.trouve("#op-formulaire");
    this.resultat = this.trouve("#op-resultat");
    this.vierge = new PdfVierge(this.resultat.dataset.pdf);
    this.export = new Export(racine);
    this.offre = null; // the filled PDF offered, while the documents are shown
    this.blocsFaits = []; // the fact blocks of the last reading, for the engine's « chronologie.n »
    // The warnings on the hidden address the person confirmed (the engine's `confirmer` keys); an
    // answer changed loses its confirmation, the engine asks again if the text still calls for it.
    this.confirmees = new Set();
    // The steps are checked when Python is ready; otherwise the person goes on unchecked and the
    // last step offers the blank form.
    this.calculateur = new Calculateur(racine, { i18n: { pret: this.t("pret") } });
    this.outils = this.calculateur.outils;
    this.conditions = new Conditions(this.formulaire);
    this.erreurs = new ErreursDeChamps(this.formulaire, { resume: this.trouve("[data-resume-erreurs]"),
      blocDe: (champ) => this.blocDe(champ) });
    this.faits = new Faits(this.trouve("#op-faits"), { modele: this.trouve("#op-modele-fait") });
    this.etapes = new Etapes(this.formulaire, {
      avant: async (index) => !this.calculateur.pret || (await this.verifie(index)).ok,
      quandChange: () => this.appliqueConditions(),
    });
    this.documents = new Documents(this.resultat, { vaA: (bloc) => this.vaA(bloc), depot: this.trouve("#op-modele-depot") });
    this.ecoute();
    this.faits.ajoute();
    this.appliqueConditions();
  }

  ecoute() {
    this.trouve("#op-commencer").addEventListener("click", () => {
      this.avant.hidden = true;
      this.formulaire.hidden = false;
      this.etapes.va(0);
      this.prepareVierge();
    });
    this.trouve("#op-ajoute-enfant").addEventListener("click", (evenement) => this.ajouteEnfant(evenement.currentTarget));
    this.trouve("#op-ajoute-fait").addEventListener("click", () => this.faits.ajoute({ focus: true }));
    this.formulaire.addEventListener("submit", (evenement) => {
      evenement.preventDefault();
      this.termine();
    });
    this.formulaire.addEventListener("input", (evenement) => {
      this.oublieConfirmation(evenement.target);
      this.appliqueConditions();
    });
    // A fact removed renumbers the others: their confirmations go.
    this.trouve("#op-faits").addEventListener("click", (evenement) => {
      if (evenement.target.closest("[data-action=retire-fait]")) this.oublieConfirmation(this.trouve("#op-faits"));
    });
    this.formulaire.addEventListener("change", () => this.appliqueConditions());
    const effacer = this.trouve("[data-action=effacer]");
    effacer.addEventListener("click", async () => {
      if (!(await demande({ titre: this.t("effacerTitre"), lignes: this.config.i18n.effacerLignes, oui: this.t("effacerOui"),
        non: this.t("effacerNon"), declencheur: effacer, focusSur: "non", classe: "effacer" }))) return;
      this.toutEfface();
      this.etapes.va(0);
    });
    // Leaving the page is losing everything, for the browser's Back button too.
    window.addEventListener("pagehide", () => {
      this.toutEfface();
      this.avant.hidden = false;
      this.formulaire.hidden = true;
    });
  }

  ajouteEnfant(bouton) {
    const cache = this.formulaire.querySelector(".op-enfant[hidden]");
    if (!cache) return;
    cache.hidden = false;
    cache.querySelector("input").focus();
    if (!this.formulaire.querySelector(".op-enfant[hidden]")) bouton.hidden = true;
  }

  appliqueConditions() {
    // A hidden address is still asked, for the check only: the engine takes it out of the request.
    this.conditions.applique();
  }

  /** The confirmations of the answer `champ` (a fact: all the facts'), forgotten. */
  oublieConfirmation(champ) {
    if (champ.closest(".confirmation-champ")) return;
    const prefixe = champ.closest("#op-faits") ? "chronologie" : champ.name === "pieces" ? "pieces." : `${champ.name}:`;
    if (!champ.name && prefixe !== "chronologie") return;
    for (const cle of [...this.confirmees]) if (cle.startsWith(prefixe)) this.confirmees.delete(cle);
  }

  // ── Reading the answers ─────────────────────────────────────────────────────

  lisValeurs() {
    const valeurs = {};
    for (const champ of this.formulaire.querySelectorAll("[data-etape] [name]")) {
      if (NON_VALEURS.includes(champ.name) || !compte(champ, this.formulaire)) continue;
      if (champ.type === "radio") {
        if (champ.checked) valeurs[`${champ.name}_${champ.value}`] = true;
      } else if (champ.type === "checkbox") {
        valeurs[champ.name] = champ.checked;
      } else if (champ.value.trim()) {
        valeurs[champ.name] = champ.dataset.format === "date" ? dateFr(champ.value) : champ.value.trim();
      }
    }
    return valeurs;
  }

  lisEntree() {
    const { faits, blocs } = this.faits.lis();
    this.blocsFaits = blocs;
    const mesures = [...this.formulaire.querySelectorAll("input[name=mesure]:checked")]
      .filter((c) => compte(c, this.formulaire)).map((c) => c.value);
    const entree = { formulaire: FORMULAIRE, valeurs: this.lisValeurs(), mesures, chronologie: faits,
      pieces: lignes(reponses(this.formulaire, "pieces")[0]), confirmations: [...this.confirmees] };
    const danger = valeur(this.formulaire, "danger");
    if (danger) entree.danger = danger;
    return entree;
  }

  /** The question of an engine's field: `chronologie.3.date` (a fact), `pieces…`, else by name. */
  blocDe(champ) {
    return this.faits.blocDe(champ, this.blocsFaits)
      ?? (champ.startsWith("pieces") ? this.formulaire.querySelector("[data-champ=pieces]") : null)
      ?? this.erreurs.questionNommee(champ);
  }

  /** A question's step shown, its first control (or the step's heading) focused. */
  vaA(bloc) {
    this.etapes.va(this.etapes.indexDe(bloc), { focus: false });
    (bloc.querySelector("input, textarea, select") || this.trouve("[data-etape-titre]")).focus();
  }

  // ── The engine ──────────────────────────────────────────────────────────────

  async demande(outil, entree) {
    try {
      return await this.outils.appelle(outil, entree);
    } catch (erreur) {
      if (!(erreur instanceof OutilsIndisponibles)) throw erreur;
      this.calculateur.montrePanne();
      return null;
    }
  }

  /** Asks the engine; an error in step `jusqua` or before stops the person, and so does a warning on
   * the hidden address not yet confirmed. Other warnings are shown, never stop. */
  async verifie(jusqua) {
    const entree = this.lisEntree();
    // With the blank PDF: the checks of the final PDF (scripts, lengths, what goes to the annex).
    let pdf = null;
    try {
      pdf = await this.vierge.base64();
    } catch (erreur) {
      console.error(erreur); // without it, the basic checks only; the final PDF says the rest
    }
    const reponse = await this.demande("op", pdf ? { ...entree, pdf } : entree);
    this.erreurs.efface();
    if (!reponse) return { ok: true };
    // The tool itself failed: the person is not stopped; the end offers the blank form.
    if (reponse.erreur?.champ === "interne") return { ok: true, panne: reponse.erreur.message };
    if (reponse.erreur) {
      const bloc = this.blocDe(reponse.erreur.champ);
      const index = bloc ? this.etapes.indexDe(bloc) : this.etapes.index;
      if (index > jusqua) return { ok: true };
      if (index >= 0 && index !== this.etapes.index) this.etapes.va(index, { focus: false });
      this.erreurs.signale(reponse.erreur);
      return { ok: false };
    }
    const enAttente = this.montreAvertissements([...reponse.resultat.avertissements, ...(reponse.resultat.annexes || [])])
      .filter((m) => this.etapes.indexDe(m.bloc) <= jusqua);
    if (enAttente.length) {
      const index = this.etapes.indexDe(enAttente[0].bloc);
      if (index !== this.etapes.index) this.etapes.va(index, { focus: false });
      this.erreurs.montre(enAttente.map((m) => ({ ...m, ligne: this.t("aConfirmer", { question: this.erreurs.question(m.bloc) }) })));
      return { ok: false };
    }
    return { ok: true, resultat: reponse.resultat, entree };
  }

  /** Each warning next to its question, a checkbox under those to confirm; returns the marks of those
   * not confirmed yet (for the summary). */
  montreAvertissements(avertissements) {
    const enAttente = [];
    for (const a of avertissements) {
      const bloc = this.blocDe(a.champ);
      if (!bloc) continue;
      const confirmation = a.confirmer ? { libelle: this.t("garder"), coche: a.confirme, quandChange: (coche) => {
        if (coche) this.confirmees.add(a.confirmer);
        else this.confirmees.delete(a.confirmer);
      } } : null;
      const marque = this.erreurs.marque(bloc, a.message, { avertissement: true, confirmation });
      if (confirmation && !a.confirme && marque) enAttente.push(marque);
    }
    return enAttente;
  }

  /** « Préparer mes documents ». */
  async termine() {
    // Python still loading (a slow connection): its progress here, where the documents will come.
    this.resultat.replaceChildren(this.calculateur.pret ? el("p", {}, this.t("preparation"))
      : this.calculateur.attente(this.t("preparation"), { enAttendant: false }));
    const { ok, resultat, entree } = await this.verifie(this.etapes.derniere);
    if (!ok) {
      this.resultat.replaceChildren();
      return;
    }
    if (!resultat) {
      this.resultat.replaceChildren(el("p", { classe: "outil-panne" }, this.t("documentsPanne"),
        el("a", { href: "#sans-outil" }, this.t("documentsPanneLien")), this.t("documentsPanneSuite")));
      return;
    }
    this.documents.montre(resultat, entree, (champ) => this.blocDe(champ));
    this.preparePdf(entree);
  }

  // ── The filled PDF (pypdf in the worker, as for the other forms) ────────────

  /** While the person answers: the blank PDF read by pypdf in the worker; the end will only fill it. */
  prepareVierge() {
    this.outils.pret
      .then(() => this.vierge.base64())
      .then((pdf) => this.outils.appelle("formulaire_preparer", { formulaire: FORMULAIRE, pdf }))
      .catch((erreur) => console.error(erreur)); // the end will try again, and say so
  }

  async preparePdf(entree) {
    const zone = this.trouve("#op-boutons-pdf");
    zone.replaceChildren(el("p", { role: "status" }, this.t("pdfPreparation")));
    let reponse = null;
    try {
      reponse = await this.demande("formulaire_remplir", { ...entree, pdf: await this.vierge.base64() });
    } catch (erreur) {
      console.error(erreur);
    }
    if (!reponse?.resultat) {
      zone.replaceChildren(el("p", { classe: "outil-panne" }, this.t("pdfPanne"),
        el("a", { href: this.resultat.dataset.pdf, "data-avant-export": "onglet" }, this.t("pdfPanneLien")), this.t("pdfPanneSuite")));
      return;
    }
    this.offre?.oublie();
    this.offre = new OffrePdf(zone, { export: this.export, i18n: { ouvrir: this.t("ouvrir"), enregistrer: this.t("enregistrer") } });
    this.offre.propose(depuisBase64(reponse.resultat.pdf));
  }

  toutEfface() {
    this.formulaire.reset();
    this.faits.vide();
    for (const enfant of this.formulaire.querySelectorAll(".op-enfant")) enfant.hidden = enfant.dataset.enfant !== "1";
    this.trouve("#op-ajoute-enfant").hidden = false;
    this.resultat.replaceChildren();
    this.erreurs.efface();
    this.offre?.oublie();
    this.offre = null;
    this.confirmees.clear();
  }
}
