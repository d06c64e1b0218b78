"""« Start each new sentence on a new line » (L'information pour tous): in an easy-read page
or a translation written the same way, a line break inside a paragraph or a list item is
kept (a Markdown hard break), as the writer laid the sentences out. Elsewhere Markdown
joins the lines of a paragraph, as usual."""

from __future__ import annotations

import re

# A line that is not prose takes no break after it (heading, box title, table, attributes,
# macro, HTML) nor before it (the same, a fence, or a new list item).
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
