"""Quantities over time and briefs as of a date.

Unit tests of the quantity rules on `spacy.blank("en")` (token rules only), then, on a
real graph of examples/, the series of a measure on a subject in date order with its
bounds (CLI and API), the moved quantities since a date, and briefs built --as-of a date
and --ingested-by a moment (CLI via CliRunner, API via TestClient).
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
import spacy
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from intelgraph.cli.app import app
from intelgraph.extract.nlp.quantity_rules import find_quantities
from intelgraph.graph.driver import read
from intelgraph.settings import get_settings

from conftest import wipe
from ingest_helpers import EXAMPLES

runner = CliRunner()
READER = "reader-key-0123456789"
WRITER = "writer-key-9876543210"


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def quantities(nlp, text):
    return [(q["text"], q["value"], q["low"], q["high"], q["bound"], q["unit"], q["measure"])
            for q in find_quantities(nlp(text))]


# ---------------------------------------------------------------- the rules

@pytest.mark.parametrize("text, expected", [
    ("Over 600 killed in the clashes.", ("Over 600 killed", 600, 600, None, "over", "count", "killed")),
    ("Marovia sent 1,500 troops to the border.", ("1,500 troops", 1500, 1500, 1500, None, "troops", "troops")),
    ("Fuel prices saw a 146 per cent rise.", ("146 per cent rise", 146, 146, 146, None, "percent", "rise")),
    ("At least 62 dead after the storm.", ("At least 62 dead", 62, 62, None, "at least", "count", "dead")),
    ("7,000+ displaced by the floods.", ("7,000+ displaced", 7000, 7000, None, "+", "count", "displaced")),
    ("Two dozen boats were seen.", ("Two dozen boats", 24, 24, 24, None, "boats", "boats")),
    ("Up to 300 fighters crossed.", ("Up to 300 fighters", 300, None, 300, "up to", "fighters", "fighters")),
    ("Nearly 3,000 residents had been displaced.",
     ("Nearly 3,000 residents had been displaced", 3000, None, 3000, "nearly", "residents", "displaced")),
    ("About 1.5 million people were displaced.",
     ("About 1.5 million people were displaced", 1_500_000, None, None, "about", "people", "displaced")),
    ("Fewer than 40 vessels sailed.", ("Fewer than 40 vessels", 40, None, 40, "fewer than", "vessels", "vessels")),
    ("The remaining 12 were released.", ("12 were released", 12, 12, 12, None, "count", "released")),
    ("Exports fell by 20 per cent.", ("20 per cent", 20, 20, 20, None, "percent", "fell")),
    ("Donors pledged $5 million in aid.", ("$5 million", 5_000_000, 5_000_000, 5_000_000, None, "USD", "pledged")),
    ("Twenty-five crew were rescued.", ("Twenty-five crew were rescued", 25, 25, 25, None, "crew", "rescued")),
    ("Marovia sent 3,000-4,500 troops north.", ("3,000-4,500 troops", 3000, 3000, 4500, "range", "troops", "troops")),
    ("The raid left at least 9 women dead.", ("at least 9 women dead", 9, 9, None, "at least", "women", "dead")),
    ("The guards handed over three prisoners.", ("three prisoners", 3, 3, 3, None, "prisoners", "prisoners")),
])

def test_quantity_rules_read_value_bounds_unit_and_measure(blank, text, expected):
    assert quantities(blank, text) == [expected]


def test_the_verb_before_a_count_is_its_measure(blank):
    found = quantities(blank, "Shelling on the port, killing at least 8 people and injuring 30 others, went on.")
    assert found == [("at least 8 people", 8, 8, None, "at least", "people", "killed"),
                     ("30 others", 30, 30, 30, None, "others", "injured")]
    assert quantities(blank, "Officials reported 600 people at the rally.") == []  # a reporting verb measures nothing


@pytest.mark.parametrize("text", [
    "In 2025 the group grew stronger.",                 # a year
    "The 2023 barracks theft was never solved.",         # a year before a noun
    "On 12 March 2026 the talks began.",                 # a date
    "Talks resume on March 12 in the capital.",          # a date, month first
    "The blast, at about 11:40 p.m., set tanks alight.",  # a clock time
    "The network failed at around 6 p.m. on Monday.",   # a clock time with a bound word
    "Call +44 20 7946 0958 for the desk.",               # a phone number
    "Call 555-0134 for details.",                        # a phone-like number
    "See section 4 for the method.",                     # a section number
    "Section 2.1 covers the method.",                    # a numbered section
    "Hypothesis 2 is favoured by the evidence.",         # a label
    "Resolution 2231 was cited by both sides.",          # a name with a number
    "The inspection lasted 30 days.",                    # a duration
    "A 45-year-old captain was arrested.",               # an age
    "The 3rd brigade moved north.",                      # an ordinal
    "Two of them declined to comment.",                  # no measure word
    "Two smaller member states have dropped out.",       # no plural head right after the number
    "The repairs took 10-15 days.",                      # a range of days: a duration
])
def test_not_quantities(blank, text):
    assert quantities(blank, text) == []


def test_subject_is_the_entity_nearest_in_the_sentence(blank):
    doc = blank("Marovia said 300 troops crossed. Later 40 boats left Selwyn.")
    mentions = [{"start": 0, "end": 7, "key": "marovia"}, {"start": doc.text.index("Selwyn"),
                                                          "end": doc.text.index("Selwyn") + 6, "key": "selwyn"}]
    found = find_quantities(doc, mentions)
    assert [(q["text"], q["subject_key"]) for q in found] == [("300 troops", "marovia"), ("40 boats", "selwyn")]
    assert all(doc.text[q["start"]:q["end"]] == q["text"] for q in found)


# ---------------------------------------------------------------- on the sample documents

@pytest.fixture(scope="module")
def examples(driver):
    from intelgraph.graph.schema import ensure_schema

    wipe(driver)
    ensure_schema(driver)
    result = runner.invoke(app, ["ingest", str(EXAMPLES)])
    assert result.exit_code == 0, result.output
    yield driver
    wipe(driver)


def _cypher_rows(args):
    result = runner.invoke(app, ["cypher", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["rows"]


def test_displacement_series_comes_out_in_date_order_with_bounds(examples):
    rows = _cypher_rows(["--query", "explore/quantity_series", "--param", "measure=displaced",
                         "--param", "subject=Port Selwyn"])
    series = [(r["reported_on"], r["value"], r["value_low"], r["value_high"], r["bound"], r["unit"]) for r in rows]
    assert series == [("2026-02-05", 1200, 1200, None, "more than", "residents"),
                      ("2026-02-12", 3000, None, 3000, "nearly", "residents")]
    # each observation traces to its passage: the words are the passage's at the stored offsets
    for r in rows:
        text = read(examples, "MATCH (o:Observation {id: $id})-[:EXTRACTED_FROM]->(p:Passage)-[:PART_OF]->(d:Document) "
                              "RETURN o.start AS s, o.end AS e, p.start AS ps, p.end AS pe, d.text AS t",
                    {"id": r["observation_id"]})[0]
        assert text["t"][text["s"]:text["e"]] == r["text"] and text["ps"] <= text["s"] < text["e"] <= text["pe"]


def test_death_toll_series_and_moved_quantities(examples):
    rows = _cypher_rows(["--query", "explore/quantity_series", "--param", "measure=dead",
                         "--param", "subject=Port Selwyn"])
    assert [(r["reported_on"], r["value"], r["bound"]) for r in rows] == [("2026-02-05", 7, "at least"),
                                                                          ("2026-02-12", 9, None)]
    moved = _cypher_rows(["--query", "changes/moved_quantities", "--param", "since=2026-02-08",
                          "--param", "entity=Port Selwyn"])
    by_measure = {r["measure"]: r for r in moved}
    assert set(by_measure) == {"dead", "displaced"}
    assert (by_measure["dead"]["before_value"], by_measure["dead"]["after_value"],
            by_measure["dead"]["direction"]) == (7, 9, "up")
    assert by_measure["displaced"]["before_bound"] == "more than"
    assert by_measure["displaced"]["after_bound"] == "nearly"
    # nothing reported after the last document: nothing moved
    assert _cypher_rows(["--query", "changes/moved_quantities", "--param", "since=2026-03-31"]) == []


@pytest.fixture
def client(examples, monkeypatch):
    from intelgraph.api.app import create_app

    monkeypatch.setenv("INTELGRAPH_API_KEYS", f"{READER}:reader,{WRITER}:writer")
    for name in ("INTELGRAPH_API_KEYS_FILE", "INTELGRAPH_API_OPEN"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    with TestClient(create_app()) as c:
        yield c
    get_settings.cache_clear()


def test_api_series_and_moved(client):
    headers = {"X-API-Key": READER}
    resp = client.get("/quantities/series", params={"measure": "displaced", "subject": "Port Selwyn"},
                      headers=headers)
    assert resp.status_code == 200, resp.text
    [series] = resp.json()
    assert series["subject"] == "Port Selwyn" and series["unit"] == "residents"
    assert [(o["reported_on"], o["value_low"], o["value_high"]) for o in series["observations"]] == [
        ("2026-02-05", 1200, None), ("2026-02-12", None, 3000)]
    resp = client.get("/quantities/series", params={"measure": "displaced", "until": "2026-02-08"}, headers=headers)
    assert [o["reported_on"] for s in resp.json() for o in s["observations"]] == ["2026-02-05"]
    resp = client.get("/quantities/moved", params={"since": "2026-02-08", "topic": "Port Selwyn"}, headers=headers)
    assert resp.status_code == 200, resp.text
    dead = next(m for m in resp.json() if m["measure"] == "dead")
    assert (dead["before"]["value"], dead["after"]["value"], dead["direction"]) == (7, 9, "up")
    assert client.get("/quantities/moved", headers=headers).status_code == 422  # since is required
    assert client.get("/quantities/moved", params={"since": "soon"}, headers=headers).status_code == 422
    assert client.get("/quantities/series").status_code == 401


# ---------------------------------------------------------------- briefs as of a date

LATE = "2026-02-12_news_selwyn-displaced.txt"


def _brief_json(args):
    result = runner.invoke(app, ["brief", "--topic", "Port Selwyn", "--format", "json", "--no-store", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _document_ids(driver, name):
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    rows = read(driver, "MATCH (d:Document) WHERE d.text STARTS WITH $head RETURN d.id AS id",
                {"head": text.splitlines()[0]})
    return {r["id"] for r in rows}


def test_brief_as_of_leaves_out_later_documents(examples):
    late = _document_ids(examples, LATE)
    assert late
    whole = _brief_json([])
    assert late <= {s["document_id"] for s in whole["sources"]}
    before = _brief_json(["--as-of", "2026-02-08"])
    cited = {s["document_id"] for s in before["sources"]}
    assert cited and not late & cited
    dates = [s["published"] for s in before["sources"] if s.get("published")]
    assert dates and max(dates) <= "2026-02-08"
    assert before["as_of"] == "2026-02-08"
    result = runner.invoke(app, ["brief", "--topic", "Port Selwyn", "--no-store", "--as-of", "2026-02-08"])
    assert result.exit_code == 0 and "as of 2026-02-08 (published by then)" in result.stdout


def test_brief_ingested_by_and_stored_cutoffs(examples):
    # the samples were ingested today: nothing had been ingested by yesterday's end
    yesterday = (dt.datetime.now(dt.timezone.utc).date() - dt.timedelta(days=1)).isoformat()
    result = runner.invoke(app, ["brief", "--topic", "Port Selwyn", "--no-store", "--ingested-by", yesterday])
    assert result.exit_code == 4 and "ingested by" in result.output
    tomorrow = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=1)).isoformat()
    result = runner.invoke(app, ["brief", "--topic", "Port Selwyn", "--format", "json", "--as-of", "2026-02-08",
                                 "--ingested-by", tomorrow])
    assert result.exit_code == 0, result.output
    brief = json.loads(result.stdout)
    row = read(examples, "MATCH (b:Brief {id: $id}) RETURN toString(b.as_of) AS as_of, b.ingested_by AS ingested_by",
               {"id": brief["id"]})[0]
    assert row["as_of"] == "2026-02-08" and row["ingested_by"] is not None
    bad = runner.invoke(app, ["brief", "--topic", "Port Selwyn", "--as-of", "8 Feb"])
    assert bad.exit_code == 2 and "--as-of" in bad.output and "Traceback" not in bad.output
    bad = runner.invoke(app, ["brief", "--topic", "Port Selwyn", "--ingested-by", "noon"])
    assert bad.exit_code == 2 and "--ingested-by" in bad.output


def test_api_brief_as_of(client, examples):
    late = _document_ids(examples, LATE)
    resp = client.post("/briefs", json={"topic": "Port Selwyn", "as_of": "2026-02-08"},
                       headers={"X-API-Key": READER})
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["as_of"] == "2026-02-08" and not late & {s["document_id"] for s in body["sources"]}
    resp = client.post("/briefs", json={"topic": "Port Selwyn", "ingested_by": "2020-01-01T00:00:00Z"},
                       headers={"X-API-Key": READER})
    assert resp.status_code == 404


def test_ingested_by_a_date_is_the_end_of_that_day_in_cli_and_api(client, examples):
    # Regression: the API read a bare date as midnight, the start of the day, so a brief
    # "ingested by today" through POST /briefs left out everything ingested today.
    today = dt.datetime.now(dt.timezone.utc).date()
    for text in (today.isoformat(), today.strftime("%Y%m%d")):
        resp = client.post("/briefs", json={"topic": "Port Selwyn", "ingested_by": text},
                           headers={"X-API-Key": READER})
        assert resp.status_code == 200, resp.text
        assert resp.json()["ingested_by"].startswith(f"{today.isoformat()}T23:59:59")
        result = runner.invoke(app, ["brief", "--topic", "Port Selwyn", "--no-store", "--format", "json",
                                     "--ingested-by", text])
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["ingested_by"].startswith(f"{today.isoformat()}T23:59:59")


def test_brief_ingested_by_compares_with_the_last_brief_stored_by_then(examples):
    # Regression: a brief as of an ingest cut-off took its "what changed" section from the
    # newest brief stored before now, one made after the cut-off.
    cutoff = dt.datetime.now(dt.timezone.utc).isoformat()
    stored = runner.invoke(app, ["brief", "--topic", "Geneva", "--format", "json"])
    assert stored.exit_code == 0, stored.output
    now = runner.invoke(app, ["brief", "--topic", "Geneva", "--no-store", "--format", "json"])
    assert now.exit_code == 0, now.output
    assert "changes" in {s["key"] for s in json.loads(now.stdout)["sections"]}
    then = runner.invoke(app, ["brief", "--topic", "Geneva", "--no-store", "--format", "json",
                               "--ingested-by", cutoff])
    assert then.exit_code == 0, then.output
    assert "changes" not in {s["key"] for s in json.loads(then.stdout)["sections"]}
