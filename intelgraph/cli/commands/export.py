"""`intelgraph export`: a document's part of the graph as RDF (Turtle or JSON-LD)."""

from __future__ import annotations

from pathlib import Path

import typer

from intelgraph.cli.console import driver_session, err, out, write_out


def export(
    document_id: str = typer.Argument(..., help="A Document id (doc:…), as `ingest --json` or a brief's Sources list gives it."),
    fmt: str = typer.Option("turtle", "--format", "-f", help="turtle or json-ld."),
    out_file: Path | None = typer.Option(None, "--out", "-o", help="Write to this file."),
    ontology: bool = typer.Option(False, "--with-ontology", help="Include the ontology's own triples."),
) -> None:
    """Export what one document added to the graph as RDF, in the ontology's terms (PROV-O aligned)."""
    from intelgraph.graph.trace import document_subgraph
    from intelgraph.ontology import get_ontology
    from intelgraph.ontology.rdf_export import serialize, to_rdf

    with driver_session() as driver:
        nodes, rels = document_subgraph(driver, document_id)
    g = to_rdf(nodes, rels)
    if ontology:
        g += get_ontology().graph
    text = serialize(g, fmt)
    if out_file:
        write_out(out_file, text)
        err.print(f"wrote {len(g)} triples to {out_file}")
    else:
        out.print(text, markup=False, highlight=False, soft_wrap=True)
