"""Shared helpers for tests that ingest documents into the real database."""

from __future__ import annotations

from pathlib import Path

from intelgraph.graph.driver import read

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


def graph_counts(driver) -> dict[str, int]:
    nodes = read(driver, "MATCH (n) RETURN count(n) AS c")[0]["c"]
    rels = read(driver, "MATCH ()-[r]->() RETURN count(r) AS c")[0]["c"]
    return {"nodes": nodes, "relationships": rels}


def per_document(driver) -> dict[str, dict[str, int]]:
    """Passages and extracted records per stored document."""
    rows = read(driver, """
        MATCH (d:Document)
        RETURN d.id AS id,
               COUNT { (d)<-[:PART_OF]-(:Passage) } AS passages,
               COUNT { (d)<-[:PART_OF]-(:Passage)<-[:EXTRACTED_FROM]-() } AS records,
               COUNT { (d)<-[:PART_OF]-(:Passage)-[:MENTIONS]->() } AS mentions""")
    return {r["id"]: {"passages": r["passages"], "records": r["records"], "mentions": r["mentions"]} for r in rows}
