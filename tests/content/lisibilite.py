"""Ce qui se mesure des règles de « L'information pour tous » (Inclusion Europe / Unapei) sur
une page en version simple (`version_simple: true`), d'après son Markdown tel que la construction
le développe.

Mesuré ici :
- longueur des phrases : MOYENNE_MAX mots au plus en moyenne, jamais plus de PHRASE_MAX ;
- pas d'abréviation, sauf ABREVIATIONS_PERMISES quand leur sens est écrit sur la page ;
- pas de nombre en lettres (des chiffres seulement), pas de « on », pas d'italique, pas de « ; »
  au milieu d'une phrase ;
- chaque terme du lexique employé est expliqué là où il apparaît d'abord : `**terme** : explication`.

Non mesuré (à dire dans les relectures) : une idée par phrase, des mots de tous les jours, une
mise en page qui aide à lire, des images, et le test avec des lecteurs.

`python -m tests.content.lisibilite` affiche les chiffres de chaque page en version simple.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from generator.config import lit_config_du_site
from generator.contenu import formulaires, frontmatter, lexique
from generator.contenu.validation import Contenu, data_files, pages
from generator.mkdocs import macros
from generator.mkdocs.lexique import LexiqueExtension, _key
from tests.fixtures.chemins import REPO

ROOT = REPO
CONTENT = ROOT / "content"

MOYENNE_MAX = 15
PHRASE_MAX = 25
# Abréviations permises à une page qui en écrit le sens (le sens, en minuscules).
ABREVIATIONS_PERMISES = {"SMS": "message écrit"}
# Abréviations à point et symboles : jamais dans une page en version simple.
INTERDITES = re.compile(
    r"(?<!\w)(n°|art\.|etc\.|ex\.(?=\s*[:a-zà-ÿ(])|cf\.|c\.-à-d\.|Mme|Mlle|M\.|\d+\s?h\b|h/24|j/7|€|%)"
)
SIGLE = re.compile(r"(?<![\w-])[A-ZÀ-Ý]{2,}(?![\w-])")
NOMBRES_EN_LETTRES = re.compile(
    r"(?<![\w-])(deux|trois|quatre|cinq|six|sept|huit|dix|onze|douze|treize|quatorze|quinze|seize|"
    r"vingt|trente|quarante|cinquante|soixante|cent|mille)(?![\w-])",
    re.IGNORECASE,
)
ON = re.compile(r"(?<![\w'’-])on(?![\w'’-])", re.IGNORECASE)
ITALIQUE = re.compile(r"(?<![*\w])\*(?!\*)[^*\n]+?(?<!\*)\*(?![*\w])|(?<!\w)_[^_\n]+_(?!\w)")
POINT_VIRGULE = re.compile(r";(?!\s*$)", re.MULTILINE)
EXPLICATION = re.compile(r"^\*\*\s*:\s+\S")


@cache
def contexte():
    """La configuration du site et ce qu'une page cite (données, formulaires, lexique), lus sans vérifier les pages."""
    config = lit_config_du_site(ROOT)
    donnees, _ = data_files(CONTENT)
    termes, _ = lexique.lit_lexique(CONTENT)
    definitions, _ = formulaires.charge_tout(CONTENT, {t.slug for t in termes})
    return config, Contenu(termes, donnees, {d.id: d for d in definitions})


def pages_simples() -> list[Path]:
    return [
        p for p in pages(CONTENT) if frontmatter.lit_entete(p.read_text(encoding="utf-8")).data.get("version_simple")
    ]


def markdown_developpe(page: Path) -> str:
    """Le corps tel que la construction l'écrit : valeurs et libellés de formulaire en place, en-tête retiré."""
    config, contenu = contexte()
    texte = page.read_text(encoding="utf-8")
    _, debut = frontmatter.split(texte)
    corps = "\n".join(texte.split("\n")[debut - 1 :])
    return macros.expand(corps, config, contenu, "fr")


def _sans_balises(ligne: str) -> str:
    ligne = re.sub(r"\{[#:][^}]*\}", "", ligne)  # {#ancre}, {: .classe }
    ligne = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", ligne)  # [texte](lien) -> texte
    return ligne.replace("**", "")


def blocs(markdown: str) -> list[str]:
    """Titres, titres d'encadrés, paragraphes et éléments de liste, en texte brut (un par bloc)."""
    sortie, courant = [], []

    def ferme():
        if courant:
            sortie.append(" ".join(courant))
            courant.clear()

    for brute in markdown.split("\n"):
        ligne = brute.strip()
        if not ligne or ligne.startswith(("{:", "<div", "</div")):
            ferme()
            continue
        if titre := re.match(r'^!!!\s*\w+\s*"(.*)"', ligne):
            ferme()
            sortie.append(titre.group(1))
            continue
        if ligne.startswith("#") or re.match(r"^([-*]|\d+\.)\s", ligne):
            ferme()
            ligne = re.sub(r"^(#+|[-*]|\d+\.)\s*", "", ligne)
        courant.append(_sans_balises(ligne))
    ferme()
    return [b for b in (" ".join(b.split()) for b in sortie) if b]


def phrases(markdown: str) -> list[str]:
    return [p for b in blocs(markdown) for p in re.split(r"(?<=[.!?…])\s+", b) if mots(p)]


def mots(phrase: str) -> int:
    return sum(1 for m in phrase.split() if re.search(r"[^\W_]", m))


@dataclass
class Mesure:
    page: str
    phrases: int
    moyenne: float
    plus_longue: int
    phrase_la_plus_longue: str
    mots: int
    problemes: list[str] = field(default_factory=list)


def termes_non_expliques(markdown: str) -> list[str]:
    """Termes du lexique dont le premier emploi (hors titres, titres d'encadrés et liens) n'est pas
    `**… terme …** : …`."""
    config, contenu = contexte()
    ext = LexiqueExtension(contenu.termes)
    lignes, hors_lexique = [], False
    for ligne in markdown.split("\n"):
        # Le lieur du lexique saute titres, titres d'encadrés, liens et blocs `sans-lexique` (generator/lexique.py).
        if re.match(r"<div[^>]*class=\"[^\"]*\bsans-lexique\b", ligne.strip()):
            hors_lexique = True
        elif hors_lexique and ligne.strip() == "</div>":
            hors_lexique = False
        if hors_lexique or ligne.lstrip().startswith(("#", "!!!", "{:")):
            ligne = " " * len(ligne)
        lignes.append(re.sub(r"\[[^\]]*\]\([^)]*\)", lambda m: " " * len(m.group(0)), ligne))
    texte = "\n".join(lignes)
    vus, problemes = set(), []
    for m in ext.regex.finditer(texte):
        terme = ext.by_form[_key(m.group(0))]
        if terme.slug in vus:
            continue
        vus.add(terme.slug)
        avant = texte.rfind("**", 0, m.start())
        apres = texte.find("**", m.end())
        en_gras = (
            avant != -1 and apres != -1 and texte.count("**", 0, avant) % 2 == 0 and "\n" not in texte[avant:apres]
        )
        if not (en_gras and EXPLICATION.match(texte[apres:])):
            ligne = texte.count("\n", 0, m.start()) + 1
            problemes.append(f"« {m.group(0)} » (lexique : {terme.terme}), ligne {ligne} du texte : pas expliqué")
    return problemes


def mesure(page: Path) -> Mesure:
    md = markdown_developpe(page)
    liste = phrases(md)
    longueurs = [mots(p) for p in liste]
    longue = max(range(len(liste)), key=lambda i: longueurs[i])
    texte = "\n".join(blocs(md))
    prose = "\n".join(_sans_balises(ligne) for ligne in md.split("\n"))
    problemes = []
    for sigle in sorted(set(SIGLE.findall(texte))):
        sens = ABREVIATIONS_PERMISES.get(sigle)
        if sens is None or sens not in texte.lower():
            problemes.append(f"abréviation « {sigle} »" + (f" sans « {sens} »" if sens else ""))
    problemes += [f"abréviation ou symbole « {m} »" for m in sorted(set(INTERDITES.findall(texte)))]
    problemes += [f"nombre en lettres « {m} »" for m in sorted(set(NOMBRES_EN_LETTRES.findall(texte)))]
    problemes += ["« on » : écrivez « vous » ou nommez qui agit"] if ON.search(texte) else []
    problemes += [f"italique « {m.group(0)} »" for m in ITALIQUE.finditer(md)]
    problemes += [f"« ; » au milieu d'une phrase : « {m} »" for m in re.findall(r"[^\n]*;(?!\s*$)[^\n]*", prose, re.M)]
    problemes += termes_non_expliques(md)
    problemes += [
        f"phrase de {n} mots (plus de {PHRASE_MAX}) : « {p} »" for p, n in zip(liste, longueurs) if n > PHRASE_MAX
    ]
    moyenne = statistics.mean(longueurs)
    if moyenne > MOYENNE_MAX:
        problemes.append(f"phrases de {moyenne:.1f} mots en moyenne (plus de {MOYENNE_MAX})")
    return Mesure(
        page.relative_to(CONTENT).as_posix() if page.is_relative_to(CONTENT) else page.name,
        len(liste),
        round(moyenne, 1),
        longueurs[longue],
        liste[longue],
        sum(longueurs),
        problemes,
    )


if __name__ == "__main__":
    for p in pages_simples():
        m = mesure(p)
        print(
            f"{m.page}: {m.mots} mots, {m.phrases} phrases, {m.moyenne} mots en moyenne, la plus longue {m.plus_longue}"
        )
        for probleme in m.problemes:
            print("   ", probleme)
