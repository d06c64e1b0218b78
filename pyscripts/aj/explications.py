"""Les phrases montrées à l'utilisateur, en français simple, avec leur texte de loi.

Chaque fonction `…()` renvoie `(texte, reference)` où `reference` est soit la
clé d'un texte de `textes:` dans les paramètres, soit directement un dict
`{texte, url}` (la circulaire d'un barème). Les fonctions `avertissement_…`
renvoient `(code, texte)`. Aucune décision ici : seulement des mots.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..francais import date_longue, euros, personnes
from .bareme import Bareme, Plafond
from .entree import EXCEPTIONS_RESIDENCE

_NOMS_PLAFONDS = {
    "totale": "le plafond de l'aide totale",
    "patrimoine_mobilier": "le plafond d'épargne et de placements",
    "patrimoine_immobilier": "le plafond des biens immobiliers",
}

# Comment on dit « respecte le plafond » et « ne le respecte pas » selon la règle en vigueur.
_COMPARAISONS = {
    "inferieur_ou_egal": ("est inférieur ou égal au", "dépasse"),
    "strictement_inferieur": ("est inférieur au", "atteint ou dépasse"),
}


def taux_de(bandes: list[dict], nom: str) -> int | None:
    """Le taux de prise en charge de la bande dont le plafond est `nom` (None : pas une bande)."""
    return next((bande["taux"] for bande in bandes if bande["plafond"] == nom), None)


def nom_plafond(nom: str, bandes: list[dict]) -> str:
    """« le plafond de l'aide partielle à 55 % » : le taux vient des paramètres (`bandes_ressources`)."""
    if nom in _NOMS_PLAFONDS:
        return _NOMS_PLAFONDS[nom]
    return f"le plafond de l'aide partielle à {taux_de(bandes, nom)} %"


def plafonds_cites(resultat: str, bandes: list[dict]) -> tuple[str, ...]:
    """Les plafonds de ressources que cite la phrase de résultat (voir taux_ressources) :
    celui de la bande obtenue et celui de la bande plus favorable qu'il dépasse."""
    noms = [bande["plafond"] for bande in bandes]
    if resultat not in noms:
        return (noms[-1],)
    rang = noms.index(resultat)
    return tuple(noms[max(rang - 1, 0) : rang + 1])


def montant_plafond(plafond: Plafond) -> str:
    """« 15 026 € », suivi d'une mention quand le chiffre est calculé par nous."""
    mention = ", montant calculé par nous" if plafond.derive else ""
    return f"{euros(plafond.valeur)}{mention}"


# ── Barème et date ───────────────────────────────────────────────────────────


def bareme(b: Bareme, jour: date):
    return (
        f"Pour une demande déposée le {date_longue(jour)}, on applique le barème {b.annee}, "
        f"en vigueur pour les demandes déposées depuis le {date_longue(b.applicable_du)}.",
        b.reference,
    )


def comparaison_stricte(fin: date):
    return (
        f"Pour une demande déposée avant le {date_longue(fin)}, les ressources devaient être "
        f"strictement inférieures aux plafonds (rédaction d'origine du décret) ; depuis, un montant "
        f"égal au plafond suffit.",
        "decret_art_3",
    )


def admission_provisoire() -> dict:
    return {
        "de_plein_droit": True,
        "texte": (
            "Votre demande concerne une ordonnance de protection : l'aide juridictionnelle vous est "
            "accordée tout de suite, à titre provisoire, sans attendre l'examen de vos ressources. "
            "Elle devient définitive si vos ressources sont sous les plafonds ; sinon, elle peut "
            "vous être retirée."
        ),
        "reference": "decret_art_61",
    }


# ── Assurance de protection juridique ────────────────────────────────────────


def protection_totale():
    return (
        "Votre assurance de protection juridique (ou un autre contrat) prend en charge tous les frais "
        "de cette affaire : l'aide juridictionnelle n'est alors pas accordée, car elle ne vient qu'en "
        "complément.",
        "loi_art_2",
    )


def protection_partielle():
    return (
        "Votre assurance de protection juridique ne paie qu'une partie des frais : l'aide "
        "juridictionnelle peut couvrir le reste. Joignez à votre demande l'attestation de votre "
        "assureur qui indique ce qu'il ne prend pas en charge.",
        "loi_art_2",
    )


# ── Cas sans condition de ressources ─────────────────────────────────────────

CAS_PARTICULIERS = {
    "A": (
        "Vous êtes victime, ou proche d'une victime décédée, d'un des crimes les plus graves (meurtre, "
        "torture ou actes de barbarie, violences ayant entraîné une mutilation ou une infirmité "
        "permanente, viol, acte de terrorisme…) : pour demander réparation de votre préjudice, "
        "l'aide juridictionnelle vous est accordée sans condition de ressources.",
        "loi_art_9_2",
    ),
    "B": (
        "Vous avez déjà obtenu l'aide juridictionnelle et votre adversaire fait appel (ou exerce un "
        "autre recours) : vous gardez l'aide de plein droit pour vous défendre, sans nouvel examen de "
        "vos ressources.",
        "loi_art_8",
    ),
    "C": (
        "Vous faites un recours devant la Cour nationale du droit d'asile (CNDA) : l'aide "
        "juridictionnelle est accordée de plein droit, sans condition de ressources, sauf si le recours "
        "est manifestement irrecevable. Demandez-la dans les {jours} jours qui suivent la notification de la "
        "décision de l'OFPRA.",
        "loi_art_9_4",
    ),
    "D": (
        "Votre demande concerne une pension militaire d'invalidité ou les droits des victimes de "
        "guerre : l'aide juridictionnelle s'applique de plein droit, sans condition de ressources.",
        "cpmivg_l711_1",
    ),
    "E": (
        "Vous aviez obtenu l'aide juridictionnelle pour tenter un accord amiable (pourparlers "
        "transactionnels) qui a échoué : pour le procès qui suit, le formulaire de demande ne vous "
        "demande pas de justifier à nouveau de vos ressources.",
        "loi_art_39",
    ),
}


def cas_particulier(lettre: str, delai_cnda: dict):
    """`delai_cnda` : la valeur du paramètre daté `delai_demande_cnda` ({jours})."""
    texte, reference = CAS_PARTICULIERS[lettre]
    return texte.format(**delai_cnda), reference


def audition_mineur():
    return (
        "Vous êtes mineur et le juge vous entend (article 388-1 du Code civil) : si vous demandez à "
        "être assisté d'un avocat, ou si le juge vous en désigne un, l'aide juridictionnelle vous est "
        "accordée de droit, sans condition de ressources.",
        "loi_art_9_1",
    )


# ── Nationalité et résidence ─────────────────────────────────────────────────


def union_europeenne():
    return (
        "Vous êtes ressortissant d'un État de l'Union européenne : vous pouvez demander l'aide "
        "juridictionnelle aux mêmes conditions qu'une personne de nationalité française.",
        "loi_art_3",
    )


def exception_residence(exception: str):
    return (
        f"Comme {EXCEPTIONS_RESIDENCE[exception][0]}, la loi ne vous demande pas de résider en France ; "
        f"la condition de ressources s'applique.",
        "loi_art_3",
    )


def residence_cnda():
    return (
        "Devant la Cour nationale du droit d'asile, il suffit de résider habituellement en France : c'est votre cas.",
        "loi_art_3",
    )


def residence_habituelle_suffit(depuis: date):
    return (
        f"Vous résidez habituellement en France : depuis le {date_longue(depuis)}, cela suffit, même "
        f"sans titre de séjour, car le Conseil constitutionnel a supprimé l'exigence d'un séjour "
        f"régulier.",
        "decision_cc_2024",
    )


def residence_reguliere():
    return (
        "Vous résidez en France de façon habituelle et régulière : la condition de résidence est remplie.",
        "loi_art_3",
    )


def pas_de_residence_habituelle():
    return (
        "Vous ne résidez pas habituellement en France et aucune des exceptions prévues par la loi ne "
        "s'applique : vous ne pouvez pas avoir l'aide juridictionnelle selon les règles habituelles.",
        "loi_art_3",
    )


def sejour_irregulier_avant(fin: date):
    return (
        f"Pour une demande déposée avant le {date_longue(fin)}, la loi exigeait une résidence à la fois "
        f"habituelle et régulière (avec un titre de séjour) : vous ne remplissiez pas cette condition. "
        f"Pour une demande déposée depuis cette date, elle ne s'applique plus.",
        "loi_art_3",
    )


# ── Foyer, ressources et patrimoine ──────────────────────────────────────────


def foyer(n: int, majoration_ressources: int, majoration_immobilier: int):
    if n == 1:
        return (
            "Votre foyer fiscal compte 1 personne : on applique les plafonds de base, sans majoration.",
            "decret_art_6",
        )
    return (
        f"Votre foyer fiscal compte {n} personnes, vous compris : les plafonds sont augmentés de "
        f"{euros(majoration_ressources)} pour les ressources et l'épargne, et de "
        f"{euros(majoration_immobilier)} pour les biens immobiliers.",
        "decret_art_6",
    )


def ressources_rfr(rfr: int):
    return (
        f"On retient le revenu fiscal de référence inscrit sur votre dernier avis d'impôt : {euros(rfr)}.",
        "decret_art_3",
    )


def ressources_derniers_mois(revenus, retenu: int, changement: bool, arrondi: bool, regle: dict):
    """`regle` : la valeur de `ressources_derniers_mois` (mois, abattement, multiplicateur)."""
    debut = (
        "Votre situation a changé depuis votre dernier avis d'impôt"
        if changement
        else "Vous n'avez pas de revenu fiscal de référence"
    )
    mention = " (arrondi à l'euro supérieur)" if arrondi else ""
    return (
        f"{debut} : on retient vos revenus imposables des {regle['mois']} derniers mois ({euros(revenus)}), "
        f"diminués de {regle['abattement']} % puis multipliés par {regle['multiplicateur']}, "
        f"soit {euros(retenu)}{mention}.",
        "decret_art_4" if changement else "loi_art_4",
    )


def patrimoine_respecte(mobilier, plafond_mobilier: Plafond, immobilier, plafond_immobilier: Plafond):
    if mobilier == 0 and immobilier == 0:
        return (
            "Vous n'avez indiqué ni épargne ni bien immobilier (en dehors de votre résidence principale) : "
            "votre patrimoine ne vous empêche pas d'avoir l'aide.",
            "decret_art_5",
        )
    return (
        f"Votre épargne et vos placements ({euros(mobilier)}) ne dépassent pas le plafond de "
        f"{montant_plafond(plafond_mobilier)}, et vos biens immobiliers hors résidence principale "
        f"({euros(immobilier)}) ne dépassent pas celui de {montant_plafond(plafond_immobilier)} : votre "
        f"patrimoine ne vous empêche pas d'avoir l'aide.",
        "decret_art_5",
    )


def mobilier_depasse(mobilier, plafond_mobilier: Plafond, n: int):
    return (
        f"Votre épargne et vos placements ({euros(mobilier)}) dépassent le plafond de "
        f"{montant_plafond(plafond_mobilier)} pour un foyer de {personnes(n)} : vous ne pouvez pas "
        f"avoir l'aide juridictionnelle, même si vos revenus sont faibles.",
        "decret_art_5",
    )


def immobilier_depasse(immobilier, plafond_immobilier: Plafond, n: int):
    return (
        f"Vos biens immobiliers, sans compter votre résidence principale ({euros(immobilier)}), "
        f"dépassent le plafond de {montant_plafond(plafond_immobilier)} pour un foyer de {personnes(n)} : "
        f"vous ne pouvez pas avoir l'aide juridictionnelle, même si vos revenus sont faibles.",
        "decret_art_5",
    )


def taux_ressources(
    resultat: str,
    retenu: int,
    par_rfr: bool,
    plafonds: dict[str, Plafond],
    n: int,
    comparaison: str,
    reference_bareme: dict,
    bandes: list[dict],
):
    """La phrase qui compare les ressources aux plafonds et donne le résultat (`bandes` : la
    règle datée `bandes_ressources`, de la plus favorable à la moins favorable)."""
    sujet = "Votre revenu fiscal de référence" if par_rfr else "Le montant retenu"
    respecte, depasse = _COMPARAISONS[comparaison]
    foyer_de = f"pour un foyer de {personnes(n)}"
    cites = plafonds_cites(resultat, bandes)
    if resultat == bandes[0]["plafond"]:
        return (
            f"{sujet} ({euros(retenu)}) {respecte} plafond de l'aide totale {foyer_de} "
            f"({montant_plafond(plafonds[resultat])}) : vous pouvez avoir l'aide juridictionnelle totale.",
            "decret_art_3",
        )
    if resultat in plafonds and len(cites) == 2:
        taux = taux_de(bandes, resultat)
        plus_haut = cites[0]
        return (
            f"{sujet} ({euros(retenu)}) {depasse} {nom_plafond(plus_haut, bandes)} "
            f"({montant_plafond(plafonds[plus_haut])}) mais {respecte} plafond de l'aide partielle à "
            f"{taux} % ({montant_plafond(plafonds[resultat])}) {foyer_de} : vous pouvez avoir l'aide "
            f"juridictionnelle partielle à {taux} %. L'État paie une partie des frais ; le reste est à "
            f"votre charge.",
            reference_bareme,
        )
    return (
        f"{sujet} ({euros(retenu)}) {depasse} le plafond de l'aide partielle {foyer_de} "
        f"({montant_plafond(plafonds[cites[0]])}) : selon le barème, vous ne pouvez pas avoir "
        f"l'aide juridictionnelle.",
        "decret_art_3",
    )


# ── Avertissements : (code, texte) ───────────────────────────────────────────

# L'action sûre quand un barème plus récent que le nôtre peut s'appliquer.
DEPOSER = "déposez votre demande quand même, le bureau d'aide juridictionnelle appliquera le barème en vigueur."


def avertissement_bareme_ancien(dernier: Bareme, annee_demande: int):
    return (
        "bareme_peut_etre_depasse",
        f"Le barème le plus récent que nous connaissons est celui de {dernier.annee} (demandes déposées "
        f"depuis le {date_longue(dernier.applicable_du)}). Un barème {annee_demande} a peut-être été "
        f"publié depuis : ses plafonds sont en général un peu plus élevés, et le résultat pourrait être "
        f"plus favorable : {DEPOSER}",
    )


def avertissement_bareme_annonce(dernier: Bareme, annonce: dict):
    """Le barème de l'année de la demande n'est pas dans nos données : pas encore publié
    (`publie: false`), ou publié mais pas encore saisi. Ce que veut dire le résultat, et l'action sûre."""
    annee, marge = annonce["annee"], annonce["marge"]
    if annonce.get("publie", True):
        return (
            "bareme_annonce",
            f"Les plafonds {annee} ({annonce['texte']}) ne sont pas encore dans ce simulateur : le "
            f"calcul utilise ceux de {dernier.annee}. Les plafonds {annee} sont un peu plus élevés "
            f"({annonce['hausse_annoncee']}). Si votre revenu ou votre épargne dépasse un plafond {dernier.annee} de "
            f"moins de {marge} %, vous avez peut-être droit à une aide meilleure que celle indiquée : "
            f"{DEPOSER}",
        )
    verifie = date_longue(date.fromisoformat(annonce["verifie_le"]))
    return (
        "bareme_annonce",
        f"Les plafonds {annee} ne sont pas encore publiés ({annonce['texte']} ; vérifié le {verifie}) : ce "
        f"résultat est calculé avec les plafonds {dernier.annee}. Les plafonds augmentent en général un peu "
        f"chaque année ({annonce['hausse_annoncee']}) : avec les plafonds {annee}, le résultat sera en général "
        f"le même ou meilleur, et il peut être meilleur si votre revenu ou votre épargne dépasse un plafond "
        f"{dernier.annee} de moins de {marge} %. {DEPOSER[0].upper()}{DEPOSER[1:]}",
    )


_MONTANTS = {
    "revenu": "Votre revenu fiscal de référence",
    "montant retenu": "Le montant retenu pour vos ressources",
    "patrimoine_mobilier": "Votre épargne",
    "patrimoine_immobilier": "La valeur de vos biens immobiliers",
}


def avertissement_pres_du_plafond(
    annonce: dict | None, marge: int, quoi: str, montant, nom: str, plafond: Plafond, bandes: list[dict]
):
    """Un montant au-dessus d'un plafond, mais de moins de la marge : peut-être sous le plafond qui
    s'appliquera, celui du barème attendu (`annonce`) ou le chiffre officiel d'un plafond calculé par nous."""
    if nom in ("patrimoine_mobilier", "patrimoine_immobilier"):
        gain = "votre patrimoine pourrait ne plus vous empêcher d'avoir l'aide"
    elif nom == bandes[0]["plafond"]:
        gain = "vous pourriez avoir l'aide juridictionnelle totale"
    else:
        gain = f"vous pourriez avoir l'aide partielle à {taux_de(bandes, nom)} %"
    if annonce:
        depasse = f"{nom_plafond(nom, bandes)} ({euros(plafond.valeur)}) de moins de {marge} % : avec les plafonds {annonce['annee']}, {gain}"
    else:
        depasse = (
            f"{nom_plafond(nom, bandes)} ({montant_plafond(plafond)}) de moins de {marge} % : le chiffre "
            f"officiel peut être un peu plus élevé, et {gain}"
        )
    return (
        "pres_d_un_plafond",
        f"{_MONTANTS[quoi]} ({euros(montant)}) dépasse {depasse}. Déposez votre demande quand même.",
    )


def avertissement_date_incertaine(b: Bareme, autre_date: date):
    """Les sources divergent sur le premier jour d'un barème (noté dans la note des données) : la
    personne reçoit l'action sûre, pas notre doute."""
    veille = b.applicable_du - timedelta(days=1)
    return (
        "date_d_application_incertaine",
        f"Pour une demande déposée entre le {date_longue(autre_date)} et le {date_longue(veille)}, le bureau "
        f"d'aide juridictionnelle peut appliquer le barème {b.annee} au lieu de celui utilisé ici : si le "
        f"résultat ne vous est pas favorable, déposez votre demande quand même.",
    )


def avertissement_chiffres_derives(derives: dict[str, Plafond], bandes: list[dict]):
    liste = " ; ".join(f"{nom_plafond(nom, bandes)} : {euros(p.valeur)}" for nom, p in derives.items())
    return (
        "chiffre_derive",
        f"Certains plafonds utilisés ici ne figurent dans aucune source publiée que nous ayons trouvée : "
        f"nous les avons calculés à partir des règles ({liste}). Ils peuvent différer de quelques euros "
        f"des chiffres officiels.",
    )


def avertissement_ecart_publie(annee: int, nom: str, ecart: dict, bandes: list[dict]):
    return (
        "ecart_entre_sources",
        f"Pour {annee}, les tableaux publiés donnent {euros(ecart['valeur'])} pour "
        f"{nom_plafond(nom, bandes)} d'un foyer de {personnes(ecart['personnes'])}, alors que le calcul donne "
        f"{euros(ecart['calcul'])} : nous reprenons le chiffre publié, et les foyers plus nombreux en "
        f"partent.",
    )


def avertissement_digne_d_interet():
    return (
        "situation_digne_d_interet",
        "À titre exceptionnel, l'aide juridictionnelle peut être accordée à une personne qui ne remplit "
        "pas ces conditions si sa situation est particulièrement digne d'intérêt, au regard de l'objet "
        "du litige ou des frais prévisibles du procès (loi du 10 juillet 1991, art. 3 et 6). Vous pouvez "
        "faire la demande en expliquant votre situation : le bureau d'aide juridictionnelle décidera.",
    )


def avertissement_revenus_6_mois_ignores(mois: int):
    return (
        "revenus_6_mois_non_utilises",
        f"Vous avez indiqué des revenus des {mois} derniers mois sans changement de situation : on retient "
        "votre revenu fiscal de référence. Si vos revenus ont changé depuis votre dernier avis d'impôt "
        "(perte d'emploi, séparation, retraite…), indiquez un changement de situation.",
    )


def avertissement_assureur():
    return (
        "protection_juridique",
        "Si votre assureur refuse finalement de prendre en charge les frais, vous pourrez demander l'aide "
        "juridictionnelle en joignant son refus écrit (attestation de non-prise en charge).",
    )


AVERTISSEMENTS_CAS = {
    "C": (
        "precaution",
        "N'attendez pas : demandez l'aide juridictionnelle dès que vous recevez la décision de l'OFPRA. Le "
        "bureau d'aide juridictionnelle de la CNDA vous dira si votre demande est dans les temps.",
    ),
    "D": (
        "precaution",
        "Le recours préalable obligatoire devant la commission de recours de l'invalidité (CRI) n'a pas "
        "lieu devant un juge : l'aide juridictionnelle peut ne pas le couvrir. Posez la question au bureau "
        "d'aide juridictionnelle avant d'engager des frais.",
    ),
    "E": (
        "precaution",
        "Gardez vos justificatifs de ressources à portée de main : le bureau d'aide juridictionnelle peut "
        "vous les demander.",
    ),
}

AVERTISSEMENT_CESEDA = (
    "precaution",
    "La loi désigne ces procédures par d'anciens numéros d'articles du Code de l'entrée et du séjour des "
    "étrangers (CESEDA) : si votre procédure n'est pas exactement l'une d'elles, le bureau d'aide "
    "juridictionnelle vous dira si la dispense de résidence s'applique.",
)

AVERTISSEMENT_CAS_FORMULAIRE = (
    "lettres_du_formulaire",
    "Les lettres A à E suivent la rubrique « cas particuliers » du formulaire de demande (Cerfa 16146*03) : "
    "cochez sur le formulaire la case qui correspond à votre situation.",
)

AVERTISSEMENT_ESTIMATION = (
    "estimation",
    "Ce résultat est une estimation à partir de vos réponses : c'est le bureau d'aide juridictionnelle qui décide.",
)
