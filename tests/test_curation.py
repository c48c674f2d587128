"""Curation on the real database: merge, rename, retype and reject stay fixed on later ingests.

Two kinds of data. Documents written here (fictional places and bodies) go through the
whole pipeline (`intelgraph ingest`), as an analyst's would; hand-built GraphDocuments
(test_api's builder) pin the re-apply rules without depending on what the extractor
makes of a text. "Re-ingest" is both the CLI ingest of the same file (unchanged: nothing
is written) and the same document's records written again by the writer (what any
re-extraction does); "fresh ingest" is a new document that mentions the entity again.
"""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from intelgraph.cli.app import app
from intelgraph.graph.driver import read
from intelgraph.graph.writer import GraphWriter
from intelgraph.settings import get_settings

from test_api import READER, WRITER, _Doc

runner = CliRunner()

FIRST = """Brigade boats stopped near Ostrov Point
4 March 2026

OSTROV POINT, March 4 (Velmar Courier) - The Coastal Guard Brigade stopped two fishing boats near Ostrov Point on Tuesday, harbour master Ilse Brandvik said. The Coastal Guard Brigade said the crews had entered a closed zone.
A spokesman for the CGB said the boats would be released once their papers were checked. Brandvik said the Hypothesis that the stops were retaliation for the Merrow Accord was unfounded.
The Velmar Ministry of Fisheries said it would raise the matter with Kessaria next week.
"""

LATER = """Fisheries talks resume in Kessaria
9 March 2026

KESSARIA, March 9 (Velmar Courier) - Negotiators from Velmar and Kessaria met on Monday to discuss the fishing boats stopped by the CGB near Ostrov Point last week. The CGB has since released both crews, officials said.
Ilse Brandvik, the harbour master, said the Hypothesis of a deliberate campaign had been dropped. The Velmar Ministry of Fisheries welcomed the talks.
"""

BRIGADE, CGB, POINT = "entity:coastal-guard-brigade", "entity:cgb", "entity:ostrov-point"
MINISTRY, JUNK = "entity:velmar-ministry-of-fisheries", "entity:hypothesis"


def cli(*args: str):
    result = runner.invoke(app, list(args))
    return result


def cli_json(*args: str) -> dict:
    result = cli(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def node(driver, entity_id: str) -> dict | None:
    rows = read(driver, "MATCH (e:Entity {id: $id}) RETURN e.name AS name, labels(e) AS labels, "
                        "coalesce(e.aliases, []) AS aliases, COUNT { (e)<-[:MENTIONS]-() } AS mentions",
                {"id": entity_id})
    return rows[0] if rows else None


def mentioned_in(driver, entity_id: str, document_id: str) -> int:
    return read(driver, "MATCH (:Entity {id: $id})<-[:MENTIONS]-(:Passage)-[:PART_OF]->(:Document {id: $doc}) "
                        "RETURN count(*) AS n", {"id": entity_id, "doc": document_id})[0]["n"]


def extraction(path) -> tuple[str, dict[str, str]]:
    """What the pipeline makes of a file, before any curation: its document id and its
    entities (id -> label). The tests check that a later document really writes the
    curated entity again, so that its staying fixed is the curation's doing."""
    result = cli("extract", str(path), "--json")
    assert result.exit_code == 0, result.output
    [doc] = json.loads(result.stdout)["documents"]
    graph = doc.get("graph", doc)
    entities = {n["id"]: n["label"] for n in graph["nodes"] if n["id"].startswith("entity:")}
    return graph["document_id"], entities


def ingest(path) -> dict:
    return cli_json("ingest", str(path))


def rewrite(driver, path) -> None:
    """The same document's records written again (as a re-extraction would write them)."""
    from intelgraph.extract.pipeline import analyse_documents, read_inputs, to_graph
    from intelgraph.extract.sources import SourceGrades

    inputs = read_inputs([str(path)], "auto")
    [(doc, analysis)] = list(analyse_documents(inputs.docs))
    graph = to_graph(doc, analysis, SourceGrades().source_for(doc.parsed)).graph
    GraphWriter(driver).write(graph)


@pytest.fixture
def db(graph):
    return graph


@pytest.fixture
def docs(tmp_path):
    first, later = tmp_path / "first.txt", tmp_path / "later.txt"
    first.write_text(FIRST, encoding="utf-8")
    later.write_text(LATER, encoding="utf-8")
    return first, later


# ---- the whole pipeline: each action survives a re-ingest and a fresh ingest -------------------

def test_curations_survive_reingest_and_a_fresh_document(db, docs):
    first, later = docs
    later_id, later_entities = extraction(later)
    for eid in (CGB, POINT, MINISTRY, JUNK):  # the later document writes each curated entity again
        assert eid in later_entities, f"{eid} is not among {sorted(later_entities)}; pick another entity"
    assert later_entities[POINT] != "Facility"

    ingest(first)
    passages = read(db, "MATCH (p:Passage) RETURN count(p) AS n")[0]["n"]
    brigade_before = node(db, BRIGADE)["mentions"]
    cgb_mentions = node(db, CGB)["mentions"]

    merged = cli_json("entity", "merge", "Coastal Guard Brigade", "CGB", "--by", "analyst one",
                      "--note", "the acronym")
    assert merged["curation"]["action"] == "merge" and merged["curation"]["target"] == CGB
    assert merged["moved"]["MENTIONS"] == cgb_mentions
    assert "CGB" in merged["entity"]["aliases"]
    assert {"alias": "CGB", "mentions": cgb_mentions} in merged["entity"]["mentioned_as"]
    cli_json("entity", "reject", "Hypothesis", "--by", "analyst one", "--note", "a section word")
    cli_json("entity", "retype", POINT, "Facility", "--by", "analyst two")
    cli_json("entity", "rename", "Velmar Ministry of Fisheries", "Fisheries Ministry of Velmar", "--by", "analyst two")

    def check(brigade_mentions: int) -> None:
        assert node(db, CGB) is None
        assert node(db, JUNK) is None
        brigade = node(db, BRIGADE)
        assert "CGB" in brigade["aliases"] and brigade["mentions"] == brigade_mentions
        point = node(db, POINT)
        assert set(point["labels"]) == {"Node", "Entity", "Facility"}
        ministry = node(db, MINISTRY)
        assert ministry["name"] == "Fisheries Ministry of Velmar"
        assert "Velmar Ministry of Fisheries" in ministry["aliases"]

    merged_mentions = brigade_before + cgb_mentions
    check(merged_mentions)
    assert read(db, "MATCH (p:Passage) RETURN count(p) AS n")[0]["n"] == passages  # reject keeps passages

    again = ingest(first)  # re-ingest: unchanged, nothing written
    assert again["documents"]["unchanged"] == 1
    check(merged_mentions)
    rewrite(db, first)  # the same records written again
    check(merged_mentions)

    fresh = ingest(later)
    assert fresh["documents"]["new"] == 1
    assert mentioned_in(db, BRIGADE, later_id) >= 1  # the later CGB mentions went to the brigade
    check(merged_mentions + mentioned_in(db, BRIGADE, later_id))
    # the curated entities carry the later document's mentions, under their curated shape
    assert mentioned_in(db, POINT, later_id) >= 1 and mentioned_in(db, MINISTRY, later_id) >= 1

    history = cli_json("entity", "history", "Coastal Guard Brigade")
    assert [(a["action"], a["target"], a["curator"]) for a in history["actions"]] == [
        ("merge", CGB, "analyst one")]
    assert history["actions"][0]["reason"] == "the acronym"
    shown = cli("entity", "history", "CGB")  # a merged name finds the survivor's history
    assert shown.exit_code == 0 and "analyst one" in shown.stdout and "1 action(s)" in shown.stdout
    gone = cli_json("entity", "history", "Hypothesis")
    assert gone["entity"] is None and [a["action"] for a in gone["actions"]] == ["reject"]
    point = cli_json("entity", "history", "Ostrov Point")
    assert [(a["action"], a["argument"], a["curator"]) for a in point["actions"]] == [
        ("retype", "Facility", "analyst two")]


# ---- hand-built documents: the re-apply rules ------------------------------------------------

NAVY, TN, LUME, LOG = "entity:tarsk-navy", "entity:tn", "entity:port-lume", "entity:signal-log"


def document(key: str, *, navy_label: str = "Organization", with_navy: bool = True):
    d = _Doc(key, f"Harbour note {key}", "2026-02-01", ("source:harbor-wire", "Harbor Wire", "B"))
    if with_navy:
        d.node(navy_label, NAVY, name="Tarsk Navy", key="tarsk navy", aliases=["Tarsk Navy"])
    d.node("Organization", TN, name="TN", key="tn", aliases=["TN"])
    d.node("Organization", LUME, name="Port Lume", key="port lume", aliases=["Port Lume"])
    d.node("Person", LOG, name="Signal Log", key="signal log", aliases=["Signal Log"])
    p1 = d.sentence(f"TN ships sailed from Port Lume ({key}).", mentions=(TN, LUME))
    p2 = d.sentence(f"The Signal Log recorded TN at sea ({key}).", mentions=(LOG, TN))
    claim = d.extracted("Claim", f"claim:{key}:1", p1, polarity="positive", predicate="sail")
    d.edge("ABOUT", claim, TN, role="subject")
    d.edge("ABOUT", claim, LUME, role="object")
    d.edge("RELATED_TO", TN, LUME, predicate="sail", polarity="positive", claim_ids=[claim])
    d.edge("RELATED_TO", LOG, TN, predicate="record", polarity="positive", claim_ids=[claim])
    if with_navy:
        p3 = d.sentence(f"The Tarsk Navy sailed from Port Lume ({key}).", mentions=(NAVY, LUME))
        d.edge("RELATED_TO", NAVY, LUME, predicate="sail", polarity="positive", claim_ids=[claim])
        d.edge("ABOUT", d.extracted("Claim", f"claim:{key}:2", p3, polarity="positive"), NAVY, role="subject")
    return d.graph()


def related(driver) -> list[tuple[str, str, str, int]]:
    return [tuple(r.values()) for r in read(
        driver, "MATCH (a)-[r:RELATED_TO]->(b) RETURN a.id AS a, r.predicate AS p, b.id AS b, r.count AS n "
                "ORDER BY a, p, b")]


def counts(driver) -> dict:
    return read(driver, "MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels")[0]


def test_merge_moves_claims_and_keyed_relations_and_holds_on_later_writes(db):
    writer = GraphWriter(db)
    writer.write(document("m1"))
    cli_json("entity", "merge", NAVY, "TN", "--by", "tester")
    assert node(db, TN) is None
    assert related(db) == [(LOG, "record", NAVY, 1), (NAVY, "sail", LUME, 1)]  # two "sail" edges became one
    assert read(db, "MATCH (:Claim {id: 'claim:m1:1'})-[:ABOUT {role: 'subject'}]->(e) RETURN e.id AS id") == [
        {"id": NAVY}]
    settled = counts(db)
    writer.write(document("m1"))  # the same document again: nothing changes
    assert counts(db) == settled and node(db, TN) is None
    writer.write(document("m2", with_navy=False))  # a new one that knows only "TN"
    assert node(db, TN) is None
    assert mentioned_in(db, NAVY, "doc:api-m2") == 2
    assert related(db) == [(LOG, "record", NAVY, 2), (NAVY, "sail", LUME, 2)]  # claim ids accumulate
    assert "TN" in node(db, NAVY)["aliases"]


def test_reject_retype_rename_hold_on_later_writes(db):
    writer = GraphWriter(db)
    writer.write(document("r1"))
    before = read(db, "MATCH (p:Passage) RETURN count(p) AS n")[0]["n"]
    cli_json("entity", "reject", "Signal Log", "--by", "tester")
    cli_json("entity", "retype", "Port Lume", "Location", "--by", "tester")
    cli_json("entity", "rename", "Tarsk Navy", "Tarsk Naval Command", "--by", "tester")
    cli_json("entity", "retype", "Tarsk Naval Command", "Group", "--by", "tester")
    cli_json("entity", "retype", "Tarsk Naval Command", "organization", "--by", "tester")  # the last one holds
    for key in ("r1", "r2"):
        writer.write(document(key, navy_label="Person"))
        assert node(db, LOG) is None
        assert set(node(db, LUME)["labels"]) == {"Node", "Entity", "Location"}
        navy = node(db, NAVY)
        assert navy["name"] == "Tarsk Naval Command" and "Tarsk Navy" in navy["aliases"]
        assert set(navy["labels"]) == {"Node", "Entity", "Organization"}
    assert read(db, "MATCH (p:Passage) RETURN count(p) AS n")[0]["n"] > before  # passages stay and grow
    assert not any(LOG in (a, b) for a, _, b, _ in related(db))


def test_merges_follow_to_the_last_survivor_and_a_rejected_survivor_rejects(db):
    writer = GraphWriter(db)
    writer.write(document("c1"))
    cli_json("entity", "merge", "Tarsk Navy", "TN", "--by", "tester")
    cli_json("entity", "merge", "Port Lume", "Tarsk Navy", "--by", "tester")  # nonsense, but a chain
    writer.write(document("c2"))
    assert node(db, TN) is None and node(db, NAVY) is None
    assert {"TN", "Tarsk Navy"} <= set(node(db, LUME)["aliases"])
    history = cli_json("entity", "history", "Port Lume")
    assert [(a["action"], a["target"]) for a in history["actions"]] == [("merge", TN), ("merge", NAVY)]
    cli_json("entity", "reject", "Port Lume", "--by", "tester")
    writer.write(document("c3"))
    assert node(db, TN) is None and node(db, NAVY) is None and node(db, LUME) is None


# ---- naming and refusing -------------------------------------------------------------------------

def test_ambiguous_missing_and_bad_arguments_are_one_line(db):
    writer = GraphWriter(db)
    d = document("n1")
    writer.write(d)
    extra = _Doc("n2", "Other", "2026-02-02", ("source:harbor-wire", "Harbor Wire", "B"))
    extra.node("Location", "entity:tn-river", name="TN River", key="tn river", aliases=["TN River", "TN"])
    extra.node("Person", "entity:t-n", name="T. N.", key="t n", aliases=["TN"])
    extra.sentence("The TN River and T. N. were named.", mentions=("entity:tn-river", "entity:t-n"))
    writer.write(extra.graph())
    # "TN" is one entity's name and two others' alias: the name wins
    assert cli_json("entity", "history", "TN")["entity"]["id"] == TN
    cli_json("entity", "reject", TN, "--by", "tester")
    ambiguous = cli("entity", "rename", "TN", "X")
    assert ambiguous.exit_code == 2
    assert "entity:tn-river" in ambiguous.output and "entity:t-n" in ambiguous.output
    assert "Traceback" not in ambiguous.output and len(ambiguous.output.strip().splitlines()) <= 2
    missing = cli("entity", "reject", "Nobody At All")
    assert missing.exit_code == 4 and "Nobody At All" in missing.output
    bad_type = cli("entity", "retype", LUME, "Spaceship")
    assert bad_type.exit_code == 2 and "Spaceship" in bad_type.output
    assert cli("entity", "merge", LUME, "Port Lume").exit_code == 2  # the same entity
    assert cli("entity", "rename", LUME, "   ").exit_code == 2
    assert node(db, LUME)["name"] == "Port Lume"  # nothing half-written
    assert read(db, "MATCH (c:Curation) RETURN count(c) AS n")[0]["n"] == 1


def test_history_table_and_help(db):
    GraphWriter(db).write(document("h1"))
    cli_json("entity", "rename", "Port Lume", "Lume Harbour", "--by", "Ana Pereira", "--note", "official name")
    result = runner.invoke(app, ["entity", "history", "Lume Harbour"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert "Ana Pereira" in result.stdout and "official name" in result.stdout and "rename" in result.stdout
    assert all(len(line) <= 80 for line in result.stdout.splitlines())
    for command in ("merge", "rename", "retype", "reject", "history"):
        assert cli("entity", command, "--help").exit_code == 0


def test_history_query_for_analysts(db):
    GraphWriter(db).write(document("q1"))
    cli_json("entity", "merge", "Tarsk Navy", "TN", "--by", "tester")
    rows = cli_json("cypher", "--query", "curation/history", "--param", "name=TN")["rows"]
    assert [(r["action"], r["target"]) for r in rows] == [("merge", TN)]


# ---- the API: writers curate, readers read the history -----------------------------------------

@pytest.fixture
def client(db, monkeypatch):
    monkeypatch.setenv("INTELGRAPH_API_KEYS", f"{READER}:reader,{WRITER}:writer")
    for name in ("INTELGRAPH_API_KEYS_FILE", "INTELGRAPH_API_OPEN"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    from intelgraph.api.app import create_app

    GraphWriter(db).write(document("a1"))
    with TestClient(create_app()) as c:
        yield c
    get_settings.cache_clear()


def test_api_curation_for_writers_history_for_readers(client, db):
    w, r = {"X-API-Key": WRITER}, {"X-API-Key": READER}
    refused = client.post(f"/entities/{NAVY}/merge", json={"entity": "TN"}, headers=r)
    assert refused.status_code == 403 and node(db, TN) is not None
    merged = client.post(f"/entities/{NAVY}/merge", json={"entity": "TN", "by": "Ana", "reason": "acronym"},
                         headers=w)
    assert merged.status_code == 200, merged.text
    body = merged.json()
    assert body["curation"]["curator"] == "Ana (api key #2)" and body["moved"]["MENTIONS"] == 2
    assert node(db, TN) is None
    assert client.post("/entities/Port Lume/retype", json={"type": "Location"}, headers=w).status_code == 200
    assert client.post("/entities/Tarsk Navy/rename", json={"name": "Tarsk Fleet"}, headers=w).status_code == 200
    assert client.post("/entities/Tarsk Fleet/retype", json={"type": "Organization"}, headers=w).status_code == 200
    assert client.post("/entities/Signal Log/reject", headers=w).json()["entity"] is None
    GraphWriter(db).write(document("a2", navy_label="Person"))
    assert node(db, TN) is None and node(db, LOG) is None
    assert node(db, NAVY)["name"] == "Tarsk Fleet" and "Person" not in node(db, NAVY)["labels"]
    history = client.get(f"/entities/{NAVY}/history", headers=r)
    assert history.status_code == 200
    assert [a["action"] for a in history.json()["actions"]] == ["merge", "rename", "retype"]
    assert client.get("/entities/Signal Log/history", headers=r).json()["actions"][0]["action"] == "reject"
    # bad input: 4xx, never 5xx
    assert client.post(f"/entities/{NAVY}/retype", json={"type": "Spaceship"}, headers=w).status_code == 422
    assert client.post(f"/entities/{NAVY}/rename", json={}, headers=w).status_code == 422
    assert client.post(f"/entities/{NAVY}/rename", json={"name": "x", "colour": 1}, headers=w).status_code == 422
    assert client.post("/entities/entity:nobody/reject", headers=w).status_code == 404
    assert client.post(f"/entities/{NAVY}/merge", json={"entity": NAVY}, headers=w).status_code == 422
    assert client.get("/entities/entity:nobody/history", headers=r).status_code == 404
    assert client.post(f"/entities/{NAVY}/reject", headers={}).status_code == 401


def test_openapi_documents_the_curation_routes(client):
    spec = client.get("/openapi.json").json()
    for action in ("merge", "rename", "retype", "reject"):
        op = spec["paths"][f"/entities/{{entity_id}}/{action}"]["post"]
        assert {"404", "422"} <= set(op["responses"]), action
    assert "get" in spec["paths"]["/entities/{entity_id}/history"]
    schemas = spec["components"]["schemas"]
    assert "Organization" in schemas["RetypeCreate"]["properties"]["type"]["enum"]
    assert {"MergeCreate", "RenameCreate", "CurationResult", "CurationHistory"} <= set(schemas)
