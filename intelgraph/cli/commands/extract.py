"""`intelgraph extract`: what would be stored, without touching the database.

Files that fail (missing, empty, binary, unreadable) do not stop the others: each
gets one line on stderr, the exit code is 1, and `--json` still prints valid JSON on
stdout for the files that worked (with the failures under "failed").
"""

from __future__ import annotations

import json

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from intelgraph.cli.console import clip, err, out, stdin_bytes
from intelgraph.extract.readers import FORMAT_CHOICES


def extract(
    paths: list[str] = typer.Argument(..., help="Files or folders to read; '-' reads standard input."),
    recursive: bool = typer.Option(False, "--recursive", "-r", help="Descend into sub-folders."),
    fmt: str = typer.Option("auto", "--format", "-f", help=f"Input format: {', '.join(FORMAT_CHOICES)}."),
    source: str | None = typer.Option(None, "--source", help="Publisher name to record."),
    reliability: str | None = typer.Option(None, "--reliability", help="Admiralty source reliability A-F."),
    as_json: bool = typer.Option(False, "--json", help="Print {documents: [full records], failed: [name, reason]} as JSON instead of the summary."),
) -> None:
    """Show what ingesting these documents would store: a readable summary, or the records as JSON."""
    from intelgraph.errors import InputError
    from intelgraph.extract.pipeline import expand_paths, extract as run_extract
    from intelgraph.extract.sources import SourceGrades

    grades = SourceGrades(override_name=source, override_reliability=reliability.upper() if reliability else None)
    stdin = stdin_bytes(paths)
    names = list(expand_paths(paths, recursive=recursive))
    if not names:
        raise InputError("no documents found: name files or folders (use --recursive for sub-folders)")
    results, failures = run_extract(names, fmt, source_for=grades.source_for, stdin=stdin)

    if as_json:
        payload = [{
            "name": r.name, "document_id": r.document_id, "format": r.parsed.format, "layout": r.parsed.layout,
            "title": r.parsed.title, "published": r.parsed.published, "truncated": r.parsed.truncated,
            "missing": r.parsed.missing, "warnings": r.parsed.warnings,
            "nodes": [n.model_dump(mode="json") for n in r.graph.nodes],
            "edges": [e.model_dump(mode="json") for e in r.graph.edges],
        } for r in results]
        out.print_json(json.dumps({"documents": payload,
                                   "failed": [{"name": f.name, "reason": f.reason} for f in failures]}))
    else:
        for r in results:
            _print_one(r)
    for f in failures:
        reason = f.reason if f.reason.startswith(f"{f.name}:") else f"{f.name}: {f.reason}"
        err.print(f"[red]failed[/] {escape(reason)}", highlight=False)
    if failures:
        raise typer.Exit(1)


def _print_one(r) -> None:
    from intelgraph.ontology import L

    p = r.parsed
    out.rule(Text(r.name))
    # wrapped at the terminal's width (soft_wrap=False): a long title or id goes on over the next line
    out.print(f"[bold]{escape(p.title or '(no title)')}[/]  {p.published or 'undated'}  layout={p.layout}  "
              f"id={r.document_id}" + ("  [yellow]truncated[/]" if p.truncated else ""), highlight=False,
              soft_wrap=False)
    if p.missing:
        out.print(f"missing sections: {', '.join(p.missing)}", markup=False, highlight=False, soft_wrap=False)
    counts = r.graph.counts()
    table = Table(show_header=True, box=None)
    table.add_column("records", overflow="fold")
    table.add_column("count", justify="right", no_wrap=True)
    for key in sorted(counts):
        table.add_row(key, str(counts[key]))
    out.print(table)
    for node in r.graph.nodes:
        if node.label in (L.Hypothesis, L.Assessment):
            extra = node.props.get("label") or node.props.get("confidence") or ""
            out.print(f"  {node.label} {extra}: {clip(str(node.props.get('text')), 110)}", markup=False,
                      highlight=False, soft_wrap=False)
    for w in p.warnings:
        out.print(f"[yellow]warning[/] {escape(w)}", highlight=False, soft_wrap=False)
