"""Préparer une requête en ordonnance de protection (Cerfa 15458*07), en privé.

    prepare(entree)   valeurs du PDF (adresse cachée retirée, mesures cochées et écrites,
                      exposé et bordereau reportés), exposé numéroté, bordereau, conseils,
                      avertissements, liste de ce qu'il faut apporter au greffe et à l'audience
    expose(entree)    l'exposé des faits et le bordereau seuls (même entrée)
    a_remplir(entree) prepare, mais refuse un avertissement sur l'adresse cachée non confirmé :
                      ce que `remplir` écrit dans le PDF

Entrée : {"formulaire": "cerfa-15458", "valeurs": {nom du champ: texte ou booléen},
"mesures": [ids de content/data/regles_mesures.yml], "chronologie": [{"date" | "periode", "lieu",
"faits", "temoins", "piece"}], "danger": texte, "pieces": [texte | {"id", "designation"}],
"aujourdhui": "AAAA-MM-JJ" (facultatif), "confirmations": [clés « confirmer » des avertissements
acceptés]}. La case `adresse_cachee` cochée, les champs de l'adresse servent seulement à vérifier
qu'elle n'est reprise nulle part (adresse.py). Une entrée invalide lève `EntreeInvalide` (champ et
phrase en français). Bibliothèque standard seulement (CPython et Pyodide).
"""

from __future__ import annotations

import re
from datetime import date

from ..erreurs import EntreeInvalide
from ..formulaires.definition import cases, champs_pdf, lit_formulaire
from ..lecture import champ_inconnu, lit_date
from . import adresse, greffe
from . import expose as expose_des_faits
from . import mesures as regles_mesures
from .reperage import Adresse

IDENTIFIANT = "cerfa-15458"
# « pdf » : le PDF vierge que le worker joint à l'entrée de `formulaire_remplir` (lu par pyscripts.formulaires).
CLES = ("formulaire", "valeurs", "mesures", "chronologie", "danger", "pieces", "aujourdhui", "confirmations", "pdf")
A_COMPLETER = (
    "tribunal",
    "requerant_nom",
    "requerant_prenoms",
    "defendeur_nom",
    "defendeur_prenoms",
    "defendeur_adresse",
    "expose_faits",
    "fait_a",
    "fait_le",
)
CELLULE_PIECE = re.compile(r"pieces_(\d+)_numero")
# « aujourdhui » (facultatif : la date de la machine sinon) : une date plausible, jamais 0001 ni 9999.
AUJOURDHUI_BORNES = (date(2000, 1, 1), date(2199, 12, 31))


def _definition() -> tuple[dict, list[dict]]:
    definition = lit_formulaire(IDENTIFIANT)
    return definition, champs_pdf(definition)


def _aujourdhui(entree: dict) -> date:
    valeur = entree.get("aujourdhui")
    if valeur is None:
        return date.today()
    return lit_date(
        valeur,
        "aujourdhui",
        "la date du jour",
        premier=AUJOURDHUI_BORNES[0],
        dernier=AUJOURDHUI_BORNES[1],
        trop_tot=f"elle est avant l'année {AUJOURDHUI_BORNES[0].year} : vérifiez-la",
        trop_tard=f"elle est après l'année {AUJOURDHUI_BORNES[1].year} : vérifiez-la",
    )


def _lit(entree) -> dict:
    if not isinstance(entree, dict):
        raise EntreeInvalide("entree", "L'entrée doit être un objet JSON, entre accolades { }.")
    for cle in entree:
        if cle not in CLES:
            raise champ_inconnu(cle, CLES)
    if entree.get("formulaire", IDENTIFIANT) != IDENTIFIANT:
        raise EntreeInvalide("formulaire", f"Ce moteur prépare le formulaire « {IDENTIFIANT} » seulement.")
    return entree


def _valeurs(brutes, champs: list[dict], definition: dict) -> dict:
    """Les valeurs saisies, contrôlées : un nom connu du PDF, un booléen pour une case, un texte sinon."""
    if brutes is None:
        return {}
    if not isinstance(brutes, dict):
        raise EntreeInvalide("valeurs", "Les valeurs sont un objet {nom du champ: valeur}.")
    from ..formulaires.definition import rangees_annexe

    types = {c["nom"]: c["type"] for c in [*champs, *rangees_annexe(definition)]}
    sortie = {}
    for nom, valeur in brutes.items():
        if nom not in types:
            raise champ_inconnu(nom, du=f" du formulaire {IDENTIFIANT}")
        if types[nom] == "case":
            if not isinstance(valeur, bool):
                raise EntreeInvalide(nom, "Une case vaut true (cochée) ou false.")
        elif not isinstance(valeur, str):
            raise EntreeInvalide(nom, "La valeur de ce champ doit être un texte.")
        sortie[nom] = valeur
    libelles = {c["nom"]: c["nom_accessible"] for c in champs}
    vues: dict[str, str] = {}
    for nom, groupe in cases(definition).items():
        if groupe and sortie.get(nom) is True:
            if groupe in vues:
                raise EntreeInvalide(
                    nom,
                    f"« {libelles[vues[groupe]]} » et « {libelles[nom]} » : une seule de ces cases peut être cochée.",
                )
            vues[groupe] = nom
    return sortie


def _textes_du_dossier(dossier: dict) -> dict[str, str]:
    """Les textes de l'exposé et du bordereau, nommés comme dans l'entrée (chronologie.3.faits…)."""
    textes = {}
    for p in dossier["expose"]["paragraphes"]:
        base = f"chronologie.{p['saisi_en']}"
        textes[f"{base}.faits"] = p["faits"]
        textes[f"{base}.lieu"] = p["lieu"]
        textes[f"{base}.temoins"] = "\n".join(p["temoins"])
    textes["danger"] = dossier["expose"]["danger"]
    for piece in dossier["bordereau"]:
        textes[piece["origine"]] = "\n".join(filter(None, [textes.get(piece["origine"]), piece["designation"]]))
    return textes


def _reporte(valeurs: dict, dossier: dict, champs: list[dict]) -> tuple[dict, dict]:
    """L'exposé dans « Exposé des faits et du danger » et le bordereau dans le tableau des pièces ;
    et ce que l'impression y joint (pyscripts/formulaires/remplissage.py) : si l'exposé ne tient pas
    dans sa case, la case le résume et renvoie à l'annexe « Exposé des faits » (texte entier) ; si
    les pièces dépassent le tableau, sa dernière ligne renvoie au bordereau complet, en annexe."""
    sortie = dict(valeurs)
    impression: dict = {"annexes": [], "si_deborde": {}, "renvois": {}}
    expose = dossier["expose"]
    if expose["texte"]:
        propre = (valeurs.get("expose_faits") or "").strip()
        sortie["expose_faits"] = "\n".join(filter(None, [propre, expose["texte"]]))
        nombre = len(expose["paragraphes"])
        resume = (
            f"Les faits sont exposés dans l'annexe « Exposé des faits » jointe à la présente requête, "
            f"dont elle fait partie (page {{page}}) : {nombre} fait{'s' if nombre > 1 else ''} "
            f"numéroté{'s' if nombre > 1 else ''}{', ' + expose['periode'] if expose['periode'] else ''}, "
            "puis le danger actuel. Chaque fait renvoie aux pièces du bordereau."
        )
        impression["si_deborde"]["expose_faits"] = {
            "texte": "\n".join(filter(None, [propre, resume])),
            "annexe": _section_expose(expose),
        }
    bordereau = dossier["bordereau"]
    rangs = sorted(int(m.group(1)) for c in champs if (m := CELLULE_PIECE.fullmatch(c["nom"])))
    if bordereau and rangs:
        place = len(rangs)
        visibles = bordereau if len(bordereau) <= place else bordereau[: place - 1]
        for rang, piece in zip(rangs, visibles):
            sortie[f"pieces_{rang}_numero"] = str(piece["numero"])
            sortie[f"pieces_{rang}_designation"] = piece["designation"]
        if len(bordereau) > place:
            reste = len(bordereau) - len(visibles)
            derniere = f"pieces_{rangs[-1]}_designation"
            sortie[f"pieces_{rangs[-1]}_numero"] = f"{visibles[-1]['numero'] + 1} à {bordereau[-1]['numero']}"
            sortie[derniere] = f"{reste} autres pièces : voir le bordereau complet joint, page {{page}}"
            impression["annexes"].append(_section_bordereau(bordereau))
            impression["renvois"][derniere] = "bordereau"
    return sortie, impression


def _section_expose(expose: dict) -> dict:
    blocs = [{"texte": f"{p['numero']}. {p['texte']}"} for p in expose["paragraphes"]]
    if expose["danger"]:
        blocs.append({"texte": expose["texte"].rsplit("\n", 1)[-1]})
    titre = "Annexe à la requête en vue d'une ordonnance de protection : exposé des faits"
    return {"titre": titre, "ancre": "expose", "blocs": blocs}


def _section_bordereau(bordereau: list[dict]) -> dict:
    lignes = [[str(p["numero"]), p["designation"], ", ".join(map(str, p["citee_par"])) or "—"] for p in bordereau]
    return {
        "titre": "Annexe à la requête : bordereau des pièces communiquées",
        "ancre": "bordereau",
        "blocs": [{"tableau": {"colonnes": [["N°", 0.7], ["Pièce", 6], ["Citée au fait n°", 1.6]], "lignes": lignes}}],
    }


def _complet(entree: dict) -> dict:
    """Tout le travail ; `prepare` et `expose` en renvoient chacun une partie."""
    entree = _lit(entree)
    definition, champs = _definition()
    aujourdhui = _aujourdhui(entree)
    valeurs, cachee = adresse.retire(_valeurs(entree.get("valeurs"), champs, definition), definition)
    dossier = expose_des_faits.construit(
        entree.get("chronologie"), entree.get("danger"), entree.get("pieces"), aujourdhui
    )
    return {
        "entree": entree,
        "definition": definition,
        "champs": champs,
        "aujourdhui": aujourdhui,
        "valeurs": valeurs,
        "cachee": cachee,
        "dossier": dossier,
        "confirmations": adresse.lit_confirmations(entree.get("confirmations")),
    }


def _controle_adresse(etat: dict, valeurs: dict) -> list[dict]:
    """Chaque texte saisi, dans l'ordre de la page, puis ce que le moteur en a tiré (exposé, bordereau,
    lignes des mesures) : l'erreur désigne ce que la personne a écrit, pas le document qui en est tiré."""
    if valeurs.get(adresse.CASE) is not True:
        return []
    saisies = {nom: v for nom, v in etat["valeurs"].items() if isinstance(v, str)}
    sources = adresse.dans_l_ordre(saisies | _textes_du_dossier(etat["dossier"]), etat["definition"])
    produits = [("chronologie", etat["dossier"]["expose"]["texte"])]
    produits += [(nom, v) for nom, v in valeurs.items() if isinstance(v, str) and v != saisies.get(nom)]
    trouves, touches = adresse.compare(sources, produits, etat["cachee"], etat["confirmations"])
    return trouves + adresse.avertissements(valeurs, sources, touches)


def _verifiee(etat: dict) -> bool:
    return bool(etat["cachee"]) and Adresse.depuis(etat["cachee"]).verifiable()


def expose(entree: dict) -> dict:
    """{"expose", "bordereau", "avertissements"} : l'exposé numéroté et le bordereau (un document :
    refusé tant qu'un avertissement sur l'adresse cachée n'est pas confirmé)."""
    etat = _complet(entree)
    avertissements = _controle_adresse(etat, etat["valeurs"])
    if attente := adresse.non_confirmes(avertissements):
        raise adresse.refus_non_confirme(attente[0])
    dossier = etat["dossier"]
    return {"expose": dossier["expose"], "bordereau": dossier["bordereau"], "avertissements": avertissements}


def prepare(entree: dict) -> dict:
    """Tout ce que la page montre à la fin, et les valeurs que `remplir` écrit dans le PDF."""
    etat = _complet(entree)
    valeurs = etat["valeurs"]
    adresse.verifie_election(valeurs)
    mesures = regles_mesures.demandees(valeurs, etat["entree"].get("mesures"))
    regles_mesures.verifie(mesures, valeurs, etat["aujourdhui"])
    valeurs = regles_mesures.applique(mesures, valeurs)
    valeurs, impression = _reporte(valeurs, etat["dossier"], etat["champs"])
    annexes = _controle_impression(etat, valeurs, impression)
    avertissements = _controle_adresse(etat, valeurs)
    sit = regles_mesures.situation(valeurs)
    enfants = regles_mesures.a_des_enfants(valeurs)
    libelles = {c["nom"]: c["nom_accessible"] for c in etat["champs"]}
    return {
        "valeurs": valeurs,
        "mesures": mesures,
        "expose": etat["dossier"]["expose"],
        "bordereau": etat["dossier"]["bordereau"],
        "conseils": regles_mesures.conseils(mesures, valeurs),
        "avertissements": avertissements,
        "a_apporter": greffe.a_apporter(greffe.faits(valeurs, mesures, enfants, sit["id"] if sit else None)),
        "a_completer": [
            {"champ": nom, "libelle": libelles.get(nom, nom)}
            for nom in A_COMPLETER
            if not (isinstance(valeurs.get(nom), str) and valeurs[nom].strip())
        ],
        "adresse_cachee": valeurs.get(adresse.CASE) is True,
        # « Votre adresse n'y figure pas » seulement si l'adresse a été donnée et comparée à chaque texte.
        "adresse_verifiee": _verifiee(etat),
        "impression": impression,
        "annexes": annexes,
    }


def a_remplir(entree: dict) -> dict:
    """`prepare`, pour écrire le PDF : un avertissement sur l'adresse cachée non confirmé est refusé."""
    resultat = prepare(entree)
    if attente := adresse.non_confirmes(resultat["avertissements"]):
        raise adresse.refus_non_confirme(attente[0])
    return resultat


def _controle_impression(etat: dict, valeurs: dict, impression: dict) -> list[dict]:
    """Les contrôles du PDF final, à chaque étape : dates, longueurs, écritures (avec le PDF vierge,
    « pdf » en base64 : ce que ses polices dessinent) ; et ce qui continuera en annexe."""
    import base64
    import binascii

    from ..formulaires import remplissage

    pdf = etat["entree"].get("pdf")
    g = None
    if isinstance(pdf, str):
        try:
            g = remplissage.gabarit(base64.b64decode(pdf, validate=True))
        except (binascii.Error, ValueError):
            raise EntreeInvalide("pdf", "Le PDF vierge n'a pas été reçu : rechargez la page.") from None
    textes = remplissage.verifie(valeurs, etat["definition"], g.polices if g else None, etat["aujourdhui"])
    if g is None:
        return []
    textes = {n: v for n, v in textes.items() if v not in (remplissage.COCHEE, remplissage.VIDE)}
    return remplissage.annonces(textes, g, etat["definition"], impression)


def pour_la_page() -> dict:
    """Ce que le gabarit de la page (theme/outils/op.html) lit à la construction : la définition du
    Cerfa 15458 (libellés, aides), les mesures avec leur phrase d'explication et leur lien, et où
    déposer la requête (`depot`, son lien en .html)."""
    definition, _ = _definition()
    rubriques = {r["id"]: r for r in definition["rubriques"]}
    mesures = regles_mesures.pour_la_page()
    for m in mesures:
        m["lien"] = m["lien"].replace(".md#", ".html#")
    champs = {}
    for rubrique in definition["rubriques"]:
        for champ in rubrique["champs"]:
            if champ.get("nom"):
                champs[champ["nom"]] = champ
            for option in champ.get("options", []):
                for sous_champ in option.get("champs", []):
                    champs[sous_champ["nom"]] = sous_champ
    depot = dict(definition.get("depot") or {})
    if depot:
        chemin, _, ancre = depot["page"].partition("#")
        depot["page_html"] = chemin.removesuffix(".md") + ".html" + (f"#{ancre}" if ancre else "")
    return {"rubriques": rubriques, "champs": champs, "mesures": {m["id"]: m for m in mesures}, "depot": depot}
