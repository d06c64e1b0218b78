"""Les réponses au simulateur d'aide juridictionnelle reportées dans le Cerfa 16146.

    prerempli({"simulateur": {...}}) -> {"valeurs": {nom du champ: valeur}, "rappels": {nom: phrase},
                                          "replis": {question: phrase}}

`simulateur` est l'entrée du moteur pyscripts.aj (mêmes clés). Seul ce qui se déduit
sans hésiter est reporté ; le reste est demandé dans l'entretien. `rappels` redit, à
côté d'une question, ce que la personne a répondu au simulateur quand la réponse ne
se recopie pas telle quelle (un total sur six mois ne dit pas quelle ligne du tableau).
`replis` : les questions auxquelles le simulateur a déjà répondu, que l'entretien replie
sous la phrase qui dit la réponse (un champ, ou « rubrique:<id> ») ; on peut les rouvrir.
"""

from __future__ import annotations

from datetime import date

from ..aj import entree as entree_du_simulateur
from ..aj.bareme import parametres_ou_defaut, periode
from ..erreurs import EntreeInvalide
from ..francais import euros

# pyscripts.aj : exception_residence → la case du formulaire qui dit la même chose.
EXCEPTIONS = {
    "mineur": "exception_penal_mineur",
    "beneficiaire_ordonnance_protection": "exception_penal_ordonnance_protection",
    "prevenu": "exception_penal_poursuivi",
    "accuse": "exception_penal_poursuivi",
    "mis_en_examen": "exception_penal_poursuivi",
    "crpc": "exception_penal_poursuivi",
    "condamne": "exception_penal_condamne",
    "partie_civile": "exception_penal_partie_civile",
    "zone_attente": "exception_sejour_zone_attente",
    "commission_titre_sejour": "exception_sejour_commission_titre_sejour",
    "retention": "exception_sejour_retention",
    "eloignement": "exception_sejour_eloignement",
    "transfert_dublin": "exception_sejour_transfert_asile",
    "expulsion": "exception_sejour_commission_expulsion",
}
NATIONALITES = {"francaise": "Française"}


def _euros(valeur) -> str:
    """12345.6 → « 12 345 » (arrondi à l'euro inférieur, comme le demande le formulaire)."""
    entier = int(valeur)
    return f"{entier:,}".replace(",", " ")


def lit_simulateur(entree: dict) -> tuple[dict, entree_du_simulateur.Situation]:
    """L'entrée du simulateur (`entree["simulateur"]`), lue comme le simulateur la lit : mêmes types,
    mêmes bornes des montants et des dates, mêmes messages ; le champ est « simulateur.<clé> »."""
    simulateur = entree.get("simulateur")
    if simulateur is None:
        simulateur = {}
    if not isinstance(simulateur, dict):
        raise EntreeInvalide("simulateur", "« simulateur » doit être un objet : les réponses du simulateur.")
    try:
        lue = entree_du_simulateur.lit(simulateur, date.today(), periode(parametres_ou_defaut(None)))
    except EntreeInvalide as exc:
        champ = "simulateur" if exc.champ == "entree" else f"simulateur.{exc.champ}"
        raise EntreeInvalide(champ, exc.message) from None
    return simulateur, lue


def _nombre(simulateur: dict, cle: str):
    """Un montant déjà lu par le simulateur (borné, jamais NaN ni infini), ou None s'il n'est pas donné."""
    return simulateur.get(cle)


def prerempli(entree: dict) -> dict:
    simulateur, lue = lit_simulateur(entree)
    v: dict = {}
    rappels: dict[str, str] = {}
    replis: dict[str, str] = {}

    cas = simulateur.get("cas_particulier")
    if isinstance(cas, str) and cas.lower() in "abcde" and len(cas) == 1:
        v[f"cas_particulier_{cas.lower()}"] = True
    elif cas in (None, "aucun") and not simulateur.get("audition_mineur"):
        replis["rubrique:cas_particuliers"] = (
            "Cas particuliers : au simulateur, vous avez répondu n'être dans aucun de ces cas (A à E), rien à cocher."
        )
    if simulateur.get("nationalite") in NATIONALITES:
        v["nationalite"] = NATIONALITES[simulateur["nationalite"]]
    if simulateur.get("nationalite") == "autre":
        v["hors_ue"] = True
    if simulateur.get("exception_residence") in EXCEPTIONS:
        v[EXCEPTIONS[simulateur["exception_residence"]]] = True

    if (n := _nombre(simulateur, "personnes_foyer")) is not None:
        v["foyer_nombre"] = str(int(n))
    if "rfr" in simulateur and simulateur["rfr"] is None:
        v["sans_avis"] = True
    elif (rfr := _nombre(simulateur, "rfr")) is not None:
        v["rfr"] = _euros(rfr)
    if simulateur.get("changement_situation") is True:
        v["changement"] = True
    if (six_mois := _nombre(simulateur, "revenus_6_mois")) is not None and _nombre(simulateur, "personnes_foyer") == 1:
        # Seul(e) dans son foyer : tout est à vous ; la nature la plus courante, à corriger s'il le faut.
        v["ressources_salaires_vous"] = _euros(six_mois)
        rappels["ressources"] = (
            f"Au simulateur, vous avez indiqué {euros(int(six_mois))} de revenus imposables sur six mois : ils sont "
            "reportés sur la première ligne (salaires, pensions, retraites). Si une partie vient d'ailleurs "
            "(pension alimentaire reçue, loyers, revenus à l'étranger…), déplacez-la sur sa ligne."
        )
    elif six_mois is not None:
        rappels["ressources"] = (
            f"Au simulateur, vous avez indiqué {euros(int(six_mois))} de revenus imposables sur six mois, "
            "pour tout le foyer : répartissez-les ici par personne et par nature."
        )

    epargne = _nombre(simulateur, "patrimoine_mobilier")
    if epargne:
        v["epargne_oui"] = True
        v["epargne_montant"] = _euros(epargne)
    elif "cas_particulier" not in simulateur or cas in (None, "aucun"):
        v["epargne_non"] = True  # « laissez vide si vous n'en avez pas »
    if immobilier := _nombre(simulateur, "patrimoine_immobilier"):
        v["proprietaire_oui"] = True
        rappels["biens"] = (
            f"Au simulateur, vous avez indiqué {euros(int(immobilier))} de biens immobiliers, "
            "sans compter votre résidence principale."
        )

    protection = simulateur.get("protection_juridique")
    if protection in ("partielle", "totale"):
        v["contrat_pj_oui"] = True
        v["protection_juridique_oui"] = True
    elif protection == "aucune":
        v["protection_juridique_non"] = True
        replis["protection_juridique"] = (
            "Assurance : au simulateur, vous avez répondu qu'aucune assurance ne paie les frais de cette affaire, "
            "« Non » est coché."
        )

    if simulateur.get("ordonnance_protection") is True:
        v["procedure_juge_souhaite"] = True
        v["juge_lequel"] = "Juge aux affaires familiales (ordonnance de protection)"

    if simulateur.get("date_demande") is not None:
        v["fait_le"] = lue.date_demande.strftime("%d/%m/%Y")
    return {"valeurs": v, "rappels": rappels, "replis": replis}
