"""Briefs on the real database over the development corpus and the samples."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import jsonschema
import pytest
from typer.testing import CliRunner

from intelgraph.services.brief import BriefRequest, generate_brief, load_brief, render
from intelgraph.services.brief.model import SCHEMA_PATH, json_schema
from intelgraph.cli.app import app
from intelgraph.graph.driver import read
from intelgraph.graph.trace import trace
from intelgraph.queries import names, query

from conftest import wipe
from ingest_helpers import EXAMPLES

runner = CliRunner()
TOPIC = "Kestrel Strait"


@pytest.fixture(scope="module")
def ingested(driver, corpus_dir):
    from intelgraph.graph.schema import ensure_schema

    wipe(driver)
    ensure_schema(driver)
    for path in (str(EXAMPLES), str(corpus_dir)):
        result = runner.invoke(app, ["ingest", "--recursive", path])
        assert result.exit_code == 0, result.output
    yield driver
    wipe(driver)


def all_citations(brief):
    for s in brief.statements():
        yield from s.citations
    for m in brief.ach:
        for e in m.evidence:
            yield e.citation


class _Balance(HTMLParser):
    VOID = {"meta", "br", "hr", "img", "input", "link"}

    def __init__(self):
        super().__init__()
        self.stack, self.errors = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)


def test_brief_has_its_sections_in_all_formats(ingested):
    brief = generate_brief(ingested, BriefRequest(topic=TOPIC), store=False)
    keys = {s.key for s in brief.sections if s.statements}
    assert {"bluf", "hypotheses", "assumptions", "implications", "outlook", "entities", "tags", "timeline"} <= keys
    assert brief.ach and brief.sources
    md = render(brief, "md")
    for title in ("Bottom Line Up Front", "Competing Hypotheses", "Key Assumptions and Red Flags", "Implications",
                  "Recommendations and Outlook", "Key Individuals and Entities", "Thematic Tags", "Timeline", "Sources"):
        assert f"## {title}" in md
    page = render(brief, "html")
    checker = _Balance()
    checker.feed(page)
    checker.close()
    assert page.startswith("<!DOCTYPE html>") and not checker.errors and checker.stack == []
    data = json.loads(render(brief, "json"))
    jsonschema.validate(data, json.loads(SCHEMA_PATH.read_text()))


def test_published_schema_is_current():
    assert json.loads(SCHEMA_PATH.read_text()) == json_schema()


def test_every_statement_has_a_citation_and_confidence(ingested):
    brief = generate_brief(ingested, BriefRequest(topic=TOPIC), store=False)
    assert brief.statements()
    for s in brief.statements():
        assert s.citations and s.confidence.level in ("low", "moderate", "high")
        if s.confidence.basis == "derived":
            assert s.confidence.note and s.confidence.note.startswith("derived")
    stated = [s for s in brief.statements() if s.confidence.basis == "stated"]
    assert stated, "BLUF assessments state their confidence"


@pytest.mark.parametrize("topic", [TOPIC, "Tidewater Front", "North Korea", "Sudan"])
def test_every_citation_resolves_to_an_exact_passage(ingested, topic):
    brief = generate_brief(ingested, BriefRequest(topic=topic, limit=25), store=False)
    cites = list(all_citations(brief))
    assert cites
    rows = read(ingested, """
        UNWIND $ids AS id
        MATCH (p:Passage {id: id})-[:PART_OF]->(d:Document)
        RETURN p.id AS id, d.id AS doc, p.text = substring(d.text, p.start, p.end - p.start) AS exact""",
                {"ids": sorted({c.passage_id for c in cites})})
    found = {r["id"]: r for r in rows}
    numbers = {e.document_id: e.n for e in brief.sources}
    for c in cites:
        assert c.passage_id in found, c
        assert found[c.passage_id]["exact"] and found[c.passage_id]["doc"] == c.document_id
        assert numbers[c.document_id] == c.n


def test_trace_from_every_statement_reaches_a_source(ingested):
    brief = generate_brief(ingested, BriefRequest(topic=TOPIC), store=True)
    for s in brief.statements():
        assert s.node_id
        assert trace(ingested, s.node_id).reaches_source, s
    t = trace(ingested, brief.id)
    assert t.labels == ["Brief"] and len(t.steps) >= len(brief.sources) and t.reaches_source
    assert load_brief(ingested, brief.id).model_dump() == brief.model_dump()


def test_ach_ranking_and_disagreement_flag(ingested):
    brief = generate_brief(ingested, BriefRequest(topic="Tidewater Front", limit=50), store=False)
    for m in brief.ach:
        ranks = [h.inconsistent for h in m.hypotheses]
        assert ranks == sorted(ranks)
    kinds = {s.kind for s in brief.statements()}
    assert "red_flag:disagreement" in kinds  # the samples favour A, then later B, on the same question
    assert "red_flag:low_reliability" in kinds


def test_every_query_file_passes_explain(ingested):
    params = {"topic": TOPIC, "entity": None, "since": None, "until": None, "limit": 5, "max_documents": 50,
              "stale_days": 365, "name": "Amara Voss", "id": "x"}
    assert len(names()) >= 20
    for name in names():
        ingested.execute_query("EXPLAIN " + query(name), params)


def test_brief_files_share_one_scope():
    def scope(text):
        return text[text.index("// --- scope"):text.index("// --- end scope ---")]

    bodies = {n: scope(query(n)) for n in names() if n.startswith("brief/")}
    assert len(set(bodies.values())) == 1


def test_cli_brief_formats_store_and_errors(ingested, tmp_path):
    out = tmp_path / "b.html"
    result = runner.invoke(app, ["brief", "--topic", TOPIC, "--format", "html", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text().startswith("<!DOCTYPE html>")
    before = read(ingested, "MATCH (b:Brief) RETURN count(b) AS c")[0]["c"]
    result = runner.invoke(app, ["brief", "--topic", TOPIC, "--format", "json", "--no-store",
                                 "--since", "2026-02-01"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert all((e["published"] or "") >= "2026-02-01" for e in data["sources"])
    assert read(ingested, "MATCH (b:Brief) RETURN count(b) AS c")[0]["c"] == before
    result = runner.invoke(app, ["brief", "--topic", "Atlantis Republic"])
    assert result.exit_code == 4 and "no documents match" in result.output
    result = runner.invoke(app, ["brief", "--topic", "  "])
    assert result.exit_code == 2 and "give a topic" in result.output
    result = runner.invoke(app, ["brief", "--topic", TOPIC, "--since", "yesterday"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_cli_trace_and_cypher(ingested):
    claim_id = read(ingested, "MATCH (c:Claim) RETURN c.id AS id LIMIT 1")[0]["id"]
    result = runner.invoke(app, ["trace", claim_id, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["steps"] and data["steps"][0]["source"]
    assert runner.invoke(app, ["trace", "no-such-id"]).exit_code == 4

    result = runner.invoke(app, ["cypher", "MATCH (d:Document) RETURN count(d) AS n", "--json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["rows"][0]["n"] > 10
    result = runner.invoke(app, ["cypher", "--query", "explore/sources", "--param", "limit=5"])
    assert result.exit_code == 0, result.output
    for bad in ("MATCH (n) DETACH DELETE n", "CREATE (:Document {id: 'x'})", "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l"):
        result = runner.invoke(app, ["cypher", bad])
        assert result.exit_code == 2 and "refused" in result.output
    assert read(ingested, "MATCH (d:Document {id: 'x'}) RETURN count(d) AS c")[0]["c"] == 0
    result = runner.invoke(app, ["queries", "list"])
    assert result.exit_code == 0 and "brief/bluf" in result.output
    result = runner.invoke(app, ["queries", "show", "explore/entity_timeline"])
    assert result.exit_code == 0 and "$name" in result.output
