// Python for a tool's section: starts the page's one worker (outils.mjs) and keeps the section's
// status line up to date — loading stages, download bar, « slow », failure.
//
// Markup: <section data-outil="<engine>" data-pyodide data-stdlib data-lock data-octets [data-paquets]>
// (theme/outils/_formulaire.html) with .outil-etat-texte, .outil-etat .outil-lent, .outil-etat .outil-panne.
//
//   const calculateur = new Calculateur(section, {surPanne});
//   calculateur.outils.appelle("aj", {…})   calculateur.pret (boolean)   calculateur.montrePanne()

import { demarreOutils } from "../outils.mjs";
import { Composant } from "./composant.mjs";
import { el } from "./dom.mjs";

const LENT_MS = 15_000; // Python still not ready: point to the static table, and keep waiting

/** 12767387 → « 12,8 Mo ». */
const mo = (octets) => `${(octets / 1e6).toLocaleString("fr-FR", { maximumFractionDigits: 1 })}\u00a0Mo`;

export class Calculateur extends Composant {
  static nom = "Calculateur";
  // The status line changes 4 times, not at every chunk (a screen reader is not flooded): the bar shows the bytes.
  static defaults = Object.freeze({
    i18n: Object.freeze({
      telechargement: "Téléchargement du calculateur…",
      telechargementTaille: "Téléchargement du calculateur ({taille})…",
      demarrage: "Démarrage de Python…",
      regles: "Chargement des règles de calcul…",
      pret: "Calculateur prêt : la réponse suit vos changements.",
      barre: "Téléchargement du calculateur",
    }),
  });

  /** surPanne(): told once Python cannot run here (after the failure message is shown). */
  constructor(racine, config = {}) {
    super(racine, config);
    this.etat = this.trouve(".outil-etat-texte");
    this.panne = this.trouve(".outil-etat .outil-panne");
    this.lent = this.trouve(".outil-etat .outil-lent");
    this.surPanne = config.surPanne ?? (() => {});
    this.pret = false;
    this.barre = el("progress", { classe: "outil-progression", max: 1, value: 0, hidden: true, "aria-label": this.t("barre") });
    this.etat.after(this.barre);
    this.etapeAffichee = null;
    const { pyodide, stdlib, lock, octets, outil, paquets } = racine.dataset;
    this.outils = demarreOutils({ base: pyodide, stdlib, lock, octets, outil, paquets,
      surProgression: (etape) => this.progression(etape) });
    this.patience = setTimeout(() => { this.lent.hidden = false; }, LENT_MS);
    this.outils.pret.then(() => {
      this.pret = true;
      clearTimeout(this.patience);
      this.lent.hidden = true;
      racine.classList.add("outil-pret");
    }, () => this.montrePanne());
  }

  /** A loading stage on the status line; the bytes on the bar. */
  progression({ etape, recus = 0, total = 0 }) {
    if (etape !== this.etapeAffichee) {
      this.etat.textContent = etape === "telechargement" && total ? this.t("telechargementTaille", { taille: mo(total) }) : this.t(etape);
    }
    this.etapeAffichee = etape;
    this.barre.hidden = etape !== "telechargement" || !total;
    this.barre.max = total || 1;
    this.barre.value = Math.min(recus, total);
  }

  montrePanne() {
    clearTimeout(this.patience);
    this.etat.hidden = true;
    this.lent.hidden = true;
    this.barre.hidden = true;
    this.panne.hidden = false;
    this.racine.classList.add("outil-en-panne");
    this.surPanne();
  }
}
