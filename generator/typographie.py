"""French typography in the built HTML: the space inside « » and before : ; ? ! becomes a
no-break space, so a narrow screen never leaves « alone at the end of a line or starts
one with ». Done on the finished HTML (content, theme, lexique) and on what the PDFs print."""

from __future__ import annotations

import re

# A plain space before », or before : ; ? ! that end a phrase (not « a :b » nor an address).
_AVANT = re.compile(r"(?<=\S) (?=»|[:;?!](?:\s|<|$|[.,)…]))")
_APRES = re.compile(r"« ")


def insecables(html: str) -> str:
    return _AVANT.sub("&#160;", _APRES.sub("«&#160;", html))
