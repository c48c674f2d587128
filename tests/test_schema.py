"""Schema from the ontology, applied to the real database."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from intelgraph.cli import app
from intelgraph.graph.schema import apply_schema, desired_schema, schema_diff
from intelgraph.ontology import get_ontology

runner = CliRunner()


def test_every_label_gets_an_id_constraint():
    onto = get_ontology()
    constrained = {i.labels[0] for i in desired_schema() if i.kind == "constraint"}
    assert constrained == onto.labels | {onto.key_label}
    names = {i.name for i in desired_schema()}
    assert {"entity_names", "statement_text", "document_published"} <= names


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
    """Regression: an older statement_text (with Passage, not eventually consistent) blocked
    the new one, since CREATE … IF NOT EXISTS keeps an index of the same name."""
    graph.execute_query("DROP INDEX statement_text IF EXISTS")
    graph.execute_query("CREATE FULLTEXT INDEX statement_text FOR (n:Passage|Claim) ON EACH [n.text]")
    assert "statement_text" in schema_diff(graph)["missing"]
    assert "statement_text" in apply_schema(graph)
    diff = schema_diff(graph)
    assert diff["missing"] == [] and diff["extra"] == []
