"""Serve the built site on 127.0.0.1 with the headers a real host must send.

For local use only (preview, tests, `make bench`): Python's http.server is not a production
server. Still, it behaves like the documented host (the README's nginx): the security
headers, the `.br` or `.gz` written by the build sent in place of the file when the browser
accepts it (`Content-Encoding`, `Vary: Accept-Encoding`), /pyodide/ cached a year (its names
change with their content) and the rest revalidated; no directory listing, our 404.html with
status 404, French error pages, no traceback on a malformed request, and a timeout so a
client that sends its request byte by byte (slowloris) cannot hold a thread forever.
"""

from __future__ import annotations

import email.utils
import functools
import html
import http.server
import os
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
# Content-addressed or versioned names (314.0.7/, python_stdlib.<hash>.zip, pyodide-lock.<hash>.json,
# versioned wheels): kept a year. Everything else is revalidated at each visit (304 when unchanged).
LONG = "/pyodide/"
UN_AN = "public, max-age=31536000, immutable"
# Preferred first: brotli is smaller than gzip (the .wasm: 2.7 MB against 3.5).
ENCODAGES = (("br", ".br"), ("gzip", ".gz"))
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
        long = urlsplit(getattr(self, "path", "")).path.startswith(LONG) and getattr(self, "status", 200) < 400
        self.send_header("Cache-Control", UN_AN if long else "no-cache")
        if getattr(self, "variantes", False):  # a cache must not give the brotli body to another browser
            self.send_header("Vary", "Accept-Encoding")
        super().end_headers()

    def send_response(self, code, message=None) -> None:
        self.status = code
        super().send_response(code, message)

    def accepte(self, encodage: str) -> bool:
        """`br` in `Accept-Encoding: gzip, deflate, br` (and not `br;q=0`)."""
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
        """The file to send for `chemin` and its Content-Encoding (None: the file itself)."""
        self.variantes = any(os.path.isfile(chemin + ext) for _, ext in ENCODAGES)
        for encodage, ext in ENCODAGES:
            if self.variantes and os.path.isfile(chemin + ext) and self.accepte(encodage):
                return chemin + ext, encodage
        return chemin, None

    def envoie_compresse(self, chemin: str, fichier: str, encodage: str):
        """Like SimpleHTTPRequestHandler.send_head for a file, the compressed body under the original's
        type, date and cache rules."""
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
        corps = open(fichier, "rb")  # closed by do_GET / do_HEAD, as in http.server
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
    site_dir: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    verbose: bool = True,
    timeout: float = TIMEOUT,
    handler: type[Handler] = Handler,
):
    handler = type("Handler", (handler,), {"timeout": timeout})
    server = http.server.ThreadingHTTPServer((host, port), functools.partial(handler, directory=str(site_dir)))
    server.verbose = verbose
    server.daemon_threads = True
    return server


def serve(site_dir: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    server = make_server(site_dir, host, port)
    print(f"Site servi sur http://{host}:{port}/ (Ctrl+C pour arrêter) — pour un usage local seulement.")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
