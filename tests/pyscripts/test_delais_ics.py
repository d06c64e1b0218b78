"""Export iCalendar : événements journée entière, titres en français, texte identique d'un appel à l'autre."""

from __future__ import annotations

import pytest

from pyscripts.delais import calcule, calcule_delai, en_ics, scenario


def _deplie(ics: str) -> list[str]:
    """Lignes logiques (RFC 5545 : une ligne qui commence par une espace continue la précédente)."""
    lignes: list[str] = []
    for ligne in ics.split("\r\n"):
        if ligne.startswith(" "):
            lignes[-1] += ligne[1:]
        else:
            lignes.append(ligne)
    return [ligne for ligne in lignes if ligne]


def _op() -> dict:
    return scenario({"scenario": "ordonnance_protection", "ordonnance_fixant_audience": "2025-06-02",
                     "notification_op": "2025-06-06"})


def test_un_delai_donne_un_evenement_journee_entiere_le_dernier_jour():
    ics = en_ics(calcule_delai({"depart": "2025-06-12", "delai": "appel_refere"}))
    lignes = _deplie(ics)
    assert lignes[0] == "BEGIN:VCALENDAR" and lignes[-1] == "END:VCALENDAR"
    assert "DTSTART;VALUE=DATE:20250627" in lignes and "DTEND;VALUE=DATE:20250628" in lignes
    assert "SUMMARY:Dernier jour : Faire appel d'une ordonnance de référé" in lignes
    assert "TRIGGER:-P2D" in lignes


def test_les_lignes_font_au_plus_75_octets_et_finissent_par_crlf():
    ics = en_ics(_op())
    assert ics.endswith("\r\n") and "\n" not in ics.replace("\r\n", "")
    assert max(len(ligne.encode("utf-8")) for ligne in ics.split("\r\n")) <= 75
    assert any(ligne.startswith(" ") for ligne in ics.split("\r\n"))  # des lignes ont bien été pliées


def test_un_scenario_donne_un_evenement_par_etape_datee():
    resultat = _op()
    lignes = _deplie(en_ics(resultat))
    datees = [e for e in resultat["etapes"] if e["date_sure"]]
    assert lignes.count("BEGIN:VEVENT") == len(datees) == 6
    assert "SUMMARY:Objectif du juge : Jour 6 : le juge doit avoir rendu l'ordonnance de protection" in lignes
    assert "DTSTART;VALUE=DATE:20250623" in lignes
    description_fin = next(ligne for ligne in lignes if ligne.startswith("DESCRIPTION:Lisez la durée"))
    assert "Peut-être le samedi 6 juin 2026" in description_fin


def test_les_caracteres_speciaux_sont_echappes():
    description = next(ligne for ligne in _deplie(en_ics(_op())) if ligne.startswith("DESCRIPTION:Au plus tard"))
    assert "\\," in description and "\\;" in description and "\\n" in description


def test_le_texte_est_deterministe_et_sans_donnee_non_saisie():
    assert en_ics(_op()) == en_ics(_op())
    ics = en_ics(_op())
    assert "DTSTAMP:20250602T000000Z" in ics
    assert "residence" not in ics and "@justice-pas-a-pas" in ics


def test_une_etape_sans_date_n_est_pas_exportee():
    resultat = scenario({"scenario": "ordonnance_protection", "ordonnance_fixant_audience": "2025-06-02"})
    assert _deplie(en_ics(resultat)).count("BEGIN:VEVENT") == 3


def test_ics_demande_dans_l_entree():
    resultat = calcule({"depart": "2025-06-12", "duree": {"jours": 2}, "ics": True})
    assert list(resultat)[-1] == "ics"
    assert "SUMMARY:Dernier jour : Délai de 2 jours" in _deplie(resultat["ics"])


def test_un_resultat_incomplet_donne_une_erreur_en_francais_et_non_une_panne():
    from pyscripts.erreurs import EntreeInvalide

    with pytest.raises(EntreeInvalide) as info:
        en_ics({})
    assert info.value.champ == "resultat"
