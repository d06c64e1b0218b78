// Build-time helper of generator/sorties/pyodide_compile.py: runs OUR code in Pyodide (Node) to learn which
// standard-library modules it imports, and compiles them and our modules with Pyodide's own Python.
//
//   node pyodide_compile.mjs < {"runtime": npm's pyodide folder, "stdlib": npm's python_stdlib.zip (the
//                               sources), "demarrage": stdlib zip to start with (a precompiled one of the
//                               same sources starts faster), "roues": [wheel paths: ours first,
//                               then the extra ones], "sources": [our files, paths in site-packages],
//                               "paquets": [the extra wheels' top-level packages], "compiler": bool, "deja": [stdlib files already
//                               compiled], "sortie": zip path to write}
//
// `sortie` is a stored zip: modules.json = {"stdlib": [every stdlib file imported], "cache_tag":
// "cpython-314", "python": "3.14.2"}, and when "compiler" is true stdlib/<file>c for each imported file
// not in "deja" and site/<path>c for each .py of our wheel and of the extra packages (unchecked-hash
// .pyc, PEP 552: deterministic).
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

let texte = "";
for await (const morceau of process.stdin) texte += morceau;
const demande = JSON.parse(texte);

// Only local files: Pyodide in Node would fetch a missing package from its CDN.
globalThis.fetch = async (url) => {
  throw new Error(`réseau interdit pendant la construction : ${url}`);
};

const runtime = demande.runtime.replace(/\/?$/, "/");
const { loadPyodide } = await import(pathToFileURL(`${runtime}pyodide.mjs`).href);
const pyodide = await loadPyodide({
  indexURL: runtime,
  stdLibURL: demande.demarrage ?? demande.stdlib,
  stdout: (ligne) => process.stderr.write(`${ligne}\n`),
  stderr: (ligne) => process.stderr.write(`${ligne}\n`),
});
pyodide.FS.writeFile("/tmp/stdlib.zip", readFileSync(demande.stdlib));
// Installed as in the browser (loadPackage): what installing imports is compiled too.
for (const roue of demande.roues) await pyodide.loadPackage(roue, { messageCallback: () => {} });

const site = pyodide.runPython("import site; site.getsitepackages()[0]");
pyodide.globals.set("demande", pyodide.toPy({ paquets: demande.paquets, compiler: demande.compiler,
  deja: demande.deja, sources: demande.sources }));
pyodide.runPython(`
import importlib, importlib.util, json, pkgutil, sys, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

ZIP = f"/lib/python{sys.version_info.major}{sys.version_info.minor}.zip"
SITE = ${JSON.stringify(site)}

# Import every module of ours (one that fails to import fails the build, here, not in a browser) and
# the extra packages as a page would, then run each tool once on an empty input: the imports done
# inside functions are made too.
for paquet in sorted({nom.split("/")[0] for nom in demande["sources"] if nom.endswith(".py")}):
    module = importlib.import_module(paquet)
    for info in pkgutil.walk_packages(module.__path__, paquet + "."):
        if not info.name.endswith(".__main__"):
            importlib.import_module(info.name)
for paquet in demande["paquets"]:
    importlib.import_module(paquet)
api, outils = sys.modules.get("pyscripts.api"), sys.modules.get("pyscripts.outils")
for route in (outils.routes() if outils else {}):
    api.dispatch(route, "{}")

importes = sorted({m.__spec__.origin.removeprefix(ZIP + "/").removesuffix("c")
                   for m in list(sys.modules.values())
                   if getattr(m, "__spec__", None) and (m.__spec__.origin or "").startswith(ZIP + "/")})

def pyc(source: bytes, chemin: str) -> bytes:
    code = compile(source, chemin, "exec", dont_inherit=True)
    return bytes(_code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False))

with zipfile.ZipFile("/tmp/sortie.zip", "w", zipfile.ZIP_STORED) as sortie:
    sortie.writestr("modules.json", json.dumps({"stdlib": importes, "cache_tag": sys.implementation.cache_tag,
                                                "python": ".".join(map(str, sys.version_info[:3]))}))
    if demande["compiler"]:
        deja = set(demande["deja"])
        with zipfile.ZipFile("/tmp/stdlib.zip") as stdlib:
            for nom in (n for n in importes if n not in deja):
                sortie.writestr(f"stdlib/{nom}c", pyc(stdlib.read(nom), f"{ZIP}/{nom}"))
        import pathlib
        extras = [str(p.relative_to(SITE)) for paquet in demande["paquets"] for p in pathlib.Path(SITE, paquet).rglob("*.py")]
        for nom in sorted({*(n for n in demande["sources"] if n.endswith(".py")), *extras}):
            with open(f"{SITE}/{nom}", "rb") as fichier:
                sortie.writestr(f"site/{nom}c", pyc(fichier.read(), f"{SITE}/{nom}"))
`);
writeFileSync(demande.sortie, pyodide.FS.readFile("/tmp/sortie.zip"));
process.exit(0);
