// Module worker that owns Pyodide: the page never freezes and nothing typed leaves the device.
//
// Started by outils.mjs as `outils-worker.mjs?base=…&stdlib=…&lock=…&octets=…&outil=…&paquets=…`:
//   base     the runtime folder site/pyodide/<version>/ (versioned, so not a static import: a dynamic
//            import() of a same-origin URL, which CSP `script-src 'self'` allows, no eval)
//   stdlib   python_stdlib.<hash>.zip, lock pyodide-lock.<hash>.json: content-addressed, safe to cache
//   octets   the sizes of the .wasm and the stdlib, JSON {"brut": [n, n], "br": [n, n], "gzip": [n, n]}
//            (as sent raw, in brotli, in gzip: written by the build), outil the engine to load at once,
//   paquets  extra packages of the page (e.g. "pypdf"), space-separated: loaded when a route needs them
//            or when the page says the connection is free ({type: "precharge"}), never at start
//
// Messages posted to the page:
//   {type: "progression", etape: "telechargement", recus, total}   bytes of the .wasm and stdlib AS THEY
//                                                                  TRAVEL (compressed), estimated while
//                                                                  decoding, exact once the headers say
//   {type: "progression", etape: "demarrage" | "regles" | "pret"}  Python starts, our rules load, ready
//   {type: "echec", message}                                       Python cannot run here
//   {id, resultat} | {id, erreur: {champ, message}}                answer to {id, outil, entree}

const NOM_PAQUET = "justice-pas-a-pas-pyscripts";
// Packages of our lock that only some tools need: loaded the first time one of them is
// called, never at start (filling a form needs pypdf; the simulator does not). Which ones:
// Python says, from the tool registry (pyscripts/outils.py): `paquetsDe(route)` → "pypdf" or "".
let paquetsDe = () => "";
const charges = new Map(); // package name → Promise of its loading
let python = null; // Pyodide, once started (our rules may still be loading)
const INDISPONIBLE = "Le calculateur n'a pas pu démarrer dans ce navigateur.";
const CADENCE_MS = 200; // at most one download message per 200 ms

const parametres = new URL(import.meta.url).searchParams;
const etape = (nom, details = {}) => self.postMessage({ type: "progression", etape: nom, ...details });
// Pyodide in Node (our tests) wants file paths where a browser wants URLs.
const adresse = (url) => (url.protocol === "file:" ? decodeURIComponent(url.pathname) : url.href);

/** A URL given by the page: only our own copy of Pyodide may run here, whatever the query string says. */
function urlDonnee(nom) {
  const valeur = parametres.get(nom);
  if (!valeur) throw new Error(`paramètre «\u00a0${nom}\u00a0» absent de l'adresse du worker`);
  const url = new URL(valeur, import.meta.url);
  if (url.origin !== new URL(import.meta.url).origin) throw new Error(`origine refusée : ${url.origin}`);
  return url;
}

// ── Downloads: started at once, counted as they arrive ───────────────────────
//
// Pyodide only asks for the .wasm once its 1.2 MB of JavaScript is loaded. Asking for the .wasm and
// the stdlib here, first thing, overlaps them; Pyodide's own fetch() then gets these responses.

const fetchReseau = self.fetch?.bind(self);
const attendus = new Map(); // URL → Promise<Response>, handed over once
const finis = []; // one promise per download, settled when its last byte is read
// Per download: `brut` its decoded size (the build's), `fil` what travels (Content-Length of the encoded
// body, or the build's size for its encoding; brotli until the headers say), `lus` decoded bytes read.
const fichiers = [];
let dernierSignal = 0;

function signaleTelechargement(toutDeSuite) {
  const maintenant = Date.now();
  if (toutDeSuite || maintenant - dernierSignal >= CADENCE_MS) {
    dernierSignal = maintenant;
    // The body is read decoded: its share of what travels is proportional to its share of the decoded file.
    const part = (f) => (f.brut ? Math.min(f.fil, Math.round((f.lus * f.fil) / f.brut)) : f.fini ? f.fil : 0);
    const recus = fichiers.reduce((somme, f) => somme + part(f), 0);
    const total = fichiers.reduce((somme, f) => somme + f.fil, 0);
    etape("telechargement", { recus, total });
  }
}

/** What the response weighs on the network: the encoded length it announces, or the build's size for its encoding. */
function surLeFil(reponse, fichier, tailles) {
  const encodage = (reponse.headers.get("Content-Encoding") || "").trim().toLowerCase();
  const longueur = Number(reponse.headers.get("Content-Length"));
  if (!encodage && longueur > 0 && !fichier.brut) fichier.brut = longueur; // sent as is: decoded = sent
  if (longueur > 0) return longueur;
  return encodage ? (tailles[encodage]?.[fichier.rang] ?? fichier.brut) : fichier.brut;
}

/** The response itself, handed to Pyodide untouched (the browser compiles the .wasm as it arrives, off
 *  this thread); a copy of its body is counted chunk by chunk; `fini` settles with its last byte. Wrapping
 *  the body in a stream of ours instead put each chunk through this busy thread: 0.2 s later « prêt ». */
function compte(reponse, fini, fichier, tailles) {
  if (!reponse.ok || !reponse.body) throw new Error(`${reponse.url} : réponse ${reponse.status}`);
  fichier.fil = surLeFil(reponse, fichier, tailles);
  const lecteur = reponse.clone().body.getReader();
  const lit = async () => {
    for (let morceau = await lecteur.read(); !morceau.done; morceau = await lecteur.read()) {
      fichier.lus += morceau.value.byteLength;
      signaleTelechargement(false);
    }
    fichier.fini = true;
    signaleTelechargement(true); // a file complete is always told (its last chunks may have been quiet)
  };
  lit().then(fini.resolve, fini.reject);
  return reponse;
}

/** {"brut": [n, …], "br": [n, …], "gzip": [n, …]} given by the page; {} when absent or unreadable. */
function taillesDonnees() {
  try {
    return JSON.parse(parametres.get("octets") || "{}") || {};
  } catch {
    return {};
  }
}

/** Asked now; Pyodide's own fetch() of the same URL, later, gets this response (once), through `suite`. */
function demandeDesMaintenant(url, options = {}, suite = (reponse) => reponse) {
  const reponse = fetchReseau(url.href, { credentials: "same-origin", ...options }).then(suite);
  reponse.catch(() => {}); // a failure is Pyodide's to report, when it asks for the file
  attendus.set(url.href, reponse);
  return reponse;
}

function telechargeDesMaintenant(urls, tailles) {
  for (const [rang, url] of urls.entries()) {
    const brut = tailles.brut?.[rang] || 0;
    const fichier = { rang, brut, fil: tailles.br?.[rang] || brut, lus: 0, fini: false };
    fichiers.push(fichier);
    const fini = {};
    finis.push(new Promise((resolve, reject) => Object.assign(fini, { resolve, reject })));
    const reponse = demandeDesMaintenant(url, {}, (r) => compte(r, fini, fichier, tailles));
    reponse.catch((erreur) => fini.reject(erreur));
  }
  // Pyodide does not always report a failed download (it may wait forever): say it here.
  Promise.all(finis).catch(echoue);
  signaleTelechargement(true);
  self.fetch = (ressource, options) => {
    const cle = String(ressource instanceof Request ? ressource.url : ressource);
    const attendu = attendus.get(cle);
    if (!attendu) return fetchReseau(ressource, options);
    attendus.delete(cle);
    return attendu;
  };
}

/** Our rules' wheel, asked once the .wasm and the stdlib are in, while Python starts, rather than once Python
 *  is up: on a slow phone its 0.2 MB travel while the processor is busy (not sooner: they would slow the
 *  .wasm down). Asked with the lock's sha256, as Pyodide would (the browser checks it); the lock, read now,
 *  goes on to Pyodide untouched. */
function prendLeVerrouEtNosRegles(lock) {
  demandeDesMaintenant(lock, {}, (reponse) => {
    Promise.all([reponse.clone().json(), ...finis]).then(([contenu]) => {
      if (python) return; // Pyodide has asked for it already
      const { file_name: fichier, sha256 } = contenu.packages[NOM_PAQUET];
      const octets = Uint8Array.from(sha256.match(/../g), (paire) => parseInt(paire, 16));
      demandeDesMaintenant(new URL(fichier, lock), { integrity: `sha256-${btoa(String.fromCharCode(...octets))}` });
    }).catch(() => {}); // Pyodide then asks for the wheel itself, and reports what fails
    return reponse;
  });
}

/** The .wasm (9.6 MB) compiled as its bytes arrive, not once Pyodide's 1.2 MB of JavaScript has run and asks
 *  for it (≈ 0.1 s later on a computer). Pyodide instantiates it with WebAssembly.instantiateStreaming(its
 *  fetch() of the .wasm): that one call gets the module compiled here; any other goes to the browser's. */
function compileDesMaintenant(wasm) {
  const reponse = attendus.get(wasm.href);
  if (!reponse || typeof WebAssembly.compileStreaming !== "function") return;
  const compile = WebAssembly.compileStreaming(reponse); // the body Pyodide would have read: it reads nothing
  compile.catch(echoue); // Pyodide would only warn and wait forever
  const duNavigateur = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = async (source, importations) => {
    WebAssembly.instantiateStreaming = duNavigateur;
    if ((await source) !== (await reponse)) return duNavigateur(source, importations);
    const module = await compile;
    return { module, instance: await WebAssembly.instantiate(module, importations) };
  };
}

// ── Start ───────────────────────────────────────────────────────────────────

async function demarre() {
  const runtime = urlDonnee("base");
  const stdlib = urlDonnee("stdlib");
  const lock = urlDonnee("lock");
  const outil = parametres.get("outil");
  const wasm = new URL("pyodide.asm.wasm", runtime);
  const enLigne = runtime.protocol === "http:" || runtime.protocol === "https:";
  if (enLigne && fetchReseau) {
    telechargeDesMaintenant([wasm, stdlib], taillesDonnees());
    compileDesMaintenant(wasm);
    prendLeVerrouEtNosRegles(lock);
  }
  // Pyodide's two scripts asked together: pyodide.mjs would ask for pyodide.asm.mjs (1.2 MB) only once it
  // has run; loadPyodide's import() of the same URL then gets this one (one module per URL).
  import(new URL("pyodide.asm.mjs", runtime).href).catch(() => {}); // a failure: loadPyodide's import says it
  const { loadPyodide } = await import(new URL("pyodide.mjs", runtime).href);
  const demarrage = loadPyodide({
    indexURL: adresse(runtime),
    stdLibURL: adresse(stdlib),
    // Our lock lists only our wheels: nothing else can be fetched, no CDN fallback.
    lockFileURL: adresse(lock),
  });
  if (finis.length) {
    // Downloads done (a failed one is reported by telechargeDesMaintenant) — or Python already up, should
    // Pyodide ever fetch these files under another URL and leave ours unread: never wait on them alone.
    await Promise.race([Promise.all(finis), demarrage]).catch(() => {});
    signaleTelechargement(true);
  }
  etape("demarrage");
  python = await demarrage;
  etape("regles");
  await python.loadPackage(NOM_PAQUET, { messageCallback: () => {} });
  // ONE long-lived proxy; strings cross the boundary, so no per-call proxy leaks.
  // (In 314 an attribute proxy is borrowed from its parent and dies with it: copy() it first.)
  const api = python.pyimport("pyscripts.api");
  const dispatch = api.dispatch.copy();
  paquetsDe = api.paquets.copy();
  api.destroy();
  // The page's engine is imported now, while the person is still typing, not at the first answer.
  if (outil) dispatch(outil, "{}");
  etape("pret");
  return dispatch;
}

function echoue(erreur) {
  console.error(erreur);
  self.postMessage({ type: "echec", message: INDISPONIBLE });
}

// loadPyodide may never settle when a download fails, its inner rejection unhandled:
// report it, so the page falls back instead of waiting forever.
self.onunhandledrejection = (evenement) => echoue(evenement.reason);

const pret = demarre();
pret.catch(echoue);

/** Load each package once; a failed load is forgotten, so the next call tries again. */
function chargePaquets(noms) {
  return Promise.all(noms.map((nom) => {
    if (!charges.has(nom)) {
      const chargement = python.loadPackage(nom, { messageCallback: () => {} });
      chargement.catch(() => charges.delete(nom));
      charges.set(nom, chargement);
    }
    return charges.get(nom);
  }));
}

self.onmessage = async ({ data: { type, id, outil, entree } }) => {
  if (type === "precharge") { // the page's extra packages, ahead of need (the page judged the connection free)
    const extras = (parametres.get("paquets") || "").split(" ").filter(Boolean);
    pret.then(() => chargePaquets(extras)).catch(() => {}); // a failure is retried when a route needs them
    return;
  }
  let reponse;
  try {
    const dispatch = await pret;
    await chargePaquets(paquetsDe(outil).split(" ").filter(Boolean));
    reponse = JSON.parse(dispatch(outil, JSON.stringify(entree ?? {})));
  } catch (erreur) {
    console.error(erreur);
    reponse = { erreur: { champ: "interne", message: INDISPONIBLE } };
  }
  self.postMessage({ id, ...reponse });
};
