"""Une seule Content-Security-Policy pour tout le site, envoyée en en-tête par `serve`
(un worker prend sa CSP dans les en-têtes de sa propre réponse) et en <meta> dans les pages.

'wasm-unsafe-eval' laisse Pyodide compiler du WebAssembly sans permettre eval().
"""

DIRECTIVES = {
    "default-src": "'self'",
    "script-src": "'self' 'wasm-unsafe-eval'",
    "worker-src": "'self'",
    "connect-src": "'self'",
    "img-src": "'self' data:",
    "style-src": "'self'",
    "font-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
# Les navigateurs ignorent celles-ci (avec une erreur en console) quand elles viennent d'un <meta>.
HEADER_ONLY = {"frame-ancestors"}


def header() -> str:
    return "; ".join(f"{k} {v}" for k, v in DIRECTIVES.items())


def meta() -> str:
    return "; ".join(f"{k} {v}" for k, v in DIRECTIVES.items() if k not in HEADER_ONLY)


HEADERS = {
    "Content-Security-Policy": header(),
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}
