"""Le gabarit d'un PDF vierge : où est chaque champ (page, rectangle), comment il s'écrit (une
ligne ou plusieurs, longueur maximale) et avec quelles polices. Lu une fois par PDF (pypdf).

Le remplissage dessine les valeurs d'après ce gabarit ; l'entretien et l'outil OP s'en servent,
une fois le PDF vierge préparé dans le worker, pour dire avant le PDF qu'une réponse continuera
en annexe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .polices import SECOURS, Police, Polices, lit_police

MULTILIGNE = 1 << 12
_POLICE_DA = re.compile(r"/(\S+)\s+([\d.]+)\s+Tf")
PAGINATION = "/Pagination"  # le XObject de chaque page qui dit « page n / N » (generator/sorties/polices.py)


@dataclass
class Case:
    nom: str
    page: int
    rect: tuple[float, float, float, float]  # x0, y0, x1, y1 (points, origine en bas à gauche)
    multiligne: bool
    maxlen: int | None
    ref: object = field(repr=False)  # l'annotation (champ et widget confondus, comme les écrit WeasyPrint)
    case_a_cocher: bool = False

    @property
    def largeur(self) -> float:
        return self.rect[2] - self.rect[0]

    @property
    def hauteur(self) -> float:
        return self.rect[3] - self.rect[1]


@dataclass
class Gabarit:
    cases: dict[str, Case]
    polices: Polices
    pages: list  # les objets indirects des pages
    format: tuple[float, float]  # largeur, hauteur de la page (A4)
    pagination: list  # par page : le XObject « page n / N », ou None
    acroform: object = field(repr=False, default=None)


def lit(lecteur) -> Gabarit:
    racine = lecteur.trailer["/Root"]
    acroform = racine["/AcroForm"]
    ressources = acroform.get("/DR", {}).get_object().get("/Font", {})
    cases: dict[str, Case] = {}
    principale = None
    pages, pagination = [], []
    for numero, page in enumerate(lecteur.pages):
        pages.append(page.indirect_reference)
        xobjets = page.get("/Resources", {}).get_object().get("/XObject", {})
        pagination.append(xobjets.raw_get(PAGINATION) if PAGINATION in xobjets else None)
        for ref in page.get("/Annots", []) or []:
            annotation = ref.get_object()
            if annotation.get("/Subtype") != "/Widget" or "/T" not in annotation:
                continue
            rect = [float(x) for x in annotation["/Rect"]]
            genre = annotation.get("/FT")
            if genre == "/Tx" and principale is None and (m := _POLICE_DA.search(str(annotation.get("/DA", "")))):
                principale = m.group(1)
            cases[str(annotation["/T"])] = Case(
                nom=str(annotation["/T"]),
                page=numero,
                rect=(min(rect[0], rect[2]), min(rect[1], rect[3]), max(rect[0], rect[2]), max(rect[1], rect[3])),
                multiligne=bool(int(annotation.get("/Ff", 0)) & MULTILIGNE),
                maxlen=int(annotation["/MaxLen"]) if "/MaxLen" in annotation else None,
                ref=ref,
                case_a_cocher=genre == "/Btn",
            )
    liste: list[Police] = []
    if principale is not None and f"/{principale}" in ressources:
        liste.append(lit_police(f"/{principale}", ressources.raw_get(f"/{principale}")))
    for nom in sorted(n for n in ressources if n.startswith(SECOURS)):
        liste.append(lit_police(nom, ressources.raw_get(nom)))
    boite = [float(x) for x in lecteur.pages[0].mediabox]
    return Gabarit(
        cases=cases,
        polices=Polices(liste),
        pages=pages,
        format=(boite[2] - boite[0], boite[3] - boite[1]),
        pagination=pagination,
        acroform=racine.raw_get("/AcroForm"),
    )
