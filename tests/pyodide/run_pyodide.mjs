// Runs pyscripts.api.dispatch under Pyodide in Node, from a site built by bundle_pyodide.
//
//   node run_pyodide.mjs SITE/pyodide/<version>/  < {"cas": [[outil, entree], …],
//                                                    "donnees": [nom, …], "paquets": ["pypdf"]}
// prints {sorties: [dispatch text, …], donnees: {nom: en_json(nom)}, source_presente,
//         versions: {paquet: __version__}, reseau: [refused URLs], chrono: {…ms}}
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { ecrit, interditReseau, litEntree } from "./commun.mjs";

const runtime = process.argv[2].replace(/\/?$/, "/");
const { cas = [], donnees = [], paquets = [] } = await litEntree();
const reseau = interditReseau();
const silence = { messageCallback: () => {} }; // stdout carries only our JSON

const t0 = performance.now();
// The runtime is imported from the built site, not node_modules: this proves the copied files suffice.
const { loadPyodide } = await import(pathToFileURL(`${runtime}pyodide.mjs`).href);
const pyodide = await loadPyodide({
  indexURL: runtime,
  lockFileURL: `${runtime}../paquets/pyodide-lock.json`,
  stdout: (ligne) => process.stderr.write(`${ligne}\n`),
});
const t1 = performance.now();
await pyodide.loadPackage("justice-pas-a-pas-pyscripts", silence);
const dispatch = pyodide.pyimport("pyscripts.api").dispatch;
const t2 = performance.now();

const sorties = [];
const appels = [];
for (const [outil, entree] of cas) {
  const debut = performance.now();
  sorties.push(dispatch(outil, JSON.stringify(entree)));
  appels.push(performance.now() - debut);
}

const module = pyodide.pyimport("pyscripts.donnees");
const lues = Object.fromEntries(donnees.map((nom) => [nom, module.en_json(nom)]));
const versions = {};
for (const paquet of paquets) {
  await pyodide.loadPackage(paquet, silence);
  versions[paquet] = pyodide.pyimport(paquet).__version__;
}

ecrit({
  sorties,
  donnees: lues,
  // In the wheel there is no content/data/: a read there would mean the embedded JSON was skipped.
  source_presente: module.DOSSIER_SOURCE.exists(),
  versions,
  reseau,
  chrono: { runtime_ms: t1 - t0, paquet_ms: t2 - t1, appels_ms: appels },
});
