"""The graph writer against the real database: idempotent, strict, all or nothing."""

from __future__ import annotations

import pytest

from intelgraph.errors import OntologyError
from intelgraph.graph.driver import read
from intelgraph.graph.writer import GraphWriter
from intelgraph.ontology.records import EdgeRecord, NodeRecord

from graph_samples import sample_document


def counts(driver) -> tuple[int, int]:
    row = read(driver, "MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS n, count(r) AS r")[0]
    return row["n"], row["r"]


def test_write_then_rewrite_changes_nothing(graph):
    writer = GraphWriter(graph)
    first = writer.write(sample_document())
    assert first.nodes_created == 5 and first.relationships_created == 5
    before = counts(graph)
    again = writer.write(sample_document())
    assert again.nodes_created == 0 and again.relationships_created == 0
    assert counts(graph) == before == (5, 5)
    labels = read(graph, "MATCH (e:Entity {id: 'entity:valdoria'}) RETURN labels(e) AS l, e.aliases AS a")[0]
    assert set(labels["l"]) == {"Node", "Entity", "Location"} and labels["a"] == ["Valdoria"]


def test_small_batches_write_the_same_graph(graph):
    GraphWriter(graph, batch_size=1).write(sample_document())
    assert counts(graph) == (5, 5)


def test_aliases_accumulate_across_documents(graph):
    writer = GraphWriter(graph)
    writer.write(sample_document("doc:a"))
    doc = sample_document("doc:b")
    doc.nodes[3].props["aliases"] = ["Republic of Valdoria", "Valdoria"]
    writer.write(doc)
    row = read(graph, "MATCH (e:Entity {id: 'entity:valdoria'}) RETURN e.aliases AS a, "
                      "COUNT { (e)<-[:MENTIONS]-() } AS m")[0]
    assert sorted(row["a"]) == ["Republic of Valdoria", "Valdoria"] and row["m"] == 2


def test_dates_are_stored_as_neo4j_dates(graph):
    GraphWriter(graph).write(sample_document())
    row = read(graph, "MATCH (d:Document) WHERE d.published >= date('2026-01-01') RETURN count(d) AS c")[0]
    assert row["c"] == 1


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d.nodes.append(NodeRecord(label="Spy", id="x")), "unknown label 'Spy'"),
    (lambda d: d.nodes[0].props.update(motto="x"), "motto"),
    (lambda d: d.edges.append(EdgeRecord(type="LIKES", start_label="Claim", start="a", end_label="Claim", end="b")),
     "unknown relationship type 'LIKES'"),
])
def test_unknown_terms_are_refused_before_anything_is_written(graph, mutate, message):
    doc = sample_document()
    mutate(doc)
    with pytest.raises(OntologyError, match=message):
        GraphWriter(graph).write(doc)
    assert counts(graph) == (0, 0)


def test_a_bad_last_record_leaves_nothing_of_the_document(graph):
    """Atomicity: the last edge points to a node that exists nowhere, found only in the database."""
    doc = sample_document()
    doc.edges.append(EdgeRecord(type="ABOUT", start_label="Claim", start=doc.nodes[-1].id,
                                end_label="Person", end="entity:nobody"))
    with pytest.raises(OntologyError, match="point to nodes"):
        GraphWriter(graph, batch_size=2).write(doc)
    assert counts(graph) == (0, 0)


def test_related_to_counts_distinct_claims(graph):
    writer = GraphWriter(graph)
    doc = sample_document()
    doc.nodes.append(NodeRecord(label="Organization", id="entity:border-council",
                                props={"name": "Border Council", "key": "border council"}))
    doc.edges.append(EdgeRecord(type="RELATED_TO", start_label="Location", start="entity:valdoria",
                                end_label="Organization", end="entity:border-council",
                                props={"predicate": "stall", "polarity": "positive", "modality": ["asserted"],
                                       "claim_ids": ["claim:doc:t1:1"]}))
    writer.write(doc)
    writer.write(doc)
    row = read(graph, "MATCH ()-[r:RELATED_TO]->() RETURN r.count AS c, r.predicate AS p")[0]
    assert row == {"c": 1, "p": "stall"}


def test_a_denied_and_an_asserted_relation_stay_apart(graph):
    """Polarity is part of RELATED_TO's key: a denied "supply" between two entities is
    never merged into an asserted one, and writing them again changes nothing."""
    writer = GraphWriter(graph)
    doc = sample_document()
    doc.nodes.append(NodeRecord(label="Organization", id="entity:border-council",
                                props={"name": "Border Council", "key": "border council"}))
    for polarity, modality, claim in (("positive", "reported", "claim:doc:t1:1"), ("negative", "denied", "claim:doc:t1:2"),
                                      ("negative", "asserted", "claim:doc:t1:3")):
        doc.edges.append(EdgeRecord(type="RELATED_TO", start_label="Location", start="entity:valdoria",
                                    end_label="Organization", end="entity:border-council",
                                    props={"predicate": "supply", "polarity": polarity, "modality": [modality],
                                           "claim_ids": [claim]}))
    writer.write(doc)
    writer.write(doc)
    rows = read(graph, "MATCH ()-[r:RELATED_TO]->() RETURN r.polarity AS p, r.count AS c, r.modality AS m "
                       "ORDER BY p")
    assert [(r["p"], r["c"], sorted(r["m"])) for r in rows] == [
        ("negative", 2, ["asserted", "denied"]), ("positive", 1, ["reported"])]


def test_related_to_without_a_polarity_is_refused(graph):
    doc = sample_document()
    doc.edges.append(EdgeRecord(type="RELATED_TO", start_label="Location", start="entity:valdoria",
                                end_label="Location", end="entity:valdoria", props={"predicate": "meet"}))
    with pytest.raises(OntologyError, match="needs a polarity"):
        GraphWriter(graph).write(doc)
    assert counts(graph) == (0, 0)


def test_related_to_without_a_predicate_is_refused(graph):
    doc = sample_document()
    doc.edges.append(EdgeRecord(type="RELATED_TO", start_label="Location", start="entity:valdoria",
                                end_label="Location", end="entity:valdoria", props={}))
    with pytest.raises(OntologyError, match="needs a predicate"):
        GraphWriter(graph).write(doc)
    assert counts(graph) == (0, 0)


def test_edges_lock_shared_nodes_in_one_global_order():
    """Regression: edges sorted by their own ids locked hub entities in a different order
    in each document, so concurrent ingest deadlocked on them (Neo4j retried each after
    ~1 s). Every document must take the shared nodes' locks in ascending id order."""
    from pathlib import Path

    from intelgraph.extract.pipeline import extract
    from intelgraph.extract.sources import SourceGrades
    from intelgraph.ontology import get_ontology

    examples = sorted(str(p) for p in (Path(__file__).resolve().parents[1] / "examples").glob("*.txt"))[:4]
    extractions, failures = extract(examples, source_for=SourceGrades().source_for)
    assert not failures
    onto = get_ontology()
    for x in extractions:
        shared = {n.id for n in x.graph.nodes if onto.cls(n.label).shared}
        _, edges = GraphWriter(None, batch_size=100).prepare(x.graph)  # type: ignore[arg-type]
        hubs = [sorted(e for e in (r["start"], r["end"]) if e in shared) for r in edges]
        touching = [h for h in hubs if h]
        assert len(touching) > 10 and touching == sorted(touching)


def test_driver_debug_log_does_not_dump_the_rows(graph, caplog):
    """The driver formats a debug line with every parameter for each RUN; the rows
    (whole passages of text) show as a count, so a debug log stays readable and a
    write spends no CPU on their repr."""
    import logging

    doc = sample_document()
    passage = next(n.props["text"] for n in doc.nodes if n.label == "Passage")
    with caplog.at_level(logging.DEBUG, logger="neo4j"):
        GraphWriter(graph).write(doc)
    runs = [r.getMessage() for r in caplog.records if "C: RUN" in r.getMessage()]
    assert runs and any(" rows>" in line for line in runs)
    assert not any(passage[:40] in line for line in runs)


def _typed(doc_id: str, label: str, mentions: int):
    doc = sample_document(doc_id)
    entity = doc.nodes[3]
    doc.nodes[3] = NodeRecord(label=label, id=entity.id, props={
        **entity.props, "type_votes": [f"{doc_id}|{label}|{mentions}"]})
    for edge in doc.edges:
        if edge.end == entity.id:
            edge.end_label = label
    return doc


def _labels(graph) -> list[str]:
    row = read(graph, "MATCH (e:Entity {id: 'entity:valdoria'}) RETURN labels(e) AS l, e.type_votes AS v")[0]
    return sorted(set(row["l"]) - {"Node", "Entity"})


@pytest.mark.parametrize("order", [("a", "b", "c"), ("c", "b", "a"), ("b", "a", "c")])
def test_an_entity_has_one_type_decided_by_every_documents_votes(graph, order):
    """Issue 14: one node carried Person, Facility and Location at once. The type with
    most mentions over all documents wins, whatever order they arrive in, and the other
    labels go; writing a document again changes nothing."""
    docs = {"a": _typed("doc:a", "Person", 1), "b": _typed("doc:b", "Location", 3), "c": _typed("doc:c", "Facility", 1)}
    writer = GraphWriter(graph)
    for name in order:
        writer.write(docs[name])
    assert _labels(graph) == ["Location"]
    writer.write(docs["a"])
    assert _labels(graph) == ["Location"]
    votes = read(graph, "MATCH (e:Entity {id: 'entity:valdoria'}) RETURN e.type_votes AS v")[0]["v"]
    assert sorted(votes) == ["doc:a|Person|1", "doc:b|Location|3", "doc:c|Facility|1"]
