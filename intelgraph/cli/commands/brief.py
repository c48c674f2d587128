"""`intelgraph brief` and `intelgraph trace`: briefs from the graph, and their provenance."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import typer
from rich.markdown import Markdown
from rich.markup import escape
from rich.padding import Padding
from rich.table import Column
from rich.text import Text

from intelgraph.cli.console import driver_session, err, out, print_rows, write_out


def _date(value: str | None, flag: str) -> dt.date | None:
    from intelgraph.errors import InputError

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{flag} {value!r} is not a date; write it as YYYY-MM-DD") from None


def _moment(value: str | None) -> dt.datetime | None:
    """--ingested-by: a date means the end of that day (UTC), a date-time itself (UTC without an offset)."""
    from intelgraph.errors import InputError

    if value is None:
        return None
    from intelgraph.services.brief.model import ingest_cutoff

    moment = ingest_cutoff(value)
    if not isinstance(moment, dt.datetime):
        raise InputError(f"--ingested-by {value!r} is not a date or date-time; write it as YYYY-MM-DD "
                         "or YYYY-MM-DDTHH:MM[:SS][+HH:MM]")
    return moment


def brief(
    topic: str = typer.Option(..., "--topic", "-t", help="What the brief is about: a tag, an entity name or a phrase."),
    entity: str | None = typer.Option(None, "--entity", "-e", help="Only documents that also mention this entity."),
    since: str | None = typer.Option(None, "--since", help="Only documents published on or after this date (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, "--until", help="Only documents published on or before this date (YYYY-MM-DD)."),
    fmt: str = typer.Option("md", "--format", "-f", help="md, html or json."),
    out_file: Path | None = typer.Option(None, "--out", "-o", help="Write the brief to this file instead of the terminal."),
    as_of: str | None = typer.Option(None, "--as-of", help="Build the brief as of this date (YYYY-MM-DD): only "
                                     "documents published on or before it (an undated one: ingested on or before "
                                     "it), with staleness judged as of it."),
    ingested_by: str | None = typer.Option(None, "--ingested-by", help="Only documents ingested by then: a date "
                                           "(the end of that day, UTC) or an ISO date-time. With --as-of on the same "
                                           "day: what the system would have said that day."),
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
                           limit=limit, as_of=_date(as_of, "--as-of"), ingested_by=_moment(ingested_by))
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
    as_json: bool = typer.Option(False, "--json", help="Print the trace as JSON (the same as --format json)."),
) -> None:
    """Show the chain from a node down to passages, documents and sources, with confidence and reliability."""
    from intelgraph.errors import InputError
    from intelgraph.graph.trace import trace as run_trace

    if fmt not in ("text", "json"):
        raise InputError(f"--format {fmt!r}: use text or json")
    if as_json:
        fmt = "json"
    with driver_session() as driver:
        t = run_trace(driver, node_id, limit=limit)
    if fmt == "json":
        out.print_json(json.dumps(t.model_dump(mode="json")))
        return
    # wrapped at the terminal's width (soft_wrap=False), the summary indented under its head
    head = f"[bold]{' / '.join(t.labels)}[/] {escape(t.id)}"
    out.print(head, highlight=False, soft_wrap=False)
    out.print(Padding(Text(t.summary or ""), (0, 0, 0, 2), expand=False), highlight=False, soft_wrap=False)
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
        out.print(Padding(Text("; ".join(facts)), (0, 0, 0, 2), expand=False), highlight=False, soft_wrap=False)
    for link in t.links:
        out.print(f"  —{link.type}→ {escape(link.name or '')} [dim]{escape(link.id)}[/]", highlight=False,
                  soft_wrap=False)
    if not t.steps:
        return
    # the passage gets half the width; ids fold rather than squeeze the text
    columns = [Column("passage", ratio=2), Column("document", ratio=1), Column("source (reliability)", ratio=1)]
    rows = [[f"{escape(s.passage)}\n[dim]{escape(s.passage_id)} \\[{s.start}:{s.end}][/]",
             f"{escape(s.title or s.document_id)}\n[dim]{s.published or 'undated'} {escape(s.document_id)}"
             + (" truncated" if s.truncated else "") + "[/]",
             escape(f"{s.source or '?'} ({s.reliability or '?'}: {s.reliability_label or 'ungraded'})")]
            for s in t.steps]
    print_rows(columns, rows, show_lines=True)
