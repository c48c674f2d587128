"""`intelgraph changes`: what changed on a topic since a date or since a stored brief."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markdown import Markdown

from intelgraph.cli.commands.brief import _date
from intelgraph.cli.console import driver_session, err, out, write_out


def changes(
    topic: str = typer.Option(..., "--topic", "-t", help="What the changes are about: a tag, an entity name or a phrase."),
    entity: str | None = typer.Option(None, "--entity", "-e", help="Only documents that also mention this entity."),
    since: str | None = typer.Option(None, "--since", help="Documents published on or after this date (YYYY-MM-DD)."),
    since_brief: str | None = typer.Option(None, "--since-brief", help="Documents ingested after this stored brief was made (its id)."),
    fmt: str = typer.Option("md", "--format", "-f", help="md, html or json."),
    out_file: Path | None = typer.Option(None, "--out", "-o", help="Write to this file instead of the terminal."),
    limit: int = typer.Option(25, "--limit", min=1, max=100, help="Items per section."),
) -> None:
    """New documents, new questions, revised judgements (before and after), new red flags; every line cited."""
    from pydantic import ValidationError

    from intelgraph.errors import InputError
    from intelgraph.services.brief import FORMATS, render
    from intelgraph.services.brief.changes import ChangesRequest, build_changes

    if fmt not in FORMATS:
        raise InputError(f"--format {fmt!r}: use one of {', '.join(FORMATS)}")
    try:
        req = ChangesRequest(topic=topic, entity=entity, since=_date(since, "--since"), since_brief=since_brief,
                             limit=limit)
    except ValidationError as exc:
        raise InputError(f"bad changes request: {exc.errors()[0]['loc'][0]}: {exc.errors()[0]['msg']}") from None
    with driver_session() as driver:
        result = build_changes(driver, req)
    text = render(result, fmt)
    if out_file:
        write_out(out_file, text)
        err.print(f"wrote {out_file} ({len(result.statements())} lines, {len(result.sources)} sources)", highlight=False)
    elif fmt == "md" and out.is_terminal:
        out.print(Markdown(text))
    else:
        out.print(text, markup=False, highlight=False, soft_wrap=True)
