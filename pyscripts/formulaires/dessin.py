"""Écrire du texte dans un flux de contenu PDF, avec les polices du gabarit (Identity-H : deux
octets par glyphe). L'arabe est dessiné dans l'ordre visuel, en formes de présentation ; la table
ToUnicode de sa police les lit comme des lettres (generator/sorties/polices.py), et les lecteurs
(pdftotext, copier-coller) remettent une suite de droite à gauche dans l'ordre logique.
"""

from __future__ import annotations

import unicodedata

from . import ecriture
from .mise_en_page import Ligne
from .polices import Polices


def nombre(x: float) -> str:
    texte = f"{x:.3f}".rstrip("0").rstrip(".")
    return texte if texte not in ("-0", "") else "0"


# Où va un signe diacritique : au-dessus ou au-dessous de sa lettre (classes combinatoires d'Unicode ;
# celles de l'arabe, 27 à 35, sont propres à chaque haraka).
_DESSUS = {230, 27, 28, 30, 31, 33, 34, 35}
_DESSOUS = {220, 29, 32}
ECART = 60  # entre une lettre et son signe, ou deux signes empilés, en millièmes de cadratin
SHADDA = "\u0651"


def ligne(texte_ligne: Ligne, x: float, y: float, taille: float, polices: Polices, utilisees: dict) -> str:
    """Les opérateurs qui dessinent une ligne (dans un objet texte BT … ET), son début de ligne de base
    en (x, y). Un signe sans chasse (haraka, point, accent non composé) est dessiné en tracé, centré sur
    sa lettre et écarté d'elle ou du signe précédent : sans positionnement OpenType, il tomberait sur la
    lettre voisine. Son texte reste dans la ligne, invisible, là où les lecteurs (pdftotext, copier-coller)
    l'attendent pour rendre le texte écrit : collé à sa lettre, avant elle dans une suite de droite à
    gauche (qu'ils relisent à l'envers)."""
    ops = [f"1 0 0 1 {nombre(x)} {nombre(y)} Tm"]
    echelle = taille / 1000
    stylo = x
    flux = _Flux(ops, taille)
    for police, lettre, marques in _grappes(texte_ligne.visuel, polices):
        utilisees[police.nom] = police
        for p, _ in marques:
            utilisees[p.nom] = p
        places = _place(police, lettre, marques)
        rtl = unicodedata.bidirectional(lettre) in ("R", "AL")
        invisibles = bool(places)
        if rtl:
            for p, c in reversed(marques):
                flux.ecrit(p, c, invisibles)
        flux.ecrit(police, lettre)
        if not rtl:
            for p, c in marques:
                flux.ecrit(p, c, invisibles)
        if places:
            traces = [
                _trace(p.contours(c), stylo + dx * echelle, y + dy * echelle, echelle) for p, c, (dx, dy) in places
            ]
            flux.trace(" ".join(traces), stylo + police.largeur(lettre) * echelle, y)
        stylo += police.largeur(lettre) * echelle
    flux.vide()
    if flux.invisible:
        ops.append("0 Tr")
    return "\n".join(ops)


class _Flux:
    """Les glyphes qui se suivent dans une même police et un même mode en un seul Tj ; Tf et Tr
    seulement quand ils changent."""

    def __init__(self, ops: list[str], taille: float):
        self.ops, self.taille = ops, taille
        self.police = None  # celle du dernier Tf
        self.invisible = False  # 3 Tr : le texte d'un signe dessiné en tracé
        self.glyphes = ""

    def ecrit(self, police, c: str, invisible: bool = False) -> None:
        if police is not self.police or invisible != self.invisible:
            self.vide()
        if police is not self.police:
            self.ops.append(f"{police.nom} {nombre(self.taille)} Tf")
            self.police = police
        if invisible != self.invisible:
            self.ops.append("3 Tr" if invisible else "0 Tr")
            self.invisible = invisible
        self.glyphes += f"{police.glyphes[ord(c)]:04X}"

    def trace(self, chemins: str, x: float, y: float) -> None:
        """Un tracé hors de l'objet texte (ET … BT), puis la ligne reprend en (x, y)."""
        self.vide()
        self.ops.append(f"ET q {chemins} f Q BT")
        self.ops.append(f"1 0 0 1 {nombre(x)} {nombre(y)} Tm")

    def vide(self) -> None:
        if self.glyphes:
            self.ops.append(f"<{self.glyphes}> Tj")
            self.glyphes = ""


def _trace(contours: list, x: float, y: float, echelle: float) -> str:
    """Les contours TrueType (courbes du second degré) en chemin PDF (courbes de Bézier cubiques), à l'origine (x, y)."""
    ops = []

    def point(px: float, py: float) -> str:
        return f"{nombre(x + px * echelle)} {nombre(y + py * echelle)}"

    for contour in contours:
        if not contour:
            continue
        # Commencer sur un point de la courbe (entre deux points hors courbe : leur milieu).
        debut = next((i for i, (_, _, sur) in enumerate(contour) if sur), None)
        if debut is None:
            (x0, y0, _), (x1, y1, _) = contour[0], contour[1 % len(contour)]
            contour = [((x0 + x1) / 2, (y0 + y1) / 2, True), *contour[1:], contour[0]]
            debut = 0
        points = contour[debut:] + contour[:debut]
        cx, cy = points[0][0], points[0][1]
        ops.append(f"{point(cx, cy)} m")
        controle = None
        for px, py, sur in [*points[1:], points[0]]:
            if not sur:
                if controle is not None:  # deux points hors courbe : un point de la courbe entre eux
                    mx, my = (controle[0] + px) / 2, (controle[1] + py) / 2
                    ops.append(_quadratique(point, cx, cy, *controle, mx, my))
                    cx, cy = mx, my
                controle = (px, py)
            elif controle is not None:
                ops.append(_quadratique(point, cx, cy, *controle, px, py))
                cx, cy, controle = px, py, None
            else:
                ops.append(f"{point(px, py)} l")
                cx, cy = px, py
        ops.append("h")
    return " ".join(ops)


def _quadratique(point, x0: float, y0: float, qx: float, qy: float, x1: float, y1: float) -> str:
    """Une courbe du second degré en courbe cubique (mêmes extrémités, contrôles aux deux tiers)."""
    c1 = point(x0 + 2 / 3 * (qx - x0), y0 + 2 / 3 * (qy - y0))
    c2 = point(x1 + 2 / 3 * (qx - x1), y1 + 2 / 3 * (qy - y1))
    return f"{c1} {c2} {point(x1, y1)} c"


def _grappes(visuel: str, polices: Polices) -> list[tuple[object, str, list[tuple[object, str]]]]:
    """[(police, lettre, [(police, signe sans chasse)…])] : chaque lettre avec les signes qui la suivent
    (ordre visuel après la règle L3 : ecriture.ordre_visuel)."""
    sortie: list = []
    for c in visuel:
        police = polices.pour(c)
        if police is None:
            continue  # refusé avant (ecriture.refus) : ne peut arriver qu'avec un PDF vierge étranger
        if sortie and ecriture.marque(c) and police.largeur(c) == 0:
            sortie[-1][2].append((police, c))
        else:
            sortie.append((police, c, []))
    return sortie


def _place(police, lettre: str, marques: list) -> list[tuple[object, str, tuple[float, float]]]:
    """Pour chaque signe, dans l'ordre écrit : (police, signe, (dx, dy)) depuis l'origine de la lettre,
    en millièmes de cadratin. Centré sur l'encre de la lettre ; au-dessus ou au-dessous d'elle et des
    signes déjà posés. La chadda se pose avant la voyelle qui l'accompagne (l'ordre canonique, NFC,
    les inverse). Vide si un glyphe n'a pas de boîte : les signes sont alors dessinés à la suite."""
    boite_lettre = police.boite(lettre)
    if not marques or boite_lettre is None:
        return []
    haut, bas = boite_lettre[3], boite_lettre[1]
    centre = (boite_lettre[0] + boite_lettre[2]) / 2
    decalages = {}
    for i, (p, c) in sorted(enumerate(marques), key=lambda e: e[1][1] != SHADDA):
        boite = p.boite(c)
        if boite is None or not p.contours(c):
            return []
        classe = unicodedata.combining(c)
        dy = 0.0
        if classe in _DESSUS:
            dy = max(0.0, haut + ECART - boite[1])
            haut = boite[3] + dy
        elif classe in _DESSOUS:
            dy = min(0.0, bas - ECART - boite[3])
            bas = boite[1] + dy
        decalages[i] = (centre - (boite[0] + boite[2]) / 2, dy)
    return [(p, c, decalages[i]) for i, (p, c) in enumerate(marques)]


def ressources_polices(utilisees: dict):
    from pypdf.generic import DictionaryObject, NameObject

    return DictionaryObject(
        {
            NameObject("/Font"): DictionaryObject(
                {NameObject(nom): police.ref for nom, police in sorted(utilisees.items())}
            )
        }
    )
