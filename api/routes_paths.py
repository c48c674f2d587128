"""GET /paths: the shortest chain between two entities, with the claims behind each hop."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from neo4j import Driver

from intelgraph.api.auth import Role, require
from intelgraph.api.params import ID_MAX_LENGTH, get_driver, max_hops as bounded_hops
from intelgraph.api.schemas import ErrorBody, PathPublic
from intelgraph.graph import lookups

router = APIRouter(tags=["graph"], dependencies=[Depends(require(Role.reader))])


@router.get("/paths", response_model=PathPublic, summary="Shortest path between two entities",
            description="Over RELATED_TO relationships (each derived from claims), or with `via=claims` also "
                        "through a claim about both entities. `found` is false when no path of at most "
                        "`max_hops` hops exists.",
            responses={404: {"model": ErrorBody, "description": "An id is not an entity."}})
def get_path(
    request: Request,
    from_id: str = Query(alias="from", min_length=1, max_length=ID_MAX_LENGTH, description="Entity id."),
    to_id: str = Query(alias="to", min_length=1, max_length=ID_MAX_LENGTH, description="Entity id."),
    max_hops: int = Query(3, ge=1, le=100, description="At most INTELGRAPH_API_MAX_DEPTH (default 3) and 6."),
    via: str = Query("related", pattern="^(related|claims)$", description="related: RELATED_TO only; "
                                                                          "claims: also through shared claims."),
    driver: Driver = Depends(get_driver),
) -> dict:
    return lookups.shortest_path(driver, from_id, to_id, max_hops=bounded_hops(request, max_hops),
                                 via_claims=via == "claims")
