"""Export iCalendar : neutre par défaut, UID par dossier, corrections qui remplacent,
DTSTAMP = heure de création, aucune injection de ligne, jamais de calendrier vide.

Chaque fichier produit est relu par le paquet `icalendar` (dépendance de test seulement).
"""

from __future__ import annotations

import re

import pytest
from icalendar import Calendar

from pyscripts.delais import calcule, calcule_delai, en_ics, scenario
from pyscripts.erreurs import EntreeInvalide

HEURE = "2025-06-12T10:00:00Z"
# Mots qui trahiraient la procédure, le tribunal, le site ou la violence dans un agenda partagé.
REVELATEURS = re.compile(
    r"ordonnance|protection|violen|tribunal|juge|cour|\bappel|justice|avocat|greffe|"
    r"audience|plainte|aide juridictionnelle|délai|JAF|conjoint",
    re.IGNORECASE,
)


def _ics(resultat: dict, **options) -> str:
    return en_ics({"resultat": resultat, "horodatage": HEURE, **options})


def _lu(ics: str) -> Calendar:
    """Le fichier relu par `icalendar` : il doit être valide et complet."""
    calendrier = Calendar.from_ical(ics)
    assert calendrier.errors == []
    for evenement in calendrier.walk("VEVENT"):
        assert evenement.errors == []
        for propriete in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "SEQUENCE"):
            assert propriete in evenement, propriete
    return calendrier


def _evenements(ics: str) -> list:
    return list(_lu(ics).walk("VEVENT"))


def _op(**entree) -> dict:
    return scenario(
        {
            "scenario": "ordonnance_protection",
            "ordonnance_fixant_audience": "2025-06-02",
            "notification_op": "2025-06-06",
            **entree,
        }
    )


def _aj() -> dict:
    return scenario(
        {
            "scenario": "aide_juridictionnelle_recours",
            "delai": "appel_civil",
            "depart": "2025-03-03",
            "demande_aj": "2025-03-20",
            "decision_baj": "2025-05-06",
            "sens_decision": "rejet",
        }
    )


def _delai(**entree) -> dict:
    return calcule_delai({"depart": "2025-06-12", "delai": "appel_refere", **entree})


# ── Neutre par défaut ────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "resultat", [_delai, _op, _aj], ids=["délai", "ordonnance de protection", "aide juridictionnelle"]
)
def test_par_defaut_le_fichier_ne_dit_ni_la_procedure_ni_le_tribunal_ni_le_site(resultat):
    ics = _ics(resultat())
    calendrier = _lu(ics)
    assert str(calendrier["X-WR-CALNAME"]) == "Rendez-vous"
    for evenement in calendrier.walk("VEVENT"):
        assert str(evenement["SUMMARY"]) in {"Date limite", "Rendez-vous", "Rappel"}
    # Rien dans le fichier entier (titres, descriptions, rappels, PRODID, UID).
    assert not REVELATEURS.search(ics.replace("\r\n ", "")), REVELATEURS.search(ics.replace("\r\n ", ""))


def test_les_titres_complets_sont_un_choix_explicite():
    calendrier = _lu(_ics(_op(), titres_complets=True))
    assert str(calendrier["X-WR-CALNAME"]) == "Ordonnance de protection : les dates clés"
    titres = [str(e["SUMMARY"]) for e in calendrier.walk("VEVENT")]
    assert "Objectif du juge : Jour 6 : le juge doit avoir rendu l'ordonnance de protection" in titres
    description = next(str(e["DESCRIPTION"]) for e in calendrier.walk("VEVENT") if str(e["SUMMARY"]).startswith("Fin"))
    assert "Peut-être le samedi 6 juin 2026" in description


def test_un_delai_donne_un_evenement_journee_entiere_avec_un_rappel_deux_jours_avant():
    (evenement,) = _evenements(_ics(_delai()))
    assert evenement["DTSTART"].dt.isoformat() == "2025-06-27" and evenement["DTEND"].dt.isoformat() == "2025-06-28"
    (alarme,) = evenement.walk("VALARM")
    assert alarme["TRIGGER"].dt.days == -2 and str(alarme["DESCRIPTION"]) == "Dans 2 jours : Date limite"


def test_un_scenario_donne_un_evenement_par_etape_datee():
    resultat = _op()
    datees = [e for e in resultat["etapes"] if e["date_sure"]]
    assert len(_evenements(_ics(resultat))) == len(datees) == 6


def test_un_delai_de_nature_inconnue_va_dans_l_agenda_a_sa_date_sure():
    """L'agenda ne compte pas sur une augmentation pour distance qui n'est pas sûre."""
    resultat = calcule_delai({"depart": "2025-03-03", "duree": {"jours": 15}, "residence_partie": "etranger"})
    (evenement,) = _evenements(_ics(resultat, titres_complets=True))
    assert evenement["DTSTART"].dt.isoformat() == resultat["date_sure"] == "2025-03-18"
    assert "Si ce délai est un délai de comparution, d'appel" in str(evenement["DESCRIPTION"])


# ── Identité des événements : UID, corrections (SEQUENCE, DTSTAMP) ──────────


def _uids(ics: str) -> list[str]:
    return [str(e["UID"]) for e in _evenements(ics)]


def test_deux_dossiers_differents_meme_date_limite_donnent_deux_uid():
    # Deux personnes, la même date limite (27 juin 2025) par deux calculs différents.
    refere = _delai()
    libre = calcule_delai({"depart": "2025-06-12", "duree": {"jours": 15}})
    assert refere["date_sure"] == libre["date_sure"] == "2025-06-27"
    assert set(_uids(_ics(refere))).isdisjoint(_uids(_ics(libre)))
    # Deux personnes, exactement le même calcul : la page donne à chacune son dossier.
    assert set(_uids(_ics(refere, dossier="dossier-de-A-0001"))).isdisjoint(
        _uids(_ics(refere, dossier="dossier-de-B-0002"))
    )


def test_une_correction_dans_le_meme_dossier_remplace_les_evenements():
    """Même dossier, date de notification corrigée : mêmes UID, SEQUENCE plus grand, DTSTAMP plus récent."""
    avant = _evenements(
        en_ics(
            {
                "resultat": _op(notification_op="2025-06-06"),
                "dossier": "dossier-0001",
                "sequence": 0,
                "horodatage": "2025-06-12T10:00:00Z",
            }
        )
    )
    apres = _evenements(
        en_ics(
            {
                "resultat": _op(notification_op="2025-06-09"),
                "dossier": "dossier-0001",
                "sequence": 1,
                "horodatage": "2025-06-12T10:05:00Z",
            }
        )
    )
    assert sorted(str(e["UID"]) for e in avant) == sorted(str(e["UID"]) for e in apres)
    assert {int(e["SEQUENCE"]) for e in avant} == {0} and {int(e["SEQUENCE"]) for e in apres} == {1}
    assert min(b["DTSTAMP"].dt for b in apres) > max(a["DTSTAMP"].dt for a in avant)
    appel = [e for e in apres if e["DTSTART"].dt.isoformat() == "2025-06-24"]
    assert appel, "la date d'appel corrigée (9 juin + 15 jours) remplace l'ancienne"


def test_une_etape_disparue_de_la_correction_est_annulee_a_son_ancienne_date():
    """La date de notification effacée : l'appel et la fin des mesures n'ont plus de date. Sans
    `precedent`, ils resteraient dans l'agenda à leurs anciennes dates ; avec, ils reviennent sous
    le même UID, annulés, neutres, à l'ancienne date."""
    avant = _op(notification_op="2025-06-06")
    premier = {
        str(e["UID"]): e
        for e in _evenements(
            en_ics({"resultat": avant, "dossier": "dossier-0001", "horodatage": "2025-06-12T10:00:00Z"})
        )
    }
    corrige = _evenements(
        en_ics(
            {
                "resultat": _op(notification_op=None),
                "dossier": "dossier-0001",
                "sequence": 1,
                "horodatage": "2025-06-12T10:05:00Z",
                "precedent": avant,
            }
        )
    )
    annules = [e for e in corrige if str(e.get("STATUS")) == "CANCELLED"]
    assert {e["DTSTART"].dt.isoformat() for e in annules} == {"2025-06-06", "2025-06-23", "2025-12-06"}
    for e in annules:
        assert str(e["UID"]) in premier and premier[str(e["UID"])]["DTSTART"].dt == e["DTSTART"].dt
        assert int(e["SEQUENCE"]) == 1 and str(e["SUMMARY"]) == "Annulé"
        assert not REVELATEURS.search(str(e["DESCRIPTION"]))
    gardes = [e for e in corrige if "STATUS" not in e]
    assert len(gardes) + len(annules) == len(premier) and all(str(e["UID"]) in premier for e in gardes)


def test_sans_etape_disparue_rien_n_est_annule():
    avant = _op(notification_op="2025-06-06")
    corrige = en_ics(
        {"resultat": _op(notification_op="2025-06-09"), "dossier": "dossier-0001", "sequence": 1, "precedent": avant}
    )
    assert "CANCELLED" not in corrige


@pytest.mark.parametrize(
    "entree, extrait",
    [
        ({"precedent": {"etapes": "x"}, "dossier": "dossier-0001"}, "incomplet ou abîmé"),
        ({"precedent": {}}, "donnez aussi « dossier »"),
    ],
)
def test_un_precedent_inutilisable_est_refuse_en_francais(entree, extrait):
    with pytest.raises(EntreeInvalide) as refus:
        en_ics({"resultat": _delai(), **entree})
    assert refus.value.champ == "precedent" and extrait in refus.value.message


def test_les_uid_d_un_fichier_sont_uniques_et_ne_contiennent_aucune_donnee_en_clair():
    resultat = scenario(
        {
            "scenario": "aide_juridictionnelle_recours",
            "duree": {"jours": 15},
            "depart": "2025-03-03",
            "demande_aj": "2025-03-10",
            "decision_baj": "2025-04-01",
            "sens_decision": "admission_partielle",
            "designations_avocat": ["2025-04-20", "2025-05-02"],
        }
    )
    uids = _uids(_ics(resultat))
    assert len(uids) == len(set(uids)) >= 7
    assert all(re.fullmatch(r"[0-9a-f]{40}", uid) for uid in uids)


def test_dtstamp_est_l_heure_de_creation_donnee():
    (evenement,) = _evenements(en_ics({"resultat": _delai(), "horodatage": "2031-01-02T03:04:05.678Z"}))
    assert evenement["DTSTAMP"].dt.isoformat() == "2031-01-02T03:04:05+00:00"


def test_le_texte_est_deterministe_a_horodatage_egal():
    assert _ics(_op()) == _ics(_op())


@pytest.mark.parametrize(
    "options, champ",
    [
        ({"horodatage": "12/06/2025 10:00"}, "horodatage"),
        ({"horodatage": "2025-02-30T10:00:00Z"}, "horodatage"),
        ({"dossier": "a b\r\nX"}, "dossier"),
        ({"sequence": -1}, "sequence"),
        ({"titres_complets": "oui"}, "titres_complets"),
        ({"couleur": "rouge"}, "entree"),
    ],
)
def test_une_option_mal_ecrite_est_refusee_en_francais(options, champ):
    with pytest.raises(EntreeInvalide) as erreur:
        _ics(_delai(), **options)
    assert erreur.value.champ == champ


# ── Robustesse : injection, résultat abîmé, calendrier vide ──────────────────


def test_les_lignes_font_au_plus_75_octets_et_finissent_par_crlf():
    ics = _ics(_op(), titres_complets=True)
    assert ics.endswith("\r\n") and "\n" not in ics.replace("\r\n", "") and "\r" not in ics.replace("\r\n", "")
    assert max(len(ligne.encode("utf-8")) for ligne in ics.split("\r\n")) <= 75


def test_un_retour_chariot_ou_un_saut_de_ligne_ne_glisse_aucune_ligne_dans_le_fichier():
    resultat = _op()
    for etape in resultat["etapes"]:
        etape["titre"] = "Titre\rBEGIN:VEVENT\r\nUID:pirate\nSUMMARY:pirate\u2028X"
        etape["texte"] = "Texte\r\nEND:VCALENDAR\x00\x1b[31m"
    ics = _ics(resultat, titres_complets=True)
    evenements = _evenements(ics)
    assert len(evenements) == 6 and not any(str(e["UID"]) == "pirate" for e in evenements)
    lignes = ics.split("\r\n")
    assert lignes.count("BEGIN:VEVENT") == 6 and lignes.count("END:VCALENDAR") == 1
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", ics.replace("\r\n", ""))


def test_les_caracteres_speciaux_sont_echappes():
    description = next(
        str(e["DESCRIPTION"])
        for e in _evenements(_ics(_op(), titres_complets=True))
        if str(e["DESCRIPTION"]).startswith("Au plus tard")
    )
    assert ", jusqu'à minuit" in description  # relu tel qu'écrit : la virgule était échappée


@pytest.mark.parametrize(
    "abime",
    [
        pytest.param(
            lambda r: r["etapes"].__setitem__(slice(None), [dict(e, date_sure=None) for e in r["etapes"]]),
            id="aucune date : pas de calendrier vide",
        ),
        pytest.param(lambda r: r["etapes"][1].update(date_sure="2025-13-45"), id="date impossible"),
        pytest.param(lambda r: r["etapes"][1].update(nature="pirate"), id="nature inconnue"),
        pytest.param(lambda r: r["etapes"][2].update(id=r["etapes"][1]["id"]), id="deux étapes de même identifiant"),
        pytest.param(lambda r: r["etapes"][1].update(titre=["liste"]), id="titre qui n'est pas un texte"),
        pytest.param(lambda r: r.clear(), id="résultat vide"),
    ],
)
def test_un_resultat_abime_est_refuse_en_francais(abime):
    resultat = _op()
    abime(resultat)
    with pytest.raises(EntreeInvalide) as erreur:
        _ics(resultat)
    assert erreur.value.champ == "resultat"
    assert erreur.value.message.startswith("Le résultat du calcul à ajouter à l'agenda (resultat) : ")


@pytest.mark.parametrize("entree", [{}, [], "texte", {"resultat": None}])
def test_une_entree_sans_resultat_est_refusee(entree):
    with pytest.raises(EntreeInvalide) as erreur:
        en_ics(entree)
    assert erreur.value.champ == "resultat"


# ── Dans le calcul lui-même (`"ics": true`) ─────────────────────────────────


def test_ics_demande_dans_l_entree_avec_ses_options():
    resultat = calcule(
        {"depart": "2025-06-12", "duree": {"jours": 2}, "ics": True, "titres_complets": True, "horodatage": HEURE}
    )
    assert list(resultat)[-1] == "ics"
    (evenement,) = _evenements(resultat["ics"])
    assert str(evenement["SUMMARY"]) == "Dernier jour : Délai de 2 jours"
    neutre = calcule({"depart": "2025-06-12", "duree": {"jours": 2}, "ics": True, "horodatage": HEURE})
    assert str(_evenements(neutre["ics"])[0]["SUMMARY"]) == "Date limite"


def test_une_etape_sans_date_n_est_pas_exportee():
    resultat = scenario({"scenario": "ordonnance_protection", "ordonnance_fixant_audience": "2025-06-02"})
    assert len(_evenements(_ics(resultat))) == 3
