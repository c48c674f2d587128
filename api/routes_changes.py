"""GET /changes (what changed on a topic), a question's judgement history, and the
analysts' confirm / cut of judgement links (writer keys).

/changes answers like a brief: JSON (the BriefDocument of changes), Markdown or HTML.
A question is named by any of its judgements' ids (its key is the earliest's id).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, Path, Query, Response
from fastapi.concurrency import run_in_threadpool
from neo4j import Driver

from intelgraph.api.auth import Principal, Role, require
from intelgraph.api.params import ID_MAX_LENGTH, get_driver
from intelgraph.api.routes_briefs import _CONTENT, MEDIA_TYPES
from intelgraph.api.routes_curation import _curator
from intelgraph.api.schemas import BriefFormat, CurationCreate, ErrorBody, JudgementHistory, LinkCurationResult
from intelgraph.errors import NotFound
from intelgraph.graph.driver import read
from intelgraph.queries import query
from intelgraph.services import lineage
from intelgraph.services.brief import BriefDocument, render
from intelgraph.services.brief.changes import ChangesRequest, build_changes

router = APIRouter(tags=["changes"])


def _judgement() -> Any:
    """A path parameter naming a judgement (one instance each: FastAPI keeps a parameter's
    name on its Path object, so two parameters may not share one)."""
    return Path(max_length=ID_MAX_LENGTH, description="A judgement: its assessment id (bluf:…, assessment:…) "
                                                       "or its document id (doc:…).")


@router.get("/changes", summary="What changed on a topic since a date or a stored brief", response_model=BriefDocument,
            responses={200: _CONTENT, 404: {"model": ErrorBody, "description": "No stored brief with that id."},
                       422: {"model": ErrorBody, "description": "Neither or both of since and since_brief."}})
def get_changes(topic: str = Query(min_length=1, max_length=200), entity: str | None = Query(None, max_length=200),
                since: dt.date | None = Query(None, description="Documents published on or after this date."),
                since_brief: str | None = Query(None, max_length=ID_MAX_LENGTH,
                                                description="Documents ingested after this stored brief was made."),
                limit: int = Query(25, ge=1, le=100), format: BriefFormat = Query("json", description="json, md or html."),
                driver: Driver = Depends(get_driver), _=Depends(require(Role.reader))) -> Response:
    req = ChangesRequest(topic=topic, entity=entity, since=since, since_brief=since_brief, limit=limit)
    return Response(render(build_changes(driver, req), format), media_type=MEDIA_TYPES[format])


@router.get("/questions/{question}/judgements", response_model=JudgementHistory,
            summary="A question's judgements over time, oldest first",
            responses={404: {"model": ErrorBody, "description": "No judgement has this id."}})
def question_history(question: str = Path(max_length=ID_MAX_LENGTH, description="Any judgement id of the question."),
                     driver: Driver = Depends(get_driver), _=Depends(require(Role.reader))) -> dict:
    rows = read(driver, query("explore/judgement_history"), {"question": question})
    if not rows:
        raise NotFound(f"no BLUF or ACH judgement has the id {question!r}")
    return {"question": rows[0]["question"], "judgements": rows}


@router.post("/judgements/{a}/links/{b}/confirm", response_model=LinkCurationResult,
             summary="Confirm that two judgements answer the same question",
             responses={404: {"model": ErrorBody, "description": "No judgement has one of these ids."}})
async def confirm_link(a: str = _judgement(), b: str = _judgement(), body: CurationCreate | None = None,
                       driver: Driver = Depends(get_driver),
                       principal: Principal = Depends(require(Role.writer))) -> dict:
    body = body or CurationCreate()
    return await run_in_threadpool(lineage.confirm, driver, a, b, curator=_curator(principal, body), reason=body.reason)


@router.post("/judgements/{a}/links/{b}/cut", response_model=LinkCurationResult,
             summary="Cut the link between two judgements (it stays cut)",
             responses={404: {"model": ErrorBody, "description": "No judgement has one of these ids."}})
async def cut_link(a: str = _judgement(), b: str = _judgement(), body: CurationCreate | None = None,
                   driver: Driver = Depends(get_driver),
                   principal: Principal = Depends(require(Role.writer))) -> dict:
    body = body or CurationCreate()
    return await run_in_threadpool(lineage.cut, driver, a, b, curator=_curator(principal, body), reason=body.reason)
