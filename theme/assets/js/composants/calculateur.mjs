// Python for a tool's section: starts the page's one worker (outils.mjs) and keeps the section's
// status line up to date — loading stages, download bar, « slow », failure. Where the person waits for
// her answer (below the button), `attente()` shows the same progress: the stage, the bytes as they
// travel (compressed: what the connection really carries), and after 10 s the page's static table
// « en attendant ».
//
// Markup: <section data-outil="<engine>" data-pyodide data-stdlib data-lock data-octets [data-paquets]>
// (theme/outils/_formulaire.html) with .outil-etat-texte, .outil-etat .outil-lent, .outil-etat .outil-panne.
//
//   const calculateur = new Calculateur(section, {surPanne});
//   calculateur.outils.appelle("aj", {…})   calculateur.pret (boolean)   calculateur.montrePanne()
//   zone.replaceChildren(calculateur.attente("Calcul dès que l'outil est prêt."))

import { outilsDe } from "../outils.mjs";
import { Composant } from "./composant.mjs";
import { el } from "./dom.mjs";

const LENT_MS = 10_000; // Python still not ready: offer the static table, and keep waiting

/** 12767387 → « 12,8 Mo » ; 2000000 → « 2,0 Mo » (always one decimal: the bytes keep their width, the bar its line). */
const mo = (octets) => `${(octets / 1e6).toLocaleString("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 })}\u00a0Mo`;

/** Free to fetch ahead of need: the browser says the connection is fast, not metered, no data saving.
 *  Where it says nothing (no navigator.connection), wait for the person to ask. */
function connexionLibre() {
  const connexion = globalThis.navigator?.connection;
  return Boolean(connexion) && !connexion.saveData && connexion.effectiveType === "4g" && connexion.type !== "cellular";
}

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
      recus: "{recus} sur {total}",
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
    this.courante = { etape: null, recus: 0, total: 0 };
    this.suivis = new Set(); // the waiting blocks shown where the answer will be, kept up to date
    this.estLent = false;
    const { paquets } = racine.dataset;
    this.outils = outilsDe(racine); // already started by outils-tot.mjs, as soon as the section was parsed
    this.outils.suit((etape) => this.progression(etape));
    this.patience = setTimeout(() => this.montreLent(), LENT_MS);
    this.outils.pret.then(() => {
      this.pret = true;
      clearTimeout(this.patience);
      this.lent.hidden = true;
      this.suivis.clear();
      racine.classList.add("outil-pret");
      // pypdf (0.4 MB) only when a route needs it — or now, in an idle moment, if the connection is free.
      if (paquets && connexionLibre()) (globalThis.requestIdleCallback ?? setTimeout)(() => this.outils.precharge());
    }, () => this.montrePanne());
  }

  /** A loading stage on the status line; the bytes on the bar; the same in each waiting block. */
  progression({ etape, recus = 0, total = 0 }) {
    if (etape !== this.courante.etape) this.etat.textContent = this.texteEtape(etape, total);
    this.courante = { etape, recus, total };
    this.barre.hidden = etape !== "telechargement" || !total;
    this.barre.max = total || 1;
    this.barre.value = Math.min(recus, total);
    for (const suit of this.suivis) suit();
  }

  texteEtape(etape, total) {
    return etape === "telechargement" && total ? this.t("telechargementTaille", { taille: mo(total) }) : this.t(etape);
  }

  montreLent() {
    this.lent.hidden = false;
    this.estLent = true;
    for (const suit of this.suivis) suit();
  }

  /** Where the answer will be, while Python loads: `texte`, then the stage, a bar and the bytes (hidden from
   *  screen readers, which read the bar; the text changes only with the stage), and once slow, the page's
   *  « en attendant » (the status line's .outil-lent, its link to the static table) unless `enAttendant`
   *  is false (a page whose slow message says to go on answering, not to read a table). */
  attente(texte, { enAttendant = true } = {}) {
    const etape = el("span", { classe: "outil-attente-etape" });
    const barre = el("progress", { classe: "outil-progression", max: 1, value: 0, "aria-label": this.t("barre") });
    const octets = el("span", { classe: "outil-octets", "aria-hidden": "true" });
    const lent = this.lent.cloneNode(true);
    lent.removeAttribute("id");
    const bloc = el("div", { classe: "outil-attente-python" },
      el("p", { classe: "outil-attente" }, texte, " ", etape), el("p", { classe: "outil-attente-barre" }, barre, " ", octets), lent);
    let affichee = null;
    const suit = () => {
      const { etape: nom, recus, total } = this.courante;
      // Ready: the answer itself comes next (or, for a form, after pypdf): « ready » would say too much here.
      if (nom !== affichee) etape.textContent = nom && nom !== "pret" ? this.texteEtape(nom, total) : "";
      affichee = nom;
      const telecharge = nom === "telechargement" && total > 0;
      barre.parentNode.hidden = !telecharge;
      barre.max = total || 1;
      barre.value = Math.min(recus, total);
      octets.textContent = telecharge ? this.t("recus", { recus: mo(Math.min(recus, total)), total: mo(total) }) : "";
      lent.hidden = !(enAttendant && this.estLent);
    };
    suit();
    this.suivis.add(suit);
    return bloc;
  }

  montrePanne() {
    clearTimeout(this.patience);
    this.suivis.clear();
    this.etat.hidden = true;
    this.lent.hidden = true;
    this.barre.hidden = true;
    this.panne.hidden = false;
    this.racine.classList.add("outil-en-panne");
    this.surPanne();
  }
}
