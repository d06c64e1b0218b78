"""Remplir le PDF vierge d'un formulaire avec pypdf, dans CPython comme dans Pyodide.

Le PDF rempli garde la mise en page du vierge (on le clone), reste modifiable (les
champs restent des champs) et montre ses valeurs dans les lecteurs courants : pypdf
écrit l'apparence de chaque champ (auto_regenerate=False), sans compter sur le lecteur.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
from contextlib import contextmanager
from datetime import date

from ..erreurs import EntreeInvalide
from ..lecture import champ_inconnu
from .definition import cases as cases_de

DATE = re.compile(r"^(\d{2})/(\d{2})/(\d{4})$")
MONTANT = re.compile(r"^\d[\d \u00a0\u202f.]*(,\d{1,2})?$")
NOMBRE = re.compile(r"^\d{1,3}$")
COCHEE, VIDE = "/on", "/Off"
TAILLE_DA = re.compile(r"(/\S+) [\d.]+ Tf")
TAILLE_TEXTE = 11  # points
LARGEUR_MOYENNE = 0.56  # largeur moyenne d'un caractère de Liberation Sans, en em (estimation prudente)


# The blank PDF, parsed once per process: its tagged structure (thousands of objects in one
# object stream) takes most of a fill's time to read, and in the browser the worker keeps it
# between the interview's opening (formulaire_preparer) and « Obtenir le formulaire ».
_VIERGES: dict[str, object] = {}


def lecteur(octets: bytes):
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(octets))


def vierge(octets: bytes):
    """The PdfReader of a blank PDF, from the cache when these bytes were already read."""
    cle = hashlib.sha256(octets).hexdigest()
    if cle not in _VIERGES:
        _VIERGES.clear()  # one form at a time: do not keep old blanks in memory
        lu = lecteur(octets)
        lu.trailer["/Root"]["/AcroForm"]  # parse now, not during the fill
        _VIERGES[cle] = lu
    return _VIERGES[cle]


def champs_du_pdf(lecteur) -> dict[str, dict]:
    """{nom: {type: texte|multiligne|case, libelle: /TU, max: /MaxLen ou None}} lus dans le PDF."""
    sortie = {}
    for nom, champ in (lecteur.get_fields() or {}).items():
        if champ.get("/FT") == "/Btn":
            genre = "case"
        else:
            genre = "multiligne" if int(champ.get("/Ff", 0)) & (1 << 12) else "texte"
        # pypdf's field summary drops /MaxLen: read it on the field's own dictionary.
        propre = getattr(champ, "indirect_reference", None)
        maxlen = propre.get_object().get("/MaxLen") if propre is not None else None
        sortie[nom] = {"type": genre, "libelle": str(champ.get("/TU", "")), "max": int(maxlen) if maxlen else None}
    return sortie


def champs_de_la_definition(definition: dict) -> dict[str, dict]:
    """Le même dictionnaire que `champs_du_pdf`, tiré de la définition : pour vérifier des
    réponses sans PDF ni pypdf (l'entretien vérifie chaque étape avant la suivante)."""
    from .definition import champs_pdf

    return {
        c["nom"]: {
            "type": c["type"],
            "libelle": c["nom_accessible"],
            "max": 10 if c["genre"] == "date" else c.get("max"),
        }
        for c in champs_pdf(definition)
    }


def _libelle(champs_definition: dict, nom: str) -> str:
    champ = champs_definition.get(nom)
    return f"« {champ['nom_accessible']} »" if champ else f"« {nom} »"


def verifie(valeurs, pdf: dict[str, dict], definition: dict | None) -> dict[str, str]:
    """Les valeurs à écrire dans le PDF ({nom: texte ou /on|/Off}) ; EntreeInvalide sinon."""
    from .definition import champs_pdf

    if not isinstance(valeurs, dict):
        raise EntreeInvalide("valeurs", "« valeurs » doit être un objet JSON {nom du champ: valeur}.")
    par_nom = {c["nom"]: c for c in champs_pdf(definition)} if definition else {}
    exclusifs = cases_de(definition) if definition else {}
    hors_pdf = _hors_pdf(definition) if definition else set()
    sortie: dict[str, str] = {}
    cochees: dict[str, str] = {}
    for nom, valeur in valeurs.items():
        if nom in hors_pdf:
            continue  # question de l'entretien seulement (ex. « je fais la demande pour un enfant »)
        if nom not in pdf:
            raise champ_inconnu(nom, du=" du formulaire")
        libelle = _libelle(par_nom, nom)
        genre = pdf[nom]["type"]
        if genre == "case":
            if not isinstance(valeur, bool):
                raise EntreeInvalide(nom, f"La case {libelle} attend true (cochée) ou false (vide).")
            if valeur and (groupe := exclusifs.get(nom)):
                if groupe in cochees:
                    autre = _libelle(par_nom, cochees[groupe])
                    raise EntreeInvalide(
                        nom, f"Une seule réponse possible : {libelle} et {autre} ne peuvent pas être cochées ensemble."
                    )
                cochees[groupe] = nom
            sortie[nom] = COCHEE if valeur else VIDE
            continue
        if not isinstance(valeur, str):
            raise EntreeInvalide(nom, f"Le champ {libelle} attend un texte entre guillemets.")
        texte = valeur.replace("\r\n", "\n").strip()
        _verifie_texte(nom, libelle, texte, par_nom.get(nom, {}).get("genre"), pdf[nom])
        sortie[nom] = texte
    return sortie


def _verifie_texte(nom: str, libelle: str, texte: str, genre: str | None, champ_pdf: dict) -> None:
    if not texte:
        return
    if champ_pdf["type"] == "texte" and "\n" in texte:
        raise EntreeInvalide(nom, f"Le champ {libelle} tient sur une seule ligne : retirez les retours à la ligne.")
    if champ_pdf["max"] and len(texte) > champ_pdf["max"]:
        raise EntreeInvalide(
            nom, f"Le champ {libelle} accepte au plus {champ_pdf['max']} caractères ({len(texte)} reçus)."
        )
    if len(texte) > 2000:
        raise EntreeInvalide(
            nom,
            f"Le champ {libelle} est trop long pour le formulaire (2 000 caractères au plus) : "
            "ajoutez une feuille libre en annexe.",
        )
    if genre == "date":
        m = DATE.match(texte)
        try:
            ok = bool(m) and date(int(m.group(3)), int(m.group(2)), int(m.group(1))) is not None
        except ValueError:
            ok = False
        if not ok:
            raise EntreeInvalide(
                nom, f"Le champ {libelle} attend une date au format jj/mm/aaaa, par exemple 05/03/2026."
            )
    elif genre == "montant" and not MONTANT.match(texte):
        raise EntreeInvalide(nom, f"Le champ {libelle} attend un montant en euros, en chiffres, par exemple 12 500.")
    elif genre == "nombre" and not NOMBRE.match(texte):
        raise EntreeInvalide(nom, f"Le champ {libelle} attend un nombre entier, par exemple 3.")


def _hors_pdf(definition: dict) -> set[str]:
    from .definition import deplie

    return {c["nom"] for r in definition["rubriques"] for c in deplie(r["champs"]) if c.get("pdf") is False}


def remplit(octets: bytes, valeurs: dict, definition: dict | None = None) -> bytes:
    """Le PDF `octets` rempli avec `valeurs` ({nom: texte | true | false}), vérifiées d'abord.

    Mise à jour incrémentale : le PDF vierge est gardé tel quel, octet pour octet, et seuls
    les champs remplis sont ajoutés à la fin (rapide même dans Pyodide : on ne relit ni ne
    réécrit les milliers d'objets de la structure balisée)."""
    from pypdf import PdfWriter

    base = vierge(octets)
    a_ecrire = verifie(valeurs, champs_du_pdf(base), definition)
    ecrivain = PdfWriter(base, incremental=True)
    _tailles(ecrivain, {nom: v for nom, v in a_ecrire.items() if v not in (COCHEE, VIDE)})
    if a_ecrire:
        # pypdf signale « caractères non pris en charge » pour le retour à la ligne d'un texte
        # multiligne, qu'il traite pourtant bien : ce message n'apprendrait rien à la personne.
        journal = logging.getLogger("pypdf")
        niveau = journal.level
        journal.setLevel(logging.ERROR)
        # auto_regenerate=False : pypdf écrit les apparences lui-même et retire NeedAppearances,
        # pour que les lecteurs affichent les valeurs sans proposer « Enregistrer les modifications ? ».
        try:
            with _polices_lues_une_fois():
                ecrivain.update_page_form_field_values(None, a_ecrire, auto_regenerate=False)
        finally:
            journal.setLevel(niveau)
    sortie = io.BytesIO()
    ecrivain.write(sortie)
    return sortie.getvalue()


@contextmanager
def _polices_lues_une_fois():
    """pypdf 7.1 re-reads the field font (its whole ToUnicode map and glyph tables: the form
    font is embedded in full) for EACH field it draws; read them once per fill. Internal to the
    pinned pypdf: tests/formulaires/test_remplir.py fails if these hooks disappear."""
    from pypdf.generic._font import Font

    lecture, tables = vars(Font)["from_font_resource"], vars(Font)["_get_typographic_maps"]
    deja: dict[tuple, tuple] = {}  # (quoi, id) → (objet gardé en vie, résultat)

    def une_fois(quoi, objet, calcule):
        if (quoi, id(objet)) not in deja:
            deja[(quoi, id(objet))] = (objet, calcule())
        return deja[(quoi, id(objet))][1]

    Font.from_font_resource = lambda dico: une_fois("police", dico, lambda: lecture.__func__(Font, dico))
    Font._get_typographic_maps = lambda police: une_fois("tables", police, lambda: tables(police))
    try:
        yield
    finally:
        Font.from_font_resource, Font._get_typographic_maps = lecture, tables


def _tailles(ecrivain, textes: dict[str, str]) -> None:
    """Taille de police de chaque champ texte rempli, écrite dans son /DA avant que pypdf ne
    dessine la valeur : 11 pt quand le texte tient sur sa ligne ; sinon 0 (« automatique ») :
    pypdf réduit alors le texte pour qu'il tienne, et fait revenir à la ligne un texte
    multiligne (à la taille du PDF vierge, il déborderait, coupé au bord du champ)."""
    from pypdf.generic import NameObject, TextStringObject

    for page in ecrivain.pages:
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            nom = annotation.get("/T")
            if nom not in textes or "/DA" not in annotation:
                continue
            largeur = abs(float(annotation["/Rect"][2]) - float(annotation["/Rect"][0]))
            multiligne = int(annotation.get("/Ff", 0)) & (1 << 12)
            tient = not multiligne and len(textes[nom]) * LARGEUR_MOYENNE * TAILLE_TEXTE < largeur - 4
            da = TAILLE_DA.sub(rf"\1 {TAILLE_TEXTE if tient else 0} Tf", str(annotation["/DA"]))
            annotation[NameObject("/DA")] = TextStringObject(da)


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
