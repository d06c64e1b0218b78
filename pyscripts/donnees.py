"""Accès aux paramètres datés (content/data/*.yml) depuis CPython comme depuis Pyodide.

Dans la roue livrée au navigateur, la construction a converti chaque fichier
YAML en JSON dans `pyscripts/_donnees/NOM.json` : on le lit avec la seule
bibliothèque standard. Dans un dépôt cloné (tests, ligne de commande), on lit
directement `content/data/NOM.yml` avec PyYAML, pour qu'une modification de
barème se voie sans reconstruire.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path

_ICI = Path(__file__).resolve().parent
DOSSIER_EMBARQUE = _ICI / "_donnees"
DOSSIER_SOURCE = _ICI.parent / "content" / "data"


@cache
def charge(nom: str) -> dict:
    """Renvoie le contenu du fichier de paramètres `nom` (sans extension)."""
    return lit(DOSSIER_EMBARQUE / f"{nom}.json", DOSSIER_SOURCE / f"{nom}.yml")


def lit(embarque: Path, source: Path):
    """Le JSON `embarque` (dans la roue), sinon le YAML `source` (dans un dépôt cloné).
    Sert aussi aux définitions de formulaires (pyscripts/formulaires/definition.py)."""
    if embarque.is_file():
        return json.loads(embarque.read_text(encoding="utf-8"))
    if not source.is_file():
        raise FileNotFoundError(f"introuvable : ni {embarque} ni {source}")
    import yaml  # CPython seulement : la roue embarque du JSON

    # Le chargeur C de libyaml quand il est là (5 à 10 fois plus rapide que le chargeur Python).
    chargeur = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return _dates_en_texte(yaml.load(source.read_text(encoding="utf-8"), Loader=chargeur))


def _dates_en_texte(valeur):
    """YAML lit `2025-01-01` comme une date ; JSON non. On normalise en texte ISO
    pour que CPython et Pyodide voient exactement les mêmes données."""
    if isinstance(valeur, dict):
        return {str(_dates_en_texte(k)): _dates_en_texte(v) for k, v in valeur.items()}
    if isinstance(valeur, list):
        return [_dates_en_texte(v) for v in valeur]
    if hasattr(valeur, "isoformat") and not isinstance(valeur, str):
        return valeur.isoformat()
    return valeur


def en_json(nom: str) -> str:
    """Texte JSON canonique d'un fichier de paramètres (utilisé par la construction)."""
    return json.dumps(charge(nom), ensure_ascii=False, sort_keys=True, indent=1)


# ── Paramètres datés (à la manière d'OpenFisca) ──────────────────────────────
# Un paramètre daté est une liste d'entrées `{applicable_du: AAAA-MM-JJ, valeur, source,
# verifie_le}` ; la valeur qui s'applique un jour donné est celle de la dernière entrée
# dont `applicable_du` est antérieure ou égale à ce jour.


def valeur_au(liste: list[dict], jour: date) -> dict:
    """L'entrée datée en vigueur le `jour` ; LookupError si aucune ne l'est encore."""
    en_vigueur = [e for e in liste if date.fromisoformat(e["applicable_du"]) <= jour]
    if not en_vigueur:
        raise LookupError(f"aucune valeur en vigueur le {jour.isoformat()}")
    return max(en_vigueur, key=lambda e: date.fromisoformat(e["applicable_du"]))


def prochaine_date(liste: list[dict], jour: date) -> date | None:
    """Le jour où l'entrée en vigueur le `jour` cesse de s'appliquer (None : toujours en vigueur)."""
    suivantes = sorted(
        date.fromisoformat(e["applicable_du"]) for e in liste if date.fromisoformat(e["applicable_du"]) > jour
    )
    return suivantes[0] if suivantes else None
