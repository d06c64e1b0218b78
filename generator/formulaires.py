"""Les définitions de formulaires (content/formulaires/*.yml) : chargées et vérifiées.

Chaque problème est rapporté à sa ligne : `content/formulaires/cerfa-16146.yml:42: …`.
Le format est décrit dans content/formulaires/README.md ; les règles ci-dessous en
sont la traduction (table SCHEMA, puis les vérifications qui croisent les champs).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import ContentError

DOSSIER = "formulaires"
NOM = re.compile(r"^[a-z][a-z0-9_]*$")
ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
CERFA = re.compile(r"^\d{5}\*\d{2}$")
STATUTS = ("S", "C", "R", "?")
TYPES = ("texte", "multiligne", "date", "montant", "nombre", "case", "cases", "tableau", "mention", "signature")
TYPES_COLONNE = ("texte", "date", "montant", "nombre")
LARGEURS = ("court", "moyen", "long")

# clé → (obligatoire, types Python acceptés)
TEXTE, ENTIER, BOOL, LISTE, TABLE = (str,), (int,), (bool,), (list,), (dict,)
RACINE = {
    "id": (True, TEXTE), "cerfa": (True, TEXTE), "notice": (False, TEXTE), "titre": (True, TEXTE),
    "titre_officiel": (True, TEXTE), "base_legale": (True, TEXTE), "officiel": (True, TABLE),
    "verifie_le": (True, (dt.date,)), "page": (False, TEXTE), "remplissage": (True, TEXTE),
    "sources": (False, LISTE), "etapes": (False, LISTE), "rubriques": (True, LISTE),
    "remplissage_motif": (False, TEXTE),
}
RUBRIQUE = {
    "id": (True, TEXTE), "numero": (False, TEXTE), "titre": (True, TEXTE), "statut": (True, TEXTE),
    "source": (False, TEXTE), "etape": (False, ENTIER), "sauf_si": (False, LISTE), "saut_de_page": (False, BOOL),
    "encadre": (False, BOOL), "champs": (True, LISTE),
}
COMMUNS = {
    "nom": (False, TEXTE), "type": (True, TEXTE), "libelle": (False, TEXTE), "statut": (False, TEXTE),
    "source": (False, TEXTE), "aide": (False, TEXTE), "question": (False, TEXTE), "remarque": (False, TEXTE),
    "lexique": (False, LISTE), "requis": (False, BOOL), "si": (False, (str, list)), "entretien": (False, (bool, str)),
    "largeur": (False, TEXTE), "nom_accessible": (False, TEXTE), "puce": (False, BOOL), "pdf": (False, BOOL),
}
PAR_TYPE = {
    "texte": {"max": (False, ENTIER)},
    "multiligne": {"lignes": (False, ENTIER)},
    "date": {}, "montant": {}, "nombre": {}, "case": {},
    "cases": {"options": (True, LISTE), "exclusif": (False, BOOL), "colonnes": (False, ENTIER),
              "imprime_libelle": (False, BOOL)},
    "tableau": {"colonnes": (True, LISTE), "lignes": (True, (int, list)), "sous_titre": (False, TEXTE)},
    "mention": {"texte": (True, TEXTE), "encadre": (False, BOOL), "style": (False, TEXTE)},
    "signature": {},
}
OPTION = {"nom": (True, TEXTE), "libelle": (True, TEXTE), "statut": (False, TEXTE), "aide": (False, TEXTE),
          "question": (False, TEXTE), "lexique": (False, LISTE), "nom_accessible": (False, TEXTE),
          "champs": (False, LISTE), "source": (False, TEXTE)}
COLONNE = {"nom": (True, TEXTE), "libelle": (True, TEXTE), "type": (True, TEXTE)}
LIGNE = {"nom": (True, TEXTE), "libelle": (True, TEXTE), "lexique": (False, LISTE)}
ETAPE = {"numero": (True, ENTIER), "titre": (True, TEXTE)}
SOURCE = {"titre": (True, TEXTE), "url": (False, TEXTE)}
NOMS_TYPES = {str: "un texte", int: "un nombre entier", bool: "true ou false", list: "une liste",
              dict: "une table clé: valeur", dt.date: "une date AAAA-MM-JJ"}


@dataclass
class Definition:
    """Une définition chargée : les données, et où chaque clé se trouve dans le fichier."""

    chemin: Path
    donnees: dict
    lignes: dict[tuple, int] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.chemin.stem


def lignes_des_noeuds(noeud, chemin: tuple = (), sortie: dict | None = None) -> dict[tuple, int]:
    """{chemin de clés: ligne} pour chaque clé et chaque élément de liste du document YAML."""
    sortie = {} if sortie is None else sortie
    sortie.setdefault(chemin, noeud.start_mark.line + 1)
    if isinstance(noeud, yaml.MappingNode):
        for cle, valeur in noeud.value:
            sous = (*chemin, cle.value)
            sortie[sous] = cle.start_mark.line + 1
            lignes_des_noeuds(valeur, sous, sortie)
    elif isinstance(noeud, yaml.SequenceNode):
        for i, element in enumerate(noeud.value):
            lignes_des_noeuds(element, (*chemin, i), sortie)
    return sortie


def charge(chemin: Path) -> tuple[Definition | None, list[ContentError]]:
    rel = f"content/{DOSSIER}/{chemin.name}"
    texte = chemin.read_text(encoding="utf-8")
    try:
        noeud = yaml.compose(texte)
        donnees = yaml.safe_load(texte)
    except yaml.YAMLError as exc:
        # The construct that failed starts at context_mark (e.g. an unclosed « [ »).
        marque = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        return None, [ContentError(rel, marque.line + 1 if marque else 1, f"YAML invalide : {getattr(exc, 'problem', exc)}")]
    if not isinstance(donnees, dict):
        return None, [ContentError(rel, 1, "la définition doit être une table clé: valeur (voir README.md de ce dossier)")]
    return Definition(chemin, donnees, lignes_des_noeuds(noeud)), []


class _Verificateur:
    """Parcourt une définition et note chaque problème à sa ligne."""

    def __init__(self, definition: Definition, content_dir: Path, lexique: set[str]):
        self.d = definition
        self.content_dir = content_dir
        self.lexique = lexique
        self.erreurs: list[ContentError] = []
        self.noms: dict[str, tuple] = {}  # nom de champ PDF → chemin où il est défini
        self.cases: set[str] = set()  # noms de cases (conditions si / sauf_si)
        self.conditions: list[tuple[tuple, str]] = []  # (chemin, nom de case cité)

    def erreur(self, chemin: tuple, message: str) -> None:
        ligne = 1
        for n in range(len(chemin), -1, -1):
            if chemin[:n] in self.d.lignes:
                ligne = self.d.lignes[chemin[:n]]
                break
        self.erreurs.append(ContentError(f"content/{DOSSIER}/{self.d.chemin.name}", ligne, message))

    def table(self, valeur, schema: dict, chemin: tuple, quoi: str) -> bool:
        """Clés obligatoires, inconnues et types ; False si `valeur` n'est pas une table."""
        if not isinstance(valeur, dict):
            self.erreur(chemin, f"{quoi} : une table clé: valeur est attendue")
            return False
        for cle, (obligatoire, types) in schema.items():
            if cle not in valeur:
                if obligatoire:
                    self.erreur(chemin, f"{quoi} : clé obligatoire manquante « {cle} »")
                continue
            v = valeur[cle]
            if isinstance(v, bool) and bool not in types or not isinstance(v, types):
                attendu = " ou ".join(NOMS_TYPES[t] for t in types)
                self.erreur((*chemin, cle), f"{quoi} : « {cle} » doit être {attendu}")
        for cle in valeur:
            if cle not in schema:
                self.erreur((*chemin, cle), f"{quoi} : clé inconnue « {cle} » (connues : {', '.join(schema)})")
        return True

    def nom_champ(self, nom, chemin: tuple) -> None:
        if not isinstance(nom, str) or not NOM.match(nom):
            self.erreur(chemin, f"nom de champ invalide « {nom} » : minuscules ASCII, chiffres et _, commençant par une lettre")
        elif nom in self.noms:
            ligne = self.d.lignes.get(self.noms[nom], 1)
            self.erreur(chemin, f"nom de champ en double « {nom} » (déjà défini ligne {ligne})")
        else:
            self.noms[nom] = chemin

    def lexique_de(self, valeur: dict, chemin: tuple) -> None:
        for i, slug in enumerate(valeur.get("lexique") or []):
            if slug not in self.lexique:
                self.erreur((*chemin, "lexique", i), f"terme du lexique inconnu : « {slug} » (voir content/lexique.yml)")

    def statut(self, valeur: dict, chemin: tuple) -> None:
        if "statut" in valeur and valeur["statut"] not in STATUTS:
            self.erreur((*chemin, "statut"), f"statut inconnu « {valeur['statut']} » (S, C, R ou ?)")

    def conditions_de(self, valeur: dict, cle: str, chemin: tuple) -> None:
        noms = valeur.get(cle)
        for i, nom in enumerate([noms] if isinstance(noms, str) else noms or []):
            self.conditions.append(((*chemin, cle) if isinstance(noms, str) else (*chemin, cle, i), nom))

    # ── la définition ───────────────────────────────────────────────────────

    def verifie(self) -> list[ContentError]:
        d = self.d.donnees
        if not self.table(d, RACINE, (), "définition"):
            return self.erreurs
        if d.get("id") != self.d.id:
            self.erreur(("id",), f"« id » doit valoir le nom du fichier : « {self.d.id} »")
        if isinstance(d.get("cerfa"), str) and not CERFA.match(d["cerfa"]):
            self.erreur(("cerfa",), f"« cerfa » doit être le numéro et l'édition, ex. \"16146*03\" (reçu « {d['cerfa']} »)")
        if isinstance(d.get("verifie_le"), dt.date) and d["verifie_le"] > dt.date.today():
            self.erreur(("verifie_le",), "« verifie_le » est dans le futur")
        if d.get("remplissage") not in (None, "navigateur", "manuscrit"):
            self.erreur(("remplissage",), "« remplissage » vaut navigateur ou manuscrit")
        if isinstance(d.get("page"), str) and not (self.content_dir / d["page"]).is_file():
            self.erreur(("page",), f"« page » : content/{d['page']} n'existe pas")
        if isinstance(d.get("officiel"), dict) and self.table(d["officiel"], {"url": (True, TEXTE), "pdf": (False, TEXTE)},
                                                               ("officiel",), "officiel"):
            for cle, url in d["officiel"].items():
                if isinstance(url, str) and not url.startswith("https://"):
                    self.erreur(("officiel", cle), f"« officiel.{cle} » doit commencer par https://")
        for i, source in enumerate(d.get("sources") or []):
            self.table(source, SOURCE, ("sources", i), f"source n° {i + 1}")
        etapes = set()
        for i, etape in enumerate(d.get("etapes") or []):
            if self.table(etape, ETAPE, ("etapes", i), f"étape n° {i + 1}"):
                etapes.add(etape.get("numero"))
        if etapes and etapes != set(range(1, len(etapes) + 1)) or len(etapes) > 8:
            self.erreur(("etapes",), "les étapes sont numérotées 1, 2, 3… sans trou, 8 au plus")
        ids = set()
        for i, rubrique in enumerate(d.get("rubriques") or []):
            self.rubrique(rubrique, ("rubriques", i), etapes, ids)
        for chemin, nom in self.conditions:
            if nom not in self.cases:
                self.erreur(chemin, f"condition sur « {nom} », qui n'est pas une case de ce formulaire")
        return self.erreurs

    def rubrique(self, r, chemin: tuple, etapes: set, ids: set) -> None:
        if not self.table(r, RUBRIQUE, chemin, "rubrique"):
            return
        if isinstance(r.get("id"), str):
            if not ID.match(r["id"].replace("_", "-")) or r["id"] in ids:
                self.erreur((*chemin, "id"), f"id de rubrique invalide ou en double « {r['id']} »")
            ids.add(r["id"])
        self.statut(r, chemin)
        if "etape" in r and r["etape"] not in etapes:
            self.erreur((*chemin, "etape"), f"étape {r['etape']} absente de « etapes »")
        self.conditions_de(r, "sauf_si", chemin)
        for i, champ in enumerate(r.get("champs") or []):
            self.champ(champ, (*chemin, "champs", i))

    def champ(self, c, chemin: tuple) -> None:
        if not isinstance(c, dict):
            self.erreur(chemin, "champ : une table clé: valeur est attendue")
            return
        genre = c.get("type")
        if genre not in TYPES:
            self.erreur((*chemin, "type"), f"type de champ inconnu « {genre} » (connus : {', '.join(TYPES)})")
            return
        quoi = f"champ « {c.get('nom') or genre} »"
        if not self.table(c, {**COMMUNS, **PAR_TYPE[genre]}, chemin, quoi):
            return
        self.statut(c, chemin)
        self.lexique_de(c, chemin)
        self.conditions_de(c, "si", chemin)
        if c.get("largeur") not in (None, *LARGEURS):
            self.erreur((*chemin, "largeur"), f"largeur inconnue « {c['largeur']} » ({', '.join(LARGEURS)})")
        if c.get("entretien") not in (None, True, False) and not (genre == "mention" and c["entretien"] == "replie"):
            self.erreur((*chemin, "entretien"), "« entretien » vaut true, false, ou replie (une mention repliée dans l'entretien)")
        if genre == "mention":
            return
        if genre != "signature":
            if "nom" not in c:
                self.erreur(chemin, f"{quoi} : clé obligatoire manquante « nom »")
            elif genre not in ("cases", "tableau"):
                self.nom_champ(c["nom"], (*chemin, "nom"))
            if genre == "case":
                self.cases.add(c.get("nom"))
        if "libelle" not in c:
            self.erreur(chemin, f"{quoi} : clé obligatoire manquante « libelle » (le texte imprimé)")
        elif not str(c["libelle"]).strip() and not c.get("nom_accessible"):
            self.erreur((*chemin, "libelle"), f"{quoi} : libellé vide : donnez un « nom_accessible » (lu par les lecteurs d'écran)")
        if genre == "cases":
            self.groupe(c, chemin)
        elif genre == "tableau":
            self.tableau(c, chemin)

    def groupe(self, c: dict, chemin: tuple) -> None:
        if not c.get("options"):
            self.erreur((*chemin, "options"), f"groupe « {c.get('nom')} » : au moins une option")
        if c.get("colonnes") not in (None, 1, 2, 3):
            self.erreur((*chemin, "colonnes"), "« colonnes » vaut 1, 2 ou 3")
        for i, option in enumerate(c.get("options") or []):
            sous = (*chemin, "options", i)
            if not self.table(option, OPTION, sous, f"option n° {i + 1} de « {c.get('nom')} »"):
                continue
            self.statut(option, sous)
            self.lexique_de(option, sous)
            nom = f"{c.get('nom')}_{option.get('nom')}"
            self.nom_champ(nom, (*sous, "nom"))
            self.cases.add(nom)
            for j, enfant in enumerate(option.get("champs") or []):
                self.champ(enfant, (*sous, "champs", j))

    def tableau(self, c: dict, chemin: tuple) -> None:
        colonnes = [col for i, col in enumerate(c.get("colonnes") or [])
                    if self.table(col, COLONNE, (*chemin, "colonnes", i), f"colonne n° {i + 1}")]
        for i, col in enumerate(colonnes):
            if col.get("type") not in TYPES_COLONNE:
                self.erreur((*chemin, "colonnes", i, "type"), f"type de colonne inconnu « {col.get('type')} » ({', '.join(TYPES_COLONNE)})")
        lignes = c.get("lignes")
        if isinstance(lignes, int) and not isinstance(lignes, bool):
            if not 1 <= lignes <= 30:
                self.erreur((*chemin, "lignes"), "« lignes » : de 1 à 30")
            noms_lignes = [str(i) for i in range(1, lignes + 1)]
        else:
            noms_lignes = []
            for i, ligne in enumerate(lignes or []):
                if self.table(ligne, LIGNE, (*chemin, "lignes", i), f"ligne n° {i + 1}"):
                    self.lexique_de(ligne, (*chemin, "lignes", i))
                    noms_lignes.append(ligne.get("nom"))
        for ligne in noms_lignes:
            for col in colonnes:
                self.nom_champ(f"{c.get('nom')}_{ligne}_{col.get('nom')}", (*chemin, "lignes"))


def fichiers(content_dir: Path) -> list[Path]:
    return sorted((content_dir / DOSSIER).glob("*.yml"))


def charge_tout(content_dir: Path, lexique: set[str]) -> tuple[list[Definition], list[ContentError]]:
    """Toutes les définitions valides, et tous les problèmes trouvés (toutes à la fois)."""
    definitions, erreurs = [], []
    for chemin in fichiers(content_dir):
        definition, problemes = charge(chemin)
        if definition is not None:
            problemes = _Verificateur(definition, content_dir, lexique).verifie()
        erreurs += problemes
        if definition is not None and not problemes:
            definitions.append(definition)
    return definitions, erreurs


def problemes_des_pages(content_dir: Path, definitions: list[Definition], pages: dict[str, str]) -> list[ContentError]:
    """Chaque définition a sa page (`formulaire: <id>`), et chaque page cite une définition.

    `pages` : {chemin relatif de la page: valeur de sa clé `formulaire`}."""
    connus = {d.id for d in definitions}
    cites = set(pages.values())
    erreurs = [ContentError(f"content/{page}", 1, f"« formulaire: {ident} » : content/{DOSSIER}/{ident}.yml n'existe pas")
               for page, ident in sorted(pages.items()) if ident not in connus and not (content_dir / DOSSIER / f"{ident}.yml").is_file()]
    erreurs += [ContentError(f"content/{DOSSIER}/{d.chemin.name}", 1,
                             f"aucune page ne montre ce formulaire : créez content/{DOSSIER}/{d.id}.md avec « formulaire: {d.id} »")
                for d in definitions if d.id not in cites]
    return erreurs


def problemes(content_dir: Path, lexique: set[str]) -> list[ContentError]:
    """Tout ce qui ne va pas dans les définitions et dans le lien définition ↔ page."""
    from . import frontmatter

    definitions, erreurs = charge_tout(content_dir, lexique)
    pages = {}
    for chemin in sorted(content_dir.rglob("*.md")):
        try:
            fm = frontmatter.parse(chemin.read_text(encoding="utf-8"))
        except ValueError:
            continue  # validate.check_page le signale déjà
        if isinstance(fm.data.get("formulaire"), str):
            pages[chemin.relative_to(content_dir).as_posix()] = fm.data["formulaire"]
    erreurs += problemes_des_pages(content_dir, definitions, pages)
    # The list of documents of the legal-aid request is built from these rules.
    if any(d.id == "cerfa-16146" for d in definitions) or (content_dir / "data" / "pieces_aj.yml").is_file():
        erreurs += problemes_des_pieces(content_dir)
    return erreurs


def problemes_des_pieces(content_dir: Path) -> list[ContentError]:
    """content/data/pieces_aj.yml : chaque règle a sa pièce, sa raison et une condition connue."""
    from pyscripts.formulaires.pieces import problemes as problemes_pieces

    chemin = content_dir / "data" / "pieces_aj.yml"
    rel = "content/data/pieces_aj.yml"
    if not chemin.is_file():
        return [ContentError(rel, 1, "fichier introuvable : les règles de la liste des pièces du Cerfa 16146")]
    texte = chemin.read_text(encoding="utf-8")
    try:
        lignes, donnees = lignes_des_noeuds(yaml.compose(texte)), yaml.safe_load(texte)
    except yaml.YAMLError as exc:
        marque = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        return [ContentError(rel, marque.line + 1 if marque else 1, f"YAML invalide : {getattr(exc, 'problem', exc)}")]
    erreurs = []
    for cle, message in problemes_pieces(donnees):
        ligne = next((lignes[cle[:n]] for n in range(len(cle), -1, -1) if cle[:n] in lignes), 1)
        erreurs.append(ContentError(rel, ligne, message))
    return erreurs
