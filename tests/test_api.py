"""The HTTP API, through fastapi.testclient, on the real app and the real Neo4j.

Data: a small invented graph written with GraphWriter (`api_graph`), and documents
posted through POST /documents where the NLP pipeline is installed. Keys are set in
the environment (INTELGRAPH_API_KEYS) with the settings cache cleared around each test.
"""

from __future__ import annotations

import json
import logging
import re

import pytest
from fastapi.testclient import TestClient

from intelgraph.graph.driver import read
from intelgraph.graph.writer import GraphWriter
from intelgraph.ontology import get_ontology
from intelgraph.ontology.records import EdgeRecord, GraphDocument, NodeRecord
from intelgraph.settings import get_settings

READER = "reader-key-0123456789"
WRITER = "writer-key-9876543210"
R = {"X-API-Key": READER}
W = {"X-API-Key": WRITER}


# ---- an invented graph ------------------------------------------------------------------------

class _Doc:
    """Builds one GraphDocument: sentences become passages at their real offsets."""

    def __init__(self, key: str, title: str, published: str, source: tuple[str, str, str]) -> None:
        self.id = f"doc:api-{key}"
        self.key = key
        self.text = ""
        self.nodes: dict[str, NodeRecord] = {}
        self.edges: list[EdgeRecord] = []
        self.title, self.published = title, published
        sid, name, grade = source
        self.node("Source", sid, name=name, reliability=grade)
        self.source_id = sid

    def node(self, label: str, node_id: str, /, **props) -> str:
        self.nodes.setdefault(node_id, NodeRecord(label=label, id=node_id, props=props))
        return node_id

    def edge(self, rel: str, a: str, b: str, /, **props) -> None:
        self.edges.append(EdgeRecord(type=rel, start_label=self.nodes[a].label, start=a,
                                     end_label=self.nodes[b].label, end=b, props=props))

    def sentence(self, text: str, *, kind: str = "sentence", mentions: tuple[str, ...] = ()) -> str:
        start = len(self.text) + (1 if self.text else 0)
        self.text = f"{self.text} {text}" if self.text else text
        end = start + len(text)
        pid = self.node("Passage", f"psg:api-{self.key}:{start}-{end}", start=start, end=end, text=text, kind=kind)
        for eid in mentions:
            name = self.nodes[eid].props["name"]
            at = text.find(name)
            self.edge("MENTIONS", pid, eid, start=start + max(at, 0), end=start + max(at, 0) + len(name), text=name)
        return pid

    def extracted(self, label: str, nid: str, pid: str, /, **props) -> str:
        text = self.nodes[pid].props["text"]
        self.node(label, nid, text=text, extraction_score=0.9, **props)
        self.edge("EXTRACTED_FROM", nid, pid)
        return nid

    def graph(self) -> GraphDocument:
        doc = NodeRecord(label="Document", id=self.id, props={
            "text": self.text, "title": self.title, "published": self.published, "format": "text",
            "truncated": False, "word_count": len(self.text.split())})
        edges = [EdgeRecord(type="PUBLISHED_BY", start_label="Document", start=self.id, end_label="Source",
                            end=self.source_id)]
        for n in self.nodes.values():
            if n.label == "Passage":
                edges.append(EdgeRecord(type="PART_OF", start_label="Passage", start=n.id, end_label="Document",
                                        end=self.id))
        return GraphDocument(document_id=self.id, nodes=[doc, *self.nodes.values()], edges=edges + self.edges)


ORLEN, NAVY, LUME, KELMAR, DRIFT = ("entity:vessa-orlen", "entity:tarsk-navy", "entity:port-lume",
                                    "entity:kelmar", "entity:drift-isles")


def api_graph() -> list[GraphDocument]:
    a = _Doc("a", "Frigates at Port Lume", "2026-02-01", ("source:harbor-wire", "Harbor Wire", "B"))
    a.node("Person", ORLEN, name="Vessa Orlen", key="vessa-orlen", aliases=["Vessa Orlen", "Orlen"])
    a.node("Organization", NAVY, name="Tarsk Navy", key="tarsk-navy", aliases=["Tarsk Navy"])
    a.node("Location", LUME, name="Port Lume", key="port-lume", aliases=["Port Lume", "Lume"])
    a.node("Location", KELMAR, name="Kelmar", key="kelmar", aliases=["Kelmar"])
    a.node("Location", DRIFT, name="Drift Isles", key="drift-isles", aliases=["Drift Isles"])
    p1 = a.sentence("Vessa Orlen said the Tarsk Navy answers to her command.", mentions=(ORLEN, NAVY))
    p2 = a.sentence("The Tarsk Navy moved two frigates to Port Lume.", mentions=(NAVY, LUME))
    p3 = a.sentence("Ferries between Port Lume and Kelmar were suspended.", mentions=(LUME, KELMAR))
    c1 = a.extracted("Claim", "claim:api-a:1", p1, polarity="positive", modality="reported", predicate="command",
                     attribution="Vessa Orlen")
    c2 = a.extracted("Claim", "claim:api-a:2", p2, polarity="positive", modality="asserted", predicate="deploy")
    c3 = a.extracted("Claim", "claim:api-a:3", p3, polarity="positive")
    a.edge("ABOUT", c1, ORLEN, role="subject")
    a.edge("ABOUT", c1, NAVY, role="object")
    a.edge("ATTRIBUTED_TO", c1, ORLEN)
    a.edge("ABOUT", c2, NAVY, role="subject")
    a.edge("ABOUT", c2, LUME, role="object")
    a.edge("ATTRIBUTED_TO", c2, a.source_id)
    a.edge("ABOUT", c3, LUME, role="subject")
    a.edge("ABOUT", c3, KELMAR, role="object")
    a.edge("RELATED_TO", ORLEN, NAVY, predicate="command", polarity="positive", modality=["reported"], claim_ids=[c1])
    a.edge("RELATED_TO", NAVY, LUME, predicate="deploy", polarity="positive", modality=["asserted"], claim_ids=[c2])
    ph1 = a.sentence("H1: Tarsk is preparing a blockade of the strait.", kind="hypothesis")
    ph2 = a.sentence("H2: Tarsk is running a routine exercise.", kind="hypothesis")
    h1 = a.extracted("Hypothesis", "hypothesis:api-a:1", ph1, label="H1",
                     statement="Tarsk is preparing a blockade of the strait.")
    h2 = a.extracted("Hypothesis", "hypothesis:api-a:2", ph2, label="H2",
                     statement="Tarsk is running a routine exercise.")
    a.edge("COMPETES_WITH", h1, h2)
    pe1 = a.sentence("Fuel barges were chartered for sixty days.", kind="evidence")
    pe2 = a.sentence("No mines were loaded at the naval depot.", kind="evidence")
    pe3 = a.sentence("The exercise calendar lists a drill this month.", kind="evidence")
    e1 = a.extracted("Evidence", "evidence:api-a:1", pe1, credibility="2")
    e2 = a.extracted("Evidence", "evidence:api-a:2", pe2, credibility="3")
    e3 = a.extracted("Evidence", "evidence:api-a:3", pe3)
    a.edge("SUPPORTS", e1, h1)
    a.edge("CONTRADICTS", e2, h1)
    a.edge("SUPPORTS", e3, h2)
    pa = a.sentence("We assess with moderate confidence that H1 is most likely.", kind="assessment")
    s1 = a.extracted("Assessment", "assessment:api-a:1", pa, kind="ach", confidence="moderate", favored_label="H1")
    a.edge("FAVORS", s1, h1)
    ptag = a.sentence("Tags: Maritime Security", kind="tag")
    a.node("Topic", "topic:maritime-security", name="Maritime Security", key="maritime-security")
    a.edge("EXTRACTED_FROM", "topic:maritime-security", ptag)

    b = _Doc("b", "Quiet week on the Drift Isles", "2026-01-15", ("source:coast-monitor", "Coast Monitor", "D"))
    b.node("Location", LUME, name="Port Lume", key="port-lume", aliases=["Port Lume"])
    b.node("Location", DRIFT, name="Drift Isles", key="drift-isles", aliases=["Drift Isles"])
    pb = b.sentence("Fishing fleets left Port Lume for the Drift Isles.", mentions=(LUME, DRIFT))
    b.extracted("Claim", "claim:api-b:1", pb, polarity="positive")
    phb = b.sentence("H1: The fleets are avoiding the naval build-up.", kind="hypothesis")
    b.extracted("Hypothesis", "hypothesis:api-b:1", phb, label="H1",
                statement="The fleets are avoiding the naval build-up.")
    graphs = [a.graph(), b.graph()]
    graphs[0].edges.append(EdgeRecord(type="TAGGED", start_label="Document", start=a.id, end_label="Topic",
                                      end="topic:maritime-security"))
    return graphs


@pytest.fixture
def api_env(monkeypatch):
    monkeypatch.setenv("INTELGRAPH_API_KEYS", f"{READER}:reader,{WRITER}:writer")
    for name in ("INTELGRAPH_API_KEYS_FILE", "INTELGRAPH_API_OPEN"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    yield monkeypatch
    get_settings.cache_clear()


def make_client():
    from intelgraph.api.app import create_app

    return TestClient(create_app())


@pytest.fixture
def data(graph):
    writer = GraphWriter(graph)
    for doc in api_graph():
        writer.write(doc)
    return graph


@pytest.fixture
def client(api_env, data):
    with make_client() as c:
        yield c


def settings_env(monkeypatch, **values) -> None:
    for k, v in values.items():
        monkeypatch.setenv(f"INTELGRAPH_{k.upper()}", str(v))
    get_settings.cache_clear()


def error_of(resp) -> dict:
    body = resp.json()
    assert set(body) == {"error"}, body
    assert body["error"]["code"] and body["error"]["message"], body
    return body["error"]


# ---- service ----------------------------------------------------------------------------------

def test_health_and_docs_need_no_key(client):
    assert client.get("/health").json()["status"] == "ok"
    assert client.get("/openapi.json").status_code == 200
    assert client.get("/docs").status_code == 200


def test_ready_when_schema_applied_and_503_when_an_index_is_missing(client, graph):
    assert client.get("/ready").json()["status"] == "ready"
    with graph.session() as s:
        s.run("DROP INDEX entity_names").consume()
    resp = client.get("/ready")
    assert resp.status_code == 503
    assert error_of(resp)["code"] == "schema_incomplete"
    assert "entity_names" in resp.json()["error"]["message"]


def test_unknown_route_and_method_use_the_error_body(client):
    assert error_of(client.get("/nowhere", headers=R))["code"] == "not_found"
    resp = client.delete("/entities", headers=R)
    assert resp.status_code == 405 and error_of(resp)["code"] == "method_not_allowed"


# ---- auth -------------------------------------------------------------------------------------

def test_no_or_unknown_key_is_401(client):
    resp = client.get("/entities")
    assert resp.status_code == 401 and error_of(resp)["code"] == "unauthorized"
    assert "WWW-Authenticate" in resp.headers
    assert client.get("/entities", headers={"X-API-Key": "nope"}).status_code == 401
    assert client.get("/entities", headers={"Authorization": "Bearer nope"}).status_code == 401
    assert client.post("/cypher", json={"query": "RETURN 1"}).status_code == 401


def test_bearer_and_header_keys_work(client):
    assert client.get("/entities", headers={"Authorization": f"Bearer {READER}"}).status_code == 200
    assert client.get("/entities", headers=R).status_code == 200
    assert client.get("/entities", headers=W).status_code == 200  # a writer can read


def test_reader_cannot_write(client, graph):
    before = _fingerprint(graph)
    resp = client.post("/documents", headers=R, json={"text": "Anything at all."})
    assert resp.status_code == 403 and error_of(resp)["code"] == "forbidden"
    resp = client.post("/briefs", headers=R, json={"topic": "Maritime Security", "store": True})
    assert resp.status_code == 403
    assert _fingerprint(graph) == before


def test_keys_file_and_bad_key_config(api_env, data, tmp_path):
    from intelgraph.errors import ConfigError

    keys = tmp_path / "keys"
    keys.write_text("# team keys\nfile-reader-key:reader\n\nfile-writer-key : writer\n", encoding="utf-8")
    api_env.delenv("INTELGRAPH_API_KEYS")
    settings_env(api_env, api_keys_file=keys)
    with make_client() as c:
        assert c.get("/entities", headers={"X-API-Key": "file-reader-key"}).status_code == 200
        assert c.get("/entities", headers={"X-API-Key": READER}).status_code == 401
    keys.write_text("key-without-role\n", encoding="utf-8")
    get_settings.cache_clear()
    with pytest.raises(ConfigError, match="key:role"):
        make_client()
    settings_env(api_env, api_keys="k:admin", api_keys_file="")
    with pytest.raises(ConfigError, match="reader or writer"):
        make_client()
    api_env.delenv("INTELGRAPH_API_KEYS")
    api_env.delenv("INTELGRAPH_API_KEYS_FILE")
    get_settings.cache_clear()
    with pytest.raises(ConfigError, match="no API keys"):
        make_client()


def test_open_mode_needs_no_key_and_only_binds_loopback(api_env, data):
    from intelgraph.api.auth import check_open_binding
    from intelgraph.cli.commands.serve import serve
    from intelgraph.errors import ConfigError

    api_env.delenv("INTELGRAPH_API_KEYS")
    settings_env(api_env, api_open="true")
    with make_client() as c:
        assert c.get("/entities").status_code == 200
    for host in ("127.0.0.1", "::1", "localhost", "127.0.0.2"):
        check_open_binding(get_settings(), host)
    for host in ("0.0.0.0", "192.168.1.20", "example.org", "::"):
        with pytest.raises(ConfigError, match="loopback"):
            check_open_binding(get_settings(), host)
    with pytest.raises(ConfigError, match="loopback"):  # before uvicorn is started
        serve(host="0.0.0.0", port=8000, workers=1, log_level="info")


# ---- entities ---------------------------------------------------------------------------------

def test_search_entities_by_name_prefix_and_type(client):
    items = client.get("/entities", params={"q": "port"}, headers=R).json()["items"]
    assert [e["id"] for e in items][0] == LUME
    assert items[0]["type"] == "Location" and items[0]["score"] > 0
    items = client.get("/entities", params={"q": "orl"}, headers=R).json()["items"]
    assert [e["id"] for e in items] == [ORLEN]
    items = client.get("/entities", params={"type": "Location"}, headers=R).json()["items"]
    assert {e["id"] for e in items} == {LUME, KELMAR, DRIFT}
    assert all(e["type"] == "Location" for e in items)
    items = client.get("/entities", params={"q": "tarsk", "type": "Person"}, headers=R).json()["items"]
    assert items == []


def test_search_entities_paginates(client):
    first = client.get("/entities", params={"limit": 2}, headers=R).json()
    assert len(first["items"]) == 2 and first["next_offset"] == 2
    rest = client.get("/entities", params={"limit": 10, "offset": 2}, headers=R).json()
    assert rest["next_offset"] is None
    assert len(first["items"]) + len(rest["items"]) == 5
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in rest["items"]}


@pytest.mark.parametrize("q", ['"', "(", "a:b", "port~", "*", "\\", "AND", "Port && Lume || !x", "x^2 [a TO b] {c}",
                               "/regex/", "-", "port?"])
def test_lucene_special_characters_are_literal(client, q):
    resp = client.get("/entities", params={"q": q}, headers=R)
    assert resp.status_code in (200, 422), resp.text
    if resp.status_code == 422:
        assert error_of(resp)["code"] == "invalid_input"


def test_search_entities_bad_params(client):
    for params in ({"type": "Passage"}, {"type": "Spaceship"}, {"limit": 0}, {"limit": 201}, {"offset": -1},
                   {"limit": "ten"}, {"q": "x" * 201}, {"offset": 10**12}):
        resp = client.get("/entities", params=params, headers=R)
        assert resp.status_code == 422, (params, resp.text)
        error_of(resp)


def test_get_entity(client):
    body = client.get(f"/entities/{LUME}", headers=R).json()
    assert body["name"] == "Port Lume" and body["type"] == "Location"
    assert body["mentions"] == 3 and body["document_count"] == 2
    assert [d["id"] for d in body["documents"]] == ["doc:api-a", "doc:api-b"]  # newest first
    assert body["documents"][0]["published"] == "2026-02-01"
    assert body["claims"] == 2 and body["relations"] == 1


def test_unknown_ids_are_404(client):
    for path in ("/entities/entity:nobody", "/entities/entity:nobody/neighbors", "/entities/entity:nobody/claims",
                 "/hypotheses/hypothesis:none", "/documents/doc:none", "/trace/none", "/briefs/brief:none",
                 "/entities/claim:api-a:1", "/hypotheses/claim:api-a:1", "/documents/claim:api-a:1"):
        resp = client.get(path, headers=R)
        assert resp.status_code == 404, (path, resp.text)
        assert error_of(resp)["code"] == "not_found"


def test_neighbors_depth_and_rel(client):
    one = client.get(f"/entities/{ORLEN}/neighbors", params={"rel": "RELATED_TO"}, headers=R).json()
    assert {n["id"] for n in one["nodes"]} == {ORLEN, NAVY}
    assert one["edges"] == [{"type": "RELATED_TO", "start": ORLEN, "end": NAVY,
                             "props": {"predicate": "command", "polarity": "positive", "modality": ["reported"],
                                       "claim_ids": ["claim:api-a:1"], "count": 1,
                                       "key": f"{ORLEN}|command|positive|{NAVY}"}}]
    two = client.get(f"/entities/{ORLEN}/neighbors", params={"rel": "RELATED_TO", "depth": 2}, headers=R).json()
    depths = {n["id"]: n["depth"] for n in two["nodes"]}
    assert depths == {ORLEN: 0, NAVY: 1, LUME: 2}
    anything = client.get(f"/entities/{ORLEN}/neighbors", headers=R).json()
    kinds = {n["type"] for n in anything["nodes"]}
    assert {"Passage", "Claim", "Organization"} <= kinds
    assert not anything["truncated"]
    capped = client.get(f"/entities/{LUME}/neighbors", params={"limit": 2}, headers=R).json()
    assert len(capped["edges"]) == 2 and capped["truncated"]


def test_neighbors_bad_params(client):
    for params in ({"depth": 0}, {"depth": 4}, {"rel": "KNOWS"}, {"rel": "related_to"}, {"limit": 500}):
        resp = client.get(f"/entities/{ORLEN}/neighbors", params=params, headers=R)
        assert resp.status_code == 422, (params, resp.text)
        error_of(resp)


def test_entity_claims(client):
    body = client.get(f"/entities/{NAVY}/claims", headers=R).json()
    assert {c["id"] for c in body["items"]} == {"claim:api-a:1", "claim:api-a:2"}
    c1 = next(c for c in body["items"] if c["id"] == "claim:api-a:1")
    assert c1["role"] == "object" and c1["attributed_to"] == "Vessa Orlen"
    assert c1["document_id"] == "doc:api-a" and c1["source"] == "Harbor Wire" and c1["reliability"] == "B"
    assert c1["passage_id"].startswith("psg:api-a:") and c1["published"] == "2026-02-01"
    lume = client.get(f"/entities/{LUME}/claims", params={"limit": 1}, headers=R).json()
    assert len(lume["items"]) == 1 and lume["next_offset"] == 1


# ---- paths ------------------------------------------------------------------------------------

def test_path_over_related_to_with_claims_per_hop(client):
    body = client.get("/paths", params={"from": ORLEN, "to": LUME}, headers=R).json()
    assert body["found"] and [n["id"] for n in body["nodes"]] == [ORLEN, NAVY, LUME]
    assert [h["predicate"] for h in body["hops"]] == ["command", "deploy"]
    assert body["hops"][0]["claims"][0]["id"] == "claim:api-a:1"
    assert "command" in body["hops"][0]["claims"][0]["text"]
    back = client.get("/paths", params={"from": LUME, "to": ORLEN}, headers=R).json()
    assert back["found"] and not back["hops"][0]["forward"]


def test_path_limits_and_via_claims(client):
    short = client.get("/paths", params={"from": ORLEN, "to": LUME, "max_hops": 1}, headers=R).json()
    assert short["found"] is False and short["hops"] == []
    none = client.get("/paths", params={"from": ORLEN, "to": KELMAR}, headers=R).json()
    assert none["found"] is False
    via = client.get("/paths", params={"from": ORLEN, "to": KELMAR, "via": "claims"}, headers=R).json()
    assert via["found"] and [n["id"] for n in via["nodes"]] == [ORLEN, NAVY, LUME, KELMAR]
    assert via["hops"][-1]["via"] == "claim" and via["hops"][-1]["claims"][0]["id"] == "claim:api-a:3"


def test_path_bad_params(client):
    cases = [({"from": ORLEN, "to": "entity:nobody"}, 404), ({"from": "doc:api-a", "to": ORLEN}, 404),
             ({"from": ORLEN, "to": ORLEN}, 422), ({"from": ORLEN, "to": LUME, "max_hops": 4}, 422),
             ({"from": ORLEN, "to": LUME, "max_hops": 0}, 422), ({"from": ORLEN}, 422),
             ({"from": ORLEN, "to": LUME, "via": "magic"}, 422)]
    for params, status in cases:
        resp = client.get("/paths", params=params, headers=R)
        assert resp.status_code == status, (params, resp.text)
        error_of(resp)


# ---- hypotheses -------------------------------------------------------------------------------

def test_hypotheses_list_and_topic(client):
    items = client.get("/hypotheses", headers=R).json()["items"]
    assert [h["id"] for h in items] == ["hypothesis:api-a:1", "hypothesis:api-a:2", "hypothesis:api-b:1"]
    h1 = items[0]
    assert (h1["supporting"], h1["contradicting"], h1["favored_by"]) == (1, 1, 1)
    tagged = client.get("/hypotheses", params={"topic": "maritime"}, headers=R).json()["items"]
    assert {h["document_id"] for h in tagged} == {"doc:api-a"}
    assert client.get("/hypotheses", params={"topic": "weather"}, headers=R).json()["items"] == []


def test_hypothesis_ach_view(client):
    body = client.get("/hypotheses/hypothesis:api-a:1", headers=R).json()
    assert body["label"] == "H1" and body["document"]["id"] == "doc:api-a"
    assert [e["id"] for e in body["evidence_for"]] == ["evidence:api-a:1"]
    assert [e["id"] for e in body["evidence_against"]] == ["evidence:api-a:2"]
    assert body["evidence_for"][0]["credibility"] == "2" and body["evidence_for"][0]["passage_id"]
    assert body["favored_by"][0]["confidence"] == "moderate"
    assert body["favored_by"][0]["extraction_score"] == 0.9  # kept apart from the stated confidence
    assert body["competing"] == [{"id": "hypothesis:api-a:2", "label": "H2",
                                  "statement": "Tarsk is running a routine exercise.",
                                  "supporting": 1, "contradicting": 0, "favored_by": 0}]
    assert body["source"] == {"id": "source:harbor-wire", "name": "Harbor Wire", "reliability": "B"}


# ---- documents --------------------------------------------------------------------------------

def test_documents_list_and_get(client):
    body = client.get("/documents", headers=R).json()
    assert [d["id"] for d in body["items"]] == ["doc:api-a", "doc:api-b"]
    assert body["items"][0]["source"] == "Harbor Wire" and body["items"][0]["published"] == "2026-02-01"
    doc = client.get("/documents/doc:api-a", headers=R).json()
    assert "text" not in doc or doc["text"] is None
    assert set(doc["objects"]) >= {"Claim", "Hypothesis", "Evidence", "Assessment", "Topic"}
    assert len(doc["objects"]["Claim"]) == 3
    claim = doc["objects"]["Claim"][0]
    assert claim["passage_id"].startswith("psg:api-a:") and claim["end"] > claim["start"]
    assert doc["topics"] == [{"id": "topic:maritime-security", "name": "Maritime Security"}]
    assert doc["entities"][0]["mentions"] >= 1 and doc["source"]["reliability"] == "B"
    full = client.get("/documents/doc:api-a", params={"include_text": True}, headers=R).json()
    assert full["text"].startswith("Vessa Orlen said")


# ---- Cypher -----------------------------------------------------------------------------------

def test_cypher_reads(client):
    body = client.post("/cypher", headers=R, json={
        "query": "MATCH (d:Document {id: $id}) RETURN d.title AS title, d.published AS published, "
                 "0.0/0.0 AS nan, duration('P1D') AS span", "params": {"id": "doc:api-a"}}).json()
    assert body["columns"] == ["title", "published", "nan", "span"]
    assert body["rows"] == [{"title": "Frigates at Port Lume", "published": "2026-02-01", "nan": "NaN",
                             "span": "P1D"}]
    assert body["truncated"] is False


def _fingerprint(driver) -> dict:
    row = read(driver, """
        MATCH (n) WITH count(n) AS nodes, sum(size(keys(n))) AS node_props, sum(size(labels(n))) AS labels
        OPTIONAL MATCH ()-[r]->()
        RETURN nodes, node_props, labels, count(r) AS rels, sum(size(keys(r))) AS rel_props""")[0]
    indexes = read(driver, "SHOW INDEXES YIELD name RETURN collect(name) AS names")[0]["names"]
    return {**row, "indexes": sorted(indexes)}


REFUSED = [
    "CREATE (n:Node {id: 'x'}) RETURN n",
    "MERGE (n:Node {id: 'x'}) RETURN n",
    "MATCH (n:Node) SET n.flag = true",
    "MATCH (n:Node {id: 'doc:api-b'}) DETACH DELETE n",
    "MATCH (n:Node) DELETE n",
    "MATCH (n:Entity) REMOVE n.name",
    "MATCH (n:Entity) REMOVE n:Entity",
    "DROP INDEX entity_names",
    "DROP CONSTRAINT node_id",
    "CREATE INDEX spare IF NOT EXISTS FOR (n:Claim) ON (n.polarity)",
    "CALL { MATCH (n) DETACH DELETE n } IN TRANSACTIONS",
    "MATCH (n) CALL (n) { SET n.x = 1 } IN TRANSACTIONS OF 10 ROWS",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "LOAD CSV WITH HEADERS FROM 'https://example.org/x.csv' AS row RETURN row",
    "CALL dbms.components()",
    "CALL dbms.listConfig()",
    "CALL dbms.security.listUsers()",
    "MATCH (n) RETURN n; MATCH (n) DETACH DELETE n",
    "RETURN 1; CREATE (:Node {id: 'y'})",
    "MATCH (n) RETURN n // ; CREATE (:Node {id: 'z'})\nCREATE (:Node {id: 'z'})",
    "MATCH (n) FOREACH (x IN [1] | CREATE (:Node {id: 'w'}))",
    "MATCH (n) WITH n LIMIT 1 CALL { CREATE (:Node {id: 'v'}) } RETURN n",
    "CALL db.createLabel('Intruder')",
    "CALL db.createProperty('intruder')",
    "CALL db.clearQueryCaches()",
    "CALL tx.setMetaData({who: 'me'})",
    "CREATE DATABASE other",
    "STOP DATABASE neo4j",
    "SHOW USERS",
    "",
    "   ",
]


@pytest.mark.parametrize("statement", REFUSED)
def test_cypher_guard_refuses_and_changes_nothing(client, graph, statement):
    before = _fingerprint(graph)
    resp = client.post("/cypher", headers=W, json={"query": statement})  # even a writer key
    assert resp.status_code == 422, resp.text
    assert error_of(resp)["code"] in ("query_refused", "invalid_request")
    assert _fingerprint(graph) == before


@pytest.mark.parametrize("statement", [
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "SHOW TRANSACTIONS", "SHOW SETTINGS",
    "CALL db.resampleIndex('entity_names')", "CALL db.prepareForReplanning()",
])
def test_cypher_guard_refuses_read_mode_admin_commands(client, statement):
    """Regression: these plan as read-only ('r') yet act on other sessions or the server."""
    resp = client.post("/cypher", headers=R, json={"query": statement})
    assert resp.status_code == 422, resp.text


def test_cypher_timeout_row_cap_and_params(data, api_env):
    """The limits are the app's settings, read when the app is made (one settings object)."""
    settings_env(api_env, query_timeout=0.5, row_cap=5)
    with make_client() as client:
        resp = client.post("/cypher", headers=R, json={
            "query": "UNWIND range(1, 10000) AS a UNWIND range(1, 10000) AS b WITH a, b WHERE (a * b) % 7 = 3 "
                     "RETURN count(*) AS n"})
        assert resp.status_code == 408, resp.text
        assert error_of(resp)["code"] == "query_timeout"
        body = client.post("/cypher", headers=R, json={"query": "UNWIND range(1, 10) AS x RETURN x"}).json()
        assert len(body["rows"]) == 5 and body["truncated"] and body["row_cap"] == 5
        for bad in ({"query": "RETURN $x", "params": {"x": 2**64}}, {"query": "RETURN 1", "extra": 1},
                    {"query": "RETURN 1", "params": []}, {"params": {}}, {"query": "RETURN $x"},
                    {"query": "RETURN 1 +", "params": {}}):
            resp = client.post("/cypher", headers=R, json=bad)
            assert resp.status_code == 422, (bad, resp.text)
            error_of(resp)


def test_body_size_limit(client, api_env):
    settings_env(api_env, api_max_body_bytes=1000)
    with make_client() as small:
        big = {"query": "RETURN $x", "params": {"x": "y" * 2000}}
        resp = small.post("/cypher", headers=R, json=big)
        assert resp.status_code == 413 and error_of(resp)["code"] == "body_too_large"

        def chunks():  # no Content-Length: the body itself is counted
            yield b'{"query": "RETURN 1", "params": {"x": "'
            for _ in range(10):
                yield b"z" * 200
            yield b'"}}'

        resp = small.post("/cypher", headers={**R, "Content-Type": "application/json"}, content=chunks())
        assert resp.status_code == 413
        resp = small.post("/documents", headers=W, files={"file": ("big.txt", b"word " * 400, "text/plain")})
        assert resp.status_code == 413
        assert small.post("/cypher", headers=R, json={"query": "RETURN 1 AS one"}).status_code == 200


# ---- ontology ---------------------------------------------------------------------------------

def test_ontology_by_accept(client):
    turtle = client.get("/ontology", headers=R)
    assert turtle.headers["content-type"].startswith("text/turtle")
    assert "owl:Class" in turtle.text or "owl#Class" in turtle.text
    ld = client.get("/ontology", headers={**R, "Accept": "application/ld+json"})
    assert ld.headers["content-type"].startswith("application/ld+json")
    assert isinstance(json.loads(ld.text), (list, dict))
    pref = client.get("/ontology", headers={**R, "Accept": "text/turtle;q=0.2, application/ld+json;q=0.9"})
    assert pref.headers["content-type"].startswith("application/ld+json")
    resp = client.get("/ontology", headers={**R, "Accept": "image/png"})
    assert resp.status_code == 406 and error_of(resp)["code"] == "not_acceptable"


# ---- trace and briefs -------------------------------------------------------------------------

def test_trace(client):
    body = client.get("/trace/claim:api-a:2", headers=R).json()
    assert body["id"] == "claim:api-a:2"
    assert body["steps"][0]["document_id"] == "doc:api-a" and body["steps"][0]["reliability"] == "B"
    assert client.get("/trace/claim:api-a:2", params={"limit": 0}, headers=R).status_code == 422


def test_briefs_generate_store_and_load(client, graph):
    before = _fingerprint(graph)
    resp = client.post("/briefs", headers=R, json={"topic": "Maritime Security"})
    assert resp.status_code == 200, resp.text
    brief = resp.json()
    assert brief["id"] and brief["sections"] and brief["stored"] is False
    assert _fingerprint(graph) == before  # not stored
    md = client.post("/briefs", headers=R, json={"topic": "Maritime Security", "format": "md"})
    assert md.headers["content-type"].startswith("text/markdown") and md.text.startswith("#")
    html = client.post("/briefs", headers=R, json={"topic": "Maritime Security", "format": "html"})
    assert html.headers["content-type"].startswith("text/html") and "<" in html.text
    stored = client.post("/briefs", headers=W, json={"topic": "Maritime Security", "store": True})
    assert stored.status_code == 201, stored.text
    brief_id = stored.json()["id"]
    assert stored.headers["location"] == f"/briefs/{brief_id}"
    loaded = client.get(f"/briefs/{brief_id}", headers=R)
    assert loaded.status_code == 200 and loaded.json()["id"] == brief_id
    assert client.get(f"/briefs/{brief_id}", params={"format": "md"}, headers=R).text.startswith("#")
    assert client.get(f"/briefs/{brief_id}", params={"format": "pdf"}, headers=R).status_code == 422


def test_brief_bad_requests(client):
    cases = [({"topic": "Nothing Like This Anywhere"}, 404), ({"topic": ""}, 422), ({"topic": "x", "format": "pdf"}, 422),
             ({"topic": "x", "since": "2026-13-01"}, 422), ({"topic": "x", "unknown": 1}, 422),
             ({"topic": "Maritime Security", "since": "2026-03-01", "until": "2026-01-01"}, 422),
             ({"topic": "x", "limit": 0}, 422)]
    for body, status in cases:
        resp = client.post("/briefs", headers=R, json=body)
        assert resp.status_code == status, (body, resp.text)
        error_of(resp)


# ---- documents in -----------------------------------------------------------------------------

def test_post_document_bad_input(client, graph):
    before = _fingerprint(graph)
    cases = [
        ({"json": {"text": ""}}, 422), ({"json": {"text": "Fine.", "reliability": "Z"}}, 422),
        ({"json": {"text": "Fine.", "format": "pdf"}}, 422), ({"json": {"text": "Fine.", "colour": "red"}}, 422),
        ({"json": [1, 2]}, 422), ({"content": b"{not json", "headers": {"Content-Type": "application/json"}}, 422),
        ({"content": b"plain words", "headers": {"Content-Type": "text/plain"}}, 415),
        ({"data": {"name": "x.txt"}, "files": {"other": ("x.txt", b"Fine.", "text/plain")}}, 422),
        ({"data": {"reliability": "Q"}, "files": {"file": ("x.txt", b"Fine.", "text/plain")}}, 422),
    ]
    for kwargs, status in cases:
        headers = {**W, **kwargs.pop("headers", {})}
        resp = client.post("/documents", headers=headers, **kwargs)
        assert resp.status_code == status, (kwargs, resp.text)
        error_of(resp)
    assert _fingerprint(graph) == before


NEWS = ("Harbour officials in Port Selvane said on Monday that the Corran Maritime Authority "
        "closed the northern channel after a collision. Captain Ilsa Marrow said the closure "
        "would last two days.")


def test_post_document_json_and_upload_are_idempotent(client, graph):
    pytest.importorskip("intelgraph.extract.nlp.analysis")
    resp = client.post("/documents", headers=W, json={"text": NEWS, "name": "selvane.txt", "source": "Test Desk",
                                                      "reliability": "C"})
    assert resp.status_code == 201, resp.text
    body = resp.json()
    assert body["status"] == "new" and body["document_id"].startswith("doc:") and body["counts"]
    again = client.post("/documents", headers=W, json={"text": NEWS})
    assert again.status_code == 200 and again.json() == {**again.json(), "status": "unchanged",
                                                         "document_id": body["document_id"]}
    upload = client.post("/documents", headers=W, data={"source": "Test Desk"},
                         files={"file": ("selvane.txt", NEWS.encode(), "text/plain")})
    assert upload.status_code == 200 and upload.json()["status"] == "unchanged"
    other = "Second note. " + NEWS
    upload = client.post("/documents", headers={"Authorization": f"Bearer {WRITER}"},
                         data={"reliability": "B", "source": "Upload Desk"},
                         files={"file": ("note.txt", other.encode(), "text/plain")})
    assert upload.status_code == 201, upload.text
    doc = client.get(f"/documents/{upload.json()['document_id']}", headers=R).json()
    assert doc["source"]["name"] == "Upload Desk" and doc["source"]["reliability"] == "B"
    assert client.get("/entities", params={"q": "selvane"}, headers=R).json()["items"]


def test_post_document_unreadable_bytes_are_422(client):
    resp = client.post("/documents", headers=W, files={"file": ("blob.bin", bytes(range(256)) * 8, "application/octet-stream")})
    assert resp.status_code == 422, resp.text


# ---- logs, queries, schema --------------------------------------------------------------------

def test_logs_carry_no_parameter_values(client, caplog):
    caplog.set_level(logging.DEBUG, logger="intelgraph")
    client.get("/entities", params={"q": "zebrasecret"}, headers=R)
    client.post("/cypher", headers=R, json={"query": "RETURN $v AS v", "params": {"v": "paramsecret"}})
    client.get("/entities/entity:idsecret", headers=R)
    assert "api/search_entities" in caplog.text and "GET /entities/{entity_id} 404" in caplog.text
    for secret in ("zebrasecret", "paramsecret", "idsecret", READER):
        assert secret not in caplog.text


def test_every_api_query_explains_and_states_its_parameters(graph):
    from intelgraph.queries import describe, names, query

    api = [n for n in names() if n.startswith("api/")]
    assert len(api) >= 13
    onto = get_ontology()
    known = set(onto.labels) | {onto.key_label} | set(onto.rel_types)
    for name in api:
        text = query(name)
        head = describe(name)
        assert "params:" in head and "returns:" in head, name
        body = "\n".join(line for line in text.splitlines() if not line.startswith("//"))
        for param in set(re.findall(r"\$(\w+)", body)):
            assert f"${param}" in head, (name, param)
        for ident in re.findall(r"[\w(\[]:([A-Z]\w*(?:\|[A-Z]\w*)*)", body):
            for part in ident.split("|"):
                assert part in known, (name, part)
        with graph.session() as s:
            s.run("EXPLAIN " + text).consume()


def test_openapi_documents_every_route_with_errors(client):
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in ("/health", "/ready", "/documents", "/documents/{document_id}", "/entities", "/entities/{entity_id}",
                 "/entities/{entity_id}/neighbors", "/entities/{entity_id}/claims", "/paths", "/hypotheses",
                 "/hypotheses/{hypothesis_id}", "/trace/{node_id}", "/briefs", "/briefs/{brief_id}", "/cypher",
                 "/ontology"):
        assert path in paths, path
    assert set(paths["/documents"]["post"]["requestBody"]["content"]) == {"application/json", "multipart/form-data"}
    assert "APIKeyHeader" in spec["components"]["securitySchemes"]
