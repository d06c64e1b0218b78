"""French typography in the built HTML: the space inside « » and before : ; ? ! becomes a
no-break space, so a narrow screen never leaves « alone at the end of a line or starts
one with ». Done on the finished HTML (content, theme, lexique) and on what the PDFs print.

Only text between tags changes: attributes (a `value` the engines read, a `data-*` the
scripts use) and the contents of pre, code, textarea, script and style stay as written."""

from __future__ import annotations

import re

# A plain space before », or before : ; ? ! that end a phrase (not « a :b » nor an address).
# (?<!\s): also at the start of a text after a tag (« <em>mot</em> : »), never after a line break.
_AVANT = re.compile(r"(?<!\s) (?=»|[:;?!](?:\s|$|[.,)…]))")
_APRES = re.compile(r"« ")
_BALISE = re.compile(r"(<[^>]*>)")
_INTACTS = re.compile(r"<(pre|code|textarea|script|style)\b", re.IGNORECASE)


def _texte(morceau: str) -> str:
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
