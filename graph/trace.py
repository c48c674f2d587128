"""Provenance: from any node down to passages, documents and sources; a document's subgraph.

`trace(driver, id)` answers with the node (its stated confidence and, apart from it,
the extractor's score), the relationships that carry its reasoning (favours,
supports, attributed to …) and one step per passage, each with its document and the
source's reliability.
"""

from __future__ import annotations

from typing import Any

from neo4j import Driver
from pydantic import BaseModel, ConfigDict, Field

from intelgraph.errors import NotFound
from intelgraph.graph.driver import read
from intelgraph.ontology import get_ontology
from intelgraph.queries import query


class TraceLink(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: str
    id: str
    name: str | None = None


class TraceStep(BaseModel):
    model_config = ConfigDict(extra="forbid")
    passage_id: str
    start: int
    end: int
    passage: str
    document_id: str
    title: str | None
    published: str | None
    truncated: bool | None
    source_id: str | None
    source: str | None
    reliability: str | None
    reliability_label: str | None


class Trace(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    labels: list[str]
    summary: str
    confidence: str | None = None  # the analytic confidence the text states
    extraction_score: float | None = None  # how sure the extractor was; not a confidence
    likelihood: str | None = None
    reliability: str | None = None  # when the node is itself a Source
    links: list[TraceLink] = Field(default_factory=list)
    steps: list[TraceStep] = Field(default_factory=list)

    @property
    def reaches_source(self) -> bool:
        return bool(self.reliability) or any(s.source_id for s in self.steps)


def trace(driver: Driver, node_id: str, *, limit: int = 50) -> Trace:
    rows = read(driver, query("trace/trace_node"), {"id": node_id, "limit": limit})
    if not rows:
        raise NotFound(f"no node with id {node_id!r}; ids appear in briefs, `intelgraph extract --json` and the API")
    first = rows[0]
    onto = get_ontology()

    def label(grade: Any) -> str | None:
        return onto.term("Reliability", grade).label if grade else None

    steps = [TraceStep(passage_id=r["passage_id"], start=r["start"], end=r["end"], passage=r["passage"],
                       document_id=r["document_id"], title=r["title"], published=r["published"],
                       truncated=r["truncated"], source_id=r["source_id"], source=r["source"],
                       reliability=r["reliability"], reliability_label=label(r["reliability"]))
             for r in rows if r["passage_id"]]
    return Trace(id=first["id"], labels=first["labels"], summary=first["summary"], confidence=first["confidence"],
                 extraction_score=first["extraction_score"], likelihood=first["likelihood"],
                 reliability=first["own_reliability"], links=[TraceLink(**x) for x in first["links"] if x],
                 steps=steps)


def document_subgraph(driver: Driver, document_id: str) -> tuple[list[dict], list[dict]]:
    """(nodes, relationships) that one document added to the graph, as the RDF export reads them."""
    rows = read(driver, query("trace/document_subgraph"), {"id": document_id})
    if not rows or not rows[0]["nodes"]:  # the query aggregates: one row even for no match
        raise NotFound(f"no document with id {document_id!r}")
    return rows[0]["nodes"], rows[0]["rels"]
