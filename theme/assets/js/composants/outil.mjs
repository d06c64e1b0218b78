// A tool page's form answered by a Python engine as the person types (the simulator, the deadline
// calculator): reads the form, asks the engine, shows the answer — or the engine's error next to
// the question it names. Nothing is stored, nothing leaves the page.
//
//   const outil = new Outil(section, {lisEntree, affiche, quandResultat});
//     lisEntree(lis, formulaire) → {entree} | {manque: champ} | {erreur: {champ, message}}
//                                  the engine's input, the empty question, or a refusal by the page
//     affiche(resultat, entree)  → Node            the answer, headed by an <h2>
//     quandResultat(resultat|null, entree)         show/hide what goes with an answer
//   outil.outils      the page's worker (for the tool's other calls: .ics, forms)
//   outil.export      the section's Export (its [data-avant-export] buttons: print)
//
// Markup (theme/outils/_formulaire.html): the section with data-outil…, its <form>, .outil-resultat
// (aria-live), questions [data-champ="<engine name>"], conditions data-si.

import { OutilsIndisponibles } from "../outils.mjs";
import { Calculateur } from "./calculateur.mjs";
import { Composant } from "./composant.mjs";
import { compte, Conditions, valeur } from "./conditions.mjs";
import { el } from "./dom.mjs";
import { ErreursDeChamps } from "./erreurs.mjs";
import { Export } from "./export.mjs";

const ATTENTE_MS = 300; // pause in typing before the answer is recomputed

/** Has the person changed a field from its default (before the page's JavaScript was there)? */
function dejaRempli(formulaire) {
  return [...formulaire.elements].some((champ) => {
    if (champ instanceof HTMLSelectElement) { // without a `selected` option, the first one is the default
      const parDefaut = [...champ.options].findIndex((option) => option.defaultSelected);
      return champ.selectedIndex !== Math.max(parDefaut, 0);
    }
    if (champ.type === "radio" || champ.type === "checkbox") return champ.checked !== champ.defaultChecked;
    return "defaultValue" in champ && champ.value !== champ.defaultValue;
  });
}

/** A question with nothing answered. */
function estVide(bloc) {
  const radios = [...bloc.querySelectorAll("input[type=radio]")];
  if (radios.length) return !radios.some((r) => r.checked);
  const premier = bloc.querySelector("input, select");
  return !premier || (premier.type !== "checkbox" && premier.value.trim() === "");
}

export class Outil extends Composant {
  static nom = "Outil";
  static defaults = Object.freeze({
    i18n: Object.freeze({
      enAttente: "Calcul dès que l'outil est prêt.",
      repondezPourVoir: "Pour voir la réponse, répondez à la question «\u00a0{question}\u00a0».",
      videALEnvoi: "Répondez à cette question pour voir le résultat.",
    }),
  });

  constructor(racine, { lisEntree, affiche, quandResultat = () => {}, ...config }) {
    super(racine, config);
    this.formulaire = this.trouve("form");
    this.zone = this.trouve(".outil-resultat");
    Object.assign(this, { lisEntree, afficheReponse: affiche, quandResultat });
    this.numero = 0; // of the last computation asked: an older answer is dropped
    this.affichee = null; // the input whose answer is on screen
    this.minuteur = null;
    this.accueil = [...this.zone.childNodes].map((noeud) => noeud.cloneNode(true));
    this.conditions = new Conditions(racine, { formulaire: this.formulaire });
    this.erreurs = new ErreursDeChamps(racine, { resume: this.zone });
    this.export = new Export(racine);
    this.calculateur = new Calculateur(racine, { surPanne: () => this.panneSousLeBouton() });
    this.outils = this.calculateur.outils;
    this.ecoute();
    this.conditions.applique();
    // On a slow connection the form may have been filled before this module arrived (its events were
    // lost): compute at once, the answer comes when Python is ready.
    if (dejaRempli(this.formulaire)) this.change();
  }

  ecoute() {
    this.formulaire.addEventListener("input", () => this.change());
    this.formulaire.addEventListener("change", () => this.change());
    this.formulaire.addEventListener("submit", (evenement) => {
      evenement.preventDefault();
      clearTimeout(this.minuteur);
      this.calcule(true);
    });
    // « Effacer mes réponses » (type=reset): the browser restores every field, hidden ones too, after this event.
    this.formulaire.addEventListener("reset", () => setTimeout(() => this.efface()));
  }

  /** lis(nom): the answer to a question that counts (shown), "" otherwise. */
  lis = (nom) => {
    const premier = [...this.formulaire.elements].find((c) => c.name === nom);
    return premier && compte(premier, this.formulaire) ? valeur(this.formulaire, nom) : "";
  };

  montre(...noeuds) {
    this.zone.replaceChildren(...noeuds.filter(Boolean));
  }

  /** The person asked for an answer and is looking below the button: tell her there that Python cannot run. */
  panneSousLeBouton() {
    if (!this.zone.querySelector(".outil-attente-python")) return;
    const avis = this.racine.querySelector(".outil-etat .outil-panne").cloneNode(true);
    avis.hidden = false;
    this.montre(avis);
  }

  change() {
    this.conditions.applique();
    clearTimeout(this.minuteur);
    this.minuteur = setTimeout(() => this.calcule(false), ATTENTE_MS);
  }

  /** The engine's answer (or refusal) for the form as it is; `envoi`: the person clicked the button. */
  async calcule(envoi) {
    const moi = ++this.numero;
    const lu = this.lisEntree(this.lis, this.formulaire);
    let reponse;
    if (lu.manque || lu.erreur) { // the empty question, or a refusal by the page itself
      reponse = { erreur: lu.erreur ?? { champ: lu.manque, message: "" } };
      this.affichee = null;
    } else {
      const texte = JSON.stringify(lu.entree);
      if (!envoi && texte === this.affichee) return;
      if (!this.calculateur.pret && !this.zone.querySelector(".outil-attente-python")) {
        this.montre(this.calculateur.attente(this.t("enAttente"))); // the loading's progress, where she looks
      }
      try {
        reponse = await this.outils.appelle(this.racine.dataset.outil, lu.entree);
      } catch (erreur) {
        if (erreur instanceof OutilsIndisponibles) return this.calculateur.montrePanne();
        throw erreur;
      }
      if (moi !== this.numero) return; // the person changed an answer meanwhile: a newer one is coming
      this.affichee = reponse.erreur ? null : texte;
    }
    this.erreurs.efface();
    if (reponse.erreur) {
      this.montreErreur(reponse.erreur, envoi);
      this.quandResultat(null);
    } else {
      this.montre(this.afficheReponse(reponse.resultat, lu.entree));
      this.quandResultat(reponse.resultat, lu.entree);
      if (envoi) this.zone.querySelector("h2")?.focus();
    }
  }

  /** While typing, an empty question is only named; after a click, it is an error like the engine's. */
  montreErreur(erreur, envoi) {
    const bloc = this.erreurs.blocDe(erreur.champ);
    const vide = bloc !== null && estVide(bloc);
    if (vide && !envoi) {
      this.montre(el("p", { classe: "outil-attente" }, this.t("repondezPourVoir", { question: this.erreurs.question(bloc) })));
      return;
    }
    this.montre();
    this.erreurs.signale({ champ: erreur.champ, message: vide ? this.t("videALEnvoi") : erreur.message }, { focus: envoi });
  }

  /** After « Effacer mes réponses »: the first text again, no error, nothing computing. */
  efface() {
    clearTimeout(this.minuteur);
    this.numero += 1; // an answer still on its way is for the old answers: drop it
    this.affichee = null;
    // Each field's own listeners (help texts…) learn the new value; not bubbling, so nothing is computed.
    for (const champ of this.formulaire.elements) champ.dispatchEvent(new Event("change"));
    this.erreurs.efface();
    this.conditions.applique();
    this.montre(...this.accueil.map((noeud) => noeud.cloneNode(true)));
    this.quandResultat(null);
  }
}
