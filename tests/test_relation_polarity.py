"""Relationships keep their claims' polarity, on the real database over the samples
(examples/, written for this project): a denied or negated statement is never a
positive RELATED_TO edge, and the CLI's explore query, the API and briefs say so."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from intelgraph.cli.app import app
from intelgraph.graph.driver import read
from intelgraph.services.brief.sections import relation_phrase
from intelgraph.settings import get_settings

from conftest import wipe
from ingest_helpers import EXAMPLES

runner = CliRunner()
KEY = "reader-key-0123456789"


@pytest.fixture(scope="module")
def ingested(driver):
    from intelgraph.graph.schema import ensure_schema

    wipe(driver)
    ensure_schema(driver)
    result = runner.invoke(app, ["ingest", str(EXAMPLES)])
    assert result.exit_code == 0, result.output
    yield driver
    wipe(driver)


EDGES = """
MATCH (a:Entity)-[r:RELATED_TO]->(b:Entity)
UNWIND r.claim_ids AS cid
MATCH (c:Claim {id: cid})
RETURN a.name AS a, r.predicate AS predicate, b.name AS b, r.polarity AS polarity, r.modality AS modality,
       c.polarity AS claim_polarity, c.modality AS claim_modality, c.text AS text
"""


def test_no_denied_or_negated_claim_is_a_positive_edge(ingested):
    rows = read(ingested, EDGES)
    assert rows
    wrong = [r for r in rows if r["polarity"] != r["claim_polarity"] or r["claim_modality"] not in r["modality"]]
    assert not wrong, wrong
    assert not [r for r in rows if r["claim_modality"] == "denied" and r["polarity"] != "negative"]
    # not vacuous: the samples deny, negate and hedge relations between entities
    kinds = {(r["polarity"], r["claim_modality"]) for r in rows}
    assert {("negative", "denied"), ("negative", "reported"), ("positive", "hedged")} <= kinds, kinds


def test_the_denial_is_a_negative_supply_and_no_positive_one(ingested):
    """"The government of Norvenia has never supplied weapons ... to the Tidewater Front,
    [the minister] said": a negative edge from Norvenia, never a positive supply."""
    rows = read(ingested, """
        MATCH (:Entity {name: 'Norvenia'})-[r:RELATED_TO {predicate: 'supply'}]->(:Entity {name: 'Tidewater Front'})
        RETURN r.polarity AS polarity, r.modality AS modality""")
    assert rows == [{"polarity": "negative", "modality": ["reported"]}]
    denied = read(ingested, """
        MATCH (:Entity {name: 'Norvik Defence Systems'})-[r:RELATED_TO]->(:Entity {name: 'Tidewater Front'})
        RETURN r.predicate AS predicate, r.polarity AS polarity, r.modality AS modality ORDER BY predicate""")
    assert denied == [{"predicate": "sell", "polarity": "negative", "modality": ["denied"]},
                      {"predicate": "train", "polarity": "negative", "modality": ["reported"]}]


def test_relationships_only_between_a_predicates_arguments(ingested):
    """No edge from a light predicate, and none from an entity that is only inside the
    subject's prepositional phrase or another clause."""
    rows = read(ingested, "MATCH ()-[r:RELATED_TO]->() RETURN DISTINCT r.predicate AS p")
    assert not {r["p"] for r in rows} & {"be", "have", "come", "become", "include"}


def test_explore_entity_connections_shows_polarity(ingested):
    result = runner.invoke(app, ["cypher", "--query", "explore/entity_connections",
                                 "--param", "name=Norvik Defence Systems", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["rows"]
    sell = [r for r in rows if r["predicate"] == "sell"]
    assert sell and sell[0]["polarity"] == "negative" and sell[0]["modality"] == ["denied"]


def test_api_neighbours_and_claims_show_polarity(ingested, monkeypatch):
    from intelgraph.api.app import create_app

    monkeypatch.setenv("INTELGRAPH_API_KEYS", f"{KEY}:reader")
    for name in ("INTELGRAPH_API_KEYS_FILE", "INTELGRAPH_API_OPEN"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    try:
        [norvik] = read(ingested, "MATCH (e:Entity {name: 'Norvik Defence Systems'}) RETURN e.id AS id")
        with TestClient(create_app()) as client:
            hood = client.get(f"/entities/{norvik['id']}/neighbors", params={"rel": "RELATED_TO"},
                              headers={"X-API-Key": KEY}).json()
            sells = [e["props"] for e in hood["edges"] if e["props"].get("predicate") == "sell"]
            assert sells and sells[0]["polarity"] == "negative" and sells[0]["modality"] == ["denied"]
            claims = client.get(f"/entities/{norvik['id']}/claims", params={"limit": 50},
                                headers={"X-API-Key": KEY}).json()["items"]
            denied = [c for c in claims if "denied that Norvik" in c["text"]]
            assert denied and denied[0]["polarity"] == "negative" and denied[0]["modality"] == "denied"
    finally:
        get_settings.cache_clear()


@pytest.mark.parametrize(
    ("rel", "text"),
    [
        ({"predicate": "supply", "polarity": "positive", "modality": ["asserted"], "other": "X", "outgoing": True},
         "supply X"),
        ({"predicate": "supply", "polarity": "negative", "modality": ["reported"], "other": "X", "outgoing": True},
         "did not supply X"),
        ({"predicate": "sell", "polarity": "negative", "modality": ["denied"], "other": "X", "outgoing": True},
         "sell X (denied)"),
        ({"predicate": "arm", "polarity": "negative", "modality": ["asserted"], "other": "X", "outgoing": False},
         "X did not arm it"),
        ({"predicate": "breach", "polarity": "positive", "modality": ["hedged"], "other": "X", "outgoing": True},
         "breach X (hedged)"),
    ],
)
def test_brief_words_a_relationship_with_its_polarity(rel, text):
    assert relation_phrase(rel) == text
