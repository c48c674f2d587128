"""Sources and their reliability grades, for the workbench and the API.

A grade is a notation of the ontology's Reliability vocabulary (Admiralty A–F); setting
one is one write transaction on the Source node. Ingest writes a grade only where the
sources file or the request gives one (graph.writer), so a grade set here stays until a
later document names the source with another grade.
"""

from __future__ import annotations

from typing import Any

import neo4j
from neo4j import Driver

from intelgraph.errors import NotFound
from intelgraph.graph.driver import run_write
from intelgraph.graph.lookups import _check_page, _page, _read, plain
from intelgraph.ontology import get_ontology
from intelgraph.queries.catalog import cypher

_PKG = "intelgraph.graph.cypher"


def _labelled(row: dict) -> dict:
    grade = row.get("reliability")
    row["reliability_label"] = get_ontology().term("Reliability", grade).label if grade else None
    return row


def list_sources(driver: Driver, *, offset: int = 0, limit: int = 50) -> dict[str, Any]:
    _check_page(offset, limit)
    rows = _read(driver, "api/list_sources", {"offset": offset, "limit": limit + 1})
    return _page([_labelled(r) for r in rows], offset, limit)


def set_reliability(driver: Driver, source_id: str, reliability: str) -> dict[str, Any]:
    """Grade a source; OntologyError for a grade outside the vocabulary, NotFound for no such source."""
    grade = get_ontology().term("Reliability", reliability).notation

    def work(tx: neo4j.ManagedTransaction) -> list[dict]:
        return [plain(r.data()) for r in tx.run(cypher(_PKG, "set_source_reliability"),
                                                {"id": source_id, "reliability": grade})]

    rows = run_write(driver, work)
    if not rows:
        raise NotFound(f"no source with id {source_id!r}")
    return _labelled(rows[0])
