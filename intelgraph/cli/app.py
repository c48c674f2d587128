"""The `intelgraph` command line (typer).

Sub-commands live in intelgraph/cli/commands/, one module each; this file only wires
them. Heavy imports (spaCy, the driver) happen inside commands, so `--help` is fast.
"""

from __future__ import annotations

import logging

import typer

from intelgraph import __version__
from intelgraph.cli.commands import brief as brief_cmd
from intelgraph.cli.commands import changes as changes_cmd
from intelgraph.cli.commands import lineage as lineage_cmd
from intelgraph.cli.commands import entity as entity_cmd
from intelgraph.cli.commands import export as export_cmd
from intelgraph.cli.commands import extract as extract_cmd
from intelgraph.cli.commands import ingest as ingest_cmd
from intelgraph.cli.commands import queries as queries_cmd
from intelgraph.cli.commands import schema as schema_cmd
from intelgraph.cli.commands import serve as serve_cmd
from intelgraph.cli.commands import server as server_cmd
from intelgraph.cli.console import IntelgraphGroup

app = typer.Typer(
    cls=IntelgraphGroup,
    name="intelgraph",
    help=(
        "A knowledge-graph-backed intelligence store on Neo4j: ingest briefs, digests and news; "
        "generate briefs whose every line traces to its source passages.\n\n"
        "Uses the local Neo4j that `intelgraph server start` runs, or any Neo4j set by NEO4J_URI, "
        "NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"intelgraph {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log progress details to stderr."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    level = logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    # the driver logs connection retries at WARNING; keep them for --verbose
    if not verbose:
        logging.getLogger("neo4j").setLevel(logging.ERROR)


app.add_typer(server_cmd.app, name="server")
app.add_typer(schema_cmd.app, name="schema")
app.command("ingest")(ingest_cmd.ingest)
app.command("extract")(extract_cmd.extract)
app.command("brief")(brief_cmd.brief)
app.command("trace")(brief_cmd.trace)
app.command("changes")(changes_cmd.changes)
app.command("cypher")(queries_cmd.cypher_command)
app.command("export")(export_cmd.export)
app.command("serve")(serve_cmd.serve)
app.add_typer(queries_cmd.app, name="queries")
app.add_typer(entity_cmd.app, name="entity")
app.add_typer(lineage_cmd.app, name="lineage")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
