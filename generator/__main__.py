"""python -m generator build | check | serve | roues | traductions"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from .erreurs import ErreurDeConstruction

ROOT = Path(__file__).resolve().parent.parent
SERVE_HELP = (
    "Pour un usage LOCAL seulement (aperçu, tests) : sert site/ sur 127.0.0.1 avec les en-têtes de "
    "sécurité du site publié. Ce n'est pas un serveur de production : publiez site/ derrière un vrai "
    "serveur web (voir README, « Déployer »). Pour un aperçu qui se met à jour pendant la rédaction : "
    ".venv/bin/mkdocs serve."
)


def numero_de_port(texte: str) -> int:
    try:
        port = int(texte)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"« {texte[:20]} » n'est pas un numéro de port (un nombre de 1 à 65535)")
    return port


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description="Construit le site Justice pas à pas.")
    parser.add_argument("--racine", type=Path, default=ROOT, help="dossier du projet (défaut : ce dépôt)")
    sub = parser.add_subparsers(dest="commande", required=True)
    b = sub.add_parser("build", help="construit site/ (pages, PDF, Pyodide)")
    b.add_argument("--site", type=Path, help="dossier de sortie (défaut : site/)")
    b.add_argument("--sans-pdf", action="store_true", help="ne pas produire les PDF (plus rapide)")
    sub.add_parser("check", help="vérifie site_config.yml et content/ sans construire")
    t = sub.add_parser(
        "traductions",
        help="l'état de chaque traduction et version simple par rapport à sa page française",
        description="Sans argument : l'état de chaque page dérivée. Avec --a-jour : après avoir relu une page "
        "contre sa source française (et l'avoir corrigée), note l'empreinte actuelle de la source dans son en-tête.",
    )
    t.add_argument("--a-jour", nargs="+", metavar="PAGE", help="pages relues, relatives à content/ (ex. en/index.md)")
    sub.add_parser("roues", help="les paquets Python livrés au navigateur avec nos règles, pour pip download")
    s = sub.add_parser(
        "serve",
        help="construit puis sert le site sur http://127.0.0.1:8000 (usage local seulement)",
        description=SERVE_HELP,
    )
    s.add_argument("--port", type=numero_de_port, default=8000)
    s.add_argument("--sans-construction", action="store_true", help="servir site/ tel quel")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    # Les avertissements et erreurs de MkDocs finissent, en français et à leur fichier:ligne, dans
    # le rapport final de la construction : ne pas les dire deux fois.
    logging.getLogger("mkdocs").propagate = False

    root = args.racine.resolve()
    from .serve import ServeurImpossible

    try:
        if args.commande == "roues":
            from .sorties.pyodide import exigences

            print(" ".join(exigences()))
        elif args.commande == "check":
            from .config import lit_config_du_site
            from .contenu.validation import verifie_le_contenu

            avertit(verifie_le_contenu(lit_config_du_site(root)).avertissements)
            print("site_config.yml et content/ sont valides.")
        elif args.commande == "traductions":
            return traductions(root, args.a_jour)
        elif args.commande == "build" or (args.commande == "serve" and not args.sans_construction):
            from .engine import construit_le_site

            report = construit_le_site(root, getattr(args, "site", None), avec_pdf=not getattr(args, "sans_pdf", False))
            avertit(report.get("avertissements", []))
            print(f"Site construit dans {report['site']}" + (f" — PDF : {report['pdf']}" if "pdf" in report else ""))
        if args.commande == "serve":
            from .serve import serve

            serve(root / "site", port=args.port)
    except ErreurDeConstruction as exc:
        print(f"Échec de la construction :\n{exc}", file=sys.stderr)
        return 1
    except ServeurImpossible as exc:
        print(str(exc), file=sys.stderr)
        return 1
    return 0


def avertit(avertissements) -> None:
    """Ce qui n'arrête pas la construction mais doit être vu (une traduction à mettre à jour), à sa ligne."""
    if avertissements:
        lignes = "\n".join(str(a) for a in avertissements)
        print(f"Avertissements (la construction continue) :\n{lignes}", file=sys.stderr)


def traductions(root: Path, a_jour: list[str] | None) -> int:
    from .config import lit_config_du_site
    from .contenu import traductions as t
    from .contenu.validation import verifie_le_contenu

    content = root / "content"
    if a_jour:
        for rel in a_jour:
            if not (content / rel).is_file():
                print(f"{rel} : pas de page content/{rel}", file=sys.stderr)
                return 1
            print(f"{rel} : empreinte notée {t.marque_a_jour(content / rel, content)}")
        return 0
    contenu = verifie_le_contenu(lit_config_du_site(root))
    for d in contenu.traductions.values():
        etat = "pas à jour" if d.perimee else "à jour"
        relue = f"relue par {d.relecture['par']}" if d.relue else "pas relue"
        print(f"{d.rel} ({d.langue}) : {etat}, {relue}" + (f" — source {d.source}" if d.source else ""))
    avertit(contenu.avertissements)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
