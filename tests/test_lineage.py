"""Judgement lineage, a question's history and `changes`, on the real database over the samples.

The samples judge who arms the Tidewater Front on 01-23 (state supply, moderate) and
again on 03-04 (smuggling and theft, low): a revision. The 03-27 report reaffirms the
03-18 ceasefire judgement (same hypothesis, confidence and likelihood): no change.
Tests run in file order on one ingest; the last ones add documents and curations.
"""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from intelgraph.cli.app import app
from intelgraph.extract.judgements import Judgement, lineage_link, what_changed
from intelgraph.graph.driver import read, run_write
from intelgraph.services.brief import BriefRequest, generate_brief
from intelgraph.services.lineage import link_in
from intelgraph.settings import get_settings

from conftest import wipe
from ingest_helpers import EXAMPLES

runner = CliRunner()
READER, WRITER = "reader-key-lineage-0001", "writer-key-lineage-0001"

LINKS = """
MATCH (a:Assessment)-[r:REVISES]->(b:Assessment),
      (a)-[:EXTRACTED_FROM]->(:Passage)-[:PART_OF]->(da:Document),
      (b)-[:EXTRACTED_FROM]->(:Passage)-[:PART_OF]->(db:Document)
RETURN a.id AS newer, b.id AS older, toString(da.published) AS newer_date, toString(db.published) AS older_date,
       r.change AS change, r.changes AS changes, r.score AS score, r.evidence AS evidence, r.status AS status
ORDER BY newer_date"""


def links(driver) -> dict[tuple[str, str], dict]:
    return {(r["newer_date"], r["older_date"]): r for r in read(driver, LINKS)}


def judgement_of_date(driver, date: str) -> str:
    return read(driver, """
        MATCH (a:Assessment)-[:EXTRACTED_FROM]->(:Passage)-[:PART_OF]->(d:Document)
        WHERE d.published = date($date) AND a.kind IN ["bluf", "ach"]
        RETURN a.id AS id ORDER BY a.kind DESC LIMIT 1""", {"date": date})[0]["id"]


@pytest.fixture(scope="module")
def ingested(driver):
    from intelgraph.graph.schema import ensure_schema

    wipe(driver)
    ensure_schema(driver)
    result = runner.invoke(app, ["ingest", str(EXAMPLES)])
    assert result.exit_code == 0, result.output
    yield driver
    wipe(driver)


# ---- the rule, on plain values ---------------------------------------------------------------------

def _j(id_, date, hyps, favored, confidence=None, likelihood=None, entities=("entity:x",), bottom=""):
    return Judgement(id=id_, document_id="doc:" + id_, published=date, bottom_line=bottom,
                     hypotheses=tuple((f"{id_}:{i}", h) for i, h in enumerate(hyps)),
                     favored=(f"{id_}:{favored}", hyps[favored]) if favored is not None else None,
                     confidence=confidence, likelihood=likelihood, entities=frozenset(entities))


HYPS = ["The harbour strike is directed by the shipping union leadership in Ostmark.",
        "The harbour strike is a spontaneous walk-out by dock workers without union direction."]


def test_rule_links_alike_hypothesis_sets_and_names_the_change():
    old = _j("a", "2026-01-01", HYPS, 0, "moderate", "likely")
    new = _j("b", "2026-02-01", list(reversed(HYPS)), 0, "high", "likely")  # B now first: the letter moved
    link = lineage_link(new, old)
    assert link.same and link.score >= 0.35 and any("hypothesis sets" in e for e in link.evidence)
    assert what_changed(new, old) == ["favoured_switched", "confidence_up"]
    same = _j("c", "2026-03-01", HYPS, 0, "moderate", "likely")
    assert what_changed(same, old) == ["reaffirmed"]


def test_rule_needs_a_shared_entity_or_topic():
    old = _j("a", "2026-01-01", HYPS, 0, entities=("entity:ostmark",))
    new = _j("b", "2026-02-01", HYPS, 0, entities=("entity:someland",))
    link = lineage_link(new, old)
    assert not link.same and "no shared entity or topic" in link.evidence[-1]


def test_rule_keeps_unlike_questions_apart():
    other = ["The ferry sank because of an engine fire below deck.", "The ferry was sunk by a mine laid in the bay."]
    assert not lineage_link(_j("a", "2026-01-01", HYPS, 0), _j("b", "2026-02-01", other, 0)).same


# ---- in the graph ------------------------------------------------------------------------------

def test_the_reassessment_is_a_revision_newer_to_older(ingested):
    found = links(ingested)
    link = found[("2026-03-04", "2026-01-23")]
    assert link["change"] == "favoured_switched"
    assert set(link["changes"]) == {"favoured_switched", "confidence_down"}
    assert 0.35 <= link["score"] <= 1 and link["status"] == "found"
    assert any("entity:tidewater-front" in e for e in link["evidence"])
    assert ("2026-01-23", "2026-03-04") not in found


def test_a_reaffirmation_is_linked_as_no_change(ingested):
    link = links(ingested)[("2026-03-27", "2026-03-18")]
    assert link["change"] == "reaffirmed" and link["changes"] == ["reaffirmed"]
    # and the brief reports no conflict for it, while it does for the revision
    brief = generate_brief(ingested, BriefRequest(topic="Kestrel Strait", limit=50), store=False)
    conflicts = [s for s in brief.statements() if s.kind == "red_flag:conflict" and s.details.get("type") == "judgement"]
    dates = {s.date for s in conflicts}
    assert "2026-03-04" in dates  # the revision (favoured hypothesis switched) is a conflict
    assert "2026-03-27" not in dates


def test_every_link_joins_documents_about_a_shared_entity(ingested):
    """No sample pair is linked without a shared entity (hand check: the two links the
    samples have are the only pairs that answer the same question)."""
    assert set(links(ingested)) == {("2026-03-04", "2026-01-23"), ("2026-03-27", "2026-03-18")}


def test_linking_again_changes_nothing(ingested):
    before = links(ingested)
    keys = read(ingested, "MATCH (a:Assessment) WHERE a.kind <> 'insight' RETURN a.id AS id, a.question AS q ORDER BY id")
    docs = [r["id"] for r in read(ingested, "MATCH (d:Document) RETURN d.id AS id")]
    for doc in docs:
        run_write(ingested, lambda tx, d=doc: link_in(tx, d))
    assert links(ingested) == before
    assert read(ingested, "MATCH (a:Assessment) WHERE a.kind <> 'insight' RETURN a.id AS id, a.question AS q "
                          "ORDER BY id") == keys
    result = runner.invoke(app, ["lineage", "relink", "--json"])
    assert result.exit_code == 0, result.output
    relinked = json.loads(result.stdout)
    # each link is written from both its ends, the same each time
    assert relinked["documents"] == 9 and relinked["links_written"] == 4 and links(ingested) == before


def test_judgement_history_in_order(ingested):
    later = judgement_of_date(ingested, "2026-03-04")
    result = runner.invoke(app, ["cypher", "--query", "explore/judgement_history", "--param", f"question={later}",
                                 "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["rows"]
    assert [r["published"] for r in rows] == ["2026-01-23", "2026-03-04"]
    first, second = rows
    assert first["judgement_id"] == first["question"] == second["question"]  # the key: the earliest's id
    assert (first["confidence"], first["likelihood"], first["change"]) == ("moderate", "likely", "new_question")
    assert first["favored"].startswith("A: ") and second["favored"].startswith("B: ")
    assert (second["confidence"], second["change"], second["previous"]) == ("low", "favoured_switched",
                                                                           first["judgement_id"])


# ---- changes ---------------------------------------------------------------------------------------

def test_changes_since_a_date(ingested):
    result = runner.invoke(app, ["changes", "--topic", "Tidewater Front", "--since", "2026-03-01", "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    sections = {s["key"]: s["statements"] for s in doc["sections"]}
    assert {s["date"] for s in sections["new_documents"]} == {"2026-03-04", "2026-03-18", "2026-03-27"}
    [revised] = sections["revised"]
    assert revised["date"] == "2026-03-04" and revised["details"]["change"] == "favoured_switched"
    assert revised["details"]["before"]["published"] == "2026-01-23"
    assert revised["confidence"] == "low" and revised["details"]["before"]["confidence"] == "moderate"
    assert "Favoured hypothesis switched" in revised["text"] and "before" in revised["text"]
    assert {c["document_id"] for c in revised["citations"]} == {revised["details"]["before"]["document_id"],
                                                               revised["citations"][0]["document_id"]}
    assert len(revised["citations"]) == 2
    assert [s["date"] for s in sections["reaffirmed"]] == ["2026-03-27"]
    assert all(s["date"] != "2026-03-27" for s in sections["revised"])
    # every line cites a passage of a document in its Sources
    numbers = {e["n"]: e["document_id"] for e in doc["sources"]}
    passages = {r["id"] for r in read(ingested, "MATCH (p:Passage) RETURN p.id AS id")}
    for section in doc["sections"]:
        for s in section["statements"]:
            assert s["citations"] and all(numbers[c["n"]] == c["document_id"] and c["passage_id"] in passages
                                          for c in s["citations"])
    md = runner.invoke(app, ["changes", "--topic", "Tidewater Front", "--since", "2026-03-01"])
    assert md.exit_code == 0 and "## Revised judgements" in md.stdout and "## Reaffirmed judgements" in md.stdout
    html = runner.invoke(app, ["changes", "--topic", "Tidewater Front", "--since", "2026-03-01", "--format", "html"])
    assert html.exit_code == 0 and "Revised judgements" in html.stdout


def test_changes_reports_moved_quantities_against_the_last_earlier_value(ingested):
    # The Harbour Ledger samples count the blast's dead and displaced on 02-05 and again on
    # 02-12: a window from 02-10 holds only the 02-12 figures, compared with 02-05's.
    result = runner.invoke(app, ["changes", "--topic", "Port Selwyn", "--since", "2026-02-10", "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    moved = {(s["details"]["measure"], s["details"]["direction"]): s
             for s in next(x for x in doc["sections"] if x["key"] == "quantities")["statements"]}
    assert ("displaced", "up") in moved and ("dead", "up") in moved, sorted(moved)
    displaced = moved[("displaced", "up")]
    assert displaced["date"] == "2026-02-12" and displaced["details"]["before"]["published"] == "2026-02-05"
    assert displaced["details"]["before_value"] < displaced["details"]["value"]
    # both figures cited, each at the passage its observation came from
    observed = {r["passage"] for r in read(ingested, "MATCH (o:Observation)-[:EXTRACTED_FROM]->(p) "
                                                     "WHERE o.id IN $ids RETURN p.id AS passage",
                                           {"ids": [displaced["node_id"], displaced["details"]["before"]["id"]]})}
    assert {c["passage_id"] for c in displaced["citations"]} == observed and len(observed) == 2
    assert "moved quantit" in doc["overall"]["text"]
    # a window with no new figure on a series reports none of it
    later = runner.invoke(app, ["changes", "--topic", "Port Selwyn", "--since", "2026-02-13", "--format", "json"])
    assert later.exit_code == 0, later.output
    moved_later = next(x for x in json.loads(later.stdout)["sections"] if x["key"] == "quantities")["statements"]
    assert all(s["details"]["measure"] not in {"displaced", "dead"} for s in moved_later)


def test_changes_refuses_bad_windows(ingested):
    for args in ([], ["--since", "2026-03-01", "--since-brief", "brief:x"]):
        result = runner.invoke(app, ["changes", "--topic", "Tidewater Front", *args])
        assert result.exit_code == 2 and "--since DATE or --since-brief ID" in result.output
        assert "Traceback" not in result.output
    result = runner.invoke(app, ["changes", "--topic", "Tidewater Front", "--since-brief", "brief:none"])
    assert result.exit_code == 4 and "no stored brief" in result.output  # NotFound
    result = runner.invoke(app, ["changes", "--topic", "Tidewater Front", "--since", "March"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


NEW_REPORT = """Tidewater Front boats traced to a private yard, not the state – Coastal Wire
Published on: 2026-04-02
Intelligence Report: Who is arming the Tidewater Front? The boats
1. BLUF (Bottom Line Up Front)
Sales records show the Tidewater Front bought its fast boats from a private yard in Port Selwyn, which weakens the last link to Norvenian state supply. Overall confidence in this assessment is moderate, given that the records come from one broker.
2. Competing Hypotheses
- Hypothesis A: Norvenian military intelligence is supplying the Tidewater Front to pressure Valdoria, with the approval of Defence Minister Pieter Halvorsen.
- Hypothesis B: The group equips itself through smuggling networks, stolen stock and private purchases, without state direction.
- Assessment: Hypothesis B is currently better supported due to the sales records and the earlier serial-number match.
6. Key Individuals and Entities
- Tidewater Front
- Pieter Halvorsen
7. Thematic Tags
arms trafficking, Tidewater Front
"""


def test_changes_since_a_stored_brief_and_the_briefs_what_changed_section(ingested, tmp_path):
    stored = generate_brief(ingested, BriefRequest(topic="Tidewater Front", limit=10), store=True)
    path = tmp_path / "2026-04-02_report_boats-traced.txt"
    path.write_text(NEW_REPORT, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(path)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["changes", "--topic", "Tidewater Front", "--since-brief", stored.id, "--format", "json"])
    assert result.exit_code == 0, result.output
    sections = {s["key"]: s["statements"] for s in json.loads(result.stdout)["sections"]}
    assert [s["date"] for s in sections["new_documents"]] == ["2026-04-02"]
    [revised] = sections["revised"] or sections["reaffirmed"]
    assert revised["details"]["before"]["published"] == "2026-03-04"  # the newest older answer
    assert revised["details"]["change"] == "confidence_up"
    brief = generate_brief(ingested, BriefRequest(topic="Tidewater Front", limit=10), store=False)
    [changed] = [s for s in brief.sections if s.key == "changes"]
    assert changed.title == "What changed since the last brief on this topic"
    assert {s.kind for s in changed.statements} >= {"change:new_document", "change:revised"}
    assert brief.sections[1].key == "changes"


# ---- curation: confirm and cut ----------------------------------------------------------------------

def test_a_cut_link_stays_cut_when_the_document_comes_again(ingested):
    newer, older = judgement_of_date(ingested, "2026-03-04"), judgement_of_date(ingested, "2026-01-23")
    result = runner.invoke(app, ["lineage", "cut", newer, older, "--by", "tester", "--note", "test", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["deleted"] == 1
    assert ("2026-03-04", "2026-01-23") not in links(ingested)
    # still one question: the 04-02 report revises both, so the lineage still reaches
    # from one to the other (the key is the earliest's id); only this pair is unlinked
    keys = {r["id"]: r["q"] for r in read(ingested, "UNWIND $ids AS i MATCH (a:Assessment {id: i}) "
                                                     "RETURN a.id AS id, a.question AS q", {"ids": [newer, older]})}
    assert keys == {newer: older, older: older}
    # the document is removed and ingested again: the rule would link it; the cut holds
    read_doc = read(ingested, "MATCH (a:Assessment {id: $id})-[:EXTRACTED_FROM]->()-[:PART_OF]->(d) "
                              "RETURN d.id AS id", {"id": newer})[0]["id"]
    run_write(ingested, lambda tx: tx.run("""
        MATCH (d:Document {id: $id})<-[:PART_OF]-(p:Passage)
        OPTIONAL MATCH (p)<-[:EXTRACTED_FROM]-(x)
        DETACH DELETE x, p, d""", id=read_doc).consume())
    result = runner.invoke(app, ["ingest", str(EXAMPLES / "2026-03-04_report_tidewater-funding-reassessed.txt")])
    assert result.exit_code == 0, result.output
    assert ("2026-03-04", "2026-01-23") not in links(ingested)
    # an analyst who changes their mind confirms it: linked again, marked confirmed
    result = runner.invoke(app, ["lineage", "confirm", newer, older, "--by", "tester", "--json"])
    assert result.exit_code == 0, result.output
    link = links(ingested)[("2026-03-04", "2026-01-23")]
    assert link["status"] == "confirmed" and link["change"] == "favoured_switched"
    result = runner.invoke(app, ["lineage", "cut", newer, "bluf:none", "--by", "tester"])
    assert result.exit_code == 4 and "no BLUF or ACH assessment" in result.output  # NotFound


@pytest.fixture
def client(ingested, monkeypatch):
    monkeypatch.setenv("INTELGRAPH_API_KEYS", f"{READER}:reader,{WRITER}:writer")
    for name in ("INTELGRAPH_API_KEYS_FILE", "INTELGRAPH_API_OPEN"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    from intelgraph.api.app import create_app

    with TestClient(create_app()) as c:
        yield c
    get_settings.cache_clear()


def test_api_changes_history_and_link_curation(client, ingested):
    r, w = {"X-API-Key": READER}, {"X-API-Key": WRITER}
    got = client.get("/changes", params={"topic": "Tidewater Front", "since": "2026-03-01"}, headers=r)
    assert got.status_code == 200, got.text
    assert any(s["key"] == "revised" and s["statements"] for s in got.json()["sections"])
    md = client.get("/changes", params={"topic": "Tidewater Front", "since": "2026-03-01", "format": "md"}, headers=r)
    assert md.status_code == 200 and md.headers["content-type"].startswith("text/markdown")
    assert client.get("/changes", params={"topic": "Tidewater Front"}, headers=r).status_code == 422
    newer, older = judgement_of_date(ingested, "2026-03-27"), judgement_of_date(ingested, "2026-03-18")
    history = client.get(f"/questions/{newer}/judgements", headers=r)
    assert history.status_code == 200, history.text
    steps = history.json()["judgements"]
    assert [s["published"] for s in steps] == ["2026-03-18", "2026-03-27"]
    assert [s["change"] for s in steps] == ["new_question", "reaffirmed"]
    assert client.get("/questions/bluf:none/judgements", headers=r).status_code == 404
    assert client.post(f"/judgements/{newer}/links/{older}/cut", headers=r).status_code == 403
    cut = client.post(f"/judgements/{newer}/links/{older}/cut", json={"by": "Ana"}, headers=w)
    assert cut.status_code == 200, cut.text
    assert cut.json()["curation"]["action"] == "cut_link" and cut.json()["link"] is None
    assert len(client.get(f"/questions/{newer}/judgements", headers=r).json()["judgements"]) == 1
    confirmed = client.post(f"/judgements/{newer}/links/{older}/confirm", headers=w)
    assert confirmed.status_code == 200, confirmed.text
    assert confirmed.json()["link"]["status"] == "confirmed"


def test_rule_leaves_event_summaries_without_an_estimate_unlinked():
    """Two bottom lines without hypotheses, stating no confidence or likelihood, summarise
    events (the corpus's two reports of one war's attacks): not a judgement to follow."""
    a = Judgement(id="a", document_id="doc:a", published="2026-01-01", entities=frozenset({"entity:x"}),
                  bottom_line="Recent raids by the Harbour Militia in Ostmark have caused heavy losses among civilians.")
    b = Judgement(id="b", document_id="doc:b", published="2026-04-01", entities=frozenset({"entity:x"}),
                  bottom_line="Renewed raids by the Harbour Militia in Ostmark have caused losses among civilians and aid workers.")
    assert not lineage_link(b, a).same
    dated = Judgement(**{**b.__dict__, "confidence": "moderate"})
    older = Judgement(**{**a.__dict__, "likelihood": "likely"})
    assert lineage_link(dated, older).same


def _reingest(driver, judgement_id: str, path) -> None:
    doc = read(driver, "MATCH (a:Assessment {id: $id})-[:EXTRACTED_FROM]->()-[:PART_OF]->(d) RETURN d.id AS id",
               {"id": judgement_id})[0]["id"]
    run_write(driver, lambda tx: tx.run("""
        MATCH (d:Document {id: $id})<-[:PART_OF]-(p:Passage)
        OPTIONAL MATCH (p)<-[:EXTRACTED_FROM]-(x)
        DETACH DELETE x, p, d""", id=doc).consume())
    result = runner.invoke(app, ["ingest", str(path)])
    assert result.exit_code == 0, result.output


def test_a_confirmed_link_the_rule_would_not_make_holds_when_the_document_comes_again(ingested):
    """The 01-08 report (no hypotheses, no stated estimate) is linked by no rule; an analyst
    ties it to the 01-23 judgement, and the link is made again when 01-08 is re-ingested."""
    early, later = judgement_of_date(ingested, "2026-01-08"), judgement_of_date(ingested, "2026-01-23")
    assert ("2026-01-23", "2026-01-08") not in links(ingested)
    result = runner.invoke(app, ["lineage", "confirm", early, later, "--by", "tester"])
    assert result.exit_code == 0, result.output
    assert links(ingested)[("2026-01-23", "2026-01-08")]["status"] == "confirmed"
    _reingest(ingested, early, EXAMPLES / "2026-01-08_report_corran-star-seizure.txt")
    link = links(ingested)[("2026-01-23", "2026-01-08")]
    assert link["status"] == "confirmed"
    key = read(ingested, "MATCH (a:Assessment {id: $id}) RETURN a.question AS q", {"id": later})[0]["q"]
    assert key == early  # the earliest judgement of the lineage names the question now


# last: it adds a document older than the judgements the tests above rely on
def test_changes_since_a_brief_tells_a_back_filled_answer_from_a_new_question(ingested, tmp_path):
    # Regression: a document published before judgements already held on its question,
    # ingested after a brief, was listed as a "New question" (it is the older end of the link).
    stored = generate_brief(ingested, BriefRequest(topic="Tidewater Front", limit=10), store=True)
    text = (EXAMPLES / "2026-01-23_report_tidewater-arms-pipeline.txt").read_text(encoding="utf-8")
    path = tmp_path / "2026-01-19_report_arms-early.txt"
    path.write_text(text.replace("Published on: 2026-01-23", "Published on: 2026-01-19")
                    .replace("crew relatives say", "relatives of the crew say"), encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(path)])
    assert result.exit_code == 0, result.output
    assert any(older == "2026-01-19" for _, older in links(ingested))
    result = runner.invoke(app, ["changes", "--topic", "Tidewater Front", "--since-brief", stored.id, "--format", "json"])
    assert result.exit_code == 0, result.output
    sections = {s["key"]: s["statements"] for s in json.loads(result.stdout)["sections"]}
    [early] = [s for s in sections["new_questions"] if s["date"] == "2026-01-19"]
    assert early["text"].startswith("Earlier answer") and not early["text"].startswith("New question")
