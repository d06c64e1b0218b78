"""Les mesures d'une ordonnance de protection : lesquelles sont demandées, si la loi les permet
dans la situation de la personne, et comment elles s'écrivent sur le Cerfa 15458.

Les règles sont des données (content/data/op_mesures.yml) : chaque mesure dit son article, sa
case, ce qu'elle exige (une autre mesure, une situation familiale, des enfants en commun, la
majorité) et ce qui l'exclut. Ce module les applique ; il ne contient aucune règle de droit
propre. Bibliothèque standard seulement (CPython et Pyodide).
"""

from __future__ import annotations

import re
from datetime import date

from ..donnees import charge
from ..erreurs import EntreeInvalide
from ..lecture import extrait

REGIMES = ("couple", "mariage_force")
MARIAGE_FORCE = "sortie_territoire_mariage_force"  # la mesure qui ouvre le régime de l'art. 515-13
# Les mesures et les champs du Cerfa 15458 que ce module nomme (vérifiés à la construction).
NOMMEES = (MARIAGE_FORCE,)
CHAMPS_LUS = {
    "enfants_communs_oui": ("case",),
    "enfants_communs_non": ("case",),
    "requerant_date_naissance": ("texte",),
    "fait_le": ("texte",),
}
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_FR = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_CELLULE_ENFANT = re.compile(r"enfants_\d+_")


def donnees() -> dict:
    return charge("op_mesures")


def par_id(d: dict | None = None) -> dict[str, dict]:
    return {m["id"]: m for m in (d or donnees())["mesures"]}


def lien(mesure: dict, d: dict | None = None) -> str:
    """La page qui explique la mesure, avec sa section : « ordonnance-protection/mesures.md#bracelet »."""
    d = d or donnees()
    return f"{mesure.get('page') or d['page_mesures']}#{mesure['ancre']}"


# ── Contrôle des données (à la construction : pyscripts/op/verification.py) ──────


def problemes(d: dict, champs: dict[str, str] | None) -> list[tuple[tuple, str]]:
    """(chemin des clés, message) pour chaque renvoi du fichier de mesures qui ne mène nulle part :
    une case ou un champ du Cerfa 15458 (`champs` : {nom: case | texte | multiligne} ; None : pas de
    formulaire à comparer), une mesure, une situation. La structure (clés, types, valeurs permises)
    est celle du schéma generator/schemas/op_mesures.yml, vérifiée avant."""
    defauts: list[tuple[tuple, str]] = []
    situations = {s["id"] for s in d["situations"]}
    connues = {m["id"] for m in d["mesures"]}

    def champ_du_formulaire(chemin: tuple, nom: str, genres: tuple[str, ...], quoi: str) -> None:
        if champs is None:
            return
        if nom not in champs:
            defauts.append((chemin, f"{quoi} « {nom} » n'existe pas dans le Cerfa 15458 (content/formulaires/)."))
        elif champs[nom] not in genres:
            defauts.append((chemin, f"« {nom} » est un champ {champs[nom]} du Cerfa 15458, pas {quoi}."))

    for i, s in enumerate(d["situations"]):
        champ_du_formulaire(("situations", i, "case"), s["case"], ("case",), "la case")
    for i, m in enumerate(d["mesures"]):
        if m.get("case"):
            champ_du_formulaire(("mesures", i, "case"), m["case"], ("case",), "la case")
        if m.get("texte"):
            champ_du_formulaire(("mesures", i, "texte"), m["texte"], ("texte", "multiligne"), "le champ de texte")
        if not m.get("case") and not (m.get("texte") and (m.get("phrase") or m.get("texte_requis"))):
            defauts.append((("mesures", i), "sans case, il faut un champ `texte` et une `phrase` (ou `texte_requis`)."))
        for cle in ("requiert", "incompatible"):
            for j, autre in enumerate(m.get(cle, [])):
                if autre not in connues:
                    defauts.append((("mesures", i, cle, j), f"{cle} cite « {autre} », qui n'est pas une mesure."))
                elif autre == m["id"] or cle == "requiert" and autre in m.get("incompatible", []):
                    # la mesure serait toujours refusée : elle s'exclut elle-même, ou exige ce qu'elle exclut
                    defauts.append(
                        (
                            ("mesures", i, cle, j),
                            f"{cle} cite « {autre} » : la mesure ne pourrait jamais être demandée.",
                        )
                    )
        for j, autre in enumerate(m.get("situations", [])):
            if autre not in situations:
                defauts.append((("mesures", i, "situations", j), f"« {autre} » n'est pas une situation."))
    for i, c in enumerate(d.get("conseils", [])):
        for cle in ("si", "sans"):
            for j, autre in enumerate(c.get(cle, [])):
                if autre not in connues:
                    defauts.append((("conseils", i, cle, j), f"{cle} cite « {autre} », qui n'est pas une mesure."))
    for ident in NOMMEES:
        if ident not in connues:
            defauts.append((("mesures",), f"le moteur (pyscripts/op) lit la mesure « {ident} » : elle manque."))
    return defauts


# ── Lecture de la demande ────────────────────────────────────────────────────────


def _rempli(valeurs: dict, nom: str | None) -> bool:
    return bool(nom) and isinstance(valeurs.get(nom), str) and bool(valeurs[nom].strip())


def demandees(valeurs: dict, choisies, d: dict | None = None) -> list[str]:
    """Les mesures demandées, dans l'ordre des données : celles de la liste `choisies` (ids), celles
    dont la case est cochée, et celles sans case dont le champ propre est rempli."""
    d = d or donnees()
    mesures = par_id(d)
    if choisies is None:
        choisies = []
    if not isinstance(choisies, list) or not all(isinstance(x, str) for x in choisies):
        raise EntreeInvalide("mesures", "Les mesures demandées sont une liste d'identifiants (textes).")
    for ident in choisies:
        if ident not in mesures:
            raise EntreeInvalide(
                "mesures", f"Mesure inconnue : {extrait(ident)}. Mesures connues : {', '.join(mesures)}."
            )
    choisies = set(choisies)
    partages = {}
    for m in d["mesures"]:
        if m.get("texte"):
            partages[m["texte"]] = partages.get(m["texte"], 0) + 1
    sortie = []
    for m in d["mesures"]:
        if (
            m["id"] in choisies
            or (m.get("case") and valeurs.get(m["case"]) is True)
            or (not m.get("case") and partages.get(m.get("texte")) == 1 and _rempli(valeurs, m.get("texte")))
        ):
            sortie.append(m["id"])
    return sortie


def situation(valeurs: dict, d: dict | None = None) -> dict | None:
    """La situation familiale cochée (le groupe est exclusif : au plus une)."""
    cochees = [s for s in (d or donnees())["situations"] if valeurs.get(s["case"]) is True]
    return cochees[0] if cochees else None


def a_des_enfants(valeurs: dict) -> bool | None:
    """True : enfants en commun déclarés ; False : « non » coché ; None : rien dit."""
    if valeurs.get("enfants_communs_oui") is True or any(
        _CELLULE_ENFANT.match(k) and _rempli(valeurs, k) for k in valeurs
    ):
        return True
    return False if valeurs.get("enfants_communs_non") is True else None


def _jour(texte) -> date | None:
    """Une date du formulaire (jj/mm/aaaa ou AAAA-MM-JJ), ou None si absente ou illisible."""
    if not isinstance(texte, str):
        return None
    texte = texte.strip()
    try:
        if _ISO.fullmatch(texte):
            return date.fromisoformat(texte)
        if m := _FR.fullmatch(texte):
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None
    return None


def _age(naissance: date, jour: date) -> int:
    return jour.year - naissance.year - ((jour.month, jour.day) < (naissance.month, naissance.day))


# ── Dépendances légales ──────────────────────────────────────────────────────────


def _champ(m: dict) -> str:
    return m.get("case") or m["texte"]


def _nomme(m: dict) -> str:
    return f"« {m['titre']} »"


def verifie(ids: list[str], valeurs: dict, aujourdhui: date, d: dict | None = None) -> None:
    """Lève `EntreeInvalide` (sur la case de la mesure) quand la loi ne permet pas la mesure ici."""
    d = d or donnees()
    mesures = par_id(d)
    choisies = set(ids)
    sit = situation(valeurs, d)
    regimes = {"couple"} if sit else set()
    if MARIAGE_FORCE in choisies:
        regimes.add("mariage_force")
    enfants = a_des_enfants(valeurs)
    for ident in ids:
        m = mesures[ident]
        champ, nom, article = _champ(m), _nomme(m), m["article"]
        for autre in m.get("incompatible", []):
            if autre in choisies:
                raise EntreeInvalide(
                    champ,
                    f"{nom} et {_nomme(mesures[autre])} ne peuvent pas être demandées "
                    "ensemble : choisissez l'une des deux.",
                )
        for autre in m.get("requiert", []):
            if autre not in choisies:
                raise EntreeInvalide(
                    champ,
                    f"{nom} ne peut être demandée qu'avec {_nomme(mesures[autre])} "
                    f"({article}) : demandez aussi cette mesure, ou retirez celle-ci.",
                )
        if not set(m["regimes"]) & (regimes or set(REGIMES)) or (not regimes and m["regimes"] == ["couple"]):
            if "couple" in m["regimes"] and not sit:
                raise EntreeInvalide(
                    champ,
                    f"{nom} suppose une relation de couple, actuelle ou passée, avec "
                    f"le défendeur ({article}) : cochez d'abord votre situation familiale.",
                )
            raise EntreeInvalide(champ, f"{nom} n'est pas possible ici ({article}).")
        if m.get("situations") and (not sit or sit["id"] not in m["situations"]):
            permises = " ou ".join(s["libelle"] for s in d["situations"] if s["id"] in m["situations"])
            vous = f"vous avez coché « {sit['libelle']} »" if sit else "cochez d'abord votre situation familiale"
            raise EntreeInvalide(champ, f"{nom} est réservée par la loi aux personnes {permises} ({article}) ; {vous}.")
        if m.get("enfants") and not enfants:
            raise EntreeInvalide(
                champ,
                f"{nom} concerne les enfants en commun ({article}) : indiquez vos enfants "
                "en commun dans la rubrique « Vos enfants en commun ».",
            )
        if m.get("majeur"):
            naissance = _jour(valeurs.get("requerant_date_naissance"))
            jour = _jour(valeurs.get("fait_le")) or aujourdhui
            if naissance and _age(naissance, jour) < d["majorite"]["age"]:
                raise EntreeInvalide(
                    champ,
                    f"{nom} ne peut être demandée au juge aux affaires familiales que par une "
                    f"personne majeure ({article}). Avant {d['majorite']['age']} ans, c'est le "
                    "juge des enfants qui peut vous protéger.",
                )
        if m.get("texte_requis") and not _rempli(valeurs, m["texte"]):
            raise EntreeInvalide(m["texte"], f"{nom} : précisez votre demande dans les lignes prévues.")


# ── Écriture sur le formulaire ───────────────────────────────────────────────────


def applique(ids: list[str], valeurs: dict, d: dict | None = None) -> dict:
    """Coche la case de chaque mesure demandée ; pour une mesure sans case, écrit sa phrase en
    tête de ses lignes (une seule fois). Renvoie de nouvelles valeurs."""
    d = d or donnees()
    mesures = par_id(d)
    sortie = dict(valeurs)
    phrases: dict[str, list[str]] = {}
    for ident in ids:
        m = mesures[ident]
        if m.get("case"):
            sortie[m["case"]] = True
        elif m.get("phrase"):
            phrases.setdefault(m["texte"], []).append(m["phrase"])
    for champ, liste in phrases.items():
        existant = (sortie.get(champ) or "").strip()
        nouvelles = [p for p in liste if p not in existant]
        sortie[champ] = "\n".join(nouvelles + ([existant] if existant else []))
    return sortie


def conseils(ids: list[str], valeurs: dict, d: dict | None = None) -> list[dict]:
    """Les conseils des données qui s'appliquent : [{texte, article}]."""
    d = d or donnees()
    choisies = set(ids)
    enfants = a_des_enfants(valeurs)
    return [
        {"texte": c["texte"], "article": c["article"]}
        for c in d.get("conseils", [])
        if set(c.get("si", [])) <= choisies
        and not set(c.get("sans", [])) & choisies
        and (not c.get("enfants") or enfants)
    ]


def pour_la_page(d: dict | None = None) -> list[dict]:
    """Les mesures que la page propose, dans l'ordre, avec leur phrase d'explication et leur lien."""
    d = d or donnees()
    return [
        {
            "id": m["id"],
            "titre": m["titre"],
            "explication": m["explication"],
            "article": m["article"],
            "rubrique": m["rubrique"],
            "lien": lien(m, d),
            "champ": _champ(m),
            "texte": m.get("texte"),
            "enfants": bool(m.get("enfants")),
            "situations": m.get("situations", []),
            "requiert": m.get("requiert", []),
            "adresse": bool(m.get("adresse")),
        }
        for m in d["mesures"]
    ]
