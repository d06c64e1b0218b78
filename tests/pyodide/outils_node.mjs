// Drives the real page module (outils.mjs) and the real worker (outils-worker.mjs) in Node.
// Node has no Web Worker, so WorkerNode runs the worker module in this process behind the
// same postMessage interface. (Only one at a time: the worker talks through `self`.)
//
//   node outils_node.mjs < {"base": URL of site/pyodide/<version>/, "stdlib", "lock": their URLs,
//                           "outil": engine to load at once, "cas": [[outil, entree], …], "sans_worker": false}
// prints {progression: [{etape, …}], pret: "ok" | "<Error name>: message",
//         reponses: [{resultat} | {erreur} | {rejet}], reseau: [refused URLs]}
import { ecrit, interditReseau, litEntree } from "./commun.mjs";

class WorkerNode {
  constructor(url, { type } = {}) {
    if (type !== "module") throw new Error("Pyodide 314 exige un worker de type module");
    const page = this;
    const envoie = (cible, data) => setTimeout(() => cible.onmessage?.({ data: structuredClone(data) }));
    globalThis.self = { onmessage: null, postMessage: (data) => envoie(page, data) };
    // Like a browser, hold the page's messages until the module has run and set self.onmessage.
    this.charge = import(url.href).catch((erreur) => setTimeout(() => page.onerror?.({ message: String(erreur) })));
    this.envoie = (data) => this.charge.then(() => envoie(globalThis.self, data));
  }
  postMessage(data) {
    this.envoie(data);
  }
  terminate() {}
}

const { base, stdlib, lock, outil, cas = [], sans_worker = false } = await litEntree();
const reseau = interditReseau();
if (!sans_worker) globalThis.Worker = WorkerNode;
const { demarreOutils } = await import("../../theme/assets/js/outils.mjs");

const progression = [];
const outils = demarreOutils({ base, stdlib, lock, outil, surProgression: (etape) => progression.push(etape) });
const decrit = (erreur) => `${erreur.name}: ${erreur.message}`;
const pret = await outils.pret.then(() => "ok", decrit);
// Calls are sent together: the worker must answer each by its id.
const reponses = await Promise.all(
  cas.map(([outil, entree]) => outils.appelle(outil, entree).catch((erreur) => ({ rejet: decrit(erreur) }))),
);
ecrit({ progression, pret, reponses, reseau });
process.exit(0); // the in-process "worker" keeps Pyodide's event loop alive
