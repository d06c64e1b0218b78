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

from ..delais.francais import enumeration, majuscule
from ..erreurs import EntreeInvalide
from ..lecture import champ_inconnu
from .dates import Date, lit_date

MAX_FAITS = 200
MAX_PIECES = 200
MAX_TEXTE = 6000
MAX_COURT = 400
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


def _liste_de_textes(valeur, champ: str, quoi: str) -> list:
    if valeur is None or valeur == "":
        return []
    if isinstance(valeur, (str, int)) and not isinstance(valeur, bool):
        valeur = [valeur]
    if not isinstance(valeur, list) or len(valeur) > MAX_PIECES:
        raise EntreeInvalide(champ, f"{quoi} : un texte, ou une liste de textes.")
    sortie = []
    for i, element in enumerate(valeur, 1):
        if isinstance(element, bool) or not isinstance(element, (str, int)):
            raise EntreeInvalide(f"{champ}.{i}", f"{quoi} : chaque élément doit être un texte.")
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
        references=_liste_de_textes(brut.get("piece"), f"{champ}.piece", "La pièce"),
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
                raise EntreeInvalide(f"{champ}.id", f"Deux pièces ont l'identifiant « {ident} ».")
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


def _retrouve(reference, rang: int, pieces: list[Piece]) -> Piece:
    """La pièce désignée par un numéro de la liste saisie, un identifiant ou une désignation ;
    une désignation inconnue ajoute la pièce."""
    champ = f"chronologie.{rang}.piece"
    if isinstance(reference, int):
        if not 1 <= reference <= len(pieces):
            raise EntreeInvalide(
                champ, f"La pièce n° {reference} n'existe pas : la liste des pièces en compte {len(pieces)}."
            )
        return pieces[reference - 1]
    cle = _cle(reference)
    for piece in pieces:
        if piece.ident is not None and _cle(piece.ident) == cle:
            return piece
    for piece in pieces:
        if _cle(piece.designation) == cle:
            return piece
    piece = Piece(designation=reference, origine=champ)
    pieces.append(piece)
    return piece


def numerote(faits: list[Fait], pieces: list[Piece]) -> tuple[list[Fait], list[Piece]]:
    """Faits triés par date et numérotés ; pièces numérotées dans l'ordre de leur première citation."""
    ordre = sorted(faits, key=Fait.cle_tri)
    suivant = 1
    citees: list[Piece] = []
    for numero, fait in enumerate(ordre, 1):
        fait.numero = numero
        for reference in fait.references:
            piece = _retrouve(reference, fait.rang, pieces)
            if not piece.numero:
                piece.numero = suivant
                suivant += 1
                citees.append(piece)
            if piece.numero not in fait.pieces:
                fait.pieces.append(piece.numero)
            if numero not in piece.citee_par:
                piece.citee_par.append(numero)
    for piece in pieces:
        if not piece.numero:
            piece.numero = suivant
            suivant += 1
            citees.append(piece)
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
        # « Sarah B., voisine » is one witness: with a comma inside a name, names are parted by « ; ».
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


def _etendue(ordre: list[Fait]) -> str:
    """« du 3 mars 2024 au 14 mars 2025 » : du premier au dernier fait."""
    if not ordre:
        return ""
    premier = ordre[0].debut
    dernier = max((f.fin or f.debut for f in ordre), key=Date.fin)
    if dernier == premier:
        return ("le " if premier.jour else "en ") + premier.texte()
    return periode(premier, dernier)
