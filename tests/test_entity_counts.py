"""The counts an Entity keeps for its reads, on the real database.

GET /entities/{id} reads mention_count, claim_count, document_count and
recent_documents from the node (queries/api/get_entity.cypher); api/count_entity
counts the same things from the relationships. Every test here compares the two for
every entity after what it does: a first write, a write of the same document again,
two writers racing on the same documents, curation (merge, reject, and their re-apply
on later writes), more documents than the node keeps, a graph written before the
counts existed (`schema apply` fills them in), and a real ingest.
"""

from __future__ import annotations

import json
import threading

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from intelgraph.cli.app import app
from intelgraph.errors import OntologyError
from intelgraph.graph import lookups
from intelgraph.graph.driver import read
from intelgraph.graph.writer import RECENT_DOCUMENTS, GraphWriter
from intelgraph.queries import query
from intelgraph.settings import get_settings

from test_api import READER, WRITER, _Doc

runner = CliRunner()
SOURCE = ("source:harbor-wire", "Harbor Wire", "B")
NAVY, TN, LUME, LOG = "entity:tarsk-navy", "entity:tn", "entity:port-lume", "entity:signal-log"


def document(key: str, published: str | None = "2026-02-01", *, with_navy: bool = True):
    """TN twice in one sentence (one MENTIONS: one per passage), Port Lume in two
    sentences, a claim about both; with the navy, a third sentence naming the Tarsk
    Navy, TN and Port Lume, with a claim about the navy."""
    d = _Doc(key, f"Harbour note {key}", published, SOURCE)
    d.node("Organization", TN, name="TN", key="tn", aliases=["TN"])
    d.node("Organization", LUME, name="Port Lume", key="port lume", aliases=["Port Lume"])
    d.node("Person", LOG, name="Signal Log", key="signal log", aliases=["Signal Log"])
    p1 = d.sentence(f"TN ships and TN tugs sailed from Port Lume ({key}).", mentions=(TN, LUME))
    d.sentence(f"The Signal Log recorded arrivals at Port Lume ({key}).", mentions=(LOG, LUME))
    claim = d.extracted("Claim", f"claim:{key}:1", p1, polarity="positive", predicate="sail")
    d.edge("ABOUT", claim, TN, role="subject")
    d.edge("ABOUT", claim, LUME, role="object")
    if with_navy:
        d.node("Organization", NAVY, name="Tarsk Navy", key="tarsk navy", aliases=["Tarsk Navy"])
        p3 = d.sentence(f"The Tarsk Navy and TN left Port Lume ({key}).", mentions=(NAVY, TN, LUME))
        d.edge("ABOUT", d.extracted("Claim", f"claim:{key}:2", p3, polarity="positive"), NAVY, role="subject")
    return d.graph()


def write(driver, text: str, params: dict | None = None) -> None:
    with driver.session() as session:
        session.run(text, params or {}).consume()


def stored(driver, entity_id: str) -> dict:
    return lookups.get_entity(driver, entity_id)


def counted(driver, entity_id: str) -> dict:
    row = lookups.plain(read(driver, query("api/count_entity"), {"id": entity_id, "limit": RECENT_DOCUMENTS})[0])
    return {**row.pop("entity"), **row}


def assert_counts_true(driver) -> list[str]:
    """Every entity's kept counts equal what its relationships say; returns the ids."""
    ids = [r["id"] for r in read(driver, "MATCH (e:Entity) RETURN e.id AS id ORDER BY id")]
    for entity_id in ids:
        kept = read(driver, "MATCH (e:Entity {id: $id}) RETURN e.mention_count AS m, e.document_count AS d, "
                            "e.claim_count AS c, e.recent_documents AS r", {"id": entity_id})[0]
        assert None not in kept.values(), (entity_id, kept)  # kept on the node, not counted on reading
        got, want = stored(driver, entity_id), counted(driver, entity_id)
        for key in ("mentions", "claims", "document_count", "documents"):
            assert got[key] == want[key], (entity_id, key, got[key], want[key])
    return ids


@pytest.fixture
def db(graph):
    return graph


def test_counts_after_a_write_and_the_same_write_again(db):
    writer = GraphWriter(db)
    first = writer.write(document("w1"))
    assert first.created and first.created_documents == ["doc:api-w1"]
    writer.write(document("w2", "2026-03-01"))
    assert assert_counts_true(db) == sorted([NAVY, TN, LUME, LOG])
    tn = stored(db, TN)
    assert (tn["mentions"], tn["document_count"], tn["claims"]) == (4, 2, 2)  # 2 passages a document
    assert [d["id"] for d in tn["documents"]] == ["doc:api-w2", "doc:api-w1"]  # newest first
    again = writer.write(document("w1"))  # the same document's records again: nothing counted twice
    assert not again.created and again.created_documents == []
    assert stored(db, TN) == tn
    assert_counts_true(db)


def test_two_writers_racing_on_the_same_documents_count_each_once(db):
    docs = [document(f"race{i}", f"2026-01-{10 + i:02d}") for i in range(6)]
    start = threading.Barrier(2)
    created: list[list[str]] = [[], []]
    errors: list[BaseException] = []

    def run(slot: int) -> None:
        writer = GraphWriter(db)
        start.wait()
        try:
            for doc in docs:
                created[slot] += writer.write(doc).created_documents
        except BaseException as exc:  # reported below, not lost in the thread
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(created[0] + created[1]) == sorted(d.document_id for d in docs)  # each made by one writer
    assert_counts_true(db)
    assert stored(db, TN)["document_count"] == 6


def test_merge_and_reject_keep_the_survivors_counts(db):
    writer = GraphWriter(db)
    writer.write(document("m1"))
    writer.write(document("m2", "2026-04-01", with_navy=False))
    before = stored(db, NAVY)
    merged = runner.invoke(app, ["entity", "merge", NAVY, "TN", "--by", "tester", "--json"])
    assert merged.exit_code == 0, merged.output
    navy = stored(db, NAVY)
    # TN's passages: 2 in m1 (one of them names the navy too) and 1 in m2; its claims in m1 and m2
    assert navy["mentions"] == before["mentions"] + 2
    assert navy["document_count"] == 2 and navy["claims"] == before["claims"] + 2
    assert [d["id"] for d in navy["documents"]] == ["doc:api-m2", "doc:api-m1"]
    assert_counts_true(db)
    # a later document that knows only "TN": re-applied merge, counted once on the survivor
    writer.write(document("m3", "2026-05-01", with_navy=False))
    assert stored(db, NAVY)["document_count"] == 3
    assert_counts_true(db)
    rejected = runner.invoke(app, ["entity", "reject", "Signal Log", "--by", "tester", "--json"])
    assert rejected.exit_code == 0, rejected.output
    writer.write(document("m4", None))  # an undated document, after the reject
    assert LOG not in assert_counts_true(db)
    assert stored(db, LUME)["documents"][-1]["id"] == "doc:api-m4"  # undated last


def test_more_documents_than_the_node_keeps(db):
    writer = GraphWriter(db)
    dates = [f"2025-{m:02d}-15" for m in (3, 11, 1, 7, 9, 5, 12, 2, 8, 4, 10, 6)] + [None, None]
    for i, published in enumerate(dates):
        writer.write(document(f"k{i:02d}", published, with_navy=i % 3 == 0))
    assert len(dates) > RECENT_DOCUMENTS
    assert_counts_true(db)
    lume = stored(db, LUME)
    assert lume["document_count"] == len(dates)
    assert [d["published"] for d in lume["documents"]] == [f"2025-{m:02d}-15" for m in range(12, 2, -1)]
    everything = lookups.get_entity(db, LUME, documents=20)  # more than kept: counted from the graph
    assert len(everything["documents"]) == len(dates) and everything["documents"][-1]["published"] is None


def test_schema_apply_counts_entities_written_before_counts_were_kept(db):
    writer = GraphWriter(db)
    for key in ("o1", "o2"):
        writer.write(document(key))
    want = {eid: counted(db, eid) for eid in (NAVY, TN, LUME, LOG)}
    write(db, "MATCH (e:Entity) REMOVE e.mention_count, e.document_count, e.claim_count, "
              "e.recent_documents")  # the graph an older version wrote
    for eid, row in want.items():  # still right before the migration: counted from the relationships
        got = stored(db, eid)
        assert (got["mentions"], got["document_count"]) == (row["mentions"], row["document_count"])
    applied = runner.invoke(app, ["schema", "apply", "--json"])
    assert applied.exit_code == 0, applied.output
    assert json.loads(applied.stdout) == {"created": [], "entities_counted": 4}
    assert_counts_true(db)
    again = runner.invoke(app, ["schema", "apply", "--json"])
    assert json.loads(again.stdout)["entities_counted"] == 0


def test_a_record_cannot_set_a_kept_count(db):
    doc = document("x1")
    next(n for n in doc.nodes if n.id == TN).props["mention_count"] = 99
    with pytest.raises(OntologyError, match="kept by the graph writer"):
        GraphWriter(db).write(doc)
    assert read(db, "MATCH (n) RETURN count(n) AS n")[0]["n"] == 0


def test_api_returns_the_kept_counts(db, monkeypatch):
    writer = GraphWriter(db)
    writer.write(document("a1"))
    writer.write(document("a2", "2026-06-01", with_navy=False))
    monkeypatch.setenv("INTELGRAPH_API_KEYS", f"{READER}:reader,{WRITER}:writer")
    for name in ("INTELGRAPH_API_KEYS_FILE", "INTELGRAPH_API_OPEN"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    from intelgraph.api.app import create_app

    # the counts the API shows come from the node: change them there and the API follows
    write(db, "MATCH (e:Entity {id: $id}) SET e.mention_count = 41, e.document_count = 7", {"id": TN})
    with TestClient(create_app()) as client:
        body = client.get(f"/entities/{TN}", headers={"X-API-Key": READER}).json()
    get_settings.cache_clear()
    assert (body["mentions"], body["document_count"], body["claims"]) == (41, 7, 2)
    assert [d["id"] for d in body["documents"]] == ["doc:api-a2", "doc:api-a1"]
    assert body["documents"][0] == {"id": "doc:api-a2", "title": "Harbour note a2", "published": "2026-06-01"}


REPORT = """Harbour traffic at Velsport
12 May 2026

VELSPORT, May 12 (Merrow Courier) - The Velsport Harbour Authority said on Tuesday that the Arvel Shipping Line had moved two ferries to the northern quay. The Arvel Shipping Line said the move would last a month.
Officials in Velsport said the Harbour Authority would review the quay in June.
"""

LATER = """Ferries return to the southern quay
2 June 2026

VELSPORT, June 2 (Merrow Courier) - The Arvel Shipping Line moved its ferries back to the southern quay, the Velsport Harbour Authority said.
"""


def test_counts_after_a_real_ingest_and_a_reingest(db, tmp_path):
    (tmp_path / "one.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "two.txt").write_text(LATER, encoding="utf-8")
    first = runner.invoke(app, ["ingest", str(tmp_path), "--json"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["documents"]["new"] == 2
    ids = assert_counts_true(db)
    assert ids and max(stored(db, i)["document_count"] for i in ids) == 2
    snapshot = {i: stored(db, i) for i in ids}
    again = runner.invoke(app, ["ingest", str(tmp_path), "--json"])
    assert json.loads(again.stdout)["documents"] == {"new": 0, "unchanged": 2, "failed": 0}
    assert {i: stored(db, i) for i in ids} == snapshot
