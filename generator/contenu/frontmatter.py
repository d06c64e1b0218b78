"""L'en-tête des pages de content/ : lu avec ses numéros de ligne, vérifié par un seul schéma."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pyscripts import outils

from . import lecture

TYPES = ("accueil", "guide", "notice", "modele", "outil", "page")
REQUIRED = ("titre", "description", "type", "verifie_le", "sources")
OPTIONAL = (
    "pdf",
    "outil",
    "formulaire",
    "pyodide_paquets",
    "langue",
    "version_simple",
    "traduction_de",
    "traduction_de_empreinte",
    "relecture",
    "urgences_en_haut",
)
# formulaire: <id> montre content/formulaires/<id>.yml ; pyodide_paquets : les roues en plus que l'outil
# de la page peut charger (par ex. [pypdf] ; generator/sorties/pyodide.py ne livre que celles demandées).
# `outil: aj` place le gabarit de l'outil (theme/outils/aj.html) dans la page, à une ligne `<!-- outil -->`
# ou avant le texte ; une page ne peut nommer qu'un outil du registre (pyscripts/outils.py).
# Une traduction ou une version simple (version_simple: true) nomme sa page française (traduction_de),
# l'empreinte sha256 de cette page (12 premiers caractères hexadécimaux, traduction_de_empreinte), sa langue
# (langue: en | ar | fr) et qui l'a relue (relecture).
# urgences_en_haut: true met les numéros `en_haut` de data/urgences.yml en haut de la page (premier écran
# d'un téléphone) : l'accueil et les pages où une personne peut être en danger.
SOURCE_KEYS = {"titre", "url"}


@dataclass
class FrontMatter:
    data: dict
    lines: dict[str, int]  # clé → numéro de ligne dans le fichier
    body_line: int  # première ligne du corps Markdown (à partir de 1)


def split(text: str) -> tuple[str | None, int]:
    """(texte YAML ou None, ligne où commence le corps)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, 1
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            return "\n".join(lines[1:i]), i + 2
    return None, 1


def lit_entete(text: str) -> FrontMatter:
    """ValueError(ligne, message) pour un YAML mal formé ; sans en-tête, des données vides."""
    raw, body_line = split(text)
    if raw is None:
        return FrontMatter({}, {}, body_line)
    try:
        data, node = lecture.yaml_avec_lignes(raw, "", decalage=1)
    except lecture.LectureImpossible as exc:
        raise ValueError(exc.erreur.line, f"en-tête {exc.erreur.message}") from None
    data = {} if data is None else data
    if not isinstance(data, dict):
        raise ValueError(2, "l'en-tête YAML doit être une table clé: valeur")
    lines = {k.value: k.start_mark.line + 2 for k, _ in node.value} if node else {}
    return FrontMatter(data, lines, body_line)


def problems(fm: FrontMatter) -> list[tuple[int, str]]:
    """Chaque problème, en (ligne, message en français)."""
    if not fm.lines and not fm.data:
        return [
            (1, "en-tête YAML manquant (la page doit commencer par ---, titre, description, type, verifie_le, sources)")
        ]
    out: list[tuple[int, str]] = []

    def line(key: str) -> int:
        return fm.lines.get(key, 1)

    for key in REQUIRED:
        if key not in fm.data or fm.data[key] in (None, "", []):
            out.append((1, f"champ obligatoire manquant : « {key} »"))
    for key in fm.data:
        if key not in REQUIRED and key not in OPTIONAL:
            out.append((line(key), f"champ inconnu : « {key} » (autorisés : {', '.join(REQUIRED + OPTIONAL)})"))
    d = fm.data
    for key in ("titre", "description"):
        if key in d and d[key] is not None and not isinstance(d[key], str):
            out.append((line(key), f"« {key} » doit être un texte"))
    if d.get("type") is not None and d.get("type") not in TYPES:
        out.append((line("type"), f"type inconnu « {d['type']} » (autorisés : {', '.join(TYPES)})"))
    if d.get("verifie_le") is not None:
        if not isinstance(d["verifie_le"], dt.date):
            out.append((line("verifie_le"), "« verifie_le » doit être une date AAAA-MM-JJ"))
        elif d["verifie_le"] > dt.date.today():
            out.append((line("verifie_le"), "« verifie_le » est dans le futur"))
    for key in ("pdf", "urgences_en_haut"):
        if key in d and not isinstance(d[key], bool):
            out.append((line(key), f"« {key} » doit valoir true ou false"))
    if "outil" in d and d["outil"] not in (permis := outils.pages()):
        out.append((line("outil"), f"outil inconnu « {d['outil']} » (autorisés : {', '.join(permis)})"))
    elif "outil" in d and d.get("type") != "outil":
        out.append((line("outil"), "« outil » ne va qu'avec « type: outil »"))
    if "pyodide_paquets" in d and not (
        isinstance(d["pyodide_paquets"], list) and all(isinstance(p, str) for p in d["pyodide_paquets"])
    ):
        out.append(
            (line("pyodide_paquets"), "« pyodide_paquets » doit être une liste de noms de paquets, par ex. [pypdf]")
        )
    if d.get("sources") is not None:
        out += [(line("sources"), msg) for msg in _source_problems(d["sources"])]
    return out


def _source_problems(sources) -> list[str]:
    if not isinstance(sources, list) or not sources:
        return ["« sources » doit être une liste non vide de {titre, url}"]
    out = []
    for i, src in enumerate(sources, start=1):
        if not isinstance(src, dict) or not isinstance(src.get("titre"), str):
            out.append(f"source n° {i} : « titre » (texte) obligatoire")
            continue
        if unknown := set(src) - SOURCE_KEYS:
            out.append(f"source n° {i} : champ inconnu {', '.join(sorted(unknown))}")
        if "url" in src and not str(src["url"]).startswith("https://"):
            out.append(f"source n° {i} : l'adresse doit commencer par https://")
    return out
