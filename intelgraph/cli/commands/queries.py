"""`intelgraph cypher` and `intelgraph queries list|show`: Cypher for analysts, read-only.

A named query's header (its leading `//` lines) states its parameters in two fields:

    // required: $name (an entity name or alias, e.g. "Amara Voss")
    // optional: $limit (default 25), $since (default null)

`required: none` when it needs nothing; a field may go on over further lines that
start with `//` and two or more spaces. Every `$word` in a field is a parameter. The
query gives each optional parameter its default itself (`coalesce($limit, 25)`), so
`cypher --query NAME` passes null for every optional one not given with --param
(Neo4j refuses a query whose parameter is not supplied at all), and stops with one
line when a required one is missing.
"""

from __future__ import annotations

import json
import re

import typer
from rich.syntax import Syntax
from rich.text import Text

from intelgraph.cli.console import clip, driver_session, out, print_rows

app = typer.Typer(help="The named Cypher queries that ship with intelgraph.", no_args_is_help=True)

_FIELD = re.compile(r"^//\s?(required|optional):(.*)$")
_CONTINUED = re.compile(r"^//\s{2,}(\S.*)$")
_ANY_FIELD = re.compile(r"^(?:[a-z][\w ]*|Neo4j Browser[^:]*):")
CELL_LIMIT = 300  # characters of a list or map value shown in a table cell


def declared_parameters(text: str) -> tuple[list[str], list[str]]:
    """(required, optional) parameter names from a query's header, in order."""
    fields: dict[str, str] = {"required": "", "optional": ""}
    current = None
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        if m := _FIELD.match(line):
            current = m.group(1)
            fields[current] += " " + m.group(2)
        elif current and (m := _CONTINUED.match(line)):
            fields[current] += " " + m.group(1)
        else:
            current = None
    names = {key: list(dict.fromkeys(re.findall(r"\$(\w+)", value))) for key, value in fields.items()}
    return names["required"], names["optional"]


def summary(description: str) -> str:
    """What a query returns, in words: the first sentence of its header's lines before the first
    field (`params:`, `required:`, `returns:` …)."""
    lines = []
    for line in description.splitlines():
        if _ANY_FIELD.match(line):
            break
        lines.append(line)
    return re.split(r"(?<=\.)\s+(?=[A-Z])", " ".join(lines), maxsplit=1)[0]


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


def _named_params(name: str, text: str, given: dict) -> dict:
    """`given` plus null for each optional parameter the query declares and was not given."""
    from intelgraph.errors import QueryError

    required, optional = declared_parameters(text)
    missing = [p for p in required if p not in given]
    if missing:
        flags = " ".join(f"--param {p}=…" for p in missing)
        raise QueryError(f"{name} needs {flags} (see `intelgraph queries show {name}`)")
    return {**{p: None for p in optional}, **given}


def cypher_command(
    statement: str | None = typer.Argument(None, help="A read-only Cypher query."),
    query_name: str | None = typer.Option(None, "--query", "-q", help="Run a named query instead (see `intelgraph queries list`); its optional parameters default to the values its header states."),
    param: list[str] = typer.Option([], "--param", "-p", help="A parameter as name=value (JSON values allowed, null too); repeatable."),
    as_json: bool = typer.Option(False, "--json", help="Print {columns, rows, truncated, size_capped} as JSON instead of a table."),
    timeout: float | None = typer.Option(None, "--timeout", help="Seconds before the query is stopped (default INTELGRAPH_QUERY_TIMEOUT)."),
    limit: int | None = typer.Option(None, "--max-rows", help="Row cap (default INTELGRAPH_ROW_CAP)."),
) -> None:
    """Run a read-only Cypher query and print a table. Writes, LOAD CSV, dbms.* and the like are refused."""
    from intelgraph.errors import QueryError
    from intelgraph.graph.readonly import run_read_only
    from intelgraph.queries import query

    if bool(statement) == bool(query_name):
        raise QueryError("give either a query or --query NAME")
    import math

    from intelgraph.errors import InputError

    if timeout is not None and not (math.isfinite(timeout) and timeout > 0):
        raise InputError(f"--timeout {timeout:g}: give a number of seconds above 0")
    if limit is not None and limit < 1:
        raise InputError(f"--max-rows {limit}: give 1 or more")
    params = _parse_params(param)
    if query_name:
        text = query(query_name)
        params = _named_params(query_name, text, params)
    else:
        text = statement
    with driver_session() as driver:
        result = run_read_only(driver, text, params, timeout=timeout, row_cap=limit)
    if as_json:
        out.print_json(json.dumps({"columns": result.columns, "rows": result.rows,
                                   "truncated": result.truncated, "size_capped": result.size_capped},
                                  default=str))
        return
    # headers and values as Text: a name like n[0] or a value like "[S, High]" is not markup
    print_rows([Text(c) for c in result.columns],
               [[Text(_cell(row[c])) for c in result.columns] for row in result.rows])
    if result.size_capped:
        note = f" (cut off: the answer passed {result.max_bytes:,} bytes, INTELGRAPH_MAX_RESPONSE_BYTES; return less)"
    elif result.truncated:
        note = " (capped: more rows exist; use --max-rows)"
    else:
        note = ""
    out.print(Text(f"{len(result.rows)} row(s){note}"))


def _cell(value) -> str:
    if isinstance(value, (dict, list)):
        return clip(json.dumps(value, default=str), CELL_LIMIT)
    return "" if value is None else str(value)


@app.command("list")
def list_queries(
    as_json: bool = typer.Option(False, "--json", help="Print [{name, description, required, optional}] as JSON: "
                                                       "the whole header and the parameters it declares."),
) -> None:
    """List the named queries with what each returns."""
    from intelgraph.queries import describe, names, query

    listed = []
    for name in names():
        required, optional = declared_parameters(query(name))
        listed.append({"name": name, "description": describe(name), "required": required, "optional": optional})
    if as_json:
        out.print_json(json.dumps(listed))
        return
    print_rows(["name", "what it returns"],
               [[Text(q["name"]), Text(summary(q["description"]))] for q in listed])


@app.command("show")
def show(name: str = typer.Argument(..., help="e.g. explore/sources")) -> None:
    """Print a named query, ready to paste into Neo4j Browser (its header says which :param lines to set first)."""
    from intelgraph.queries import query

    out.print(Syntax(query(name), "cypher", word_wrap=True, theme="ansi_dark"))
