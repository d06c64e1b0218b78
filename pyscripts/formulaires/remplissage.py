"""Remplir le PDF vierge d'un formulaire, dans CPython comme dans Pyodide (mêmes octets).

Le PDF rempli garde le vierge octet pour octet (mise à jour incrémentale, increment.py) et ses
champs restent des champs. Chaque valeur est dessinée ici, avec la police que le PDF embarque
(ou une police de secours pour l'arabe, l'éthiopien…) : mesurée, façonnée, jamais coupée. Ce qui
ne tient pas dans sa case continue sur une page d'annexe du même PDF (« Suite des réponses »),
comme les rangées d'un tableau au-delà des lignes imprimées et les annexes qu'un moteur joint
(exposé des faits et bordereau d'une requête en ordonnance de protection). Toutes les pages
portent « page n / N ».
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass, field
from datetime import date

from ..erreurs import EntreeInvalide
from ..lecture import champ_inconnu
from . import annexe, balisage, dessin, ecriture
from . import gabarit as gabarits
from .definition import cases as cases_de
from .increment import Increment, copie, flux
from .mise_en_page import INTERLIGNE, MARGE, dispose

DATE = re.compile(r"^(\d{2})/(\d{2})/(\d{4})$")
MONTANT = re.compile(r"^\d[\d \u00a0.]*(,\d{1,2})?$")
NOMBRE = re.compile(r"^\d{1,3}$")
COCHEE, VIDE = "/on", "/Off"
MAX_TEXTE = 50000  # caractères par réponse : l'annexe reçoit le reste, mais pas un livre
FOND_SAISIE = "0.957 0.969 0.984 rg"  # --fond-saisie de formulaire.css : cache les lignes à écrire à la main
MM = 72 / 25.4


# Le PDF vierge, analysé une fois par processus : lire sa structure balisée (des milliers d'objets
# dans un seul flux d'objets) prend l'essentiel du temps d'un remplissage, et dans le navigateur le
# worker le garde entre l'ouverture de l'entretien (formulaire_preparer) et « Obtenir le formulaire ».
_VIERGES: dict[str, tuple] = {}


def lecteur(octets: bytes):
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(octets))


def _vierge(octets: bytes) -> tuple:
    cle = hashlib.sha256(octets).hexdigest()
    if cle not in _VIERGES:
        _VIERGES.clear()  # un formulaire à la fois : pas d'anciens vierges gardés en mémoire
        lu = lecteur(octets)
        _VIERGES[cle] = (lu, gabarits.lit(lu))
    return _VIERGES[cle]


def vierge(octets: bytes):
    """Le PdfReader d'un PDF vierge, lu une fois (avec son gabarit)."""
    return _vierge(octets)[0]


def gabarit(octets: bytes) -> gabarits.Gabarit:
    return _vierge(octets)[1]


def champs_du_pdf(lecteur) -> dict[str, dict]:
    """{nom: {type: texte|multiligne|case, libelle: /TU, max: /MaxLen ou None}} lus dans le PDF."""
    sortie = {}
    for nom, champ in (lecteur.get_fields() or {}).items():
        if champ.get("/FT") == "/Btn":
            genre = "case"
        else:
            genre = "multiligne" if int(champ.get("/Ff", 0)) & gabarits.MULTILIGNE else "texte"
        # Le résumé des champs de pypdf omet /MaxLen : on le lit dans le dictionnaire du champ lui-même.
        propre = getattr(champ, "indirect_reference", None)
        maxlen = propre.get_object().get("/MaxLen") if propre is not None else None
        sortie[nom] = {"type": genre, "libelle": str(champ.get("/TU", "")), "max": int(maxlen) if maxlen else None}
    return sortie


def champs_de_la_definition(definition: dict) -> dict[str, dict]:
    """Chaque champ que `remplir` accepte : ceux du PDF et les rangées de tableau en annexe."""
    from .definition import champs_pdf, rangees_annexe

    return {
        c["nom"]: {**c, "max": 10 if c["genre"] == "date" else c.get("max")}
        for c in [*champs_pdf(definition), *rangees_annexe(definition)]
    }


def _libelle(champ: dict | None, nom: str) -> str:
    return f"« {champ['nom_accessible']} »" if champ else f"« {nom} »"


def _hors_pdf(definition: dict) -> set[str]:
    from .definition import deplie

    return {c["nom"] for r in definition["rubriques"] for c in deplie(r["champs"]) if c.get("pdf") is False}


def verifie(valeurs, definition: dict, polices=None, aujourdhui: date | None = None) -> dict[str, str]:
    """Les valeurs à écrire ({nom: texte normalisé, ou /on|/Off}) ; EntreeInvalide sinon, qui nomme
    le champ. `polices` (le gabarit du PDF vierge) : refuser aussi ce que le PDF ne sait pas dessiner."""
    if not isinstance(valeurs, dict):
        raise EntreeInvalide("valeurs", "« valeurs » doit être un objet JSON {nom du champ: valeur}.")
    champs = champs_de_la_definition(definition)
    exclusifs = cases_de(definition)
    hors_pdf = _hors_pdf(definition)
    sortie: dict[str, str] = {}
    cochees: dict[str, str] = {}
    for nom, valeur in valeurs.items():
        if nom in hors_pdf:
            continue  # question de l'entretien seulement (ex. « je fais la demande pour un enfant »)
        if nom not in champs:
            raise champ_inconnu(nom, du=" du formulaire")
        champ = champs[nom]
        libelle = _libelle(champ, nom)
        if champ["type"] == "case":
            if not isinstance(valeur, bool):
                raise EntreeInvalide(nom, f"La case {libelle} attend true (cochée) ou false (vide).")
            if valeur and (groupe := exclusifs.get(nom)):
                if groupe in cochees:
                    autre = _libelle(champs.get(cochees[groupe]), cochees[groupe])
                    raise EntreeInvalide(
                        nom, f"Une seule réponse possible : {libelle} et {autre} ne peuvent pas être cochées ensemble."
                    )
                cochees[groupe] = nom
            sortie[nom] = COCHEE if valeur else VIDE
            continue
        if not isinstance(valeur, str):
            raise EntreeInvalide(nom, f"Le champ {libelle} attend un texte entre guillemets.")
        texte = ecriture.normalise(valeur)
        _verifie_texte(nom, libelle, texte, champ, polices, aujourdhui or date.today())
        if texte:
            sortie[nom] = texte
    return sortie


def _verifie_texte(nom: str, libelle: str, texte: str, champ: dict, polices, aujourdhui: date) -> None:
    if not texte:
        return
    raison = ecriture.refus(texte, polices.couvre if polices else _sans_pdf)
    if raison:
        raise EntreeInvalide(nom, f"Le champ {libelle} : {raison}.")
    if champ["type"] == "texte" and "\n" in texte:
        raise EntreeInvalide(nom, f"Le champ {libelle} tient sur une seule ligne : retirez les retours à la ligne.")
    if champ.get("max") and len(texte) > champ["max"]:
        raise EntreeInvalide(nom, f"Le champ {libelle} accepte au plus {champ['max']} caractères ({len(texte)} reçus).")
    if len(texte) > MAX_TEXTE:
        raise EntreeInvalide(
            nom,
            f"Le champ {libelle} est trop long ({len(texte)} caractères, {MAX_TEXTE:,} au plus) : ".replace(",", " ")
            + "résumez-le, et joignez le texte complet sur papier libre.",
        )
    genre = champ.get("genre")
    if genre == "date":
        _verifie_date(nom, libelle, texte, champ, aujourdhui)
    elif genre == "montant" and not MONTANT.match(texte):
        raise EntreeInvalide(nom, f"Le champ {libelle} attend un montant en euros, en chiffres, par exemple 12 500.")
    elif genre == "nombre" and not NOMBRE.match(texte):
        raise EntreeInvalide(nom, f"Le champ {libelle} attend un nombre entier, par exemple 3.")


def _verifie_date(nom: str, libelle: str, texte: str, champ: dict, aujourdhui: date) -> None:
    m = DATE.match(texte)
    try:
        jour = date(int(m.group(3)), int(m.group(2)), int(m.group(1))) if m else None
    except ValueError:
        raise EntreeInvalide(nom, f"Le champ {libelle} : le {texte} n'existe pas dans le calendrier.") from None
    if jour is None:
        raise EntreeInvalide(nom, f"Le champ {libelle} attend une date au format jj/mm/aaaa, par exemple 05/03/2026.")
    if jour.year < 1900:
        raise EntreeInvalide(nom, f"Le champ {libelle} : l'année {jour.year} est trop ancienne, vérifiez la date.")
    if champ.get("passee") and jour > aujourdhui:
        raise EntreeInvalide(nom, f"Le champ {libelle} : le {texte} est dans le futur, vérifiez la date.")


def _sans_pdf(c: str) -> bool:
    """Sans le PDF vierge (pas encore préparé) : on ne refuse que ce qui ne s'imprime jamais."""
    return not ecriture.emoji(c)


# ── Ce qui ira en annexe ─────────────────────────────────────────────────────


@dataclass
class Plan:
    """Ce que le PDF contiendra : la disposition de chaque case et les sections d'annexe."""

    dispositions: dict = field(default_factory=dict)  # nom → Disposition
    deborde: list[str] = field(default_factory=list)  # les champs dont la suite va en annexe
    rangees: dict = field(default_factory=dict)  # tableau → {rang: {colonne: texte}}
    sections: list[dict] = field(default_factory=list)
    renvois: dict = field(default_factory=dict)  # champ → ancre de la section dont la page remplace « {page} »


def planifie(textes: dict[str, str], g: gabarits.Gabarit, definition: dict, extra: dict | None = None) -> Plan:
    """La disposition de chaque texte dans sa case et les sections d'annexe (sans numéros de page)."""
    from .definition import champs_pdf, rangees_annexe

    extra = extra or {}
    plan = Plan()
    jointes: list[dict] = []  # les annexes d'un moteur qui remplacent une case trop petite (exposé des faits)
    for c in rangees_annexe(definition):
        if c["nom"] in textes:
            plan.rangees.setdefault(c["tableau"]["nom"], {}).setdefault(c["rangee"], {})[c["colonne"]] = textes[
                c["nom"]
            ]
    for nom, rangs in plan.rangees.items():
        _renvoi_du_tableau(nom, rangs, textes, definition, plan)
    ordre = [c for c in champs_pdf(definition) if c["nom"] in textes and c["nom"] in g.cases]
    for c in ordre:
        case = g.cases[c["nom"]]
        texte = textes[c["nom"]]
        d = dispose(texte, case.largeur, case.hauteur, case.multiligne, g.polices)
        remplacement = extra.get("si_deborde", {}).get(c["nom"])
        if d.reste is not None and remplacement:
            textes[c["nom"]] = texte = remplacement["texte"]
            d = dispose(texte, case.largeur, case.hauteur, case.multiligne, g.polices)
            jointes.append(remplacement["annexe"])
            plan.renvois[c["nom"]] = remplacement["annexe"]["ancre"]
        plan.dispositions[c["nom"]] = d
        if d.reste is not None:
            plan.deborde.append(c["nom"])
    suites = []
    for nom in plan.deborde:
        c = next(x for x in ordre if x["nom"] == nom)
        d = plan.dispositions[nom]
        case = g.cases[nom]
        texte = textes[nom] if not case.multiligne else "… " + d.reste
        suites.append({"intertitre": f"{c['nom_accessible']} — rubrique {c['rubrique']}", "ancre": f"champ:{nom}"})
        suites.append({"texte": texte})
    for nom, rangs in plan.rangees.items():
        tableau = _tableau(nom, definition)
        rubrique = next(c["rubrique"] for c in rangees_annexe(definition) if c["tableau"]["nom"] == nom)
        colonnes = [["N°", 0.5]] + [
            [col["libelle"], 3 if col["type"] == "texte" else 1.6] for col in tableau["colonnes"]
        ]
        lignes = [[str(r)] + [rangs[r].get(col["nom"], "") for col in tableau["colonnes"]] for r in sorted(rangs)]
        suites.append(
            {
                "intertitre": f"Suite du tableau « {tableau['libelle'].rstrip(' :')} » — rubrique {rubrique} "
                f"({_lignes(rangs)})",
                "ancre": f"tableau:{nom}",
            }
        )
        suites.append({"tableau": {"colonnes": colonnes, "lignes": lignes}})
    if suites:
        plan.sections.append(
            {"titre": f"Annexe — suite des réponses (Cerfa n° {definition['cerfa']})", "blocs": suites}
        )
    plan.sections += jointes + list(extra.get("annexes", []))
    plan.renvois.update({nom: ancre for nom, ancre in extra.get("renvois", {}).items() if nom in textes})
    return plan


def _lignes(rangs: dict) -> str:
    return f"ligne {min(rangs)}" if len(rangs) == 1 else f"lignes {min(rangs)} à {max(rangs)}"


def _la_ligne(rangs: dict) -> str:
    return f"la ligne {min(rangs)}" if len(rangs) == 1 else f"les lignes {min(rangs)} à {max(rangs)}"


def _tableau(nom: str, definition: dict) -> dict:
    from .definition import rangees_annexe

    return next(c["tableau"] for c in rangees_annexe(definition) if c["tableau"]["nom"] == nom)


def _renvoi_du_tableau(nom: str, rangs: dict, textes: dict, definition: dict, plan: Plan) -> None:
    """Le tableau imprimé dit qu'il continue : sa dernière ligne renvoie à l'annexe (comme le bordereau de
    la requête en ordonnance de protection), et ce qu'on y avait écrit part en tête du tableau d'annexe."""
    tableau = _tableau(nom, definition)
    derniere = tableau["lignes"]
    cellules = [f"{nom}_{derniere}_{col['nom']}" for col in tableau["colonnes"]]
    ecrites = {col["nom"]: textes[n] for col, n in zip(tableau["colonnes"], cellules) if textes.get(n)}
    if ecrites:
        rangs[derniere] = ecrites
        for n in cellules:
            if n in textes:
                textes[n] = ""
    textes[cellules[0]] = f"{_lignes(rangs).capitalize()} : suite en annexe, page {{page}}"
    plan.renvois[cellules[0]] = f"tableau:{nom}"


def annonces(textes: dict[str, str], g: gabarits.Gabarit, definition: dict, extra: dict | None = None) -> list[dict]:
    """Avant le PDF : [{champ, message}] pour chaque réponse qui continuera en annexe."""
    plan = planifie(dict(textes), g, definition, extra)
    sortie = [
        {
            "champ": nom,
            "message": "Cette réponse ne tient pas en entier dans la case du formulaire : le début y sera imprimé, "
            "la suite sur une page d'annexe du même PDF (« Suite des réponses »). Rien n'est perdu.",
        }
        for nom in plan.deborde
    ]
    for nom, rangs in plan.rangees.items():
        premiere = next(n for n in textes if n.startswith(f"{nom}_{min(rangs)}_"))
        sortie.append(
            {
                "champ": premiere,
                "message": f"Le formulaire imprime {_tableau(nom, definition)['lignes']} lignes : la dernière "
                f"renverra à une page d'annexe du même PDF, qui reprendra {_la_ligne(rangs)}, avec les mêmes colonnes.",
            }
        )
    return sortie


# ── Le PDF rempli ────────────────────────────────────────────────────────────


def remplit(octets: bytes, valeurs: dict, definition: dict, extra: dict | None = None) -> bytes:
    """Le PDF `octets` rempli avec `valeurs` ({nom: texte | true | false}), vérifiées d'abord.
    `extra` (un moteur comme celui de l'ordonnance de protection) : {"annexes": [sections],
    "si_deborde": {champ: {"texte", "annexe"}}, "renvois": {champ: ancre}}."""
    base, g = _vierge(octets)
    a_ecrire = verifie(valeurs, definition, g.polices)
    textes = {n: v for n, v in a_ecrire.items() if v not in (COCHEE, VIDE)}
    extra = extra or {}
    plan = planifie(textes, g, definition, extra)
    pages_annexe, ancres, structure = annexe.pages(plan.sections, g)
    premiere_annexe = len(g.pages) + 1
    total = len(g.pages) + len(pages_annexe)
    for nom, ancre in plan.renvois.items():
        textes[nom] = textes[nom].replace("{page}", str(premiere_annexe + ancres[ancre]))
        case = g.cases[nom]
        plan.dispositions[nom] = dispose(textes[nom], case.largeur, case.hauteur, case.multiligne, g.polices)

    inc = Increment(octets, base)
    a_ecrire.update({nom: textes[nom] for nom in plan.renvois if nom not in a_ecrire})  # la ligne qui renvoie
    for nom in plan.deborde:
        case = g.cases[nom]
        page = premiere_annexe + ancres[f"champ:{nom}"]
        plan.dispositions[nom] = dispose(textes[nom], case.largeur, case.hauteur, case.multiligne, g.polices, page)
    from pypdf.generic import NameObject, TextStringObject

    for nom, valeur in a_ecrire.items():
        case = g.cases.get(nom)
        if case is None:
            continue  # une rangée de tableau en annexe
        annotation = copie(case.ref)
        if case.case_a_cocher:
            etat = _etat_coche(annotation) if valeur == COCHEE else VIDE
            annotation[NameObject("/V")] = NameObject(etat)
            annotation[NameObject("/AS")] = NameObject(etat)
        else:
            annotation[NameObject("/V")] = TextStringObject(textes[nom])
            annotation[NameObject("/AP")] = _ap(inc, case, plan.dispositions[nom], g)
        inc.remplace(case.ref, annotation)
    _sans_need_appearances(inc, base)
    _ajoute_pages(inc, base, g, pages_annexe, structure, definition)
    _pagine(inc, g, total)
    return inc.ecrit()


def _sans_need_appearances(inc: Increment, base) -> None:
    """Les apparences sont écrites : un lecteur n'a rien à régénérer (ni « Enregistrer les modifications ? »)."""
    from pypdf.generic import BooleanObject, IndirectObject, NameObject

    ref_racine = base.trailer.raw_get("/Root")
    racine = base.trailer["/Root"]
    ref_acro = racine.raw_get("/AcroForm")
    acro = copie(ref_acro)
    acro[NameObject("/NeedAppearances")] = BooleanObject(False)
    if isinstance(ref_acro, IndirectObject):
        inc.remplace(ref_acro, acro)
    else:
        nouvelle = copie(racine)
        nouvelle[NameObject("/AcroForm")] = acro
        inc.remplace(ref_racine, nouvelle)


def _etat_coche(annotation) -> str:
    etats = [n for n in annotation.get("/AP", {}).get("/N", {}) if n != VIDE]
    return etats[0] if etats else COCHEE


def _ap(inc: Increment, case, disposition, g):
    from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject

    largeur, hauteur = case.largeur, case.hauteur
    taille = disposition.taille
    utilisees: dict = {}
    principale = g.polices.principale
    corps = []
    if case.multiligne:
        y = hauteur - MARGE - taille * principale.ascendante / 1000
    else:
        hauteur_texte = taille * (principale.ascendante - principale.descendante) / 1000
        y = (hauteur - hauteur_texte) / 2 - taille * principale.descendante / 1000
    for ligne in disposition.lignes:
        x = ligne.x(MARGE, largeur - 2 * MARGE, g.polices, taille)
        corps.append(dessin.ligne(ligne, x, y, taille, g.polices, utilisees))
        y -= taille * INTERLIGNE
    fond = f"{FOND_SAISIE} 0 0 {dessin.nombre(largeur)} {dessin.nombre(hauteur)} re f\n" if case.multiligne else ""
    contenu = f"/Tx BMC\nq\n{fond}BT\n0 g\n" + "\n".join(corps) + "\nET\nQ\nEMC\n"
    apparence = flux(
        contenu.encode("latin-1"),
        {
            "/Type": NameObject("/XObject"),
            "/Subtype": NameObject("/Form"),
            "/BBox": ArrayObject([FloatObject(0), FloatObject(0), FloatObject(largeur), FloatObject(hauteur)]),
            "/Resources": dessin.ressources_polices(utilisees),
        },
    )
    return DictionaryObject({NameObject("/N"): inc.ajoute(apparence)})


def _ajoute_pages(inc: Increment, base, g, pages_annexe, structure, definition) -> None:
    if not pages_annexe:
        return
    from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject, NumberObject

    balisee = balisage.balise(base)
    cle = balisage.cles(base) if balisee else 0
    refs = []

    racine_pages = base.trailer["/Root"].raw_get("/Pages")
    arbre = copie(racine_pages)
    enfants = ArrayObject(list(arbre["/Kids"]))
    largeur, hauteur = g.format
    pied = f"Annexe à la demande sur Cerfa n° {definition['cerfa']} — elle fait partie du même document"
    for contenu, polices in pages_annexe:
        utilisees = dict(polices)
        ligne_pied = _ligne_pied(pied, g, utilisees)
        texte = f"{contenu}\n/Artifact <</Type /Pagination>> BDC q 0.2 g BT\n{ligne_pied}\nET Q EMC\n"
        pagination = inc.ajoute(_xobjet_pagination(g, "", {}))  # numéro écrit par _pagine
        ressources = dessin.ressources_polices(utilisees)
        ressources[NameObject("/XObject")] = DictionaryObject({NameObject(gabarits.PAGINATION): pagination})
        texte += f"/Artifact <</Type /Pagination>> BDC q {gabarits.PAGINATION} Do Q EMC\n"
        page = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Page"),
                NameObject("/Parent"): racine_pages,
                NameObject("/MediaBox"): ArrayObject(
                    [FloatObject(0), FloatObject(0), FloatObject(largeur), FloatObject(hauteur)]
                ),
                NameObject("/Contents"): inc.ajoute(flux(texte.encode("latin-1"))),
                NameObject("/Resources"): ressources,
            }
        )
        if balisee:
            page[NameObject("/StructParents")] = NumberObject(cle + len(refs))
            page[NameObject("/Tabs")] = NameObject("/S")
        refs.append(inc.ajoute(page))
        enfants.append(refs[-1])
        g_pages_annexe = getattr(inc, "pages_annexe", [])
        g_pages_annexe.append(pagination)
        inc.pages_annexe = g_pages_annexe
    arbre[NameObject("/Kids")] = enfants
    arbre[NameObject("/Count")] = NumberObject(len(enfants))
    inc.remplace(racine_pages, arbre)
    if balisee:
        balisage.ajoute(inc, base, refs, structure, cle)


def _ligne_pied(texte: str, g, utilisees: dict) -> str:
    from .mise_en_page import Ligne

    taille = 6.8
    largeur = g.polices.largeur(texte, taille)
    x = (g.format[0] - largeur) / 2
    return dessin.ligne(Ligne(texte, texte), x, 10 * MM, taille, g.polices, utilisees)


def _xobjet_pagination(g, texte: str, utilisees: dict):
    from pypdf.generic import ArrayObject, FloatObject, NameObject

    from .mise_en_page import Ligne

    largeur, hauteur = g.format
    operateurs = ""
    if texte:
        taille = 7.0
        x = largeur - annexe.DROITE - g.polices.largeur(texte, taille)
        operateurs = "q 0.2 g BT\n" + dessin.ligne(Ligne(texte, texte), x, 6 * MM, taille, g.polices, utilisees)
        operateurs += "\nET Q\n"
    return flux(
        operateurs.encode("latin-1"),
        {
            "/Type": NameObject("/XObject"),
            "/Subtype": NameObject("/Form"),
            "/BBox": ArrayObject([FloatObject(0), FloatObject(0), FloatObject(largeur), FloatObject(hauteur)]),
            "/Resources": dessin.ressources_polices(utilisees),
        },
    )


def xobjet_page(g, numero: int, total: int):
    """Le XObject « page n / N » d'une page (aussi pour la construction du PDF vierge)."""
    return _xobjet_pagination(g, f"page {numero} / {total}", {})


def _pagine(inc: Increment, g, total: int) -> None:
    """« page n / N » sur chaque page : celles du vierge (leur XObject réécrit) et les annexes."""
    refs = list(g.pagination) + list(getattr(inc, "pages_annexe", []))
    for numero, ref in enumerate(refs, 1):
        if ref is None:
            continue
        objet = xobjet_page(g, numero, total)
        if ref.idnum in inc.objets or numero > len(g.pagination):
            inc.objets[ref.idnum] = objet
        elif total != len(g.pagination):
            inc.remplace(ref, objet)


def valeurs_du_pdf(octets: bytes) -> dict[str, str | bool]:
    """Les valeurs d'un PDF rempli, au format de `remplit` (cases : true/false)."""
    sortie = {}
    for nom, champ in (lecteur(octets).get_fields() or {}).items():
        valeur = champ.get("/V")
        if champ.get("/FT") == "/Btn":
            sortie[nom] = str(valeur) == COCHEE
        else:
            sortie[nom] = str(valeur) if valeur is not None else ""
    return sortie
