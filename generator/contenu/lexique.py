"""Le lexique : content/lexique.yml lu et vérifié, et sa page.

Les termes sont liés dans chaque page par generator/mkdocs/lexique.py.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..erreurs import ErreurDeContenu
from . import frontmatter, lecture

FILE = "lexique.yml"
PAGE = "lexique.md"
KEYS_REQUIRED = {"terme", "definition"}
KEYS_OPTIONAL = {"variantes", "voir", "renvoi"}


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def sort_key(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


@dataclass
class Terme:
    terme: str
    definition: str
    line: int
    variantes: list[str] = field(default_factory=list)
    voir: list[str] = field(default_factory=list)
    renvoi: str | None = None  # un ancien mot : le terme qui l'explique aujourd'hui
    titres: dict[str, str] = field(default_factory=dict)  # page de `voir` → son titre (le texte du lien)

    @property
    def slug(self) -> str:
        return slugify(self.terme)

    def formes(self) -> list[str]:
        return [self.terme, *self.variantes]


def lit_lexique(dossier_contenu: Path) -> tuple[list[Terme], list[ErreurDeContenu]]:
    path = dossier_contenu / FILE
    rel = f"content/{FILE}"
    if not path.is_file():
        return [], []
    text = path.read_text(encoding="utf-8")
    try:
        data, node = lecture.yaml_avec_lignes(text, rel)  # un passage de libyaml, erreurs à leur ligne
    except lecture.LectureImpossible as exc:
        return [], [exc.erreur]
    if node is None:  # fichier vide
        return [], []
    if not isinstance(data, list):
        return [], [ErreurDeContenu(rel, 1, "le lexique doit être une liste de termes (- terme: …)")]
    termes, errors, seen = [], [], {}
    for item, item_node in zip(data, node.value):
        line = item_node.start_mark.line + 1
        if not isinstance(item, dict):
            errors.append(
                ErreurDeContenu(rel, line, "chaque entrée doit être une table avec « terme » et « definition »")
            )
            continue
        errors += [
            ErreurDeContenu(rel, line, f"champ obligatoire manquant : « {k} »")
            for k in sorted(KEYS_REQUIRED - item.keys())
        ]
        errors += [
            ErreurDeContenu(rel, line, f"champ inconnu : « {k} »")
            for k in sorted(item.keys() - KEYS_REQUIRED - KEYS_OPTIONAL)
        ]
        if not KEYS_REQUIRED <= item.keys():
            continue
        terme = Terme(
            str(item["terme"]).strip(),
            " ".join(str(item["definition"]).split()),
            line,
            [str(v) for v in item.get("variantes") or []],
            [str(v) for v in item.get("voir") or []],
            str(item["renvoi"]).strip() if item.get("renvoi") else None,
        )
        errors += [ErreurDeContenu(rel, line, m) for m in _trop_longs(terme)]
        for voir in terme.voir:
            if not (dossier_contenu / voir).is_file():
                errors.append(ErreurDeContenu(rel, line, f"« {terme.terme} » : la page liée « {voir} » n'existe pas"))
            else:
                terme.titres[voir] = _titre(dossier_contenu / voir)
        for forme in terme.formes():
            key = forme.lower()
            if key in seen:
                errors.append(ErreurDeContenu(rel, line, f"« {forme} » est déjà défini ligne {seen[key]}"))
            seen[key] = line
        termes.append(terme)
    noms = {t.terme for t in termes}
    errors += [
        ErreurDeContenu(rel, t.line, f"« {t.terme} » : renvoi à « {t.renvoi} », qui n'est pas un terme du lexique")
        for t in termes
        if t.renvoi and t.renvoi not in noms
    ]
    return termes, errors


def _titre(page: Path) -> str:
    """Le titre d'une page (son en-tête `titre`), le texte d'un lien « Voir : » ; son chemin sans titre."""
    try:
        titre = frontmatter.lit_entete(page.read_text(encoding="utf-8")).data.get("titre")
    except ValueError:
        titre = None  # l'en-tête mal formé est signalé par la vérification des pages
    return str(titre) if titre else page.name


# Bornes d'un terme et de sa définition : lus d'un coup d'œil, cherchés dans chaque page.
TERME_MAXIMUM = 100
DEFINITION_MAXIMUM = 1500


def _trop_longs(t: Terme) -> list[str]:
    sortie = [
        f"« {forme[:40]}… » : terme trop long ({len(forme)} caractères, {TERME_MAXIMUM} au plus)"
        for forme in t.formes()
        if len(forme) > TERME_MAXIMUM
    ]
    if len(t.definition) > DEFINITION_MAXIMUM:
        sortie.append(
            f"« {t.terme[:40]} » : définition trop longue ({len(t.definition)} caractères, "
            f"{DEFINITION_MAXIMUM} au plus) : gardez l'essentiel, le détail va dans une page"
        )
    return sortie


def texte(valeur: str) -> str:
    """Un texte de rédacteur placé dans du Markdown produit : son HTML se lit comme du texte (jamais une balise)."""
    return html.escape(valeur, quote=False)


def markdown_de_page(termes: list[Terme]) -> str:
    """La page du lexique, tirée de lexique.yml (ancres = slugs)."""
    lines = [
        "---",
        "titre: Lexique",
        "description: Les mots de la justice expliqués simplement.",
        "type: page",
        "pdf: true",
        "---",
        "",
        "# Lexique",
        "",
        "Les mots de la justice, expliqués simplement. Dans les autres pages, "
        "ces mots sont soulignés en pointillés : touchez-les pour lire leur définition.",
        "",
    ]
    letters = sorted({sort_key(t.terme)[0].upper() for t in termes})
    if letters:
        lines += [
            "Aller à la lettre : " + " · ".join(f"[{lettre}](#lettre-{lettre.lower()})" for lettre in letters),
            "",
            '<div class="lexique" markdown>',
            "",
        ]
    current = None
    for t in sorted(termes, key=lambda t: sort_key(t.terme)):
        letter = sort_key(t.terme)[0].upper()
        if letter != current:
            lines += [f"## {letter} {{#lettre-{letter.lower()}}}", ""]
            current = letter
        # Le texte du rédacteur comme texte, comme sur les autres pages qu'il atteint : « <b> » se lit, ne s'applique pas.
        lines += [f"### {texte(t.terme)} {{#{t.slug}}}", "", texte(t.definition), ""]
        if t.renvoi:
            lines += [f"Aujourd'hui : [{texte(t.renvoi)}](#{slugify(t.renvoi)}).", ""]
        if t.variantes:
            lines += ["*Aussi : " + ", ".join(map(texte, t.variantes)) + ".*", ""]
        if t.voir:
            lines += ["Voir : " + ", ".join(f"[{texte(t.titres.get(v, v))}]({v})" for v in t.voir), ""]
    if letters:
        lines += ["</div>", ""]
    return "\n".join(lines)


def definitions(termes: list[Terme]) -> dict[str, str]:
    """slug → définition, pour les gabarits (theme/partials/lexique.html)."""
    return {t.slug: t.definition for t in termes}
