"""Lire ce que les rédacteurs écrivent : du texte UTF-8, et du YAML avec la ligne de chaque valeur.

Un seul passage de libyaml (`CSafeLoader`, 5 à 10 fois plus rapide que le lecteur en Python pur)
donne l'arbre des nœuds, dont les marques situent chaque clé et valeur, et les données tirées de ce
même arbre : un fichier n'est jamais lu deux fois. Chaque échec devient une `ErreurDeContenu` à la
vraie ligne, en français, jamais une trace.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..erreurs import ErreurDeContenu

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LectureImpossible(Exception):
    """`args[0]` est la ErreurDeContenu qui dit pourquoi, et à quelle ligne."""

    @property
    def erreur(self) -> ErreurDeContenu:
        return self.args[0]


def texte(path: Path, rel: str) -> str:
    """Le fichier en texte ; un fichier qui n'est pas en UTF-8 est signalé à la ligne de son premier mauvais octet."""
    try:
        octets = path.read_bytes()
    except FileNotFoundError:
        raise LectureImpossible(ErreurDeContenu(rel, 1, "fichier introuvable")) from None
    except OSError as exc:
        raise LectureImpossible(ErreurDeContenu(rel, 1, f"fichier illisible ({exc.strerror})")) from None
    try:
        return octets.decode(
            "utf-8-sig"
        )  # une marque d'ordre des octets (éditeurs Windows) est ôtée, comme le fait MkDocs
    except UnicodeDecodeError as exc:
        ligne = octets.count(b"\n", 0, exc.start) + 1
        raise LectureImpossible(
            ErreurDeContenu(
                rel,
                ligne,
                f"le fichier n'est pas en UTF-8 (octet 0x{octets[exc.start]:02x}) : "
                "enregistrez-le en UTF-8 dans votre éditeur",
            )
        ) from None


def yaml_avec_lignes(source: str, rel: str, decalage: int = 0) -> tuple[object, yaml.Node | None]:
    """(données, nœud racine) d'un texte YAML. `decalage` s'ajoute aux numéros de ligne (l'en-tête
    d'une page commence à sa ligne 2). Une faute de syntaxe est signalée là où le lecteur l'a vue."""
    loader = Loader(source)
    node = None
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        ligne = _ligne(exc) + decalage
        raise LectureImpossible(ErreurDeContenu(rel, ligne, f"YAML invalide : {_probleme(exc)}")) from None
    except yaml.YAMLError as exc:
        raise LectureImpossible(ErreurDeContenu(rel, 1 + decalage, f"YAML invalide : {exc}")) from None
    except (ValueError, TypeError, OverflowError):  # une valeur que son type ne sait pas construire
        ligne, message = _valeur_impossible(node)
        raise LectureImpossible(ErreurDeContenu(rel, ligne + decalage, message)) from None
    finally:
        loader.dispose()
    if probleme := _demesure(node):
        ligne, message = probleme
        raise LectureImpossible(ErreurDeContenu(rel, ligne + decalage, message))
    return data, node


def _valeur_impossible(racine: yaml.Node | None) -> tuple[int, str]:
    """(ligne, message) de la première valeur que YAML lit comme une date ou un nombre mais ne sait pas
    construire : « 2025-02-30 » (un jour qui n'existe pas), « !!int abc »."""
    constructeur = yaml.constructor.SafeConstructor()
    pile = [racine] if racine is not None else []
    while pile:
        noeud = pile.pop()
        if isinstance(noeud, yaml.ScalarNode):
            try:
                constructeur.construct_object(noeud)
            except (ValueError, TypeError, OverflowError, yaml.YAMLError):
                ligne = noeud.start_mark.line + 1
                if noeud.tag.endswith(":timestamp"):
                    return (
                        ligne,
                        f"la date {noeud.value[:40]} n'existe pas dans le calendrier : vérifiez le jour et le mois",
                    )
                return ligne, f"valeur illisible « {noeud.value[:40]} » pour son type ({noeud.tag.rsplit(':', 1)[-1]})"
        else:
            pile += reversed(_fils(noeud))
    return 1, "une valeur ne peut pas être lue"


# Listes et tables imbriquées : les fichiers réels en ont 16 au plus (un formulaire : rubrique, champ,
# option, champ…) ; valeurs une fois les alias (*nom) dépliés : quelques milliers. Au-delà, une erreur de
# copier-coller ou des alias qui se démultiplient, que les contrôles récursifs ne doivent pas suivre.
PROFONDEUR_MAXIMUM = 40
VALEURS_MAXIMUM = 1_000_000


def _demesure(racine: yaml.Node | None) -> tuple[int, str] | None:
    """(ligne, message) quand le document est imbriqué trop profond ou que ses alias se déplient en trop
    de valeurs. Un passage sur les nœuds (un alias est un nœud partagé : mesuré une fois), sans récursion."""
    if racine is None:
        return None
    hauteur: dict[int, int] = {}
    taille: dict[int, int] = {}
    pile = [(racine, False)]
    while pile:
        noeud, fils_faits = pile.pop()
        if id(noeud) in hauteur:
            continue
        fils = _fils(noeud)
        if fils_faits or not fils:
            hauteur[id(noeud)] = 1 + max((hauteur[id(f)] for f in fils), default=0)
            taille[id(noeud)] = min(1 + sum(taille[id(f)] for f in fils), VALEURS_MAXIMUM + 1)
        else:
            pile.append((noeud, True))
            pile += [(f, False) for f in fils if id(f) not in hauteur]
    if hauteur[id(racine)] > PROFONDEUR_MAXIMUM:
        noeud, profondeur = racine, 1
        while profondeur <= PROFONDEUR_MAXIMUM:  # le long de la branche la plus profonde, jusqu'au nœud de trop
            noeud = max(_fils(noeud), key=lambda f: hauteur[id(f)])
            profondeur += 1
        return noeud.start_mark.line + 1, (
            f"imbrication trop profonde (plus de {PROFONDEUR_MAXIMUM} niveaux de listes et de tables) : "
            "aplatissez cette partie"
        )
    if taille[id(racine)] > VALEURS_MAXIMUM:
        return 1, f"plus de {VALEURS_MAXIMUM:,} valeurs une fois les alias (*nom) dépliés : recopiez moins".replace(
            ",", "\u202f"
        )
    return None


def _fils(noeud: yaml.Node) -> list[yaml.Node]:
    if isinstance(noeud, yaml.SequenceNode):
        return noeud.value
    if isinstance(noeud, yaml.MappingNode):
        return [n for paire in noeud.value for n in paire]
    return []


def fichier_yaml(path: Path, rel: str) -> tuple[object, yaml.Node | None]:
    return yaml_avec_lignes(texte(path, rel), rel)


# Constructions signalées là où elles COMMENCENT (guillemet ou crochet non fermé, clé sans ses
# deux-points) : là où le lecteur a abandonné est souvent des lignes plus loin.
OUVERTURES = ("quoted scalar", "flow sequence", "flow mapping", "simple key")
PROBLEMES = {  # les mots de libyaml (et du lecteur en Python pur) → ce qu'il faut faire
    "found unexpected end of stream": "fin du fichier atteinte avant le guillemet ou le crochet fermant",
    "did not find expected ',' or ']'": "crochet « [ » non fermé, ou virgule manquante",
    "did not find expected ',' or '}'": "accolade « { » non fermée, ou virgule manquante",
    "expected ',' or ']'": "crochet « [ » non fermé, ou virgule manquante",
    "mapping values are not allowed": "deux-points mal placé : une valeur qui contient « : » s'écrit entre guillemets",
    "did not find expected key": "indentation incohérente : alignez cette ligne sur ses voisines",
    "expected <block end>": "indentation incohérente : alignez cette ligne sur ses voisines",
    "did not find expected '-' indicator": "élément de liste mal aligné",
    "found a tab character": "tabulation interdite : indentez avec des espaces",
    "found character '\\t'": "tabulation interdite : indentez avec des espaces",
    "found undefined alias": "alias inconnu (« *nom » sans « &nom » défini plus haut)",
    "could not find expected ':'": "il manque « : » après la clé",
    "found character that cannot start any token": "caractère interdit en début de valeur : mettez la valeur entre guillemets",
}


def _ligne(exc: yaml.MarkedYAMLError) -> int:
    ouverture = exc.context_mark is not None and any(o in str(exc.context) for o in OUVERTURES)
    mark = exc.context_mark if ouverture else (exc.problem_mark or exc.context_mark)
    return mark.line + 1 if mark is not None else 1


def _probleme(exc: yaml.MarkedYAMLError) -> str:
    probleme = str(exc.problem or exc.context or "").strip()
    for anglais, francais in PROBLEMES.items():
        if probleme.startswith(anglais):
            return francais
    return f"erreur de syntaxe ({probleme})"
