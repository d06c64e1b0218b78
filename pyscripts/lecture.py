"""Lire une donnée reçue en JSON, la même façon pour les deux moteurs, et la refuser en français.

Règles communes (simulateur d'aide juridictionnelle et calculateur de délais) :

- `null` veut dire « pas répondu » : la valeur par défaut s'applique ;
- un nombre entier peut s'écrire 2 ou 2.0 ; 2.5 est refusé là où il faut un entier ;
- les montants et les nombres sont bornés (un chiffre démesuré est une faute de frappe) ;
- une date s'écrit AAAA-MM-JJ ; les chiffres d'une autre écriture (arabe, persane,
  devanagari, pleine chasse…) sont lus comme les chiffres 0 à 9 ;
- chaque refus est une `EntreeInvalide(champ, message)` dont le message commence par le
  nom de la donnée en français, suivi de sa clé entre parenthèses (que la page retire), et
  ne cite de la valeur reçue qu'un court extrait nettoyé (ni caractère invisible ou de
  contrôle, ni inversion du sens d'écriture, ni demi-caractère).

Bibliothèque standard seulement (exécuté aussi par Pyodide).
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date

from .erreurs import EntreeInvalide
from .francais import MOIS, nombre_fr

# Au-delà, un montant est une faute de frappe, pas un revenu ni un patrimoine : 100 millions d'euros.
# La page (theme/assets/js/francais.mjs, montant(), MONTANT_MAXIMUM) applique la même borne.
MONTANT_MAXIMUM = 100_000_000
EXTRAIT_MAXIMUM = 40  # caractères cités d'une valeur refusée
# Catégories Unicode jamais recopiées dans un message : contrôle, format (dont les marques et
# inversions de sens d'écriture, les espaces de largeur nulle), demi-caractères, usage privé,
# séparateurs de ligne et de paragraphe.
_INVISIBLES = frozenset({"Cc", "Cf", "Cs", "Co", "Zl", "Zp"})
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


# ── Ce qu'on écrit dans un message ───────────────────────────────────────────


def nettoie(texte: str, maximum: int = EXTRAIT_MAXIMUM) -> str:
    """Le texte sans caractère invisible ni de contrôle, espaces regroupés, coupé à `maximum`."""
    debut = texte[: maximum * 4]  # jamais tout un texte démesuré
    propre = " ".join("".join(c for c in debut if unicodedata.category(c) not in _INVISIBLES).split())
    return propre if len(propre) <= maximum else propre[: maximum - 1].rstrip() + "…"


def extrait(valeur) -> str:
    """Comment on cite une valeur refusée : « texte court », ou sa nature, jamais sa forme Python."""
    if isinstance(valeur, str):
        propre = nettoie(valeur)
        return f"« {propre} »" if propre else "une réponse vide"
    if valeur is None:
        return "une réponse vide"
    if isinstance(valeur, bool):
        return "une réponse oui ou non"
    if isinstance(valeur, (int, float)):
        if isinstance(valeur, float) and math.isnan(valeur):
            return "une valeur qui n'est pas un nombre"
        if isinstance(valeur, float) and math.isinf(valeur) or abs(valeur) >= 10**15:
            return "un nombre démesuré"
        return f"« {nombre_fr(valeur)} »"
    if isinstance(valeur, list):
        return "une liste de valeurs"
    return "un ensemble de valeurs"


def donnee_inconnue(cle, connues, quoi: str) -> EntreeInvalide:
    """Une clé d'entrée que le moteur ne connaît pas : la faute est celle de l'entrée (champ
    « entree », jamais la clé reçue, qui n'est pas une vraie donnée)."""
    nom = nettoie(str(cle))
    cite = f" (« {nom} »)" if nom else ""
    return EntreeInvalide(
        "entree", f"Une donnée reçue{cite} n'est pas {quoi}. Données acceptées : {', '.join(connues)}."
    )


def champ_inconnu(cle, connues=(), parent: str = "", du: str = "") -> EntreeInvalide:
    """Une clé inconnue d'un objet de l'entrée (requête OP, chronologie, pièces) : nommée, nettoyée,
    dans « parent.clé » ; une clé vide ou invisible est nommée par son parent."""
    nom = nettoie(str(cle))
    champ = ".".join(p for p in (parent, nom) if p) or "entree"
    accepte = f" Champs acceptés : {', '.join(connues)}." if connues else ""
    debut = f"Champ inconnu{du} : « {nom} »." if nom else f"Un champ sans nom n'est pas accepté{du}."
    return EntreeInvalide(champ, debut + accepte)


def demi_caractere(entree) -> str | None:
    """Le chemin (« valeurs.nom », « chronologie.3.faits ») du premier texte de `entree` qui contient
    un demi-caractère (« \\ud800 » reçu en JSON, souvent un emoji coupé) : aucun encodage ne peut
    l'écrire dans un PDF. None s'il n'y en a pas. Parcours sans récursion (JSON imbriqué à volonté)."""
    pile = [("", entree)]
    while pile:
        chemin, valeur = pile.pop()
        if isinstance(valeur, dict):
            for cle, sous in reversed(valeur.items()):
                if _a_un_demi(cle):
                    return chemin or "entree"
                pile.append((f"{chemin}.{cle}" if chemin else cle, sous))
        elif isinstance(valeur, list):
            pile += [(f"{chemin}.{i}", sous) for i, sous in reversed(list(enumerate(valeur, 1)))]
        elif isinstance(valeur, str) and _a_un_demi(valeur):
            return chemin or "entree"
    return None


def _a_un_demi(texte: str) -> bool:
    try:
        texte.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def refus(champ: str, libelle: str, probleme: str) -> EntreeInvalide:
    """« Votre revenu fiscal de référence (rfr) : <problème> » — le nom de la donnée d'abord."""
    return EntreeInvalide(champ, f"{libelle[:1].upper()}{libelle[1:]} ({champ}) : {probleme}")


# ── Lecture ──────────────────────────────────────────────────────────────────


def lit_booleen(entree: dict, champ: str, libelle: str, defaut: bool | None) -> bool | None:
    valeur = entree.get(champ)
    if valeur is None:
        return defaut
    if not isinstance(valeur, bool):
        raise refus(champ, libelle, "répondez par oui ou par non.")
    return valeur


def lit_choix(entree: dict, champ: str, libelle: str, possibles, defaut: str | None) -> str | None:
    valeur = entree.get(champ)
    if valeur is None:
        return defaut
    if not isinstance(valeur, str) or valeur not in possibles:
        liste = ", ".join(f"« {p} »" for p in possibles)
        raise refus(champ, libelle, f"{extrait(valeur)} n'est pas une réponse prévue. Réponses possibles : {liste}.")
    return valeur


def lit_nombre(
    valeur,
    champ: str,
    libelle: str,
    *,
    entier: bool,
    exemple: str,
    minimum: int = 0,
    maximum: int = MONTANT_MAXIMUM,
    unite: str = "€",
):
    """Un nombre (`valeur` non nulle) entre `minimum` et `maximum` ; `unite` : « € », « mois », « jours »…"""
    if isinstance(valeur, str) and re.fullmatch(r"[0-9\s\u00a0\u202f]{10,}", valeur) and len(valeur) < 10_000:
        # Des chiffres seuls, trop nombreux pour la page (qui les envoie alors tels quels) : le montant démesuré.
        raise refus(champ, libelle, f"ce nombre dépasse {nombre_fr(maximum)} {unite} : vérifiez-le.")
    if isinstance(valeur, bool) or not isinstance(valeur, (int, float)):
        raise refus(
            champ,
            libelle,
            f"{extrait(valeur)} n'est pas un nombre. Écrivez seulement des chiffres, par exemple {exemple}.",
        )
    if isinstance(valeur, float) and math.isnan(valeur):
        raise refus(champ, libelle, f"ce n'est pas un nombre. Écrivez seulement des chiffres, par exemple {exemple}.")
    if isinstance(valeur, float) and math.isinf(valeur):
        raise refus(champ, libelle, f"ce nombre dépasse {nombre_fr(maximum)} {unite} : vérifiez-le.")
    if isinstance(valeur, float) and entier:
        if not valeur.is_integer():
            raise refus(champ, libelle, f"indiquez un nombre entier, sans virgule, par exemple {exemple}.")
        valeur = int(valeur)
    if valeur < 0:
        raise refus(champ, libelle, "un nombre négatif n'est pas possible.")
    if valeur < minimum:
        raise refus(champ, libelle, f"indiquez au moins {nombre_fr(minimum)}.")
    if valeur > maximum:
        raise refus(champ, libelle, f"ce nombre dépasse {nombre_fr(maximum)} {unite} : vérifiez-le.")
    return valeur


def chiffres_latins(texte: str) -> str:
    """Chaque chiffre décimal d'une autre écriture (« ٢٠٢٥ », « ２０２５ ») devient 0 à 9."""
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in texte)


def lit_date(
    valeur, champ: str, libelle: str, *, premier: date, dernier: date, trop_tot: str, trop_tard: str | None = None
) -> date:
    """Une date AAAA-MM-JJ (`valeur` non nulle) comprise entre `premier` et `dernier` ; `trop_tot`,
    `trop_tard` : ce qu'on dit d'une date avant ou après (sans point final ; `trop_tard` vaut
    `trop_tot` s'il est omis)."""
    if not isinstance(valeur, str):
        raise refus(champ, libelle, "écrivez la date sous la forme AAAA-MM-JJ, par exemple 2025-03-14.")
    texte = chiffres_latins(valeur.strip()[:40])
    if "T" in texte or ":" in texte:
        raise refus(champ, libelle, "indiquez seulement le jour, sans heure, sous la forme AAAA-MM-JJ.")
    if not _DATE.fullmatch(texte):
        raise refus(
            champ, libelle, f"{extrait(valeur)} n'est pas une date sous la forme AAAA-MM-JJ (par exemple 2025-03-14)."
        )
    annee, mois, jour = (int(x) for x in texte.split("-"))
    if annee < premier.year or annee > dernier.year:
        raise refus(champ, libelle, f"{trop_tot if annee < premier.year else trop_tard or trop_tot}.")
    if not 1 <= mois <= 12:
        raise refus(champ, libelle, f"il n'y a pas de mois n° {mois} : vérifiez la date {extrait(texte)}.")
    try:
        lu = date(annee, mois, jour)
    except ValueError:
        raise refus(
            champ,
            libelle,
            f"le {jour} {MOIS[mois - 1]} {annee} n'existe pas dans le calendrier : vérifiez le jour et le mois.",
        ) from None
    if not premier <= lu <= dernier:
        raise refus(champ, libelle, f"{trop_tot if lu < premier else trop_tard or trop_tot}.")
    return lu
