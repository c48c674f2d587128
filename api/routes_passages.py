"""A document's highlighted passages and one passage's detail (the workbench's document page)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path
from neo4j import Driver

from intelgraph.api.auth import Role, require
from intelgraph.api.params import ID_MAX_LENGTH, get_driver
from intelgraph.api.schemas import ErrorBody
from intelgraph.api.schemas_workbench import DocumentPassages, PassageDetail
from intelgraph.graph import passages

router = APIRouter(tags=["documents"], dependencies=[Depends(require(Role.reader))])


@router.get("/documents/{document_id}/passages", response_model=DocumentPassages,
            summary="A document's text and the passages something was extracted from or a brief cites",
            responses={404: {"model": ErrorBody, "description": "No such document."}})
def document_passages(document_id: str = Path(max_length=ID_MAX_LENGTH), driver: Driver = Depends(get_driver)) -> dict:
    return passages.document_passages(driver, document_id)


@router.get("/passages/{passage_id}", response_model=PassageDetail,
            summary="One passage: what was extracted from it, what it mentions, where else it is cited",
            responses={404: {"model": ErrorBody, "description": "No such passage."}})
def passage(passage_id: str = Path(max_length=ID_MAX_LENGTH), driver: Driver = Depends(get_driver)) -> dict:
    return passages.passage(driver, passage_id)
