"""`intelgraph brief` and `intelgraph trace`: briefs from the graph, and their provenance."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import typer
from rich.markdown import Markdown
from rich.table import Table

from intelgraph.cli.console import driver_session, err, out, write_out


def _date(value: str | None, flag: str) -> dt.date | None:
    from intelgraph.errors import InputError

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{flag} {value!r} is not a date; write it as YYYY-MM-DD") from None


def brief(
    topic: str = typer.Option(..., "--topic", "-t", help="What the brief is about: a tag, an entity name or a phrase."),
    entity: str | None = typer.Option(None, "--entity", "-e", help="Only documents that also mention this entity."),
    since: str | None = typer.Option(None, "--since", help="Only documents published on or after this date (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, "--until", help="Only documents published on or before this date (YYYY-MM-DD)."),
    fmt: str = typer.Option("md", "--format", "-f", help="md, html or json."),
    out_file: Path | None = typer.Option(None, "--out", "-o", help="Write the brief to this file instead of the terminal."),
    limit: int = typer.Option(10, "--limit", min=1, max=100, help="Items per section."),
    no_store: bool = typer.Option(False, "--no-store", help="Don't keep the brief as a Brief node in the graph."),
) -> None:
    """Generate a brief by running the named queries in queries/brief/; every line cites its sources."""
    from intelgraph.services.brief import FORMATS, BriefRequest, generate_brief, render
    from intelgraph.errors import InputError
    from pydantic import ValidationError

    if fmt not in FORMATS:
        raise InputError(f"--format {fmt!r}: use one of {', '.join(FORMATS)}")
    try:
        req = BriefRequest(topic=topic, entity=entity, since=_date(since, "--since"), until=_date(until, "--until"),
                           limit=limit)
    except ValidationError as exc:
        raise InputError(f"bad brief request: {exc.errors()[0]['loc'][0]}: {exc.errors()[0]['msg']}") from None
    with driver_session() as driver:
        result = generate_brief(driver, req, store=not no_store)
    text = render(result, fmt)
    if out_file:
        write_out(out_file, text)
        err.print(f"wrote {out_file} ({len(result.statements())} statements, {len(result.sources)} sources; "
                  f"id {result.id})", highlight=False)
    elif fmt == "md" and out.is_terminal:
        out.print(Markdown(text))
    else:
        out.print(text, markup=False, highlight=False, soft_wrap=True)


def trace(
    node_id: str = typer.Argument(..., help="Any node id: a brief, claim, hypothesis, assessment, entity, document…"),
    fmt: str = typer.Option("text", "--format", "-f", help="text or json."),
    limit: int = typer.Option(50, "--limit", min=1, max=1000, help="Passages to show at most."),
) -> None:
    """Show the chain from a node down to passages, documents and sources, with confidence and reliability."""
    from intelgraph.errors import InputError
    from intelgraph.graph.trace import trace as run_trace

    if fmt not in ("text", "json"):
        raise InputError(f"--format {fmt!r}: use text or json")
    with driver_session() as driver:
        t = run_trace(driver, node_id, limit=limit)
    if fmt == "json":
        out.print_json(json.dumps(t.model_dump(mode="json")))
        return
    head = f"[bold]{' / '.join(t.labels)}[/] {t.id}"
    out.print(head, highlight=False)
    out.print(f"  {t.summary}", markup=False, highlight=False)
    facts = []
    if t.confidence:
        facts.append(f"stated confidence: {t.confidence}")
    if t.likelihood:
        facts.append(f"likelihood: {t.likelihood}")
    if t.extraction_score is not None:
        facts.append(f"extraction score: {t.extraction_score:.2f} (how sure the extractor is)")
    if t.reliability:
        facts.append(f"source reliability: {t.reliability}")
    if facts:
        out.print("  " + "; ".join(facts), highlight=False)
    for link in t.links:
        out.print(f"  —{link.type}→ {link.name or ''} [dim]{link.id}[/]", highlight=False)
    if not t.steps:
        return
    table = Table(show_lines=True)
    for col in ("passage", "document", "source (reliability)"):
        table.add_column(col, overflow="fold")
    for s in t.steps:
        table.add_row(f"{s.passage}\n[dim]{s.passage_id} [{s.start}:{s.end}][/]",
                      f"{s.title or s.document_id}\n[dim]{s.published or 'undated'} {s.document_id}"
                      + (" truncated" if s.truncated else "") + "[/]",
                      f"{s.source or '?'} ({s.reliability or '?'}: {s.reliability_label or 'ungraded'})")
    out.print(table)
