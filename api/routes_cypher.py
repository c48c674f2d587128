"""POST /cypher: one read-only Cypher statement, through graph.readonly.

The guard there refuses anything that is not read-only (writes, schema and DBMS
commands, LOAD CSV, CALL … IN TRANSACTIONS, dbms.* procedures) with a QueryError,
answered 422; the query runs in a READ transaction with the settings' timeout
(408 when it runs past it), row cap and byte cap (`truncated` says when rows were cut,
`size_capped` when the byte cap cut them); a query that needs more memory than the
server allows a transaction is refused (422).
"""

from __future__ import annotations

import logging

from fastapi import APIRouter, Depends
from neo4j import Driver

from intelgraph.api.auth import Role, require
from intelgraph.api.params import get_app_settings, get_driver
from intelgraph.api.schemas import CypherQuery, CypherResult, ErrorBody
from intelgraph.graph.lookups import plain
from intelgraph.graph.readonly import run_read_only
from intelgraph.settings import Settings

log = logging.getLogger(__name__)
router = APIRouter(tags=["cypher"], dependencies=[Depends(require(Role.reader))])


@router.post("/cypher", response_model=CypherResult, summary="Run a read-only Cypher query",
             responses={408: {"model": ErrorBody, "description": "The query ran past INTELGRAPH_QUERY_TIMEOUT."},
                        422: {"model": ErrorBody, "description": "Refused: not read-only, not valid Cypher, "
                                                                 "bad parameters, or it used too much memory."}})
def run_cypher(body: CypherQuery, driver: Driver = Depends(get_driver),
               settings: Settings = Depends(get_app_settings)) -> dict:
    result = run_read_only(driver, body.query, body.params, timeout=settings.query_timeout,
                           row_cap=settings.row_cap, max_bytes=settings.max_response_bytes)
    log.info("cypher: %d rows%s", len(result.rows), " (truncated)" if result.truncated else "")
    return {"columns": result.columns, "rows": plain(result.rows), "truncated": result.truncated,
            "row_cap": settings.row_cap, "size_capped": result.size_capped,
            "max_response_bytes": settings.max_response_bytes}
