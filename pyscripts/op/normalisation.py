"""La forme normalisée d'un texte, pour y reconnaître une adresse quelle que soit la façon de l'écrire.

    jetons(texte) -> list[str]

« 12, R. des Lilas », « douze rue des lilas », « 12bis rue des Lilas », « ١٢ rue des Lilas »,
« 12 rue des Li\u00adlas » donnent les mêmes jetons : « 12 rue des lilas ». Règles, dans l'ordre :

- NFKC (pleine chasse, ligatures, « nº »), caractères de format retirés (césure conditionnelle,
  espaces de largeur nulle), chiffres de toute écriture lus 0 à 9 ;
- minuscules, accents et lettres d'autres alphabets qui imitent le latin (cyrillique, grec) repliés ;
- tous les tirets, apostrophes et espaces pareils ; « , ; : ! ? ( ) « » » et les retours à la ligne
  deviennent une LIMITE (les mots qu'elle sépare ne se suivent pas) ;
- des chiffres collés à d'autres par « / . - » (« 75011/2025 », « 14.03.2025 ») sont une REFERENCE,
  jamais un numéro ni un code postal ; « 15 € » est un montant ;
- « 12bis », « 12 ter », « 12 B » : le numéro 12 (bis, ter joints et oubliés) ; « 3e », « 3ème »,
  « troisième » : l'ordinal « 3e » ; « n° », « numéro » : « no » ;
- les abréviations des voies (r., bd, bld, av., pl., imp., all., ch., rte, fg, sq.…) et « st »,
  « ste » écrites en entier ; « rond-point », « lieu-dit », « rez-de-chaussée » en un mot ;
- les nombres écrits en lettres, jusqu'à 9 999 (« quatre-vingt-dix-sept », « deux cent trois »).

Bibliothèque standard seulement (CPython et Pyodide).
"""

from __future__ import annotations

import re
import unicodedata

LIMITE = "|"
REFERENCE = "#ref"
MONTANT = "euros"
NUMERO = "no"

# Lettres cyrilliques et grecques qui ont l'air latines (minuscules, après casefold).
_SOSIES = str.maketrans(
    {
        "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
        "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j", "ѕ": "s", "һ": "h",
        "α": "a", "β": "b", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t",
        "υ": "u", "χ": "x", "œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ı": "i",
        "€": " euros ",
    }
)  # fmt: skip

# Type de voie : toutes les écritures courantes → le mot entier.
TYPES_DE_VOIE = {
    "rue": "rue", "r": "rue",
    "avenue": "avenue", "av": "avenue", "ave": "avenue", "avn": "avenue",
    "boulevard": "boulevard", "bd": "boulevard", "bld": "boulevard", "blvd": "boulevard", "bvd": "boulevard",
    "boul": "boulevard",
    "place": "place", "pl": "place", "placette": "placette",
    "impasse": "impasse", "imp": "impasse",
    "allee": "allee", "allees": "allee", "all": "allee", "al": "allee",
    "chemin": "chemin", "ch": "chemin", "chem": "chemin", "che": "chemin",
    "route": "route", "rte": "route",
    "faubourg": "faubourg", "fg": "faubourg", "fbg": "faubourg", "faub": "faubourg",
    "square": "square", "sq": "square",
    "cours": "cours", "crs": "cours",
    "quai": "quai",
    "passage": "passage", "pass": "passage", "psg": "passage",
    "residence": "residence", "res": "residence", "resid": "residence",
    "lotissement": "lotissement", "lot": "lotissement", "lots": "lotissement",
    "hameau": "hameau", "ham": "hameau",
    "voie": "voie", "sentier": "sentier", "sente": "sentier", "sen": "sentier",
    "cite": "cite", "villa": "villa", "mail": "mail",
    "promenade": "promenade", "prom": "promenade",
    "esplanade": "esplanade", "esp": "esplanade", "parvis": "parvis",
    "clos": "clos", "domaine": "domaine", "dom": "domaine",
    "chaussee": "chaussee", "ruelle": "ruelle", "venelle": "venelle", "traverse": "traverse",
    "montee": "montee", "rampe": "rampe", "cour": "cour", "galerie": "galerie",
    "rondpoint": "rondpoint", "rpt": "rondpoint", "lieudit": "lieudit", "ld": "lieudit",
    "carrefour": "carrefour", "za": "zone", "zi": "zone", "zac": "zone",
}  # fmt: skip
VOIES = frozenset(TYPES_DE_VOIE.values())
# « lot », « cours », « place » sont aussi des mots courants : ils ne comptent comme voie que suivis
# du nom de la voie cachée (voir reperage.py). Le texte et l'adresse passent par les mêmes règles.
_AUTRES = TYPES_DE_VOIE | {
    "st": "saint", "ste": "sainte", "gal": "general", "numero": NUMERO, "num": NUMERO, "nro": NUMERO,
    # Le complément d'adresse.
    "bat": "batiment", "bt": "batiment", "bati": "batiment",
    "apt": "appartement", "app": "appartement", "appt": "appartement", "appart": "appartement",
    "esc": "escalier", "etg": "etage", "log": "logement",
}  # fmt: skip
_EN_UN_MOT = {
    ("rond", "point"): "rondpoint",
    ("lieu", "dit"): "lieudit",
    ("rez", "de", "chaussee"): "rdc",
    ("proces", "verbal"): "pv",
}

_UNITES = {
    "zero": 0, "un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
    "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
}  # fmt: skip
_ORDINAUX = {
    "premier": 1, "premiere": 1, "deuxieme": 2, "second": 2, "seconde": 2, "troisieme": 3, "quatrieme": 4,
    "cinquieme": 5, "sixieme": 6, "septieme": 7, "huitieme": 8, "neuvieme": 9, "dixieme": 10,
    "onzieme": 11, "douzieme": 12, "treizieme": 13, "quatorzieme": 14, "quinzieme": 15, "seizieme": 16,
    "vingtieme": 20,
}  # fmt: skip
NOMBRE_MAXIMUM = 9999

_LIMITES = re.compile(r"[,;:!?()\[\]{}«»\"“”„‹›\n\r\t…•|]|(?<=\d)\.(?!\d)")
_REFERENCE = re.compile(r"\d+(?:\s?[/.\-_]\s?\d+)+")
_NUMERO_SIGNE = re.compile(r"(?<![a-z0-9])n\s*°")
# « 12bis », « 12 ter », « 12b », « 12 b » : le numéro seul.
_BIS = re.compile(r"(?<![a-z0-9])(\d+)(?:\s*(?:bis|ter|quater)|[a-df-z]|\s+[bt])(?![a-z0-9])")
_ORDINAL = re.compile(r"(?<![a-z0-9])(\d+)(?:\s?(?:er|ere|eme|ieme)|re|e|em)(?![a-z0-9])")
_CORSE = re.compile(r"(?<![a-z0-9])2\s?([ab])\s?(\d{3})(?![a-z0-9])")
_ENTIERS = re.compile(r"2[ab]\d{3}|\d+e")  # un code postal de Corse, un ordinal : un seul jeton
_MIXTE = re.compile(r"[a-z0-9]*(?:[a-z]\d|\d[a-z])[a-z0-9]*")  # un mot de lettres et de chiffres
_PREMIERS_MOTS = {groupe[0] for groupe in _EN_UN_MOT}
_LETTRES_CHIFFRES = re.compile(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])")


def plie(texte: str) -> str:
    """NFKC, sans format ni accent, minuscules, chiffres latins, sosies latins : « Ⅻ Rüe » → « xii rue »."""
    if texte.isascii():
        return texte.lower()
    texte = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", texte).casefold())
    # Une table pour les seuls caractères non ASCII du texte : un long texte n'est traduit qu'une fois.
    table = {}
    for c in set(texte):
        if c.isascii():
            continue
        if ord(c) in _SOSIES:
            table[ord(c)] = _SOSIES[ord(c)]
        elif unicodedata.category(c) in ("Cf", "Mn"):
            table[ord(c)] = None
        elif c.isdecimal():
            table[ord(c)] = str(unicodedata.decimal(c))
    return texte.translate(table) if table else texte


def _nombre(mots: list[str], debut: int) -> tuple[int | None, int] | None:
    """(valeur, mots lus) d'un nombre écrit en lettres à partir de mots[debut] (valeur None au-delà
    de la borne), ou None."""
    total, courant, lus, dernier = 0, 0, 0, None
    for i in range(debut, len(mots)):
        mot = mots[i]
        if mot == "et" and dernier is not None and i + 1 < len(mots) and mots[i + 1] in ("un", "onze"):
            continue
        if mot in ("cent", "cents"):
            courant = (courant or 1) * 100
        elif mot == "mille":
            total += (courant or 1) * 1000
            courant = 0
        elif mot in _UNITES:
            valeur = _UNITES[mot]
            if valeur == 20 and dernier == "quatre":
                courant += 80 - 4  # quatre-vingt(s)
            elif valeur < 10 and courant % 10:
                break  # « deux trois » : deux nombres
            elif 10 <= valeur and courant % 100 and not (courant % 100 in (60, 80) and valeur < 20):
                break
            else:
                courant += valeur
        else:
            break
        dernier, lus = mot, i + 1 - debut
    if not lus:
        return None
    return (None if total + courant > NOMBRE_MAXIMUM else total + courant), lus


def jetons(texte: str) -> list[str]:
    """Les mots du texte sous leur forme normalisée (voir l'en-tête), LIMITE entre deux segments."""
    t = plie(texte)
    t = _NUMERO_SIGNE.sub(" no ", t)
    t = _LIMITES.sub(f" {LIMITE} ", t)
    t = _REFERENCE.sub(f" {REFERENCE} ", t.replace("#", " "))
    t = re.sub(r"[^a-z0-9|#]+", " ", t)  # apostrophes, tirets, points, barres, ° : des espaces
    t = _CORSE.sub(r" 2\1\2 ", t)
    t = _ORDINAL.sub(r" \1e ", t)
    t = _BIS.sub(r" \1 ", t)
    t = _MIXTE.sub(lambda m: m.group() if _ENTIERS.fullmatch(m.group()) else _LETTRES_CHIFFRES.sub(" ", m.group()), t)
    mots = t.split()
    sortie: list[str] = []
    i = 0
    while i < len(mots):
        mot = mots[i]
        if mot in _PREMIERS_MOTS:
            groupe = next((g for g in _EN_UN_MOT if tuple(mots[i : i + len(g)]) == g), None)
            if groupe:
                sortie.append(_EN_UN_MOT[groupe])
                i += len(groupe)
                continue
        if mot in _ORDINAUX:
            sortie.append(f"{_ORDINAUX[mot]}e")
            i += 1
            continue
        if mot in _UNITES or mot in ("cent", "mille"):
            lu = _nombre(mots, i)
            if lu and not (mot == "un" and lu[1] == 1):  # « un » seul reste l'article
                sortie += mots[i : i + lu[1]] if lu[0] is None else [str(lu[0])]
                i += lu[1]
                continue
        if mot in ("bis", "ter", "quater") and sortie and sortie[-1].isdigit():
            i += 1
            continue
        sortie.append(_AUTRES.get(mot, mot))
        i += 1
    return sortie
