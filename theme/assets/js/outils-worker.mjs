// Module worker that owns Pyodide: the page never freezes and nothing typed leaves the device.
//
// Started by outils.mjs as `outils-worker.mjs?base=<URL of site/pyodide/<version>/>`.
// The runtime folder is versioned, so it cannot be a static import: it is a dynamic
// import() of a same-origin URL, which CSP `script-src 'self'` allows (no eval).
//
// Messages posted to the page:
//   {type: "progression", pourcentage, message}   loading stages, 100 = ready
//   {type: "echec", message}                      Python cannot run here
//   {id, resultat} | {id, erreur: {champ, message}} answer to {id, outil, entree}

const NOM_PAQUET = "justice-pas-a-pas-pyscripts";
// Packages of our lock that only some tools need: loaded the first time one of them is
// called, never at start (filling a form needs pypdf; the simulator does not).
const PAQUETS_A_LA_DEMANDE = { formulaire_preparer: ["pypdf"], formulaire_remplir: ["pypdf"] };
const charges = new Map(); // package name → Promise of its loading
let python = null;
const INDISPONIBLE = "Le calculateur n'a pas pu démarrer dans ce navigateur.";

// Pyodide in Node (our tests) wants file paths where a browser wants URLs.
const adresse = (url) => (url.protocol === "file:" ? decodeURIComponent(url.pathname) : url.href);
const progression = (pourcentage, message) => self.postMessage({ type: "progression", pourcentage, message });

function urlDuRuntime() {
  const base = new URL(import.meta.url).searchParams.get("base");
  if (!base) throw new Error("paramètre « base » absent de l'adresse du worker");
  const url = new URL(base, import.meta.url);
  // Only our own copy of Pyodide may run here, whatever the query string says.
  if (url.origin !== new URL(import.meta.url).origin) throw new Error(`origine refusée : ${url.origin}`);
  return url;
}

async function demarre() {
  progression(10, "Chargement de Python…");
  const runtime = urlDuRuntime();
  const { loadPyodide } = await import(new URL("pyodide.mjs", runtime).href);
  const pyodide = await loadPyodide({
    indexURL: adresse(runtime),
    // Our lock lists only our wheels: nothing else can be fetched, no CDN fallback.
    lockFileURL: adresse(new URL("../paquets/pyodide-lock.json", runtime)),
  });
  progression(60, "Chargement des règles de calcul…");
  await pyodide.loadPackage(NOM_PAQUET, { messageCallback: () => {} });
  python = pyodide;
  progression(90, "Préparation du calculateur…");
  // ONE long-lived proxy; strings cross the boundary, so no per-call proxy leaks.
  // (In 314 an attribute proxy is borrowed from its parent and dies with it: copy() it first.)
  const api = pyodide.pyimport("pyscripts.api");
  const dispatch = api.dispatch.copy();
  api.destroy();
  progression(100, "Calculateur prêt.");
  return dispatch;
}

// loadPyodide never settles when the .wasm download fails: its inner rejection is
// unhandled. Report it, so the page falls back instead of waiting at 10 % forever.
self.onunhandledrejection = (evenement) => {
  console.error(evenement.reason);
  self.postMessage({ type: "echec", message: INDISPONIBLE });
};

const pret = demarre();
pret.catch((erreur) => {
  console.error(erreur);
  self.postMessage({ type: "echec", message: INDISPONIBLE });
});

function chargeALaDemande(outil) {
  return Promise.all((PAQUETS_A_LA_DEMANDE[outil] || []).map((nom) => {
    if (!charges.has(nom)) charges.set(nom, python.loadPackage(nom, { messageCallback: () => {} }));
    return charges.get(nom);
  }));
}

self.onmessage = async ({ data: { id, outil, entree } }) => {
  let reponse;
  try {
    const dispatch = await pret;
    await chargeALaDemande(outil);
    reponse = JSON.parse(dispatch(outil, JSON.stringify(entree ?? {})));
  } catch (erreur) {
    console.error(erreur);
    reponse = { erreur: { champ: "interne", message: INDISPONIBLE } };
  }
  self.postMessage({ id, ...reponse });
};
