"""Sources: GET /sources (grades and document counts, reader keys), PUT /sources/{id}/reliability (writer keys)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path
from fastapi.concurrency import run_in_threadpool
from neo4j import Driver

from intelgraph.api.auth import Role, require
from intelgraph.api.params import ID_MAX_LENGTH, PageParams, get_driver, page_params
from intelgraph.api.schemas import ErrorBody, Page
from intelgraph.api.schemas_workbench import ReliabilitySet, ReliabilityUpdate, SourcePublic
from intelgraph.graph import sources

router = APIRouter(tags=["sources"])


@router.get("/sources", response_model=Page[SourcePublic], summary="Sources with their grades, by name")
def list_sources(page: PageParams = Depends(page_params), driver: Driver = Depends(get_driver),
                 _=Depends(require(Role.reader))) -> dict:
    return sources.list_sources(driver, offset=page.offset, limit=page.limit)


@router.put("/sources/{source_id}/reliability", response_model=ReliabilitySet, summary="Grade a source",
            responses={404: {"model": ErrorBody, "description": "No source with this id."}})
async def set_reliability(body: ReliabilityUpdate, source_id: str = Path(max_length=ID_MAX_LENGTH),
                          driver: Driver = Depends(get_driver), _=Depends(require(Role.writer))) -> dict:
    return await run_in_threadpool(sources.set_reliability, driver, source_id, body.reliability)
