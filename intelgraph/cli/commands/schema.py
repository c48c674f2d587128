"""`intelgraph schema apply|show`: the database schema derived from the ontology."""

from __future__ import annotations

import json

import typer
from rich.text import Text

from intelgraph.cli.console import driver_session, err, out, print_rows

app = typer.Typer(help="Constraints and indexes derived from the ontology.", no_args_is_help=True)


@app.command()
def apply(as_json: bool = typer.Option(False, "--json", help="Print {created: [names]} as JSON on stdout.")) -> None:
    """Create the constraints and indexes the ontology defines (idempotent), and count
    what entities written by an older version lack (their mention and document counts)."""
    from intelgraph.graph.schema import apply_schema, fill_entity_counts

    with driver_session() as driver:
        created = apply_schema(driver)
        counted = fill_entity_counts(driver)
    if as_json:
        out.print_json(json.dumps({"created": list(created), "entities_counted": counted}))
        return
    if created:
        err.print(f"created {len(created)}: {', '.join(created)}")
    else:
        err.print("schema up to date: nothing to create")
    if counted:
        err.print(f"counted the mentions and documents of {counted} entities written before counts were kept")


@app.command()
def show(as_json: bool = typer.Option(False, "--json", help="Print {defined, missing, extra} as JSON.")) -> None:
    """Print what the ontology defines, what the database has, and the difference."""
    from intelgraph.graph.schema import schema_diff

    with driver_session() as driver:
        diff = schema_diff(driver)
    if as_json:
        out.print_json(json.dumps({
            "defined": [{"name": i.name, "kind": i.kind, "labels": i.labels, "properties": i.properties,
                         "present": i.name not in diff["missing"]} for i in diff["desired"]],
            "missing": diff["missing"], "extra": diff["extra"],
        }))
        return
    print_rows(("name", "kind", "labels", "properties", "in database"),
               [[Text(item.name), Text(item.kind), Text("|".join(item.labels)), Text(", ".join(item.properties)),
                 Text("no" if item.name in diff["missing"] else "yes")] for item in diff["desired"]],
               title="Schema: ontology vs database")
    out.print(f"{len(diff['desired'])} defined, {len(diff['desired']) - len(diff['missing'])} present, "
              f"{len(diff['missing'])} missing"
              + (f": {', '.join(diff['missing'])}" if diff["missing"] else "")
              + (f"; {len(diff['extra'])} in the database but not the ontology: {', '.join(diff['extra'])}"
                 if diff["extra"] else ""))
