"""Les pages d'annexe balisées comme le reste du PDF (PDF/UA) : leurs éléments de structure (annexe.py)
ajoutés à l'arbre de structure du PDF vierge, après ceux du formulaire, dans l'ordre de lecture.

    balise(lecteur)                     le PDF vierge a-t-il un arbre de structure ?
    prepare(inc, lecteur)               à la construction : l'arbre prêt à recevoir des annexes
    cles(lecteur)                       la première clé libre de /ParentTree (une par page d'annexe)
    ajoute(inc, lecteur, pages, structure, premiere_cle)

Une mise à jour incrémentale, comme le reste du remplissage : l'élément Document du vierge reçoit les
sections de l'annexe (/Lang fr), /ParentTree une feuille (page → MCID → élément), rien d'autre ne
change. La construction a préparé l'arbre (generator/sorties/polices.py : /ParentTreeNextKey, une
racine à branches) : on n'y relit ni n'y réécrit les centaines d'entrées du formulaire. Les éléments
s'écrivent en octets, ensemble dans un flux d'objets (increment.py) : un remplissage dans Pyodide
reste rapide. Seulement quand il y a une annexe.
"""

from __future__ import annotations

import unicodedata

from .increment import copie


def _racine(lecteur):
    return lecteur.trailer["/Root"].get("/StructTreeRoot")


def balise(lecteur) -> bool:
    return _racine(lecteur) is not None


def _nums(arbre) -> list:
    """Les paires (clé, valeur) d'un arbre de nombres, feuilles comprises."""
    arbre = arbre.get_object()
    if "/Nums" in arbre:
        return list(arbre["/Nums"])
    return [x for enfant in arbre.get("/Kids", []) for x in _nums(enfant)]


def cles(lecteur) -> int:
    """La première clé libre de /ParentTree : celle de la première page d'annexe (/StructParents)."""
    racine = _racine(lecteur)
    if "/ParentTreeNextKey" in racine:
        return int(racine["/ParentTreeNextKey"])
    nums = _nums(racine["/ParentTree"]) if "/ParentTree" in racine else []
    return max((int(k) for k in nums[::2]), default=-1) + 1


def _chaine(texte: str) -> str:
    """Une chaîne de texte du PDF : en PDFDocEncoding si elle s'y écrit (« — » compris), sinon en UTF-16."""
    from pypdf.generic import TextStringObject

    return "<" + TextStringObject(texte).get_encoded_bytes().hex().upper() + ">"


def ajoute(inc, lecteur, pages: list, structure: list[dict], premiere_cle: int) -> None:
    """Écrit `structure` (annexe.pages) ; `pages` : les références des pages d'annexe, dans l'ordre."""
    from pypdf.generic import ArrayObject, NameObject, NumberObject

    racine_ref = lecteur.trailer["/Root"].raw_get("/StructTreeRoot")
    racine = _racine(lecteur)
    document_ref = racine.raw_get("/K")
    if isinstance(document_ref, list):
        document_ref = document_ref[0]
    parents: list[list] = [[] for _ in pages]  # par page : (MCID, numéro de l'élément)

    def ecrit(noeud: dict, parent: int) -> int:
        numero = inc.reserve().idnum
        k = [f"{ecrit(enfant, numero)} 0 R" for enfant in noeud["enfants"]]
        for page, mcid in noeud["marques"]:
            k.append(f"<</Type/MCR/Pg {pages[page].idnum} 0 R/MCID {mcid}>>")
            parents[page].append((mcid, numero))
        objet = f"<</Type/StructElem/S/{noeud['S']}/P {parent} 0 R/K[{' '.join(k)}]"
        if noeud["marques"]:
            objet += f"/Pg {pages[noeud['marques'][0][0]].idnum} 0 R"
        if "titre" in noeud:
            objet += f"/T{_chaine(noeud['titre'])}/Lang(fr)"
        if any(unicodedata.bidirectional(c) in ("R", "AL") for c in "".join(noeud["texte"])):
            # Dessiné dans l'ordre visuel : le texte tel qu'écrit, pour qui lit la structure (lecteur d'écran).
            objet += f"/ActualText{_chaine(' '.join(noeud['texte']))}"
        inc.comprimes[numero] = (objet + ">>").encode("latin-1")
        return numero

    sections = [ecrit(section, document_ref.idnum) for section in structure]
    document = copie(document_ref)
    ancien = document.get("/K")
    kids = list(ancien) if isinstance(ancien, list) else ([document.raw_get("/K")] if ancien is not None else [])
    document[NameObject("/K")] = ArrayObject([*kids, *(inc._indirect(n, 0, lecteur) for n in sections)])
    inc.remplace(document_ref, document)

    # La feuille de /ParentTree des pages d'annexe : pour chaque page, l'élément de chacun de ses MCID.
    derniere = premiere_cle + len(pages) - 1
    nums = " ".join(
        f"{premiere_cle + i} [{' '.join(f'{n} 0 R' for _, n in sorted(marques))}]" for i, marques in enumerate(parents)
    )
    feuille = inc.reserve()
    inc.comprimes[feuille.idnum] = f"<</Limits[{premiere_cle} {derniere}]/Nums[{nums}]>>".encode("latin-1")
    arbre = _branches(inc, racine, premiere_cle)
    arbre[NameObject("/Kids")] = ArrayObject([*arbre["/Kids"], feuille])
    nouvelle = copie(racine)
    nouvelle[NameObject("/ParentTree")] = inc.ajoute(arbre)
    nouvelle[NameObject("/ParentTreeNextKey")] = NumberObject(derniere + 1)
    inc.remplace(racine_ref, nouvelle)


def prepare(inc, lecteur) -> None:
    """À la construction du PDF vierge : /ParentTree en racine à branches (une feuille de plus s'y ajoute
    sans relire les autres) et /ParentTreeNextKey (la clé de la première page d'annexe)."""
    from pypdf.generic import NameObject, NumberObject

    racine = _racine(lecteur)
    cle = cles(lecteur)
    nouvelle = copie(racine)
    nouvelle[NameObject("/ParentTree")] = inc.ajoute(_branches(inc, racine, cle))
    nouvelle[NameObject("/ParentTreeNextKey")] = NumberObject(cle)
    inc.remplace(lecteur.trailer["/Root"].raw_get("/StructTreeRoot"), nouvelle)


def _branches(inc, racine, cle: int):
    """La racine de /ParentTree, à branches : un arbre à une seule feuille devient sa première branche, bornée."""
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject

    arbre = copie(racine.raw_get("/ParentTree"))
    if "/Kids" in arbre:
        return arbre
    arbre[NameObject("/Limits")] = ArrayObject([NumberObject(0), NumberObject(cle - 1)])
    return DictionaryObject({NameObject("/Kids"): ArrayObject([inc.ajoute_comprime(arbre)])})
