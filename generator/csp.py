"""One Content-Security-Policy for the whole site, sent as a header by `serve`
(a worker takes its CSP from its own response headers) and as a <meta> in pages.

'wasm-unsafe-eval' lets Pyodide compile WebAssembly without allowing eval().
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
# Browsers ignore (and log an error for) these when delivered by <meta>.
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
