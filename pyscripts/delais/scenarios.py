"""Calendriers complets tirés du catalogue : ordonnance de protection, délai relancé par l'aide juridictionnelle.

Chaque étape a une `date_sure` (la lecture la plus prudente, celle sur
laquelle on peut compter) et, quand les textes laissent un doute, des
`dates_plus_tardives` possibles avec leur motif. Une étape dont la date
dépend d'un événement pas encore connu a `date_sure` à null et dit quoi
indiquer pour la calculer.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..lecture import extrait
from . import calcul, repertoire
from .calcul import HorsParametres, Regle, avertissement, cite
from .entree import (
    au_champ,
    lieu_de_la_regle,
    lit_date,
    lit_entier,
    lit_lieu,
    lit_regle,
    lit_residence,
    refuse,
    verifie_champs,
)
from .francais import date_fr, duree_fr, majuscule


def _chronologique(etapes: list[dict]) -> list[dict]:
    """Étapes datées dans l'ordre des dates (ordre logique à date égale), puis celles à venir."""
    return sorted(etapes, key=lambda e: (e["date_sure"] is None, e["date_sure"] or ""))


def _etape(
    identifiant, titre, nature, date_sure, texte, *, plus_tard=(), explications=(), avertissements=(), reference=None
) -> dict:
    return {
        "id": identifiant,
        "titre": titre,
        "nature": nature,
        "date_sure": date_sure.isoformat() if date_sure else None,
        "dates_plus_tardives": list(plus_tard),
        "texte": texte,
        "explications": list(explications),
        "avertissements": list(avertissements),
        "reference": reference,
    }


def _evenement(identifiant, titre, jour: date, precision: str, cle_reference: str, delais) -> dict:
    return _etape(
        identifiant,
        titre,
        "evenement",
        jour,
        f"Le {date_fr(jour)}.",
        explications=[{"texte": precision, "reference": cite(cle_reference, delais)}],
        reference=cite(cle_reference, delais),
    )


def _plus_tard(resultat: dict) -> list[dict]:
    """Les dates plus tardives possibles : l'échéance augmentée pour distance quand on ne sait pas si
    le délai l'est (nature inconnue), puis la date la plus tardive si un point est discuté."""
    dates = []
    condition = (resultat["sans_augmentation"] or {}).get("condition")
    if condition:
        dates.append({"date": resultat["echeance"], "motif": f"{condition}."})
    if resultat["echeance_plus_tardive"] is not None:
        motifs = ([condition[3:]] if condition else []) + resultat["motifs_plus_tardive"]
        dates.append({"date": resultat["echeance_plus_tardive"], "motif": "Si " + " ; et si ".join(motifs) + "."})
    return dates


def _etape_calculee(identifiant, titre, nature, resultat: dict, texte: str, reference: str) -> dict:
    """Étape dont la date vient du calculateur (explications et avertissements repris tels quels) :
    sa date est la date sûre, celle qu'on montre d'abord."""
    return _etape(
        identifiant,
        titre,
        nature,
        date.fromisoformat(resultat["date_sure"]),
        texte,
        plus_tard=_plus_tard(resultat),
        explications=resultat["explications"],
        avertissements=resultat["avertissements"],
        reference=reference,
    )


def _au_plus_tard(resultat: dict, ou: str = "") -> str:
    return f"Au plus tard le {date_fr(date.fromisoformat(resultat['date_sure']))}, jusqu'à minuit{ou}."


def _chronologie(champ: str, jour: date | None, avant: date | None, texte_avant: str) -> None:
    if jour is not None and avant is not None and jour < avant:
        raise refuse(champ, f"cette date ne peut pas précéder {texte_avant} ({date_fr(avant)}).")


# --- Ordonnance de protection --------------------------------------------

CHAMPS_OP = (
    "scenario",
    "ordonnance_fixant_audience",
    "date_audience",
    "notification_op",
    "duree_mesures_mois",
    "lieu_juridiction",
    "residence_partie",
)


def ordonnance_protection(entree: dict, *, feries: dict | None = None, delais: dict | None = None) -> dict:
    """Jour 0 → jour 2 → jour 6 → appel → fin des mesures."""
    verifie_champs(entree, CHAMPS_OP)
    lieu = lit_lieu(entree, feries=feries)
    residence = lit_residence(entree, feries=feries)
    jour0 = lit_date(entree, "ordonnance_fixant_audience", obligatoire=False, feries=feries)
    audience = lit_date(entree, "date_audience", obligatoire=False, feries=feries)
    notification = lit_date(entree, "notification_op", obligatoire=False, feries=feries)
    if jour0 is None and notification is None:
        raise refuse(
            "ordonnance_fixant_audience",
            "indiquez au moins cette date, ou celle de la notification de l'ordonnance de protection.",
        )
    _chronologie("date_audience", audience, jour0, "l'ordonnance qui fixe l'audience")
    _chronologie("notification_op", notification, jour0, "l'ordonnance qui fixe l'audience")
    _chronologie("notification_op", notification, audience, "l'audience")
    maximum = _duree_maximale_mesures(notification, delais)
    duree = None
    if entree.get("duree_mesures_mois") is not None:
        duree = lit_entier(entree["duree_mesures_mois"], "duree_mesures_mois", 1, maximum, "mois")

    etapes, avertissements = [], []
    if jour0 is not None:
        with au_champ("ordonnance_fixant_audience"):
            etapes += _op_debut(jour0, audience, lieu, residence, avertissements, feries, delais)
    elif audience is not None:
        etapes.append(
            _evenement(
                "audience", "Audience", audience, "Date fixée par le juge dans l'ordonnance.", "cpc_1136_3", delais
            )
        )
    with au_champ("notification_op"):
        etapes += _op_suite(notification, duree, lieu, residence, feries, delais)
    avertissements.append(
        avertissement(
            "oppi",
            "Danger immédiat : le procureur peut demander, avec votre accord, une ordonnance provisoire de "
            "protection immédiate (OPPI), rendue en 24 heures. Ce délai en heures n'est pas calculé ici "
            f"({cite('cciv_515_13_1', delais)['texte']}).",
        )
    )
    return {
        "scenario": "ordonnance_protection",
        "titre": "Ordonnance de protection : les dates clés",
        "lieu_juridiction": lieu,
        "etapes": _chronologique(etapes),
        "avertissements": avertissements,
    }


def _duree_maximale_mesures(notification: date | None, delais) -> int:
    """Mois au plus que durent les mesures (paramètre daté) : à la notification, ou aujourd'hui en vigueur."""
    regle = repertoire.regle("op_duree_mesures", delais)
    if notification is None:
        return regle.mois
    try:
        return calcul.duree_au(regle, notification, delais).mois
    except HorsParametres as exc:
        raise refuse(
            "notification_op",
            f"l'ordonnance de protection n'existe que depuis le "
            f"{date_fr(exc.premier, semaine=False)} : vérifiez la date.",
        ) from None


def _op_debut(jour0, audience, lieu, residence, avertissements, feries, delais) -> list[dict]:
    def calcule(identifiant):
        return calcul.calcule(
            jour0, repertoire.regle(identifiant, delais), lieu, residence, feries=feries, delais=delais
        )

    signification = calcule("op_signification_ordonnance_audience")
    delivrance = calcule("op_delivrance")
    jours = {
        cle: repertoire.regle(cle, delais).jours for cle in ("op_signification_ordonnance_audience", "op_delivrance")
    }
    etapes = [
        _evenement(
            "ordonnance_fixant_audience",
            "Jour 0 : le juge fixe la date de l'audience",
            jour0,
            "Le juge rend « sans délai » une ordonnance qui fixe la date de l'audience : c'est le jour 0, "
            "il ne compte pas dans les délais qui suivent.",
            "cpc_1136_3",
            delais,
        ),
        _etape_calculee(
            "signification_ordonnance_audience",
            f"Jour {jours['op_signification_ordonnance_audience']} : l'ordonnance qui fixe l'audience doit être "
            "signifiée à l'autre partie",
            "delai",
            signification,
            _au_plus_tard(signification) + " Votre avocat, ou le greffe si vous n'en avez pas, s'en charge ; "
            "l'État paie le commissaire de justice.",
            cite("cpc_1136_3", delais),
        ),
    ]
    if audience is not None:
        etapes.append(
            _evenement(
                "audience",
                "Audience",
                audience,
                "Date fixée par le juge dans l'ordonnance du jour 0.",
                "cpc_1136_3",
                delais,
            )
        )
        if audience > date.fromisoformat(delivrance["date_sure"]):
            avertissements.append(
                avertissement(
                    "audience_apres_jour_6",
                    f"L'audience est fixée après le jour {jours['op_delivrance']} : le juge ne pourra pas tenir le "
                    f"délai de {duree_fr(jours=jours['op_delivrance'])}. "
                    "Ce délai n'est pas sanctionné, mais vous pouvez en parler au greffe ou à votre avocat.",
                )
            )
    etapes.append(
        _etape_calculee(
            "delivrance_op",
            f"Jour {jours['op_delivrance']} : le juge doit avoir rendu l'ordonnance de protection",
            "objectif",
            delivrance,
            f"Objectif fixé au juge par la loi : le {date_fr(date.fromisoformat(delivrance['date_sure']))}. "
            "Ce n'est pas un délai pour vous, et il court depuis le jour 0, pas depuis l'audience.",
            cite("cciv_515_11", delais),
        )
    )
    return etapes


def _op_suite(notification, duree, lieu, residence, feries, delais) -> list[dict]:
    regle_appel = repertoire.regle("appel_ordonnance_protection", delais)
    titre_appel = f"Faire appel de l'ordonnance de protection ({regle_appel.duree_texte()})"
    titre_fin = "Fin des mesures de protection"
    if notification is None:
        return [
            _etape(
                "appel_op",
                titre_appel,
                "delai",
                None,
                f"{majuscule(regle_appel.duree_texte())} à compter de la notification (signification) de "
                "l'ordonnance de protection : indiquez cette date pour obtenir le dernier jour.",
                reference=cite("cpc_1136_11", delais),
            ),
            _etape(
                "fin_mesures",
                titre_fin,
                "fin_mesures",
                None,
                f"Les mesures durent ce que dit l'ordonnance, {_duree_maximale_mesures(None, delais)} mois au "
                "plus à compter de sa notification : indiquez cette date pour obtenir la fin.",
                reference=cite("cciv_515_12", delais),
            ),
        ]
    appel = calcul.calcule(notification, regle_appel, lieu, residence, feries=feries, delais=delais)
    etape_appel = _etape_calculee(
        "appel_op",
        titre_appel,
        "delai",
        appel,
        _au_plus_tard(appel, ", auprès de la cour d'appel"),
        cite("cpc_1136_11", delais),
    )
    if residence != "etranger":
        etape_appel["avertissements"].append(_appel_depuis_l_etranger(notification, regle_appel, lieu, feries, delais))
    etapes = [
        _evenement(
            "notification_op",
            "Notification de l'ordonnance de protection",
            notification,
            "La notification (en général une signification par commissaire de justice) fait courir "
            "le délai d'appel et la durée des mesures.",
            "cpc_1136_11",
            delais,
        ),
        etape_appel,
    ]
    return etapes + [_op_fin_mesures(notification, duree, lieu, titre_fin, feries, delais)]


def _appel_depuis_l_etranger(notification, regle_appel, lieu, feries, delais) -> dict:
    """L'autre partie, si elle habite à l'étranger, a plus longtemps pour faire appel."""
    loin = calcul.calcule(notification, regle_appel, lieu, "etranger", feries=feries, delais=delais)
    mois = loin["augmentation_distance"]["mois"]
    return avertissement(
        "appel_autre_partie_etranger",
        f"Si l'autre partie habite à l'étranger, elle peut faire appel plus tard : jusqu'au "
        f"{date_fr(date.fromisoformat(loin['echeance']))} ({mois} mois de plus pour distance, "
        f"{loin['augmentation_distance']['reference']['texte']}). Jusque-là, l'ordonnance peut encore être "
        "contestée devant la cour d'appel.",
    )


def _note_duree_ancienne(notification: date, maximum: int, delais) -> str:
    """« Ordonnance notifiée avant le 15 juin 2024 : 6 mois au plus… » : la règle d'alors."""
    fin = calcul.prochain_changement("duree_maximale_mesures_op", notification, delais)
    avant = f" avant le {date_fr(fin, semaine=False)}" if fin else ""
    return f"Ordonnance notifiée{avant} : {maximum} mois au plus, durée maximale alors en vigueur."


def _op_fin_mesures(notification, duree, lieu, titre, feries, delais) -> dict:
    prolongation = (
        " Elles peuvent continuer si, avant cette date, une demande en divorce, en séparation de corps "
        "ou sur l'autorité parentale est déposée."
    )

    def fin(regle):
        return calcul.calcule(notification, regle, lieu, feries=feries, delais=delais)

    def mesure(mois, reference, notes=None):
        return Regle(
            mois=mois,
            nature="duree",
            augmentation="non",
            prorogation="non",
            libelle=titre,
            reference=reference,
            notes=notes,
        )

    if duree is not None:
        resultat = fin(mesure(duree, "cciv_515_12"))
        return _etape_calculee(
            "fin_mesures",
            titre,
            "fin_mesures",
            resultat,
            f"Le {date_fr(date.fromisoformat(resultat['date_sure']))}, selon la durée de {duree} mois "
            "écrite dans l'ordonnance." + prolongation,
            cite("cciv_515_12", delais),
        )
    maximum = _duree_maximale_mesures(notification, delais)
    defaut = repertoire.regle("op_duree_mesures_defaut_cpc", delais)
    if maximum <= defaut.mois:
        resultat = fin(mesure(maximum, "cciv_515_12", _note_duree_ancienne(notification, maximum, delais)))
        return _etape_calculee(
            "fin_mesures",
            titre,
            "fin_mesures",
            resultat,
            f"Au plus tard le {date_fr(date.fromisoformat(resultat['date_sure']))}." + prolongation,
            cite("cciv_515_12", delais),
        )
    court = fin(defaut)
    long_ = fin(repertoire.regle("op_duree_mesures", delais))
    etape = _etape_calculee(
        "fin_mesures",
        titre,
        "fin_mesures",
        court,
        f"Lisez la durée écrite dans votre ordonnance. Si elle n'en fixe pas : le "
        f"{date_fr(date.fromisoformat(court['date_sure']))} par prudence ({defaut.mois} mois), peut-être le "
        f"{date_fr(date.fromisoformat(long_['date_sure']))} ({maximum} mois)." + prolongation,
        cite("cpc_1136_7", delais),
    )
    depuis = calcul.parametre_en_vigueur("duree_maximale_mesures_op", notification, delais)["applicable_du"]
    etape["dates_plus_tardives"] = [
        {
            "date": long_["date_sure"],
            "motif": f"Si l'on applique l'article 515-12 du code civil ({maximum} mois au plus depuis le "
            f"{date_fr(date.fromisoformat(depuis), semaine=False)}) plutôt que l'article 1136-7 du CPC, qui "
            f"prévoit encore {defaut.mois} mois quand l'ordonnance ne dit rien.",
        }
    ]
    etape["explications"] += [
        {
            "texte": f"Lecture à {maximum} mois, selon l'article 515-12 du code civil :",
            "reference": cite("cciv_515_12", delais),
        },
        *long_["explications"],
    ]
    return etape


# --- Délai relancé par une demande d'aide juridictionnelle -------------------

CHAMPS_AJ = (
    "scenario",
    "delai",
    "duree",
    "franc",
    "depart",
    "demande_aj",
    "admission_provisoire",
    "caducite",
    "decision_baj",
    "sens_decision",
    "decision_recours",
    "designations_avocat",
    "lieu_juridiction",
    "residence_partie",
)
SENS_DECISION = {"admission_totale": "admission totale", "admission_partielle": "admission partielle", "rejet": "rejet"}


def aide_juridictionnelle_recours(entree: dict, *, feries: dict | None = None, delais: dict | None = None) -> dict:
    """Délai d'appel (ou de recours) relancé par une demande d'aide juridictionnelle (art. 43 ou 44)."""
    verifie_champs(entree, CHAMPS_AJ)
    regle = lit_regle(entree, delais=delais, aide_juridictionnelle=True)
    if regle.aide_juridictionnelle not in ("art43", "art44"):
        raise refuse(
            "delai",
            f"une demande d'aide juridictionnelle ne relance pas ce délai (« {regle.libelle} ») : "
            "les articles 43 et 44 du décret n° 2020-1717 visent les actions et recours devant une juridiction.",
        )
    lieu = lieu_de_la_regle(entree, regle, feries)
    residence = lit_residence(entree, feries=feries)
    faits = _lit_faits_aj(entree, regle, feries)

    with au_champ("depart"):
        initial = calcul.calcule(faits["depart"], regle, lieu, residence, feries=feries, delais=delais)
    statut = _statut_demande(faits["demande_aj"], faits["depart"], initial)
    etapes = [
        _evenement(
            "depart",
            "Départ du délai",
            faits["depart"],
            _depart_texte(regle, delais),
            regle.reference or "cpc_640",
            delais,
        ),
        _etape_calculee(
            "delai_initial",
            f"Fin du délai de {regle.duree_texte()} sans aide juridictionnelle",
            "delai",
            initial,
            "Sans demande d'aide juridictionnelle, il fallait agir au plus tard le "
            f"{date_fr(date.fromisoformat(initial['date_sure']))}.",
            cite(regle.reference or "cpc_641", delais),
        ),
        _etape_demande(faits["demande_aj"], statut, initial, delais),
    ]
    with au_champ("decision_baj"):  # le délai pour contester la décision du bureau part d'elle
        etapes += _etapes_decision(faits, lieu, feries, delais)
        departs = _departs_nouveau_delai(faits, regle, lieu, feries, delais)
    avertissements = []
    if statut != "tardive":
        etapes.append(_etape_nouveau_delai(departs, regle, statut, lieu, residence, feries, delais))
        avertissements.append(
            avertissement(
                "aj_points_de_depart",
                "La façon dont se combinent les points de départ du nouveau délai (notification de la décision, "
                "fin du délai pour la contester, désignation de l'avocat) évolue avec la jurisprudence : la date "
                "sûre est la plus proche. Ne comptez sur une date plus tardive qu'après l'avis de votre avocat "
                "ou du bureau d'aide juridictionnelle.",
            )
        )
    if len(faits["designations_avocat"]) > 1:
        avertissements.append(
            avertissement(
                "aj_plusieurs_avocats",
                "Plusieurs avocats désignés : depuis un arrêt du 11 décembre 2025, le délai repart de la nouvelle "
                f"désignation ({cite('cass_2025_designation', delais)['texte']}). La date sûre reste la plus proche.",
            )
        )
    avertissements.append(
        avertissement(
            "aj_cnda",
            "Devant la Cour nationale du droit d'asile, la demande d'aide suspend le délai au lieu de le "
            "relancer : ce cas n'est pas calculé ici.",
        )
    )
    return {
        "scenario": "aide_juridictionnelle_recours",
        "titre": f"{regle.libelle or 'Délai de ' + regle.duree_texte()} : délai relancé par l'aide juridictionnelle",
        "lieu_juridiction": lieu,
        "etapes": _chronologique(etapes),
        "avertissements": avertissements,
    }


def _lit_faits_aj(entree: dict, regle: Regle, feries) -> dict:
    faits = {champ: lit_date(entree, champ, feries=feries) for champ in ("depart", "demande_aj")}
    for champ in ("admission_provisoire", "caducite", "decision_baj", "decision_recours"):
        faits[champ] = lit_date(entree, champ, obligatoire=False, feries=feries)
        _chronologie(champ, faits[champ], faits["demande_aj"], "la demande d'aide juridictionnelle")
    _chronologie("decision_recours", faits["decision_recours"], faits["decision_baj"], "la décision du bureau")
    if faits["decision_recours"] and not faits["decision_baj"]:
        raise refuse("decision_baj", "indiquez-la aussi : c'est la décision que vous avez contestée.")
    faits["sens_decision"] = entree.get("sens_decision")
    if faits["sens_decision"] is not None and (
        not isinstance(faits["sens_decision"], str) or faits["sens_decision"] not in SENS_DECISION
    ):
        raise refuse(
            "sens_decision",
            f"{extrait(faits['sens_decision'])} n'est pas une réponse prévue. Réponses "
            f"possibles : {', '.join(SENS_DECISION)}.",
        )
    if faits["decision_baj"] and faits["sens_decision"] is None:
        raise refuse("sens_decision", f"cette réponse manque. Réponses possibles : {', '.join(SENS_DECISION)}.")
    if faits["sens_decision"] is not None and not faits["decision_baj"]:
        raise refuse("decision_baj", "indiquez-la : vous avez dit ce que dit la décision.")
    faits["designations_avocat"] = _lit_designations(entree, faits, feries)
    if regle.aide_juridictionnelle == "art44":
        for champ in ("admission_provisoire", "caducite"):
            if faits[champ]:
                raise refuse(
                    champ,
                    "devant la Cour de cassation (art. 44), le nouveau délai part de la décision du bureau ou de la désignation de l'avocat aux Conseils : indiquez plutôt la date de la décision du bureau.",
                )
    return faits


def _lit_designations(entree: dict, faits: dict, feries) -> list[date]:
    valeur = entree.get("designations_avocat")
    if valeur is None:
        valeur = []
    if not isinstance(valeur, list) or len(valeur) > 10:
        raise refuse("designations_avocat", "indiquez une ou plusieurs dates (10 au plus) sous la forme AAAA-MM-JJ.")
    dates = sorted(lit_date({"designations_avocat": v}, "designations_avocat", feries=feries) for v in valeur)
    if dates:
        _chronologie("designations_avocat", dates[0], faits["demande_aj"], "la demande d'aide juridictionnelle")
        if faits["sens_decision"] == "rejet" or faits["caducite"]:
            raise refuse(
                "designations_avocat",
                "aucun avocat n'est désigné au titre de l'aide quand la demande est rejetée ou caduque.",
            )
        if not (faits["decision_baj"] or faits["admission_provisoire"]):
            raise refuse(
                "decision_baj",
                "indiquez-la aussi (ou celle de l'admission provisoire) : le nouveau délai peut partir de cette "
                "date, plus tôt que la désignation de l'avocat.",
            )
    return dates


def _depart_texte(regle: Regle, delais) -> str:
    e = repertoire.entree(regle.id, delais) if regle.id else None
    evenement = (
        e["depart"] if e else "l'événement qui fait courir le délai (signification ou notification de la décision)"
    )
    return f"Le délai part de {evenement} ; ce jour ne compte pas."


def _statut_demande(demande: date, depart: date, initial: dict) -> str:
    fin_sure = date.fromisoformat(initial["date_sure"])
    fin_tardive = date.fromisoformat(initial["echeance_plus_tardive"] or initial["echeance"])
    if demande > fin_tardive:
        return "tardive"
    if demande > fin_sure:
        return "douteuse"
    return "anticipee" if demande < depart else "dans_les_temps"


_TEXTES_DEMANDE = {
    "dans_les_temps": "Envoyée avant la fin du délai : le délai est relancé par un nouveau délai de même durée.",
    "douteuse": "Envoyée après la date sûre du délai initial : elle ne le relance que si la date plus tardive "
    "s'applique. Demandez conseil sans attendre.",
    "anticipee": "Envoyée avant même le départ du délai : l'article 43 vise une demande faite avant la fin du "
    "délai, mais, par prudence, comptez sur le délai initial.",
    "tardive": "Envoyée après la fin du délai : elle ne le relance pas. Demandez conseil sans attendre "
    "(un avocat, une permanence d'accès au droit).",
}


def _etape_demande(demande: date, statut: str, initial: dict, delais) -> dict:
    return _etape(
        "demande_aj",
        "Demande d'aide juridictionnelle envoyée au bureau",
        "evenement",
        demande,
        f"Le {date_fr(demande)}. {_TEXTES_DEMANDE[statut]}",
        explications=[
            {
                "texte": "Pour une demande envoyée par la poste, la date d'expédition compte.",
                "reference": cite("aj_art_37", delais),
            },
            {
                "texte": f"Fin du délai initial : {date_fr(date.fromisoformat(initial['date_sure']))}.",
                "reference": cite("aj_art_43", delais),
            },
        ],
        reference=cite("aj_art_43", delais),
    )


def _fin_recours_baj(faits, lieu, feries, delais) -> dict:
    """Délai pour contester la décision du bureau (pas d'augmentation pour distance)."""
    return calcul.calcule(
        faits["decision_baj"], repertoire.regle("recours_decision_baj", delais), lieu, feries=feries, delais=delais
    )


def _etapes_decision(faits, lieu, feries, delais) -> list[dict]:
    etapes = []
    if faits["admission_provisoire"]:
        etapes.append(
            _evenement(
                "admission_provisoire",
                "Notification de l'admission provisoire",
                faits["admission_provisoire"],
                "Admission provisoire à l'aide juridictionnelle.",
                "aj_art_43",
                delais,
            )
        )
    if faits["caducite"]:
        etapes.append(
            _evenement(
                "caducite",
                "Notification de la caducité de la demande",
                faits["caducite"],
                "La demande est caduque (dossier incomplet).",
                "aj_art_43",
                delais,
            )
        )
    if faits["decision_baj"]:
        sens = SENS_DECISION[faits["sens_decision"]]
        etapes.append(
            _evenement(
                "decision_baj",
                f"Notification de la décision du bureau ({sens})",
                faits["decision_baj"],
                f"Décision du bureau d'aide juridictionnelle : {sens}.",
                "aj_art_69",
                delais,
            )
        )
        if faits["sens_decision"] != "admission_totale":
            recours = _fin_recours_baj(faits, lieu, feries, delais)
            etapes.append(
                _etape_calculee(
                    "recours_decision_baj",
                    f"Contester la décision du bureau ({repertoire.regle('recours_decision_baj', delais).duree_texte()})",
                    "delai",
                    recours,
                    _au_plus_tard(
                        recours,
                        ", auprès du bureau qui a rendu la décision, par déclaration sur place "
                        "ou par lettre recommandée avec accusé de réception",
                    ),
                    cite("aj_art_69", delais),
                )
            )
    for rang, jour in enumerate(faits["designations_avocat"], 1):
        etapes.append(
            _evenement(
                f"designation_avocat_{rang}",
                f"Désignation de l'avocat n° {rang}",
                jour,
                "Désignation de l'avocat au titre de l'aide juridictionnelle.",
                "aj_art_43",
                delais,
            )
        )
    return etapes


def _departs_nouveau_delai(faits, regle, lieu, feries, delais) -> list[tuple[date, str, str, str]]:
    """Points de départ possibles du nouveau délai : (date, motif, clé de référence, donnée d'où vient la date)."""
    departs = []
    if regle.aide_juridictionnelle == "art44":
        cle = "aj_art_44"
        if faits["decision_recours"]:
            departs.append(
                (
                    faits["decision_recours"],
                    "notification de la décision sur le recours contre la décision du bureau",
                    cle,
                    "decision_recours",
                )
            )
        elif faits["decision_baj"]:
            departs.append((faits["decision_baj"], "notification de la décision du bureau", cle, "decision_baj"))
    else:
        cle = "aj_art_43"
        if faits["admission_provisoire"]:
            departs.append(
                (
                    faits["admission_provisoire"],
                    "1° : notification de l'admission provisoire",
                    cle,
                    "admission_provisoire",
                )
            )
        if faits["caducite"]:
            departs.append((faits["caducite"], "2° : notification de la caducité de la demande", cle, "caducite"))
        if faits["decision_recours"]:
            departs.append(
                (
                    faits["decision_recours"],
                    "3° : notification de la décision rendue sur votre recours",
                    cle,
                    "decision_recours",
                )
            )
        elif faits["decision_baj"]:
            departs += _departs_fin_recours(faits, lieu, feries, delais)
    if departs:
        premier = min(depart[0] for depart in departs)
        for rang, jour in enumerate(faits["designations_avocat"], 1):
            if jour > premier:
                motif = (
                    "nouvelle désignation d'avocat, postérieure" if rang > 1 else "désignation de l'avocat, postérieure"
                )
                departs.append(
                    (
                        jour,
                        ("4° : " if cle == "aj_art_43" else "") + motif,
                        cle if rang == 1 else "cass_2025_designation",
                        "designations_avocat",
                    )
                )
    return departs


def _departs_fin_recours(faits, lieu, feries, delais) -> list[tuple[date, str, str, str]]:
    fin = date.fromisoformat(_fin_recours_baj(faits, lieu, feries, delais)["date_sure"])
    duree = repertoire.regle("recours_decision_baj", delais).duree_texte()
    if faits["sens_decision"] == "admission_totale":
        return [
            (
                faits["decision_baj"],
                "3° : notification de l'admission totale, que vous n'avez pas de raison de contester ; lecture la plus prudente",
                "aj_art_43",
                "decision_baj",
            ),
            (fin, f"3° : fin du délai de {duree} pour contester la décision", "aj_art_69", "decision_baj"),
        ]
    return [
        (
            fin,
            f"3° : dernier jour du délai de {duree} pour contester la décision ; lecture la plus prudente",
            "aj_art_69",
            "decision_baj",
        ),
        (
            fin + timedelta(days=1),
            "3° : lendemain de ce dernier jour, premier jour où la décision ne peut plus être contestée",
            "aj_art_69",
            "decision_baj",
        ),
    ]


def _etape_nouveau_delai(departs, regle, statut, lieu, residence, feries, delais) -> dict:
    identifiant, titre = "nouveau_delai", f"Nouveau délai de {regle.duree_texte()} grâce à l'aide juridictionnelle"
    if not departs:
        return _etape(
            identifiant,
            titre,
            "delai",
            None,
            f"Le nouveau délai de {regle.duree_texte()} partira de la notification de la décision du bureau "
            "d'aide juridictionnelle (ou de l'admission provisoire) : indiquez cette date pour le calculer.",
            reference=cite("aj_art_43", delais),
        )
    fins, explications = {}, []
    for jour, motif, cle, champ in sorted(departs):
        with au_champ(champ):  # une fin hors du calendrier : la faute de la date d'où part ce délai
            resultat = calcul.calcule(jour, regle, lieu, residence, feries=feries, delais=delais)
        candidates = [(resultat["date_sure"], motif)] + [
            (plus_tard["date"], f"{motif}, et {plus_tard['motif'][0].lower()}{plus_tard['motif'][1:-1]}")
            for plus_tard in _plus_tard(resultat)[:1]
        ]
        for fin, raison in candidates:
            fins.setdefault(fin, []).append(raison)
        explications.append(
            {
                "texte": f"Départ possible le {date_fr(jour)} ({motif}) : fin le {date_fr(date.fromisoformat(resultat['date_sure']))}.",
                "reference": cite(cle, delais),
            }
        )
    ordre = sorted(fins)
    sure = date.fromisoformat(ordre[0]) if statut == "dans_les_temps" else None
    plus_tard = [{"date": fin, "motif": majuscule(" ; ".join(fins[fin])) + "."} for fin in ordre[1 if sure else 0 :]]
    if sure:
        texte = f"Au plus tard le {date_fr(sure)}, jusqu'à minuit (date sûre : la plus proche des lectures possibles)."
    else:
        texte = (
            "Seulement si votre demande d'aide a bien relancé le délai (voir l'étape précédente) : "
            "les dates possibles sont indiquées ci-dessous, sans garantie."
        )
    return _etape(
        identifiant,
        titre,
        "delai",
        sure,
        texte,
        plus_tard=plus_tard,
        explications=explications,
        reference=cite("aj_art_43" if regle.aide_juridictionnelle == "art43" else "aj_art_44", delais),
    )


# --- Aiguillage ------------------------------------------------------------

SCENARIOS = {
    "ordonnance_protection": ordonnance_protection,
    "aide_juridictionnelle_recours": aide_juridictionnelle_recours,
}


def scenario(entree: dict, *, feries: dict | None = None, delais: dict | None = None) -> dict:
    """Calcule le scénario nommé par `entree["scenario"]`."""
    nom = entree.get("scenario")
    if not isinstance(nom, str) or nom not in SCENARIOS:
        raise refuse(
            "scenario", f"{extrait(nom)} n'est pas un calcul possible. Calculs possibles : {', '.join(SCENARIOS)}."
        )
    return SCENARIOS[nom](entree, feries=feries, delais=delais)
