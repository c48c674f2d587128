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

from fastapi import APIRouter, Depends, FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from intelgraph.api.auth import Principal, Role, require
from intelgraph.api.schemas_workbench import SessionPublic
from intelgraph.graph.lookups import entity_labels
from intelgraph.ontology import get_ontology

STATIC_URL = "/web"
router = APIRouter(tags=["service"])


@router.get("/session", response_model=SessionPublic,
            summary="The key's role and the ontology's vocabularies the workbench's controls offer (it shows "
                    "writer controls by the role; the API checks every call anyway)")
def session(principal: Principal = Depends(require(Role.reader))) -> dict:
    onto = get_ontology()
    grades = sorted(onto.vocabulary("Reliability"), key=lambda t: -t.rank)
    return {"role": principal.role.name, "entity_types": entity_labels(),
            "relationship_types": sorted(onto.rel_types),
            "reliability": [{"notation": t.notation, "label": t.label} for t in grades]}


def web_dir() -> Path:
    return Path(str(resources.files("intelgraph.api").joinpath("web")))


def install(app: FastAPI) -> None:
    root = web_dir()
    app.include_router(router)
    app.mount(STATIC_URL, StaticFiles(directory=root / "static"), name="web")

    @app.get("/", include_in_schema=False)
    async def workbench() -> FileResponse:
        return FileResponse(root / "index.html", media_type="text/html; charset=utf-8",
                            headers={"Cache-Control": "no-cache"})
