"""Disposer un texte dans une case du formulaire, avec les largeurs de la police embarquée.

Une ligne : 11 pt, réduite jusqu'à 8 pt ; plusieurs lignes : 11 pt jusqu'à 9 pt, coupées aux
espaces. Ce qui ne tient pas à la plus petite taille n'est jamais coupé en silence : la case
garde le début et dit « (suite en annexe, page n) », la suite va en annexe (`Deborde`).

Un paragraphe est façonné (arabe lié), ses niveaux bidirectionnels calculés, puis il est coupé
en lignes ; chaque ligne est remise dans l'ordre où elle se dessine.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from . import ecriture
from .polices import Polices

TAILLE = 11.0  # points
MIN_UNE_LIGNE = 8.0
MIN_LIGNES = 9.0
PAS = 0.5
INTERLIGNE = 1.2  # hauteur d'une ligne, en tailles de police
MARGE = 2.0  # de chaque côté, en points
RENVOIS = ("(suite en annexe, page {n})", "(suite en annexe, p. {n})", "(annexe p. {n})", "(p. {n})")
COUPURES = " -/"  # on peut couper une ligne après ces caractères


@dataclass
class Ligne:
    visuel: str  # façonné, dans l'ordre de dessin (de gauche à droite)
    logique: str  # ce que la personne a écrit, dans l'ordre où elle l'a écrit
    base: int = 0  # direction du paragraphe (règles P2, P3) : 1, de droite à gauche, s'aligne à droite

    def x(self, gauche: float, largeur: float, polices: Polices, taille: float) -> float:
        """Où commence le dessin de la ligne dans une case [gauche, gauche + largeur]."""
        return gauche + largeur - polices.largeur(self.visuel, taille) if self.base else gauche


@dataclass
class Disposition:
    taille: float
    lignes: list[Ligne]
    reste: str | None = None  # ce qui continue en annexe (None : tout tient)


@dataclass
class _Paragraphe:
    texte: str  # tel que saisi (normalisé)
    facon: list[str]
    origines: list[int]
    niveaux: list[int]
    base: int

    @classmethod
    def de(cls, texte: str) -> _Paragraphe:
        facon, origines = ecriture.faconne_avec_origines(texte)
        base = ecriture.direction(texte)
        chaine = "".join(facon)
        return cls(texte, facon, origines, ecriture.niveaux(chaine, base) if ecriture.rtl(chaine) else [], base)

    def ligne(self, debut: int, fin: int) -> Ligne:
        morceau = "".join(self.facon[debut:fin]).rstrip(" ")
        fin = debut + len(morceau)
        if self.niveaux:
            visuel = ecriture.ordre_visuel(morceau, self.niveaux[debut:fin], self.base)
        else:
            visuel = morceau
        logique = self.texte[self.origines[debut] : self.origines[fin - 1] + 1] if fin > debut else ""
        return Ligne(visuel, logique, self.base)

    def depuis(self, debut: int) -> str:
        """Le texte saisi à partir du caractère façonné `debut`."""
        return self.texte[self.origines[debut] :] if debut < len(self.origines) else ""


def coupe(facon: list[str], largeur_max: float, mesure) -> list[tuple[int, int]]:
    """Les lignes d'un paragraphe façonné (début, fin), coupées après une espace ou un tiret,
    à défaut au milieu d'un mot trop long. Les espaces à la coupure disparaissent."""
    lignes = []
    debut, n = 0, len(facon)
    if n == 0:
        return [(0, 0)]
    while debut < n:
        largeur, i, coupure = 0.0, debut, None
        while i < n:
            w = mesure(facon[i])
            if largeur + w > largeur_max and facon[i] != " ":
                break
            largeur += w
            i += 1
            if facon[i - 1] in COUPURES:
                coupure = i
        if i >= n:
            lignes.append((debut, n))
            break
        fin = coupure if coupure and coupure > debut else max(i, debut + 1)
        lignes.append((debut, fin))
        debut = fin
        while debut < n and facon[debut] == " ":
            debut += 1
    return lignes


def _tailles(minimum: float) -> list[float]:
    return [TAILLE - PAS * k for k in range(int((TAILLE - minimum) / PAS) + 1)]


def dispose(texte: str, largeur: float, hauteur: float, multiligne: bool, polices: Polices, page_annexe=None):
    """La disposition de `texte` (normalisé) dans une case ; `page_annexe` : le numéro de page de
    l'annexe s'il est connu (sinon on réserve la place d'un numéro à deux chiffres)."""
    utile = largeur - 2 * MARGE
    if multiligne:
        return _plusieurs_lignes(texte, utile, hauteur - 2 * MARGE, polices, page_annexe)
    return _une_ligne(texte, utile, polices, page_annexe)


def _une_ligne(texte: str, utile: float, polices: Polices, page_annexe) -> Disposition:
    paragraphe = _Paragraphe.de(texte)
    for taille in _tailles(MIN_UNE_LIGNE):
        if polices.largeur("".join(paragraphe.facon), taille) <= utile:
            return Disposition(taille, [paragraphe.ligne(0, len(paragraphe.facon))])
    taille = MIN_UNE_LIGNE
    renvoi = _renvoi(utile, taille, polices, page_annexe)
    place = utile - polices.largeur(" … " + renvoi, taille)
    mesure = lambda c: polices.largeur(c, taille)  # noqa: E731
    lignes = coupe(paragraphe.facon, max(place, 0.0), mesure) if place > 0 else []
    debut = lignes[0] if lignes and lignes[0][1] > 0 and place > 0 else None
    tete = paragraphe.ligne(*debut) if debut else Ligne("", "")
    # Le renvoi suit le début de la valeur dans le sens de la lecture : à sa gauche en arabe.
    if not tete.visuel:
        visuel = renvoi
    elif paragraphe.base:
        visuel = f"{renvoi} … {tete.visuel}"
    else:
        visuel = f"{tete.visuel} … {renvoi}"
    logique = f"{tete.logique} … {renvoi}" if tete.logique else renvoi
    # La case montre le début ; l'annexe donne la valeur entière, plus lisible qu'un reste de mot.
    return Disposition(taille, [Ligne(visuel, logique, paragraphe.base)], texte)


def _renvoi(utile: float, taille: float, polices: Polices, page_annexe) -> str:
    n = str(page_annexe) if page_annexe is not None else "99"
    for modele in RENVOIS:
        if polices.largeur(modele.format(n=n), taille) <= utile:
            return modele.format(n=page_annexe if page_annexe is not None else "…")
    return RENVOIS[-1].format(n=page_annexe if page_annexe is not None else "…")


def _plusieurs_lignes(texte: str, utile: float, hauteur: float, polices: Polices, page_annexe) -> Disposition:
    paragraphes = [_Paragraphe.de(p) for p in texte.split("\n")]
    for taille in _tailles(MIN_LIGNES):
        mesure = lambda c, t=taille: polices.largeur(c, t)  # noqa: E731
        coupes = [(p, coupe(p.facon, utile, mesure)) for p in paragraphes]
        total = sum(len(c) for _, c in coupes)
        if total * taille * INTERLIGNE <= hauteur + 0.01:
            return Disposition(taille, [p.ligne(*r) for p, c in coupes for r in c])
    # À 9 pt, ça ne tient pas : les premières lignes, puis le renvoi sur la dernière.
    taille = MIN_LIGNES
    place = max(1, math.floor((hauteur + 0.01) / (taille * INTERLIGNE)))
    lignes: list[Ligne] = []
    reste: list[str] = []
    for numero, (p, c) in enumerate(coupes):
        for debut, fin in c:
            if len(lignes) < place - 1:
                lignes.append(p.ligne(debut, fin))
            elif not reste:
                reste.append(p.depuis(debut))
        if reste and numero + 1 < len(coupes):
            reste.extend(q.texte for q, _ in coupes[numero + 1 :])
            break
    renvoi = _renvoi(utile, taille, polices, page_annexe)
    lignes.append(Ligne("… " + renvoi, "… " + renvoi))
    return Disposition(taille, lignes, "\n".join(reste))
