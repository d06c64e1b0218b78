"""`python -m generator build` : la construction de MkDocs elle-même (mkdocs.yml et notre plugin
`justice`, exactement ce que lancent `mkdocs build` et `mkdocs serve`), dans un dossier temporaire
qui ne remplace site/ que si tout a réussi."""

from __future__ import annotations

import errno
import shutil
import tempfile
from pathlib import Path

import jinja2

from .erreurs import ErreurDeConstruction, ErreursDeContenu

MKDOCS_YML = "mkdocs.yml"
RAISONS = {  # pourquoi un dossier ne peut pas recevoir le site, en français
    errno.ENOENT: "dossier introuvable",
    errno.EACCES: "accès refusé",
    errno.EPERM: "opération interdite",
    errno.EROFS: "disque en lecture seule",
    errno.ENOSPC: "disque plein",
    errno.ENOTDIR: "un fichier porte déjà ce nom",
}
PLUGIN = "justice"


def config_mkdocs(root: Path, site_dir: Path):
    """La configuration MkDocs du projet `root`, qui construit dans `site_dir`."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError
    from mkdocs.plugins import get_plugins

    config_file = root / MKDOCS_YML
    if not config_file.is_file():
        raise ErreurDeConstruction(
            f"{MKDOCS_YML} introuvable dans {root} : c'est le fichier qui règle MkDocs pour ce site."
        )
    if PLUGIN not in get_plugins():
        raise ErreurDeConstruction(
            f"Le plugin MkDocs « {PLUGIN} » n'est pas installé dans cet environnement : lancez `make install`."
        )
    try:
        return load_config(str(config_file), site_dir=str(site_dir))
    except (Abort, ConfigurationError) as exc:
        raise ErreurDeConstruction(
            f"{MKDOCS_YML} : configuration refusée par MkDocs ({exc}) ; le détail est au-dessus."
        ) from None


def construit_le_site(
    root: Path, site_dir: Path | None = None, avec_pdf: bool = True, avec_pyodide: bool = True
) -> dict:
    """Construit le site de `root` dans `site_dir` (par défaut root/site). Renvoie un petit rapport."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import Abort

    from .plugin import template_error

    root = root.resolve()
    site_dir = (site_dir or root / "site").resolve()
    try:
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-", dir=site_dir.parent))
    except OSError as exc:
        raison = RAISONS.get(exc.errno, "le système refuse")
        raise ErreurDeConstruction(
            f"Impossible d'écrire le site dans {site_dir} ({raison}) : choisissez un dossier où vous "
            "pouvez écrire (--site)."
        ) from None
    try:
        cfg = config_mkdocs(root, tmp)
        plugin = cfg.plugins[PLUGIN]
        plugin.config["pdf"] = avec_pdf
        plugin.config["pyodide"] = avec_pyodide
        cfg.plugins.on_startup(command="build", dirty=False)  # la ligne de commande de MkDocs le fait, build() non
        try:
            mkdocs_build(cfg)
        except Abort:  # un SystemExit : ne jamais le laisser finir le processus en silence
            raise plugin.failure or ErreurDeConstruction(
                "MkDocs a arrêté la construction (voir les messages ci-dessus)."
            ) from None
        except jinja2.TemplateError as exc:
            raise ErreursDeContenu([template_error(exc, root)]) from None
        finally:
            cfg.plugins.on_shutdown()
        _swap(tmp, site_dir)
        return {"site": str(site_dir), **plugin.report}
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _swap(new: Path, target: Path) -> None:
    """Remplace `target` par `new` en deux renommages : un lecteur ne voit jamais un site à moitié écrit."""
    old = target.with_name(f".{target.name}-ancien")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


__all__ = ["construit_le_site", "config_mkdocs", "ErreurDeConstruction", "ErreursDeContenu"]
