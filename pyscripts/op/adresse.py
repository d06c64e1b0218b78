"""L'adresse cachée : quand la case « Cochez cette case si vous ne souhaitez pas communiquer
votre adresse au défendeur » est cochée, l'adresse ne doit figurer nulle part dans la requête.

La requête et toutes ses pièces sont remises à l'autre partie (code de procédure civile, art.
1136-3). Donc, la case cochée :
- les champs de l'adresse sont retirés des valeurs (CHAMPS, et toute rubrique `sauf_si:
  [adresse_cachee]`) ; la page et la ligne de commande les donnent quand même, pour la
  vérification seulement ;
- l'élection de domicile devient obligatoire, chez l'avocat ou auprès du procureur (code civil,
  art. 515-11 6°), avec ses coordonnées ;
- chaque texte de chaque étape (identité, défendeur, demandes, faits, témoins, pièces, élection
  de domicile, tribunal) et l'exposé et le bordereau qui en sont tirés sont comparés à
  l'adresse (reperage.py) : le numéro et la rue, ou la rue, sont refusés, le champ nommé ; le
  nom seul, le code postal, le complément demandent une confirmation (`confirmations`), sans
  laquelle `remplir` refuse ; la commune seule, un texte qui ressemble à une autre adresse, le
  téléphone et le courriel donnés sont des avertissements.

Certains champs attendent une adresse : l'élection de domicile (celle du tribunal ou de l'avocat :
la sienne y est refusée, sa rue demande confirmation) et l'adresse du défendeur (la même que la
sienne demande confirmation, avec l'explication). Bibliothèque standard seulement.
"""

from __future__ import annotations

import re

from ..erreurs import EntreeInvalide
from ..lecture import nettoie
from .reperage import Adresse, signaux

CASE = "adresse_cachee"
# Les champs de l'adresse : retirés quand la case est cochée, même si la définition perdait son
# `sauf_si` (la construction refuse alors la définition : generator/contenu/formulaires.py).
CHAMPS = (
    "requerant_adresse",
    "requerant_adresse_complement",
    "requerant_code_postal",
    "requerant_commune",
    "requerant_pays",
)
# Ceux que la vérification lit ; la construction exige qu'ils existent sous la rubrique cachée.
CHAMPS_VERIFIES = CHAMPS[:4]
ELECTIONS = (
    ("election_avocat", "election_avocat_coordonnees", "le nom et les coordonnées de votre avocat"),
    ("election_procureur", "election_procureur_adresse", "l'adresse du tribunal auquel vous adressez la requête"),
)
COORDONNEES = (
    ("requerant_telephone", "Votre numéro de téléphone"),
    ("requerant_courriel", "Votre adresse électronique"),
)
RUBRIQUE_ELECTION = "adresse_secrete"

REFUS, CONFIRMER, INFO = "refus", "confirmer", "info"
_TEXTE = {
    "numero_et_voie": REFUS,
    "voie": REFUS,
    "nom": CONFIRMER,
    "code_postal": CONFIRMER,
    "complement": CONFIRMER,
    "commune": INFO,
}
# Ce que chaque sorte de champ fait de chaque élément trouvé (absent : rien).
POLITIQUES = {
    "texte": _TEXTE,
    "personne": {k: v for k, v in _TEXTE.items() if k != "nom"},  # « Lilas » peut être un prénom
    # Une ville, où une rue « de Lyon » ne se distingue pas de Lyon ; le tribunal est souvent dans la sienne.
    "lieu": {k: v for k, v in _TEXTE.items() if k != "nom"},
    "juridiction": {k: v for k, v in _TEXTE.items() if k not in ("nom", "commune")},
    "election": {"numero_et_voie": REFUS, "voie": CONFIRMER, "nom": CONFIRMER, "complement": CONFIRMER},
    "defendeur_adresse": {"numero_et_voie": CONFIRMER, "voie": CONFIRMER},
    "rien": {},
}
_PERSONNES = re.compile(
    r"(requerant|defendeur)_(nom|nom_usage|prenoms)|enfants_\d+_nom_prenoms|chronologie\.\d+\.temoins(\.\d+)?"
)
_SORTES = {
    "tribunal": "juridiction",
    "fait_a": "lieu",
    "requerant_lieu_naissance": "lieu",
    "defendeur_lieu_naissance": "lieu",
    "requerant_nationalite": "lieu",
    "defendeur_nationalite": "lieu",
    "election_avocat_coordonnees": "election",
    "election_procureur_adresse": "election",
    "defendeur_adresse": "defendeur_adresse",
    "defendeur_adresse_complement": "defendeur_adresse",
    "defendeur_code_postal": "rien",
    "defendeur_commune": "rien",
    "defendeur_pays": "rien",
}
_ELEMENTS = {
    "numero_et_voie": "votre adresse (le numéro et le nom de votre rue)",
    "voie": "le nom de votre rue",
    "nom": "le nom de votre rue",
    "code_postal": "votre code postal",
    "complement": "le complément de votre adresse (bâtiment, appartement…)",
    "commune": "la commune où vous habitez",
}
REMISE = "La requête et ses pièces sont remises à l'autre partie"
A_MON_DOMICILE = "écrivez par exemple « à mon domicile »"


def sorte(champ: str) -> str:
    if champ in _SORTES:
        return _SORTES[champ]
    return "personne" if _PERSONNES.fullmatch(champ) else "texte"


# ── La définition du Cerfa 15458 garde ce qui cache l'adresse (vérifié à la construction) ──


def problemes_definition(definition: dict) -> list[tuple[tuple, str]]:
    """[(chemin de clés dans le YAML, message)] : ce qui manque pour cacher l'adresse. Sans le
    `sauf_si`, la page la demanderait comme une adresse à imprimer ; sans les champs, rien à comparer."""
    defauts = []
    ou: dict[str, tuple] = {}  # nom → chemin de la rubrique où il est défini
    types: dict[str, str] = {}
    for i, rubrique in enumerate(definition.get("rubriques") or []):
        exposes = []
        for champ in rubrique.get("champs") or []:
            for nom, genre in _tous(champ):
                ou.setdefault(nom, ("rubriques", i))
                types.setdefault(nom, genre)
                if nom in CHAMPS and CASE not in (rubrique.get("sauf_si") or []):
                    exposes.append(f"« {nom} »")
        if exposes:
            defauts.append(
                (
                    ("rubriques", i),
                    f"rubrique « {rubrique.get('id')} » : {', '.join(exposes)} font partie de l'adresse de la "
                    f"personne ; la rubrique doit porter « sauf_si: [{CASE}] », sinon l'adresse est imprimée "
                    "sur la requête quand elle demande à la cacher",
                )
            )
    if types.get(CASE) != "case":
        defauts.append((("rubriques",), f"la case « {CASE} » (cacher son adresse au défendeur) a disparu"))
    for nom in CHAMPS_VERIFIES:
        if nom not in ou:
            defauts.append(
                (
                    ("rubriques",),
                    f"le champ « {nom} » a disparu : la page le demande pour vérifier que l'adresse cachée "
                    "n'est reprise dans aucun texte",
                )
            )
    for case, texte, _ in ELECTIONS:
        for nom in (case, texte):
            if nom not in ou:
                defauts.append(
                    (("rubriques",), f"le champ « {nom} » (élection de domicile, quand l'adresse est cachée) a disparu")
                )
    return defauts


def _tous(champ: dict):
    """(nom, type) de chaque champ nommé, options des groupes et leurs sous-champs compris."""
    if champ.get("nom") and champ.get("type") != "cases":
        yield champ["nom"], champ.get("type")
    for option in champ.get("options") or []:
        yield f"{champ.get('nom')}_{option.get('nom')}", "case"
        for enfant in option.get("champs") or []:
            yield from _tous(enfant)


# ── Retirer l'adresse, élire domicile ────────────────────────────────────────────


def champs_adresse(definition: dict) -> list[str]:
    """Les champs de l'adresse : CHAMPS, et ceux des rubriques qui disparaissent quand la case est cochée."""
    rubriques = [c["nom"] for r in definition["rubriques"] if CASE in r.get("sauf_si", []) for c in r["champs"]]
    return list(dict.fromkeys([*CHAMPS, *(n for n in rubriques if n)]))


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


def lit_confirmations(brut) -> set[str]:
    """`confirmations` : les avertissements que la personne a lus et acceptés (leur clé `confirmer`)."""
    if brut is None:
        return set()
    if not isinstance(brut, list) or len(brut) > 1000 or not all(isinstance(c, str) for c in brut):
        raise EntreeInvalide(
            "confirmations",
            'Les confirmations sont une liste de textes, les clés « confirmer » des avertissements, par exemple ["lieux_precisions:nom"].',
        )
    return set(brut)


# ── Les textes comparés à l'adresse ──────────────────────────────────────────────


def ordre_des_champs(definition: dict) -> dict[str, tuple]:
    """{champ: rang} dans l'ordre où la page les pose : par étape, l'élection de domicile d'abord
    (la page la demande avec la case), puis l'ordre du formulaire. `motifs` : les faits."""
    rangs: dict[str, tuple] = {}
    rubriques = sorted(
        enumerate(definition["rubriques"]),
        key=lambda ir: (ir[1].get("etape", 99), ir[1]["id"] != RUBRIQUE_ELECTION, ir[0]),
    )
    for position, (_, rubrique) in enumerate(rubriques):
        for rang, nom in enumerate(_noms(rubrique["champs"])):
            rangs.setdefault(nom, (position, rang))
        if rubrique["id"] == "motifs":
            rangs["motifs"] = (position, -1)
    return rangs


def _noms(champs: list[dict]):
    for champ in champs:
        if champ.get("nom") and champ["type"] not in ("cases", "tableau"):
            yield champ["nom"]
        for option in champ.get("options", []):
            yield f"{champ['nom']}_{option['nom']}"
            yield from _noms(option.get("champs", []))
        if champ.get("type") == "tableau":
            lignes = champ["lignes"]  # numérotées : jusqu'à lignes_max (rangées en annexe)
            noms = (
                range(1, champ.get("lignes_max", lignes) + 1)
                if isinstance(lignes, int)
                else [rangee["nom"] for rangee in lignes]
            )
            for ligne in noms:
                for colonne in champ["colonnes"]:
                    yield f"{champ['nom']}_{ligne}_{colonne['nom']}"


def dans_l_ordre(textes: dict[str, str], definition: dict) -> list[tuple[str, str]]:
    """Les textes dans l'ordre de la page ; ceux de la chronologie, du danger et des pièces à l'étape des faits."""
    rangs = ordre_des_champs(definition)
    motifs = rangs.get("motifs", (99, 0))
    return sorted(textes.items(), key=lambda ct: rangs.get(ct[0], motifs))


# ── Comparer ─────────────────────────────────────────────────────────────────────


def _liste(genres: list[str], signal_par_genre: dict) -> str:
    noms = []
    for g in genres:
        nom = _ELEMENTS[g]
        if g == "code_postal" and signal_par_genre[g].avec_commune:
            nom = "votre code postal et votre commune"
        if nom not in noms:
            noms.append(nom)
    return noms[0] if len(noms) == 1 else ", ".join(noms[:-1]) + " et " + noms[-1]


def _refus(champ: str, genre: str) -> EntreeInvalide:
    if sorte(champ) == "election":
        qui = "de votre avocat (son cabinet)" if champ == "election_avocat_coordonnees" else "du tribunal"
        return EntreeInvalide(
            champ,
            f"Vous avez écrit votre propre adresse. Ici, il faut l'adresse {qui} : c'est là que le "
            f"tribunal vous écrira, et la requête est remise à l'autre partie.",
        )
    quoi = _ELEMENTS[genre]
    pronom = "la" if genre == "numero_et_voie" else "le"
    return EntreeInvalide(
        champ,
        f"Ce texte donne {quoi}, que vous avez demandé à cacher. {REMISE} : retirez-{pronom} ({A_MON_DOMICILE}).",
    )


def _a_confirmer(champ: str, genres: list[str], par_genre: dict) -> str:
    quoi = _liste(genres, par_genre)
    genre = sorte(champ)
    if genre == "defendeur_adresse":
        if "numero_et_voie" in genres:
            return (
                "L'adresse de l'autre partie est la vôtre : la requête la portera, votre adresse y figurera donc "
                "quand même. Si vous vivez encore ensemble, c'est là que la requête lui sera remise : confirmez. "
                "Si l'autre partie n'y habite plus, écrivez son adresse actuelle ou sa dernière adresse connue "
                "ailleurs (par exemple chez ses parents), jamais la vôtre."
            )
        return (
            "L'adresse de l'autre partie est dans votre rue : la requête la portera. Si c'est bien là qu'elle "
            "habite, confirmez ; sinon, écrivez son adresse actuelle ou sa dernière adresse connue."
        )
    if genre == "election":
        return (
            f"Ce texte cite {quoi}. Si le tribunal ou le cabinet de votre avocat s'y trouve vraiment, "
            "confirmez ; sinon, écrivez son adresse à lui, pas la vôtre."
        )
    return (
        f"Ce texte cite {quoi}. {REMISE} : si cela désigne votre domicile, {A_MON_DOMICILE}. "
        "Si cela désigne autre chose, confirmez que ce texte peut rester."
    )


def _politique(champ: str, signal) -> str | None:
    force = POLITIQUES[sorte(champ)].get(signal.genre)
    if force == REFUS and signal.genre == "voie" and (signal.commun or signal.approche):
        return CONFIRMER  # « sur la place de la mairie », « rue Zolla » : peut-être un lieu public, une autre rue
    return force


def compare(sources: list[tuple[str, str]], produits: list[tuple[str, str]], cachee: dict, confirmations: set[str]):
    """Refuse le premier texte (dans l'ordre de la page) qui donne la rue ; renvoie (avertissements,
    champs où un élément a été trouvé). `produits` : l'exposé et le bordereau tirés des sources,
    où seul ce qui n'était dans aucune source est signalé."""
    adresse = Adresse.depuis(cachee)
    avertissements: list[dict] = []
    touches: set[str] = set()
    deja: set[str] = set()
    for liste, nouveaux_seulement in ((sources, False), (produits, True)):
        for champ, texte in liste:
            trouves = [s for s in signaux(texte, adresse) if not (nouveaux_seulement and s.genre in deja)]
            deja.update(s.genre for s in trouves)  # un élément né de l'assemblage n'est signalé qu'une fois
            forces = {s.genre: _politique(champ, s) for s in trouves}
            par_genre = {s.genre: s for s in trouves}
            if not any(forces.values()):
                continue
            touches.add(champ)
            refuse = next((g for g, f in forces.items() if f == REFUS), None)
            if refuse:
                raise _refus(champ, refuse)
            a_confirmer = [g for g, f in forces.items() if f == CONFIRMER]
            if a_confirmer:
                cle = f"{champ}:{'+'.join(a_confirmer)}"
                avertissements.append(
                    {
                        "champ": champ,
                        "message": _a_confirmer(champ, a_confirmer, par_genre),
                        "confirmer": cle,
                        "confirme": cle in confirmations,
                    }
                )
            elif "commune" in forces:
                avertissements.append(
                    {
                        "champ": champ,
                        "message": "Ce texte cite la commune où vous habitez. Vérifiez qu'il ne permet pas "
                        "à l'autre partie de vous retrouver.",
                    }
                )
    return avertissements, touches


def non_confirmes(avertissements: list[dict]) -> list[dict]:
    return [a for a in avertissements if a.get("confirmer") and not a["confirme"]]


def refus_non_confirme(avertissement: dict) -> EntreeInvalide:
    """Ce que `remplir` dit d'un avertissement que la personne n'a pas confirmé."""
    return EntreeInvalide(
        avertissement["champ"],
        f"{avertissement['message']} Pour garder ce texte tel quel, ajoutez "
        f"« {avertissement['confirmer']} » à la liste « confirmations ».",
    )


# ── Ce qui ressemble à une adresse, même sans l'adresse cachée pour comparer ───────

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
_CODE_POSTAL = re.compile(
    r"(?<![\d,./])(?<!n°\s)(?<!n°)(?<!no\s)(?:\d{5}|2[AB]\d{3})(?![\d,./])(?!\s*(?:€|euros?\b))", re.IGNORECASE
)


def avertissements(valeurs: dict, textes: list[tuple[str, str]], deja: set[str]) -> list[dict]:
    """[{champ, message}] : le téléphone et le courriel donnés, un texte qui ressemble à une adresse
    (celle du travail, de l'école…) là où aucun élément de l'adresse cachée n'a été trouvé."""
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
    for champ, texte in textes:
        if not texte or champ in deja or sorte(champ) not in ("texte", "personne", "lieu"):
            continue
        trouve = _VOIE.search(texte) or _CODE_POSTAL.search(texte)
        if trouve:
            sortie.append(
                {
                    "champ": champ,
                    "message": f"Ce texte semble contenir une adresse (« {nettoie(trouve.group(0))} »). "
                    f"{REMISE} : si c'est votre adresse, celle de votre travail ou de l'école des enfants, "
                    "remplacez-la par « mon domicile », « mon travail », « l'école ».",
                }
            )
    return sortie
