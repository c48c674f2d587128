"""Briefs as graph nodes: a Brief with its request, queries and body, CITES every passage.

Stored through the graph writer (one transaction, ontology-checked), so a brief can
be reproduced (its queries and parameters) and traced (its citations) later.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from neo4j import Driver

from intelgraph.services.brief.model import BriefDocument, Citation
from intelgraph.errors import NotFound
from intelgraph.graph.driver import read
from intelgraph.graph.writer import GraphWriter
from intelgraph.ontology import L, R
from intelgraph.ontology.records import EdgeRecord, GraphDocument, NodeRecord
from intelgraph.queries import query


def store_brief(driver: Driver, brief: BriefDocument) -> None:
    brief.stored = True
    req = brief.request
    node = NodeRecord(label=L.Brief, id=brief.id, props={
        "topic": req.topic, "entity": req.entity,
        "since": req.since.isoformat() if req.since else None,
        "until": req.until.isoformat() if req.until else None,
        "queries": list(brief.queries), "parameters": req.model_dump_json(),
        "created_at": brief.created_at.isoformat(), "body": brief.model_dump_json(),
        # both cut-offs, so the brief's documents can be found again as they stood
        "as_of": brief.as_of.isoformat() if brief.as_of else None,
        "ingested_by": brief.ingested_by.isoformat() if brief.ingested_by else None,
    })
    edges: dict[str, EdgeRecord] = {}
    for c in citations(brief):
        edges.setdefault(c.passage_id, EdgeRecord(type=R.CITES, start_label=L.Brief, start=brief.id,
                                                  end_label=L.Passage, end=c.passage_id, props={"n": c.n}))
    GraphWriter(driver).write(GraphDocument(document_id=brief.id, nodes=[node], edges=list(edges.values())))


def citations(brief: BriefDocument) -> Iterator[Citation]:
    """Every citation of a brief: statements, their history, and the ACH evidence."""
    for statement in brief.statements():
        yield from statement.citations
        for entry in statement.history:
            yield entry.citation
    for matrix in brief.ach:
        for ev in matrix.evidence:
            yield ev.citation


def load_brief(driver: Driver, brief_id: str) -> BriefDocument:
    rows = read(driver, query("trace/brief_body"), {"id": brief_id})
    if not rows:
        raise NotFound(f"no brief with id {brief_id!r}; stored briefs: `intelgraph cypher --query explore/briefs`")
    return BriefDocument.model_validate(json.loads(rows[0]["body"]))
