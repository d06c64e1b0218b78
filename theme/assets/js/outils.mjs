// Page side of the private tools. Only tool pages call demarreOutils(), so other
// pages never download Python. Nothing is stored: no cookie, no Web Storage, no IndexedDB.
//
//   const outils = demarreOutils({base: ".../pyodide/314.0.7/", stdlib, lock, octets, outil: "aj",
//                                 paquets: "pypdf", surProgression});
//   outils.pret                    resolves when Python is ready
//   await outils.appelle("aj", {…}) → {resultat} or {erreur: {champ, message}}
//
// base = the runtime folder; stdlib, lock = the content-addressed files the page names (data-stdlib,
// data-lock of the tool's section); octets = bytes to download first; outil = the engine to load
// at once; paquets = extra packages (space-separated). surProgression receives {etape, recus, total}:
// "telechargement" (bytes so far), "demarrage" (Python starts), "regles" (our rules load), "pret".
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

export function demarreOutils({ base, stdlib, lock, octets, outil, paquets, surProgression = () => {} }) {
  const attentes = new Map();
  let numero = 0;
  let panne = null;
  let worker = null;
  let derniereEtape = null;
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
      if (etape.etape !== derniereEtape) marque(`outils:${etape.etape}`); // when each stage begins
      derniereEtape = etape.etape;
      surProgression(etape);
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
    appelle(outil, entree) {
      if (panne) return Promise.reject(panne);
      const id = ++numero;
      return new Promise((resolve, reject) => {
        attentes.set(id, { resolve, reject, debut: performance.now() });
        worker.postMessage({ id, outil, entree });
      });
    },
    arrete() {
      echoue("Calculateur arrêté.");
    },
  };
}
