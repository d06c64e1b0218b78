"""`make serve` sends the CSP and privacy headers a real host must send, and the right MIME types."""

from __future__ import annotations

import threading
import urllib.request

import pytest

from generator import csp
from generator.serve import make_server


@pytest.fixture
def server(tmp_path):
    (tmp_path / "index.html").write_text("<html lang=fr></html>", encoding="utf-8")
    (tmp_path / "w.mjs").write_text("export {}", encoding="utf-8")
    (tmp_path / "m.wasm").write_bytes(b"\0asm")
    srv = make_server(tmp_path, port=0, verbose=False)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


def get(url):
    with urllib.request.urlopen(url) as response:
        return response.headers


def test_entetes_de_securite(server):
    headers = get(server + "/index.html")
    assert headers["Content-Security-Policy"] == csp.header()
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert "'wasm-unsafe-eval'" in headers["Content-Security-Policy"]
    assert "'unsafe-eval'" not in headers["Content-Security-Policy"].replace("'wasm-unsafe-eval'", "")
    assert headers["Referrer-Policy"] == "no-referrer"


@pytest.mark.parametrize("path, mime", [("/w.mjs", "text/javascript"), ("/m.wasm", "application/wasm")])
def test_types_mime_pour_pyodide(server, path, mime):
    assert get(server + path)["Content-Type"].startswith(mime)
    assert get(server + path)["Content-Security-Policy"] == csp.header()


def test_la_meta_csp_omet_ce_que_les_navigateurs_ignorent_en_meta():
    assert "frame-ancestors" not in csp.meta()
    assert csp.meta() in csp.header().replace("; frame-ancestors 'none'", "")
