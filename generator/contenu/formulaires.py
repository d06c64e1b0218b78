"""Les définitions de formulaires (content/formulaires/*.yml) : chargées et vérifiées.

La structure (clés, types, valeurs permises) est vérifiée par le schéma commun des
fichiers YAML, generator/schemas/formulaire.yml (generator/contenu/schema.py) ; ce module vérifie
ce qui croise plusieurs clés : les clés propres à chaque type de champ, les noms de champs
dépliés (cases, cellules) uniques, les conditions `si`/`sauf_si` sur des cases du
formulaire, les termes du lexique, les étapes, la page et l'id. Chaque problème est
rapporté à sa ligne : `content/formulaires/cerfa-16146.yml:42: …`. Le format est décrit
dans content/formulaires/README.md.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from pyscripts.op.adresse import problemes_definition as problemes_adresse
from pyscripts.op.requete import IDENTIFIANT as OP

from ..erreurs import ErreurDeContenu
from . import schema

DOSSIER = "formulaires"
SCHEMA = "formulaire"
# Les clés que tout champ peut avoir (le schéma donne leurs types), puis celles de chaque type.
COMMUNS = {
    "nom",
    "type",
    "libelle",
    "statut",
    "source",
    "aide",
    "question",
    "remarque",
    "lexique",
    "requis",
    "si",
    "entretien",
    "entretien_si",
    "largeur",
    "nom_accessible",
    "puce",
    "pdf",
}
PAR_TYPE = {
    "texte": {"max"},
    "multiligne": {"lignes"},
    "date": {"passee"},
    "montant": set(),
    "nombre": set(),
    "case": set(),
    "cases": {"options", "exclusif", "colonnes", "imprime_libelle"},
    "tableau": {"colonnes", "lignes", "sous_titre", "lignes_max"},
    "mention": {"texte", "encadre", "style"},
    "signature": set(),
}
OBLIGATOIRES = {"cases": ("options",), "tableau": ("colonnes", "lignes"), "mention": ("texte",)}
GROUPES_IMBRIQUES = 3  # un groupe dans l'option d'un groupe dans l'option d'un groupe : au plus (les Cerfa en ont 2)


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


def lit_definition(chemin: Path) -> tuple[Definition | None, list[ErreurDeContenu]]:
    """La définition du fichier `chemin`, vérifiée par le schéma (sans les contrôles croisés)."""
    rel = f"content/{DOSSIER}/{chemin.name}"
    donnees, noeud, problemes = schema.document(chemin, rel, SCHEMA)
    if problemes or noeud is None:
        return None, problemes
    return Definition(chemin, donnees, lignes_des_noeuds(noeud)), []


class _Verificateur:
    """Les contrôles croisés d'une définition que le schéma a acceptée, chacun à sa ligne."""

    def __init__(self, definition: Definition, dossier_contenu: Path, lexique: set[str]):
        self.d = definition
        self.dossier_contenu = dossier_contenu
        self.lexique = lexique
        self.erreurs: list[ErreurDeContenu] = []
        self.noms: dict[str, tuple] = {}  # nom de champ PDF → chemin où il est défini
        self.cases: set[str] = set()  # noms de cases (conditions si / sauf_si)
        self.conditions: list[tuple[tuple, str]] = []  # (chemin, nom de case cité)
        self.entretien_si: list[tuple[tuple, str]] = []  # (chemin, expression data-si de l'entretien)

    def erreur(self, chemin: tuple, message: str) -> None:
        ligne = next((self.d.lignes[chemin[:n]] for n in range(len(chemin), -1, -1) if chemin[:n] in self.d.lignes), 1)
        self.erreurs.append(ErreurDeContenu(f"content/{DOSSIER}/{self.d.chemin.name}", ligne, message))

    def nom_champ(self, nom: str, chemin: tuple) -> None:
        if nom in self.noms:
            ligne = self.d.lignes.get(self.noms[nom], 1)
            self.erreur(chemin, f"nom de champ en double « {nom} » (déjà défini ligne {ligne})")
        else:
            self.noms[nom] = chemin

    def lexique_de(self, valeur: dict, chemin: tuple) -> None:
        for i, slug in enumerate(valeur.get("lexique") or []):
            if slug not in self.lexique:
                self.erreur(
                    (*chemin, "lexique", i), f"terme du lexique inconnu : « {slug} » (voir content/lexique.yml)"
                )

    def conditions_de(self, valeur: dict, cle: str, chemin: tuple) -> None:
        noms = valeur.get(cle)
        if isinstance(noms, str):
            self.conditions.append(((*chemin, cle), noms))
        for i, nom in enumerate(noms if isinstance(noms, list) else []):
            self.conditions.append(((*chemin, cle, i), nom))

    def verifie(self) -> list[ErreurDeContenu]:
        d = self.d.donnees
        if d["id"] != self.d.id:
            self.erreur(("id",), f"« id » doit valoir le nom du fichier : « {self.d.id} »")
        if d["verifie_le"] > dt.date.today():
            self.erreur(("verifie_le",), "« verifie_le » est dans le futur")
        if "page" in d and not (self.dossier_contenu / d["page"]).is_file():
            self.erreur(("page",), f"« page » : content/{d['page']} n'existe pas")
        depot = d.get("depot") or {}
        if "page" in depot and not (self.dossier_contenu / depot["page"].split("#")[0]).is_file():
            self.erreur(("depot", "page"), f"« depot.page » : content/{depot['page'].split('#')[0]} n'existe pas")
        etapes = {e["numero"] for e in d.get("etapes") or []}
        if etapes != set(range(1, len(etapes) + 1)):
            self.erreur(("etapes",), "les étapes sont numérotées 1, 2, 3… sans trou")
        for i, rubrique in enumerate(d["rubriques"]):
            chemin = ("rubriques", i)
            if "etape" in rubrique and rubrique["etape"] not in etapes:
                self.erreur((*chemin, "etape"), f"étape {rubrique['etape']} absente de « etapes »")
            self.conditions_de(rubrique, "sauf_si", chemin)
            for j, champ in enumerate(rubrique["champs"]):
                self.champ(champ, (*chemin, "champs", j))
        for chemin, nom in self.conditions:
            if nom not in self.cases:
                self.erreur(chemin, f"condition sur « {nom} », qui n'est pas une case de ce formulaire")
        for chemin, expression in self.entretien_si:
            for nom in re.findall(r"([a-z][a-z0-9_]*)!?=", expression):
                if nom not in self.noms:
                    self.erreur(chemin, f"« entretien_si » cite « {nom} », qui n'est pas un champ de ce formulaire")
        if self.d.id == OP:  # la sécurité de l'adresse cachée tient à cette définition
            for chemin, message in problemes_adresse(d):
                self.erreur(chemin, message)
        return self.erreurs

    def champ(self, c: dict, chemin: tuple) -> None:
        genre = c["type"]
        quoi = f"champ « {c.get('nom') or genre} »"
        for cle in sorted(set(c) - COMMUNS - PAR_TYPE[genre]):
            types = [t for t, cles in PAR_TYPE.items() if cle in cles]
            self.erreur(
                (*chemin, cle), f"{quoi} : « {cle} » ne va pas avec type: {genre} (seulement avec {', '.join(types)})"
            )
        for cle in OBLIGATOIRES.get(genre, ()):
            if cle not in c:
                self.erreur(chemin, f"{quoi} : clé obligatoire manquante « {cle} » (type: {genre})")
        if c.get("entretien") == "replie" and genre != "mention":
            self.erreur((*chemin, "entretien"), f"{quoi} : « entretien: replie » ne vaut que pour une mention")
        self.lexique_de(c, chemin)
        self.conditions_de(c, "si", chemin)
        if "entretien_si" in c:
            self.entretien_si.append(((*chemin, "entretien_si"), c["entretien_si"]))
        if genre == "mention":
            return
        if genre != "signature":
            if "nom" not in c:
                self.erreur(chemin, f"{quoi} : clé obligatoire manquante « nom »")
            elif genre == "case":
                self.nom_champ(c["nom"], (*chemin, "nom"))
                self.cases.add(c["nom"])
            elif genre not in ("cases", "tableau"):
                self.nom_champ(c["nom"], (*chemin, "nom"))
        if "libelle" not in c:
            self.erreur(chemin, f"{quoi} : clé obligatoire manquante « libelle » (le texte imprimé)")
        elif not c["libelle"].strip() and not c.get("nom_accessible"):
            self.erreur(
                (*chemin, "libelle"),
                f"{quoi} : libellé vide : donnez un « nom_accessible » (lu par les lecteurs d'écran)",
            )
        if genre == "cases" and "options" in c:
            self.groupe(c, chemin)
        elif genre == "tableau" and "colonnes" in c and "lignes" in c:
            self.tableau(c, chemin)
        elif genre == "multiligne" and not isinstance(c.get("lignes", 1), int):
            self.erreur((*chemin, "lignes"), f"{quoi} : « lignes » est un nombre de lignes à écrire")

    def groupe(self, c: dict, chemin: tuple) -> None:
        if chemin.count("options") >= GROUPES_IMBRIQUES:
            self.erreur(
                chemin,
                f"groupe « {c.get('nom')} » : plus de {GROUPES_IMBRIQUES} groupes de cases imbriqués "
                "(une option qui ouvre un groupe qui ouvre…) : ni la page ni le PDF ne restent lisibles",
            )
            return
        if isinstance(c.get("colonnes"), list):
            self.erreur((*chemin, "colonnes"), f"groupe « {c.get('nom')} » : « colonnes » vaut 1, 2 ou 3")
        for i, option in enumerate(c["options"]):
            sous = (*chemin, "options", i)
            self.lexique_de(option, sous)
            nom = f"{c.get('nom')}_{option['nom']}"
            self.nom_champ(nom, (*sous, "nom"))
            self.cases.add(nom)
            for j, enfant in enumerate(option.get("champs") or []):
                self.champ(enfant, (*sous, "champs", j))

    def tableau(self, c: dict, chemin: tuple) -> None:
        if not isinstance(c["colonnes"], list):
            self.erreur(
                (*chemin, "colonnes"),
                f"tableau « {c.get('nom')} » : « colonnes » est la liste des colonnes {{nom, libelle, type}}",
            )
            return
        lignes = c["lignes"]
        noms_lignes = (
            [str(i) for i in range(1, lignes + 1)] if isinstance(lignes, int) else [ligne["nom"] for ligne in lignes]
        )
        for i, ligne in enumerate(lignes if isinstance(lignes, list) else []):
            self.lexique_de(ligne, (*chemin, "lignes", i))
        for i, colonne in enumerate(c["colonnes"]):
            if "entretien_si" in colonne:
                self.entretien_si.append(((*chemin, "colonnes", i, "entretien_si"), colonne["entretien_si"]))
        for ligne in noms_lignes:
            for colonne in c["colonnes"]:
                self.nom_champ(f"{c.get('nom')}_{ligne}_{colonne['nom']}", (*chemin, "lignes"))


def fichiers(dossier_contenu: Path) -> list[Path]:
    return sorted((dossier_contenu / DOSSIER).glob("*.yml"))


def charge_tout(dossier_contenu: Path, lexique: set[str]) -> tuple[list[Definition], list[ErreurDeContenu]]:
    """Toutes les définitions valides, et tous les problèmes trouvés (toutes à la fois) : le schéma,
    puis les contrôles croisés. Lues une fois par construction (validation.verifie_le_contenu), puis transmises."""
    definitions, erreurs = [], []
    for chemin in fichiers(dossier_contenu):
        definition, problemes = lit_definition(chemin)
        if definition is not None:
            problemes = _Verificateur(definition, dossier_contenu, lexique).verifie()
        erreurs += problemes
        if definition is not None and not problemes:
            definitions.append(definition)
    return definitions, erreurs


def problemes_des_pages(
    dossier_contenu: Path, definitions: list[Definition], pages: dict[str, str]
) -> list[ErreurDeContenu]:
    """Chaque définition a sa page (`formulaire: <id>`), et chaque page cite une définition.

    `pages` : {chemin relatif de la page: valeur de sa clé `formulaire`}."""
    connus = {d.id for d in definitions}
    cites = set(pages.values())
    erreurs = [
        ErreurDeContenu(f"content/{page}", 1, f"« formulaire: {ident} » : content/{DOSSIER}/{ident}.yml n'existe pas")
        for page, ident in sorted(pages.items())
        if ident not in connus and not (dossier_contenu / DOSSIER / f"{ident}.yml").is_file()
    ]
    erreurs += [
        ErreurDeContenu(
            f"content/{DOSSIER}/{d.chemin.name}",
            1,
            f"aucune page ne montre ce formulaire : créez content/{DOSSIER}/{d.id}.md avec « formulaire: {d.id} »",
        )
        for d in definitions
        if d.id not in cites
    ]
    return erreurs


def problemes(dossier_contenu: Path, definitions: list[Definition]) -> list[ErreurDeContenu]:
    """Ce qui ne va pas entre les définitions et les pages : chaque définition a sa page, un numéro de
    Cerfa par définition, chaque entretien vise un formulaire qui se remplit (les définitions elles-mêmes
    sont vérifiées par `charge_tout` ; les règles des pièces, par le moteur qui les lit : croisements.py)."""
    from . import frontmatter

    pages = {}
    for chemin in sorted(dossier_contenu.rglob("*.md")):
        try:
            fm = frontmatter.lit_entete(chemin.read_text(encoding="utf-8"))
        except ValueError:
            continue  # validate.verifie_page le signale déjà
        if isinstance(fm.data.get("formulaire"), str):
            pages[chemin.relative_to(dossier_contenu).as_posix()] = fm.data["formulaire"]
    erreurs = problemes_des_pages(dossier_contenu, definitions, pages) + problemes_des_numeros(definitions)
    return erreurs + problemes_des_entretiens(dossier_contenu, {d.id: d.donnees for d in definitions})


def problemes_des_numeros(definitions: list[Definition]) -> list[ErreurDeContenu]:
    """Deux définitions ne décrivent pas le même Cerfa (son numéro, quelle que soit l'édition)."""
    erreurs, vus = [], {}
    for d in definitions:
        numero = d.donnees["cerfa"].split("*")[0]
        if numero in vus:
            autre = vus[numero]
            erreurs.append(
                ErreurDeContenu(
                    f"content/{DOSSIER}/{d.chemin.name}",
                    d.lignes.get(("cerfa",), 1),
                    f"le Cerfa n° {numero} est déjà décrit par content/{DOSSIER}/{autre.chemin.name} "
                    f"(ligne {autre.lignes.get(('cerfa',), 1)}) : une seule définition par formulaire",
                )
            )
        vus.setdefault(numero, d)
    return erreurs


# La ligne qui place l'entretien guidé d'un formulaire dans une page (lue aussi par generator/mkdocs/formulaires.py).
LIGNE_ENTRETIEN = re.compile(r"<!--\s*entretien:\s*([^\s>]*)\s*-->")


def problemes_des_entretiens(dossier_contenu: Path, definitions: dict[str, dict]) -> list[ErreurDeContenu]:
    """Chaque ligne `<!-- entretien: <id> -->` d'une page vise un formulaire connu, rempli dans le
    navigateur, découpé en étapes (sinon la page montrerait un commentaire, ou un entretien vide)."""
    erreurs = []
    for page in sorted(dossier_contenu.rglob("*.md")):
        rel = f"content/{page.relative_to(dossier_contenu).as_posix()}"
        for numero, ligne in enumerate(page.read_text(encoding="utf-8", errors="replace").split("\n"), start=1):
            for identifiant in LIGNE_ENTRETIEN.findall(ligne):
                d = definitions.get(identifiant)
                if d is None:
                    probleme = f"entretien d'un formulaire inconnu « {identifiant[:40]} » (content/{DOSSIER}/)"
                elif d.get("remplissage") == "manuscrit":
                    probleme = (
                        f"entretien du formulaire {identifiant}, qui se remplit à la main (remplissage: manuscrit)"
                    )
                elif not d.get("etapes"):
                    probleme = f"entretien du formulaire {identifiant}, qui n'a pas d'« etapes »"
                else:
                    continue
                erreurs.append(ErreurDeContenu(rel, numero, probleme))
    return erreurs
