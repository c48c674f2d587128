"""`intelgraph lineage confirm|cut|relink`: analysts decide which judgements answer the same question.

A judgement is named by its assessment id (bluf:… or assessment:…) or its document id
(doc:…). Confirm and cut are stored as curations (who, when, why) and hold on every
later ingest: a cut link is never made again. `relink` links a graph written before
lineage existed. A question's timeline: `intelgraph cypher --query explore/judgement_history
--param question=ID`.
"""

from __future__ import annotations

import json

import typer
from rich.markup import escape

from intelgraph.cli.commands.entity import _BY, _JSON, _NOTE, _curator
from intelgraph.cli.console import driver_session, err, out

app = typer.Typer(help="Judgement lineage: confirm or cut the link between two judgements; relink all.",
                  no_args_is_help=True)


def _report(result: dict, as_json: bool, message: str) -> None:
    if as_json:
        out.print_json(json.dumps(result, default=str))
    else:
        err.print(escape(message), highlight=False)


@app.command()
def confirm(
    a: str = typer.Argument(..., metavar="A", help="A judgement: assessment id or document id."),
    b: str = typer.Argument(..., metavar="B", help="Another judgement on the same question."),
    by: str | None = _BY, note: str | None = _NOTE, as_json: bool = _JSON,
) -> None:
    """A and B answer the same question: link them (newer revises older), whatever the rule says."""
    from intelgraph.services.lineage import confirm as do_confirm

    with driver_session() as driver:
        result = do_confirm(driver, a, b, curator=_curator(by), reason=note)
    link = result["link"] or {}
    _report(result, as_json, f"linked {link.get('newer')} -> {link.get('older')}: {link.get('change')} (confirmed)")


@app.command()
def cut(
    a: str = typer.Argument(..., metavar="A", help="A judgement: assessment id or document id."),
    b: str = typer.Argument(..., metavar="B", help="The judgement it is wrongly linked to."),
    by: str | None = _BY, note: str | None = _NOTE, as_json: bool = _JSON,
) -> None:
    """A and B answer different questions: remove their link; it stays cut on later ingests."""
    from intelgraph.services.lineage import cut as do_cut

    with driver_session() as driver:
        result = do_cut(driver, a, b, curator=_curator(by), reason=note)
    _report(result, as_json, f"cut {result['curation']['target']} / {result['curation']['argument']} "
                             f"({result['deleted']} link(s) removed)")


@app.command()
def relink(as_json: bool = _JSON) -> None:
    """Link every stored document's judgement again (a graph written before lineage, or after a rule change)."""
    from intelgraph.services.lineage import relink as do_relink

    with driver_session() as driver:
        result = do_relink(driver)
    _report(result, as_json, f"relinked {result['documents']} document(s); {result['links_written']} link(s) written")
