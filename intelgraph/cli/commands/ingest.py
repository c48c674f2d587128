"""`intelgraph ingest`: documents into the graph, with progress and a summary."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Column
from rich.text import Text

from intelgraph.cli.console import driver_session, err, out, print_rows, stdin_bytes
from intelgraph.extract.readers import FORMAT_CHOICES


def ingest(
    paths: list[str] = typer.Argument(..., help="Files or folders to ingest; '-' reads standard input."),
    recursive: bool = typer.Option(False, "--recursive", "-r", help="Descend into sub-folders."),
    fmt: str = typer.Option("auto", "--format", "-f", help=f"Input format: {', '.join(FORMAT_CHOICES)}."),
    source: str | None = typer.Option(None, "--source", help="Publisher name for every document (overrides the one found in the text)."),
    reliability: str | None = typer.Option(None, "--reliability", help="Admiralty source reliability A-F for the publisher (default: from the sources file, else F)."),
    sources_file: Path | None = typer.Option(None, "--sources", help="TOML file of source grades ([sources.\"Name\"] reliability = \"B\") and layout publishers ([layouts] report = \"Name\"); default: sources.toml in the first folder given."),
    workers: int | None = typer.Option(None, "--workers", "-w", min=1, max=16, show_default="2, or 1 on a one-CPU machine", help="NLP worker processes: a run of 8 or more new documents is analysed in them while earlier ones are written (see BENCHMARKS.md)."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON on stdout (documents, records, files with their status and reason, seconds)."),
) -> None:
    """Ingest documents: extract entities, claims, hypotheses … and write them to Neo4j.

    A document already in the graph (same normalised text) is reported unchanged and costs
    no NLP. Each document is written in one transaction: all of it or none of it. Files
    that fail are reported with their reason; the exit code is 1 if any failed.
    """
    from intelgraph.services.ingest import Progress as Callbacks
    from intelgraph.extract.sources import SourceGrades, find_sources_file
    from intelgraph.services.ingest import ingest as run_ingest

    if reliability is not None:
        reliability = reliability.upper()
    grades = SourceGrades.from_file(sources_file or find_sources_file(paths), override_name=source,
                                    override_reliability=reliability)
    from pathlib import Path

    from intelgraph.errors import InputError

    from intelgraph.extract.readers import check_format

    check_format(fmt)  # a mistake in the command line, as a missing path is: before any work
    # a path that is not there is a mistake in the command line: say so before any work
    missing = [p for p in paths if p != "-" and not Path(p).exists()]
    if missing:
        raise InputError(f"{missing[0]}: no such file or folder" + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""))
    stdin = stdin_bytes(paths)

    with driver_session() as driver, Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
        console=err, transient=True, disable=as_json or not err.is_terminal,
    ) as bar:
        task = bar.add_task("ingesting", total=None, rate="")
        import time

        started = time.perf_counter()

        def advance(name: str) -> None:
            bar.advance(task)
            done = bar.tasks[0].completed
            bar.update(task, rate=f"{done / max(time.perf_counter() - started, 1e-6):.1f} docs/s")

        callbacks = Callbacks(total=lambda n: bar.update(task, total=n), advance=advance,
                              phase=lambda text: bar.update(task, description=text))
        summary = run_ingest(driver, paths, fmt=fmt, recursive=recursive, grades=grades, workers=workers,
                             stdin=stdin, progress=callbacks)

    if as_json:
        out.print_json(json.dumps(summary.as_dict()))
    else:
        _print_summary(summary)
    if summary.failed:
        raise typer.Exit(1)


def _print_summary(summary) -> None:
    data = summary.as_dict()
    docs = data["documents"]
    print_rows(["documents", Column("count", justify="right")],
               [[key, str(docs[key])] for key in ("new", "unchanged", "failed")], title="Ingest summary")
    if data["records"]:
        print_rows(["label / relationship", Column("count", justify="right")],
                   [[Text(key), str(value)] for key, value in data["records"].items()],
                   title="Records written (created or matched)")
        secs = data["seconds"]  # index is part of write
        out.print(f"{data['nodes_created']} nodes and {data['relationships_created']} relationships created; "
                  f"{data['words']} words in {secs['read'] + secs['nlp'] + secs['write']:.1f} s "
                  f"(read {secs['read']:.1f}, NLP {secs['nlp']:.1f}, write {secs['write']:.1f} "
                  f"of which {secs['index']:.1f} waiting for the full-text index)")
    for f in data["files"]:
        if f["status"] == "failed":
            err.print(f"[red]failed[/] {escape(f['name'])}: {escape(f['reason'])}", highlight=False)
