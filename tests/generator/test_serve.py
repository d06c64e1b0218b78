"""`make serve` envoie la CSP et les en-têtes de confidentialité qu'un vrai hébergeur doit envoyer, les bons types MIME,
les .br et .gz de la construction selon ce qu'accepte le navigateur, et les règles de cache du README."""

from __future__ import annotations

import socket
import threading
import time
import urllib.error
import urllib.request

import pytest

from generator import csp
from generator.serve import cree_serveur


@pytest.fixture
def server(tmp_path):
    (tmp_path / "index.html").write_text("<html lang=fr></html>", encoding="utf-8")
    (tmp_path / "w.mjs").write_text("export {}", encoding="utf-8")
    (tmp_path / "m.wasm").write_bytes(b"\0asm")
    (tmp_path / "404.html").write_text('<html lang="fr"><h1>Page introuvable</h1></html>', encoding="utf-8")
    (tmp_path / "pdf").mkdir()
    (tmp_path / "pdf" / "a.pdf").write_bytes(b"%PDF")
    srv = cree_serveur(tmp_path, port=0, verbose=False, timeout=0.5)
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


def status_and_body(url):
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def raw(server, request: bytes) -> bytes:
    host, port = server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as s:
        s.sendall(request)
        chunks = []
        while chunk := s.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def test_pas_de_liste_des_fichiers_d_un_dossier(server):
    code, body = status_and_body(server + "/pdf/")
    assert code == 404 and "a.pdf" not in body and "Page introuvable" in body


def test_page_absente_notre_404_avec_le_statut_404(server):
    code, body = status_and_body(server + "/nulle-part.html")
    assert code == 404
    assert "Page introuvable" in body and "File not found" not in body


@pytest.mark.parametrize("path", ["/%00", "/index.html%00.png", "/%ff%fe", "/%E0", "/..%5c..%5cetc/passwd"])
def test_adresse_mal_formee_400_en_francais_sans_trace(server, path, capsys):
    response = raw(server, f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    assert response.startswith(b"HTTP/1.0 400") or response.startswith(b"HTTP/1.1 400"), response[:80]
    assert "mal formée".encode() in response
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize(
    "request_line, code, message",
    [
        (b"GET / HTTX/1.1", 400, "Requête invalide"),
        (b"BREW / HTTP/1.1", 501, "Méthode non prise en charge"),
        (b"GET /" + b"a" * 70000 + b" HTTP/1.1", 414, "Adresse trop longue"),
    ],
)
def test_requete_illisible_erreur_en_francais(server, request_line, code, message):
    response = raw(server, request_line + b"\r\nHost: x\r\n\r\n")
    assert f" {code} ".encode() in response.split(b"\r\n", 1)[0]
    assert message.encode() in response


def test_une_connexion_muette_est_fermee(server):
    """Slowloris: a client that never finishes its request does not hold a thread forever."""
    host, port = server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as s:
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")  # headers never finished
        start = time.monotonic()
        assert s.recv(1024) == b""  # the server closed the connection
        assert time.monotonic() - start < 4


def test_l_aide_dit_usage_local(capsys):
    from generator.__main__ import main

    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "usage LOCAL seulement" in out and "pas un serveur de production" in out


@pytest.fixture
def compresse(tmp_path):
    """A site as the build writes it: a .wasm with its .br and .gz, a page with its .gz only, a PDF alone."""
    import gzip

    import brotli

    from generator.sorties.compression import precompresse

    (tmp_path / "pyodide" / "314.0.7").mkdir(parents=True)
    wasm = tmp_path / "pyodide" / "314.0.7" / "pyodide.asm.wasm"
    wasm.write_bytes(b"\0asm" + bytes(range(256)) * 64)
    precompresse(tmp_path, tmp_path.parent / "cache")
    (tmp_path / "page.html").write_text("<p>" * 2000, encoding="utf-8")
    (tmp_path / "page.html.gz").write_bytes(gzip.compress((tmp_path / "page.html").read_bytes(), mtime=0))
    (tmp_path / "a.pdf").write_bytes(b"%PDF" * 1000)
    assert (
        brotli.decompress((tmp_path / "pyodide" / "314.0.7" / "pyodide.asm.wasm.br").read_bytes()) == wasm.read_bytes()
    )
    srv = cree_serveur(tmp_path, port=0, verbose=False, timeout=0.5)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}", tmp_path
    srv.shutdown()
    srv.server_close()


def demande(url, encodages=None, **entetes):
    requete = urllib.request.Request(url, headers={**({"Accept-Encoding": encodages} if encodages else {}), **entetes})
    try:
        with urllib.request.urlopen(requete) as reponse:
            return reponse.status, reponse.headers, reponse.read()
    except urllib.error.HTTPError as erreur:
        return erreur.code, erreur.headers, erreur.read()


@pytest.mark.parametrize(
    ("encodages", "attendu"),
    [("gzip, deflate, br, zstd", "br"), ("gzip", "gzip"), ("br;q=0, gzip;q=0.8", "gzip"), (None, None), ("zstd", None)],
)
def test_le_fichier_compresse_par_la_construction_selon_ce_que_le_navigateur_accepte(compresse, encodages, attendu):
    import gzip

    import brotli

    adresse, site = compresse
    statut, entetes, corps = demande(adresse + "/pyodide/314.0.7/pyodide.asm.wasm", encodages)
    original = (site / "pyodide" / "314.0.7" / "pyodide.asm.wasm").read_bytes()
    assert statut == 200 and entetes["Content-Type"] == "application/wasm"
    assert entetes["Vary"] == "Accept-Encoding"  # a shared cache keeps one body per encoding
    assert entetes["Content-Encoding"] == attendu
    assert int(entetes["Content-Length"]) == len(corps)
    assert {"br": brotli.decompress, "gzip": gzip.decompress, None: bytes}[attendu](corps) == original
    assert entetes["Content-Security-Policy"] == csp.header()
    assert entetes["Cache-Control"] == "public, max-age=31536000, immutable"  # its name carries its version


def test_une_page_est_revalidee_et_un_fichier_sans_variante_part_tel_quel(compresse):
    adresse, _ = compresse
    statut, entetes, _ = demande(adresse + "/page.html", "gzip, br")
    assert (statut, entetes["Content-Encoding"], entetes["Cache-Control"]) == (200, "gzip", "no-cache")
    statut, entetes, corps = demande(adresse + "/a.pdf", "gzip, br")
    assert (statut, entetes["Content-Encoding"], entetes["Vary"], corps[:4]) == (200, None, None, b"%PDF")
    # Revalidation: unchanged since the date the browser holds → 304, whatever the encoding.
    statut, _, corps = demande(adresse + "/page.html", "gzip", **{"If-Modified-Since": entetes["Last-Modified"]})
    assert (statut, corps) == (304, b"")
    statut, entetes, _ = demande(adresse + "/pyodide/absent.wasm", "br")
    assert statut == 404 and entetes["Cache-Control"] == "no-cache"  # an error is never kept a year


# ── `python -m generator serve` : jamais de trace, le port ou le site dit en français ──


def _serve(racine, port: str):
    import subprocess
    import sys

    from tests.fixtures.chemins import REPO

    commande = [sys.executable, "-m", "generator", "--racine", str(racine), "serve", "--sans-construction"]
    return subprocess.run(
        [*commande, "--port", port], capture_output=True, text=True, cwd=REPO, timeout=60, check=False
    )


def test_un_port_deja_pris_est_dit_en_francais(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<html lang=fr></html>", encoding="utf-8")
    with socket.socket() as occupe:
        occupe.bind(("127.0.0.1", 0))
        occupe.listen()
        fini = _serve(tmp_path, str(occupe.getsockname()[1]))
    assert fini.returncode == 1 and "Traceback" not in fini.stderr
    assert "est déjà pris" in fini.stderr and "--port" in fini.stderr


@pytest.mark.parametrize("port", ["70000", "0", "-1", "abc", "8e3"])
def test_un_port_impossible_est_dit_en_francais(tmp_path, port):
    fini = _serve(tmp_path, port)
    assert fini.returncode == 2 and "Traceback" not in fini.stderr
    assert "n'est pas un numéro de port (un nombre de 1 à 65535)" in fini.stderr


def test_servir_un_site_absent_dit_de_le_construire(tmp_path):
    fini = _serve(tmp_path, "8000")
    assert fini.returncode == 1 and "Traceback" not in fini.stderr
    assert "ne contient pas de site construit : lancez `make site`" in fini.stderr
