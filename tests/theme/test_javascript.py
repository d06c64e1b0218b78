"""Every script of the theme (theme/**/*.js, *.mjs), read as source: nothing a person types may
be kept, sent or run as code, and the code keeps the shape of its components.

- no storage (cookie, Web Storage, IndexedDB, Cache API, service worker), no eval-like call, no
  HTML parsed from text (innerHTML…, document.write), no address of another site, no request API
  but fetch of our own files, no history entry, no new tab but one (the filled PDF, after its
  warning);
- no mutable state at the top of a module (a second mount of a component would share it): `let`
  and `var` live in functions or instances, top-level constants are frozen or functions;
- no function longer than 80 lines.

The sources are cut into tokens (strings, templates, regular expressions and comments told apart),
so that a word in a comment or a string is never taken for code, nor the reverse.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.fixtures.chemins import REPO

THEME = REPO / "theme"
FICHIERS = sorted(p for p in THEME.rglob("*") if p.suffix in (".js", ".mjs"))
LONGUEUR_MAX = 80

# What no script may do, as a pattern over the code (comments and string contents removed).
INTERDITS = {
    "stockage": r"\b(localStorage|sessionStorage|indexedDB|caches|cookieStore|openDatabase)\b|document\s*\.\s*cookie"
    r"|navigator\s*\.\s*(serviceWorker|storage)\b",
    "code lu dans du texte": r"\beval\s*\(|\bnew\s+Function\b|\bFunction\s*\(|\bset(Timeout|Interval)\s*\(\s*[\"'`]",
    "HTML lu dans du texte": r"\.(innerHTML|outerHTML|insertAdjacentHTML|setHTMLUnsafe|srcdoc)\b|document\s*\.\s*write"
    r"|\bDOMParser\b|createContextualFragment|parseHTMLUnsafe",
    "requête hors fetch": r"\b(XMLHttpRequest|WebSocket|EventSource)\b|sendBeacon",
    "entrée d'historique": r"\bpushState\b|location\s*\.\s*(assign\b|(hash|search|href)\s*=(?!=))",
    "nouvel onglet": r"\bwindow\s*\.\s*open\s*\(|_blank",
    "ancien worker": r"\bimportScripts\b",
    "modification de l'historique": r"\breplaceState\b",
    "import d'une adresse calculée": r"\bimport\s*\(\s*(?!‹›)",
}
# The few places where a rule has a reason to bend, each said once.
EXCEPTIONS = {
    # The filled PDF opened to be printed, only after the « onglet » warning (Export.ouvre).
    ("nouvel onglet", "assets/js/composants/export.mjs"): 1,
    # The search worker is a classic worker loading lunr's own files and reading the site's own
    # index (same origin).
    ("ancien worker", "search/worker.js"): 1,
    ("requête hors fetch", "search/worker.js"): 1,
    # Pyodide's runtime folder is versioned: imported from the URL the page gives, checked to be of
    # our own origin first (urlDonnee).
    ("import d'une adresse calculée", "assets/js/outils-worker.mjs"): 1,
    # An old « recherche.html?q=… » link: the query is read once, then wiped from the address bar.
    ("modification de l'historique", "search/main.js"): 1,
}
ADRESSE_EXTERNE = re.compile(r"(?:https?|wss?|ftp)://|^//\w", re.IGNORECASE)
MOTS_AVANT_REGEX = ("return", "typeof", "case", "in", "of")
WORKERS = {"assets/js/outils-worker.mjs", "search/worker.js"}  # one module instance per worker: its own state


def jetons(source: str) -> list[tuple[str, str, int]]:
    """(kind, text, line) of the source: "code" runs, "chaine" (string or template text), "regex";
    comments are dropped. A `/` starts a regular expression where an expression may begin."""
    sortie, i, ligne, n = [], 0, 1, len(source)
    code, debut_code = [], 1
    pile_gabarits: list[int] = []  # brace depth at each `${` of the templates being read
    profondeur = 0

    def pousse_code():
        nonlocal code
        if code:
            sortie.append(("code", "".join(code), debut_code))
            code = []

    def dernier_mot(texte: str) -> str:
        """The last identifier of `texte`, or its last character."""
        mot = re.search(r"[A-Za-z_$0-9]+$", texte)
        return mot.group() if mot else texte[-1]

    def precedent_significatif() -> str:
        texte = "".join(code).rstrip()
        if texte:
            return dernier_mot(texte)
        for genre, valeur, _ in reversed(sortie):
            if genre != "code":
                return "x"  # after a string or a regex: a division
            if valeur.rstrip():
                return dernier_mot(valeur.rstrip())
        return "("

    def lis_gabarit(j: int) -> int:
        """Reads template text from j (after ` or }) to its end or to a `${`; returns the index after."""
        nonlocal ligne
        debut = ligne
        while j < n and source[j] != "`":
            if source[j] == "\\":
                j += 2
                continue
            if source.startswith("${", j):
                sortie.append(("chaine", "", debut))
                pile_gabarits.append(profondeur)
                return j + 2
            ligne += source[j] == "\n"
            j += 1
        sortie.append(("chaine", "", debut))
        return j + 1

    while i < n:
        c = source[i]
        if source.startswith("//", i):
            fin = source.find("\n", i)
            i = n if fin < 0 else fin
            continue
        if source.startswith("/*", i):
            fin = source.index("*/", i) + 2
            ligne += source.count("\n", i, fin)
            i = fin
            continue
        if c in "\"'":
            pousse_code()
            j = i + 1
            while source[j] != c:
                j += 2 if source[j] == "\\" else 1
            sortie.append(("chaine", source[i + 1 : j], ligne))
            i, debut_code = j + 1, ligne
            continue
        if c == "`":
            pousse_code()
            i = lis_gabarit(i + 1)
            debut_code = ligne
            continue
        if c == "}" and pile_gabarits and pile_gabarits[-1] == profondeur:
            pile_gabarits.pop()
            pousse_code()
            i = lis_gabarit(i + 1)
            debut_code = ligne
            continue
        if c == "/":
            avant = precedent_significatif()
            if avant in MOTS_AVANT_REGEX or (len(avant) == 1 and avant in "(,=:[!&|?{};+-*%<>~^"):
                pousse_code()
                j, classe = i + 1, False
                while classe or source[j] != "/":
                    if source[j] == "\\":
                        j += 1
                    elif source[j] == "[":
                        classe = True
                    elif source[j] == "]":
                        classe = False
                    j += 1
                while j + 1 < n and source[j + 1].isalpha():
                    j += 1
                sortie.append(("regex", source[i : j + 1], ligne))
                i, debut_code = j + 1, ligne
                continue
        if not code:
            debut_code = ligne
        profondeur += (c == "{") - (c == "}")
        ligne += c == "\n"
        code.append(c)
        i += 1
    pousse_code()
    return sortie


def code_seul(source: str) -> str:
    """The code with every string, template text and regex replaced by a placeholder."""
    return "".join(valeur if genre == "code" else " ‹› " for genre, valeur, _ in jetons(source))


def relatif(fichier: Path) -> str:
    return fichier.relative_to(THEME).as_posix()


def fonctions(source: str) -> list[tuple[int, int, str]]:
    """(first line, last line, head) of each function body: `function …(…) {`, a method `nom(…) {`,
    an arrow `=> {`. Braces of objects, classes and control blocks are not functions, nor the
    wrapper `(function () { … })();` at the top of a classic script: its scope, whose functions
    are each measured."""
    texte = code_seul(source)
    corps, pile = [], []
    for m in re.finditer(r"[{}]", texte):
        if m.group() == "{":
            avant = texte[: m.start()].rstrip()
            est_fonction = avant.endswith("=>")
            if avant.endswith(")"):
                profondeur, k = 0, len(avant) - 1
                while k >= 0:
                    profondeur += (avant[k] == ")") - (avant[k] == "(")
                    if profondeur == 0:
                        break
                    k -= 1
                tete = re.search(r"([A-Za-z_$][\w$]*)\s*$", avant[:k])
                est_fonction = bool(tete) and tete.group(1) not in ("if", "for", "while", "switch", "catch", "with")
            if not pile and re.search(r"\(\s*function\s*\(\s*\)$", avant):
                est_fonction = False  # a classic script's scope
            pile.append((texte.count("\n", 0, m.start()) + 1, est_fonction, avant[-60:]))
        else:
            debut, est_fonction, tete = pile.pop()
            if est_fonction:
                corps.append((debut, texte.count("\n", 0, m.start()) + 1, tete))
    return corps


def test_chaque_script_du_theme_est_lu():
    assert len(FICHIERS) >= 20, [relatif(f) for f in FICHIERS]
    assert {"assets/js/site.js", "assets/js/page.mjs", "search/main.js"} <= {relatif(f) for f in FICHIERS}


@pytest.mark.parametrize("fichier", FICHIERS, ids=relatif)
def test_rien_de_garde_ni_d_envoye_ni_de_lu_comme_code(fichier):
    source = fichier.read_text(encoding="utf-8")
    code = code_seul(source)
    fautes = []
    for regle, motif in INTERDITS.items():
        trouves = re.findall(motif, code)
        if len(trouves) != EXCEPTIONS.get((regle, relatif(fichier)), 0):
            fautes.append(f"{regle} : {len(trouves)} fois")
    chaines = [v for genre, v, _ in jetons(source) if genre == "chaine"]
    fautes += [f"adresse d'un autre site : {c}" for c in chaines if ADRESSE_EXTERNE.search(c)]
    # A module imported by its literal address: ours, relative to the importing one.
    suite = iter(jetons(source))
    for genre, valeur, _ in suite:
        if genre == "code" and re.search(r"\b(import\s*\(|from)\s*$", valeur):
            adresse = next(suite)[1]
            if not adresse.startswith(("./", "../")):
                fautes.append(f"import d'une autre adresse : {adresse}")
    assert fautes == []


def test_le_seul_nouvel_onglet_vient_apres_son_avertissement():
    source = (THEME / "assets/js/composants/export.mjs").read_text(encoding="utf-8")
    ouvre = re.search(r"async ouvre\(url, declencheur\) \{\n(.*?)\n  \}", source, re.S).group(1)
    assert ouvre.index('this.confirme("onglet"') < ouvre.index('window.open(url, "_blank", "noopener")')


@pytest.mark.parametrize(
    "fichier", [f for f in FICHIERS if f.suffix == ".mjs" and relatif(f) not in WORKERS], ids=relatif
)
def test_aucun_etat_partage_en_haut_d_un_module(fichier):
    code = code_seul(fichier.read_text(encoding="utf-8"))
    haut, profondeur = [], 0
    for ligne in code.splitlines():
        if profondeur == 0:
            haut.append(ligne)
        profondeur += sum(ligne.count(c) for c in "{([") - sum(ligne.count(c) for c in "})]")
    fautes = [ligne for ligne in haut if re.match(r"\s*(export\s+)?(let|var)\b", ligne)]
    fautes += [
        ligne
        for ligne in haut
        if re.match(r"\s*(export\s+)?const\s+\w+\s*=\s*(new\s+(Map|Set|WeakMap|Array|Object)\b|[\[{])", ligne)
    ]
    assert fautes == []


def test_aucune_fonction_ne_depasse_80_lignes():
    longues = [
        f"{relatif(f)}:{debut} ({fin - debut + 1} lignes) {tete.strip()}"
        for f in FICHIERS
        for debut, fin, tete in fonctions(f.read_text(encoding="utf-8"))
        if fin - debut + 1 > LONGUEUR_MAX
    ]
    assert longues == []


def test_le_decoupage_reconnait_les_fonctions():
    """The measure itself: a 3-line method, an arrow, an object literal and an `if` apart."""
    source = "class A {\n  m(x) {\n    if (x) { return {a: 1}; }\n  }\n}\nconst f = (y) => {\n  return `${y}/`;\n};\n"
    assert [(d, f) for d, f, _ in fonctions(source)] == [(2, 4), (6, 8)]
    assert [(d, f) for d, f, _ in fonctions("(function () {\n  function g() {\n  }\n})();\n")] == [(2, 3)]
    assert code_seul("const r = /[/]'/g; // x\nconst s = 'a/b';").count("‹›") == 2


def test_le_worker_de_python_est_un_module():
    """Pyodide 314 runs only in a module worker (a classic one fails under `script-src 'self'`)."""
    code = (THEME / "assets/js/outils.mjs").read_text(encoding="utf-8")
    assert re.search(r"new Worker\([^;]*\{ type: \"module\" \}\)", code)
