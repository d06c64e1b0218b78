"""Chaque fichier de données et chaque définition de formulaire, vérifiés à la construction par
chaque moteur qui les lit : ce que les tests seuls vérifiaient (une mesure qui en requiert une
inconnue, une case absente du Cerfa, un fait inconnu dans une condition, un jour férié au « 02-30 »,
un formulaire qu'un outil remplit déclaré manuscrit) arrête la construction à sa ligne, au lieu
de finir en « erreur de l'outil » dans le navigateur d'une personne.

Chaque outil du registre (pyscripts/outils.py) nomme sa `verification`, `problemes(donnees,
formulaires)` → [(fichier sous content/, chemin des clés, message)] : elle reçoit les données telles
que le navigateur les lit (JSON), une fois par construction, après le schéma de chaque fichier
(generator/schemas/). Un chemin est un tuple de clés, ou le texte que nomme le message
(« baremes[2025].plafonds.totale »).
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path

from pyscripts import outils

from ..erreurs import ErreurDeContenu
from . import lecture, schema
from .formulaires import lignes_des_noeuds


def en_json(valeur):
    """Les données comme le navigateur les lit : dates en texte ISO (la roue embarque du JSON)."""
    return json.loads(json.dumps(valeur, default=lambda d: d.isoformat()))


def verifications() -> list:
    """La vérification de chaque outil du registre qui en déclare une."""
    sortie = []
    for outil in outils.OUTILS.values():
        if outil.verification:
            module, _, fonction = outil.verification.partition(":")
            sortie.append(getattr(importlib.import_module(module), fonction))
    return sortie


def problemes(dossier_contenu: Path, donnees: dict, formulaires: dict) -> list[ErreurDeContenu]:
    """Les problèmes que trouvent les moteurs, chacun à sa ligne. Appelé quand chaque fichier a passé
    son schéma : les moteurs supposent la forme juste et ne regardent que ce qui se croise."""
    donnees, formulaires = en_json(donnees), en_json(formulaires)
    trouves = [probleme for verification in verifications() for probleme in verification(donnees, formulaires)]
    lignes = _Lignes(dossier_contenu)
    return [
        ErreurDeContenu(f"content/{fichier}", lignes.de(fichier, chemin), message)
        for fichier, chemin, message in trouves
    ]


class _Lignes:
    """La ligne d'un chemin ; un fichier n'est relu (pour ses marques YAML) que s'il a un problème."""

    def __init__(self, dossier_contenu: Path):
        self.dossier_contenu = dossier_contenu
        self.noeuds: dict[str, object] = {}
        self.lignes: dict[str, dict[tuple, int]] = {}

    def de(self, fichier: str, chemin: tuple | str) -> int:
        if fichier not in self.noeuds:
            try:
                _, noeud = lecture.fichier_yaml(self.dossier_contenu / fichier, f"content/{fichier}")
            except lecture.LectureImpossible:
                noeud = None
            self.noeuds[fichier] = noeud
            self.lignes[fichier] = lignes_des_noeuds(noeud) if noeud is not None else {}
        if isinstance(chemin, str):
            return schema.ligne_du_chemin(self.noeuds[fichier], chemin)
        lignes = self.lignes[fichier]
        return next((lignes[chemin[:n]] for n in range(len(chemin), -1, -1) if chemin[:n] in lignes), 1)
