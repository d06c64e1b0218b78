"""Serve the built site on 127.0.0.1 with the security headers a real host must send."""

from __future__ import annotations

import functools
import http.server
from pathlib import Path

from . import csp

TYPES = {".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
         ".json": "application/json", ".whl": "application/octet-stream", ".ics": "text/calendar"}


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}

    def end_headers(self) -> None:
        for name, value in csp.HEADERS.items():
            self.send_header(name, value)
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format, *args) -> None:  # noqa: A002 - stdlib signature
        if self.server.verbose:
            super().log_message(format, *args)


def make_server(site_dir: Path, host: str = "127.0.0.1", port: int = 8000, verbose: bool = True):
    server = http.server.ThreadingHTTPServer((host, port), functools.partial(Handler, directory=str(site_dir)))
    server.verbose = verbose
    return server


def serve(site_dir: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    server = make_server(site_dir, host, port)
    print(f"Site servi sur http://{host}:{port}/ (Ctrl+C pour arrêter)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
