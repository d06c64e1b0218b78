// Page side of the private tools. Only tool pages call demarreOutils(), so other
// pages never download Python. Nothing is stored: no cookie, no Web Storage, no IndexedDB.
//
//   const outils = demarreOutils({base: ".../pyodide/314.0.7/", stdlib, lock, octets, outil: "aj",
//                                 paquets: "pypdf", surProgression});
//   const outils = outilsDe(section); outils.suit(surProgression)   the same, read from a tool's <section>
//   outils.pret                    resolves when Python is ready
//   await outils.appelle("aj", {…}) → {resultat} or {erreur: {champ, message}}
//   outils.precharge()             the extra packages now, ahead of need (pypdf: 0.4 MB)
//
// base = the runtime folder; stdlib, lock = the content-addressed files the page names (data-stdlib,
// data-lock of the tool's section); octets = sizes of what is downloaded first (JSON, see the worker);
// outil = the engine to load at once; paquets = extra packages (space-separated), loaded by the first
// route that needs them or by precharge(). surProgression receives {etape, recus, total}:
// "telechargement" (bytes so far, as they travel), "demarrage" (Python starts), "regles" (our rules
// load), "pret".
//
// One worker per tool section (outilsDe): outils-tot.mjs starts it as soon as the section is parsed; the
// tool's component, loaded later, finds it, and suit(surProgression) tells it the stage reached so far.
//
// When Python cannot run here (no WebAssembly, no module worker, download failed)
// `pret` and every `appelle` reject with OutilsIndisponibles: the page then keeps
// its static tables, which work without JavaScript.

export class OutilsIndisponibles extends Error {
  name = "OutilsIndisponibles";
}

const NAVIGATEUR = "Ce navigateur ne peut pas faire le calcul ici. Les tableaux de la page donnent la même réponse.";
const PANNE = "Le calculateur n'a pas pu démarrer. Les tableaux de la page donnent la même réponse.";

/** Timings for `make bench` (Performance API of this page only: nothing is sent anywhere). */
function marque(nom, debut) {
  if (debut === undefined) performance.mark(nom);
  else performance.measure(nom, { start: debut });
}

/** outils-worker.mjs?base=…&stdlib=…: the page's files as absolute URLs, the rest as given. */
function adresseDuWorker({ base, stdlib, lock, ...autres }) {
  const url = new URL("./outils-worker.mjs", import.meta.url);
  const ici = (chemin) => new URL(chemin, globalThis.document?.baseURI).href;
  url.searchParams.set("base", ici(base));
  if (stdlib) url.searchParams.set("stdlib", ici(stdlib));
  if (lock) url.searchParams.set("lock", ici(lock));
  for (const [nom, valeur] of Object.entries(autres)) {
    if (valeur) url.searchParams.set(nom, valeur);
  }
  return url;
}

/** What a tool's <section> (theme/outils/_formulaire.html) says of its Python: demarreOutils' parameters. */
function parametresDe(section) {
  const { pyodide, stdlib, lock, octets, outil, paquets } = section.dataset;
  return { base: pyodide, stdlib, lock, octets, outil, paquets };
}

const OUTILS = Symbol("outils");

/** The worker of a tool's <section>: started by the first caller (outils-tot.mjs, as soon as the section
 *  is parsed), found by the next (its component, loaded later). Kept on the element: one per section,
 *  nothing shared at the top of this module. */
export function outilsDe(section) {
  section[OUTILS] ??= demarreOutils(parametresDe(section));
  return section[OUTILS];
}

export function demarreOutils({ surProgression, ...parametres }) {
  const outils = nouveauxOutils(parametres);
  if (surProgression) outils.suit(surProgression);
  return outils;
}

function nouveauxOutils({ base, stdlib, lock, octets, outil, paquets }) {
  const attentes = new Map();
  const suivis = new Set(); // the surProgression of each caller
  let derniere = null; // the last progression told: a caller who comes late gets it at once
  let numero = 0;
  let panne = null;
  let worker = null;
  let signalePret;
  let signalePanne;
  const pret = new Promise((resolve, reject) => {
    signalePret = resolve;
    signalePanne = reject;
  });
  pret.catch(() => {}); // the page may only use appelle(); avoid an "unhandled rejection"

  function echoue(message, cause) {
    if (panne) return;
    if (cause) console.error(cause);
    panne = new OutilsIndisponibles(message);
    worker?.terminate();
    signalePanne(panne);
    for (const { reject } of attentes.values()) reject(panne);
    attentes.clear();
  }

  function recoit({ data }) {
    if (data.type === "progression") {
      const { type, ...etape } = data;
      if (etape.etape !== derniere?.etape) marque(`outils:${etape.etape}`); // when each stage begins
      derniere = etape;
      for (const suit of suivis) suit(etape);
      if (etape.etape === "pret") signalePret();
    } else if (data.type === "echec") {
      echoue(PANNE);
    } else if (attentes.has(data.id)) {
      const { id, ...reponse } = data;
      const { resolve, debut } = attentes.get(id);
      attentes.delete(id);
      marque("outils:appel", debut);
      resolve(reponse);
    }
  }

  if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
    echoue(NAVIGATEUR);
  } else {
    try {
      worker = new Worker(adresseDuWorker({ base, stdlib, lock, octets, outil, paquets }), { type: "module" });
      worker.onmessage = recoit;
      // Fires when a browser without module workers fails to parse the script, or on a 404.
      worker.onerror = (evenement) => echoue(PANNE, evenement.message ?? evenement);
      worker.onmessageerror = (evenement) => echoue(PANNE, evenement);
    } catch (erreur) {
      echoue(PANNE, erreur); // CSP refusal or a malformed base URL
    }
  }

  return {
    pret,
    suit(surProgression) {
      suivis.add(surProgression);
      if (derniere) surProgression(derniere);
    },
    appelle(outil, entree) {
      if (panne) return Promise.reject(panne);
      const id = ++numero;
      return new Promise((resolve, reject) => {
        attentes.set(id, { resolve, reject, debut: performance.now() });
        worker.postMessage({ id, outil, entree });
      });
    },
    precharge() {
      if (!panne) worker.postMessage({ type: "precharge" });
    },
    arrete() {
      echoue("Calculateur arrêté.");
    },
  };
}
