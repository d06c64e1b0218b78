// ONE Pyodide in Node for a whole test session: started once, then answers requests, one JSON
// object per line on stdin, one JSON answer per line on stdout (tests/fixtures/pyodide.py drives it).
//
//   node serveur_pyodide.mjs SITE/pyodide/<version>/ SITE/pyodide/paquets/pyodide-lock.<hash>.json STDLIB.zip
//   → {"pret": true, "chrono": {runtime_ms, paquet_ms}}             once Python is ready
//   {"cas": [[outil, entree], …]}  → {"sorties": [dispatch text, …], "appels_ms": […]}
//   {"donnees": [nom, …]}          → {"donnees": {nom: en_json(nom)}, "source_presente": bool}
//   {"paquets": [nom, …]}          → {"versions": {nom: __version__}}
//   {"reseau": true}               → {"reseau": [refused URLs so far]}
//   {"surveille": [module, …]}     → {"surveille": n}: from now on, an import of one of these modules (or of
//                                    a submodule of theirs) that no finder answers is recorded
//   {"manquants": true}            → {"manquants": [recorded module names]}
//   {"python": code}               → {"python": str(value of code's last expression)}
// A request that fails answers {"erreur": "…"}; the process keeps serving.
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import { interditReseau } from "./commun.mjs";

const runtime = process.argv[2].replace(/\/?$/, "/");
const [lock, stdlib] = process.argv.slice(3);
const reseau = interditReseau();
const silence = { messageCallback: () => {} }; // stdout carries only our JSON
const ecrit = (objet) => process.stdout.write(`${JSON.stringify(objet)}\n`);

const t0 = performance.now();
// The runtime is imported from the built site, not node_modules: this proves the copied files suffice.
const { loadPyodide } = await import(pathToFileURL(`${runtime}pyodide.mjs`).href);
const pyodide = await loadPyodide({
  indexURL: runtime,
  lockFileURL: lock,
  stdLibURL: stdlib,
  stdout: (ligne) => process.stderr.write(`${ligne}\n`),
});
const t1 = performance.now();
await pyodide.loadPackage("justice-pas-a-pas-pyscripts", silence);
const dispatch = pyodide.pyimport("pyscripts.api").dispatch;
const donnees = pyodide.pyimport("pyscripts.donnees");
ecrit({ pret: true, chrono: { runtime_ms: t1 - t0, paquet_ms: performance.now() - t1 } });

async function repond(demande) {
  if (demande.cas) {
    const sorties = [];
    const appels = [];
    for (const [outil, entree] of demande.cas) {
      const debut = performance.now();
      sorties.push(dispatch(outil, JSON.stringify(entree)));
      appels.push(performance.now() - debut);
    }
    return { sorties, appels_ms: appels };
  }
  if (demande.donnees) {
    return {
      donnees: Object.fromEntries(demande.donnees.map((nom) => [nom, donnees.en_json(nom)])),
      // In the wheel there is no content/data/: a read there would mean the embedded JSON was skipped.
      source_presente: donnees.DOSSIER_SOURCE.exists(),
    };
  }
  if (demande.paquets) {
    const versions = {};
    for (const paquet of demande.paquets) {
      await pyodide.loadPackage(paquet, silence);
      versions[paquet] = pyodide.pyimport(paquet).__version__;
    }
    return { versions };
  }
  if (demande.reseau) return { reseau };
  if (demande.surveille) {
    pyodide.globals.set("_connus", pyodide.toPy(demande.surveille));
    // Last on sys.meta_path: asked only when nothing found the module. A module of the full stdlib (or of
    // ours) missing here was trimmed from the bundle, even where the code catches the ImportError.
    pyodide.runPython(`
import sys
class _Manquants:
    connus = frozenset(_connus)
    vus = []
    @classmethod
    def find_spec(cls, nom, chemin=None, cible=None):
        if nom in cls.connus:
            cls.vus.append(nom)
        return None
sys.meta_path.append(_Manquants)
del _connus
`);
    return { surveille: demande.surveille.length };
  }
  if (demande.manquants) return { manquants: pyodide.runPython("_Manquants.vus").toJs() };
  if (demande.python) return { python: String(pyodide.runPython(demande.python)) };
  return { erreur: `demande inconnue : ${JSON.stringify(demande)}` };
}

for await (const ligne of createInterface({ input: process.stdin })) {
  if (!ligne.trim()) continue;
  try {
    ecrit(await repond(JSON.parse(ligne)));
  } catch (erreur) {
    ecrit({ erreur: String(erreur) });
  }
}
process.exit(0); // stdin closed: the session is over
