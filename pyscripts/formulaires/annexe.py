"""Les pages d'annexe d'un formulaire rempli, mises en page ici (pas de WeasyPrint dans le
navigateur) : la suite des réponses trop longues pour leur case, les rangées d'un tableau au-delà
des lignes imprimées, l'exposé des faits et le bordereau d'une requête.

Une annexe est une liste de sections ; chacune commence une page et porte un titre, puis des blocs :

    {"intertitre": texte, "ancre": nom}      un intertitre ; `ancre` : retrouver sa page
    {"texte": texte}                          des paragraphes (« \\n » sépare les paragraphes)
    {"tableau": {"colonnes": [[titre, part], …], "lignes": [[cellule, …], …]}}

`pages(sections, gabarit)` rend [(flux de contenu, polices)], {ancre: page (0 = première annexe)} et la
structure balisée (PDF/UA) : une section (Sect) par section, un élément par bloc (H2 le titre, H3 un
intertitre, P un paragraphe, Table/TR/TH/TD un tableau), chacun avec ses contenus marqués (page, MCID) ;
les fonds et les traits sont des artefacts. balisage.py les écrit dans l'arbre de structure du PDF.
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
        self.mcid = 0  # le prochain identifiant de contenu marqué de la page


def element(balise: str, enfants: list | None = None) -> dict:
    """Un élément de structure : sa balise, ses contenus marqués [(page, MCID)], ses enfants, et le texte
    de ses lignes dans l'ordre où il a été écrit (le dessin de l'arabe est dans l'ordre visuel)."""
    return {"S": balise, "marques": [], "enfants": enfants if enfants is not None else [], "texte": []}


class Mise:
    """La mise en page en cours : la page courante et la hauteur qui reste."""

    def __init__(self, gabarit):
        self.polices = gabarit.polices
        self.largeur_page, self.hauteur_page = gabarit.format
        self.utile = self.largeur_page - GAUCHE - DROITE
        self.pages: list[_Page] = []
        self.ancres: dict[str, int] = {}
        self.y = 0.0
        self.structure: list[dict] = []  # une Sect par section

    def marque(self, noeud: dict, ops: str) -> str:
        """`ops` (du texte) en contenu marqué de `noeud` sur la page courante."""
        page = self.pages[-1]
        noeud["marques"].append((len(self.pages) - 1, page.mcid))
        page.mcid += 1
        return f"/{noeud['S']} <</MCID {page.mcid - 1}>> BDC\n{ops}\nEMC"

    def artefact(self, ops: str) -> None:
        self.pages[-1].ops.append(f"/Artifact BMC {ops} EMC")

    def ajoute(self, noeud: dict) -> dict:
        self.structure[-1]["enfants"].append(noeud)
        return noeud

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

    def bande(self, texte: str, taille: float, fond: str, noeud: dict, ancre: str | None = None) -> None:
        lignes = self.lignes(texte, taille, self.utile - 8)
        hauteur = len(lignes) * taille * INTERLIGNE + 6
        self.place(hauteur + 3 * TEXTE * INTERLIGNE)  # jamais un titre seul en bas de page
        if ancre:
            self.ancres[ancre] = len(self.pages) - 1
        self.artefact(f"q {fond} {_n(GAUCHE)} {_n(self.y - hauteur)} {_n(self.utile)} {_n(hauteur)} re f Q")
        y = self.y - 3 - taille * 0.9
        textes = []
        for ligne in lignes:
            textes.append(f"q {ENCRE} " + self.texte(ligne, GAUCHE + 4, y, taille) + " Q")
            noeud["texte"].append(ligne.logique)
            y -= taille * INTERLIGNE
        self.pages[-1].ops.append(self.marque(noeud, "\n".join(textes)))
        self.y -= hauteur + 4

    def paragraphes(self, texte: str) -> None:
        """Un paragraphe (P) par ligne de `texte` ; sur deux pages, un contenu marqué sur chacune."""
        pas = TEXTE * INTERLIGNE
        for morceau in texte.split("\n"):
            noeud = self.ajoute(element("P"))
            textes: list[str] = []
            for ligne in self.lignes(morceau, TEXTE, self.utile):
                if self.pages and self.y - pas < BAS and textes:
                    self.pages[-1].ops.append(self.marque(noeud, "\n".join(textes)))
                    textes = []
                self.place(pas)
                x = ligne.x(GAUCHE, self.utile, self.polices, TEXTE)
                textes.append("0 g " + self.texte(ligne, x, self.y - TEXTE * 0.9, TEXTE))
                noeud["texte"].append(ligne.logique)
                self.y -= pas
            if textes:
                self.pages[-1].ops.append(self.marque(noeud, "\n".join(textes)))
        self.y -= TEXTE * 0.5

    def tableau(self, colonnes: list, lignes: list[list[str]]) -> None:
        parts = sum(float(p) for _, p in colonnes)
        largeurs = [self.utile * float(p) / parts for _, p in colonnes]
        entete = [str(titre) for titre, _ in colonnes]
        table = self.ajoute(element("Table"))
        self._rangee(entete, largeurs, ENTETE, None, table)
        for rangee in lignes:
            self._rangee([str(c) for c in rangee], largeurs, None, entete, table)
        self.y -= TEXTE * 0.5

    def _rangee(self, cellules: list[str], largeurs: list[float], fond: str | None, entete, table: dict) -> None:
        """Une rangée (TR) ; l'en-tête (TH), répété en haut d'une nouvelle page, n'est balisé qu'une fois."""
        contenus = [self.lignes(c, CELLULE, w - 4) for c, w in zip(cellules, largeurs)]
        hauteur = max(len(c) for c in contenus) * CELLULE * INTERLIGNE + 4
        nouvelle = not self.pages or self.y - hauteur < BAS
        self.place(hauteur)
        if nouvelle and entete is not None:
            self._rangee(entete, largeurs, ENTETE, None, None)  # l'en-tête répété en haut de page
        rangee = element("TR") if table is not None else None
        if rangee is not None:
            table["enfants"].append(rangee)
        x = GAUCHE
        for contenu, w in zip(contenus, largeurs):
            if fond:
                self.artefact(f"q {fond} {_n(x)} {_n(self.y - hauteur)} {_n(w)} {_n(hauteur)} re f Q")
            self.artefact(f"q {TRAIT} {_n(x)} {_n(self.y - hauteur)} {_n(w)} {_n(hauteur)} re S Q")
            y = self.y - 2 - CELLULE * 0.9
            textes = []
            for ligne in contenu:
                textes.append("0 g " + self.texte(ligne, ligne.x(x + 2, w - 4, self.polices, CELLULE), y, CELLULE))
                y -= CELLULE * INTERLIGNE
            if rangee is None:
                self.artefact("\n".join(textes))  # l'en-tête répété : déjà lu une fois
            else:
                cellule = element("TH" if entete is None else "TD")
                cellule["texte"] = [ligne.logique for ligne in contenu]
                rangee["enfants"].append(cellule)
                self.pages[-1].ops.append(self.marque(cellule, "\n".join(textes)))
            x += w
        self.y -= hauteur


def _n(x: float) -> str:
    return dessin.nombre(x)


def pages(sections: list[dict], gabarit) -> tuple[list[tuple[str, dict]], dict[str, int], list[dict]]:
    mise = Mise(gabarit)
    for section in sections:
        mise.nouvelle_page()
        mise.structure.append({**element("Sect"), "titre": section["titre"]})
        mise.bande(section["titre"], TITRE, BANDE, mise.ajoute(element("H2")), section.get("ancre"))
        for bloc in section["blocs"]:
            if "intertitre" in bloc:
                mise.bande(bloc["intertitre"], INTERTITRE, ENTETE, mise.ajoute(element("H3")), bloc.get("ancre"))
            elif "texte" in bloc:
                mise.paragraphes(bloc["texte"])
            elif "tableau" in bloc:
                mise.tableau(bloc["tableau"]["colonnes"], bloc["tableau"]["lignes"])
    return [("\n".join(p.ops), p.polices) for p in mise.pages], mise.ancres, mise.structure
