"""Run an analyst's Cypher safely: read-only, time-limited, row- and size-capped.

Three gates, each enough on its own for what it covers:
1. EXPLAIN first (under the same time limit): the planner's query type must be
   read-only ("r"), and the plan may not load files (LOAD CSV), batch into inner
   transactions (CALL … IN TRANSACTIONS), show or end other sessions' work, or call
   any procedure outside READ_PROCEDURES (an allow-list: a new or unknown procedure
   is refused until it is named there);
2. the query then runs in a READ transaction, where Neo4j itself refuses writes;
3. a transaction timeout, the server's transaction memory limit, a row cap and a cap
   on the response's size in bytes bound what it can cost. Rows are fetched a few at a
   time, so one huge row costs only that row before the size cap cuts the answer off.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any, LiteralString, cast

import neo4j
from neo4j import Driver
from neo4j.exceptions import ClientError, CypherSyntaxError, ServiceUnavailable, SessionExpired

from intelgraph.errors import DatabaseUnavailable, QueryError, QueryTimeout
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
# The procedures an analyst may call: reads of this database's data and schema. Anything
# else is refused, including read-mode procedures that act on the server or reveal other
# sessions (db.stats.*, db.checkpoint, db.clearQueryCaches, dbms.*, tx.*).
READ_PROCEDURES = frozenset(name.lower() for name in (
    "db.labels", "db.relationshipTypes", "db.propertyKeys",
    "db.schema.visualization", "db.schema.nodeTypeProperties", "db.schema.relTypeProperties",
    "db.index.fulltext.queryNodes", "db.index.fulltext.queryRelationships",
    "db.index.fulltext.listAvailableAnalyzers",
    "db.index.vector.queryNodes", "db.index.vector.queryRelationships",
    "db.info", "db.ping",
))
# Rows fetched per round trip: small, so that a few huge rows cannot pile up in this
# process before the byte cap sees them.
FETCH_SIZE = 20


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool  # more rows than the cap existed, or the byte cap cut the answer off
    size_capped: bool = False  # cut off at the byte cap (max_response_bytes)
    max_bytes: int = 0  # the byte cap it ran under


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


# Brackets nested deeper than this are refused before Neo4j sees them: around 400 levels
# Neo4j 5's parser stops answering on that connection (no error, no timeout), and no
# analyst's query nests a tenth as deep.
MAX_NESTING = 100
_OPEN, _CLOSE = "([{", ")]}"


def nesting_depth(query: str) -> int:
    """How deeply ( [ { nest in `query`, outside strings, `quoted names` and comments."""
    depth = deepest = 0
    i, n = 0, len(query)
    while i < n:
        c = query[i]
        if c in "'\"`":
            i += 1
            while i < n and query[i] != c:
                i += 2 if query[i] == "\\" and c != "`" else 1
        elif query.startswith("//", i):
            i = query.find("\n", i)
            i = n if i < 0 else i
        elif query.startswith("/*", i):
            i = query.find("*/", i + 2)
            i = n if i < 0 else i + 1
        elif c in _OPEN:
            depth += 1
            deepest = max(deepest, depth)
        elif c in _CLOSE:
            depth -= 1
        i += 1
    return deepest


def check_read_only(driver: Driver, query: str, params: dict[str, Any] | None = None, *,
                    timeout: float | None = None) -> None:
    if not query or not query.strip():
        raise QueryError("empty query")
    if nesting_depth(query) > MAX_NESTING:
        raise QueryError(f"refused: brackets nest more than {MAX_NESTING} deep; flatten the query")
    explain = cast(LiteralString, "EXPLAIN " + query)

    def work(tx: neo4j.ManagedTransaction):
        try:
            return tx.run(explain, params or {}).consume()
        except (ServiceUnavailable, SessionExpired) as exc:
            # The connection was up when planning began; losing it now is about this query,
            # and retrying it would only wait for the same silence again.
            raise DatabaseUnavailable("Neo4j dropped the connection while planning this query; "
                                      "simplify it (the server may still be up)") from exc

    timeout = timeout or settings_of(driver).query_timeout
    try:
        summary = run_read(driver, work, timeout=timeout)
    except CypherSyntaxError as exc:
        raise QueryError(f"not valid Cypher: {_first_line(exc.message)}") from None
    except ClientError as exc:
        if "TransactionTimedOut" in (exc.code or ""):
            raise QueryTimeout(f"planning the query ran past the {timeout:g} s limit; simplify it") from None
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
            name = signature.split("(")[0].strip().strip("`")
            if name.lower() not in READ_PROCEDURES:
                raise QueryError(f"refused: procedure {name} is not allowed here; allowed: "
                                 + ", ".join(sorted(READ_PROCEDURES)))


def run_read_only(driver: Driver, query: str, params: dict[str, Any] | None = None, *,
                  timeout: float | None = None, row_cap: int | None = None,
                  max_bytes: int | None = None) -> QueryResult:
    settings = settings_of(driver)
    timeout = settings.query_timeout if timeout is None else timeout
    row_cap = settings.row_cap if row_cap is None else row_cap
    max_bytes = settings.max_response_bytes if max_bytes is None else max_bytes
    # 0 would mean "no limit" to the driver and an empty answer marked capped to the loop below
    if not (math.isfinite(timeout) and timeout > 0) or row_cap < 1 or max_bytes < 1:
        raise QueryError("the time limit must be above 0 seconds, the row and byte caps 1 or more")
    check_read_only(driver, query, params, timeout=timeout)

    def work(tx: neo4j.ManagedTransaction) -> QueryResult:
        result = tx.run(cast(LiteralString, query), params or {})
        rows: list[dict[str, Any]] = []
        size = 0
        for record in result:
            if len(rows) >= row_cap:
                return QueryResult(list(result.keys()), rows, True, max_bytes=max_bytes)
            row = record.data()
            # what the row costs as JSON: the API's answer and `cypher --json` are JSON
            size += len(json.dumps(row, default=str))
            if size > max_bytes:
                return QueryResult(list(result.keys()), rows, True, size_capped=True, max_bytes=max_bytes)
            rows.append(row)
        return QueryResult(list(result.keys()), rows, False, max_bytes=max_bytes)

    try:
        return run_read(driver, work, timeout=timeout, fetch_size=FETCH_SIZE)
    except ClientError as exc:
        if "TransactionTimedOut" in (exc.code or ""):
            raise QueryTimeout(f"the query ran past its {timeout:g} s limit; narrow it or raise INTELGRAPH_QUERY_TIMEOUT") from None
        raise QueryError(f"refused by Neo4j: {_first_line(exc.message)}") from None


# Java class names in Neo4j's messages ("java.lang.ArithmeticException: …") mean nothing
# to an analyst; the text after them says what went wrong.
_JAVA_NAME = re.compile(r"\b(?:java|javax|org\.neo4j|com\.neo4j)(?:\.[\w$]+)+(?::\s*)?")


def _first_line(text: str | None) -> str:
    line = (text or "").strip().splitlines()[0] if text and text.strip() else ""
    return _JAVA_NAME.sub("", line).strip() or "unknown error"
