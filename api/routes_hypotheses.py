"""Hypotheses: the list (optionally by topic) and one hypothesis as an ACH view."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Query
from neo4j import Driver

from intelgraph.api.auth import Role, require
from intelgraph.api.params import ID_MAX_LENGTH, PageParams, get_driver, page_params
from intelgraph.api.schemas import ErrorBody, HypothesisPublic, HypothesisSummary, Page
from intelgraph.graph import lookups

router = APIRouter(tags=["hypotheses"], dependencies=[Depends(require(Role.reader))])


@router.get("/hypotheses", response_model=Page[HypothesisSummary], summary="Hypotheses, newest document first")
def list_hypotheses(
    topic: str | None = Query(None, max_length=200, description="Only from documents tagged with a topic whose "
                                                                "name contains this (case-insensitive)."),
    page: PageParams = Depends(page_params),
    driver: Driver = Depends(get_driver),
) -> dict:
    return lookups.list_hypotheses(driver, topic=topic, offset=page.offset, limit=page.limit)


@router.get("/hypotheses/{hypothesis_id}", response_model=HypothesisPublic,
            summary="One hypothesis: evidence for and against, favouring assessments (ACH)",
            responses={404: {"model": ErrorBody, "description": "No hypothesis with this id."}})
def get_hypothesis(hypothesis_id: str = Path(max_length=ID_MAX_LENGTH), driver: Driver = Depends(get_driver)) -> dict:
    return lookups.get_hypothesis(driver, hypothesis_id)
