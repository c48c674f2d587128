"""GET /trace/{id}: from any node down to its passages, documents and sources."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Query
from neo4j import Driver

from intelgraph.api.auth import Role, require
from intelgraph.api.params import ID_MAX_LENGTH, get_driver
from intelgraph.api.schemas import ErrorBody
from intelgraph.graph.trace import Trace, trace

router = APIRouter(tags=["provenance"], dependencies=[Depends(require(Role.reader))])


@router.get("/trace/{node_id}", response_model=Trace, summary="Provenance of any node",
            description="The node (stated confidence and, apart from it, the extractor's score), the "
                        "relationships that carry its reasoning, and one step per passage with its document "
                        "and the source's reliability.",
            responses={404: {"model": ErrorBody, "description": "No node with this id."}})
def get_trace(node_id: str = Path(max_length=ID_MAX_LENGTH),
              limit: int = Query(50, ge=1, le=1000, description="Passages at most."),
              driver: Driver = Depends(get_driver)) -> Trace:
    return trace(driver, node_id, limit=limit)
