"""L'adresse cachée : quand la case « Cochez cette case si vous ne souhaitez pas communiquer
votre adresse au défendeur » est cochée, aucune valeur de l'adresse n'arrive dans la requête.

La requête et toutes ses pièces sont remises à l'autre partie (code de procédure civile, art.
1136-3). Donc, la case cochée :
- les champs de l'adresse (rubriques `sauf_si: [adresse_cachee]`) sont retirés des valeurs ;
- l'élection de domicile devient obligatoire, chez l'avocat ou auprès du procureur (code civil,
  art. 515-11 6°), avec ses coordonnées ;
- un texte libre (lieux à éviter, bracelet, exposé des faits, pièces…) qui reprend le numéro et
  la rue, le complément ou le code postal de l'adresse cachée est refusé ;
- un texte libre qui ressemble à une adresse, le téléphone et le courriel donnés, la commune de
  l'adresse reprise ailleurs donnent un avertissement.

Bibliothèque standard seulement (CPython et Pyodide).
"""

from __future__ import annotations

import re

from ..erreurs import EntreeInvalide

CASE = "adresse_cachee"
# Rubriques dont les textes ne sont pas des récits : identité, juridiction, élection de domicile
# (les coordonnées de l'avocat ou du tribunal y sont attendues), défendeur (sa propre adresse).
RUBRIQUES_SANS_RISQUE = ("juridiction", "requerant", "requerant_adresse", "adresse_secrete", "defendeur")
ELECTIONS = (
    ("election_avocat", "election_avocat_coordonnees", "le nom et les coordonnées de votre avocat"),
    ("election_procureur", "election_procureur_adresse", "l'adresse du tribunal auquel vous adressez la requête"),
)
COORDONNEES = (
    ("requerant_telephone", "Votre numéro de téléphone"),
    ("requerant_courriel", "Votre adresse électronique"),
)
CHAMPS_ADRESSE_A_REFUSER = ("requerant_adresse", "requerant_adresse_complement", "requerant_code_postal")

_TYPES_DE_VOIE = (
    r"rue|avenue|av\.?|boulevard|bd|chemin|all[ée]e|impasse|place|quai|route|cours|square|passage"
    r"|r[ée]sidence|lotissement|hameau|voie|sentier|cit[ée]|rond-point|faubourg|villa|mail"
)
# « 12 rue … », « 3 bis, avenue … » ; ou un type de voie suivi d'un nom propre (« rue Victor Hugo »,
# « avenue de la République ») — « dans la rue » seul ne compte pas.
_VOIE = re.compile(
    rf"\b\d{{1,4}}\s*(?:bis|ter|[a-d])?\s*,?\s+(?:{_TYPES_DE_VOIE})\b[^\n,.;]*"
    rf"|\b(?i:{_TYPES_DE_VOIE})\s+(?:de la |de l'|de l’|du |des |de |d'|d’)?[A-ZÀ-Ý][^\n,.;]*"
)
_CODE_POSTAL = re.compile(r"(?<![\d,.])(?:\d{5}|2[AB]\d{3})(?![\d,.])(?!\s*(?:€|euros?\b))", re.IGNORECASE)


def _norme(texte: str) -> str:
    """Minuscules, ponctuation et espaces réduits : « 12, Rue  des Lilas » → « 12 rue des lilas »."""
    return " ".join(re.sub(r"[,.;:'’\-]", " ", texte.casefold()).split())


def champs_adresse(definition: dict) -> list[str]:
    """Les champs de l'adresse de la personne : ceux des rubriques qui disparaissent quand la case est cochée."""
    return [
        c["nom"] for r in definition["rubriques"] if CASE in r.get("sauf_si", []) for c in r["champs"] if c.get("nom")
    ]


def champs_sensibles(champs_pdf: list[dict], definition: dict) -> list[str]:
    """Les champs texte qui peuvent recevoir une adresse sans le vouloir (récits, lieux, pièces)."""
    sans_risque = {
        c["nom"] for r in definition["rubriques"] if r["id"] in RUBRIQUES_SANS_RISQUE for c in _tous(r["champs"])
    }
    return [c["nom"] for c in champs_pdf if c["type"] != "case" and c["nom"] not in sans_risque]


def _tous(champs: list[dict]):
    for champ in champs:
        if champ.get("nom"):
            yield champ
        for option in champ.get("options", []):
            yield {"nom": f"{champ['nom']}_{option['nom']}"}
            yield from _tous(option.get("champs", []))
        if champ.get("type") == "tableau":
            lignes = champ["lignes"]
            noms = range(1, lignes + 1) if isinstance(lignes, int) else [ligne["nom"] for ligne in lignes]
            for ligne in noms:
                for colonne in champ["colonnes"]:
                    yield {"nom": f"{champ['nom']}_{ligne}_{colonne['nom']}"}


def retire(valeurs: dict, definition: dict) -> tuple[dict, dict]:
    """(valeurs sans l'adresse, adresse retirée) quand la case est cochée ; sinon rien ne change."""
    if valeurs.get(CASE) is not True:
        return valeurs, {}
    adresse = champs_adresse(definition)
    cachee = {nom: valeurs[nom] for nom in adresse if isinstance(valeurs.get(nom), str) and valeurs[nom].strip()}
    return {k: v for k, v in valeurs.items() if k not in adresse}, cachee


def verifie_election(valeurs: dict) -> None:
    """La case cochée, il faut élire domicile chez l'avocat ou auprès du procureur, coordonnées comprises."""
    if valeurs.get(CASE) is not True:
        return
    choisies = [e for e in ELECTIONS if valeurs.get(e[0]) is True]
    if not choisies:
        raise EntreeInvalide(
            "election_avocat",
            "Vous cachez votre adresse : pour que le tribunal puisse vous joindre, "
            "élisez domicile chez votre avocat ou auprès du procureur de la République "
            "(article 515-11 6° du code civil).",
        )
    case, texte, quoi = choisies[0]
    if not (isinstance(valeurs.get(texte), str) and valeurs[texte].strip()):
        raise EntreeInvalide(texte, f"Indiquez {quoi}.")


def verifie_absente(textes: dict[str, str], cachee: dict) -> None:
    """Refuse un texte qui reprend la rue, le complément ou le code postal de l'adresse cachée."""
    for champ_adresse in CHAMPS_ADRESSE_A_REFUSER:
        valeur = cachee.get(champ_adresse)
        if not valeur or len(_norme(valeur)) < 3:
            continue
        cherche = _norme(valeur)
        motif = re.compile(rf"(?<![0-9a-z]){re.escape(cherche)}(?![0-9a-z])")
        for champ, texte in textes.items():
            if texte and motif.search(_norme(texte)):
                raise EntreeInvalide(
                    champ,
                    "Ce texte reprend votre adresse, que vous avez demandé à cacher : la requête "
                    "et ses pièces sont remises à l'autre partie. Retirez-la (écrivez par exemple "
                    "« à mon domicile »).",
                )


def avertissements(valeurs: dict, textes: dict[str, str], cachee: dict) -> list[dict]:
    """[{champ, message}] : ce qui pourrait encore révéler où vit la personne."""
    if valeurs.get(CASE) is not True:
        return []
    sortie = []
    for champ, libelle in COORDONNEES:
        if isinstance(valeurs.get(champ), str) and valeurs[champ].strip():
            sortie.append(
                {
                    "champ": champ,
                    "message": f"{libelle} figurera sur la requête remise à l'autre partie. "
                    "Laissez ce champ vide si elle ne doit pas le connaître.",
                }
            )
    commune = _norme(cachee.get("requerant_commune") or "")
    for champ, texte in textes.items():
        if not texte:
            continue
        trouve = _VOIE.search(texte) or _CODE_POSTAL.search(texte)
        if trouve:
            sortie.append(
                {
                    "champ": champ,
                    "message": f"Ce texte semble contenir une adresse (« {trouve.group(0).strip()} »). "
                    "La requête et ses pièces sont remises à l'autre partie : si c'est votre "
                    "adresse, celle de votre travail ou de l'école des enfants, remplacez-la "
                    "par « mon domicile », « mon travail », « l'école ».",
                }
            )
        elif commune and re.search(rf"(?<![0-9a-z]){re.escape(commune)}(?![0-9a-z])", _norme(texte)):
            sortie.append(
                {
                    "champ": champ,
                    "message": "Ce texte cite la commune où vous habitez. Vérifiez qu'il ne permet "
                    "pas à l'autre partie de vous retrouver.",
                }
            )
    return sortie
