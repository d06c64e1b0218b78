// Errors next to their question, and their summary: ONE convention for every form of the site,
// the GOV.UK Frontend error summary (components/error-summary):
//
//   - next to the question, after its label and hints: <p class="erreur-champ" id="<control>-erreur">
//     « Erreur : » (read, not shown) and the message; the block gets .champ-en-erreur; each control of
//     the question gets aria-invalid="true" and the message's id FIRST in aria-describedby (a
//     <fieldset> gets the id too);
//   - a summary <div class="outil-erreurs" role="alert">: a heading « Vérifiez votre réponse » (or
//     « vos réponses »), then one link per error, « Question : message », that focuses its control;
//     the focus moves to that heading when the person asked for it (a click on a button);
//   - a warning (avertissement) is shown next to its question the same way, « À vérifier : », with
//     no aria-invalid and no summary: it does not stop the person. A warning may carry its own
//     confirmation, a checkbox inside its message (« Ce texte peut rester tel quel »): the page
//     decides whether an unconfirmed one stops the person (the hidden address of the OP request).
//
// A question is a block [data-champ="nom autre…"] (the engine's names for it) or .champ.

import { insecable } from "../francais.mjs";
import { Composant } from "./composant.mjs";
import { el, texteDe } from "./dom.mjs";

const QUESTION = ".champ, [data-champ]";
const MESSAGE = ".erreur-champ, .avertissement-champ";
const CONTROLE = "input:not([type=hidden]), select, textarea";
/** Hidden by a condition (a wizard step hidden because another is shown does not count). */
const cachee = (bloc) => Boolean(bloc.closest("[hidden]:not([data-etape])"));

/** The controls of a question, not those of the questions nested in it, nor a warning's confirmation. */
const controlesDe = (bloc) => [...bloc.querySelectorAll(CONTROLE)]
  .filter((c) => c.closest(QUESTION) === bloc && !c.closest(MESSAGE));

/** An engine message « Question (nom) : problème »: next to its question, only « Problème ». */
function seulProbleme(message) {
  const partie = message.match(/^[^:]*\([a-z0-9_.]+\) : ([\s\S]*)$/);
  return partie ? partie[1].charAt(0).toUpperCase() + partie[1].slice(1) : message;
}

export class ErreursDeChamps extends Composant {
  static nom = "ErreursDeChamps";
  static defaults = Object.freeze({
    niveauTitre: 2,
    i18n: Object.freeze({
      prefixeErreur: "Erreur : ",
      prefixeAvertissement: "À vérifier : ",
      titreUne: "Vérifiez votre réponse",
      titrePlusieurs: "Vérifiez vos réponses",
      ligne: "{question} : {message}",
      requis: "Répondez à cette question.",
    }),
  });

  /**
   * `racine`: the form (or the part) whose questions are marked. Options:
   *   resume       where the summary goes (its previous summary replaced); without it, no summary
   *   niveauTitre  the summary heading's level (2 in a tool's answer area, 3 inside a section)
   *   blocDe(nom)  the question an engine names (default: a shown [data-champ] listing it, or the
   *                question of the control of that name)
   */
  constructor(racine, config = {}) {
    super(racine, config);
    this.resume = config.resume ?? null;
    this.blocDe = config.blocDe ?? ((nom) => this.questionNommee(nom));
    this.decrits = []; // [control, id] added to aria-describedby, taken back by efface()
    this.affiche = null; // the summary on screen
  }

  /** The shown question named `nom` by an engine (`a.b.c` is also looked up as `a`), or null. */
  questionNommee(nom) {
    const blocs = [...this.racine.querySelectorAll("[data-champ]")].filter((b) => !cachee(b));
    for (const cle of [nom, nom.split(".")[0]]) {
      const bloc = blocs.find((b) => b.dataset.champ.split(" ").includes(cle));
      if (bloc) return bloc;
    }
    const controle = this.racine.querySelector(`[name="${CSS.escape(nom)}"], input[type=radio][value="${CSS.escape(nom)}"]`);
    const bloc = controle?.closest(QUESTION);
    return bloc && !cachee(bloc) ? bloc : null;
  }

  /** The question's label, as the person reads it (without « (obligatoire) »). */
  question(bloc) {
    const libelle = bloc.querySelector(":scope > legend, :scope > label, label, .libelle-tableau");
    return libelle ? texteDe(libelle).replace(/\s*\(obligatoire\)/, "") : "";
  }

  /** Every message and mark taken away. */
  efface() {
    for (const p of this.racine.querySelectorAll(".erreur-champ, .avertissement-champ")) p.remove();
    for (const bloc of this.racine.querySelectorAll(".champ-en-erreur")) bloc.classList.remove("champ-en-erreur");
    for (const c of this.racine.querySelectorAll("[aria-invalid]")) c.removeAttribute("aria-invalid");
    for (const [controle, id] of this.decrits) {
      const ids = (controle.getAttribute("aria-describedby") ?? "").split(" ").filter((x) => x && x !== id);
      if (ids.length) controle.setAttribute("aria-describedby", ids.join(" "));
      else controle.removeAttribute("aria-describedby");
    }
    this.decrits = [];
    this.affiche?.remove();
    this.affiche = null;
  }

  /**
   * Shows `message` next to question `bloc`; returns {bloc, message, cible} for the summary (null if
   * already marked). `confirmation` (a warning): {libelle, coche, quandChange(coche)}, a checkbox in
   * the message; `cible` is then that checkbox.
   */
  marque(bloc, message, { avertissement = false, confirmation = null } = {}) {
    const controles = controlesDe(bloc);
    const base = controles[0]?.id || bloc.id || `${this.racine.id || "champ"}-${this.decrits.length}`;
    let id = `${base}-${avertissement ? "a-verifier" : "erreur"}`;
    if (!avertissement && document.getElementById(id)) return null;
    for (let n = 2; document.getElementById(id); n += 1) id = `${base}-a-verifier-${n}`;
    const coche = confirmation ? this.caseDeConfirmation(id, confirmation) : null;
    const p = el("p", { classe: avertissement ? "avertissement-champ" : "erreur-champ", id },
      el("span", { classe: "visuellement-cache" }, this.t(avertissement ? "prefixeAvertissement" : "prefixeErreur")), insecable(message),
      coche ? el("span", { classe: "confirmation-champ" }, coche, el("label", { for: coche.id }, confirmation.libelle)) : null);
    // After the label and its hints (and the messages already there), before the controls (GOV.UK's place).
    const avant = [...bloc.children].find((c) => !c.matches(MESSAGE) && (c.matches(CONTROLE) || c.querySelector(CONTROLE)));
    if (avant) avant.before(p);
    else bloc.append(p);
    if (!avertissement) bloc.classList.add("champ-en-erreur");
    for (const c of [...(bloc.tagName === "FIELDSET" ? [bloc] : []), ...controles]) {
      if (c !== bloc && !avertissement) c.setAttribute("aria-invalid", "true");
      c.setAttribute("aria-describedby", [id, c.getAttribute("aria-describedby")].filter(Boolean).join(" "));
      this.decrits.push([c, id]);
    }
    const cible = coche ?? controles.find((c) => c.checked) ?? controles[0] ?? null;
    return { bloc, message, cible };
  }

  /** The checkbox of a warning to confirm. */
  caseDeConfirmation(id, { coche = false, quandChange }) {
    const boite = el("input", { type: "checkbox", id: `${id}-confirme` });
    boite.checked = coche;
    boite.addEventListener("change", () => quandChange(boite.checked));
    return boite;
  }

  /** The summary of `marques` (from marque()); the focus goes to its heading when `focus`. */
  montre(marques, { focus = true } = {}) {
    const lignes = marques.filter(Boolean).map(({ bloc, message, cible, ligne }) => {
      const texte = insecable(ligne ?? this.t("ligne", { question: this.question(bloc), message }));
      if (!cible?.id) return el("li", {}, texte);
      const lien = el("a", { href: `#${cible.id}` }, texte);
      lien.addEventListener("click", (evenement) => {
        evenement.preventDefault();
        // A click is a pointer event: without focusVisible, Chromium draws no ring on a box or a radio,
        // and the person does not see where she landed. The question itself is brought into view.
        cible.focus({ focusVisible: true, preventScroll: true });
        (bloc ?? cible).scrollIntoView({ block: "start" });
      });
      return el("li", {}, lien);
    });
    if (!lignes.length || !this.resume) return;
    const titre = el(`h${this.config.niveauTitre}`, { tabindex: "-1" },
      this.t(lignes.length > 1 ? "titrePlusieurs" : "titreUne"));
    this.affiche?.remove();
    this.affiche = el("div", { classe: "outil-erreurs", role: "alert" }, titre, el("ul", {}, lignes));
    this.resume.append(this.affiche);
    if (focus) titre.focus();
  }

  /**
   * An engine's refusal {champ, message}: shown next to its question and in the summary. The engine
   * names its fields « (rfr) » for developers: the person reads the question instead. Returns the question.
   */
  signale({ champ, message }, { focus = true } = {}) {
    const bloc = this.blocDe(champ);
    const seul = seulProbleme(message);
    const marque = bloc ? this.marque(bloc, seul) : null;
    const ligne = seul === message && bloc ? this.t("ligne", { question: this.question(bloc), message }) : this.nettoie(message);
    this.montre([{ bloc, message, cible: marque?.cible ?? null, ligne }], { focus });
    return bloc;
  }

  /** « … (rfr) … » → « … … » for the field names of this form. */
  nettoie(message) {
    const noms = new Set([...this.racine.querySelectorAll("[data-champ]")].flatMap((b) => b.dataset.champ.split(" ")));
    return message.replace(/\s*\(([a-z0-9_.]+)\)/g, (tout, nom) => (noms.has(nom.split(".")[0]) ? "" : tout));
  }
}
