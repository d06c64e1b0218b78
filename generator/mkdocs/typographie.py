"""La typographie française dans le HTML construit : l'espace à l'intérieur de « » et avant : ; ? !
devient insécable, pour qu'un écran étroit ne laisse jamais « seul en bout de ligne ni n'ouvre une
ligne par » ; de même dans une date écrite en lettres (« 15 mars 2025 », « mars 2025 »), jamais
coupée. Fait sur le HTML fini (contenu, thème, lexique) et sur ce qu'impriment les PDF.

Seul le texte entre les balises change : les attributs (une `value` que lisent les moteurs, un
`data-*` des scripts) et le contenu de pre, code, textarea, script et style restent tels quels."""

from __future__ import annotations

import re

# Une espace simple avant », ou avant : ; ? ! qui finissent une phrase (pas « a :b » ni une adresse).
# (?<!\s) : aussi au début d'un texte après une balise (« <em>mot</em> : »), jamais après un saut de ligne.
_AVANT = re.compile(r"(?<!\s) (?=»|[:;?!](?:\s|$|[.,)…]))")
_APRES = re.compile(r"« ")
_MOIS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
_DATE = re.compile(rf"\b(\d{{1,2}}|1er) ({_MOIS})\b(?: (\d{{4}})\b)?")
_MOIS_ANNEE = re.compile(rf"\b({_MOIS}) (\d{{4}})\b")
_BALISE = re.compile(r"(<[^>]*>)")
_INTACTS = re.compile(r"<(pre|code|textarea|script|style)\b", re.IGNORECASE)


def _date(m: re.Match) -> str:
    return "&#160;".join(filter(None, m.groups()))


def _texte(morceau: str) -> str:
    morceau = _MOIS_ANNEE.sub(r"\1&#160;\2", _DATE.sub(_date, morceau))
    return _AVANT.sub("&#160;", _APRES.sub("«&#160;", morceau))


def insecables(html: str) -> str:
    sortie, intact = [], None
    for morceau in _BALISE.split(html):
        if morceau.startswith("<"):
            if intact is None and (ouvre := _INTACTS.match(morceau)):
                intact = ouvre.group(1).lower()
            elif intact is not None and re.match(rf"</{intact}\s*>", morceau, re.IGNORECASE):
                intact = None
            sortie.append(morceau)
        else:
            sortie.append(morceau if intact else _texte(morceau))
    return "".join(sortie)
