"""Chaque script du thème (theme/**/*.js, *.mjs), lu comme source : rien de ce qu'une personne tape ne
peut être gardé, envoyé ou exécuté comme du code, et le code garde la forme de ses composants.

- aucun stockage (cookie, Web Storage, IndexedDB, Cache API, service worker), aucun appel du genre eval,
  aucun HTML analysé depuis du texte (innerHTML…, document.write), aucune adresse d'un autre site,
  aucune API de requête sauf fetch de nos propres fichiers, aucune entrée d'historique, aucun nouvel
  onglet sauf un (le PDF rempli, après son avertissement) ;
- aucun état modifiable en tête de module (un second montage d'un composant le partagerait) : `let`
  et `var` vivent dans des fonctions ou des instances, les constantes de tête sont gelées ou des fonctions ;
- aucune fonction de plus de 80 lignes.

Les sources sont découpées en jetons (chaînes, gabarits, expressions régulières et commentaires
distingués), pour qu'un mot d'un commentaire ou d'une chaîne ne soit jamais pris pour du code, ni l'inverse.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.fixtures.chemins import REPO

THEME = REPO / "theme"
FICHIERS = sorted(p for p in THEME.rglob("*") if p.suffix in (".js", ".mjs"))
LONGUEUR_MAX = 80

# Ce qu'aucun script ne peut faire, en motif sur le code (commentaires et contenu des chaînes retirés).
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
# Les rares endroits où une règle a une raison de plier, chacun dit une fois.
EXCEPTIONS = {
    # Le PDF rempli ouvert pour être imprimé, seulement après l'avertissement « onglet » (Export.ouvre).
    ("nouvel onglet", "assets/js/composants/export.mjs"): 1,
    # Le worker de recherche est un worker classique qui charge les fichiers de lunr et lit l'index
    # du site (même origine).
    ("ancien worker", "search/worker.js"): 1,
    ("requête hors fetch", "search/worker.js"): 1,
    # Le dossier du runtime de Pyodide porte sa version : ses deux scripts (pyodide.mjs, pyodide.asm.mjs
    # demandé en même temps) importés depuis l'URL que donne la page, vérifiée d'abord comme de notre
    # origine (urlDonnee).
    ("import d'une adresse calculée", "assets/js/outils-worker.mjs"): 2,
    # Un ancien lien « recherche.html?q=… » : la requête est lue une fois, puis effacée de la barre d'adresse.
    ("modification de l'historique", "search/main.js"): 1,
}
ADRESSE_EXTERNE = re.compile(r"(?:https?|wss?|ftp)://|^//\w", re.IGNORECASE)
MOTS_AVANT_REGEX = ("return", "typeof", "case", "in", "of")
WORKERS = {"assets/js/outils-worker.mjs", "search/worker.js"}  # une instance de module par worker : son propre état


def jetons(source: str) -> list[tuple[str, str, int]]:
    """(genre, texte, ligne) de la source : suites de "code", "chaine" (chaîne ou texte de gabarit), "regex" ;
    les commentaires sont écartés. Un `/` ouvre une expression régulière là où une expression peut commencer."""
    sortie, i, ligne, n = [], 0, 1, len(source)
    code, debut_code = [], 1
    pile_gabarits: list[int] = []  # profondeur d'accolades à chaque `${` des gabarits en cours de lecture
    profondeur = 0

    def pousse_code():
        nonlocal code
        if code:
            sortie.append(("code", "".join(code), debut_code))
            code = []

    def dernier_mot(texte: str) -> str:
        """Le dernier identifiant de `texte`, ou son dernier caractère."""
        mot = re.search(r"[A-Za-z_$0-9]+$", texte)
        return mot.group() if mot else texte[-1]

    def precedent_significatif() -> str:
        texte = "".join(code).rstrip()
        if texte:
            return dernier_mot(texte)
        for genre, valeur, _ in reversed(sortie):
            if genre != "code":
                return "x"  # après une chaîne ou une regex : une division
            if valeur.rstrip():
                return dernier_mot(valeur.rstrip())
        return "("

    def lis_gabarit(j: int) -> int:
        """Lit le texte de gabarit depuis j (après ` ou }) jusqu'à sa fin ou à un `${` ; rend l'indice qui suit."""
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
    """Le code, chaque chaîne, texte de gabarit et regex remplacé par un bouche-trou."""
    return "".join(valeur if genre == "code" else " ‹› " for genre, valeur, _ in jetons(source))


def relatif(fichier: Path) -> str:
    return fichier.relative_to(THEME).as_posix()


def fonctions(source: str) -> list[tuple[int, int, str]]:
    """(première ligne, dernière ligne, tête) du corps de chaque fonction : `function …(…) {`, une méthode
    `nom(…) {`, une fonction fléchée `=> {`. Les accolades des objets, des classes et des blocs de contrôle
    ne sont pas des fonctions, ni l'enveloppe `(function () { … })();` en tête d'un script classique : c'est
    sa portée, dont chaque fonction est mesurée."""
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
                est_fonction = False  # la portée d'un script classique
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
    # Un module importé par son adresse littérale : la nôtre, relative au module qui l'importe.
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
    """La mesure elle-même : une méthode de 3 lignes, une fonction fléchée, un objet littéral et un `if`
    distingués."""
    source = "class A {\n  m(x) {\n    if (x) { return {a: 1}; }\n  }\n}\nconst f = (y) => {\n  return `${y}/`;\n};\n"
    assert [(d, f) for d, f, _ in fonctions(source)] == [(2, 4), (6, 8)]
    assert [(d, f) for d, f, _ in fonctions("(function () {\n  function g() {\n  }\n})();\n")] == [(2, 3)]
    assert code_seul("const r = /[/]'/g; // x\nconst s = 'a/b';").count("‹›") == 2


def test_le_worker_de_python_est_un_module():
    """Pyodide 314 ne tourne que dans un worker module (un worker classique échoue sous `script-src 'self'`)."""
    code = (THEME / "assets/js/outils.mjs").read_text(encoding="utf-8")
    assert re.search(r"new Worker\([^;]*\{ type: \"module\" \}\)", code)
