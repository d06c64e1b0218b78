"""« Commencez chaque nouvelle phrase sur une nouvelle ligne » (L'information pour tous) : dans une
page en version simple ou une traduction écrite de même, un retour à la ligne dans un paragraphe ou
un élément de liste est gardé (saut de ligne forcé de Markdown), comme le rédacteur a disposé ses
phrases. Ailleurs, Markdown joint les lignes d'un paragraphe, comme d'habitude."""

from __future__ import annotations

import re

# Une ligne qui n'est pas de la prose ne prend pas de saut après elle (titre, titre d'encadré,
# tableau, attributs, macro, HTML) ni avant elle (les mêmes, une clôture de code ou un nouvel élément de liste).
_BLOC = re.compile(r"^(#|!!!|\||\{:|\{\{|<)")
_PAS_DE_LA_PROSE = re.compile(r"^(#|!!!|\||\{:|\{\{|<|```|~~~|[-*+]\s|\d+\.\s)")


def une_phrase_par_ligne(markdown: str) -> str:
    lignes = markdown.split("\n")
    dans_du_code = False
    for i, ligne in enumerate(lignes[:-1]):
        texte, suivante = ligne.strip(), lignes[i + 1].strip()
        if texte.startswith(("```", "~~~")):
            dans_du_code = not dans_du_code
        if dans_du_code or not texte or not suivante:
            continue
        if _BLOC.match(texte) or _PAS_DE_LA_PROSE.match(suivante):
            continue
        lignes[i] = ligne.rstrip() + "  "
    return "\n".join(lignes)
