"""Serve the built site on 127.0.0.1 with the security headers a real host must send.

For local use only (preview, tests): Python's http.server is not a production
server. Still, it behaves like the documented host: no directory listing, our
404.html with status 404, French error pages, no traceback on a malformed
request, and a timeout so a client that sends its request byte by byte
(slowloris) cannot hold a thread forever.
"""

from __future__ import annotations

import errno
import functools
import html
import http.server
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import csp

TYPES = {
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".whl": "application/octet-stream",
    ".ics": "text/calendar",
}
TIMEOUT = 10  # seconds of silence before a connection is closed
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


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}
    timeout = TIMEOUT  # socket timeout, set by StreamRequestHandler.setup()

    def end_headers(self) -> None:
        for name, value in csp.HEADERS.items():
            self.send_header(name, value)
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def send_head(self):
        path = urlsplit(self.path).path
        try:
            decoded = unquote(path, errors="strict")
        except UnicodeDecodeError:
            decoded = None
        if decoded is None or "\x00" in decoded or "\\" in decoded or not path.startswith("/"):
            self.send_error(400)
            return None
        try:
            return super().send_head()
        except (OSError, ValueError):
            self.send_error(400)
            return None

    def list_directory(self, path):
        """A folder without index.html is not a page: no listing of its files."""
        self.send_error(404)
        return None

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """French pages; our own 404.html for a missing page (status 404, not 200)."""
        try:
            short, _ = self.responses.get(code, ("Erreur", ""))
        except AttributeError:
            short = "Erreur"
        self.log_error("code %d, %s", code, message or short)
        if getattr(self, "request_version", "HTTP/0.9") == "HTTP/0.9":
            self.request_version = "HTTP/1.0"  # HTTP/0.9 has no status line: a person would see nothing
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

    def log_message(self, format, *args) -> None:  # noqa: A002 - stdlib signature
        if self.server.verbose:
            super().log_message(format, *args)


def make_server(
    site_dir: Path, host: str = "127.0.0.1", port: int = 8000, verbose: bool = True, timeout: float = TIMEOUT
):
    handler = type("Handler", (Handler,), {"timeout": timeout})
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
    """The site cannot be served (port taken, refused, out of range; no site): `str(exc)` says what to do."""


def serve(site_dir: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    if not (site_dir / "index.html").is_file():
        raise ServeurImpossible(f"{site_dir} ne contient pas de site construit : lancez `make site` d'abord.")
    try:
        server = make_server(site_dir, host, port)
    except OverflowError:  # bind(): port must be 0-65535
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
