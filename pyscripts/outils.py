"""Le contexte des pages d'outils : ce que les gabarits theme/outils/*.html lisent dans
`config.extra.donnees_outils` (le greffon du générateur l'y met à la construction).

    {"aj": pyscripts.aj.formulaire(), "delais": pyscripts.delais.formulaire(),
     "op": pyscripts.op.requete.pour_la_page()}
"""

from __future__ import annotations


def contexte() -> dict:
    from .aj.formulaire import formulaire as formulaire_aj
    from .delais.formulaire import formulaire as formulaire_delais
    from .op.requete import pour_la_page as page_op

    return {"aj": formulaire_aj(), "delais": formulaire_delais(), "op": page_op()}
