"""What the person does with a filled form (theme/assets/js/outil-pdf.mjs, the same on the
simulator's interview and on « Préparer une requête »), driven by labels in Chromium: each action
only after securite's warning (assets/js/avant-export.mjs), « Annuler » giving nothing."""

from __future__ import annotations

from playwright.sync_api import expect

REPONSE = 30_000  # ms: the worker may be busy on a loaded machine


def avertissement(page, titre: str):
    """The warning dialog, by its title."""
    boite = page.get_by_role("dialog", name=titre)
    expect(boite).to_be_visible()
    return boite


def annule_puis_continue(page, bouton, titre: str, attente, lis=lambda boite: None):
    """Click `bouton`: the warning `titre` comes first (`lis(boite)` checks its text); « Annuler »
    closes it (focus back on the button), then a second click and « Continuer » inside `attente()`
    (expect_download…)."""
    bouton.click()
    boite = avertissement(page, titre)
    lis(boite)
    boite.get_by_role("button", name="Annuler").click()
    expect(boite).to_have_count(0)
    expect(bouton).to_be_focused()
    bouton.click()
    with attente() as evenement:
        avertissement(page, titre).get_by_role("button", name="Continuer").click()
    return evenement.value


def enregistre(page, libelle: str, nom: str) -> bytes:
    """« Enregistrer … » → the file `nom`, exactly one (the cancelled click gave none); its bytes."""
    telechargements = []
    page.on("download", lambda d: telechargements.append(d))
    expect(page.get_by_text("Un fichier enregistré reste sur cet appareil")).to_be_visible()
    fichier = annule_puis_continue(
        page,
        page.get_by_role("button", name=libelle),
        "Avant de télécharger ce document",
        lambda: page.expect_download(timeout=REPONSE),
        lambda boite: expect(boite).to_contain_text("Téléchargements"),
    )
    assert fichier.suggested_filename == nom
    assert len(telechargements) == 1
    return open(fichier.path(), "rb").read()


def ouvre(page, libelle: str) -> None:
    """« Ouvrir … » → a new tab with the blob, only after the warning that it stays open and that
    « Quitter rapidement » does not close it (said on the page too); « Annuler » opens nothing."""
    onglets = len(page.context.pages)
    expect(page.get_by_text("« Quitter rapidement » ne ferme pas cet onglet")).to_be_visible()

    def lis(boite):
        expect(boite).to_contain_text("nouvel onglet, qui reste ouvert")
        expect(boite).to_contain_text("« Quitter rapidement » ne ferme pas cet onglet")

    onglet = annule_puis_continue(
        page, page.get_by_role("button", name=libelle), "Avant d'ouvrir ce document", page.context.expect_page, lis
    )
    assert len(page.context.pages) == onglets + 1  # the cancelled click opened nothing
    assert onglet.url.startswith("blob:")
    onglet.close()
    assert len(page.context.pages) == onglets
