"""GET /ontology: the ontology as Turtle or JSON-LD, chosen by the Accept header."""

from __future__ import annotations

from functools import lru_cache

from fastapi import APIRouter, Depends, Header, Response

from intelgraph.api.auth import Role, require
from intelgraph.api.errors import ApiError
from intelgraph.api.schemas import ErrorBody
from intelgraph.ontology import get_ontology

router = APIRouter(tags=["ontology"], dependencies=[Depends(require(Role.reader))])

TURTLE = "text/turtle"
JSON_LD = "application/ld+json"
# media range -> what we answer with
_ACCEPTS = {TURTLE: TURTLE, "application/x-turtle": TURTLE, "text/*": TURTLE, "*/*": TURTLE,
            JSON_LD: JSON_LD, "application/json": JSON_LD, "application/*": JSON_LD}


@lru_cache(maxsize=2)
def serialized(media: str) -> str:
    fmt = "turtle" if media == TURTLE else "json-ld"
    return get_ontology().graph.serialize(format=fmt)


def negotiate(accept: str | None) -> str | None:
    """The media type to answer with, by the Accept header's q-values; None: none acceptable."""
    if not accept or not accept.strip():
        return TURTLE
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate(accept.split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        q = 1.0
        for p in params:
            name, _, value = p.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q > 0:
            ranked.append((-q, i, media.lower()))
    for _, _, media in sorted(ranked):
        if media in _ACCEPTS:
            return _ACCEPTS[media]
    return None


@router.get("/ontology", summary="The ontology (Turtle or JSON-LD by Accept)",
            responses={200: {"content": {TURTLE: {"schema": {"type": "string"}},
                                         JSON_LD: {"schema": {"type": "object"}}},
                             "description": "intelgraph.ttl, as Turtle (default) or JSON-LD."},
                       406: {"model": ErrorBody, "description": "Neither Turtle nor JSON-LD is acceptable."}})
def get_ontology_document(accept: str | None = Header(None)) -> Response:
    media = negotiate(accept)
    if media is None:
        raise ApiError(406, "not_acceptable", f"the ontology is served as {TURTLE} or {JSON_LD}")
    return Response(serialized(media), media_type=media, headers={"Vary": "Accept"})
