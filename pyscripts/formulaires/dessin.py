"""Écrire du texte dans un flux de contenu PDF, avec les polices du gabarit (Identity-H : deux
octets par glyphe). Une ligne façonnée ou remise dans l'ordre de dessin porte son texte logique
en /ActualText : le texte extrait (copier-coller, lecteur d'écran, pdftotext) est celui que la
personne a écrit, dans son ordre.
"""

from __future__ import annotations

from .mise_en_page import Ligne
from .polices import Polices


def nombre(x: float) -> str:
    texte = f"{x:.3f}".rstrip("0").rstrip(".")
    return texte if texte not in ("-0", "") else "0"


def _chaine_texte(texte: str) -> str:
    """Une chaîne PDF en UTF-16BE (avec BOM), en hexadécimal."""
    return "<FEFF" + texte.encode("utf-16-be").hex().upper() + ">"


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
    corps = "\n".join(ops)
    if texte_ligne.logique != texte_ligne.visuel:
        return f"/Span <</ActualText {_chaine_texte(texte_ligne.logique)}>> BDC\n{corps}\nEMC"
    return corps


def ressources_polices(utilisees: dict):
    from pypdf.generic import DictionaryObject, NameObject

    return DictionaryObject(
        {
            NameObject("/Font"): DictionaryObject(
                {NameObject(nom): police.ref for nom, police in sorted(utilisees.items())}
            )
        }
    )
