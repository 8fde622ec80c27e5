"""The web application: pages, the JSON API, static assets, and the security headers on all of them.

Every asset ships in the package (serve/static), so the strict Content-Security-Policy
below allows nothing but this origin: no inline script, no inline style, no frames.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from accordwatch.serve import api, pages, review_routes
from accordwatch.serve.forms import BodyLimit

HERE = Path(__file__).parent
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]


def create_app(store, allowed_hosts: list[str] | None = None) -> FastAPI:
    """The app over an open `accordwatch.store.Store` (the caller opens and closes it).

    `allowed_hosts` (Host header names; None accepts any) stops DNS rebinding: a page on
    another site whose name is made to point at 127.0.0.1 still sends its own name.
    """
    app = FastAPI(title="accordwatch", version="1", openapi_url="/api/openapi.json",
                  docs_url=None, redoc_url=None,  # their pages load scripts from a CDN
                  description="A source-attributed, time-aware record of a peace process. "
                              "Every response is {data, meta: {total, limit, offset, next}, links}.")
    app.state.store = store
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(review_routes.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_api_route("/favicon.ico", _favicon, include_in_schema=False)

    @app.middleware("http")
    async def security_headers(request: Request, call_next) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    app.add_middleware(BodyLimit)
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    return app


def allowed_hosts_for(host: str) -> list[str] | None:
    """Loopback binds answer only to loopback names; any other bind was asked for on purpose."""
    return LOOPBACK_HOSTS if host in LOOPBACK_HOSTS else None


def _favicon() -> Response:
    return RedirectResponse("/static/favicon.svg", status_code=301)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api")


def _error(request: Request, status: int, detail: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": {"status": status, "detail": detail}}, status_code=status)
    return pages.error_page(request, status, detail)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException | HTTPException)
    return _error(request, exc.status_code, str(exc.detail))


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = "; ".join(f"{'.'.join(map(str, e.get('loc', ())))}: {e.get('msg', '')}" for e in exc.errors())
    return _error(request, 422, problems or "invalid request")
