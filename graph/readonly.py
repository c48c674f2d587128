"""Run an analyst's Cypher safely: read-only, time-limited, row-capped.

Three gates, each enough on its own for what it covers:
1. EXPLAIN first: the planner's query type must be read-only ("r"), and the plan
   may not load files (LOAD CSV), batch into inner transactions
   (CALL … IN TRANSACTIONS), or call dbms.* procedures;
2. the query then runs in a READ transaction, where Neo4j itself refuses writes;
3. a transaction timeout and a row cap bound what it can cost.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, LiteralString, cast

import neo4j
from neo4j import Driver
from neo4j.exceptions import ClientError, CypherSyntaxError

from intelgraph.errors import QueryError, QueryTimeout
from intelgraph.graph.driver import run_read, settings_of

_FORBIDDEN_OPERATORS = {
    "LoadCSV": "LOAD CSV",
    "TransactionForeach": "CALL … IN TRANSACTIONS",
    "TransactionApply": "CALL … IN TRANSACTIONS",
    # planned as read-only, yet they act on or reveal other sessions and the server
    "TerminateTransactions": "TERMINATE TRANSACTIONS",
    "ShowTransactions": "SHOW TRANSACTIONS",
    "ShowSettings": "SHOW SETTINGS",
}
# Read-mode procedures that still make the server do maintenance work.
_FORBIDDEN_PROCEDURES = ("db.resampleindex", "db.resampleoutdatedindexes", "db.prepareforreplanning",
                         "db.clearquerycaches", "db.checkpoint")


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool  # more rows than the cap existed


def _plan_nodes(plan) -> list[dict]:
    """The plan tree flattened to dicts with operatorType and arguments."""
    nodes = []
    stack = [plan]
    while stack:
        p = stack.pop()
        if isinstance(p, dict):
            nodes.append({"operatorType": p.get("operatorType", ""), "args": p.get("args", {})})
            stack.extend(p.get("children", []))
        else:
            nodes.append({"operatorType": getattr(p, "operator_type", ""), "args": getattr(p, "arguments", {})})
            stack.extend(getattr(p, "children", []))
    return nodes


def check_read_only(driver: Driver, query: str, params: dict[str, Any] | None = None) -> None:
    if not query or not query.strip():
        raise QueryError("empty query")
    explain = cast(LiteralString, "EXPLAIN " + query)

    def work(tx: neo4j.ManagedTransaction):
        return tx.run(explain, params or {}).consume()

    try:
        summary = run_read(driver, work)
    except CypherSyntaxError as exc:
        raise QueryError(f"not valid Cypher: {_first_line(exc.message)}") from None
    except ClientError as exc:
        raise QueryError(f"refused by Neo4j: {_first_line(exc.message)}") from None
    if summary.query_type != "r":
        kind = {"w": "writes", "rw": "reads and writes", "s": "changes the schema or the DBMS"}.get(summary.query_type or "", "is not read-only")
        raise QueryError(f"refused: the query {kind}; only read-only queries may run here")
    for node in _plan_nodes(summary.plan):
        op = str(node["operatorType"]).split("@")[0]
        if op in _FORBIDDEN_OPERATORS:
            raise QueryError(f"refused: {_FORBIDDEN_OPERATORS[op]} is not allowed here")
        if op.startswith("ProcedureCall"):
            args = node["args"]
            # Neo4j 5.26 names the procedure in "Details"; older plans in "Signature"
            signature = str(args.get("Signature") or args.get("signature") or args.get("Details") or "")
            if signature.lower().startswith("dbms.") or ".dbms." in signature.lower():
                raise QueryError("refused: dbms.* procedures are not allowed here")
            if signature.lower().startswith(_FORBIDDEN_PROCEDURES):
                raise QueryError(f"refused: {signature.split('(')[0]} is not allowed here")


def run_read_only(driver: Driver, query: str, params: dict[str, Any] | None = None, *,
                  timeout: float | None = None, row_cap: int | None = None) -> QueryResult:
    settings = settings_of(driver)
    timeout = timeout or settings.query_timeout
    row_cap = row_cap or settings.row_cap
    check_read_only(driver, query, params)

    def work(tx: neo4j.ManagedTransaction) -> QueryResult:
        result = tx.run(cast(LiteralString, query), params or {})
        rows = []
        for record in result:
            if len(rows) >= row_cap:
                return QueryResult(list(result.keys()), rows, True)
            rows.append(record.data())
        return QueryResult(list(result.keys()), rows, False)

    try:
        return run_read(driver, work, timeout=timeout)
    except ClientError as exc:
        if "TransactionTimedOut" in (exc.code or ""):
            raise QueryTimeout(f"the query ran past its {timeout:g} s limit; narrow it or raise INTELGRAPH_QUERY_TIMEOUT") from None
        raise QueryError(f"refused by Neo4j: {_first_line(exc.message)}") from None


def _first_line(text: str | None) -> str:
    return (text or "").strip().splitlines()[0] if text else "unknown error"
