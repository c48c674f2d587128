"""Entities: search, one entity, its neighbourhood, the claims about it."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Query, Request
from neo4j import Driver

from intelgraph.api.auth import Role, require
from intelgraph.api.params import ID_MAX_LENGTH, PageParams, get_driver, max_depth, max_page, page_params
from intelgraph.api.schemas import ClaimPublic, EntityPublic, EntitySummary, ErrorBody, Neighborhood, Page
from intelgraph.graph import lookups

router = APIRouter(tags=["entities"], dependencies=[Depends(require(Role.reader))])
_404 = {404: {"model": ErrorBody, "description": "No entity with this id."}}


@router.get("/entities", response_model=Page[EntitySummary], summary="Search entities by name or alias")
def search_entities(
    q: str | None = Query(None, max_length=200, description="Words to find in names and aliases (full-text; "
                                                            "special characters are taken literally)."),
    type: str | None = Query(None, max_length=64, description="An ontology entity type: Person, Organization, "
                                                              "Location, Group, Event, Facility …"),
    page: PageParams = Depends(page_params),
    driver: Driver = Depends(get_driver),
) -> dict:
    return lookups.search_entities(driver, q, entity_type=type, offset=page.offset, limit=page.limit)


@router.get("/entities/{entity_id}", response_model=EntityPublic, summary="One entity", responses=_404)
def get_entity(entity_id: str = Path(max_length=ID_MAX_LENGTH), driver: Driver = Depends(get_driver)) -> dict:
    return lookups.get_entity(driver, entity_id)


@router.get("/entities/{entity_id}/neighbors", response_model=Neighborhood,
            summary="The graph around an entity, up to `depth` hops", responses=_404)
def get_neighbors(
    request: Request,
    entity_id: str = Path(max_length=ID_MAX_LENGTH),
    depth: int = Query(1, ge=1, le=100, description="Hops, 1 to INTELGRAPH_API_MAX_DEPTH (default 3)."),
    rel: str | None = Query(None, max_length=64, description="Follow only this relationship type "
                                                             "(from the ontology, e.g. RELATED_TO)."),
    limit: int = Query(100, ge=1, le=10_000, description="New relationships per hop; at most "
                                                         "INTELGRAPH_API_MAX_PAGE (default 200)."),
    driver: Driver = Depends(get_driver),
) -> dict:
    return lookups.neighbors(driver, entity_id, depth=max_depth(request, depth), rel=rel,
                             limit=max_page(request, limit))


@router.get("/entities/{entity_id}/claims", response_model=Page[ClaimPublic],
            summary="Claims about an entity, newest document first", responses=_404)
def get_claims(entity_id: str = Path(max_length=ID_MAX_LENGTH), page: PageParams = Depends(page_params),
               driver: Driver = Depends(get_driver)) -> dict:
    return lookups.entity_claims(driver, entity_id, offset=page.offset, limit=page.limit)
