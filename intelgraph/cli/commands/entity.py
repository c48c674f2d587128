"""`intelgraph entity merge|rename|retype|reject|history`: analysts correct what extraction got wrong.

An entity is named by its id (entity:…), its exact name or one of its exact aliases; a
name several entities bear is refused with the candidates listed (exit 2). Each action
is stored in the graph (who, when, what) and re-applied whenever a later document
touches the entity, so a fix stays fixed. Messages go to stderr; --json prints the
result on stdout.
"""

from __future__ import annotations

import getpass
import json

import typer
from rich.markup import escape
from rich.text import Text

from intelgraph.cli.console import driver_session, err, out, print_rows

app = typer.Typer(help="Correct entities: merge, rename, retype, reject; and see what was done.",
                  no_args_is_help=True)

_BY = typer.Option(None, "--by", help="Who is curating (default: your login name).")
_NOTE = typer.Option(None, "--note", help="Why, in a few words; kept with the action.")
_JSON = typer.Option(False, "--json", help="Print the action and the entity after it as JSON on stdout.")


def _curator(by: str | None) -> str:
    if by:
        return by
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (some containers)
        return "unknown"


def _report(result: dict, as_json: bool, message: str) -> None:
    if as_json:
        out.print_json(json.dumps(result, default=str))
        return
    err.print(escape(message), highlight=False)
    entity = result.get("entity")
    if entity:
        named = ", ".join(f"{a['alias']} ({a['mentions']})" for a in entity["mentioned_as"]) or "none"
        err.print(escape(f"  {entity['id']}: {entity['name']} [{entity['type']}]; mentioned as {named}"),
                  highlight=False)


@app.command()
def merge(
    into: str = typer.Argument(..., metavar="A", help="The entity that stays (id, name or alias)."),
    other: str = typer.Argument(..., metavar="B", help="The entity merged into it and removed (id, name or alias)."),
    by: str | None = _BY, note: str | None = _NOTE, as_json: bool = _JSON,
) -> None:
    """Merge B into A: B's mentions, claims and relationships move to A, its names become A's aliases, B is gone.

    Later documents that mention B (by the name that made it) are merged into A as they are ingested.
    """
    from intelgraph.graph.curation import merge as do_merge

    with driver_session() as driver:
        result = do_merge(driver, into, other, curator=_curator(by), reason=note)
    moved = ", ".join(f"{n} {t}" for t, n in result["moved"].items()) or "no relationships"
    c = result["curation"]
    _report(result, as_json, f"merged {c['target']} ({c['target_name']}) into {c['argument']}: moved {moved}")


@app.command()
def rename(
    entity: str = typer.Argument(..., metavar="ENTITY", help="The entity (id, name or alias)."),
    name: str = typer.Argument(..., metavar="NAME", help="Its new name; the old one stays an alias."),
    by: str | None = _BY, note: str | None = _NOTE, as_json: bool = _JSON,
) -> None:
    """Give an entity another name (the name later documents write is replaced by it again)."""
    from intelgraph.graph.curation import rename as do_rename

    with driver_session() as driver:
        result = do_rename(driver, entity, name, curator=_curator(by), reason=note)
    c = result["curation"]
    _report(result, as_json, f"renamed {c['target']} from {c['target_name']!r} to {c['argument']!r}")


@app.command()
def retype(
    entity: str = typer.Argument(..., metavar="ENTITY", help="The entity (id, name or alias)."),
    type_: str = typer.Argument(..., metavar="TYPE", help="An entity type from the ontology: Person, "
                                                          "Organization, Location, Group, Event, Facility."),
    by: str | None = _BY, note: str | None = _NOTE, as_json: bool = _JSON,
) -> None:
    """Give an entity another type; its other type labels are removed, now and after later ingests."""
    from intelgraph.graph.curation import retype as do_retype

    with driver_session() as driver:
        result = do_retype(driver, entity, type_, curator=_curator(by), reason=note)
    c = result["curation"]
    _report(result, as_json, f"retyped {c['target']} ({c['target_name']}) as {c['argument']}")


@app.command()
def reject(
    entity: str = typer.Argument(..., metavar="ENTITY", help="The entity (id, name or alias)."),
    by: str | None = _BY, note: str | None = _NOTE, as_json: bool = _JSON,
) -> None:
    """Not an entity: remove it and its relationships (passages and claims stay); later documents do not bring it back."""
    from intelgraph.graph.curation import reject as do_reject

    with driver_session() as driver:
        result = do_reject(driver, entity, curator=_curator(by), reason=note)
    c = result["curation"]
    _report(result, as_json, f"rejected {c['target']} ({c['target_name']}): removed from the graph")


@app.command()
def history(
    name: str = typer.Argument(..., metavar="NAME", help="An entity id, name or alias; or the name of an entity merged or "
                                         "rejected."),
    as_json: bool = typer.Option(False, "--json", help="Print {entity, actions} as JSON on stdout."),
) -> None:
    """What analysts did to an entity and to the entities merged into it: action, who, when, oldest first."""
    from intelgraph.graph.curation import history as do_history

    with driver_session() as driver:
        result = do_history(driver, name)
    if as_json:
        out.print_json(json.dumps(result, default=str))
        return
    entity = result["entity"]
    if entity:
        out.print(escape(f"{entity['id']}: {entity['name']} [{entity['type']}]"), highlight=False)
    else:
        out.print(escape(f"{name}: no longer in the graph"), highlight=False)
    rows = [[Text(str(a["curated_at"])[:19].replace("T", " ")), Text(a["action"]), Text(_what(a)),
             Text(a["curator"] or ""), Text(a["reason"] or "")] for a in result["actions"]]
    if rows:
        print_rows(("when (UTC)", "action", "what", "who", "why"), rows)
    out.print(f"{len(rows)} action(s)")


def _what(action: dict) -> str:
    """The target as it was named then, and the argument (new name, new type, or the entity merged into)."""
    target = f"{action['target_name']} ({action['target']})"
    return target if action["argument"] is None else f"{target} → {action['argument']}"
