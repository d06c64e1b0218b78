"""Une définition de formulaire → le HTML de sa page, de son PDF vierge et de son entretien.

Un seul jeu de gabarits (theme/formulaires/) pour tous les formulaires : aucun
gabarit propre à un Cerfa. Ce module prépare la définition (statuts hérités, noms
des options et des cellules, rangées des tableaux) puis appelle les gabarits.

Les gabarits sont rendus avec StrictUndefined : une faute de frappe (`{{ c.nmo }}`) arrête la
construction à sa ligne au lieu de produire un PDF aux champs sans nom. Pour cela, chaque objet
préparé porte toutes les clés que son schéma permet (generator/schemas/formulaire.yml), None
quand le rédacteur ne l'a pas écrite.
"""

from __future__ import annotations

import copy
import datetime as dt
import re

import jinja2
from markupsafe import Markup, escape

from pyscripts.formulaires.definition import nom_accessible, option_case, rangees

from ..contenu import schema
from ..mkdocs.typographie import insecables

RECONSTRUITS = ("R", "?")
GRAS = re.compile(r"\*\*(.+?)\*\*")
LISTE = re.compile(r"^(?:- |\d+\. )")


def _inline(texte: str) -> Markup:
    return Markup(GRAS.sub(lambda m: f"<strong>{m.group(1)}</strong>", str(escape(texte))))


def mention(texte: str, marque: str = "") -> Markup:
    """Paragraphes séparés par une ligne vide ; lignes « - » ou « 1. » en liste ; **gras** ;
    un paragraphe entier entre *astérisques simples* en italique. `marque` (la marque d'un
    élément reconstitué, déjà en HTML) va à la fin du dernier paragraphe ou du dernier point,
    collée au texte : jamais seule sur sa ligne."""
    blocs = []
    for para in re.split(r"\n\s*\n", texte.strip()):
        lignes = [ligne.strip() for ligne in para.split("\n") if ligne.strip()]
        if lignes and all(LISTE.match(ligne) for ligne in lignes):
            balise = "ol" if lignes[0][0].isdigit() else "ul"
            items = "".join(f"<li>{_inline(LISTE.sub('', ligne))}</li>" for ligne in lignes)
            blocs.append(f"<{balise}>{items}</{balise}>")
            continue
        texte_para = " ".join(lignes)
        if re.fullmatch(r"\*[^*].*[^*]\*", texte_para):
            blocs.append(f"<p><em>{_inline(texte_para[1:-1])}</em></p>")
        else:
            blocs.append(f"<p>{_inline(texte_para)}</p>")
    if marque and blocs:
        fin = "</li>" if blocs[-1].endswith(("</ul>", "</ol>")) else "</p>"
        debut, _, reste = blocs[-1].rpartition(fin)
        blocs[-1] = f"{debut}{escape(marque)}{fin}{reste}"
    return Markup("".join(blocs))


def etoiles(texte: str) -> Markup:
    """Le libellé imprimé : seul le **gras** est interprété."""
    return _inline(texte or "")


def sans_etoiles(texte: str) -> str:
    """Le libellé lu dans l'entretien : sans les astérisques du lexique imprimé ni la puce ◆."""
    return re.sub(r"(?<=\w)\*|^◆\s*|\s+:$", "", (texte or "").replace("**", "").strip()).strip()


def capitale(texte: str) -> str:
    """« VOTRE IDENTITÉ ET VOTRE SITUATION » → « Votre identité et votre situation »."""
    texte = (texte or "").strip().rstrip(" :")
    return texte[:1].upper() + texte[1:].lower() if texte.isupper() else texte


def date_jj_mm_aaaa(valeur) -> str:
    if isinstance(valeur, str):
        valeur = dt.date.fromisoformat(valeur)
    return valeur.strftime("%d/%m/%Y")


def _cles(genre: str | None) -> dict:
    """Les clés que le schéma des définitions permet à un objet de ce genre (None : la définition)."""
    racine = schema.lit_schema("formulaire")
    return dict.fromkeys(racine["properties"] if genre is None else racine["$defs"][genre]["properties"])


# Les clés calculées que la préparation ne pose que sur certains champs (_garde_la_suite).
CALCULEES = {"champ": {"avec_suite": False}}


def _complete(objet: dict, *genres: str | None) -> dict:
    """`objet` avec chaque clé permise à ses genres, None si absente (StrictUndefined ne voit que des fautes)."""
    cles: dict = {}
    for genre in genres:
        cles |= _cles(genre) | CALCULEES.get(genre, {})
    return {**cles, **objet}


def _prepare_champ(champ: dict, statut: str) -> dict:
    c = dict(champ)
    c["statut"] = c.get("statut", statut)
    c["reconstruit"] = c["statut"] in RECONSTRUITS
    if c["type"] in ("mention", "signature"):
        return _complete(c, "champ")
    if c["type"] == "cases":
        options = []
        for option in c["options"]:
            o = option_case(c, option)
            o["statut"] = option.get("statut", c["statut"])
            o["reconstruit"] = o["statut"] in RECONSTRUITS
            o["champs"] = [_prepare_champ(e, o["statut"]) for e in option.get("champs", [])]
            options.append(_complete(o, "champ", "option"))  # une option est dessinée comme une case
        c["options"] = options
        # Un groupe reconstitué dont le libellé n'est pas imprimé (« Civilité ») et dont les options sont
        # confirmées : sa marque va sur le libellé de sa dernière option, ni perdue ni seule.
        c["marque_sur_la_derniere_option"] = (
            c["reconstruit"] and not c.get("imprime_libelle") and not any(o["reconstruit"] for o in options)
        )
    elif c["type"] == "tableau":
        c["lignes_nommees"] = not isinstance(c["lignes"], int)
        # Les rangées imprimées (page, PDF vierge) ; l'entretien continue sur les rangées de l'annexe.
        c["rangees"] = [
            {**r, "cellules": [_complete(cellule, "champ") for cellule in r["cellules"]]} for r in rangees(c)
        ]
        c["rangees_entretien"] = [
            {**r, "cellules": [_complete(cellule, "champ") for cellule in r["cellules"]]}
            for r in rangees(c, c.get("lignes_max"))
        ]
        if isinstance(c["colonnes"], list):
            c["colonnes"] = [_complete(col, "colonne") for col in c["colonnes"]]
        if c["lignes_nommees"]:
            c["lignes"] = [_complete(ligne, "ligne") for ligne in c["lignes"]]
    else:
        c["nom_accessible"] = nom_accessible(c)
    return _complete(c, "champ")


def prepare(definition: dict, site_nom: str) -> dict:
    """Copie de la définition enrichie pour les gabarits (ne modifie pas l'original)."""
    d = _complete(copy.deepcopy(definition), None)
    d["site_nom"] = site_nom
    d["verifie_le_texte"] = date_jj_mm_aaaa(d["verifie_le"])
    d["rubriques"] = [
        _complete(
            {
                **r,
                "reconstruit": r["statut"] in RECONSTRUITS,
                "champs": [_prepare_champ(c, r["statut"]) for c in r["champs"]],
            },
            "rubrique",
        )
        for r in d["rubriques"]
    ]

    def reconstruit(champs):
        return any(
            c["reconstruit"] or any(o["reconstruit"] or reconstruit(o["champs"]) for o in c["options"] or [])
            for c in champs
        )

    d["reconstruit"] = any(r["reconstruit"] or reconstruit(r["champs"]) for r in d["rubriques"])
    for r in d["rubriques"]:
        _garde_la_suite([c for c in r["champs"] if c.get("pdf") is not False])
    return d


def _conditions(champ: dict) -> set[str]:
    si = champ.get("si") or []
    return {si} if isinstance(si, str) else set(si)


def _garde_la_suite(champs: list[dict]) -> None:
    """Marque les champs dont dépend un champ suivant (`si` : des cases, les options d'un groupe, ou
    des champs qui dépendent des mêmes cases), en remontant : à l'impression, ils ne finissent jamais
    une page sans lui (« L'interdiction … de détenir une arme » et son « Précisez »)."""
    for i, champ in enumerate(champs):
        if not (conditions := _conditions(champ)):
            continue
        for avant in reversed(champs[:i]):
            noms = {avant.get("nom"), *(o["nom"] for o in avant.get("options") or [])}
            if not (conditions & noms or _conditions(avant) == conditions):
                break
            avant["avec_suite"] = True
    # Une case seule et ce qui la suit (son « Précisez », la phrase qui en parle) : sans « si ».
    for i, (avant, apres) in enumerate(zip(champs, champs[1:])):
        if avant["type"] == "case" and apres["type"] not in ("case", "cases"):
            avant["avec_suite"] = True
            if apres["type"] == "mention" and apres.get("style") != "titre" and i + 2 < len(champs):
                apres["avec_suite"] = True
    # Des cases à la suite, puis une réponse qui vaut pour toutes (« Dans les deux cas, préciser… ») : un
    # seul bloc (la rubrique IV du 15458 ne laisse plus son titre et une case en bas de page).
    for i, champ in enumerate(champs):
        if champ["type"] in ("texte", "multiligne") and not _conditions(champ):
            for avant in reversed(champs[:i]):
                if avant["type"] != "case":
                    break
                avant["avec_suite"] = True


# Les filtres de theme/formulaires/*.html (donnés aussi à l'environnement de MkDocs, qui compile chaque gabarit).
FILTRES = {"mention": mention, "etoiles": etoiles, "sans_etoiles": sans_etoiles, "capitale": capitale}


def environnement(dossier_theme) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(dossier_theme),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
    )
    env.filters.update(FILTRES)
    return env


def document_pdf(env: jinja2.Environment, d: dict) -> str:
    """Le document HTML que WeasyPrint transforme en PDF vierge remplissable, avec les espaces
    insécables du site (« » et : ; ? !) : le PDF n'est pas une page, la construction ne l'y passe pas."""
    # Un formulaire manuscrit (ex. attestation de témoin) : des lignes à écrire, aucun champ.
    mode = "pdf" if d.get("remplissage") != "manuscrit" else "page"
    return insecables(env.get_template("formulaires/document.html").render(d=d, mode=mode))


def page(env: jinja2.Environment, d: dict, liens: dict) -> str:
    """Le fragment inséré dans la page du formulaire : liens, puis la reproduction à lire et imprimer."""
    return env.get_template("formulaires/page.html").render(d=d, liens=liens)


def entretien(
    env: jinja2.Environment, d: dict, liens: dict, termes: dict[str, str], definitions: dict[str, str] | None = None
) -> str:
    """L'entretien guidé (étapes), inséré dans la page qui le propose ; `termes` : slug → terme du lexique,
    `definitions` : slug → définition (ouverte sur place par site.js)."""
    return env.get_template("formulaires/entretien.html").render(
        d=d, liens=liens, termes=termes, definitions=definitions or {}
    )
