"""Briefs on the real database over the samples (examples/, written for this project).

Briefs over the development corpus are in test_brief_corpus.py, so these run on a
fresh clone without ../shared beside it."""

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
def ingested(driver):
    from intelgraph.graph.schema import ensure_schema

    wipe(driver)
    ensure_schema(driver)
    result = runner.invoke(app, ["ingest", "--recursive", str(EXAMPLES)])
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
    assert {"bluf", "hypotheses", "assumptions", "implications", "outlook", "techniques", "entities", "tags",
            "timeline"} <= keys
    assert brief.ach and brief.sources
    md = render(brief, "md")
    for title in ("Bottom Line Up Front", "Competing Hypotheses", "Key Assumptions and Red Flags", "Implications",
                  "Recommendations and Outlook", "Structured Analytic Techniques", "Key Individuals and Entities",
                  "Thematic Tags", "Timeline", "Sources"):
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


def test_confidence_is_only_what_the_text_states(ingested):
    """ICD 203: no confidence is derived from source grades or corroboration. A judgement
    carries the confidence its assessment node states, a favoured hypothesis that of the
    assessment favouring it, and nothing else carries one."""
    brief = generate_brief(ingested, BriefRequest(topic=TOPIC, limit=25), store=False)
    stated = {r["id"]: r["confidence"] for r in read(ingested, """
        MATCH (a:Assessment) RETURN a.id AS id, a.confidence AS confidence
        UNION
        MATCH (h:Hypothesis) OPTIONAL MATCH (a:Assessment)-[:FAVORS]->(h)
        RETURN h.id AS id, a.confidence AS confidence""")}
    judged = [s for s in brief.statements() if s.kind.startswith("judgement") or s.kind == "hypothesis"]
    assert judged and any(s.confidence for s in judged)
    for s in brief.statements():
        if s in judged:
            assert s.confidence == stated[s.node_id], s
        else:
            assert s.confidence is None, s
    md = render(brief, "md")
    assert "(derived)" not in md and "no confidence stated" in md


def test_grades_are_shown_apart_from_confidence(ingested):
    brief = generate_brief(ingested, BriefRequest(topic=TOPIC), store=False)
    grades = {r["id"]: r["reliability"] for r in read(ingested, """
        MATCH (d:Document)-[:PUBLISHED_BY]->(s:Source) RETURN d.id AS id, s.reliability AS reliability""")}
    for s in brief.statements():
        reliability = grades[s.citations[0].document_id]
        assert s.grade.reliability == (None if reliability == "F" else reliability)
        assert s.grade.code.startswith("ungraded" if reliability == "F" else reliability)
    for e in brief.sources:
        assert e.grade.code.startswith("ungraded" if e.reliability == "F" else e.reliability)


def test_every_line_carries_the_date_of_its_document(ingested):
    brief = generate_brief(ingested, BriefRequest(topic=TOPIC, limit=25), store=False)
    published = {e.document_id: e.published for e in brief.sources}
    for s in brief.statements():
        assert s.date == published[s.citations[0].document_id], s


def assert_citations_resolve(driver, brief) -> None:
    """Every citation names a passage whose text is exactly its stretch of the document."""
    cites = list(all_citations(brief))
    assert cites
    rows = read(driver, """
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


@pytest.mark.parametrize("topic", [TOPIC, "Tidewater Front", "Norvenia"])
def test_every_citation_resolves_to_an_exact_passage(ingested, topic):
    assert_citations_resolve(ingested, generate_brief(ingested, BriefRequest(topic=topic, limit=25), store=False))


def test_trace_from_every_statement_reaches_a_source(ingested):
    brief = generate_brief(ingested, BriefRequest(topic=TOPIC), store=True)
    for s in brief.statements():
        assert s.node_id
        assert trace(ingested, s.node_id).reaches_source, s
    t = trace(ingested, brief.id)
    assert t.labels == ["Brief"] and len(t.steps) >= len(brief.sources) and t.reaches_source
    assert load_brief(ingested, brief.id).model_dump() == brief.model_dump()


def test_ach_agrees_with_its_author(ingested):
    """The favoured hypothesis is the one the document's assessment FAVORS; it comes first,
    the rest by fewest inconsistent items; a disagreement with the counts is a flag."""
    brief = generate_brief(ingested, BriefRequest(topic="Tidewater Front", limit=50), store=False)
    favours = {r["doc"]: r["label"] for r in read(ingested, """
        MATCH (a:Assessment)-[:FAVORS]->(h:Hypothesis)-[:EXTRACTED_FROM]->(:Passage)-[:PART_OF]->(d:Document)
        RETURN d.id AS doc, h.label AS label""")}
    assert brief.ach
    for m in brief.ach:
        assert m.favored_label == favours.get(m.document_id)
        if m.favored_label:
            assert m.hypotheses[0].label == m.favored_label and m.hypotheses[0].favored
        rest = [h.inconsistent for h in m.hypotheses if not h.favored]
        assert rest == sorted(rest)
        assert m.counts_agree == all(m.hypotheses[0].inconsistent <= h.inconsistent for h in m.hypotheses)
    flagged = {s.citations[0].document_id for s in brief.statements() if s.kind == "red_flag:ach_counts"}
    assert flagged == {m.document_id for m in brief.ach if not m.counts_agree}


def test_the_reassessment_supersedes_the_earlier_judgement(ingested):
    """The samples judge the Tidewater Front's supply on 01-23 (state supply, moderate) and
    reassess it on 03-04 (smuggling, low): the newer is the key judgement, the older its
    history; the switch is a conflict flag citing both; the earlier hypotheses are superseded."""
    brief = generate_brief(ingested, BriefRequest(topic="Tidewater Front", limit=25), store=False)
    titles = {e.document_id: e.title for e in brief.sources}
    # (the 03-27 report reaffirms the 03-18 ceasefire judgement: a question with history too)
    [current] = [s for s in brief.sections[0].statements if s.history and s.date == "2026-03-04"]
    assert current.confidence == "low"
    assert [h.date for h in current.history] == ["2026-01-23"] and current.history[0].confidence == "moderate"
    assert "Norvenian state supply" in titles[current.citations[0].document_id]
    [flag] = [s for s in brief.statements() if s.kind == "red_flag:conflict" and s.details["type"] == "judgement"]
    assert "favoured hypothesis switched" in flag.details["changes"]
    assert "confidence down from moderate to low" in flag.details["changes"]
    assert len({c.document_id for c in flag.citations}) == 2
    superseded = [s for s in brief.statements() if s.kind == "hypothesis" and s.superseded_by]
    # (and the 03-18 ceasefire hypotheses, which the 03-27 report answers again)
    assert superseded and {s.date for s in superseded} == {"2026-01-23", "2026-03-18"}
    key_dates = [s.date for s in brief.sections[0].statements if not s.superseded_by]
    assert "2026-01-23" not in key_dates


def test_a_newer_count_marks_the_older_fact_superseded(ingested):
    """The 02-14 digest says the group still holds all 21 crew; the 03-18 report counts the
    remaining 12 released: the older line is marked superseded and comes after the current ones."""
    brief = generate_brief(ingested, BriefRequest(topic="Tidewater Front", limit=25), store=False)
    key = brief.sections[0].statements
    [held] = [s for s in key if "still holds all 21 crew" in s.text]
    assert held.superseded_by and held.details["superseded_on"] == "2026-03-18"
    assert key.index(held) > max(key.index(s) for s in key if not s.superseded_by)
    assert "superseded on 2026-03-18" in render(brief, "md")


def test_red_flags_are_typed_and_not_noise(ingested):
    brief = generate_brief(ingested, BriefRequest(topic=TOPIC, limit=25), store=False)
    kinds = [s.kind for s in brief.statements() if s.kind.startswith("red_flag:")]
    assert set(kinds) <= {"red_flag:single_origin", "red_flag:conflict", "red_flag:internal_conflict",
                          "red_flag:ach_counts", "red_flag:ungraded", "red_flag:stale"}
    assert kinds.count("red_flag:ungraded") == 1  # one line, not a flag per document
    [ungraded] = [s for s in brief.statements() if s.kind == "red_flag:ungraded"]
    ungraded_docs = {e.document_id for e in brief.sources if e.reliability == "F"}
    assert ungraded.details["documents"] == len(ungraded.citations) == len(ungraded_docs)
    stale = [s for s in brief.statements() if s.kind == "red_flag:stale"]
    assert len([s for s in stale if "run from" in s.text]) == 1  # one summary line
    single = [s for s in brief.statements() if s.kind == "red_flag:single_origin"]
    passages = [s.citations[0].passage_id for s in single]
    assert len(passages) == len(set(passages))  # one flag per claim sentence
    assert all(len(s.details["origins"]) == 1 for s in single)


def assert_on_topic(driver, brief) -> None:
    """A statement is in a brief when its own passage names the topic (or mentions an
    entity the topic names), or its document is about the topic; a digest only for the first."""
    rows = read(driver, """
        UNWIND $ids AS id MATCH (p:Passage {id: id})-[:PART_OF]->(d:Document)
        RETURN p.id AS id, d.layout AS layout""",
                {"ids": sorted({s.citations[0].passage_id for s in brief.statements()})})
    layouts = {r["id"]: r["layout"] for r in rows}
    for s in brief.statements():
        if s.kind.startswith(("judgement", "hypothesis", "assumption", "information_gap", "bias_risk",
                              "indicator", "risk", "recommendation", "scenario")):
            assert s.relevance in (1, 2)
            if layouts[s.citations[0].passage_id] == "digest":
                assert s.relevance == 2, s


def test_statements_are_on_topic(ingested):
    brief = generate_brief(ingested, BriefRequest(topic=TOPIC, limit=25), store=False)
    assert_on_topic(ingested, brief)
    # the sample digest's insights that do not name the strait stay out
    digest = {s.text for s in brief.statements() if s.kind == "judgement:insight"}
    assert digest and all("Kestrel Strait" in t for t in digest)


@pytest.mark.parametrize("topic", ["Tidewater Front", "Norvenia"])
def test_key_entity_relationships_rest_on_the_briefs_own_documents(ingested, topic):
    """Regression: a key entity's relationships were its busiest in the whole graph, so a
    brief on one topic showed what another topic's pages said about it."""
    brief = generate_brief(ingested, BriefRequest(topic=topic), store=False)
    hashes = {c.document_id.removeprefix("doc:")[:16] for s in brief.sections if s.key == "timeline"
              for st in s.statements for c in st.citations}
    [entities] = [s for s in brief.sections if s.key == "entities"]
    shown = [(st.node_id, r) for st in entities.statements for r in st.details["relationships"]]
    assert shown
    for node_id, r in shown:
        ends = (node_id, r["other_id"]) if r["outgoing"] else (r["other_id"], node_id)
        rows = read(ingested, "MATCH (a:Entity {id: $a})-[r:RELATED_TO {predicate: $p}]->(b:Entity {id: $b}) "
                              "RETURN r.claim_ids AS ids", {"a": ends[0], "b": ends[1], "p": r["predicate"]})
        in_scope = [c for row in rows for c in row["ids"] if c.split(":")[1] in hashes]
        assert len(in_scope) >= r["count"] > 0


def test_overall_confidence_is_the_distribution_of_stated_confidence(ingested):
    brief = generate_brief(ingested, BriefRequest(topic=TOPIC), store=False)
    key = brief.sections[0].statements
    assert brief.overall.judgements == len(key)
    assert sum(brief.overall.counts.values()) == len(key)
    for level, n in brief.overall.counts.items():
        assert n == sum(1 for s in key if (s.confidence or "not stated") == level)
    assert "stated confidence:" in brief.overall.text


def test_every_query_file_passes_explain(ingested):
    params = {"topic": TOPIC, "entity": None, "since": None, "until": None, "limit": 5, "max_documents": 50,
              "stale_days": 365, "name": "Amara Voss", "id": "x"}
    assert len(names()) >= 20
    for name in names():
        ingested.execute_query("EXPLAIN " + query(name), params)


def test_brief_files_share_one_scope():
    def scope(text):
        return text[text.index("// --- scope"):text.index("// --- end scope ---")]

    # what changed runs on the same scope block as briefs (the builder's scoped runner)
    bodies = {n: scope(query(n)) for n in names() if n.startswith(("brief/", "changes/"))
              and "// --- scope" in query(n)}
    assert {n for n in bodies if n.startswith("changes/")} >= {"changes/judgements", "changes/quantities"}
    assert len(set(bodies.values())) == 1, sorted(bodies)


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
    assert result.exit_code == 0 and "brief/judgements" in result.output
    result = runner.invoke(app, ["queries", "show", "explore/entity_timeline"])
    assert result.exit_code == 0 and "$name" in result.output
