"""/docs (Swagger UI) and /redoc served from installed files, so they work offline.

FastAPI's own pages load their JavaScript, CSS and favicon from a CDN: with no
internet they are blank. `create_app` turns those pages off (docs_url=None,
redoc_url=None) and `install` serves them again with every asset local: the static
files the fastapi-offline package ships (Swagger UI 5, which reads the OpenAPI 3.1
FastAPI writes, ReDoc 2 and a favicon), mounted at ASSETS_URL. Swagger UI's online
validator badge is off (it would call out). Like /openapi.json, these pages and
their assets need no API key.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS_URL = "/docs-assets"
ASSETS_PACKAGE = "fastapi_offline"


def assets_dir() -> Path:
    """The installed folder holding swagger-ui-bundle.js, swagger-ui.css, redoc.standalone.js, favicon.png."""
    return Path(str(resources.files(ASSETS_PACKAGE).joinpath("static")))


def install(app: FastAPI) -> None:
    """Mount the assets and add GET /docs and GET /redoc (left out of the OpenAPI document)."""
    app.mount(ASSETS_URL, StaticFiles(directory=assets_dir()), name="docs-assets")
    parameters = {**(app.swagger_ui_parameters or {}), "validatorUrl": None}

    def local(request: Request, path: str) -> str:
        return f"{request.scope.get('root_path', '')}{path}"

    @app.get("/docs", include_in_schema=False)
    async def swagger_ui(request: Request) -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=local(request, app.openapi_url or "/openapi.json"),
            title=f"{app.title} – API docs",
            swagger_js_url=local(request, f"{ASSETS_URL}/swagger-ui-bundle.js"),
            swagger_css_url=local(request, f"{ASSETS_URL}/swagger-ui.css"),
            swagger_favicon_url=local(request, f"{ASSETS_URL}/favicon.png"),
            oauth2_redirect_url=None,
            swagger_ui_parameters=parameters,
        )

    @app.get("/redoc", include_in_schema=False)
    async def redoc(request: Request) -> HTMLResponse:
        return get_redoc_html(
            openapi_url=local(request, app.openapi_url or "/openapi.json"),
            title=f"{app.title} – API reference",
            redoc_js_url=local(request, f"{ASSETS_URL}/redoc.standalone.js"),
            redoc_favicon_url=local(request, f"{ASSETS_URL}/favicon.png"),
            with_google_fonts=False,
        )
