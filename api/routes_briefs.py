"""POST /briefs (generate one, optionally stored) and GET /briefs/{id} (a stored one).

A reader key may generate briefs that are not stored; storing (store=true) writes a
Brief node, so it needs a writer key. The answer is the brief rendered as asked:
JSON (the BriefDocument), Markdown or HTML.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Query, Response
from neo4j import Driver

from intelgraph.api.auth import Principal, Role, check_role, require
from intelgraph.api.params import ID_MAX_LENGTH, get_driver
from intelgraph.api.schemas import BriefCreate, BriefFormat, ErrorBody
from intelgraph.services.brief import BriefDocument, BriefRequest, generate_brief, load_brief, render

router = APIRouter(tags=["briefs"])

MEDIA_TYPES = {"json": "application/json", "md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8"}
_CONTENT = {
    "content": {
        "application/json": {"schema": {"$ref": "#/components/schemas/BriefDocument"}},
        "text/markdown": {"schema": {"type": "string"}},
        "text/html": {"schema": {"type": "string"}},
    }
}


def _rendered(brief: BriefDocument, fmt: str, status: int = 200, headers: dict | None = None) -> Response:
    return Response(render(brief, fmt), status_code=status, media_type=MEDIA_TYPES[fmt], headers=headers)


@router.post("/briefs", summary="Generate a brief", response_model=BriefDocument,
             responses={200: {"description": "The brief (not stored).", **_CONTENT},
                        201: {"description": "The brief, stored; Location names it.", **_CONTENT},
                        404: {"model": ErrorBody, "description": "Nothing in the graph matches the topic."}})
def create_brief(body: BriefCreate, driver: Driver = Depends(get_driver),
                 principal: Principal = Depends(require(Role.reader))) -> Response:
    if body.store:
        check_role(principal, Role.writer, "storing a brief (store=true)")
    req = BriefRequest(topic=body.topic, entity=body.entity, since=body.since, until=body.until, limit=body.limit,
                       as_of=body.as_of, ingested_by=body.ingested_by)
    brief = generate_brief(driver, req, store=body.store)
    if body.store:
        return _rendered(brief, body.format, 201, {"Location": f"/briefs/{brief.id}"})
    return _rendered(brief, body.format)


@router.get("/briefs/{brief_id}", summary="A stored brief", response_model=BriefDocument,
            responses={200: _CONTENT, 404: {"model": ErrorBody, "description": "No stored brief with this id."}})
def get_brief(brief_id: str = Path(max_length=ID_MAX_LENGTH),
              format: BriefFormat = Query("json", description="json, md or html."),
              driver: Driver = Depends(get_driver), _=Depends(require(Role.reader))) -> Response:
    return _rendered(load_brief(driver, brief_id), format)
