"""GET /health (the process answers) and GET /ready (Neo4j answers and has the schema).

Both need no key, so load balancers and orchestrators can probe them.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse
from neo4j import Driver

from intelgraph import __version__
from intelgraph.api.errors import error_response
from intelgraph.api.params import get_app_settings, get_driver
from intelgraph.api.schemas import ErrorBody, Health, Ready
from intelgraph.errors import DatabaseUnavailable
from intelgraph.settings import Settings

router = APIRouter(tags=["service"])


@router.get("/health", response_model=Health, summary="The process is up")
def health() -> dict:
    return {"status": "ok", "version": __version__}


@router.get("/ready", response_model=Ready, summary="Neo4j is reachable and the schema is applied",
            responses={503: {"model": ErrorBody, "description": "Neo4j is down or the schema is incomplete."}})
def ready(driver: Driver = Depends(get_driver), settings: Settings = Depends(get_app_settings)) -> dict | JSONResponse:
    from intelgraph.graph.schema import schema_diff
    try:
        missing = schema_diff(driver)["missing"]
    except DatabaseUnavailable as exc:
        return error_response(503, "database_unavailable", str(exc))
    if missing:
        return error_response(503, "schema_incomplete",
                              f"the graph lacks {len(missing)} schema item(s) ({', '.join(missing[:5])}"
                              f"{' …' if len(missing) > 5 else ''}); run `intelgraph schema apply`")
    return {"status": "ready", "database": settings.neo4j_database}
