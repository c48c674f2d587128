"""The analyst's workbench: one HTML page at / and its static files at /web, from api/web/.

The page is a shell; everything it shows comes from the JSON API, called by the page's
script with the key the analyst enters (kept in the browser's sessionStorage, sent as
X-API-Key), so the API's roles apply unchanged and no data travels without a key. A
navigation cannot carry a header, which is why the pages are not rendered here. Like
/docs, the shell and its files need no key; every asset is local (Cytoscape.js is
vendored by scripts/vendor_web_assets.sh), so the workbench works offline.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

STATIC_URL = "/web"


def web_dir() -> Path:
    return Path(str(resources.files("intelgraph.api").joinpath("web")))


def install(app: FastAPI) -> None:
    root = web_dir()
    app.mount(STATIC_URL, StaticFiles(directory=root / "static"), name="web")

    @app.get("/", include_in_schema=False)
    async def workbench() -> FileResponse:
        return FileResponse(root / "index.html", media_type="text/html; charset=utf-8",
                            headers={"Cache-Control": "no-cache"})
