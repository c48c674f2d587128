"""The FastAPI application: `create_app()`.

One Neo4j driver per process, made in the lifespan, kept on `app.state.driver` and
closed on shutdown (a driver already set on app.state before start-up is used as it
is and left open: embedding code and tests own theirs). When Neo4j cannot be reached at start the app still starts (so
/health answers and /ready says 503) and the driver connects once Neo4j is up.
`settings` is the app's one settings object: the routes read it from app.state and
the graph services from the driver made with it (graph.driver.settings_of).
/docs and /redoc are served with local assets by api/docs_assets.py (they work offline); the
analyst's workbench is served at / by api/routes_web.py.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from intelgraph import __version__
from intelgraph.api import (routes_briefs, routes_changes, routes_curation, routes_cypher, routes_documents, routes_entities,
                            routes_entity_profile, routes_health, routes_hypotheses, routes_ontology,
                            routes_passages, routes_paths, routes_quantities, routes_search, routes_sources, routes_trace, routes_web)
from intelgraph.api.access_log import AccessLog
from intelgraph.api.auth import KeyStore
from intelgraph.api.body_limit import BodySizeLimit
from intelgraph.api.docs_assets import install as install_docs
from intelgraph.api.errors import install as install_error_handlers
from intelgraph.api.schemas import ErrorBody
from intelgraph.errors import ConfigError, DatabaseUnavailable
from intelgraph.settings import InvalidSetting, Settings, get_settings

log = logging.getLogger(__name__)

DESCRIPTION = """\
Query the intelgraph knowledge graph: entities and their neighbourhoods, paths between
entities with the claims behind each hop, hypotheses with their evidence (ACH),
documents with what was extracted from them, provenance traces and generated briefs.

Send an API key as `X-API-Key` or `Authorization: Bearer`. Errors are
`{"error": {"code": ..., "message": ...}}`; lists are pages (`limit`, `offset`,
`next_offset`).
"""


def create_app(settings: Settings | None = None) -> FastAPI:
    try:
        settings = settings or get_settings()
    except InvalidSetting as exc:
        raise ConfigError(str(exc)) from None
    keys = KeyStore.from_settings(settings)  # bad key config fails here, before serving

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from intelgraph.graph.driver import make_driver

        owned = None
        if getattr(app.state, "driver", None) is None:  # else: given by the embedding code; theirs to close
            try:
                owned = make_driver(settings, fail_fast=True)
            except DatabaseUnavailable as exc:
                log.warning("%s; serving anyway, /ready reports 503 until it answers", exc)
                owned = make_driver(settings, verify=False, fail_fast=True)
            app.state.driver = owned
        try:
            yield
        finally:
            if owned is not None:
                owned.close()
                app.state.driver = None

    app = FastAPI(
        title="intelgraph",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        # FastAPI's pages load their assets from a CDN; docs_assets serves both from installed files
        docs_url=None,
        redoc_url=None,
        responses={
            400: {"model": ErrorBody, "description": "A request the server cannot parse: a malformed body or "
                                                     "multipart form, a bad Content-Length."},
            401: {"model": ErrorBody, "description": "No or unknown API key."},
            403: {"model": ErrorBody, "description": "The key's role does not allow this."},
            413: {"model": ErrorBody, "description": "The request body is over the size limit."},
            422: {"model": ErrorBody, "description": "Bad parameters or body."},
            503: {"model": ErrorBody, "description": "Neo4j is not answering."},
        },
    )
    app.state.settings = settings
    app.state.driver = None
    app.state.keys = keys
    install_error_handlers(app)
    install_docs(app)
    routes_web.install(app)  # the workbench at /
    for module in (routes_health, routes_documents, routes_entities, routes_curation, routes_paths,
                   routes_hypotheses, routes_trace, routes_briefs, routes_changes, routes_cypher, routes_ontology,
                   routes_search, routes_sources, routes_passages, routes_entity_profile, routes_quantities):
        app.include_router(module.router)
    # outermost first: the access log sees every answer, including 413s
    app.add_middleware(BodySizeLimit, max_bytes=settings.api_max_body_bytes)
    app.add_middleware(AccessLog)
    return app
