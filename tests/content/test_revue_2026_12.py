"""Revue juridique de décembre 2026 (shared/rules/revue_juridique_2026-12.md), constats S1 et S2.

Chaque test lit la page que voit un lecteur et échoue sur la formulation que la revue a jugée
fausse : l'ancienne phrase doit avoir disparu, et l'action sûre être là où la personne la cherche."""

from __future__ import annotations

import re

import pytest
import yaml

from tests.fixtures.chemins import REPO

CONTENT = REPO / "content"


def _page(chemin: str) -> str:
    return (CONTENT / chemin).read_text(encoding="utf-8")


def _section(chemin: str, ancre: str) -> str:
    """Le texte de la section dont le titre porte `{#ancre}`, jusqu'au titre suivant de même niveau ou plus haut."""
    texte = _page(chemin)
    debut = texte.index("{#" + ancre + "}")
    niveau = texte.rfind("\n", 0, debut)
    dieses = len(texte[niveau + 1 :].split(" ", 1)[0])
    fin = re.search(r"\n#{1," + str(dieses) + "} ", texte[debut:])
    return texte[debut : debut + fin.start()] if fin else texte[debut:]


def _plat(texte: str) -> str:
    """Sans emphase Markdown ni retours à la ligne, pour qu'un test lise les mots, pas la mise en page."""
    return re.sub(r"\s+", " ", texte.replace("**", ""))


def _bloc(chemin: str, contenu: str) -> str:
    """Le paragraphe (ou la liste, ou l'encadré) de la page, après son en-tête, qui contient `contenu`."""
    corps = _page(chemin).split("\n---\n", 1)[-1]
    return _plat(next(b for b in corps.split("\n\n") if contenu in b))


def _lexique(terme: str) -> dict:
    return next(t for t in yaml.safe_load(_page("lexique.yml")) if t["terme"] == terme)


# ── G1 (S1) : le téléphone grave danger sans interdiction préalable ──────────────────────────

ANCIENNE_CONDITION_TGD = "Il faut que l'autre personne ait une **interdiction de vous contacter** décidée par un juge"
TGD = "aide-aux-victimes.md#telephone-grave-danger"


def test_g1_aucune_page_ne_dit_plus_qu_une_interdiction_du_juge_est_exigee():
    for page in CONTENT.rglob("*.md"):
        assert ANCIENNE_CONDITION_TGD not in page.read_text(encoding="utf-8"), page


def test_g1_la_page_des_victimes_dit_qu_on_peut_le_demander_avant_toute_interdiction_et_comment():
    section = _plat(_section("aide-aux-victimes.md", "telephone-grave-danger"))
    assert "en cas de danger grave et imminent, le procureur peut vous le confier avant cette interdiction" in section
    assert "N'attendez pas une décision du juge" in section
    assert "en fuite" in section and "victime de viol" in section
    # comment le demander : par tout moyen, aux personnes qu'elle rencontre en premier
    for qui in ("police", "gendarmerie", "avocat", "bureau d'aide aux victimes", "116 006"):
        assert qui in section, qui


@pytest.mark.parametrize(
    "page",
    ["porter-plainte/index.md", "ordonnance-protection/index.md", "ordonnance-protection/apres-ordonnance.md"],
)
def test_g1_les_pages_lues_avant_et_sans_ordonnance_menent_au_telephone_sans_attendre_le_juge(page):
    bloc = _bloc(page, "../" + TGD)
    assert "téléphone grave danger" in bloc
    assert re.search(r"sans attendre|avant toute interdiction", bloc, re.IGNORECASE), bloc


def test_g1_le_lexique_dit_qu_un_juge_n_est_pas_toujours_necessaire():
    terme = _lexique("Téléphone grave danger")
    assert "avant toute décision d'un juge" in terme["definition"]
    assert "par tout moyen" in terme["definition"]
    assert terme["voir"][0] == "aide-aux-victimes.md"


# ── G2 (S2) : la liste électorale ────────────────────────────────────────────────────────────


def test_g2_l_adresse_n_est_masquee_sur_la_liste_electorale_que_si_le_juge_l_a_autorise_et_le_nom_y_reste():
    section = _plat(_section("ordonnance-protection/apres-ordonnance.md", "adresse"))
    assert "si vous avez une ordonnance de protection, vous pouvez accepter que le procureur" not in section
    assert "si le juge vous a autorisée à cacher votre adresse dans l'ordonnance" in section
    assert "votre nom reste sur la liste de votre commune" in section
    assert "Demandez à la mairie de vous confirmer" in section
    assert "votre nom y reste" in _bloc("ordonnance-protection/mesures.md", "liste électorale")
    assert "votre nom, lui, y reste" in _bloc("ordonnance-protection/index.md", "liste électorale")


# ── G3 (S2) : la contribution de 50 € ────────────────────────────────────────────────────────


def test_g3_la_contribution_de_50_euros_est_expliquee_avec_l_action_sure():
    section = _plat(_section("aide-juridictionnelle/index.md", "contribution-50"))
    assert "50 €" in section and "1635 bis Q" in section
    assert "Avec l'aide juridictionnelle, vous n'avez rien à payer." in section
    assert "un mois" in section and "irrecevable" in section


def test_g3_l_ordonnance_de_protection_ne_se_dit_plus_gratuite_sans_condition():
    texte = _plat(_page("ordonnance-protection/index.md"))
    assert "Déposer la requête est gratuit." not in texte and "La demande est gratuite" not in texte
    bloc = _bloc("ordonnance-protection/index.md", "contribution de 50 €")
    assert "demandez l'aide juridictionnelle dans la requête" in bloc
    assert "demandez-lui si elle est due" in bloc and "un mois" in bloc


@pytest.mark.parametrize(
    "page", ["ordonnance-protection/calendrier.md", "justice-en-ligne.md", "ordonnance-protection/index.md"]
)
def test_g3_les_demandes_au_juge_civil_renvoient_a_la_contribution(page):
    assert "aide-juridictionnelle/index.md#contribution-50" in _page(page)


# ── G4 (S2) : l'appel de l'autre personne ────────────────────────────────────────────────────


def test_g4_la_victime_intimee_sait_qu_il_faut_un_avocat_et_repondre_vite():
    section = _plat(_section("ordonnance-protection/apres-ordonnance.md", "appel"))
    assert "Si vous recevez un acte ou un courrier de la cour d'appel, n'attendez pas" in section
    assert "vous aussi" in section and "délais courts" in section
    assert "demandez l'aide juridictionnelle pour l'appel" in section
    calendrier = _plat(_section("ordonnance-protection/calendrier.md", "appel"))
    assert "C'est l'autre personne qui fait appel ?" in calendrier and "avec un avocat" in calendrier


# ── G5 (S2) : pas de prolongation sans mariage ni enfant commun ─────────────────────────────


def test_g5_la_prolongation_est_impossible_pour_un_couple_non_marie_sans_enfant_commun():
    duree = _plat(_section("ordonnance-protection/calendrier.md", "duree"))
    assert "(divorce, séparation, enfants)" not in duree
    assert (
        "Si vous n'êtes pas mariés et n'avez pas d'enfant en commun, les mesures s'arrêtent à la date prévue" in duree
    )
    prolongation = _plat(_section("ordonnance-protection/calendrier.md", "prolongation"))
    assert "Aucune demande ne peut prolonger les mesures" in prolongation
    notice = _plat(_page("ordonnance-protection/notice-cerfa-15458.md"))
    assert "(divorce, enfants) ou demandez conseil" not in notice
    assert "séparation de corps (si vous êtes mariés)" in notice and "Sinon, elles s'arrêtent à cette date" in notice


# ── G6 (S2) : logiciel espion et traceur ─────────────────────────────────────────────────────


def test_g6_ne_rien_supprimer_ni_couper_brusquement_garder_la_preuve_demander_conseil():
    section = _plat(_section("securite.md", "comptes"))
    assert "Ne supprimez rien et ne coupez pas brusquement le partage de position" in section
    assert "c'est une preuve" in section and "demandez conseil" in section
    position = next(ligne for ligne in section.split("- ") if ligne.startswith("Position"))
    assert "si cela ne vous met pas en danger" in position


# ── G7 (S2) : le procès-verbal de la visioplainte arrive par courriel ───────────────────────


def test_g7_la_visioplainte_dit_que_le_proces_verbal_arrive_par_voie_electronique():
    bloc = next(b for b in _section("porter-plainte/index.md", "en-ligne").split("\n- ") if "visioplainte" in b)
    bloc = _plat(bloc)
    assert "Le procès-verbal et le récépissé vous sont envoyés par voie électronique" in bloc
    assert "compte FranceConnect que l'autre personne ne peut pas ouvrir" in bloc
    assert "plainte par visioconférence" in _plat(_section("securite.md", "courrier"))


# ── G8 (S2) : ce qui est mot pour mot et ce qui est reconstitué ─────────────────────────────


def test_g8_la_page_des_formulaires_ne_dit_plus_a_l_identique_et_dit_ce_qui_est_reconstitue():
    texte = _plat(_page("formulaires/index.md"))
    assert "à l'identique" not in texte and "fidèlement" not in texte
    assert "c'est le formulaire officiel qui fait foi" in texte
    assert "reprend mot pour mot le formulaire officiel" in texte  # 16146
    assert "sont reconstitués d'après la notice et la loi" in texte  # 15458
    assert "ses intitulés sont reconstitués" in texte  # 11527
    assert "◇" in texte
    assert "à l'identique" not in _page("formulaires/cerfa-16146.md")


# ── S3 : l'ancienne formulation a disparu ────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "page, ancien",
    [
        pytest.param("formulaires/cerfa-15458.yml", "au vu des seuls éléments joints à la présente requête", id="G9"),
        pytest.param("ordonnance-protection/mesures.md", "le procureur peut engager des poursuites pénales", id="G10"),
        pytest.param("ordonnance-protection/apres-ordonnance.md", "**régulièrement signifiée**", id="G11"),
        pytest.param("data/op_mesures.yml", "si vous le voulez par la CAF ou la MSA", id="G12"),
        pytest.param("ordonnance-protection/mesures.md", "espacedroitfamille.com", id="G12 source"),
        pytest.param("justice-en-ligne.md", "Inutile si la décision dit", id="G13"),
        pytest.param(
            "ordonnance-protection/calendrier.md", "avec votre avocat et une personne d'une association", id="G14"
        ),
        pytest.param("securite.md", "élire domicile chez votre avocat ou une association", id="G16"),
        pytest.param("ordonnance-protection/apres-ordonnance.md", "doit vous la proposer", id="G17"),
        pytest.param("data/urgences.yml", "refugies.info", id="G19"),
    ],
)
def test_s3_l_ancienne_formulation_a_disparu(page, ancien):
    assert ancien not in _page(page)


# ── G15 (S3) : l'autre personne, jamais « il » ───────────────────────────────────────────────

ANCIENS_IL = {
    "ordonnance-protection/mesures.md": [
        "il ne peut plus vous voir",
        "chez lui",
        "qu'il a une arme",
        "S'il refuse",
        "s'il s'approche",
        "contre lui",
    ],
    "ordonnance-protection/index.md": ["peur qu'il vous retrouve"],
    "ordonnance-protection/calendrier.md": ["Je ne veux pas le voir"],
    "securite.md": ["s'il connaît vos mots de passe", "qu'il ne connaît pas"],
    "porter-plainte/lettre-procureur.md": ["Vous ne voulez pas qu'il connaisse", "s'il a déjà été violent"],
    "data/op_mesures.yml": [
        "qu'il en a une",
        "les armes qu'il a",
        "chez lui",
        "s'il refuse",
        "l'autre est seul au bail",
    ],
}


@pytest.mark.parametrize("page", sorted(ANCIENS_IL))
def test_g15_l_autre_personne_n_est_plus_il(page):
    texte = _page(page)
    assert [a for a in ANCIENS_IL[page] if a in texte] == []
