"""Legal values written inside a sentence, read from content/data at build time:

    Appelez le {{ numero police }}.          → Appelez le [17](tel:17).
    Le juge décide en {{ duree op_delivrance }}.   → … en 6 jours.
    Jusqu'à {{ montant aj_totale }} par an.  → … 12 862 euros …
    Le 3919 parle {{ langues violences_femmes_info }} langues.   → … 185 …

Easy-read pages and translations use them so that they never retype a number, a
duration or an amount (and never keep an old one). The page's `langue` (fr by
default, en, ar) chooses how a duration or an amount is written; numbers stay in
digits. Unknown kinds or keys are refused by `python -m generator check`.
"""

from __future__ import annotations

import datetime as dt
import json
import re

INLINE = re.compile(r"\{\{\s*(numero|langues|duree|montant|annee)\s+([a-z0-9_]+)\s*\}\}")
LANGUES = ("fr", "en", "ar")
_CODE = re.compile(r"(`[^`\n]*`)")
ESPACE = "\u00a0"

# Durations: (singular, plural) per language; Arabic has its own rule (_ar).
_UNITES = {
    "fr": {"jours": ("jour", "jours"), "mois": ("mois", "mois"), "annees": ("an", "ans")},
    "en": {"jours": ("day", "days"), "mois": ("month", "months"), "annees": ("year", "years")},
}
# Arabic: 1 and 2 are said by the noun alone (« شهر واحد », « يومين » : a digit would repeat it),
# 3-10 take the plural, 11 and more the singular with tanwin (« 15 يومًا »).
_UNITES_AR = {
    "jours": ("يوم واحد", "يومين", "أيام", "يومًا"),
    "mois": ("شهر واحد", "شهرين", "أشهر", "شهرًا"),
    "annees": ("سنة واحدة", "سنتين", "سنوات", "سنة"),
}
_ET = {"fr": " et ", "en": " and ", "ar": " و"}


def _json(donnees: dict) -> dict:
    """Dates as ISO text, as pyscripts reads the data (and the browser does)."""
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
    """In Arabic, « 116 006 » or « 12 862 » would show its groups in reverse order: isolate it."""
    return f"<bdi>{texte}</bdi>" if langue == "ar" and ESPACE in texte else texte


def _numero(cle: str, donnees: dict, langue: str) -> str:
    entree = _numeros(donnees)[cle]
    lien = entree.get("lien") or "tel:" + entree["numero"].replace(" ", "")
    return f"[{_isole(entree['numero'].replace(' ', ESPACE), langue)}]({lien})"


# Durations that are not in the catalogue of délais: (data file key, key of the value).
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
    """Named amounts: the legal-aid ceilings for one person (the year shown on the site), the contribution."""
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
    """Every `{{ kind key }}` of `texte` replaced by its value, written in `langue`."""
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

    # Inside `code` a macro is shown, not replaced (a page that documents them).
    return "".join(m if m.startswith("`") else INLINE.sub(valeur, m) for m in _CODE.split(texte))


def probleme(kind: str, cle: str, donnees: dict, bareme_aj: int) -> str | None:
    """French message for an unknown key (None when the value exists)."""
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
        return None  # the data file itself is wrong: its own check reports it
    if cle in connus:
        return None
    return f"valeur inconnue « {{{{ {kind} {cle} }}}} » (connues : {', '.join(connus)})"
