"""Les pages d'annexe balisées comme le reste du PDF (PDF/UA) : leurs éléments de structure (annexe.py)
ajoutés à l'arbre de structure du PDF vierge, après ceux du formulaire, dans l'ordre de lecture.

    cles(lecteur)                       la première clé libre de /ParentTree (une par page d'annexe)
    ajoute(inc, lecteur, pages, structure, premiere_cle)

Une mise à jour incrémentale, comme le reste du remplissage : l'élément Document du vierge reçoit les
sections de l'annexe (/Lang fr), /ParentTree une entrée par page (MCID → élément), rien d'autre ne
change. Seulement quand il y a une annexe : un remplissage sans annexe ne lit pas l'arbre.
"""

from __future__ import annotations

import unicodedata

from .increment import copie


def _texte(texte: str):
    """Une chaîne de texte du PDF en UTF-16 (titres et textes : « — », arabe)."""
    from pypdf.generic import TextStringObject

    chaine = TextStringObject(texte)
    chaine.autodetect_utf16 = True
    return chaine


def _racine(lecteur):
    return lecteur.trailer["/Root"].get("/StructTreeRoot")


def balise(lecteur) -> bool:
    """Le PDF vierge a-t-il un arbre de structure (WeasyPrint, pdf_tags) ?"""
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


def ajoute(inc, lecteur, pages: list, structure: list[dict], premiere_cle: int) -> None:
    """Écrit `structure` (annexe.pages) : `pages`, les références des pages d'annexe, dans l'ordre."""
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject, TextStringObject

    racine_ref = lecteur.trailer["/Root"].raw_get("/StructTreeRoot")
    racine = _racine(lecteur)
    document_ref = racine.raw_get("/K")
    if isinstance(document_ref, list):
        document_ref = document_ref[0]
    document = document_ref.get_object()
    parents: list[list] = [[] for _ in pages]  # par page : l'élément de chaque MCID

    def ecrit(noeud: dict, parent_ref):
        ref = inc.ajoute(DictionaryObject())
        enfants = [ecrit(enfant, ref) for enfant in noeud["enfants"]]
        k = ArrayObject(enfants)
        for page, mcid in noeud["marques"]:
            k.append(
                DictionaryObject(
                    {
                        NameObject("/Type"): NameObject("/MCR"),
                        NameObject("/Pg"): pages[page],
                        NameObject("/MCID"): NumberObject(mcid),
                    }
                )
            )
            parents[page].append((mcid, ref))
        objet = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/StructElem"),
                NameObject("/S"): NameObject("/" + noeud["S"]),
                NameObject("/P"): parent_ref,
                NameObject("/K"): k,
            }
        )
        if noeud["marques"]:
            objet[NameObject("/Pg")] = pages[noeud["marques"][0][0]]
        if "titre" in noeud:
            objet[NameObject("/T")] = _texte(noeud["titre"])
            objet[NameObject("/Lang")] = TextStringObject("fr")
        if any(unicodedata.bidirectional(c) in ("R", "AL") for ligne in noeud["texte"] for c in ligne):
            # Dessiné dans l'ordre visuel : le texte tel qu'écrit, pour qui lit la structure (lecteur d'écran).
            objet[NameObject("/ActualText")] = _texte(" ".join(noeud["texte"]))
        inc.objets[ref.idnum] = objet
        return ref

    sections = [ecrit(section, document_ref) for section in structure]
    nouveau = copie(document)
    ancien = document.get("/K")
    kids = list(ancien) if isinstance(ancien, list) else ([document.raw_get("/K")] if ancien is not None else [])
    nouveau[NameObject("/K")] = ArrayObject(kids + sections)
    inc.remplace(document_ref, nouveau)

    arbre_ref = racine.raw_get("/ParentTree")
    arbre = copie(arbre_ref) if arbre_ref is not None else DictionaryObject()
    nums = ArrayObject(arbre.get("/Nums", []))
    feuille = ArrayObject()
    for i, marques in enumerate(parents):
        feuille.append(NumberObject(premiere_cle + i))
        feuille.append(ArrayObject(ref for _, ref in sorted(marques)))
    if "/Kids" in arbre:  # un arbre à branches : une feuille de plus, bornée
        feuille_ref = inc.ajoute(
            DictionaryObject(
                {
                    NameObject("/Nums"): feuille,
                    NameObject("/Limits"): ArrayObject(
                        [NumberObject(premiere_cle), NumberObject(premiere_cle + len(pages) - 1)]
                    ),
                }
            )
        )
        arbre[NameObject("/Kids")] = ArrayObject([*arbre["/Kids"], feuille_ref])
    else:
        arbre[NameObject("/Nums")] = ArrayObject([*nums, *feuille])
    nouvelle_racine = copie(racine)
    if arbre_ref is not None and hasattr(arbre_ref, "idnum"):
        inc.remplace(arbre_ref, arbre)
    else:
        nouvelle_racine[NameObject("/ParentTree")] = inc.ajoute(arbre)
    nouvelle_racine[NameObject("/ParentTreeNextKey")] = NumberObject(premiere_cle + len(pages))
    inc.remplace(racine_ref, nouvelle_racine)
