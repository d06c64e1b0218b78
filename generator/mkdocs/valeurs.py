"""Valeurs juridiques écrites dans une phrase, lues dans content/data à la construction :

    Appelez le {{ numero police }}.          → Appelez le [17](tel:17).
    Le juge décide en {{ duree op_delivrance }}.   → … en 6 jours.
    Jusqu'à {{ montant aj_totale }} par an.  → … 12 862 euros …
    Le 3919 parle {{ langues violences_femmes_info }} langues.   → … 185 …

Les pages en version simple et les traductions s'en servent pour ne jamais retaper un numéro, une
durée ou un montant (ni en garder un ancien). La `langue` de la page (fr par défaut, en, ar) choisit
comment s'écrit une durée ou un montant ; les nombres restent en chiffres. `python -m generator check`
refuse les sortes et les clés inconnues.
"""

from __future__ import annotations

import datetime as dt
import json
import re

INLINE = re.compile(r"\{\{\s*(numero|langues|duree|montant|annee)\s+([a-z0-9_]+)\s*\}\}")
LANGUES = ("fr", "en", "ar")
_CODE = re.compile(r"(`[^`\n]*`)")
ESPACE = "\u00a0"

# Durées : (singulier, pluriel) par langue ; l'arabe a sa propre règle (_ar).
_UNITES = {
    "fr": {"jours": ("jour", "jours"), "mois": ("mois", "mois"), "annees": ("an", "ans")},
    "en": {"jours": ("day", "days"), "mois": ("month", "months"), "annees": ("year", "years")},
}
# Arabe : 1 et 2 se disent par le nom seul (« شهر واحد », « يومين » : un chiffre le répéterait),
# 3 à 10 prennent le pluriel, 11 et plus le singulier avec tanwîn (« 15 يومًا »).
_UNITES_AR = {
    "jours": ("يوم واحد", "يومين", "أيام", "يومًا"),
    "mois": ("شهر واحد", "شهرين", "أشهر", "شهرًا"),
    "annees": ("سنة واحدة", "سنتين", "سنوات", "سنة"),
}
_ET = {"fr": " et ", "en": " and ", "ar": " و"}


def _json(donnees: dict) -> dict:
    """Dates en texte ISO, comme pyscripts lit les données (et le navigateur aussi)."""
    return json.loads(json.dumps(donnees, default=lambda d: d.isoformat()))


def _en_vigueur(liste: list[dict], jour: dt.date) -> dict:
    return max(
        (e for e in liste if dt.date.fromisoformat(str(e["applicable_du"])) <= jour),
        key=lambda e: str(e["applicable_du"]),
    )


def _numeros(donnees: dict) -> dict[str, dict]:
    urgences = donnees.get("urgences") or {}
    return {e["id"]: e for liste in urgences.values() if isinstance(liste, list) for e in liste if "numero" in e}


def _isole(texte: str, langue: str) -> str:
    """En arabe, « 116 006 » ou « 12 862 » montrerait ses groupes dans l'ordre inverse : on l'isole."""
    return f"<bdi>{texte}</bdi>" if langue == "ar" and ESPACE in texte else texte


def _numero(cle: str, donnees: dict, langue: str) -> str:
    entree = _numeros(donnees)[cle]
    lien = entree.get("lien") or "tel:" + entree["numero"].replace(" ", "")
    return f"[{_isole(entree['numero'].replace(' ', ESPACE), langue)}]({lien})"


# Durées absentes du catalogue des délais : (clé du fichier de données, clé de la valeur).
_AUTRES_DUREES = {"regularisation_contribution": ("contribution_aide_juridique", "regularisation")}


def _delai(cle: str, donnees: dict) -> dict:
    delais = donnees["delais"]
    entree = next(d for d in delais["delais"] if d["id"] == cle)
    if "duree" in entree:
        return entree["duree"]
    return _en_vigueur(delais["parametres"][entree["duree_selon"]], dt.date.today())["valeur"]


def duree_texte(duree: dict, langue: str) -> str:
    """{mois: 1, jours: 15} → « 1 mois et 15 jours » / « 1 month and 15 days » / « 1 شهر و15 يومًا »."""
    morceaux = []
    for unite in ("annees", "mois", "jours"):
        if n := duree.get(unite):
            if langue == "ar" and n <= 2:
                morceaux.append(_UNITES_AR[unite][n - 1])
                continue
            if langue == "ar":
                mot = _UNITES_AR[unite][2 if n <= 10 else 3]
            else:
                mot = _UNITES[langue][unite][0 if n == 1 else 1]
            morceaux.append(f"{n}{ESPACE}{mot}")
    return _ET[langue].join(morceaux)


def _montants(donnees: dict, bareme_aj: int) -> dict[str, int]:
    """Montants nommés : plafonds de l'AJ pour une personne (l'année montrée sur le site), contribution."""
    from pyscripts.aj.bareme import bareme_de_l_annee, plafond

    aj = _json(donnees["aide_juridictionnelle"])
    bareme = bareme_de_l_annee(aj, bareme_aj)
    montants = {
        "aj_totale": plafond(bareme, "totale", 1).valeur,
        "aj_partielle_25": plafond(bareme, "partielle_25", 1).valeur,
    }
    if "contribution_aide_juridique" in aj:
        montants["contribution_aide_juridique"] = _en_vigueur(aj["contribution_aide_juridique"], dt.date.today())[
            "valeur"
        ]["montant"]
    return montants


def montant_texte(montant: int, langue: str) -> str:
    milliers = f"{montant:,}"
    if langue == "en":
        return f"€{milliers}"
    groupe = milliers.replace(",", ESPACE)
    return f"{_isole(groupe, langue)}{ESPACE}يورو" if langue == "ar" else f"{groupe}{ESPACE}euros"


def _duree(cle: str, donnees: dict, langue: str) -> str:
    if cle in _AUTRES_DUREES:
        parametre, champ = _AUTRES_DUREES[cle]
        aj = _json(donnees["aide_juridictionnelle"])
        return duree_texte(_en_vigueur(aj[parametre], dt.date.today())["valeur"][champ], langue)
    return duree_texte(_delai(cle, donnees), langue)


def remplace(texte: str, donnees: dict, bareme_aj: int, langue: str = "fr") -> str:
    """Chaque `{{ sorte clé }}` de `texte` remplacé par sa valeur, écrite en `langue`."""
    langue = langue if langue in LANGUES else "fr"

    def valeur(m: re.Match) -> str:
        kind, cle = m.groups()
        if kind == "numero":
            return _numero(cle, donnees, langue)
        if kind == "langues":
            return str(_numeros(donnees)[cle]["langues"]["nombre"])
        if kind == "duree":
            return _duree(cle, donnees, langue)
        if kind == "annee":
            return str(bareme_aj)
        return montant_texte(_montants(donnees, bareme_aj)[cle], langue)

    # Dans du `code`, une macro est montrée, pas remplacée (une page qui les documente).
    return "".join(m if m.startswith("`") else INLINE.sub(valeur, m) for m in _CODE.split(texte))


def probleme(kind: str, cle: str, donnees: dict, bareme_aj: int) -> str | None:
    """Message en français pour une clé inconnue (None quand la valeur existe)."""
    try:
        if kind == "numero":
            connus = sorted(_numeros(donnees))
        elif kind == "langues":
            connus = sorted(k for k, e in _numeros(donnees).items() if "langues" in e)
        elif kind == "annee":
            connus = ["bareme_aj"]
        elif kind == "montant":
            connus = sorted(_montants(donnees, bareme_aj))
        else:
            aj = donnees.get("aide_juridictionnelle") or {}
            connus = [d["id"] for d in donnees["delais"]["delais"]] + [
                k for k, v in _AUTRES_DUREES.items() if v[0] in aj
            ]
    except (KeyError, LookupError, StopIteration, TypeError):
        return None  # c'est le fichier de données qui est faux : son propre contrôle le signale
    if cle in connus:
        return None
    return f"valeur inconnue « {{{{ {kind} {cle} }}}} » (connues : {', '.join(connus)})"
