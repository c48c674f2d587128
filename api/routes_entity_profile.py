"""The entity page's extras: GET /entities/{id}/profile (type evidence, documents over time) and
GET /entities/{id}/graph (its neighbourhood as a graph of entities, for the page's Cytoscape view)."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, Path, Query
from neo4j import Driver

from intelgraph.api.auth import Role, require
from intelgraph.api.params import ID_MAX_LENGTH, get_driver
from intelgraph.api.schemas import ErrorBody
from intelgraph.api.schemas_workbench import EntityGraph, EntityProfile
from intelgraph.graph import entity_profile

router = APIRouter(tags=["entities"], dependencies=[Depends(require(Role.reader))])


@router.get("/entities/{entity_id}/profile", response_model=EntityProfile,
            summary="The evidence for an entity's type and the documents mentioning it over time",
            responses={404: {"model": ErrorBody, "description": "No entity with this id."}})
def get_profile(entity_id: str = Path(max_length=ID_MAX_LENGTH), driver: Driver = Depends(get_driver)) -> dict:
    return entity_profile.profile(driver, entity_id)


@router.get("/entities/{entity_id}/graph", response_model=EntityGraph,
            summary="The entities linked to an entity (by relationship, shared statement or shared passage)",
            responses={404: {"model": ErrorBody, "description": "No entity with this id."}})
def get_graph(entity_id: str = Path(max_length=ID_MAX_LENGTH),
              rel: str | None = Query(None, max_length=64, description="RELATED_TO, ABOUT or MENTIONS; all when absent."),
              since: dt.date | None = Query(None, description="Links from documents published on or after this date."),
              until: dt.date | None = Query(None, description="… and on or before this date."),
              driver: Driver = Depends(get_driver)) -> dict:
    return entity_profile.links(driver, entity_id, rel=rel, since=since, until=until)
