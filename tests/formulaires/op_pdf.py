"""PDF vierge du Cerfa 15458 et remplissage pypdf pour les tests op (en attendant ceux du
moteur de formulaires : le PDF de site/formulaires/ et `remplir`)."""

from __future__ import annotations

import io
from pathlib import Path

RACINE = Path(__file__).resolve().parents[2]


def pdf_vierge(identifiant: str) -> bytes:
    import weasyprint

    from generator import formulaires_rendu as rendu
    from pyscripts.formulaires.definition import charge

    env = rendu.environnement(RACINE / "theme")
    html = rendu.document_pdf(env, rendu.prepare(charge(identifiant), "Justice pas à pas"))
    return weasyprint.HTML(string=html, base_url=str(RACINE / "theme") + "/").write_pdf(pdf_forms=True)


def remplit(pdf: bytes, valeurs: dict) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    textes = {k: ("/on" if v is True else "/Off" if v is False else v) for k, v in valeurs.items()}
    for page in writer.pages:
        writer.update_page_form_field_values(page, textes, auto_regenerate=False)
    sortie = io.BytesIO()
    writer.write(sortie)
    return sortie.getvalue()
