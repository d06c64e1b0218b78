"""Calcul d'un délai comme au greffe : C. proc. civ. art. 640 à 644, délais francs.

Ordre des opérations (art. 641 et 642) :
1. mois = 12 × années + mois + augmentation pour distance (643/644) ;
2. ces mois sont ajoutés en une seule fois au jour de départ, au même
   quantième, ou au dernier jour du mois s'il n'existe pas ;
3. puis les jours (le jour de départ ne compte pas) ;
4. délai franc : le jour de l'échéance ne compte pas, on passe au lendemain ;
5. échéance un samedi, un dimanche ou un jour férié ou chômé par la loi :
   report au premier jour ouvrable suivant, autant de fois qu'il le faut.

Quand un point est incertain (augmentation ou report non tranchés pour ce
délai, jour férié dont la date est discutée), on calcule deux fois : la date
sûre (l'interprétation la plus courte) et la date la plus tardive possible.

Un délai saisi librement (durée sans entrée du catalogue) est de nature
inconnue : `echeance` lui applique l'augmentation pour distance quand la
personne habite loin (contrat de l'échéance, art. 643/644), mais la
`date_sure`, celle qu'on montre d'abord, ne compte pas sur elle ; la date
augmentée est donnée sous condition (`si_delai_augmente`).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..donnees import charge, prochaine_date, valeur_au
from . import calendrier
from .francais import MOIS, date_fr, duree_fr, enumeration, majuscule

STATUTS_SURS = frozenset({"legal"})
STATUTS_POSSIBLES = frozenset({"legal", "incertain"})
UN_JOUR = timedelta(days=1)


@dataclass(frozen=True)
class Regle:
    """Ce qui définit un délai : une entrée du catalogue ou une saisie libre."""

    annees: int = 0
    mois: int = 0
    jours: int = 0
    franc: bool = False
    jour_origine_compte: bool = False
    augmentation: str = "oui"  # oui | non | incertaine | inconnue (délai saisi librement)
    prorogation: str = "oui"  # oui | non | incertaine
    nature: str = "procedure"  # procedure | objectif | duree | prescription
    id: str | None = None
    libelle: str | None = None
    reference: str | None = None  # clé de `references` dans delais.yml
    notes: str | None = None
    notes_distance: str | None = None  # montrées seulement quand la personne habite loin
    duree_selon: str | None = None  # paramètre daté qui donne la durée selon le jour de départ
    lieu: str | None = None
    aide_juridictionnelle: str = "aucun"

    def duree(self) -> dict:
        return {k: v for k, v in (("annees", self.annees), ("mois", self.mois), ("jours", self.jours)) if v}

    def duree_texte(self) -> str:
        return duree_fr(self.annees, self.mois, self.jours)


def ajoute_mois(jour: date, mois: int) -> date:
    """Même quantième `mois` plus tard, ou dernier jour du mois (art. 641 al. 2)."""
    rang = jour.month - 1 + mois
    annee, mois_cible = jour.year + rang // 12, rang % 12 + 1
    return date(annee, mois_cible, min(jour.day, calendar.monthrange(annee, mois_cible)[1]))


def cite(cle: str, delais: dict | None = None) -> dict:
    """Référence de delais.yml, telle qu'on l'affiche : `{"texte", "url"}`."""
    reference = (charge("delais") if delais is None else delais)["references"][cle]
    return {"texte": reference["texte"], "url": reference.get("url")}


def avertissement(code: str, texte: str) -> dict:
    return {"code": code, "texte": texte}


class HorsParametres(ValueError):
    """Le jour du calcul précède la première valeur connue d'un paramètre daté."""

    def __init__(self, premier: date):
        self.premier = premier
        super().__init__(
            f"Ce calculateur ne connaît pas la règle applicable avant le {date_fr(premier)} : vérifiez la date."
        )


def parametre_en_vigueur(nom: str, jour: date, delais: dict | None = None) -> dict:
    """L'entrée du paramètre daté `nom` de delais.yml en vigueur le `jour` (valeur, source, date)."""
    liste = (charge("delais") if delais is None else delais)["parametres"][nom]
    try:
        return valeur_au(liste, jour)
    except LookupError:
        raise HorsParametres(min(date.fromisoformat(e["applicable_du"]) for e in liste)) from None


def parametre(nom: str, jour: date, delais: dict | None = None) -> dict:
    """La valeur du paramètre daté `nom` en vigueur le `jour`."""
    return parametre_en_vigueur(nom, jour, delais)["valeur"]


def prochain_changement(nom: str, jour: date, delais: dict | None = None) -> date | None:
    """Le jour où la valeur en vigueur le `jour` cesse de s'appliquer (None : toujours en vigueur)."""
    return prochaine_date((charge("delais") if delais is None else delais)["parametres"][nom], jour)


def duree_au(regle: Regle, jour: date, delais: dict | None = None) -> Regle:
    """La règle avec la durée en vigueur le `jour` quand elle dépend d'un paramètre daté."""
    if regle.duree_selon is None:
        return regle
    duree = parametre(regle.duree_selon, jour, delais)
    return replace(regle, annees=duree.get("annees", 0), mois=duree.get("mois", 0), jours=duree.get("jours", 0))


def augmentation_distance(
    lieu: str, residence: str | None, jour: date, feries: dict | None = None, delais: dict | None = None
) -> tuple[int, str | None]:
    """Mois ajoutés pour distance (paramètre `augmentation_distance`) et clé de l'article qui les donne."""
    territoires = calendrier.table(feries)["territoires"]
    if residence is None or residence == lieu:
        return 0, None
    groupe_residence = territoires.get(residence, {}).get("groupe", residence)
    if groupe_residence == territoires[lieu]["groupe"]:
        return 0, None
    valeur = parametre("augmentation_distance", jour, delais)
    cle = "etranger" if residence == "etranger" else "autre_territoire"
    return valeur[cle]["mois"], territoires[lieu]["article_distance"]


def delais_augmentes(jour: date, delais: dict | None = None) -> str:
    """« de comparution, d'appel, … ou de pourvoi en cassation » (paramètre `augmentation_distance`)."""
    liste = parametre("augmentation_distance", jour, delais)["delais_concernes"]
    return ", ".join(liste[:-1]) + " ou " + liste[-1] if len(liste) > 1 else liste[0]


def _proroge(
    jour: date, lieu: str, statuts: frozenset[str], feries: dict | None, delais: dict | None
) -> tuple[date, list[dict]]:
    """Art. 642 al. 2 : avance jusqu'au premier jour ouvrable ; liste des jours sautés."""
    sautes = []
    while (raison := calendrier.motif_non_ouvrable(jour, lieu, statuts, feries)) is not None:
        ferie = raison["feries"][0] if raison["feries"] else None
        reference = {"texte": ferie["source"], "url": ferie.get("url")} if ferie else cite("cpc_642", delais)
        sautes.append({"date": jour.isoformat(), "motif": raison["motif"], "reference": reference})
        jour += UN_JOUR
    return jour, sautes


@dataclass(frozen=True)
class _Variante:
    mois_distance: int
    apres_mois: date
    brute: date
    finale: date
    prorogations: list


def _variante(depart, regle, lieu, mois_distance, proroger, statuts, feries, delais) -> _Variante:
    apres_mois = ajoute_mois(depart, 12 * regle.annees + regle.mois + mois_distance)
    brute = apres_mois + timedelta(days=regle.jours)
    if regle.jour_origine_compte:
        brute -= UN_JOUR
    if regle.franc:
        brute += UN_JOUR
    premier, dernier = calendrier.bornes(feries)
    if not premier <= brute <= dernier:
        raise calendrier.HorsCalendrier(brute.year, premier.year, dernier.year)
    finale, prorogations = _proroge(brute, lieu, statuts, feries, delais) if proroger else (brute, [])
    return _Variante(mois_distance, apres_mois, brute, finale, prorogations)


def calcule(
    depart: date,
    regle: Regle,
    lieu: str = "metropole",
    residence: str | None = None,
    *,
    feries: dict | None = None,
    delais: dict | None = None,
) -> dict:
    """Échéance expliquée d'un délai. Lève `calendrier.HorsCalendrier` hors de la table et
    `HorsParametres` avant la première valeur d'un paramètre daté."""
    regle = duree_au(regle, depart, delais)
    distance, article = augmentation_distance(lieu, residence, depart, feries, delais)

    def variante(mois_distance, proroger, statuts):
        return _variante(depart, regle, lieu, mois_distance, proroger, statuts, feries, delais)

    sure = variante(
        distance if regle.augmentation in ("oui", "inconnue") else 0, regle.prorogation == "oui", STATUTS_SURS
    )
    tardive = variante(distance if regle.augmentation != "non" else 0, regle.prorogation != "non", STATUTS_POSSIBLES)
    # Nature inconnue et personne loin : la date montrée d'abord ne compte pas sur l'augmentation.
    sans = (
        variante(0, regle.prorogation == "oui", STATUTS_SURS)
        if (regle.augmentation == "inconnue" and distance)
        else None
    )
    causes = _causes_incertitude(regle, lieu, sure, tardive, feries)
    condition = f"Si ce délai est un délai {delais_augmentes(depart, delais)}" if sans else None

    def explications(v):
        return _explications(depart, regle, lieu, residence, v, distance, article, condition, feries, delais)

    return {
        "delai": regle.libelle or f"Délai de {regle.duree_texte()}",
        "depart": depart.isoformat(),
        "duree": regle.duree(),
        "lieu_juridiction": lieu,
        "residence_partie": residence,
        "franc": regle.franc,
        "echeance": sure.finale.isoformat(),
        "date_sure": (sans or sure).finale.isoformat(),
        "echeance_brute": sure.brute.isoformat(),
        "echeance_plus_tardive": tardive.finale.isoformat() if tardive.finale != sure.finale else None,
        "motifs_plus_tardive": causes,
        "augmentation_distance": (
            {"mois": sure.mois_distance, "reference": cite(article, delais)} if sure.mois_distance else None
        ),
        "sans_augmentation": {
            "condition": condition,
            "echeance_brute": sans.brute.isoformat(),
            "prorogations": sans.prorogations,
            "explications": explications(sans),
        }
        if sans
        else None,
        "prorogations": sure.prorogations,
        "explications": explications(sure),
        "avertissements": _avertissements(depart, regle, lieu, sans or sure, sure, tardive, causes, feries, delais),
    }


def _explications(depart, regle, lieu, residence, v, distance, article, condition, feries, delais) -> list[dict]:
    """Les étapes du calcul de la variante `v`, dans l'ordre. `condition` (nature du délai
    inconnue) : l'augmentation pour distance ne vaut que sous cette condition."""

    def ligne(texte: str, cle: str) -> dict:
        return {"texte": texte, "reference": cite(cle, delais)}

    if regle.jour_origine_compte:
        lignes = [ligne(f"Le délai part du {date_fr(depart)} ; par exception, ce jour compte.", "cpc_640")]
    else:
        lignes = [ligne(f"Le délai part du {date_fr(depart)} ; ce jour ne compte pas.", "cpc_641")]
    if regle.duree_selon:
        en_vigueur = parametre_en_vigueur(regle.duree_selon, depart, delais)
        lignes.append(
            {
                "texte": f"Durée en vigueur à cette date : {regle.duree_texte()} "
                f"(depuis le {date_fr(date.fromisoformat(en_vigueur['applicable_du']), semaine=False)}).",
                "reference": {"texte": en_vigueur["source"]["titre"], "url": en_vigueur["source"].get("url")},
            }
        )
    if distance and regle.augmentation != "non":
        reference = cite(article, delais)
        if regle.franc:
            reference = {**reference, "texte": f"{reference['texte']} ; {cite('cja_r421_7', delais)['texte']}"}
        loin = (
            f"La personne qui doit agir habite {calendrier.dans(residence, feries)} et la "
            f"juridiction siège {calendrier.dans(lieu, feries)}"
        )
        if v.mois_distance and condition:
            texte = f"{loin}. {condition} : {v.mois_distance} mois de plus pour distance, comptés avec les mois, avant les jours."
        elif v.mois_distance:
            texte = f"{loin} : {v.mois_distance} mois de plus pour distance, comptés avec les mois, avant les jours."
        elif condition:
            texte = (
                f"{loin}. La date sûre ne compte pas l'augmentation pour distance : elle ne vaut que pour "
                f"les délais {delais_augmentes(depart, delais)}."
            )
        else:
            texte = None  # augmentation incertaine : la date plus tardive le dit
        if texte:
            lignes.append({"texte": texte, "reference": reference})
    elif distance and regle.augmentation == "non":
        lignes.append(ligne("Ce délai n'est pas augmenté pour distance.", regle.reference or "cpc_643"))
    total_mois = 12 * regle.annees + regle.mois + v.mois_distance
    if total_mois:
        lignes.append(ligne(_texte_mois(depart, total_mois, v.apres_mois), "cpc_641"))
    if regle.jours:
        ordre = " Les mois se comptent d'abord, puis les jours." if total_mois else ""
        depuis = v.apres_mois
        lignes.append(
            ligne(
                f"{majuscule(date_fr(depuis))} + {duree_fr(jours=regle.jours)} = {date_fr(depuis + timedelta(days=regle.jours))}.{ordre}",
                "cpc_641",
            )
        )
    if regle.franc:
        lignes.append(
            ligne(
                f"Délai franc : le jour de l'échéance ne compte pas non plus, la fin passe au lendemain, {date_fr(v.brute)}.",
                "delai_franc",
            )
        )
    lignes += _explications_fin(regle, v, delais)
    reference = cite(regle.reference, delais) if regle.reference else None
    if regle.notes:
        lignes.append({"texte": regle.notes, "reference": reference})
    if regle.notes_distance and distance:
        lignes.append({"texte": regle.notes_distance, "reference": reference})
    return lignes


def _texte_mois(depart: date, total_mois: int, apres_mois: date) -> str:
    debut = f"{majuscule(date_fr(depart))} + {total_mois} mois"
    if apres_mois.day == depart.day:
        return f"{debut} : même quantième ({depart.day}) → {date_fr(apres_mois)}."
    return (
        f"{debut} : il n'y a pas de {depart.day} {MOIS[apres_mois.month - 1]} {apres_mois.year}, "
        f"le délai tombe le dernier jour du mois, {date_fr(apres_mois)}."
    )


def _explications_fin(regle: Regle, sure: _Variante, delais) -> list[dict]:
    def ligne(texte: str, cle: str) -> dict:
        return {"texte": texte, "reference": cite(cle, delais)}

    if regle.nature == "duree":
        return [
            ligne(
                f"C'est la durée d'une mesure, pas un délai pour agir : pas de report au jour ouvrable. "
                f"Fin le {date_fr(sure.finale)}.",
                regle.reference or "cpc_641",
            )
        ]
    if regle.nature == "prescription":
        return [
            ligne(
                f"Prescription acquise à la fin du {date_fr(sure.finale)}, sans report promis si ce jour est "
                "un week-end ou un jour férié.",
                regle.reference or "cpc_641",
            )
        ]
    sautes = [_jour_saute(saut) for saut in sure.prorogations]
    lignes = []
    if sautes:
        verbe = "n'est pas un jour ouvrable" if len(sautes) == 1 else "ne sont pas des jours ouvrables"
        lignes.append(
            ligne(
                f"{majuscule(enumeration(sautes))} {verbe} : le délai est prorogé au premier jour ouvrable suivant.",
                "cpc_642",
            )
        )
    if regle.prorogation == "oui":
        lignes.append(ligne(f"Dernier jour : {date_fr(sure.finale)}, jusqu'à minuit (24 heures).", "cpc_642"))
    else:
        lignes.append(
            ligne(
                f"Échéance : {date_fr(sure.finale)}. Aucun texte ne dit si elle est reportée quand ce jour "
                "n'est pas ouvrable : la date sûre ne la reporte pas.",
                regle.reference or "cpc_642",
            )
        )
    return lignes


def _jour_saute(saut: dict) -> str:
    """« le lundi 9 juin 2025 (lundi de Pentecôte) » ; le nom du jour de week-end n'est pas répété."""
    motif = saut["motif"]
    for week_end in ("samedi", "dimanche"):
        motif = motif.removeprefix(week_end).removeprefix(" et ")
    return f"le {date_fr(date.fromisoformat(saut['date']))}" + (f" ({motif})" if motif else "")


def _avertissements(depart, regle, lieu, montree, sure, tardive, causes, feries, delais) -> list[dict]:
    avertissements = []
    if regle.nature == "procedure":
        avertissements.append(
            avertissement(
                "agir_tot",
                "Agissez dès que vous pouvez : le greffe ferme bien avant minuit, et seul un envoi "
                "électronique ou un dépôt en ligne peut parfois aller jusqu'à 24 heures le dernier jour.",
            )
        )
    if montree is not sure:
        avertissements.append(
            avertissement(
                "distance_limitee",
                f"Date sûre : {date_fr(montree.finale)}. L'augmentation pour distance ne vaut que pour les délais "
                f"{delais_augmentes(depart, delais)}, et seulement pour la partie qui habite loin (pas pour les "
                f"délais de l'ordonnance de protection). Si votre délai en fait partie, il va jusqu'au "
                f"{date_fr(sure.finale)} ; en cas de doute, agissez avant la date sûre.",
            )
        )
    if regle.nature == "prescription":
        avertissements.append(
            avertissement(
                "prescription_indicative",
                "Prescription indicative : des actes de procédure peuvent l'interrompre ou la suspendre. "
                "Vous pouvez porter plainte même si vous avez un doute : le procureur vérifie la prescription.",
            )
        )
    if tardive.finale != sure.finale:
        condition = [f"ce délai est un délai {delais_augmentes(depart, delais)}"] if montree is not sure else []
        avertissements.append(
            avertissement(
                "date_plus_tardive_possible",
                f"Date sûre : {date_fr(montree.finale)}. Le délai pourrait aller jusqu'au {date_fr(tardive.finale)} si "
                + " ; et si ".join(condition + causes)
                + ". Ne comptez sur cette date plus tardive qu'après avoir demandé à un avocat ou au greffe.",
            )
        )
    for particularite in calendrier.particularites(montree.finale, lieu, feries):
        if particularite["statut"] == "coutumier":
            avertissements.append(
                avertissement(
                    "jour_chome_par_usage",
                    f"Le {date_fr(montree.finale)} est le {particularite['nom']}, souvent chômé sur place par usage "
                    "mais pas par un texte : le délai n'est pas prolongé (Cass. 2e civ., 16 juillet 1976, "
                    "n° 75-12.260). Vérifiez que le greffe est ouvert, sinon agissez avant.",
                )
            )
    territoire = calendrier.table(feries)["territoires"][lieu]
    if territoire.get("avertissement"):
        avertissements.append(avertissement(f"calendrier_{lieu}", territoire["avertissement"]))
    return avertissements


def _causes_incertitude(regle, lieu, sure, tardive, feries) -> list[str]:
    """Pourquoi la date la plus tardive diffère de la date sûre (liste vide si elles sont égales)."""
    if tardive.finale == sure.finale:
        return []
    causes = []
    if tardive.mois_distance != sure.mois_distance:
        causes.append(
            f"l'augmentation de {tardive.mois_distance} mois pour distance vaut pour ce délai "
            "(plausible, mais aucun texte ni arrêt trouvé ne le confirme)"
        )
    if regle.prorogation == "incertaine" and tardive.prorogations:
        causes.append("ce délai est reporté au jour ouvrable suivant comme un délai pour agir (non tranché)")
    for saut in tardive.prorogations:
        jour = date.fromisoformat(saut["date"])
        if jour.weekday() >= calendrier.SAMEDI:
            continue
        for particularite in calendrier.particularites(jour, lieu, feries):
            if particularite["statut"] == "incertain":
                causes.append(
                    f"le {date_fr(jour)} est férié ({particularite['nom']}), ce que les textes ne tranchent pas"
                )
    return causes
