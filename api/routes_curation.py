"""Curation: merge, rename, retype and reject entities (writer keys); an entity's history (reader keys).

The path names an entity by id, exact name or exact alias, as the CLI does; a name that
several entities bear is a 422 listing them, no match a 404. Each action is stored in
the graph with who (the request's `by`, beside the API key's number) and when, and is
re-applied whenever a later document touches the entity.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path
from fastapi.concurrency import run_in_threadpool
from neo4j import Driver

from intelgraph.api.auth import Principal, Role, require
from intelgraph.api.params import ID_MAX_LENGTH, get_driver
from intelgraph.api.schemas import (CurationCreate, CurationHistory, CurationResult, ErrorBody, MergeCreate,
                                   RenameCreate, RetypeCreate)
from intelgraph.graph import curation

router = APIRouter(tags=["curation"])
_ERRORS = {404: {"model": ErrorBody, "description": "No entity has this id, name or alias."},
           422: {"model": ErrorBody, "description": "Bad body, or a name that several entities bear "
                                                    "(the message lists them)."}}
_ENTITY = Path(max_length=ID_MAX_LENGTH, description="An entity id, exact name or exact alias.")


def _curator(principal: Principal, body: CurationCreate) -> str:
    key = "api (open)" if principal.key_index is None else f"api key #{principal.key_index + 1}"
    return f"{body.by} ({key})" if body.by else key


@router.post("/entities/{entity_id}/merge", response_model=CurationResult, summary="Merge another entity into this one",
             responses=_ERRORS)
async def merge_entity(body: MergeCreate, entity_id: str = _ENTITY, driver: Driver = Depends(get_driver),
                       principal: Principal = Depends(require(Role.writer))) -> dict:
    return await run_in_threadpool(curation.merge, driver, entity_id, body.entity,
                                   curator=_curator(principal, body), reason=body.reason)


@router.post("/entities/{entity_id}/rename", response_model=CurationResult, summary="Rename an entity",
             responses=_ERRORS)
async def rename_entity(body: RenameCreate, entity_id: str = _ENTITY, driver: Driver = Depends(get_driver),
                        principal: Principal = Depends(require(Role.writer))) -> dict:
    return await run_in_threadpool(curation.rename, driver, entity_id, body.name,
                                   curator=_curator(principal, body), reason=body.reason)


@router.post("/entities/{entity_id}/retype", response_model=CurationResult, summary="Give an entity another type",
             responses=_ERRORS)
async def retype_entity(body: RetypeCreate, entity_id: str = _ENTITY, driver: Driver = Depends(get_driver),
                        principal: Principal = Depends(require(Role.writer))) -> dict:
    return await run_in_threadpool(curation.retype, driver, entity_id, body.type,
                                   curator=_curator(principal, body), reason=body.reason)


@router.post("/entities/{entity_id}/reject", response_model=CurationResult,
             summary="Not an entity: remove it (its passages and claims stay)", responses=_ERRORS)
async def reject_entity(body: CurationCreate | None = None, entity_id: str = _ENTITY,
                        driver: Driver = Depends(get_driver),
                        principal: Principal = Depends(require(Role.writer))) -> dict:
    body = body or CurationCreate()
    return await run_in_threadpool(curation.reject, driver, entity_id,
                                   curator=_curator(principal, body), reason=body.reason)


@router.get("/entities/{entity_id}/history", response_model=CurationHistory,
            summary="What analysts did to an entity, oldest first", responses=_ERRORS)
def entity_history(entity_id: str = _ENTITY, driver: Driver = Depends(get_driver),
                   _=Depends(require(Role.reader))) -> dict:
    return curation.history(driver, entity_id)
