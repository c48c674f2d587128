"""`intelgraph cypher` and `intelgraph queries list|show`: Cypher for analysts, read-only."""

from __future__ import annotations

import json

import typer
from rich.syntax import Syntax
from rich.table import Table

from intelgraph.cli.console import driver_session, out

app = typer.Typer(help="The named Cypher queries that ship with intelgraph.", no_args_is_help=True)


def _parse_params(pairs: list[str]) -> dict:
    from intelgraph.errors import QueryError

    params = {}
    for pair in pairs:
        if "=" not in pair:
            raise QueryError(f"--param {pair!r}: write it as name=value (value may be JSON, e.g. limit=10)")
        key, raw = pair.split("=", 1)
        try:
            params[key.strip()] = json.loads(raw)
        except json.JSONDecodeError:
            params[key.strip()] = raw
    return params


def cypher_command(
    statement: str | None = typer.Argument(None, help="A read-only Cypher query."),
    query_name: str | None = typer.Option(None, "--query", "-q", help="Run a named query instead (see `intelgraph queries list`)."),
    param: list[str] = typer.Option([], "--param", "-p", help="A parameter as name=value (JSON values allowed); repeatable."),
    as_json: bool = typer.Option(False, "--json", help="Print rows as JSON."),
    timeout: float | None = typer.Option(None, "--timeout", help="Seconds before the query is stopped (default INTELGRAPH_QUERY_TIMEOUT)."),
    limit: int | None = typer.Option(None, "--max-rows", help="Row cap (default INTELGRAPH_ROW_CAP)."),
) -> None:
    """Run a read-only Cypher query and print a table. Writes, LOAD CSV, dbms.* and the like are refused."""
    from intelgraph.errors import QueryError
    from intelgraph.graph.readonly import run_read_only
    from intelgraph.queries import query

    if bool(statement) == bool(query_name):
        raise QueryError("give either a query or --query NAME")
    text = query(query_name) if query_name else statement
    params = _parse_params(param)
    with driver_session() as driver:
        result = run_read_only(driver, text, params, timeout=timeout, row_cap=limit)
    if as_json:
        out.print_json(json.dumps({"columns": result.columns, "rows": result.rows,
                                   "truncated": result.truncated}, default=str))
        return
    table = Table(show_lines=False)
    for col in result.columns:
        table.add_column(col, overflow="fold")
    for row in result.rows:
        table.add_row(*[_cell(row[c]) for c in result.columns])
    out.print(table)
    out.print(f"{len(result.rows)} row(s)" + (" (capped: more rows exist; use --max-rows)" if result.truncated else ""))


def _cell(value) -> str:
    if isinstance(value, (dict, list)):
        return json.dumps(value, default=str)[:300]
    return "" if value is None else str(value)


@app.command("list")
def list_queries() -> None:
    """List the named queries with the first line of their description."""
    from intelgraph.queries import describe, names

    table = Table()
    table.add_column("name")
    table.add_column("what it returns")
    for name in names():
        table.add_row(name, describe(name).splitlines()[0] if describe(name) else "")
    out.print(table)


@app.command("show")
def show(name: str = typer.Argument(..., help="e.g. brief/bluf")) -> None:
    """Print a named query, ready to paste into Neo4j Browser (set its :param values first)."""
    from intelgraph.queries import query

    out.print(Syntax(query(name), "cypher", word_wrap=True, theme="ansi_dark"))
