"""Run an analyst's Cypher safely: read-only, time-limited, row- and size-capped.

Three gates, each enough on its own for what it covers:
1. EXPLAIN first (under the same time limit): the planner's query type must be
   read-only ("r"), and the plan may not load files (LOAD CSV), batch into inner
   transactions (CALL … IN TRANSACTIONS), show or end other sessions' work, or call
   any procedure outside READ_PROCEDURES (an allow-list: a new or unknown procedure
   is refused until it is named there);
2. the query then runs in a READ transaction, where Neo4j itself refuses writes;
3. a transaction timeout, the server's transaction memory limit, a row cap and a cap
   on the response's size in bytes bound what it can cost. The query runs inside
   `CALL () { … }` with each row's size as JSON measured on the server (`sized_query`):
   a row whose values alone are over the cap comes back without them, so a single huge
   value (`RETURN range(1, 10000000)`) is never sent, let alone decoded here. Rows are
   fetched a few at a time and the answer is cut off where its size passes the cap.
   A SHOW command or a bare procedure call cannot be wrapped; it runs as written when it
   only lists what it yields (catalogue data), and is refused if it computes values.
"""

from __future__ import annotations

import json
import logging
import math
import re
from dataclasses import dataclass
from collections.abc import Iterator
from typing import Any, LiteralString, cast

import neo4j
from neo4j import Driver
from neo4j.exceptions import ClientError, CypherSyntaxError, ServiceUnavailable, SessionExpired

from intelgraph.errors import DatabaseUnavailable, QueryError, QueryTimeout
from intelgraph.graph.driver import run_read, settings_of

log = logging.getLogger(__name__)

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


def _code(query: str) -> Iterator[tuple[int, str, int]]:
    """(position, character, bracket depth after it) for each character of `query` outside
    strings, `quoted names` and comments: what the nesting check and the RETURN rewriting
    both read."""
    depth, i, n = 0, 0, len(query)
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
        else:
            depth += 1 if c in _OPEN else -1 if c in _CLOSE else 0
            yield i, c, depth
        i += 1


def nesting_depth(query: str) -> int:
    """How deeply ( [ { nest in `query`, outside strings, `quoted names` and comments."""
    return max((depth for _, _, depth in _code(query)), default=0)


def check_read_only(driver: Driver, query: str, params: dict[str, Any] | None = None, *,
                    timeout: float | None = None) -> tuple[list[str], list[str]]:
    """Refuse what is not a plain read (a QueryError saying why); returns the query's
    columns and the operators of its plan."""
    if not query or not query.strip():
        raise QueryError("empty query")
    if nesting_depth(query) > MAX_NESTING:
        raise QueryError(f"refused: brackets nest more than {MAX_NESTING} deep; flatten the query")
    explain = cast(LiteralString, "EXPLAIN " + query)

    def work(tx: neo4j.ManagedTransaction):
        try:
            result = tx.run(explain, params or {})
            return list(result.keys()), result.consume()
        except (ServiceUnavailable, SessionExpired) as exc:
            # The connection was up when planning began; losing it now is about this query,
            # and retrying it would only wait for the same silence again.
            raise DatabaseUnavailable("Neo4j dropped the connection while planning this query; "
                                      "simplify it (the server may still be up)") from exc

    timeout = timeout or settings_of(driver).query_timeout
    try:
        columns, summary = run_read(driver, work, timeout=timeout)
    except CypherSyntaxError as exc:
        raise QueryError(f"not valid Cypher: {_first_line(exc.message)}") from None
    except ClientError as exc:
        if "TransactionTimedOut" in (exc.code or ""):
            raise QueryTimeout(f"planning the query ran past the {timeout:g} s limit; simplify it") from None
        raise QueryError(f"refused by Neo4j: {_first_line(exc.message)}") from None
    if summary.query_type != "r":
        kind = {"w": "writes", "rw": "reads and writes", "s": "changes the schema or the DBMS"}.get(summary.query_type or "", "is not read-only")
        raise QueryError(f"refused: the query {kind}; only read-only queries may run here")
    operators = []
    for node in _plan_nodes(summary.plan):
        op = str(node["operatorType"]).split("@")[0]
        operators.append(op)
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
    return columns, operators


# Operators of a plan that only lists what a SHOW command or a procedure yields: such a
# query cannot go inside CALL { }, and needs not (its values are the server's catalogue).
_LISTING = ("ProduceResults", "ProcedureCall", "Show", "Filter", "Limit", "Skip", "Sort", "Top", "Distinct")
# Levels of lists, maps, nodes and paths inside a value that the server measures; a value
# nested deeper counts as over the cap (no analyst's answer nests this deep).
SIZE_DEPTH = 8
_SIZE = "__ig_size"


def _scalar_size(v: str) -> str:
    return f"coalesce(size(toStringOrNull({v})), 16) + 3"


def _value_size(v: str, depth: int) -> str:
    """Cypher for about how many bytes the value `v` takes as JSON (a character or a digit
    counts one, so it is never above the truth by much, nor far below it), nested values
    included: each level adds its own overhead to the sizes of its children."""
    if depth == SIZE_DEPTH:
        return (f"CASE WHEN {v} IS :: LIST<ANY> OR {v} IS :: MAP OR {v} IS :: NODE OR {v} IS :: RELATIONSHIP "
                f"OR {v} IS :: PATH THEN $__ig_too_deep ELSE {_scalar_size(v)} END")
    c, nxt = f"__ig_c{depth}", f"__ig_v{depth + 1}"
    own = (f"CASE WHEN {v} IS NULL THEN 4 WHEN {v} IS :: LIST<ANY> THEN size({v}) + 2 "
           f"WHEN {v} IS :: MAP OR {v} IS :: NODE OR {v} IS :: RELATIONSHIP "
           f"THEN reduce(s = 40, k IN keys({v}) | s + size(k) + 4) "
           f"WHEN {v} IS :: PATH THEN 2 + 2 * length({v}) ELSE {_scalar_size(v)} END")
    children = (f"CASE WHEN {v} IS NULL THEN [] WHEN {v} IS :: LIST<ANY> THEN {v} "
                f"WHEN {v} IS :: MAP OR {v} IS :: NODE OR {v} IS :: RELATIONSHIP THEN [k IN keys({v}) | {v}[k]] "
                f"WHEN {v} IS :: PATH THEN nodes({v}) + relationships({v}) ELSE [] END")
    inner = _value_size(nxt, depth + 1)
    # a list longer than the cap is over it without a look at its elements
    return (f"CASE WHEN {v} IS :: LIST<ANY> AND size({v}) > $__ig_cap THEN size({v}) "
            f"ELSE ({own}) + reduce({c} = 0, {nxt} IN {children} | {c} + {inner}) END")


def _quoted(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def _top_level(query: str) -> Iterator[tuple[int, str]]:
    """(position, character) of `query` outside strings, `quoted names`, comments and
    brackets: where its clauses and the commas between RETURN items are."""
    return ((i, c) for i, c, depth in _code(query) if depth == 0 and c not in _CLOSE)


_CLAUSE = re.compile(r"(?<![\w.$`])(RETURN(?:\s+DISTINCT)?|ORDER\s+BY|SKIP|LIMIT|OFFSET|UNION(?:\s+ALL)?)(?![\w`])",
                     re.IGNORECASE)
_ALIASED = re.compile(r"\sAS\s+(?:\w+|`(?:[^`]|``)+`)\s*$", re.IGNORECASE)


def aliased(query: str, columns: list[str]) -> str:
    """`query` with every item of its top-level RETURN clauses aliased (`RETURN count(n)`
    becomes RETURN count(n) AS `count(n)`, the column name Neo4j gave it), as a
    query inside CALL { } must be; the columns come from EXPLAIN."""
    free = [i for i, _ in _top_level(query)]
    plain = "".join(query[i] if i in set(free) else " " for i in range(len(query)))  # masked: only top level
    commas = {i for i, c in _top_level(query) if c == ","}
    clauses = list(_CLAUSE.finditer(plain))
    edits: list[tuple[int, str]] = []
    for k, m in enumerate(clauses):
        if not m.group(1).upper().startswith("RETURN"):
            continue
        end = clauses[k + 1].start() if k + 1 < len(clauses) else len(query)
        start, items = m.end(), []
        for i in sorted(c for c in commas if m.end() <= c < end) + [end]:
            items.append((start, i))
            start = i + 1
        if len(items) != len(columns) or any(query[a:b].strip() == "*" for a, b in items):
            return query  # RETURN * or a shape not understood: left as written
        for (a, b), name in zip(items, columns):
            item = query[a:b].rstrip()
            if not _ALIASED.search(item):
                edits.append((a + len(item), f" AS {_quoted(name)}"))
    for at, text in sorted(edits, reverse=True):
        query = query[:at] + text + query[at:]
    return query


def sized_query(query: str, columns: list[str]) -> str:
    """The analyst's query inside CALL () { … }, each row with its size as JSON (about,
    measured on the server) in a last column, and without its values when that size alone
    is over $__ig_cap: a huge value never leaves the server."""
    body = aliased(query.strip().rstrip(";").rstrip(), columns)
    names = [_quoted(c) for c in columns]
    # [x, 0, '', {}][0] is x with its type forgotten, so that each branch below type-checks
    erased = ", ".join(f"[{n}, 0, '', {{}}][0] AS __ig_e{i}" for i, n in enumerate(names))
    total = " + ".join(f"({_value_size(f'__ig_e{i}', 0)})" for i in range(len(names))) or "0"
    kept = ", ".join(f"CASE WHEN {_SIZE} <= $__ig_cap THEN {n} END AS {n}" for n in names)
    return (f"CALL () {{\n{body}\n}}\nWITH *{', ' if erased else ''}{erased}\nWITH *, {total} AS {_SIZE}\n"
            f"RETURN {kept}{', ' if kept else ''}{_SIZE}")


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
    columns, operators = check_read_only(driver, query, params, timeout=timeout)
    listing = all(op.startswith(_LISTING) for op in operators)
    if not listing and any(op.startswith("Show") for op in operators):
        raise QueryError("refused: a SHOW command may only list what it yields here (YIELD … WHERE …), "
                         "not RETURN values computed from it")
    text, run_params = query, dict(params or {})
    if not listing:
        text = sized_query(query, columns)
        run_params.update(__ig_cap=max_bytes, __ig_too_deep=max_bytes + 1)

    def work(tx: neo4j.ManagedTransaction) -> QueryResult:
        result = tx.run(cast(LiteralString, text), run_params)
        rows: list[dict[str, Any]] = []
        size = 0
        for record in result:
            if len(rows) >= row_cap:
                return QueryResult(columns, rows, True, max_bytes=max_bytes)
            # the server's measure first: a row over the cap came without its values
            if not listing and size + record[_SIZE] > max_bytes:
                return QueryResult(columns, rows, True, size_capped=True, max_bytes=max_bytes)
            row = record.data(*columns)
            # what the row costs as JSON: the API's answer and `cypher --json` are JSON
            size += len(json.dumps(row, default=str))
            if size > max_bytes:
                return QueryResult(columns, rows, True, size_capped=True, max_bytes=max_bytes)
            rows.append(row)
        return QueryResult(columns, rows, False, max_bytes=max_bytes)

    try:
        try:
            return run_read(driver, work, timeout=timeout, fetch_size=FETCH_SIZE)
        except CypherSyntaxError:
            if listing:
                raise
            # a form the wrapper does not understand (the query itself passed EXPLAIN):
            # as written, bounded by the row and byte caps and the memory limit only
            log.info("cypher: the query could not be measured on the server; running it as written")
            text, run_params, listing = query, dict(params or {}), True
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
