// The guided interview of an official form (theme/formulaires/entretien.html, built from the form's
// definition): steps, conditions, required answers, errors next to their question, then the filled
// PDF from the worker (pypdf) and the personal list of supporting documents.
//
// State lives in this page's memory only: no cookie, no Web Storage, no URL parameter. Leaving or
// reloading the page loses everything, as the interview says at its start.
//
//   const entretien = new Entretien(section, {outils, contexte, prerempli});
//     outils       {appelle(outil, entree)}: the page's one worker (a tool's Calculateur.outils)
//     contexte()   → extra input for formulaire_pieces (e.g. {simulateur: …})
//     prerempli()  → Promise<{valeurs, rappels, replis}> | null: answers carried over when the interview
//                    opens; `replis`: questions already answered, folded under the line that says the answer
//   entretien.efface()   every answer and the PDF forgotten: the interview leaves the page
//
// The form lives in a <template> until « Préparer ma demande »: no hidden answers in the page before.

import { Composant } from "./composant.mjs";
import { compte, Conditions } from "./conditions.mjs";
import { el, montreEnHaut } from "./dom.mjs";
import { ErreursDeChamps } from "./erreurs.mjs";
import { Etapes } from "./etapes.mjs";
import { Export } from "./export.mjs";
import { OffrePdf } from "./offre-pdf.mjs";
import { depuisBase64, PdfVierge } from "./pdf-vierge.mjs";

/** A question folded as already answered is opened again when it needs the person. */
const ouvreSiReplie = (bloc) => bloc.closest("details.deja-repondu")?.setAttribute("open", "");

const REQUIS = ":scope > input[required], :scope > .saisie-unite > input[required], :scope > textarea[required], :scope > .choix > input[required]";

export class Entretien extends Composant {
  static nom = "Entretien";
  static defaults = Object.freeze({
    i18n: Object.freeze({
      panne: "Le formulaire n'a pas pu être préparé dans ce navigateur. Vous pouvez imprimer le formulaire vierge et le remplir à la main.",
      vierge: "Le formulaire vierge (PDF)",
      annexe: "Certaines réponses continueront sur une page d'annexe du PDF (voir à côté de ces questions) : "
        + "rien n'est perdu. Cliquez à nouveau pour continuer.",
      verification: "Vérification de vos réponses…",
      preparation: "Préparation du formulaire… La première fois, cela prend quelques secondes.",
      ouvrir: "Ouvrir le formulaire pour le lire et l'imprimer",
      enregistrer: "Enregistrer le PDF",
      revoir: "Revoir ou modifier",
    }),
  });

  constructor(racine, { outils, contexte = () => ({}), prerempli = () => null, ...config }) {
    super(racine, config);
    Object.assign(this, { outils, contexte, prerempli });
    this.identifiant = racine.dataset.formulaire;
    this.vierge = new PdfVierge(racine.dataset.pdf);
    this.accueil = this.trouve(".entretien-accueil");
    this.commencer = this.trouve(".entretien-accueil [data-action=commencer]");
    this.modele = this.trouve("template.entretien-modele");
    this.export = new Export(racine);
    this.m = null; // the interview in the page, while the person uses it
    this.commencer.addEventListener("click", () => this.commence());
    window.addEventListener("pagehide", () => this.m?.offre.oublie());
  }

  /** « Préparer ma demande »: the form out of its template, answers carried over, step 1. */
  async commence() {
    this.commencer.disabled = true;
    const contenu = this.modele.content.cloneNode(true);
    const noeuds = [...contenu.children];
    this.racine.append(contenu);
    this.monte(noeuds);
    try {
      this.applique(await this.prerempli());
    } catch (erreur) {
      console.error(erreur); // carrying answers over is a help, not a condition
    }
    this.accueil.hidden = true;
    this.m.formulaire.hidden = false;
    this.m.etapes.va(0);
    this.prepare();
  }

  monte(noeuds) {
    const formulaire = this.trouve("form");
    const m = { noeuds, formulaire, etat: this.trouve(".entretien-etat"), resultat: this.trouve(".entretien-resultat") };
    m.conditions = new Conditions(formulaire);
    m.erreurs = new ErreursDeChamps(formulaire, { resume: this.trouve("[data-resume-erreurs]"), niveauTitre: 3 });
    m.etapes = new Etapes(formulaire, {
      avant: (index) => this.etapeFinie(index),
      quandChange: () => { // a new step: its own messages only
        m.etat.textContent = "";
        m.erreurs.efface();
      },
    });
    m.offre = new OffrePdf(this.trouve(".entretien-pdf"), { export: this.export,
      i18n: { ouvrir: this.t("ouvrir"), enregistrer: this.t("enregistrer") } });
    this.m = m;
    this.boutons(m);
    formulaire.addEventListener("change", () => m.conditions.applique());
    m.conditions.applique();
  }

  boutons(m) {
    const bouton = (action) => this.trouve(`[data-action=${action}]`);
    bouton("obtenir").addEventListener("click", () => this.obtenir());
    bouton("modifier").addEventListener("click", () => {
      m.resultat.hidden = true;
      m.formulaire.hidden = false;
      m.etapes.va(m.etapes.derniere);
    });
    // « Imprimer la liste des pièces » : data-avant-export in the template (Export).
    for (const ajout of m.formulaire.querySelectorAll("[data-action=ajouter-rangee]")) {
      ajout.addEventListener("click", () => {
        const tableau = ajout.closest(".champ-tableau");
        const cachee = tableau.querySelector(".rangee[hidden]");
        if (!cachee) return;
        cachee.hidden = false;
        cachee.querySelector("input").focus();
        ajout.hidden = !tableau.querySelector(".rangee[hidden]");
      });
    }
  }

  /** Every answer and the PDF forgotten: the interview leaves the page (a shared device, the next person). */
  efface() {
    if (this.m) {
      this.m.offre.oublie();
      for (const noeud of this.m.noeuds) noeud.remove();
      delete this.racine.dataset.pdfPret;
    }
    this.m = null;
    this.accueil.hidden = false;
    this.commencer.disabled = false;
  }

  // ── Answers: the form's field names are the PDF's ──────────────────────────

  /** The control holding box `nom`: a checkbox named so, or a radio whose value is it. */
  caseNommee(nom) {
    return this.m.formulaire.querySelector(`input[type=checkbox][name="${nom}"], input[type=radio][value="${nom}"]`);
  }

  /** {nom: texte | true}: filled texts and ticked boxes of the questions that count. */
  valeurs(portee = this.m.formulaire) {
    const sortie = {};
    for (const champ of portee.querySelectorAll("input, textarea")) {
      if (!champ.name || !compte(champ, this.m.formulaire)) continue;
      if (champ.type === "radio") {
        if (champ.checked) sortie[champ.value] = true;
      } else if (champ.type === "checkbox") {
        if (champ.checked) sortie[champ.name] = true;
      } else if (champ.value.trim()) {
        sortie[champ.name] = champ.value.trim();
      }
    }
    return sortie;
  }

  /** Answers carried over {valeurs, rappels, replis} (null: none). */
  applique(donnees) {
    const { formulaire } = this.m;
    for (const [nom, valeur] of Object.entries(donnees?.valeurs ?? {})) {
      if (typeof valeur === "boolean") {
        const boite = this.caseNommee(nom);
        if (boite) boite.checked = valeur;
      } else {
        const champ = formulaire.elements.namedItem(nom);
        if (champ && "value" in champ) champ.value = valeur;
        champ?.closest?.(".rangee")?.removeAttribute("hidden");
      }
    }
    for (const [nom, texte] of Object.entries(donnees?.rappels ?? {})) {
      const rappel = formulaire.querySelector(`[data-rappel="${nom}"]`);
      if (rappel) {
        rappel.textContent = texte;
        rappel.hidden = false;
      }
    }
    this.replie(donnees?.replis ?? {});
    this.m.conditions.applique();
  }

  /** Each question already answered ({champ | "rubrique:<id>": phrase}) folded under its phrase: one line
   *  instead of a screen, opened again with a tap. An error inside opens it (ouvreSiReplie). */
  replie(replis) {
    for (const [cible, phrase] of Object.entries(replis)) {
      const bloc = cible.startsWith("rubrique:")
        ? this.m.formulaire.querySelector(`[data-rubrique="${cible.slice("rubrique:".length)}"]`)
        : this.m.formulaire.querySelector(`[data-champ="${cible}"]`);
      if (!bloc || bloc.closest("details.deja-repondu")) continue;
      const pli = el("details", { classe: "deja-repondu" },
        el("summary", {}, phrase, " ", el("span", { classe: "revoir" }, this.t("revoir"))));
      bloc.replaceWith(pli);
      pli.append(bloc);
    }
  }

  // ── Checks ────────────────────────────────────────────────────────────────

  /** Required questions of `etape` left empty, marked next to themselves. */
  manquants(etape) {
    const { erreurs, formulaire } = this.m;
    const marques = [];
    for (const bloc of etape.querySelectorAll("[data-champ]")) {
      const requis = bloc.querySelector(REQUIS);
      if (!requis || !compte(bloc, formulaire)) continue;
      const vide = requis.type === "radio"
        ? ![...bloc.querySelectorAll(":scope > .choix > input[type=radio]")].some((r) => r.checked)
        : !requis.value.trim();
      if (vide) {
        ouvreSiReplie(bloc);
        marques.push(erreurs.marque(bloc, erreurs.t("requis")));
      }
    }
    return marques;
  }

  /** The required answers, then the engine's verdict on `donnees` with the checks of the final PDF
   *  (its fonts, its boxes): an error is shown (its step opened). An answer that will continue on an
   *  annex page is said next to its field; with `arrete`, the first time, the person stays to read it. */
  async verifie(etape, donnees, { arrete = false } = {}) {
    const { erreurs, etat } = this.m;
    erreurs.efface();
    const marques = this.manquants(etape);
    if (marques.length) {
      erreurs.montre(marques);
      return false;
    }
    const entree = { formulaire: this.identifiant, valeurs: donnees(), pdf: await this.vierge.base64() };
    const reponse = await this.outils.appelle("formulaire_verifier", entree);
    if (reponse.erreur) {
      this.montreErreurDuMoteur(reponse.erreur);
      return false;
    }
    if (this.montreAnnexes(reponse.resultat?.annexes || []) && arrete) {
      etat.textContent = this.t("annexe");
      return false;
    }
    return true;
  }

  /** Notes next to the answers that continue on an annex page; true if one is new. */
  montreAnnexes(annexes) {
    let nouvelle = false;
    for (const { champ, message } of annexes) {
      const bloc = this.m.erreurs.blocDe(champ);
      const deja = bloc?.querySelector(":scope > .annonce-annexe");
      if (!bloc || deja?.textContent === message) continue;
      deja?.remove();
      bloc.append(el("p", { classe: "annonce-annexe" }, message));
      nouvelle = true;
    }
    return nouvelle;
  }

  montreErreurDuMoteur(erreur) {
    const { erreurs, etapes, etat } = this.m;
    const bloc = erreurs.blocDe(erreur.champ);
    if (!bloc) {
      etat.textContent = erreur.message;
      return;
    }
    if (etapes.indexDe(bloc) >= 0) etapes.va(etapes.indexDe(bloc), { focus: false });
    ouvreSiReplie(bloc);
    erreurs.signale(erreur);
  }

  /** « Étape suivante »: may the person leave step `index`? */
  async etapeFinie(index) {
    const { etapes, etat } = this.m;
    etat.textContent = this.t("verification");
    try {
      return await this.verifie(etapes.etapes[index], () => this.valeurs(etapes.etapes[index]), { arrete: true });
    } catch {
      this.panne();
      return false;
    } finally {
      if (etat.textContent === this.t("verification")) etat.textContent = "";
    }
  }

  panne() {
    this.m.etat.replaceChildren(this.t("panne"), " ", el("a", { href: this.racine.dataset.pdf, "data-avant-export": "onglet" }, this.t("vierge")), ".");
  }

  // ── The filled PDF and the list of documents ───────────────────────────────

  /** When the interview opens: pypdf loaded and the blank PDF read (a few seconds of the worker)
   *  while the person answers the first step; « Obtenir le formulaire » then only fills. */
  prepare() {
    this.vierge.base64().then((pdf) => this.outils.appelle("formulaire_preparer", { formulaire: this.identifiant, pdf }))
      .then(() => { this.racine.dataset.pdfPret = ""; }) // seen by tests/bench/bench_formulaire.py
      .catch((erreur) => console.error(erreur)); // « Obtenir le formulaire » will try again and say so
  }

  async obtenir() {
    const { etapes, etat } = this.m;
    const obtenir = this.trouve("[data-action=obtenir]");
    obtenir.disabled = true;
    etat.textContent = this.t("preparation");
    try {
      const donnees = this.valeurs();
      if (!(await this.verifie(etapes.etapes[etapes.index], () => donnees))) return;
      const [rempli, pieces] = await Promise.all([
        this.outils.appelle("formulaire_remplir", { formulaire: this.identifiant, valeurs: donnees, pdf: await this.vierge.base64() }),
        this.outils.appelle("formulaire_pieces", { ...this.contexte(), valeurs: donnees }),
      ]);
      if (rempli.erreur) return this.montreErreurDuMoteur(rempli.erreur);
      this.montreResultat(depuisBase64(rempli.resultat.pdf), pieces.resultat || []);
    } catch (erreur) {
      console.error(erreur);
      this.panne();
    } finally {
      obtenir.disabled = false;
      if (etat.textContent === this.t("preparation")) etat.textContent = "";
    }
  }

  montreResultat(octets, pieces) {
    const { formulaire, resultat, offre } = this.m;
    offre.propose(octets);
    const groupes = new Map();
    for (const piece of pieces) {
      if (!groupes.has(piece.tableau)) groupes.set(piece.tableau, []);
      groupes.get(piece.tableau).push(el("li", {}, piece.piece, el("span", { classe: "pourquoi" }, piece.pourquoi)));
    }
    this.trouve(".pieces-liste").replaceChildren(...[...groupes].flatMap(([titre, items]) => [el("h4", {}, titre), el("ul", {}, items)]));
    formulaire.hidden = true;
    resultat.hidden = false;
    montreEnHaut(resultat.querySelector("h3"));
  }
}
