"""GET /search: entities, documents and statements matching words, with facets (the workbench's search page)."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, Query, Request
from neo4j import Driver

from intelgraph.api.auth import Role, require
from intelgraph.api.params import MAX_OFFSET, get_driver, max_page
from intelgraph.api.schemas_workbench import SearchResult
from intelgraph.graph import search as graph_search

router = APIRouter(tags=["search"], dependencies=[Depends(require(Role.reader))])


@router.get("/search", response_model=SearchResult, summary="Search entities, documents and statements")
def search(
    request: Request,
    q: str = Query(min_length=1, max_length=200, description="Words to find (special characters taken literally)."),
    type: str | None = Query(None, max_length=64, description="Entities of this ontology type only."),
    kind: str | None = Query(None, max_length=64, description="Statements of this ontology label only (Claim …)."),
    source: str | None = Query(None, max_length=300, description="Documents and statements of this publisher (id)."),
    since: dt.date | None = Query(None, description="Published on or after this date."),
    until: dt.date | None = Query(None, description="Published on or before this date."),
    limit: int = Query(20, ge=1, le=10_000, description="Items per page of each kind."),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    driver: Driver = Depends(get_driver),
) -> dict:
    return graph_search.search(driver, q, entity_type=type, kind=kind, source=source, since=since, until=until,
                               offset=offset, limit=max_page(request, limit))
