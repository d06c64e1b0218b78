"""Formulaires officiels (Cerfa) : champs, remplissage, pièces justificatives.

    champs(identifiant, pdf) -> [{"nom", "libelle", "type", "rubrique"}]   lu dans le PDF vierge
    remplir(entree, pdf) -> bytes            entree = {"formulaire", "valeurs": {nom: valeur}}
    pieces(entree) -> [{"piece", "pourquoi", "tableau"}]
                                             entree = {"simulateur": {...}, "valeurs": {...}}
    prerempli(entree) -> {"valeurs", "rappels"}     entree = {"simulateur": {...}}
    remplir_base64(entree) -> {"pdf"}        pour le worker : le PDF vierge et le PDF rempli en base64
    verifier(entree) -> {}                   les réponses d'une étape, vérifiées sans PDF ni pypdf
    preparer(entree) -> {}                   le PDF vierge lu à l'avance (pypdf), gardé pour remplir

Le PDF vierge est celui que la construction écrit (site/formulaires/<id>.pdf) ; les
définitions sont dans content/formulaires/ (embarquées en JSON dans la roue Pyodide).
pypdf n'est importé que pour remplir ou lire un PDF.
"""

from __future__ import annotations

import base64
import binascii

from ..erreurs import EntreeInvalide
from ..lecture import champ_inconnu, demi_caractere, extrait
from . import definition
from .aj import prerempli
from .pieces import pieces

__all__ = ["champs", "remplir", "pieces", "prerempli", "remplir_base64", "preparer", "verifier", "definition_de"]


def definition_de(identifiant) -> dict:
    if not isinstance(identifiant, str) or identifiant not in definition.disponibles():
        connus = ", ".join(definition.disponibles())
        if identifiant is None:
            raise EntreeInvalide("formulaire", f"Dites quel formulaire : {connus}.")
        raise EntreeInvalide(
            "formulaire", f"Formulaire inconnu : {extrait(identifiant)}. Formulaires disponibles : {connus}."
        )
    return definition.lit_formulaire(identifiant)


def champs(identifiant: str, pdf: bytes) -> list[dict]:
    """Les champs que `remplir` accepte, dans l'ordre du formulaire : nom, libellé (/TU), type (texte,
    multiligne, date, montant, nombre, case), rubrique, longueur_max s'il y en a une ; les rangées de
    tableau au-delà des lignes imprimées (imprimées en annexe) portent « annexe »: true."""
    from .remplissage import champs_du_pdf, lecteur

    d = definition_de(identifiant)
    du_pdf = champs_du_pdf(lecteur(pdf))
    sortie = []
    for c in [*definition.champs_pdf(d), *definition.rangees_annexe(d)]:
        pdf_champ = du_pdf.get(c["nom"])
        if pdf_champ is None and "tableau" not in c:
            continue
        genre = c["genre"] if c["genre"] in ("date", "montant", "nombre", "multiligne", "case") else "texte"
        champ = {
            "nom": c["nom"],
            "libelle": pdf_champ["libelle"] if pdf_champ else c["nom_accessible"],
            "type": genre,
            "rubrique": c["rubrique"],
        }
        longueur = (pdf_champ or {}).get("max") or (10 if genre == "date" else c.get("max"))
        if longueur:
            champ["longueur_max"] = longueur
        if "tableau" in c:
            champ["annexe"] = True
        sortie.append(champ)
    return sortie


# Formulaires dont l'entrée n'est pas seulement {nom du champ: valeur} : une fonction
# (module, nom) la transforme d'abord en {"valeurs": …} (ex. la requête en ordonnance de
# protection : mesures, chronologie, adresse cachée). Les autres clés leur sont propres.
PREPARATIONS = {"cerfa-15458": ("pyscripts.op.requete", "a_remplir")}


def _valeurs(entree: dict, identifiant: str) -> tuple[dict, dict]:
    """Les valeurs du PDF et ce que le moteur du formulaire y joint (annexes, renvois)."""
    if identifiant in PREPARATIONS:
        import importlib

        module, fonction = PREPARATIONS[identifiant]
        prepare = getattr(importlib.import_module(module), fonction)(entree)
        return prepare["valeurs"], prepare.get("impression", {})
    inconnues = set(entree) - {"formulaire", "valeurs", "pdf"}
    if inconnues:
        cle = sorted(inconnues)[0]
        raise champ_inconnu(cle, ("formulaire", "valeurs"))
    return entree.get("valeurs", {}), {}


def remplir(entree: dict, pdf: bytes) -> bytes:
    from .remplissage import remplit

    if champ := demi_caractere(entree):
        raise EntreeInvalide(
            champ.removeprefix("valeurs."),  # un champ du formulaire se nomme seul, comme dans `verifie`
            "Ce texte contient un caractère incomplet (souvent un emoji ou un symbole coupé par un "
            "copier-coller), qu'aucun PDF ne peut écrire : effacez la fin du texte collé et retapez-la.",
        )
    d = definition_de(entree.get("formulaire"))
    if d.get("remplissage") == "manuscrit":
        motif = (
            d.get("remplissage_motif")
            or f"Le formulaire Cerfa n° {d['cerfa']} se remplit à la main : imprimez-le vierge."
        )
        raise EntreeInvalide("formulaire", motif)
    valeurs, extra = _valeurs(entree, d["id"])
    return remplit(pdf, valeurs, d, extra)


def verifier(entree: dict) -> dict:
    """Vérifie les réponses d'une étape de l'entretien avec les contrôles du PDF final : {} ou
    {"annexes": [{champ, message}]} (ce qui continuera en annexe), EntreeInvalide sinon. Avec le PDF
    vierge (« pdf », en base64) : aussi ce que ses polices ne savent pas dessiner, et les annexes."""
    from .remplissage import annonces, gabarit, verifie

    d = definition_de(entree.get("formulaire"))
    valeurs, extra = _valeurs(entree, d["id"])
    g = gabarit(_vierge_base64(entree)) if entree.get("pdf") is not None else None
    textes = verifie(valeurs, d, g.polices if g else None)
    if g is None:
        return {}
    prevues = annonces({n: v for n, v in textes.items() if not v.startswith("/")}, g, d, extra)
    return {"annexes": prevues} if prevues else {}


def _vierge_base64(entree: dict) -> bytes:
    texte = entree.get("pdf")
    try:
        octets = base64.b64decode(texte, validate=True) if isinstance(texte, str) else None
    except (binascii.Error, ValueError):
        octets = None
    if not octets:
        raise EntreeInvalide("pdf", "Le PDF vierge n'a pas été reçu : rechargez la page.")
    return octets


def remplir_base64(entree: dict) -> dict:
    """Le worker du navigateur passe le PDF vierge en base64 dans le JSON et reçoit le rempli de même."""
    return {"pdf": base64.b64encode(remplir(entree, _vierge_base64(entree))).decode("ascii")}


def preparer(entree: dict) -> dict:
    """Lit le PDF vierge à l'avance (quand l'entretien s'ouvre) : « Obtenir le formulaire » ne fait
    plus que remplir. {"formulaire", "pdf" (base64)} → {}."""
    from .remplissage import vierge

    definition_de(entree.get("formulaire"))
    vierge(_vierge_base64(entree))
    return {}
