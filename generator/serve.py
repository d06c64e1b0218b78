"""Sert le site construit sur 127.0.0.1 avec les en-têtes qu'un vrai hébergeur doit envoyer.

Pour un usage local seulement (aperçu, tests, `make bench`) : http.server n'est pas un serveur de
production. Il se conduit pourtant comme l'hébergeur décrit dans le README (son nginx) : les en-têtes
de sécurité ; le `.br` ou le `.gz` écrit par la construction envoyé à la place du fichier quand le
navigateur l'accepte (`Content-Encoding`, `Vary: Accept-Encoding`) ; /pyodide/ gardé un an en cache
(ses noms changent avec leur contenu), le reste revalidé ; pas de liste des fichiers d'un dossier,
notre 404.html avec le statut 404, des pages d'erreur en français, aucune trace pour une requête mal
formée, et un délai pour qu'un client qui envoie sa requête octet par octet (slowloris) ne tienne pas
un fil d'exécution pour toujours.
"""

from __future__ import annotations

import email.utils
import errno
import functools
import html
import http.server
import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import csp
from .sorties.compression import ENCODAGES

TYPES = {
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".whl": "application/octet-stream",
    ".ics": "text/calendar",
}
TIMEOUT = 10  # secondes de silence avant de fermer une connexion
# Noms versionnés ou à empreinte (314.0.7/, python_stdlib.<empreinte>.zip, pyodide-lock.<empreinte>.json,
# roues versionnées) : gardés un an. Le reste est revalidé à chaque visite (304 s'il n'a pas changé).
LONG = "/pyodide/"
UN_AN = "public, max-age=31536000, immutable"
MESSAGES = {
    400: "Requête invalide : l'adresse demandée est mal formée.",
    403: "Accès refusé.",
    404: "Cette adresse ne correspond à aucune page.",
    405: "Méthode non autorisée : ce serveur ne fait que montrer des pages.",
    408: "Délai dépassé : la requête n'est pas arrivée à temps.",
    413: "Requête trop grande.",
    414: "Adresse trop longue.",
    431: "En-têtes trop grands.",
    500: "Erreur du serveur.",
    501: "Méthode non prise en charge : ce serveur ne fait que montrer des pages.",
    505: "Version de HTTP non prise en charge.",
}
PAGE = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Erreur {code}</title></head>
<body><h1>Erreur {code}</h1><p>{message}</p><p><a href="/">Retour à l'accueil</a></p></body></html>
"""


class Gestionnaire(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}
    timeout = TIMEOUT  # délai de la socket, posé par StreamRequestHandler.setup()

    def end_headers(self) -> None:
        for name, value in csp.HEADERS.items():
            self.send_header(name, value)
        long = urlsplit(getattr(self, "path", "")).path.startswith(LONG) and getattr(self, "status", 200) < 400
        self.send_header("Cache-Control", UN_AN if long else "no-cache")
        if getattr(self, "variantes", False):  # qu'un cache ne donne pas le corps brotli à un autre navigateur
            self.send_header("Vary", "Accept-Encoding")
        super().end_headers()

    def send_response(self, code, message=None) -> None:
        self.status = code
        super().send_response(code, message)

    def accepte(self, encodage: str) -> bool:
        """`br` dans `Accept-Encoding: gzip, deflate, br` (et pas `br;q=0`)."""
        for partie in self.headers.get("Accept-Encoding", "").split(","):
            nom, _, parametres = partie.strip().partition(";")
            if nom.strip().lower() == encodage:
                q = parametres.strip().removeprefix("q=").strip()
                try:
                    return not q or float(q) > 0
                except ValueError:
                    return False
        return False

    def variante(self, chemin: str):
        """Le fichier à envoyer pour `chemin` et son Content-Encoding (None : le fichier lui-même)."""
        self.variantes = any(os.path.isfile(chemin + ext) for _, ext in ENCODAGES)
        for encodage, ext in ENCODAGES:
            if self.variantes and os.path.isfile(chemin + ext) and self.accepte(encodage):
                return chemin + ext, encodage
        return chemin, None

    def envoie_compresse(self, chemin: str, fichier: str, encodage: str):
        """Comme SimpleHTTPRequestHandler.send_head pour un fichier : le corps compressé, sous le type, la
        date et les règles de cache de l'original."""
        original = os.stat(chemin)
        depuis = self.headers.get("If-Modified-Since")
        if depuis and not self.headers.get("If-None-Match"):
            try:
                if int(original.st_mtime) <= email.utils.parsedate_to_datetime(depuis).timestamp():
                    self.send_response(304)
                    self.end_headers()
                    return None
            except (TypeError, ValueError, OverflowError, IndexError):
                pass
        corps = open(fichier, "rb")  # fermé par do_GET / do_HEAD, comme dans http.server
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(chemin))
        self.send_header("Content-Encoding", encodage)
        self.send_header("Content-Length", str(os.fstat(corps.fileno()).st_size))
        self.send_header("Last-Modified", self.date_time_string(original.st_mtime))
        self.end_headers()
        return corps

    def send_head(self):
        path = urlsplit(self.path).path
        try:
            decoded = unquote(path, errors="strict")
        except UnicodeDecodeError:
            decoded = None
        if decoded is None or "\x00" in decoded or "\\" in decoded or not path.startswith("/"):
            self.send_error(400)
            return None
        self.variantes = False
        try:
            chemin = self.translate_path(self.path)
            if os.path.isfile(chemin) and not self.path.endswith("/"):
                fichier, encodage = self.variante(chemin)
                if encodage:
                    return self.envoie_compresse(chemin, fichier, encodage)
            return super().send_head()
        except (OSError, ValueError):
            self.send_error(400)
            return None

    def list_directory(self, path):
        """Un dossier sans index.html n'est pas une page : pas de liste de ses fichiers."""
        self.send_error(404)
        return None

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Des pages en français ; notre 404.html pour une page absente (statut 404, pas 200)."""
        try:
            short, _ = self.responses.get(code, ("Erreur", ""))
        except AttributeError:
            short = "Erreur"
        self.log_error("code %d, %s", code, message or short)
        if getattr(self, "request_version", "HTTP/0.9") == "HTTP/0.9":
            self.request_version = "HTTP/1.0"  # HTTP/0.9 n'a pas de ligne de statut : la personne ne verrait rien
        body = None
        if code == 404:
            page = Path(self.directory) / "404.html"
            if page.is_file():
                body = page.read_bytes()
        if body is None:
            body = PAGE.format(code=code, message=html.escape(MESSAGES.get(code, "Erreur."))).encode()
        self.send_response(code, short)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        if code >= 400:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD" and code >= 200 and code not in (204, 304):
            self.wfile.write(body)

    def log_message(self, format, *args) -> None:
        if self.server.verbose:
            super().log_message(format, *args)


def cree_serveur(
    site_dir: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    verbose: bool = True,
    timeout: float = TIMEOUT,
    handler: type[Gestionnaire] = Gestionnaire,
):
    handler = type("Handler", (handler,), {"timeout": timeout})
    server = http.server.ThreadingHTTPServer((host, port), functools.partial(handler, directory=str(site_dir)))
    server.verbose = verbose
    server.daemon_threads = True
    return server


def _port_refuse(port: int, exc: OSError) -> str:
    if exc.errno == errno.EADDRINUSE:
        return (
            f"Le port {port} est déjà pris (un autre `generator serve` ou `mkdocs serve` tourne peut-être) : "
            f"arrêtez-le, ou choisissez un autre port, par exemple --port {port + 1 if port < 65535 else 8001}."
        )
    if exc.errno == errno.EACCES:
        return f"Le port {port} est réservé à l'administrateur de la machine : choisissez un port de 1024 à 65535."
    return f"Impossible de servir le site sur le port {port} ({exc.strerror or exc}) : choisissez un autre port."


class ServeurImpossible(Exception):
    """Le site ne peut pas être servi (port pris, refusé, hors bornes ; pas de site) : `str(exc)` dit quoi faire."""


def serve(site_dir: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    if not (site_dir / "index.html").is_file():
        raise ServeurImpossible(f"{site_dir} ne contient pas de site construit : lancez `make site` d'abord.")
    try:
        server = cree_serveur(site_dir, host, port)
    except OverflowError:  # bind() refuse un port hors de 0-65535
        raise ServeurImpossible(f"Le port {port} n'existe pas : choisissez un nombre de 1024 à 65535.") from None
    except OSError as exc:
        raise ServeurImpossible(_port_refuse(port, exc)) from None
    print(f"Site servi sur http://{host}:{port}/ (Ctrl+C pour arrêter) — pour un usage local seulement.")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
