// Build-time helper of generator/sorties/pyodide_compile.py: runs OUR code in Pyodide (Node) to learn which
// standard-library modules it really imports, and compiles them, our modules and the extra wheels' with
// Pyodide's own Python.
//
//   node pyodide_compile.mjs < {
//     "runtime": npm's pyodide folder, "stdlib": npm's python_stdlib.zip (the sources),
//     "demarrage": the stdlib zip to start with (npm's, some modules precompiled: starts faster),
//     "phases": [{"roues": [wheels to install], "modules": [our modules, imported: one that fails fails
//                 the build], "imports": [stdlib names found in the code, tried], "codecs": [string
//                 literals of the code, looked up as codecs], "routes": [api.dispatch routes, called]}, …],
//     "deja": [stdlib files already compiled], "sortie": zip path to write}
//
// Phase 1 is what every tool page runs (Pyodide's start, our wheel, our routes), phase 2 what a page
// adds when it loads the extra wheels (pypdf and the routes that need it).
//
// `sortie` is a stored zip: modules.json = {"phases": [[stdlib files first imported in phase 1], [in
// phase 2]], "python": "3.14.2"}, stdlib/<file>c for each imported file not in "deja" and site/<path>c
// for each .py installed by the wheels (unchecked-hash .pyc, PEP 552, docstrings and column positions left out,
// large constant dicts as one tuple: deterministic, and what runs in a browser).
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
  stdLibURL: demande.demarrage,
  // Code compiled here keeps its line numbers, not the column of each instruction (only a traceback's
  // ^^^ markers read them): .pyc 10 to 30 % smaller, in brotli too (pypdf: 0.55 → 0.43 MB on the wire).
  args: ["-X", "no_debug_ranges"],
  stdout: (ligne) => process.stderr.write(`${ligne}\n`),
  stderr: (ligne) => process.stderr.write(`${ligne}\n`),
});

// Read with `sys` alone (built in): what the tracing itself imports must not count.
pyodide.runPython(`
import sys
def _stdlib_importee():
    zip_ = "/lib/python%d%d.zip/" % sys.version_info[:2]
    noms = set()
    for module in list(sys.modules.values()):
        origine = getattr(getattr(module, "__spec__", None), "origin", None) or ""
        if origine.startswith(zip_):
            noms.add(origine[len(zip_):].removesuffix("c"))
    return sorted(noms)
`);
const importee = () => pyodide.globals.get("_stdlib_importee")().toJs();

const avant = new Set();
const phases = [];
for (const phase of demande.phases) {
  // Installed as in the browser (loadPackage): what installing imports counts too.
  for (const roue of phase.roues) await pyodide.loadPackage(roue, { messageCallback: () => {} });
  pyodide.globals.set("phase", pyodide.toPy(phase));
  pyodide.runPython(`
import importlib
for nom in phase["modules"]:
    importlib.import_module(nom)
for nom in phase["imports"]:
    try:
        importlib.import_module(nom)
    except Exception:  # a name only some platforms have (nt, winreg…), or a guarded optional import
        pass
import codecs
for nom in phase["codecs"]:  # encodings are imported by name at run time (pypdf: "utf-16-be", "cp1252")
    try:
        codecs.lookup(nom)
    except (LookupError, ValueError, TypeError):
        pass
if phase["routes"]:
    import pyscripts.api
    for route in phase["routes"]:  # empty input: the engine's module and its refusal path
        pyscripts.api.dispatch(route, "{}")
del phase
`);
  // An error raised in Python and read by JavaScript: the traceback's formatting imports too.
  try {
    pyodide.runPython("raise ValueError('trace')");
  } catch {}
  const maintenant = importee();
  phases.push(maintenant.filter((nom) => !avant.has(nom)));
  for (const nom of maintenant) avant.add(nom);
}

const site = pyodide.runPython("import site; site.getsitepackages()[0]");
pyodide.FS.writeFile("/tmp/stdlib.zip", readFileSync(demande.stdlib));
pyodide.globals.set("demande", pyodide.toPy({ phases, deja: demande.deja }));
pyodide.runPython(`
import ast, importlib.util, json, pathlib, sys, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

ZIP = f"/lib/python{sys.version_info.major}{sys.version_info.minor}.zip"
SITE = ${JSON.stringify(site)}
DEFINITIONS = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)

def sans_docstrings(arbre):
    """Docstrings are read by help() only; asserts stay (optimize=2 would drop them too)."""
    for noeud in ast.walk(arbre):
        if isinstance(noeud, DEFINITIONS) and noeud.body and isinstance(noeud.body[0], ast.Expr) \\
                and isinstance(noeud.body[0].value, ast.Constant) and isinstance(noeud.body[0].value.value, str):
            noeud.body[0:1] = [] if len(noeud.body) > 1 else [ast.copy_location(ast.Pass(), noeud.body[0])]
    return arbre

class TablesCompactes(ast.NodeTransformer):
    """A large dict of constants (pypdf's 17,000 glyph names) costs 4 instructions per entry in a .pyc:
    written {k: v for k, v in <one constant tuple of pairs>} it is the same dict, same order, same
    value for a repeated key (the comprehension's names stay inside it), in a third less on the wire."""

    def visit_Dict(self, noeud):
        self.generic_visit(noeud)
        if len(noeud.keys) < 64 or not all(isinstance(n, ast.Constant) for n in (*noeud.keys, *noeud.values)):
            return noeud
        paires = ast.Constant(tuple((k.value, v.value) for k, v in zip(noeud.keys, noeud.values)))
        cible = ast.Tuple([ast.Name("k", ast.Store()), ast.Name("v", ast.Store())], ast.Store())
        comprehension = ast.DictComp(ast.Name("k", ast.Load()), ast.Name("v", ast.Load()), [ast.comprehension(cible, paires, [], 0)])
        return ast.fix_missing_locations(ast.copy_location(comprehension, noeud))

def pyc(source: bytes, chemin: str) -> bytes:
    arbre = TablesCompactes().visit(sans_docstrings(ast.parse(source, chemin)))
    code = compile(arbre, chemin, "exec", dont_inherit=True)
    return bytes(_code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False))

with zipfile.ZipFile("/tmp/sortie.zip", "w", zipfile.ZIP_STORED) as sortie:
    sortie.writestr("modules.json", json.dumps({"phases": demande["phases"],
                                                "python": ".".join(map(str, sys.version_info[:3]))}))
    with zipfile.ZipFile("/tmp/stdlib.zip") as stdlib:
        for nom in sorted({n for phase in demande["phases"] for n in phase} - set(demande["deja"])):
            sortie.writestr(f"stdlib/{nom}c", pyc(stdlib.read(nom), f"{ZIP}/{nom}"))
    for chemin in sorted(pathlib.Path(SITE).rglob("*.py")):
        nom = chemin.relative_to(SITE).as_posix()
        sortie.writestr(f"site/{nom}c", pyc(chemin.read_bytes(), f"{SITE}/{nom}"))
`);
writeFileSync(demande.sortie, pyodide.FS.readFile("/tmp/sortie.zip"));
process.exit(0);
