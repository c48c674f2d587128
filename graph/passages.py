"""Passages for the workbench's document page: a document's highlighted passages, one passage's detail."""

from __future__ import annotations

from typing import Any

from neo4j import Driver

from intelgraph.errors import NotFound
from intelgraph.graph.lookups import _read, kind_of

ROWS = 200  # passages of a document, and rows of each list of a passage's detail


def document_passages(driver: Driver, document_id: str) -> dict[str, Any]:
    """The document's text and the passages something was extracted from or a brief cites."""
    rows = _read(driver, "api/list_document_passages", {"id": document_id, "limit": ROWS * 10})
    if not rows:
        raise NotFound(f"no document with id {document_id!r}")
    row = rows[0]
    for p in row["passages"]:
        p["kinds"] = sorted({k for labels in p.pop("labels") if (k := kind_of(labels))})
    return row


def passage(driver: Driver, passage_id: str) -> dict[str, Any]:
    rows = _read(driver, "api/get_passage", {"id": passage_id, "limit": ROWS})
    if not rows:
        raise NotFound(f"no passage with id {passage_id!r}")
    row = rows[0]
    for x in row["objects"]:
        x["kind"] = kind_of(x.pop("labels"))
    for e in row["mentions"]:
        e["type"] = kind_of(e.pop("labels"))
    return row
