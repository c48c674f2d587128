"""Sources in their three roles, on short invented texts: the publisher who wrote a
document, the origins it is based on, the speakers its claims quote; and the
corroboration that counts independent origins, through the CLI on a real graph.

Every text here is made up for these tests (the outlets, places and people too).
"""

from __future__ import annotations

import json

import pytest
import spacy
from typer.testing import CliRunner

from intelgraph.cli.app import app
from intelgraph.errors import InputError
from intelgraph.extract.nlp.attribution import find_attribution
from intelgraph.extract.readers import detect_format, read_text
from intelgraph.extract.sources import UNKNOWN_SOURCE, SourceGrades, _sites
from intelgraph.extract.speakers import Mention, speaker_of

runner = CliRunner()

REPORT = """\
Valdoria sends warships toward Port Selwyn – Harbour Ledger
Published on: 2025-07-03
{blurb}Intelligence Report: Valdoria sends warships toward Port Selwyn – Harbour Ledger
1. BLUF (Bottom Line Up Front)
Valdoria deployed three warships to Port Selwyn on Monday. Confidence level: Moderate. Recommended action: Monitor the port.
2. Competing Hypotheses
1. **Hypothesis A**: Valdoria is deterring the Tidewater Front.
2. **Hypothesis B**: Valdoria is preparing a blockade.
Using ACH 2.0, Hypothesis A is better supported.
3. Key Assumptions and Red Flags
– **Assumptions**: The warships stay in port.
"""
WIRE = """\
Valdoria warships reach Port Selwyn
PORT SELWYN, July 4 (Coastal Wire) - Valdoria deployed three warships to Port Selwyn on Monday, officials said.
The harbour master, Lena Holt, said the ships would stay for a week.
"""
DIGEST = """\
Morning Brief – 2026-03-02

Harbour Desk Logo

Maritime

  • Insight 1 [S, Confidence: High]: Valdoria deployed three warships to Port Selwyn on Monday.
    Credibility: High, confirmed by port records.
    Coherence: Fits the recent patrols.
    Confidence: High.

Sentiment Overview:

The tone is tense.

Policy Relevance:

Ports should prepare for inspections.
"""


# ---------------------------------------------------------------- publisher

def test_publisher_named_by_the_pages_own_boilerplate():
    blurb = "OSINT brief from open sources. See our Methodology and About Harbour Desk.\n"
    doc = read_text(REPORT.format(blurb=blurb))
    assert doc.source_name == "Harbour Desk"
    assert read_text(DIGEST).source_name == "Harbour Desk"  # its logo line
    text = "Valdoria bars night transits\n© 2026 Strait Times Online\nThe port said on Monday that ships wait.\n"
    assert read_text(text).source_name == "Strait Times Online"


def test_publisher_of_a_known_layout_that_names_no_site():
    doc = read_text(REPORT.format(blurb=""))
    assert doc.source_name is None
    publisher = SourceGrades().source_for(doc).publisher
    assert (publisher.name, publisher.via) == (_sites().by_layout["report-mid"], "layout")
    assert publisher.name != UNKNOWN_SOURCE


def test_sources_file_names_a_layouts_publisher_and_grades_it(tmp_path):
    toml = tmp_path / "sources.toml"
    toml.write_text('[layouts]\nreport = "Harbour Desk"\n\n[sources."Harbour Desk"]\nreliability = "B"\n'
                    '[sources."Harbour Ledger"]\nreliability = "C"\n', encoding="utf-8")
    found = SourceGrades.from_file(toml).source_for(read_text(REPORT.format(blurb="")))
    assert (found.publisher.name, found.publisher.reliability, found.publisher.via) == ("Harbour Desk", "B", "layout")
    assert [(o.name, o.reliability, o.via) for o in found.origins] == [("Harbour Ledger", "C", "title")]
    toml.write_text('[layouts]\nreport = 3\n', encoding="utf-8")
    with pytest.raises(InputError, match="layouts"):
        SourceGrades.from_file(toml)


def test_publisher_from_the_url_and_from_the_user():
    host = next(iter(_sites().by_host))
    doc = read_text(WIRE.replace("(Coastal Wire) ", ""), url=f"https://news.{host}/a/1")
    assert SourceGrades().publisher_for(doc).via == "url"
    user = SourceGrades(override_name="Field Notes", override_reliability="C").publisher_for(doc)
    assert (user.name, user.reliability, user.via) == ("Field Notes", "C", "user")


# ---------------------------------------------------------------- origins

def test_report_title_outlet_is_an_origin_not_the_publisher():
    doc = read_text(REPORT.format(blurb=""))
    assert [(o.name, o.via) for o in doc.origins] == [("Harbour Ledger", "title")]


@pytest.mark.parametrize(("line", "wire"), [
    ("SEOUL, South Korea (AP) — The talks resumed on Monday after a pause of two weeks.", "AP"),
    ("TOKYO, Dec 31 (Reuters) - The ministry confirmed the launch late on Saturday night.", "Reuters"),
    ("TOKYO (Jiji Press) — A missile fell outside the economic zone early on Friday.", "Jiji Press"),
    ("PORT SELWYN, Jan 12 (Coastal Wire) - Valdoria barred night transits of the strait.", "Coastal Wire"),
])
def test_dateline_agencies_are_origins(line, wire):
    doc = read_text(f"Strait closed to night traffic\n{line}\nShips queued outside the harbour for hours.\n")
    assert doc.layout == "news" and doc.title == "Strait closed to night traffic"
    assert [(o.name, o.via) for o in doc.origins] == [(wire, "dateline")]
    assert doc.source_name == wire  # wire copy is the agency's own story
    assert not doc.items_of("paragraph")[0].span.text.startswith(line.split()[0])


@pytest.mark.parametrize(("ending", "origin"), [
    ("Ships queued outside the harbour for hours. (Yonhap)", ("Yonhap", "credit")),
    ("Ships queued outside the harbour for hours.\nReuters |", ("Reuters", "credit")),
    ("Ships queued outside the harbour for hours.\nRead more: AP", ("AP", "credit")),
    ("Two harbour pilots told AFP that ships queued for hours.", ("AFP", "citation")),
])
def test_wire_credits_are_origins(ending, origin):
    doc = read_text(f"Strait closed to night traffic\nThe port shut its gates on Monday evening.\n{ending}\n")
    assert [(o.name, o.via) for o in doc.origins] == [origin]


def test_photo_credit_and_byline_are_no_origins():
    doc = read_text("Strait closed to night traffic\nAP file photo\nBy Mara Quell | Harbour Ledger\n"
                    "The port shut its gates on Monday evening, officials said.\n")
    assert doc.origins == [] and doc.source_name == "Harbour Ledger"
    assert doc.title == "Strait closed to night traffic"


def test_leading_date_line_does_not_displace_the_headline():
    doc = read_text("Sep 20, 2025 10:27 AM\nStrait closed to night traffic\n"
                    "The port shut its gates on Monday evening after a collision.\n")
    assert (doc.layout, doc.title, doc.published) == ("news", "Strait closed to night traffic", "2025-09-20")
    doc = read_text(" date 2025-10-13 The port shut its gates on Monday evening after a collision.\n")
    assert doc.published == "2025-10-13" and doc.title is None


def test_a_page_with_a_headline_dateline_or_byline_reads_as_news():
    body = "The port shut its gates on Monday evening after a collision in the channel."
    assert detect_format(f"Strait closed\nSEOUL, South Korea — {body}\n") == "news"
    assert detect_format(f"Strait closed\nBy Mara Quell\n{body}\n") == "news"
    assert detect_format(f"Strait closed\n16-09-2025 | 09:32\n{body}\n") == "news"
    assert detect_format(f"Notes on the channel\n\n{body}\n") == "text"


# ---------------------------------------------------------------- speakers

def _at(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


@pytest.mark.parametrize(("phrase", "mention", "kind", "name"), [
    ("Port Minister Lena Holt", "Lena Holt", "entity", "Lena Holt"),
    ("the Harbour Safety Board (HSB)", "Harbour Safety Board", "entity", "Harbour Safety Board"),
    ("Valdoria's coast guard", "Valdoria", "described", "Valdoria's coast guard"),
    ("Selwyn Radio Valdoria", "Valdoria", "described", "Selwyn Radio Valdoria"),
    ("the chief of the Valdorian navy", "Valdorian", "described", "chief of the Valdorian navy"),
    ("a Valdorian news report", "Valdorian", "text", "a Valdorian news report"),
    ("he", None, "pronoun", "he"),
])
def test_speaker_is_the_head_of_the_attribution(phrase, mention, kind, name):
    text = f"On Monday {phrase} said the port would reopen."
    start, end = _at(text, phrase)
    mentions = [Mention("entity:x", *_at(text, mention))] if mention else []
    found = speaker_of(text, start, end, mentions)
    assert (found.kind, found.name) == (kind, name)
    assert (found.entity_id == "entity:x") == (kind == "entity")


@pytest.mark.parametrize(("sentence", "source"), [
    ("The navy struck the port on Tuesday, Selwyn Radio, a station run by the rebels, reported on Tuesday.",
     "Selwyn Radio"),
    ("The harbour master, Lena Holt, said the ships would stay.", "Lena Holt"),
    ("Mara Quell, the head of the pilots' union, was quoted as saying.", "Mara Quell"),
    ("A ship crossing the strait on Thursday reported being hit.", None),  # a time never speaks
    ("The deal raised concern, given Saltwing's alleged ties to the navy.", None),  # an adjective
    ("Valdoria rejected the plan, citing ongoing Norvenian aggression.", None),  # a reason, not a source
    ("Valdoria rejected the plan, citing a senior Norvenian officer.", "a senior Norvenian officer"),
])
def test_attribution_forms_that_name_or_do_not_name_a_speaker(sentence, source):
    found = find_attribution(spacy.blank("en")(sentence)[:])
    assert (found.text if found else None) == source


# ---------------------------------------------------------------- in the graph

@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a.txt").write_text(REPORT.format(blurb=""), encoding="utf-8")
    second = REPORT.format(blurb="").replace("Published on: 2025-07-03", "Published on: 2025-07-05")
    (tmp_path / "c.txt").write_text(second.replace("Monitor the port.", "Brief the fleet."), encoding="utf-8")
    (tmp_path / "b.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "d.txt").write_text(DIGEST, encoding="utf-8")
    (tmp_path / "sources.toml").write_text('[layouts]\nreport = "Harbour Desk"\n[sources."Coastal Wire"]\n'
                                           'reliability = "B"\n', encoding="utf-8")
    return tmp_path


def rows(name: str, *params: str) -> list[dict]:
    args = ["cypher", "--query", name, "--json"]
    for p in params:
        args += ["--param", p]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["rows"]


@pytest.mark.model
def test_roles_and_independent_origins_in_the_graph(graph, folder, monkeypatch):
    result = runner.invoke(app, ["ingest", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    by_role = {(r["role"], r["source"]): r for r in rows("explore/sources")}
    assert by_role["publisher", "Harbour Desk"]["documents"] == 3  # two reports and the digest
    assert by_role["publisher", "Coastal Wire"]["documents"] == 1
    assert by_role["origin", "Harbour Ledger"]["documents"] == 2
    assert by_role["origin", "Coastal Wire"]["reliability"] == "B"
    assert by_role["speaker", "Lena Holt"]["claims"] == 1  # an entity the wire quotes

    docs = {r["title"]: r for r in rows("explore/document_origins")}
    wire = docs["Valdoria warships reach Port Selwyn"]
    assert (wire["publisher"], wire["publisher_via"]) == ("Coastal Wire", "page")
    assert wire["origins"] == [{"name": "Coastal Wire", "via": "dateline", "reliability": "B"}]
    # the API's document shows the same: publisher with how it is named, and origins
    from fastapi.testclient import TestClient

    from intelgraph.api.app import create_app
    from intelgraph.settings import get_settings

    monkeypatch.setenv("INTELGRAPH_API_KEYS", "roles-reader-key:reader")
    get_settings.cache_clear()
    report = next(r for r in docs.values() if r["layout"] == "report-mid")
    with TestClient(create_app()) as client:
        body = client.get(f"/documents/{report['document_id']}", headers={"X-API-Key": "roles-reader-key"}).json()
    get_settings.cache_clear()
    assert (body["source"]["name"], body["source"]["via"]) == ("Harbour Desk", "layout")
    assert [(o["name"], o["via"]) for o in body["origins"]] == [("Harbour Ledger", "title")]

    # the deployment: two reports on one article, a wire story and a digest that names no
    # origin (its publisher is its own) are three independent origins, not four documents
    claims = [r for r in rows("explore/claim_origins", "limit=200") if "deploy" in " ".join(r["relationships"])]
    assert len(claims) == 4 and all(r["independent_origins"] == 3 for r in claims)
    assert sorted(claims[0]["corroborating"]) == ["Coastal Wire", "Harbour Desk", "Harbour Ledger"]
    assert {tuple(r["origins"]) for r in claims} == {("Harbour Ledger",), ("Coastal Wire",), ("Harbour Desk",)}
    # what only the reports say rests on their one origin, however many reports say it
    single = {(r["subject"], r["object"]): r for r in rows("explore/single_source_claims")}
    assert single["Valdoria", "Tidewater Front"]["source"] == "Harbour Ledger"
    assert ("Valdoria", "Port Selwyn") not in single


@pytest.mark.model
def test_claims_in_a_digest_insight_carry_its_stated_credibility(tmp_path):
    (tmp_path / "d.txt").write_text(DIGEST, encoding="utf-8")
    result = runner.invoke(app, ["extract", "--json", str(tmp_path / "d.txt")])
    assert result.exit_code == 0, result.output
    [doc] = json.loads(result.stdout)["documents"]
    claims = {n["props"]["text"]: n["props"] for n in doc["nodes"] if n["label"] == "Claim"}
    inside = claims.pop("Valdoria deployed three warships to Port Selwyn on Monday.")
    assert inside["credibility"] == "2"  # "High" -> probably true
    assert all("credibility" not in c for c in claims.values())  # none stated outside the insight
    insight = next(n for n in doc["nodes"] if n["label"] == "Assessment" and n["props"]["kind"] == "insight")
    assert insight["props"]["credibility"] == "2"


def test_only_the_first_folders_sources_file_applies(tmp_path):
    """Regression: a sources.toml in a later folder named the publisher of every report of
    the run (the sample desk's [layouts] claimed real pages ingested beside it)."""
    from intelgraph.extract.sources import find_sources_file

    pages, samples = tmp_path / "pages", tmp_path / "samples"
    pages.mkdir()
    samples.mkdir()
    (samples / "sources.toml").write_text('[layouts]\nreport = "Sample Desk"\n', encoding="utf-8")
    assert find_sources_file([str(pages), str(samples)]) is None
    assert find_sources_file([str(samples), str(pages)]) == samples / "sources.toml"
    assert find_sources_file(["-", str(samples)]) == samples / "sources.toml"
