"""Un seul vérificateur pour chaque fichier YAML qu'écrit un rédacteur (content/data/*.yml,
content/formulaires/*.yml, site_config.yml) : un schéma par fichier dans generator/schemas/<nom>.yml,
écrit dans une partie de JSON Schema (voir generator/schemas/README.md), et des erreurs en français à
la vraie ligne de la clé en faute, trouvée par les marques des nœuds YAML.

    data, erreurs = valide_fichier(chemin, "content/data/delais.yml", "delais")
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path

import yaml

from ..erreurs import ErreurDeContenu
from . import lecture

DOSSIER = Path(__file__).resolve().parents[1] / "schemas"
MOTS_CLES = {
    "type",
    "description",
    "properties",
    "required",
    "additionalProperties",
    "propertyNames",
    "minProperties",
    "maxProperties",
    "items",
    "minItems",
    "enum",
    "const",
    "pattern",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "anyOf",
    "$ref",
    "$defs",
    "message",
    "unique",
    "cle_de",
}
TYPES = {  # nom → (test, ce qu'une personne lit)
    "object": (lambda v: isinstance(v, dict), "une table (clé: valeur)"),
    "array": (lambda v: isinstance(v, list), "une liste (lignes « - … »)"),
    "string": (lambda v: isinstance(v, str), "un texte"),
    "integer": (lambda v: isinstance(v, int) and not isinstance(v, bool), "un nombre entier"),
    "number": (lambda v: isinstance(v, (int, float)) and not isinstance(v, bool), "un nombre"),
    "boolean": (lambda v: isinstance(v, bool), "true ou false"),
    "date": (
        lambda v: isinstance(v, dt.date) and not isinstance(v, dt.datetime),
        "une date AAAA-MM-JJ (sans guillemets)",
    ),
    "null": (lambda v: v is None, "une valeur vide"),
}
IDENTIFIANTS = ("id", "annee", "numero", "nom")  # ce qui nomme un élément de liste dans un message


class SchemaInvalide(Exception):
    """Un fichier de schéma est lui-même faux : une erreur de développeur, signalée avec son fichier."""


def valide_fichier(path: Path, rel: str, schema: str) -> tuple[object, list[ErreurDeContenu]]:
    """Lit `path` (nommé `rel` dans les messages) et le vérifie par generator/schemas/<schema>.yml."""
    data, _, erreurs = document(path, rel, schema)
    return data, erreurs


def document(path: Path, rel: str, schema: str) -> tuple[object, yaml.Node | None, list[ErreurDeContenu]]:
    """(données, nœud racine, erreurs) : le nœud situe les contrôles suivants (`ligne_du_chemin`)."""
    try:
        data, node = lecture.fichier_yaml(path, rel)
    except lecture.LectureImpossible as exc:
        return None, None, [exc.erreur]
    return data, node, verifie(data, node, schema, rel)


def verifie(data, node: yaml.Node | None, schema: str, rel: str) -> list[ErreurDeContenu]:
    return _Verification(rel, lit_schema(schema), data).valeur(lit_schema(schema), data, node, [], 1)


def existe(schema: str) -> bool:
    return (DOSSIER / f"{schema}.yml").is_file()


@cache
def lit_schema(nom: str) -> dict:
    """generator/schemas/<nom>.yml, sans mot-clé inconnu (une faute dans un schéma est un bogue)."""
    rel = f"generator/schemas/{nom}.yml"
    try:
        data, _ = lecture.fichier_yaml(DOSSIER / f"{nom}.yml", rel)
    except lecture.LectureImpossible as exc:
        raise SchemaInvalide(str(exc.erreur)) from None
    _controle(data, rel, "")
    return data


def _controle(schema, rel: str, ou: str) -> None:
    if not isinstance(schema, dict):
        raise SchemaInvalide(f"{rel} : {ou or 'racine'} : un schéma est une table")
    if inconnus := set(schema) - MOTS_CLES:
        raise SchemaInvalide(f"{rel} : {ou or 'racine'} : mot-clé inconnu {', '.join(sorted(inconnus))}")
    types = schema.get("type", [])
    if unknown := set([types] if isinstance(types, str) else types) - set(TYPES):
        raise SchemaInvalide(f"{rel} : {ou or 'racine'} : type inconnu {', '.join(sorted(unknown))}")
    for groupe in ("properties", "$defs"):
        for nom, sous in (schema.get(groupe) or {}).items():
            _controle(sous, rel, f"{ou}/{groupe}/{nom}")
    for cle in ("items", "propertyNames"):
        if cle in schema:
            _controle(schema[cle], rel, f"{ou}/{cle}")
    if isinstance(schema.get("additionalProperties"), dict):
        _controle(schema["additionalProperties"], rel, f"{ou}/additionalProperties")
    for i, sous in enumerate(schema.get("anyOf") or []):
        _controle(sous, rel, f"{ou}/anyOf/{i}")


def extrait(valeur, longueur: int = 40) -> str:
    """Un court extrait imprimable d'une valeur, pour un message."""
    texte = valeur.isoformat() if isinstance(valeur, dt.date) else str(valeur)
    texte = "".join(c if c.isprintable() else " " for c in " ".join(texte.split()))
    return texte if len(texte) <= longueur else texte[: longueur - 1] + "…"


def decrit(valeur) -> str:
    if isinstance(valeur, bool):
        return f"« {str(valeur).lower()} »"
    if isinstance(valeur, dict):
        return "une table"
    if isinstance(valeur, list):
        return "une liste"
    if valeur is None:
        return "une valeur vide"
    if isinstance(valeur, str):
        return f"le texte « {extrait(valeur)} »"
    return f"« {extrait(valeur)} »"


def chemin_texte(chemin: list[str]) -> str:
    return "".join(s if s.startswith("[") else f".{s}" for s in chemin).lstrip(".") or "le fichier"


class _Verification:
    def __init__(self, rel: str, racine: dict, document):
        self.rel = rel
        self.racine = racine
        self.document = document
        self.erreurs: list[ErreurDeContenu] = []

    def _err(self, ligne: int, chemin: list[str], message: str) -> None:
        self.erreurs.append(ErreurDeContenu(self.rel, ligne, f"{chemin_texte(chemin)} : {message}"))

    def _resout(self, schema: dict) -> dict:
        """Le schéma que vise un `$ref` seul (`$ref` avec d'autres mots-clés : voir `valeur`)."""
        while set(schema) == {"$ref"}:
            fichier, _, pointeur = schema["$ref"].partition("#")
            schema = lit_schema(fichier.removesuffix(".yml")) if fichier else self.racine
            for morceau in pointeur.strip("/").split("/"):
                schema = schema[morceau] if morceau else schema
        return schema

    def valeur(self, schema: dict, data, node, chemin: list[str], ligne: int) -> list[ErreurDeContenu]:
        """Vérifie `data` (son nœud donne la ligne) ; `ligne` est celle de la clé qui le porte."""
        if "$ref" in schema and len(schema) > 1:  # comme dans JSON Schema : la cible ET les autres mots-clés
            self.valeur({"$ref": schema["$ref"]}, data, node, chemin, ligne)
            return self.valeur({k: v for k, v in schema.items() if k != "$ref"}, data, node, chemin, ligne)
        schema = self._resout(schema)
        ligne_cle, ligne = ligne, (node.start_mark.line + 1 if node is not None else ligne)
        if not self._type_ok(schema, data):
            self._err(ligne, chemin, schema.get("message") or self._attendu(schema, data))
            return self.erreurs
        if "anyOf" in schema and not self._un_parmi(schema, data, node, chemin, ligne):
            return self.erreurs
        if "const" in schema and data != schema["const"] or "enum" in schema and data not in schema["enum"]:
            possibles = [schema["const"]] if "const" in schema else schema["enum"]
            self._err(
                ligne,
                chemin,
                schema.get("message")
                or f"« {extrait(data)} » n'est pas une valeur possible (possibles : {', '.join(map(str, possibles))})",
            )
        if isinstance(data, str):
            self._texte(schema, data, chemin, ligne)
        if isinstance(data, (int, float)) and not isinstance(data, bool):
            if "minimum" in schema and data < schema["minimum"]:
                self._err(ligne, chemin, f"{data} est trop petit (au moins {schema['minimum']})")
            if "maximum" in schema and data > schema["maximum"]:
                self._err(ligne, chemin, f"{data} est trop grand (au plus {schema['maximum']})")
        if "cle_de" in schema and data is not None:
            self._cle_de(schema["cle_de"], data, chemin, ligne)
        if isinstance(data, dict):  # une clé manquante est signalée à la clé qui porte la table
            self._table(schema, data, node, chemin, ligne_cle)
        if isinstance(data, list):
            self._liste(schema, data, node, chemin, ligne)
        return self.erreurs

    def _type_ok(self, schema: dict, data) -> bool:
        types = schema.get("type")
        if types is None:
            return True
        return any(TYPES[t][0](data) for t in ([types] if isinstance(types, str) else types))

    def _forme_ok(self, schema: dict, data) -> bool:
        """`data` est-il du genre que décrit cette branche d'anyOf (avant d'en regarder le détail) ?"""
        if "type" in schema:
            return self._type_ok(schema, data)
        exemples = [schema["const"]] if "const" in schema else schema.get("enum")
        return exemples is None or any(type(e) is type(data) for e in exemples)

    def _attendu(self, schema: dict, data) -> str:
        types = schema["type"]
        lus = " ou ".join(TYPES[t][1] for t in ([types] if isinstance(types, str) else types))
        return f"on attend {lus}, pas {decrit(data)}"

    def _un_parmi(self, schema: dict, data, node, chemin, ligne) -> bool:
        essais = []
        for branche in schema["anyOf"]:
            essai = _Verification(self.rel, self.racine, self.document)
            essai.valeur(branche, data, node, chemin, ligne)
            if not essai.erreurs:
                return True
            essais.append((branche, essai))
        # Dire la seule branche dont le type convient (ses erreurs précises), sinon le message général.
        du_bon_type = [e for b, e in essais if self._forme_ok(self._resout(b), data)]
        if len(du_bon_type) == 1:
            self.erreurs += du_bon_type[0].erreurs
        else:
            self._err(ligne, chemin, schema.get("message") or f"{decrit(data)} n'a aucune des formes permises")
        return False

    def _texte(self, schema: dict, data: str, chemin, ligne) -> None:
        if "maxLength" in schema and len(data) > schema["maxLength"]:
            # Avant tout rendu : un libellé de 100 000 caractères tiendrait la construction des minutes.
            self._err(
                ligne,
                chemin,
                f"texte trop long ({len(data)} caractères, {schema['maxLength']} au plus) : raccourcissez-le "
                "ou coupez-le en plusieurs",
            )
        elif "minLength" in schema and len(data.strip()) < schema["minLength"]:
            self._err(ligne, chemin, schema.get("message") or "texte vide")
        elif "pattern" in schema and not re.search(schema["pattern"], data):
            self._err(ligne, chemin, schema.get("message") or f"« {extrait(data)} » n'a pas la forme attendue")

    def _cle_de(self, pointeur: str, data, chemin, ligne) -> None:
        table = self.document
        for morceau in pointeur.strip("/").split("/"):
            table = table.get(morceau) if isinstance(table, dict) else None
        valeurs = data if isinstance(data, list) else [data]
        for v in valeurs:
            if not isinstance(table, dict) or v not in table:
                self._err(ligne, chemin, f"« {extrait(v)} » n'existe pas dans « {pointeur.strip('/')} »")

    def _table(self, schema: dict, data: dict, node, chemin, ligne) -> None:
        noeuds = self._noeuds_de_table(node, chemin)
        proprietes = schema.get("properties") or {}
        for cle in schema.get("required") or []:
            if cle not in data:
                self._err(ligne, chemin, f"il manque « {cle} »")
        if "minProperties" in schema and len(data) < schema["minProperties"]:
            self._err(ligne, chemin, f"il faut au moins {schema['minProperties']} clé(s)")
        if "maxProperties" in schema and len(data) > schema["maxProperties"]:
            self._err(
                ligne,
                chemin,
                f"une seule clé permise ici, pas {len(data)}"
                if schema["maxProperties"] == 1
                else f"au plus {schema['maxProperties']} clés",
            )
        autres = schema.get("additionalProperties", True)
        for cle, valeur in data.items():
            noeud_cle, noeud_valeur = noeuds.get(str(cle), (None, None))
            ligne_cle = noeud_cle.start_mark.line + 1 if noeud_cle is not None else ligne
            sous_chemin = [*chemin, str(cle)]
            if "propertyNames" in schema:
                self.valeur(schema["propertyNames"], str(cle), noeud_cle, sous_chemin, ligne_cle)
            if cle in proprietes:
                self.valeur(proprietes[cle], valeur, noeud_valeur, sous_chemin, ligne_cle)
            elif autres is False:
                connues = ", ".join(proprietes) or "aucune"
                self._err(ligne_cle, chemin, f"clé inconnue « {extrait(cle)} » (clés possibles : {connues})")
            elif isinstance(autres, dict):
                self.valeur(autres, valeur, noeud_valeur, sous_chemin, ligne_cle)

    def _noeuds_de_table(self, node, chemin) -> dict:
        """{texte de la clé: (nœud de la clé, nœud de la valeur)} ; une clé écrite deux fois est une erreur (YAML garde la dernière)."""
        noeuds: dict = {}
        if not isinstance(node, yaml.MappingNode):
            return noeuds
        for noeud_cle, noeud_valeur in node.value:
            if not isinstance(noeud_cle, yaml.ScalarNode) or noeud_cle.tag == "tag:yaml.org,2002:merge":
                continue
            if noeud_cle.value in noeuds:
                premiere = noeuds[noeud_cle.value][0].start_mark.line + 1
                self._err(
                    noeud_cle.start_mark.line + 1,
                    chemin,
                    f"« {extrait(noeud_cle.value)} » est écrit deux fois (déjà ligne {premiere}) : YAML ne garde que le dernier",
                )
            noeuds[noeud_cle.value] = (noeud_cle, noeud_valeur)
        return noeuds

    def _liste(self, schema: dict, data: list, node, chemin, ligne) -> None:
        if "minItems" in schema and len(data) < schema["minItems"]:
            self._err(
                ligne,
                chemin,
                "la liste est vide" if schema["minItems"] == 1 else f"il faut au moins {schema['minItems']} éléments",
            )
        noeuds = node.value if isinstance(node, yaml.SequenceNode) else [None] * len(data)
        vus: dict = {}
        for i, (element, noeud) in enumerate(zip(data, noeuds), start=1):
            sous_chemin = [*chemin, f"[{_nom_element(element, i)}]"]
            ligne_element = noeud.start_mark.line + 1 if noeud is not None else ligne
            if "items" in schema:
                self.valeur(schema["items"], element, noeud, sous_chemin, ligne_element)
            for cle in schema.get("unique") or []:
                if isinstance(element, dict) and cle in element:
                    valeur = element[cle]
                    if (cle, valeur) in vus:
                        self._err(
                            ligne_element,
                            sous_chemin,
                            f"« {cle}: {extrait(valeur)} » est déjà pris ligne {vus[cle, valeur]}",
                        )
                    vus.setdefault((cle, valeur), ligne_element)


def _nom_element(element, position: int) -> str:
    if isinstance(element, dict):
        for cle in IDENTIFIANTS:
            if isinstance(element.get(cle), (str, int)) and not isinstance(element.get(cle), bool):
                return extrait(element[cle], 30)
    return f"n° {position}"


def ligne_du_chemin(node, chemin: str) -> int:
    """La ligne de `baremes[2025].plafonds.totale` (les chemins que citent les contrôles de pyscripts) dans
    un document : `[x]` choisit l'élément de liste nommé x (son id, son annee…) ou l'élément numéro x."""
    ligne = 1
    for cle, index in re.findall(r"([^.\[\]]+)|\[([^\]]*)\]", chemin):
        if cle and isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == cle), None)
        elif index and isinstance(node, yaml.SequenceNode):
            node = next(
                (
                    item
                    for item in node.value
                    if isinstance(item, yaml.MappingNode)
                    and any(isinstance(v, yaml.ScalarNode) and v.value == index for _, v in item.value)
                ),
                None,
            ) or (node.value[int(index)] if index.isdigit() and int(index) < len(node.value) else None)
        else:
            node = None
        if node is None:
            break
        ligne = node.start_mark.line + 1
    return ligne
