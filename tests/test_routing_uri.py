"""The suite's server once more, through a `neo4j://` (routing) URI, as users reach a
cluster or Aura: ingest, a brief, analysts' Cypher, curation and the API, each on the
real database. The driver then routes every managed transaction (reads to readers,
writes to the writer) and asks the server for its routing table, which a plain
`bolt://` connection never does.
"""

from __future__ import annotations

import json
import shutil

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from intelgraph.cli.app import app
from intelgraph.graph.driver import connection, make_driver, read
from intelgraph.settings import get_settings

runner = CliRunner()
EXAMPLES = __import__("pathlib").Path(__file__).resolve().parents[1] / "examples"
READER, WRITER = "reader-key-routing-0123", "writer-key-routing-0123"
TOPIC = "Kestrel Strait"


@pytest.fixture(scope="module")
def routed(neo4j_settings, driver):
    """NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD naming the suite's server as neo4j://."""
    uri, user, password = connection(neo4j_settings)
    routing = "neo4j://" + uri.split("://", 1)[1]
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NEO4J_URI", routing)
        mp.setenv("NEO4J_USER", user)
        mp.setenv("NEO4J_PASSWORD", password or "")
        mp.setenv("INTELGRAPH_API_KEYS", f"{READER}:reader,{WRITER}:writer")
        for name in ("INTELGRAPH_API_KEYS_FILE", "INTELGRAPH_API_OPEN"):
            mp.delenv(name, raising=False)
        get_settings.cache_clear()
        drv = make_driver(get_settings())
        try:
            yield drv
        finally:
            drv.close()
            get_settings.cache_clear()
    get_settings.cache_clear()


@pytest.fixture(scope="module")
def ingested(routed, tmp_path_factory):
    from conftest import wipe
    from intelgraph.graph.schema import ensure_schema

    wipe(routed)
    ensure_schema(routed)
    folder = tmp_path_factory.mktemp("routed-docs")
    for path in sorted(EXAMPLES.glob("*.txt"))[:6]:
        shutil.copy(path, folder / path.name)
    shutil.copy(EXAMPLES / "sources.toml", folder / "sources.toml")
    result = runner.invoke(app, ["ingest", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["documents"]["new"] == 6
    return routed, folder


def test_the_driver_routes(routed):
    assert get_settings().neo4j_uri.startswith("neo4j://")
    assert type(routed).__name__ == "Neo4jDriver"  # the routing driver, not the direct one
    assert read(routed, "RETURN 1 AS one") == [{"one": 1}]


def test_ingest_again_is_unchanged_and_counts_hold(ingested):
    routed, folder = ingested
    again = runner.invoke(app, ["ingest", str(folder), "--json"])
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout)["documents"] == {"new": 0, "unchanged": 6, "failed": 0}
    from test_entity_counts import assert_counts_true

    assert assert_counts_true(routed)


def test_brief_and_cypher(ingested):
    result = runner.invoke(app, ["brief", "--topic", TOPIC, "--format", "json", "--no-store"])
    assert result.exit_code == 0, result.output
    brief = json.loads(result.stdout)
    assert brief and "Traceback" not in result.output
    result = runner.invoke(app, ["cypher", "MATCH (d:Document) RETURN count(d) AS n", "--json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["rows"] == [{"n": 6}]
    refused = runner.invoke(app, ["cypher", "MATCH (d:Document) DETACH DELETE d"])
    assert refused.exit_code == 2 and "refused" in refused.output


def test_curation_and_the_api(ingested):
    routed, _ = ingested
    [busiest] = read(routed, "MATCH (e:Entity) RETURN e.id AS id, e.name AS name "
                             "ORDER BY e.mention_count DESC, e.id LIMIT 1")
    renamed = runner.invoke(app, ["entity", "rename", busiest["id"], busiest["name"] + " (curated)",
                                  "--by", "tester", "--json"])
    assert renamed.exit_code == 0, renamed.output
    from intelgraph.api.app import create_app

    with TestClient(create_app()) as client:
        r, w = {"X-API-Key": READER}, {"X-API-Key": WRITER}
        assert client.get("/health").status_code == 200
        entity = client.get(f"/entities/{busiest['id']}", headers=r).json()
        assert entity["name"] == busiest["name"] + " (curated)" and entity["document_count"] >= 1
        found = client.post("/cypher", json={"query": "MATCH (e:Entity) RETURN count(e) AS n"}, headers=r)
        assert found.status_code == 200 and found.json()["rows"][0]["n"] > 0
        added = client.post("/documents", json={"text": "Officials in Port Vell said the ferry left on Monday.",
                                                "format": "news"}, headers=w)
        assert added.status_code in (200, 201), added.text
        assert client.get(f"/documents/{added.json()['document_id']}", headers=r).status_code == 200
