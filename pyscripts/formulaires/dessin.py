"""Écrire du texte dans un flux de contenu PDF, avec les polices du gabarit (Identity-H : deux
octets par glyphe). L'arabe est dessiné dans l'ordre visuel, en formes de présentation ; la table
ToUnicode de sa police les lit comme des lettres (generator/sorties/polices.py), et les lecteurs
(pdftotext, copier-coller) remettent une suite de droite à gauche dans l'ordre logique.
"""

from __future__ import annotations

from .mise_en_page import Ligne
from .polices import Polices


def nombre(x: float) -> str:
    texte = f"{x:.3f}".rstrip("0").rstrip(".")
    return texte if texte not in ("-0", "") else "0"


def morceaux(visuel: str, polices: Polices) -> list[tuple[object, str]]:
    """La ligne découpée en suites de caractères d'une même police : [(police, texte)]."""
    sortie: list[tuple[object, str]] = []
    for c in visuel:
        police = polices.pour(c)
        if police is None:
            continue  # refusé avant (ecriture.refus) : ne peut arriver qu'avec un PDF vierge étranger
        if sortie and sortie[-1][0] is police:
            sortie[-1] = (police, sortie[-1][1] + c)
        else:
            sortie.append((police, c))
    return sortie


def ligne(texte_ligne: Ligne, x: float, y: float, taille: float, polices: Polices, utilisees: dict) -> str:
    """Les opérateurs qui dessinent une ligne, son début de ligne de base en (x, y)."""
    ops = [f"1 0 0 1 {nombre(x)} {nombre(y)} Tm"]
    for police, texte in morceaux(texte_ligne.visuel, polices):
        utilisees[police.nom] = police
        glyphes = "".join(f"{police.glyphes[ord(c)]:04X}" for c in texte)
        ops.append(f"{police.nom} {nombre(taille)} Tf <{glyphes}> Tj")
    return "\n".join(ops)


def ressources_polices(utilisees: dict):
    from pypdf.generic import DictionaryObject, NameObject

    return DictionaryObject(
        {
            NameObject("/Font"): DictionaryObject(
                {NameObject(nom): police.ref for nom, police in sorted(utilisees.items())}
            )
        }
    )
