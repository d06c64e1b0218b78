"""Les pages d'annexe d'un formulaire rempli, mises en page ici (pas de WeasyPrint dans le
navigateur) : la suite des réponses trop longues pour leur case, les rangées d'un tableau au-delà
des lignes imprimées, l'exposé des faits et le bordereau d'une requête.

Une annexe est une liste de sections ; chacune commence une page et porte un titre, puis des blocs :

    {"intertitre": texte, "ancre": nom}      un intertitre ; `ancre` : retrouver sa page
    {"texte": texte}                          des paragraphes (« \\n » sépare les paragraphes)
    {"tableau": {"colonnes": [[titre, part], …], "lignes": [[cellule, …], …]}}

`pages(sections, gabarit)` rend [(flux de contenu, polices)] et {ancre: page (0 = première annexe)}.
"""

from __future__ import annotations

from . import dessin
from .mise_en_page import INTERLIGNE, _Paragraphe, coupe

MM = 72 / 25.4
GAUCHE, DROITE, HAUT, BAS = 12 * MM, 12 * MM, 11 * MM, 17 * MM
TEXTE = 10.0
TITRE = 11.5
INTERTITRE = 10.0
CELLULE = 9.0
BANDE = "0.875 0.906 0.953 rg"  # --bande de formulaire.css
ENTETE = "0.933 0.949 0.973 rg"
ENCRE = "0.051 0.137 0.275 rg"  # --encre
TRAIT = "0.4 0.4 0.4 RG 0.5 w"


class _Page:
    def __init__(self):
        self.ops: list[str] = []
        self.polices: dict = {}


class Mise:
    """La mise en page en cours : la page courante et la hauteur qui reste."""

    def __init__(self, gabarit):
        self.polices = gabarit.polices
        self.largeur_page, self.hauteur_page = gabarit.format
        self.utile = self.largeur_page - GAUCHE - DROITE
        self.pages: list[_Page] = []
        self.ancres: dict[str, int] = {}
        self.y = 0.0

    def nouvelle_page(self) -> None:
        self.pages.append(_Page())
        self.y = self.hauteur_page - HAUT

    def place(self, hauteur: float) -> None:
        if not self.pages or self.y - hauteur < BAS:
            self.nouvelle_page()

    def lignes(self, texte: str, taille: float, largeur: float) -> list:
        mesure = lambda c: self.polices.largeur(c, taille)  # noqa: E731
        sortie = []
        for morceau in texte.split("\n"):
            p = _Paragraphe.de(morceau)
            sortie += [p.ligne(*r) for r in coupe(p.facon, largeur, mesure)]
        return sortie

    def texte(self, ligne, x: float, y: float, taille: float) -> str:
        page = self.pages[-1]
        return "BT\n" + dessin.ligne(ligne, x, y, taille, self.polices, page.polices) + "\nET"

    def bande(self, texte: str, taille: float, fond: str, ancre: str | None = None) -> None:
        lignes = self.lignes(texte, taille, self.utile - 8)
        hauteur = len(lignes) * taille * INTERLIGNE + 6
        self.place(hauteur + 3 * TEXTE * INTERLIGNE)  # jamais un titre seul en bas de page
        if ancre:
            self.ancres[ancre] = len(self.pages) - 1
        ops = self.pages[-1].ops
        ops.append(f"q {fond} {_n(GAUCHE)} {_n(self.y - hauteur)} {_n(self.utile)} {_n(hauteur)} re f Q")
        y = self.y - 3 - taille * 0.9
        for ligne in lignes:
            ops.append(f"q {ENCRE} " + self.texte(ligne, GAUCHE + 4, y, taille) + " Q")
            y -= taille * INTERLIGNE
        self.y -= hauteur + 4

    def paragraphes(self, texte: str) -> None:
        pas = TEXTE * INTERLIGNE
        for ligne in self.lignes(texte, TEXTE, self.utile):
            self.place(pas)
            x = ligne.x(GAUCHE, self.utile, self.polices, TEXTE)
            self.pages[-1].ops.append("0 g " + self.texte(ligne, x, self.y - TEXTE * 0.9, TEXTE))
            self.y -= pas
        self.y -= TEXTE * 0.5

    def tableau(self, colonnes: list, lignes: list[list[str]]) -> None:
        parts = sum(float(p) for _, p in colonnes)
        largeurs = [self.utile * float(p) / parts for _, p in colonnes]
        entete = [str(titre) for titre, _ in colonnes]
        self._rangee(entete, largeurs, ENTETE, None)
        for rangee in lignes:
            self._rangee([str(c) for c in rangee], largeurs, None, entete)
        self.y -= TEXTE * 0.5

    def _rangee(self, cellules: list[str], largeurs: list[float], fond: str | None, entete) -> None:
        contenus = [self.lignes(c, CELLULE, w - 4) for c, w in zip(cellules, largeurs)]
        hauteur = max(len(c) for c in contenus) * CELLULE * INTERLIGNE + 4
        nouvelle = not self.pages or self.y - hauteur < BAS
        self.place(hauteur)
        if nouvelle and entete is not None:
            self._rangee(entete, largeurs, ENTETE, None)  # l'en-tête répété en haut de page
        ops = self.pages[-1].ops
        x = GAUCHE
        for contenu, w in zip(contenus, largeurs):
            if fond:
                ops.append(f"q {fond} {_n(x)} {_n(self.y - hauteur)} {_n(w)} {_n(hauteur)} re f Q")
            ops.append(f"q {TRAIT} {_n(x)} {_n(self.y - hauteur)} {_n(w)} {_n(hauteur)} re S Q")
            y = self.y - 2 - CELLULE * 0.9
            for ligne in contenu:
                ops.append("0 g " + self.texte(ligne, ligne.x(x + 2, w - 4, self.polices, CELLULE), y, CELLULE))
                y -= CELLULE * INTERLIGNE
            x += w
        self.y -= hauteur


def _n(x: float) -> str:
    return dessin.nombre(x)


def pages(sections: list[dict], gabarit) -> tuple[list[tuple[str, dict]], dict[str, int]]:
    mise = Mise(gabarit)
    for section in sections:
        mise.nouvelle_page()
        mise.bande(section["titre"], TITRE, BANDE, section.get("ancre"))
        for bloc in section["blocs"]:
            if "intertitre" in bloc:
                mise.bande(bloc["intertitre"], INTERTITRE, ENTETE, bloc.get("ancre"))
            elif "texte" in bloc:
                mise.paragraphes(bloc["texte"])
            elif "tableau" in bloc:
                mise.tableau(bloc["tableau"]["colonnes"], bloc["tableau"]["lignes"])
    return [("\n".join(p.ops), p.polices) for p in mise.pages], mise.ancres
