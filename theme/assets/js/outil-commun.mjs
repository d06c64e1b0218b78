// What the two tool pages share (outil-aj.mjs, outil-delais.mjs): start Python, show its
// progress, read the form, ask the engine as the person types, and show the answer — or the
// engine's error next to the question it names.
//
// Nothing is stored, nothing leaves the page. The DOM is built with createElement and text
// nodes only: engine text is never parsed as HTML.

import { OutilsIndisponibles, demarreOutils } from "./outils.mjs";

const ATTENTE_MS = 300; // pause in typing before the answer is recomputed
const LENT_MS = 15_000; // Python still not ready: point to the static table, and keep waiting
const EN_ATTENTE = "Calcul dès que l'outil est prêt…";

/** 12767387 → « 12,8 Mo ». */
const mo = (octets) => `${(octets / 1e6).toLocaleString("fr-FR", { maximumFractionDigits: 1 })}\u00a0Mo`;
// What the status line says at each loading stage (the bar shows the bytes: the line changes 4 times, not
// at every chunk, so a screen reader is not flooded).
const ETAPES = {
  telechargement: ({ total }) => (total ? `Téléchargement du calculateur (${mo(total)})…` : "Téléchargement du calculateur…"),
  demarrage: () => "Démarrage de Python…",
  regles: () => "Chargement des règles de calcul…",
  pret: () => "Calculateur prêt : la réponse suit vos changements.",
};

// ── Building the DOM ─────────────────────────────────────────────────────────

/** el("p", {classe: "x", id: "y"}, "texte", autreNoeud) — strings become text nodes. */
export function el(balise, attributs = {}, ...enfants) {
  const noeud = document.createElement(balise);
  for (const [nom, valeur] of Object.entries(attributs)) {
    if (valeur === undefined || valeur === null || valeur === false) continue;
    if (nom === "classe") noeud.className = valeur;
    else noeud.setAttribute(nom, valeur === true ? "" : String(valeur));
  }
  noeud.append(...enfants.flat(Infinity).filter((e) => e !== null && e !== undefined && e !== false));
  return noeud;
}

/** A legal reference {texte, url}: a link opened in a new tab (the form keeps its answers). */
export function reference(ref) {
  if (!ref) return null;
  if (ref.url && /^https?:\/\//.test(ref.url)) {
    return el("a", { href: ref.url, rel: "noreferrer", target: "_blank" }, ref.texte,
      el("span", { classe: "visuellement-cache" }, " (nouvel onglet)"));
  }
  return el("span", {}, ref.texte);
}

/** One explanation {texte, reference}: the sentence, then its source in small type. */
export function explication({ texte, reference: ref }) {
  const source = reference(ref);
  return el("li", {}, texte, source ? el("span", { classe: "source" }, " Source : ", source, ".") : null);
}

/** A titled list, or nothing when the list is empty. */
export function rubrique(titre, elements, { balise = "ul", classe } = {}) {
  if (!elements.length) return null;
  return el("section", { classe }, el("h3", {}, titre), el(balise, {}, elements));
}

// ── French formatting (same conventions as the engines) ────────────────────────

const JOURS = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];
const MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
  "octobre", "novembre", "décembre"];

/** "2025-06-10" → « mardi 10 juin 2025 » (« 1er » for the first of the month); without the weekday: « 10 juin 2025 ». */
export function dateLongue(iso, { semaine = true } = {}) {
  const [annee, mois, jour] = iso.split("-").map(Number);
  const date = `${jour === 1 ? "1er" : jour} ${MOIS[mois - 1]} ${annee}`;
  return semaine ? `${JOURS[new Date(Date.UTC(annee, mois - 1, jour)).getUTCDay()]} ${date}` : date;
}

/** 12862 → « 12 862 € » (thin no-break space between thousands, no-break space before €). */
export function euros(montant) {
  const [entier, decimales] = Number(montant).toFixed(2).split(".");
  const milliers = entier.replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
  return `${milliers}${decimales === "00" ? "" : `,${decimales}`}\u00a0€`;
}

/** Today in the person's time zone, as AAAA-MM-JJ. */
export function aujourdhui() {
  const d = new Date();
  const deux = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${deux(d.getMonth() + 1)}-${deux(d.getDate())}`;
}

/**
 * What a person types for an amount, as a number: « 12 000 », « 12.000 », « 1 234,50 € ».
 * Anything else is returned as typed, so that the engine says in French what is wrong. A number
 * too long for JavaScript (Infinity, which JSON would send as null, read as « not answered »)
 * is returned as its digits: the engine says it is too big.
 */
export function nombre(texte) {
  let net = texte.replace(/[\s\u00a0\u202f]/g, "").replace(/€$/, "");
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(net)) net = net.replaceAll(".", ""); // 12.000 : milliers
  net = net.replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(net)) return texte.trim();
  const valeur = Number(net);
  return Math.abs(valeur) <= Number.MAX_SAFE_INTEGER ? valeur : net.replace(/\..*$/, "").replace(/^-/, "");
}

/**
 * An amount of money read with nombre(), bounded by `maximum` (the engine's MONTANT_MAXIMUM, given
 * to the page by the template): {valeur} or {erreur: message} in the engine's words.
 */
export function montant(texte, maximum) {
  const valeur = nombre(texte);
  const depasse = (typeof valeur === "number" && valeur > maximum) || (typeof valeur === "string" && /^\d{16,}$/.test(valeur));
  if (!depasse) return { valeur };
  const borne = Number(maximum).toLocaleString("fr-FR").replace(/\s/g, "\u202f");
  return { erreur: `Ce nombre dépasse ${borne} € : vérifiez-le.` };
}

// ── Reading the form ─────────────────────────────────────────────────────────

function valeurBrute(formulaire, nom) {
  const champ = formulaire.elements.namedItem(nom);
  if (!champ) return "";
  if (champ instanceof RadioNodeList) return champ.value; // "" when nothing is ticked
  if (champ.type === "checkbox") return champ.checked ? "oui" : "";
  return champ.value.trim();
}

/** lis(nom): the answer to a visible question, "" for an empty or hidden one. */
export function lecteur(formulaire) {
  return (nom) => {
    const champ = formulaire.elements.namedItem(nom);
    const premier = champ instanceof RadioNodeList ? champ[0] : champ;
    if (!premier || premier.closest("[hidden]")) return "";
    return valeurBrute(formulaire, nom);
  };
}

/** data-si="nom=a|b autre=c": shown only when every named answer is one of the listed values. */
function appliqueConditions(racine, formulaire) {
  for (const bloc of racine.querySelectorAll("[data-si]")) {
    bloc.hidden = !bloc.dataset.si.split(" ").every((condition) => {
      const [nom, valeurs] = condition.split("=");
      return valeurs.split("|").includes(valeurBrute(formulaire, nom));
    });
  }
}

// ── Errors next to their question ────────────────────────────────────────────

function blocDuChamp(racine, champ) {
  const blocs = [...racine.querySelectorAll("[data-champ]")].filter((b) => !b.closest("[hidden]"));
  for (const cle of [champ, champ.split(".")[0]]) {
    const bloc = blocs.find((b) => b.dataset.champ.split(" ").includes(cle));
    if (bloc) return bloc;
  }
  return null;
}

function estVide(bloc) {
  const radios = [...bloc.querySelectorAll("input[type=radio]")];
  if (radios.length) return !radios.some((r) => r.checked);
  const premier = bloc.querySelector("input, select");
  return !premier || (premier.type !== "checkbox" && premier.value.trim() === "");
}

const libelle = (bloc) => bloc.querySelector("legend, label").textContent.replace(/\s+/g, " ").trim();
const premierControle = (bloc) => bloc.querySelector("input:checked, input, select");

/** An engine message names its question first, « Votre revenu fiscal de référence (rfr) : problème » :
 *  next to that question, only « Problème » is shown. A message in another form is shown as is. */
function probleme(message) {
  const partie = message.match(/^[^:]*\([a-z0-9_.]+\) : ([\s\S]*)$/);
  return partie ? partie[1].charAt(0).toUpperCase() + partie[1].slice(1) : message;
}

/** The engine names its fields in parentheses « (rfr) » for developers: the person sees the question. */
function nettoie(message, racine) {
  const noms = new Set([...racine.querySelectorAll("[data-champ]")].flatMap((b) => b.dataset.champ.split(" ")));
  return message.replace(/\s*\(([a-z0-9_.]+)\)/g, (tout, nom) => (noms.has(nom.split(".")[0]) ? "" : tout));
}

function decrit(controle, id, ajoute) {
  const ids = (controle.getAttribute("aria-describedby") || "").split(" ").filter((x) => x && x !== id);
  if (ajoute) ids.unshift(id);
  if (ids.length) controle.setAttribute("aria-describedby", ids.join(" "));
  else controle.removeAttribute("aria-describedby");
}

function effaceErreurs(racine) {
  for (const p of racine.querySelectorAll(".erreur-champ")) p.remove();
  for (const bloc of racine.querySelectorAll(".champ-en-erreur")) bloc.classList.remove("champ-en-erreur");
  for (const c of racine.querySelectorAll("[data-erreur]")) {
    c.removeAttribute("aria-invalid");
    decrit(c, c.dataset.erreur, false);
    delete c.dataset.erreur;
  }
}

function marqueErreur(bloc, message) {
  const id = `${bloc.querySelector("input, select").id}-erreur`;
  const texte = el("p", { classe: "erreur-champ", id }, el("span", { classe: "visuellement-cache" }, "Erreur : "), message);
  const apres = bloc.querySelector(":scope > .aide") || bloc.querySelector(":scope > legend, :scope > label");
  apres.after(texte);
  bloc.classList.add("champ-en-erreur");
  for (const c of [bloc, ...bloc.querySelectorAll("input, select")]) {
    if (c !== bloc) c.setAttribute("aria-invalid", "true");
    if (c === bloc && bloc.tagName !== "FIELDSET") continue;
    c.dataset.erreur = id;
    decrit(c, id, true);
  }
}

// ── The tool ────────────────────────────────────────────────────────────────

/** The loading stages on the status line, and a bar for the download (created here: it means nothing without JS). */
function afficheProgression(etat) {
  const barre = el("progress", { classe: "outil-progression", max: 1, value: 0, hidden: true,
    "aria-label": "Téléchargement du calculateur" });
  etat.after(barre);
  let etapeAffichee = null;
  return ({ etape, recus = 0, total = 0 }) => {
    if (etape !== etapeAffichee) etat.textContent = ETAPES[etape]({ recus, total });
    etapeAffichee = etape;
    barre.hidden = etape !== "telechargement" || !total;
    barre.max = total || 1;
    barre.value = Math.min(recus, total);
  };
}

/**
 * Start Python for a tool's section (data-outil = engine name; data-pyodide = runtime folder,
 * data-stdlib, data-lock = the content-addressed files of this build, data-octets, data-paquets)
 * and keep its status line up to date: stages, download bar, « slow », failure.
 *   surPanne()  told once Python cannot run here (after the failure message is shown)
 * Returns {outils, estPret(), montrePanne()} — the tool pages and the guided request page share it.
 */
export function demarreCalculateur(racine, { surPanne = () => {} } = {}) {
  const etat = racine.querySelector(".outil-etat-texte");
  const panne = racine.querySelector(".outil-etat .outil-panne");
  const lent = racine.querySelector(".outil-etat .outil-lent");
  const { pyodide, stdlib, lock, octets, outil, paquets } = racine.dataset;
  const outils = demarreOutils({ base: pyodide, stdlib, lock, octets, outil, paquets,
    surProgression: afficheProgression(etat) });
  let pret = false;
  const patience = setTimeout(() => { lent.hidden = false; }, LENT_MS);
  outils.pret.then(() => {
    pret = true;
    clearTimeout(patience);
    lent.hidden = true;
    racine.classList.add("outil-pret");
  }, montrePanne);

  function montrePanne() {
    clearTimeout(patience);
    etat.hidden = true;
    lent.hidden = true;
    for (const barre of racine.querySelectorAll(".outil-progression")) barre.hidden = true;
    panne.hidden = false;
    racine.classList.add("outil-en-panne");
    surPanne();
  }

  return { outils, estPret: () => pret, montrePanne };
}

/**
 * Start a tool on its section: data-outil = engine name; data-pyodide = runtime folder, data-stdlib,
 * data-lock = the content-addressed files of this build, data-octets = bytes to download, data-paquets.
 *   lisEntree(lis, formulaire) → {entree} | {manque: champ} | {erreur: {champ, message}}
 *                                 the engine's input, the empty question, or a refusal by the page
 *   affiche(resultat, entree)  → Node                         the answer, headed by an <h2>
 *   quandResultat(resultat|null, entree)                      show/hide what goes with an answer (and its input)
 */
export function lanceOutil({ racine, lisEntree, affiche, quandResultat = () => {} }) {
  const formulaire = racine.querySelector("form");
  const zone = racine.querySelector(".outil-resultat");
  const lis = lecteur(formulaire);
  let numero = 0;
  let affichee = null; // the input whose answer is on screen
  let minuteur;

  const { outils, estPret, montrePanne } = demarreCalculateur(racine, {
    // The person asked for an answer and is looking below the button: tell them there.
    surPanne: () => {
      if (zone.querySelector(".outil-attente-python")) {
        const avis = racine.querySelector(".outil-etat .outil-panne").cloneNode(true);
        avis.hidden = false;
        montre(avis);
      }
    },
  });

  function montre(...noeuds) {
    zone.replaceChildren(...noeuds.filter(Boolean));
  }

  /** Python still loading: say so where the answer will come (aria-live), once. */
  function attendPython() {
    if (!zone.querySelector(".outil-attente-python")) {
      montre(el("p", { classe: "outil-attente outil-attente-python" }, EN_ATTENTE));
    }
  }

  function montreErreur(erreur, envoi) {
    const bloc = blocDuChamp(racine, erreur.champ);
    const vide = bloc !== null && estVide(bloc);
    if (vide && !envoi) {
      montre(el("p", { classe: "outil-attente" }, `Pour voir la réponse, répondez à la question «\u00a0${libelle(bloc)}\u00a0».`));
      return;
    }
    const message = vide ? "Répondez à cette question pour voir le résultat." : erreur.message;
    const seul = probleme(message); // next to its question, the question's name is not repeated
    if (bloc) marqueErreur(bloc, seul);
    const cible = bloc && premierControle(bloc);
    const resume = seul === message && bloc ? `${libelle(bloc)} : ${message}` : nettoie(message, racine);
    const lien = cible ? el("a", { href: `#${cible.id}` }, resume) : el("span", {}, resume);
    cible?.id && lien.addEventListener("click", (evenement) => {
      evenement.preventDefault();
      cible.focus();
    });
    montre(el("div", { classe: "outil-erreurs" },
      el("h2", { tabindex: "-1" }, "Vérifiez votre réponse"),
      el("ul", {}, el("li", {}, lien))));
  }

  async function calcule(envoi) {
    const moi = ++numero;
    const lu = lisEntree(lis, formulaire);
    let reponse;
    if (lu.manque) {
      reponse = { erreur: { champ: lu.manque, message: "" } };
      affichee = null;
    } else if (lu.erreur) { // refused by the page itself (an amount beyond the engine's bound)
      reponse = { erreur: lu.erreur };
      affichee = null;
    } else {
      const texte = JSON.stringify(lu.entree);
      if (!envoi && texte === affichee) return;
      if (!estPret()) attendPython();
      try {
        reponse = await outils.appelle(racine.dataset.outil, lu.entree);
      } catch (erreur) {
        if (erreur instanceof OutilsIndisponibles) return montrePanne();
        throw erreur;
      }
      if (moi !== numero) return; // the person changed an answer meanwhile: a newer one is coming
      affichee = reponse.erreur ? null : texte;
    }
    effaceErreurs(racine);
    if (reponse.erreur) {
      montreErreur(reponse.erreur, envoi);
      quandResultat(null);
    } else {
      montre(affiche(reponse.resultat, lu.entree));
      quandResultat(reponse.resultat, lu.entree);
    }
    if (envoi) zone.querySelector("h2")?.focus();
  }

  function change() {
    appliqueConditions(racine, formulaire);
    clearTimeout(minuteur);
    minuteur = setTimeout(() => calcule(false), ATTENTE_MS);
  }

  // « Effacer mes réponses » (type=reset): the browser restores every field, hidden ones too, after this event.
  const accueil = [...zone.childNodes].map((noeud) => noeud.cloneNode(true));
  formulaire.addEventListener("reset", () => setTimeout(() => {
    clearTimeout(minuteur);
    numero += 1; // an answer still on its way is for the old answers: drop it
    affichee = null;
    // Each field's own listeners (help texts…) learn the new value; not bubbling, so nothing is computed.
    for (const champ of formulaire.elements) champ.dispatchEvent(new Event("change"));
    effaceErreurs(racine);
    appliqueConditions(racine, formulaire);
    montre(...accueil.map((noeud) => noeud.cloneNode(true)));
    quandResultat(null);
  }));
  formulaire.addEventListener("input", change);
  formulaire.addEventListener("change", change);
  formulaire.addEventListener("submit", (evenement) => {
    evenement.preventDefault();
    clearTimeout(minuteur);
    calcule(true);
  });
  // Printing the answer: securite's warning first (theme/assets/js/avant-export.mjs), loaded when needed.
  for (const bouton of racine.querySelectorAll("[data-action=imprimer]")) {
    bouton.addEventListener("click", async () => {
      const { imprimerApresAvertissement } = await import("./avant-export.mjs");
      await imprimerApresAvertissement();
    });
  }
  appliqueConditions(racine, formulaire);
  // On a slow connection the form may have been filled before this module arrived (its events were
  // lost): compute at once, the answer comes when Python is ready.
  if (dejaRempli(formulaire)) change();
  // The tool's own extra calls (the .ics export, the forms): same worker, same protocol.
  return outils;
}

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

/** Offer `texte` as a file to save (an .ics for the agenda): built here, never sent anywhere. */
export function telecharge(texte, nom, type) {
  const url = URL.createObjectURL(new Blob([texte], { type }));
  const lien = el("a", { href: url, download: nom, hidden: true });
  document.body.append(lien);
  lien.click();
  lien.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
