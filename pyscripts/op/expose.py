"""L'exposé des faits et le bordereau de pièces d'une requête en ordonnance de protection.

Entrée : une chronologie `[{"date" | "periode", "lieu", "faits", "temoins", "piece"}]` dans
n'importe quel ordre, le danger actuel (`"danger"`), et la liste des pièces (`"pieces"`).
Sortie : les faits triés par date et numérotés, chacun renvoyant aux pièces qui le prouvent
(« (pièce n° 3) »), et le bordereau numéroté dans l'ordre où les pièces sont citées, les pièces
jamais citées à la suite. L'article 1136-3 du code de procédure civile exige, à peine de
nullité, un exposé sommaire des motifs et, en annexe, les pièces sur lesquelles la demande est
fondée.

Bibliothèque standard seulement (CPython et Pyodide). Chaque refus nomme le champ fautif :
`chronologie.3.date` est la date du 3e fait tel que la personne l'a saisi.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..erreurs import EntreeInvalide
from ..francais import enumeration, majuscule, nombre_fr
from ..lecture import champ_inconnu, extrait
from .dates import Date, lit_date

MAX_FAITS = 200
# Pièces du bordereau, comptées après la numérotation : celles de la liste ET celles que la
# chronologie cite sans qu'elles y soient (200 faits citant chacun 200 pièces nouvelles ne font
# pas 40 000 pièces). Une pièce citée par plusieurs faits compte une fois.
MAX_PIECES = 200
MAX_TEXTE = 6000
MAX_COURT = 400
# L'exposé entier (faits numérotés, renvois aux pièces, danger), environ 17 pages : le plus long texte
# qu'une réponse puisse faire imprimer (pyscripts/formulaires/remplissage.py, MAX_TEXTE ; un test les
# garde égaux). Au-delà, l'exposé n'est plus « sommaire » (code de procédure civile, art. 1136-3).
MAX_EXPOSE = 50_000
CLES_FAIT = ("date", "periode", "lieu", "faits", "temoins", "piece")
CLES_PIECE = ("id", "designation")

_VOYELLE = "aeiouyàâéèêëîïôûùh"


@dataclass
class Fait:
    rang: int  # position dans la saisie (1, 2, …) : le nom des champs d'erreur
    debut: Date
    fin: Date | None  # None : une date ; sinon une période (fin == début impossible)
    ouverte: bool  # période « depuis … » sans fin
    lieu: str
    faits: str
    temoins: list[str]
    references: list  # désignations ou numéros de pièces, tels que saisis
    numero: int = 0
    pieces: list[int] = field(default_factory=list)

    def quand(self) -> str:
        """« Le 14 mars 2025 », « En mars 2025 », « Du 3 au 9 mars 2025 », « Depuis 2023 »."""
        if self.ouverte:
            return majuscule(("depuis le " if self.debut.jour else "depuis ") + self.debut.texte())
        if self.fin is None:
            return majuscule(("le " if self.debut.jour else "en ") + self.debut.texte())
        return majuscule(periode(self.debut, self.fin))

    def cle_tri(self) -> tuple:
        fin = self.debut.fin() if self.fin is None else self.fin.fin()
        return (self.debut.debut(), date.max if self.ouverte else fin, self.rang)


def periode(debut: Date, fin: Date) -> str:
    """« du 3 au 9 mars 2025 », « d'avril à juin 2024 », « du 3 mars 2024 au 9 juin 2025 »."""
    if debut.annee == fin.annee and bool(debut.jour) == bool(fin.jour) and bool(debut.mois) == bool(fin.mois):
        if debut.jour and debut.mois == fin.mois:
            return f"du {'1er' if debut.jour == 1 else debut.jour} {_a(fin)}"
        if debut.mois:
            court = Date(debut.annee, debut.mois, debut.jour).texte().rsplit(" ", 1)[0]
            de = f"du {court}" if debut.jour else (f"d'{court}" if court[0] in _VOYELLE else f"de {court}")
            return f"{de} {_a(fin)}"
    return f"{_de(debut)} {_a(fin)}"


def _de(d: Date) -> str:
    texte = d.texte()
    if d.jour:
        return f"du {texte}"
    return f"d'{texte}" if texte[0] in _VOYELLE else f"de {texte}"


def _a(d: Date) -> str:
    return f"au {d.texte()}" if d.jour else f"à {d.texte()}"


@dataclass
class Piece:
    designation: str
    origine: str  # le champ de l'entrée qui l'a désignée : pieces.2.designation, chronologie.4.piece
    ident: str | None = None
    numero: int = 0
    citee_par: list[int] = field(default_factory=list)


# ── Lecture ──────────────────────────────────────────────────────────────────────


def _texte(valeur, champ: str, *, obligatoire: bool = False, maximum: int = MAX_COURT, quoi: str = "Ce champ") -> str:
    if valeur is None:
        valeur = ""
    if not isinstance(valeur, str):
        raise EntreeInvalide(champ, f"{quoi} doit être un texte.")
    valeur = valeur.strip()
    if obligatoire and not valeur:
        raise EntreeInvalide(champ, f"{quoi} est obligatoire.")
    if len(valeur) > maximum:
        raise EntreeInvalide(
            champ,
            f"{quoi} est trop long ({len(valeur)} caractères, {maximum} au plus) : "
            "coupez-le en plusieurs faits ou joignez un texte sur papier libre.",
        )
    return valeur


def _numero(valeur) -> bool:
    return isinstance(valeur, int) and not isinstance(valeur, bool)


def _liste_de_textes(valeur, champ: str, quoi: str, *, numeros: bool = False) -> list:
    """Un texte ou une liste de textes (`numeros` : aussi des numéros de la liste des pièces)."""
    permis = "un texte ou un numéro de pièce" if numeros else "un texte"
    if valeur is None or valeur == "":
        return []
    if isinstance(valeur, str) or numeros and _numero(valeur):
        valeur = [valeur]
    if not isinstance(valeur, list):
        raise EntreeInvalide(champ, f"{quoi} : {permis}, ou une liste.")
    if len(valeur) > MAX_PIECES:
        raise EntreeInvalide(champ, f"{quoi} : trop d'éléments ({len(valeur)}, {MAX_PIECES} au plus).")
    sortie = []
    for i, element in enumerate(valeur, 1):
        if not (isinstance(element, str) or numeros and _numero(element)):
            raise EntreeInvalide(f"{champ}.{i}", f"{quoi} : chaque élément doit être {permis}.")
        if isinstance(element, str):
            element = _texte(element, f"{champ}.{i}", quoi=quoi)
            if not element:
                continue
        sortie.append(element)
    return sortie


def lit_fait(brut, rang: int, aujourdhui: date) -> Fait:
    champ = f"chronologie.{rang}"
    if not isinstance(brut, dict):
        raise EntreeInvalide(champ, 'Chaque fait est un objet {"date", "lieu", "faits", "temoins", "piece"}.')
    for cle in brut:
        if cle not in CLES_FAIT:
            raise champ_inconnu(cle, CLES_FAIT, parent=champ)
    faits = _texte(
        brut.get("faits"), f"{champ}.faits", obligatoire=True, maximum=MAX_TEXTE, quoi="Le récit de ce qui s'est passé"
    )
    if brut.get("date") not in (None, "") and brut.get("periode") not in (None, "", {}):
        raise EntreeInvalide(f"{champ}.date", "Indiquez une date ou une période, pas les deux.")
    fin, ouverte = None, False
    if brut.get("periode") not in (None, "", {}):
        periode = brut["periode"]
        if not isinstance(periode, dict) or set(periode) - {"du", "au"}:
            raise EntreeInvalide(
                f"{champ}.periode", 'Une période s\'écrit {"du": date, "au": date} ; sans « au », elle dure encore.'
            )
        debut = lit_date(periode.get("du"), f"{champ}.periode.du", aujourdhui)
        if periode.get("au") in (None, ""):
            ouverte = True
        else:
            fin = lit_date(periode["au"], f"{champ}.periode.au", aujourdhui)
            if fin.fin() < debut.debut():
                raise EntreeInvalide(f"{champ}.periode.au", "La fin de la période est avant son début.")
            if fin == debut:
                fin = None
    else:
        debut = lit_date(brut.get("date"), f"{champ}.date", aujourdhui)
    return Fait(
        rang=rang,
        debut=debut,
        fin=fin,
        ouverte=ouverte,
        lieu=_texte(brut.get("lieu"), f"{champ}.lieu", quoi="Le lieu"),
        faits=faits,
        temoins=_liste_de_textes(brut.get("temoins"), f"{champ}.temoins", "Les témoins"),
        references=_liste_de_textes(brut.get("piece"), f"{champ}.piece", "La pièce", numeros=True),
    )


def lit_pieces(brut) -> list[Piece]:
    if brut is None:
        return []
    if not isinstance(brut, list):
        raise EntreeInvalide("pieces", 'Les pièces sont une liste : des textes, ou des objets {"id", "designation"}.')
    if len(brut) > MAX_PIECES:
        raise EntreeInvalide("pieces", f"Trop de pièces ({len(brut)}, {MAX_PIECES} au plus).")
    pieces, idents = [], set()
    for i, element in enumerate(brut, 1):
        champ = f"pieces.{i}"
        if isinstance(element, str):
            element = {"designation": element}
        if not isinstance(element, dict):
            raise EntreeInvalide(champ, 'Une pièce est un texte, ou un objet {"id", "designation"}.')
        for cle in element:
            if cle not in CLES_PIECE:
                raise champ_inconnu(cle, CLES_PIECE, parent=champ)
        designation = _texte(
            element.get("designation"), f"{champ}.designation", obligatoire=True, quoi="La désignation de la pièce"
        )
        ident = element.get("id")
        if ident is not None:
            ident = _texte(ident, f"{champ}.id", obligatoire=True, quoi="L'identifiant de la pièce")
            if ident in idents:
                raise EntreeInvalide(f"{champ}.id", f"Deux pièces ont l'identifiant {extrait(ident)}.")
            idents.add(ident)
        pieces.append(Piece(designation=designation, origine=f"{champ}.designation", ident=ident))
    return pieces


def lit_chronologie(brut, aujourdhui: date) -> list[Fait]:
    if brut is None:
        return []
    if not isinstance(brut, list):
        raise EntreeInvalide("chronologie", "La chronologie est une liste de faits.")
    if len(brut) > MAX_FAITS:
        raise EntreeInvalide("chronologie", f"Trop de faits ({len(brut)}, {MAX_FAITS} au plus).")
    return [lit_fait(element, i, aujourdhui) for i, element in enumerate(brut, 1)]


# ── Numérotation ─────────────────────────────────────────────────────────────────


def _cle(texte: str) -> str:
    return " ".join(texte.casefold().split())


class _Index:
    """Les pièces retrouvées par clé (numéro de la liste, identifiant, désignation) en temps
    constant ; une désignation inconnue ajoute une pièce, jamais au-delà de MAX_PIECES."""

    def __init__(self, pieces: list[Piece]):
        self.pieces = pieces
        self.listees = len(pieces)
        self.idents = {}
        self.designations = {}
        for piece in pieces:
            if piece.ident is not None:
                self.idents.setdefault(_cle(piece.ident), piece)
            self.designations.setdefault(_cle(piece.designation), piece)

    def retrouve(self, reference, rang: int) -> Piece:
        champ = f"chronologie.{rang}.piece"
        if isinstance(reference, int):
            if not 1 <= reference <= self.listees:
                raise EntreeInvalide(
                    champ,
                    f"{f'La pièce n° {reference}' if abs(reference) < 10**6 else 'Ce numéro de pièce'} n'existe pas : "
                    f"la liste des pièces en compte {self.listees}.",
                )
            return self.pieces[reference - 1]
        cle = _cle(reference)
        piece = self.idents.get(cle) or self.designations.get(cle)
        if piece is None:
            if len(self.pieces) >= MAX_PIECES:
                raise EntreeInvalide(
                    champ,
                    f"Trop de pièces : avec celles que la chronologie cite, le bordereau en compterait plus de "
                    f"{MAX_PIECES}. Regroupez des pièces (par exemple « Messages reçus en mars 2025 »).",
                )
            piece = Piece(designation=reference, origine=champ)
            self.pieces.append(piece)
            self.designations[cle] = piece
        return piece


def numerote(faits: list[Fait], pieces: list[Piece]) -> tuple[list[Fait], list[Piece]]:
    """Faits triés par date et numérotés ; pièces numérotées dans l'ordre de leur première citation."""
    ordre = sorted(faits, key=Fait.cle_tri)
    index = _Index(pieces)
    citees: list[Piece] = []
    for numero, fait in enumerate(ordre, 1):
        fait.numero = numero
        deja: set[int] = set()
        for reference in fait.references:
            piece = index.retrouve(reference, fait.rang)
            if not piece.numero:
                citees.append(piece)
                piece.numero = len(citees)
            if piece.numero not in deja:
                deja.add(piece.numero)
                fait.pieces.append(piece.numero)
            if not piece.citee_par or piece.citee_par[-1] != numero:  # faits parcourus dans l'ordre
                piece.citee_par.append(numero)
    for piece in pieces:
        if not piece.numero:
            citees.append(piece)
            piece.numero = len(citees)
    return ordre, citees


# ── Texte ────────────────────────────────────────────────────────────────────────


def renvoi(numeros: list[int]) -> str:
    """« (pièce n° 3) », « (pièces n° 2 et 5) »."""
    if not numeros:
        return ""
    liste = enumeration([str(n) for n in sorted(numeros)])
    return f"(pièce{'s' if len(numeros) > 1 else ''} n° {liste})"


def _phrase(texte: str) -> str:
    return texte if texte[-1] in ".!?…»)" else texte + "."


def paragraphe(fait: Fait) -> str:
    """« Le 14 mars 2025, au domicile : … Témoin : … (pièce n° 2) »."""
    tete = fait.quand() + (f", {fait.lieu}" if fait.lieu else "")
    morceaux = [f"{tete} : {_phrase(fait.faits)}"]
    if fait.temoins:
        # « Sarah B., voisine » est un seul témoin : quand un nom contient une virgule, « ; » sépare les noms.
        noms = "\u00a0; ".join(fait.temoins) if any("," in t for t in fait.temoins) else enumeration(fait.temoins)
        morceaux.append(f"Témoin{'s' if len(fait.temoins) > 1 else ''} : {_phrase(noms)}")
    if fait.pieces:
        morceaux.append(renvoi(fait.pieces))
    return " ".join(morceaux)


def construit(chronologie, danger, pieces, aujourdhui: date) -> dict:
    """Exposé numéroté et bordereau, en JSON."""
    faits = lit_chronologie(chronologie, aujourdhui)
    liste = lit_pieces(pieces)
    danger = _texte(danger, "danger", maximum=MAX_TEXTE, quoi="Le danger actuel")
    _borne_le_texte_saisi(faits, danger)
    ordre, bordereau = numerote(faits, liste)
    paragraphes = [
        {
            "numero": f.numero,
            "quand": f.quand(),
            "debut": f.debut.iso(),
            "fin": "" if f.ouverte or f.fin is None else f.fin.iso(),
            "lieu": f.lieu,
            "faits": f.faits,
            "temoins": f.temoins,
            "pieces": f.pieces,
            "texte": paragraphe(f),
            "saisi_en": f.rang,
        }
        for f in ordre
    ]
    lignes = [f"{p['numero']}. {p['texte']}" for p in paragraphes]
    if danger:
        lignes.append(f"Le danger aujourd'hui : {_phrase(danger)}")
    _borne_l_expose(lignes, [f"chronologie.{f.rang}" for f in ordre] + ["danger"])
    return {
        "expose": {
            "paragraphes": paragraphes,
            "danger": danger,
            "texte": "\n".join(lignes),
            "periode": _etendue(ordre),
        },
        "bordereau": [
            {"numero": p.numero, "designation": p.designation, "citee_par": p.citee_par, "origine": p.origine}
            for p in bordereau
        ],
    }


def _trop_long(champ: str) -> EntreeInvalide:
    return EntreeInvalide(
        champ,
        f"L'exposé des faits serait trop long (plus de {nombre_fr(MAX_EXPOSE)} caractères, environ 17 pages) : "
        "il doit rester sommaire. Regroupez les faits semblables en une période, et joignez les détails "
        "sur papier libre.",
    )


def _borne_le_texte_saisi(faits: list[Fait], danger: str) -> None:
    """Avant de numéroter : le texte saisi seul dépasse déjà l'exposé permis (l'exposé le contient tout)."""
    total = len(danger)
    for fait in faits:
        total += len(fait.faits) + len(fait.lieu) + sum(map(len, fait.temoins))
        if total > MAX_EXPOSE:
            raise _trop_long(f"chronologie.{fait.rang}")


def _borne_l_expose(lignes: list[str], champs: list[str]) -> None:
    """L'exposé tel qu'il sera imprimé (dates, renvois « (pièces n° …) » compris), compté après la
    numérotation ; refusé au fait (ou au danger) qui le fait dépasser."""
    total = 0
    for ligne, champ in zip(lignes, champs):
        total += len(ligne) + 1
        if total > MAX_EXPOSE:
            raise _trop_long(champ)


def _etendue(ordre: list[Fait]) -> str:
    """« du 3 mars 2024 au 14 mars 2025 » : du premier au dernier fait."""
    if not ordre:
        return ""
    premier = ordre[0].debut
    dernier = max((f.fin or f.debut for f in ordre), key=Date.fin)
    if dernier == premier:
        return ("le " if premier.jour else "en ") + premier.texte()
    return periode(premier, dernier)
