"""Décider de l'aide juridictionnelle pour une situation déjà lue (voir entree.py).

Ordre des questions, comme le bureau d'aide juridictionnelle :
1. le barème en vigueur à la date de la demande ;
2. l'assurance de protection juridique (loi, art. 2) ;
3. les cas où les ressources ne sont pas examinées (cas A à E, mineur entendu) ;
4. la nationalité et la résidence (loi, art. 3) ;
5. le patrimoine (décret, art. 5), puis les ressources (décret, art. 3, 4 et 6).
Pur : pas d'entrée/sortie, pas d'horloge ; les paramètres arrivent en données.
"""

from __future__ import annotations

import math
from fractions import Fraction

from ..donnees import prochaine_date, valeur_au
from ..francais import date_longue
from . import explications as ex
from .bareme import (
    PLAFONDS,
    Bareme,
    Plafond,
    bareme_au,
    baremes,
    dernier_bareme,
    jour_iso,
    majoration_immobilier,
    majoration_ressources,
    plafonds,
)
from .entree import EXCEPTIONS_CESEDA, Situation, manquant

# Taux des issues qui ne sont pas une bande de ressources ; ceux des bandes viennent des
# paramètres (règle datée `bandes_ressources`).
TAUX_HORS_BANDES = {"non_eligible": 0, "sans_condition_de_ressources": None}


class _Reponse:
    """Ce qu'on dit à l'utilisateur, dans l'ordre où on le décide."""

    def __init__(self, parametres: dict):
        self.textes = parametres["textes"]
        self.explications: list[dict] = []
        self.avertissements: list[dict] = []

    def reference(self, reference) -> dict:
        texte = self.textes[reference] if isinstance(reference, str) else reference
        return {"texte": texte["texte"], "url": texte.get("url")}

    def explique(self, phrase: tuple) -> None:
        texte, reference = phrase
        self.explications.append({"texte": texte, "reference": self.reference(reference)})

    def avertit(self, avertissement: tuple) -> None:
        code, texte = avertissement
        element = {"code": code, "texte": texte}
        if element not in self.avertissements:
            self.avertissements.append(element)


def decide(s: Situation, parametres: dict) -> dict:
    b = bareme_au(parametres, s.date_demande)
    rep = _Reponse(parametres)
    rep.explique(ex.bareme(b, s.date_demande))
    _avertissements_de_date(rep, parametres, s)
    resultat, plafonds_json, retenu = _resultat(rep, s, b, parametres)
    rep.avertit(ex.AVERTISSEMENT_ESTIMATION)
    sortie = {
        "resultat": resultat,
        "taux": _taux(resultat, b),
        "bareme": b.en_json(),
        "plafonds": plafonds_json,
        # Le taux de chaque plafond de ressources (règle datée) : la page écrit « Aide à 55 % ».
        "taux_des_plafonds": (
            {bande["plafond"]: bande["taux"] for bande in b.regles["bandes_ressources"]} if plafonds_json else None
        ),
        "ressources_retenues": retenu,
        "explications": rep.explications,
        "avertissements": rep.avertissements,
    }
    if s.ordonnance_protection:
        admission = ex.admission_provisoire()
        admission["reference"] = rep.reference(admission["reference"])
        sortie["admission_provisoire"] = admission
    return sortie


def _taux(resultat: str, b: Bareme) -> int | None:
    if resultat in TAUX_HORS_BANDES:
        return TAUX_HORS_BANDES[resultat]
    return ex.taux_de(b.regles["bandes_ressources"], resultat)


def bareme_annonce(parametres: dict, jour) -> dict | None:
    """Le barème publié mais pas encore saisi (`baremes_annonces`) qui vaudrait pour une demande du `jour`."""
    dernier = dernier_bareme(parametres)
    annonces = [
        a
        for a in parametres.get("baremes_annonces") or []
        if a["annee"] > dernier.annee and jour_iso(a["a_partir_du"]) <= jour
    ]
    return max(annonces, key=lambda a: a["annee"]) if annonces else None


def _avertissements_de_date(rep: _Reponse, parametres: dict, s: Situation) -> None:
    dernier = dernier_bareme(parametres)
    annonce = bareme_annonce(parametres, s.date_demande)
    if annonce:
        rep.avertit(ex.avertissement_bareme_annonce(dernier, annonce))
    if s.date_demande.year > (annonce["annee"] if annonce else dernier.annee):
        rep.avertit(ex.avertissement_bareme_ancien(dernier, s.date_demande.year))
    for autre in baremes(parametres):
        concurrente = autre.donnees.get("date_concurrente")
        if concurrente and jour_iso(concurrente["date"]) <= s.date_demande < autre.applicable_du:
            rep.avertit(ex.avertissement_date_incertaine(autre, jour_iso(concurrente["date"])))


def _resultat(rep: _Reponse, s: Situation, b: Bareme, parametres: dict):
    """(résultat, plafonds appliqués ou None, ressources retenues ou None)."""
    if s.protection_juridique == "totale":
        rep.explique(ex.protection_totale())
        rep.avertit(ex.avertissement_assureur())
        return "non_eligible", None, None
    if s.protection_juridique == "partielle":
        rep.explique(ex.protection_partielle())
    if s.cas_particulier is not None or s.audition_mineur:
        return _sans_condition_de_ressources(rep, s, parametres)
    if not _residence(rep, s, parametres, cnda=False):
        rep.avertit(ex.avertissement_digne_d_interet())
        return "non_eligible", None, None
    return _examen_des_ressources(rep, s, b, parametres)


def _sans_condition_de_ressources(rep: _Reponse, s: Situation, parametres: dict):
    lettre = s.cas_particulier
    if lettre is None:
        rep.explique(ex.audition_mineur())
        return "sans_condition_de_ressources", None, None
    if lettre == "C" and not _residence(rep, s, parametres, cnda=True):
        rep.avertit(ex.avertissement_digne_d_interet())
        return "non_eligible", None, None
    rep.explique(ex.cas_particulier(lettre, valeur_au(parametres["delai_demande_cnda"], s.date_demande)["valeur"]))
    if lettre in ex.AVERTISSEMENTS_CAS:
        rep.avertit(ex.AVERTISSEMENTS_CAS[lettre])
    rep.avertit(ex.AVERTISSEMENT_CAS_FORMULAIRE)
    return "sans_condition_de_ressources", None, None


def _residence(rep: _Reponse, s: Situation, parametres: dict, *, cnda: bool) -> bool:
    """La condition de nationalité ou de résidence (loi, art. 3) est-elle remplie ?"""
    if s.nationalite == "francaise":
        return True
    if s.nationalite == "union_europeenne":
        rep.explique(ex.union_europeenne())
        return True
    if s.exception_residence is not None:
        rep.explique(ex.exception_residence(s.exception_residence))
        if s.exception_residence in EXCEPTIONS_CESEDA:
            rep.avertit(ex.AVERTISSEMENT_CESEDA)
        return True
    if s.residence_habituelle is None:
        raise manquant(
            "residence_habituelle",
            "dites si vous vivez habituellement en France (plus de 6 mois "
            "par an), ou indiquez une situation qui en dispense "
            "(exception_residence).",
        )
    if not s.residence_habituelle:
        rep.explique(ex.pas_de_residence_habituelle())
        return False
    if cnda:
        rep.explique(ex.residence_cnda())
        return True
    regles = parametres["residence_reguliere_exigee"]
    regle = valeur_au(regles, s.date_demande)
    if not regle["valeur"]:
        rep.explique(ex.residence_habituelle_suffit(jour_iso(regle["applicable_du"])))
        return True
    fin = prochaine_date(regles, s.date_demande)
    if s.residence_reguliere is None:
        avant = f" avant le {date_longue(fin)}" if fin else ""
        raise manquant(
            "residence_reguliere", f"pour une demande déposée{avant}, dites si vous aviez un titre de séjour valable."
        )
    if s.residence_reguliere:
        rep.explique(ex.residence_reguliere())
        return True
    rep.explique(ex.sejour_irregulier_avant(fin))
    return False


def _ressources(rep: _Reponse, s: Situation, b: Bareme) -> tuple[int, bool]:
    """(montant comparé aux plafonds, vient-il du revenu fiscal de référence ?)."""
    regle = b.regles["ressources_derniers_mois"]
    derniers_mois = f"revenus imposables des {regle['mois']} derniers mois"
    if not s.changement_situation and s.rfr is not None:
        if s.revenus_6_mois is not None:
            rep.avertit(ex.avertissement_revenus_6_mois_ignores(regle["mois"]))
        rep.explique(ex.ressources_rfr(s.rfr))
        return s.rfr, True
    if s.revenus_6_mois is None:
        if s.changement_situation:
            raise manquant(
                "revenus_6_mois", f"votre situation a changé, on se fonde donc sur le total de vos {derniers_mois}."
            )
        if not s.rfr_indique:
            raise manquant(
                "rfr",
                f"c'est le montant inscrit sur votre dernier avis d'impôt. Si vous n'avez pas "
                f"d'avis d'impôt, indiquez plutôt vos {derniers_mois} (revenus_6_mois).",
            )
        raise manquant("revenus_6_mois", f"sans revenu fiscal de référence, on se fonde sur vos {derniers_mois}.")
    # Décret, art. 4 : multiplicateur × (revenus des derniers mois − abattement). Calcul exact,
    # puis arrondi à l'euro supérieur comme le font les circulaires (x ≤ plafond ⇔ ⌈x⌉ ≤ plafond).
    exact = Fraction(str(s.revenus_6_mois)) * regle["multiplicateur"] * (1 - Fraction(regle["abattement"], 100))
    retenu = math.ceil(exact)
    rep.explique(ex.ressources_derniers_mois(s.revenus_6_mois, retenu, s.changement_situation, retenu != exact, regle))
    return retenu, False


def _examen_des_ressources(rep: _Reponse, s: Situation, b: Bareme, parametres: dict):
    n = s.personnes_foyer
    if n is None:
        raise manquant(
            "personnes_foyer", "comptez toutes les personnes inscrites sur votre avis d'impôt, vous compris."
        )
    p = plafonds(b, n)
    rep.explique(ex.foyer(n, majoration_ressources(b, n), majoration_immobilier(b, n)))
    retenu, par_rfr = _ressources(rep, s, b)
    plafonds_json = {nom: plafond.valeur for nom, plafond in p.items()}
    patrimoine_ok, cites = _patrimoine(rep, s, p, n)
    if not patrimoine_ok:
        resultat = "non_eligible"
    else:
        comparaisons = parametres["comparaison_ressources"]
        comparaison = valeur_au(comparaisons, s.date_demande)["valeur"]
        if comparaison == "strictement_inferieur":
            rep.explique(ex.comparaison_stricte(prochaine_date(comparaisons, s.date_demande)))
        bandes = b.regles["bandes_ressources"]
        resultat = next(
            (bande["plafond"] for bande in bandes if _sous_le_plafond(retenu, p[bande["plafond"]].valeur, comparaison)),
            "non_eligible",
        )
        rep.explique(ex.taux_ressources(resultat, retenu, par_rfr, p, n, comparaison, b.reference, bandes))
        cites += ex.plafonds_cites(resultat, bandes)
    _avertissements_de_plafonds(rep, b, {nom: p[nom] for nom in PLAFONDS if nom in cites})
    annonce = bareme_annonce(parametres, s.date_demande)
    marge = annonce["marge"] if annonce else parametres["simulation"]["marge_chiffres_derives"]
    _pres_d_un_plafond(rep, s, b, annonce, marge, p, retenu, par_rfr, resultat)
    if resultat == "non_eligible":
        rep.avertit(ex.avertissement_digne_d_interet())
    return resultat, plafonds_json, retenu


def _pres_d_un_plafond(rep, s, b, annonce, marge: int, p, retenu, par_rfr, resultat) -> None:
    """Un montant qui dépasse un plafond de moins de `marge` % pourrait passer sous le plafond qui
    s'appliquera : celui d'un barème attendu (`annonce` : tous les plafonds), ou le chiffre officiel
    d'un plafond que nous avons calculé (sans annonce : les plafonds `derive` seulement). On le dit,
    plafond par plafond, avec l'action sûre : déposer quand même."""

    def a_signaler(montant, nom: str) -> bool:
        plafond = p[nom]
        return bool(annonce or plafond.derive) and plafond.valeur < montant <= plafond.valeur * (100 + marge) // 100

    bandes = [bande["plafond"] for bande in b.regles["bandes_ressources"]]
    meilleure = (
        bandes[bandes.index(resultat) - 1]
        if resultat in bandes[1:]
        else (bandes[-1] if resultat == "non_eligible" else None)
    )
    montants = [("revenu" if par_rfr else "montant retenu", retenu, meilleure)] if meilleure else []
    montants += [
        (nom, montant, nom)
        for nom, montant in (
            ("patrimoine_mobilier", s.patrimoine_mobilier),
            ("patrimoine_immobilier", s.patrimoine_immobilier),
        )
    ]
    for quoi, montant, nom in montants:
        if a_signaler(montant, nom):
            rep.avertit(
                ex.avertissement_pres_du_plafond(
                    annonce, marge, quoi, montant, nom, p[nom], b.regles["bandes_ressources"]
                )
            )


def _patrimoine(rep: _Reponse, s: Situation, p: dict[str, Plafond], n: int) -> tuple[bool, tuple[str, ...]]:
    """Explique le test du patrimoine (décret, art. 5) : (patrimoine admis ?, plafonds cités)."""
    mobilier, immobilier = s.patrimoine_mobilier, s.patrimoine_immobilier
    plafond_mobilier, plafond_immobilier = p["patrimoine_mobilier"], p["patrimoine_immobilier"]
    mobilier_ok = not mobilier > plafond_mobilier.valeur
    immobilier_ok = not immobilier > plafond_immobilier.valeur
    if mobilier_ok and immobilier_ok:
        rep.explique(ex.patrimoine_respecte(mobilier, plafond_mobilier, immobilier, plafond_immobilier))
        return True, (() if mobilier == immobilier == 0 else ("patrimoine_mobilier", "patrimoine_immobilier"))
    if not mobilier_ok:
        rep.explique(ex.mobilier_depasse(mobilier, plafond_mobilier, n))
    if not immobilier_ok:
        rep.explique(ex.immobilier_depasse(immobilier, plafond_immobilier, n))
    return False, ("patrimoine_mobilier",) * (not mobilier_ok) + ("patrimoine_immobilier",) * (not immobilier_ok)


def _avertissements_de_plafonds(rep: _Reponse, b: Bareme, cites: dict[str, Plafond]) -> None:
    """Signale les plafonds cités qui sont calculés par nous ou repris d'un tableau publié discordant."""
    derives = {nom: plafond for nom, plafond in cites.items() if plafond.derive}
    bandes = b.regles["bandes_ressources"]
    if derives:
        rep.avertit(ex.avertissement_chiffres_derives(derives, bandes))
    for nom, plafond in cites.items():
        if plafond.ecart is not None:
            rep.avertit(ex.avertissement_ecart_publie(b.annee, nom, plafond.ecart, bandes))


def _sous_le_plafond(montant: int, plafond: int, comparaison: str) -> bool:
    if comparaison == "strictement_inferieur":
        return montant < plafond
    if comparaison == "inferieur_ou_egal":
        return montant <= plafond
    raise ValueError(f"règle de comparaison inconnue dans les paramètres : {comparaison!r}")
