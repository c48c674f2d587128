"""Briefs over the development corpus (../shared/corpus: real pages nobody here wrote)
and the samples together: citations stay exact and statements on topic on real input."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from intelgraph.cli.app import app
from intelgraph.graph.driver import read
from intelgraph.services.brief import BriefRequest, generate_brief

from conftest import wipe
from ingest_helpers import EXAMPLES
from test_brief import assert_citations_resolve, assert_on_topic

runner = CliRunner()


@pytest.fixture(scope="module")
def corpus_ingested(driver, corpus_dir):
    from intelgraph.graph.schema import ensure_schema

    wipe(driver)
    ensure_schema(driver)
    for path in (str(EXAMPLES), str(corpus_dir)):
        result = runner.invoke(app, ["ingest", "--recursive", path])
        assert result.exit_code == 0, result.output
    yield driver
    wipe(driver)


@pytest.mark.parametrize("topic", ["Gaza", "North Korea", "Sudan", "Houthis", "Kestrel Strait"])
def test_corpus_briefs_cite_exact_passages_and_stay_on_topic(corpus_ingested, topic):
    brief = generate_brief(corpus_ingested, BriefRequest(topic=topic, limit=25), store=False)
    assert_citations_resolve(corpus_ingested, brief)
    assert_on_topic(corpus_ingested, brief)


def test_a_digest_insight_on_another_subject_stays_out(corpus_ingested):
    """Digests carry insights on many subjects; only those that name the topic count."""
    brief = generate_brief(corpus_ingested, BriefRequest(topic="Gaza", limit=50), store=False)
    ids = [s.node_id for s in brief.statements() if s.kind == "judgement:insight"]
    assert ids
    rows = read(corpus_ingested, """
        UNWIND $ids AS id MATCH (a:Assessment {id: id})-[:EXTRACTED_FROM]->(p:Passage)
        RETURN a.id AS id, p.text AS text""", {"ids": ids})
    assert all("gaza" in r["text"].lower() for r in rows)
    others = read(corpus_ingested, """
        MATCH (a:Assessment {kind: "insight"})-[:EXTRACTED_FROM]->(p:Passage)
        WHERE NOT toLower(p.text) CONTAINS "gaza" RETURN count(a) AS n""")[0]["n"]
    assert others > 0  # there were off-topic insights to leave out
