"""Schema from the ontology, applied to the real database."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from intelgraph.cli.app import app
from intelgraph.graph.schema import apply_schema, desired_schema, schema_diff
from intelgraph.ontology import get_ontology

runner = CliRunner()


def test_every_label_gets_an_id_constraint():
    onto = get_ontology()
    constrained = {i.labels[0] for i in desired_schema() if i.kind == "constraint" and i.entity == "node"}
    assert constrained == onto.labels | {onto.key_label}
    names = {i.name for i in desired_schema()}
    assert {"entity_names", "document_text", "document_published", "related_to_key"} <= names


def test_apply_twice_is_idempotent(graph):
    apply_schema(graph)
    assert apply_schema(graph) == []
    diff = schema_diff(graph)
    assert diff["missing"] == [] and diff["extra"] == []


def test_cli_schema_apply_and_show(graph):
    result = runner.invoke(app, ["schema", "apply"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["schema", "show", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["missing"] == [] and all(item["present"] for item in data["defined"])
    assert len(data["defined"]) == len(desired_schema())


def test_apply_replaces_an_index_whose_definition_changed(graph):
    """Regression: an older definition (with Passage, not eventually consistent) blocked
    the new one, since CREATE … IF NOT EXISTS keeps an index of the same name."""
    graph.execute_query("DROP INDEX document_text IF EXISTS")
    graph.execute_query("CREATE FULLTEXT INDEX document_text FOR (n:Passage|Claim) ON EACH [n.text]")
    assert "document_text" in schema_diff(graph)["missing"]
    assert "document_text" in apply_schema(graph)
    diff = schema_diff(graph)
    assert diff["missing"] == [] and diff["extra"] == []


def test_apply_drops_retired_items_and_leaves_other_indexes(graph):
    graph.execute_query("CREATE FULLTEXT INDEX statement_text FOR (n:Document|Claim) ON EACH [n.text]")
    graph.execute_query("CREATE INDEX analyst_own FOR (n:Claim) ON (n.text)")
    assert set(schema_diff(graph)["extra"]) == {"statement_text", "analyst_own"}
    apply_schema(graph)
    assert schema_diff(graph)["extra"] == ["analyst_own"]
    graph.execute_query("DROP INDEX analyst_own")


def test_related_to_keys_are_backfilled_before_the_constraint(graph):
    """A graph written before RELATED_TO had a key: apply gives each one its key, so the
    writer's MERGE on the key finds it instead of adding a second relationship."""
    from intelgraph.graph.writer import edge_key
    from intelgraph.ontology import get_ontology

    graph.execute_query("DROP CONSTRAINT related_to_key")
    graph.execute_query(
        "CREATE (:Node:Entity {id: 'entity:a', name: 'A', key: 'a'})"
        "-[:RELATED_TO {predicate: 'meets', claim_ids: ['c1'], count: 1}]->"
        "(:Node:Entity {id: 'entity:b', name: 'B', key: 'b'})")
    assert "related_to_key" in apply_schema(graph)
    keys = graph.execute_query("MATCH ()-[r:RELATED_TO]->() RETURN r.key AS key, r.polarity AS polarity").records
    expected = edge_key(get_ontology().rel("RELATED_TO"), "entity:a", {"predicate": "meets", "polarity": "positive"},
                        "entity:b")
    # an edge from before polarity existed takes the vocabulary's default, in its key too
    assert [r["key"] for r in keys] == [expected] == ["entity:a|meets|positive|entity:b"]
    assert [r["polarity"] for r in keys] == ["positive"]
