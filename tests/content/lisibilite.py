"""What can be measured of the « L'information pour tous » rules (Inclusion Europe / Unapei)
on an easy-read page (`version_simple: true`), from its Markdown as the build expands it.

Measured here:
- sentence length: at most MOYENNE_MAX words on average, never more than PHRASE_MAX;
- no abbreviation, except ABREVIATIONS_PERMISES when their meaning is written on the page;
- no written-out number (digits only), no « on », no italics, no « ; » inside a sentence;
- every lexique term used is explained where it first appears: `**terme** : explication`.

Not measured (say so in reviews): one idea per sentence, everyday words, a layout that
helps reading, pictures, and testing with readers.

`python -m tests.content.lisibilite` prints the figures of every easy-read page.
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
# Abbreviations a page may use once their meaning is written on it (the meaning, in lower case).
ABREVIATIONS_PERMISES = {"SMS": "message écrit"}
# Dotted abbreviations and symbols: never in an easy-read page.
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
    """The site configuration, and what a page cites (data, forms, lexique), read without checking the pages."""
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
    """The body as the build writes it: values and form labels in place, front matter removed."""
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
    """Headings, box titles, paragraphs and list items, as plain text (one per block)."""
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
    """Lexique terms whose first use (outside headings, box titles and links) is not `**… terme …** : …`."""
    config, contenu = contexte()
    ext = LexiqueExtension(contenu.termes)
    lignes, hors_lexique = [], False
    for ligne in markdown.split("\n"):
        # The linker skips headings, box titles, links and `sans-lexique` blocks (generator/lexique.py).
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
