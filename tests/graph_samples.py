"""Small hand-made GraphDocuments for writer and schema tests."""

from __future__ import annotations

from intelgraph.ontology.records import EdgeRecord, GraphDocument, NodeRecord


def sample_document(doc_id: str = "doc:t1", *, entity_suffix: str = "") -> GraphDocument:
    text = "Officials in Valdoria said the border talks stalled."
    passage = f"{doc_id}:0-{len(text)}"
    return GraphDocument(
        document_id=doc_id,
        nodes=[
            NodeRecord(label="Source", id="source:test-wire", props={"name": "Test Wire", "reliability": "C"}),
            NodeRecord(label="Document", id=doc_id, props={
                "text": text, "format": "text", "truncated": False, "published": "2026-03-01", "title": "Talks"}),
            NodeRecord(label="Passage", id=passage, props={"start": 0, "end": len(text), "text": text}),
            NodeRecord(label="Location", id=f"entity:valdoria{entity_suffix}",
                       props={"name": "Valdoria", "key": "valdoria", "aliases": ["Valdoria"]}),
            NodeRecord(label="Claim", id=f"claim:{doc_id}:1", props={
                "text": text, "extraction_score": 0.7, "polarity": "positive", "predicate": "stall"}),
        ],
        edges=[
            EdgeRecord(type="PUBLISHED_BY", start_label="Document", start=doc_id, end_label="Source", end="source:test-wire"),
            EdgeRecord(type="PART_OF", start_label="Passage", start=passage, end_label="Document", end=doc_id),
            EdgeRecord(type="MENTIONS", start_label="Passage", start=passage, end_label="Location",
                       end=f"entity:valdoria{entity_suffix}", props={"start": 14, "end": 22, "text": "Valdoria"}),
            EdgeRecord(type="EXTRACTED_FROM", start_label="Claim", start=f"claim:{doc_id}:1",
                       end_label="Passage", end=passage),
            EdgeRecord(type="ABOUT", start_label="Claim", start=f"claim:{doc_id}:1", end_label="Location",
                       end=f"entity:valdoria{entity_suffix}", props={"role": "subject"}),
        ],
    )
