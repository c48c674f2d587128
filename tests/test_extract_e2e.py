"""Extraction end to end, without a database: files -> `intelgraph extract --json` /
`pipeline.extract` -> graph records.

The seed brief and the corpus are read at run time (never copied here); the other
texts are invented for these tests. Checks hold for any correct extraction: counts the
documents' structure fixes, the span invariant, provenance on every extracted node,
deterministic ids, nothing from a cut-off fragment, bad input reported per file.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from intelgraph.cli.app import app
from intelgraph.extract.graph_records import build_graph
from intelgraph.extract.sources import UNKNOWN_SOURCE, SourceInfo
from intelgraph.extract.nlp.analysis import Analysis, EntityMention, ResolvedEntity
from intelgraph.extract.nlp.credibility import LEVELS, evidence_credibility, stated_credibility
from intelgraph.extract.nlp.resolution import resolve_short_forms, short_form_targets
from intelgraph.extract.pipeline import extract
from intelgraph.extract.readers import read_text
from intelgraph.ontology import get_ontology
from intelgraph.ontology.records import EdgeRecord, GraphDocument, NodeRecord

pytestmark = pytest.mark.model

runner = CliRunner()
SEED = "seeds/000_7cbfd31763ef24ab.txt"
# one corpus page per layout: (file, layout, truncated)
CORPUS = [
    ("reports/r043.txt", "report-current", True),  # has gold
    ("reports/r013.txt", "report-mid", True),
    ("reports/r003.txt", "report-early", True),
    ("digests/d001.txt", "digest", True),
    ("news/n001.txt", "news", False),
]

# Invented: another document naming the seed's leader, a surname-only pair, a cut-off digest.
OTHER_KIM = "Kim Jong Un inspected a new submarine base on Tuesday, state media reported.\n"
FULL_VOSS = ("Harbour delays continue\nVoss said on Friday that cargo inspections would continue.\n"
             "The port director, Amara Voss, met shipping agents on Saturday.\n")
BARE_VOSS = "Harbour delays continue\nVoss said on Friday that cargo inspections would continue for another month.\n"
CUT_DIGEST = (
    "Morning Brief – 2026-03-02\n\nCounter-Terrorism\n\n"
    "  • Insight 1 [S, Confidence: High]: Coastal patrols intercepted two smuggling boats near the northern "
    "channel on Monday.\n"
    "    Credibility: High, based on port authority records.\n"
    "    Coherence: Consistent with earlier seizures.\n"
    "    Confidence: High, given the official records.\n"
    "  • Insight 2 [R, Confidence: Low]: Lena Holt met regional envoys in Brussels to discuss the maritime corri"
)


def source_for(parsed) -> SourceInfo:
    return SourceInfo(parsed.source_name or "Test source")


def run_json(*paths: str) -> tuple[object, dict]:
    result = runner.invoke(app, ["extract", "--json", *paths])
    return result, json.loads(result.stdout)


def graph_of(doc: dict) -> GraphDocument:
    return GraphDocument(document_id=doc["document_id"], nodes=[NodeRecord(**n) for n in doc["nodes"]],
                         edges=[EdgeRecord(**e) for e in doc["edges"]])


def nodes(graph: GraphDocument, label: str) -> list[NodeRecord]:
    return [n for n in graph.nodes if n.label == label]


def edges(graph: GraphDocument, rel: str) -> list[EdgeRecord]:
    return [e for e in graph.edges if e.type == rel]


def assert_sound(graph: GraphDocument) -> None:
    """What every extracted graph must satisfy."""
    graph.validate_against()
    by_id = {n.id: n for n in graph.nodes}
    [doc] = nodes(graph, "Document")
    text = doc.props["text"]
    for p in nodes(graph, "Passage"):
        assert p.props["text"] == text[p.props["start"]:p.props["end"]]
    for e in graph.edges:
        assert e.start in by_id and e.end in by_id, e
    extracted = get_ontology().rel("EXTRACTED_FROM").domain
    sources = {e.start for e in edges(graph, "EXTRACTED_FROM")}
    for n in graph.nodes:
        if n.label in extracted:
            assert n.id in sources, f"{n.label} {n.id} has no EXTRACTED_FROM"
    for e in edges(graph, "EXTRACTED_FROM"):
        assert by_id[e.end].label == "Passage"
    for e in edges(graph, "MENTIONS"):
        assert text[e.props["start"]:e.props["end"]] == e.props["text"]


def assert_nothing_from_fragments(graph: GraphDocument, fragments: list[tuple[int, int]]) -> None:
    for p in nodes(graph, "Passage"):
        for s, e in fragments:
            assert not (p.props["start"] < e and s < p.props["end"]), f"{p.id} overlaps the cut-off fragment"
    for m in edges(graph, "MENTIONS"):
        for s, e in fragments:
            assert not (m.props["start"] < e and s < m.props["end"])


# ---------------------------------------------------------------- the seed brief

@pytest.fixture(scope="session")
def seed_path(corpus_dir) -> str:
    return str(corpus_dir.parent / SEED)


@pytest.fixture(scope="module")
def seed(seed_path) -> tuple[dict, GraphDocument]:
    result, payload = run_json(seed_path)
    assert result.exit_code == 0, result.output
    [doc] = payload["documents"]
    return doc, graph_of(doc)


def test_seed_layout_and_soundness(seed):
    doc, graph = seed
    assert doc["layout"] == "report-current"
    assert doc["truncated"] is False and doc["published"] == "2026-01-01"
    assert_sound(graph)


def test_seed_hypotheses_and_assessment(seed):
    _, graph = seed
    hyps = {n.props["label"]: n.id for n in nodes(graph, "Hypothesis")}
    assert set(hyps) == {"A", "B"}
    assert len(edges(graph, "COMPETES_WITH")) == 1
    assessments = {n.props["kind"]: n for n in nodes(graph, "Assessment")}
    assert set(assessments) == {"bluf", "ach"}
    assert assessments["bluf"].props["confidence"] == "moderate"
    [favors] = edges(graph, "FAVORS")
    assert (favors.start, favors.end) == (assessments["ach"].id, hyps["A"])
    assert assessments["ach"].props["favored_label"] == "A"
    # each hypothesis has the evidence its bullet gives, one for and one against
    assert {(e.type, e.end) for e in graph.edges if e.type in ("SUPPORTS", "CONTRADICTS")} == {
        ("SUPPORTS", hyps["A"]), ("CONTRADICTS", hyps["B"])}
    # the seed's evidence states no credibility: none is invented
    assert all("credibility" not in n.props for n in nodes(graph, "Evidence"))


def test_seed_red_flags_implications_outlook(seed):
    _, graph = seed
    assert len(nodes(graph, "Assumption")) == 3
    assert len(nodes(graph, "InformationGap")) == 3
    assert len(nodes(graph, "BiasRisk")) == 3
    # four labelled risks, and the prose paragraph's two separate statements
    assert Counter(n.props["domain"] for n in nodes(graph, "Risk")) == Counter(
        {"political": 1, "security": 1, "cyber": 1, "economic": 1, "general": 2})
    assert Counter(n.props["horizon"] for n in nodes(graph, "Recommendation")) == Counter(
        {"immediate": 3, "medium_term": 3})
    assert sorted(n.props["scenario_kind"] for n in nodes(graph, "Scenario")) == ["best", "most_likely", "worst"]
    # the assessments rest on the assumptions
    assumptions = {n.id for n in nodes(graph, "Assumption")}
    assert {e.end for e in edges(graph, "RESTS_ON")} == assumptions


def test_seed_entities_topics_techniques(seed):
    _, graph = seed
    by_id = {n.id: n for n in graph.nodes}
    featured = [by_id[e.end] for e in edges(graph, "FEATURES")]
    assert len(featured) == 5
    assert "entity:kim-jong-un" in {n.id for n in featured}
    assert by_id["entity:kim-jong-un"].label == "Person"
    assert len(nodes(graph, "Topic")) == 8 and len(edges(graph, "TAGGED")) == 8
    assert len(nodes(graph, "Technique")) == 3 and len(edges(graph, "USES_TECHNIQUE")) == 3


def test_entity_ids_are_deterministic_across_runs_and_documents(tmp_path, seed_path):
    other = tmp_path / "other.txt"
    other.write_text(OTHER_KIM, encoding="utf-8")

    def ids(names: list[str]) -> list[set[str]]:
        results, failures = extract(names, source_for=source_for)
        assert not failures
        return [{n.id for n in r.graph.nodes if n.id.startswith("entity:")} for r in results]

    first, second = ids([seed_path, str(other)]), ids([str(other), seed_path])
    assert first == second[::-1]
    assert "entity:kim-jong-un" in first[0] and "entity:kim-jong-un" in first[1]
    # and every other record id too, run to run
    a, _ = extract([seed_path], source_for=source_for)
    b, _ = extract([seed_path], source_for=source_for)
    assert [n.id for n in a[0].graph.nodes] == [n.id for n in b[0].graph.nodes]


# ---------------------------------------------------------------- the corpus, one page per layout

@pytest.fixture(scope="module")
def corpus_run(corpus_dir) -> dict[str, dict]:
    result, payload = run_json(*(str(corpus_dir / f) for f, _, _ in CORPUS))
    assert result.exit_code == 0, result.output
    assert not payload["failed"]
    return {Path(d["name"]).relative_to(corpus_dir).as_posix(): d for d in payload["documents"]}


@pytest.mark.parametrize(("name", "layout", "truncated"), CORPUS)
def test_corpus_page_end_to_end(corpus_run, corpus_dir, name, layout, truncated):
    doc = corpus_run[name]
    graph = graph_of(doc)
    assert doc["layout"] == layout
    assert doc["truncated"] is truncated
    [document] = nodes(graph, "Document")
    assert document.props["truncated"] is truncated
    assert_sound(graph)
    parsed = read_text((corpus_dir / name).read_text(encoding="utf-8"), filename=name)
    fragments = [(f.start, f.end) for f in parsed.fragments]
    assert bool(fragments) == truncated  # each truncated page here ends in a cut-off piece
    assert_nothing_from_fragments(graph, fragments)
    # one publisher, named for every page of the report site; the other sources are
    # origins or speakers the text names
    [published] = edges(graph, "PUBLISHED_BY")
    sources = {n.id: n for n in nodes(graph, "Source")}
    if layout != "news":
        assert sources[published.end].props["name"] != UNKNOWN_SOURCE
    speakers = {e.end for e in edges(graph, "ATTRIBUTED_TO")}
    assert set(sources) == {published.end} | {e.end for e in edges(graph, "BASED_ON")} | (speakers & set(sources))
    assert nodes(graph, "Passage") and any(n.label in ("Person", "Location", "Organization") for n in graph.nodes)


def test_current_report_matches_gold(corpus_run, corpus_dir):
    gold = json.loads((corpus_dir / "gold" / "r043.json").read_text(encoding="utf-8"))
    graph = graph_of(corpus_run["reports/r043.txt"])
    hyps = {n.props["label"]: n for n in nodes(graph, "Hypothesis")}
    assert {h["label"]: " ".join(h["statement"].split()) for h in gold["hypotheses"]} == {
        k: " ".join(v.props["statement"].split()) for k, v in hyps.items()}
    [favors] = edges(graph, "FAVORS")
    assert favors.end == hyps[gold["assessment"]["favored"]].id
    bluf = next(n for n in nodes(graph, "Assessment") if n.props["kind"] == "bluf")
    assert bluf.props["confidence"] == gold["confidence"]
    assert len(nodes(graph, "Assumption")) == len(gold["assumptions"])
    if gold.get("information_gaps") is not None:
        assert len(nodes(graph, "InformationGap")) == len(gold["information_gaps"])
    # past the cut: nothing invented
    for label in ("Recommendation", "Scenario", "Topic", "Technique"):
        assert not nodes(graph, label)


def test_mid_and_early_reports(corpus_run):
    mid = graph_of(corpus_run["reports/r013.txt"])
    assert {n.props["label"] for n in nodes(mid, "Hypothesis")} == {"A", "B"}
    assert len(nodes(mid, "Evidence")) >= 2
    assert edges(mid, "SUPPORTS")
    early = graph_of(corpus_run["reports/r003.txt"])
    assert not nodes(early, "Hypothesis")
    assert len(nodes(early, "Technique")) == 3
    assert [n.props["kind"] for n in nodes(early, "Assessment")] == ["bluf"]


def test_digest_insights_carry_stated_credibility(corpus_run, corpus_dir):
    graph = graph_of(corpus_run["digests/d001.txt"])
    parsed = read_text((corpus_dir / "digests/d001.txt").read_text(encoding="utf-8"), filename="d001.txt")
    insights = parsed.items_of("insight")
    assessments = {n.id.split(":", 2)[2]: n for n in nodes(graph, "Assessment") if n.props["kind"] == "insight"}
    assert len(assessments) == len(insights) >= 2
    for item in insights:
        node = assessments[f"{item.span.start}-{item.span.end}"]
        assert node.props["confidence"] == item.fields["confidence"]
        expected = stated_credibility(item.fields.get("credibility"))
        assert node.props.get("credibility") == expected
        if item.fields.get("credibility"):
            level = item.fields["credibility"].split(",")[0].strip().lower()
            if level in LEVELS:
                assert expected == LEVELS[level]


def test_news_item(corpus_run):
    doc = corpus_run["news/n001.txt"]
    graph = graph_of(doc)
    assert doc["format"] == "news" and not doc["warnings"]
    assert nodes(graph, "Claim")
    assert not nodes(graph, "Hypothesis") and not nodes(graph, "Assessment")


# ---------------------------------------------------------------- cut-off fragments, invented

def test_nothing_from_a_cut_off_insight(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_text(CUT_DIGEST, encoding="utf-8")
    [r], failures = extract([str(path)], source_for=source_for)
    assert not failures
    assert r.parsed.truncated and len(r.parsed.fragments) == 1
    graph = r.graph
    assert_sound(graph)
    assert_nothing_from_fragments(graph, [(f.start, f.end) for f in r.parsed.fragments])
    names = {n.props.get("name") for n in graph.nodes}
    assert "Lena Holt" not in names and "Brussels" not in names
    [insight] = [n for n in nodes(graph, "Assessment") if n.props["kind"] == "insight"]
    assert insight.props["credibility"] == "2" and insight.props["confidence"] == "high"


def test_passages_quote_statements_without_their_labels():
    """A sentence that holds an entity is quoted as a passage: for a labelled statement
    (a digest insight after "• Insight 1 [S, Confidence: High]:", an assumption after
    "– Assumption:") the passage starts at the statement, not at the bullet or label,
    and is the statement's own passage."""
    examples = Path(__file__).resolve().parents[1] / "examples"
    files = [str(examples / "2026-02-14_digest_morning-brief.txt"), str(examples / "2026-01-30_report_ccc-sanctions.txt")]
    results, failures = extract(files, source_for=source_for)
    assert not failures
    for r in results:
        passages = nodes(r.graph, "Passage")
        mentioned = {e.start for e in edges(r.graph, "MENTIONS")}
        labelled = [p.props["text"] for p in passages if p.id in mentioned
                    and re.match(r"[•–-]|\[[A-Z], Confidence|Insight \d|Assumption:|Red Flag:|Recommended action:",
                                 p.props["text"])]
        assert not labelled, labelled
        statements = {p.id for p in passages if p.props["kind"] not in ("sentence", "headline")}
        assert statements & mentioned  # a statement's mentions hang on the statement's own passage


# ---------------------------------------------------------------- bad input through the CLI

def test_bad_inputs_fail_one_line_each_and_json_still_prints(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    missing = tmp_path / "nowhere.txt"
    good = tmp_path / "good.txt"
    good.write_text(OTHER_KIM, encoding="utf-8")

    result = runner.invoke(app, ["extract", "--json", str(empty), str(binary), str(missing), str(good)])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 3
    for line, path in zip(lines, (empty, binary, missing)):
        assert line.startswith("failed ") and str(path) in line
        assert line.count(str(path)) == 1
    payload = json.loads(result.stdout)
    assert [d["name"] for d in payload["documents"]] == [str(good)]
    assert [f["name"] for f in payload["failed"]] == [str(empty), str(binary), str(missing)]

    text_only = runner.invoke(app, ["extract", str(missing)])
    assert text_only.exit_code != 0 and "Traceback" not in text_only.output
    assert len(text_only.stderr.strip().splitlines()) == 1


# ---------------------------------------------------------------- credibility mapping

@pytest.mark.parametrize(("note", "grade"), [
    ("High, corroborated by several reports and past patterns.", "2"),
    ("Moderate, based on a single official statement.", "3"),
    ("Medium", "3"),
    ("Low, the outlet has a record of errors.", "4"),
    ("Unverified claims from one outlet.", "6"),
    ("Based on official statements and past behaviour.", None),
    ("Backed by several outlets, though exact casualty figures remain unverified.", None),
    ("Highly partisan coverage.", None),
    (None, None),
    ("", None),
])
def test_digest_credibility_levels(note, grade):
    assert stated_credibility(note) == grade


@pytest.mark.parametrize(("sentence", "grade"), [
    ("The seizure was confirmed by multiple independent sources.", "1"),
    ("Satellite images were independently verified by two agencies.", "1"),
    ("Officials say the figures are probably true.", "2"),
    ("The defector's account is possibly true.", "3"),
    ("The reported troop numbers are doubtful.", "4"),
    ("The claim was contradicted by several other reports.", "5"),
    ("The video has not been independently verified.", "6"),
    ("The casualty figures could not be independently verified.", "6"),
    ("The ministry hasn't confirmed the strike.", "6"),
    ("This rests on unverified social media posts.", "6"),
    ("Although unconfirmed, the report fits earlier patterns.", "6"),
    ("This is supported by reports of financial aid.", None),
    ("The minister confirmed the visit on Tuesday.", None),
])
def test_evidence_credibility_cues(sentence, grade):
    assert evidence_credibility(sentence) == grade


def test_credibility_values_are_the_ontology_vocabulary():
    notations = {t.notation for t in get_ontology().vocabulary("Credibility")}
    assert set(LEVELS.values()) <= notations
    from intelgraph.extract.nlp.credibility import CUES

    assert {grade for grade, _ in CUES} <= notations


# ---------------------------------------------------------------- surname-only mentions

def _mention(text: str, start: int, label: str = "Person") -> dict:
    from intelgraph.extract.nlp.resolution import canonical_key

    return {"start": start, "end": start + len(text), "text": text, "label": label, "key": canonical_key(text)}


def test_surname_takes_earlier_then_later_full_name_in_the_same_document():
    before = [_mention("Amara Voss", 0), _mention("Voss", 40)]
    resolve_short_forms(before, " " * 60)
    assert [m["key"] for m in before] == ["amara voss", "amara voss"]
    after = [_mention("Voss", 0), _mention("Amara Voss", 40)]
    resolve_short_forms(after, " " * 60)
    assert [m["key"] for m in after] == ["amara voss", "amara voss"]
    alone = [_mention("Voss", 0), _mention("Minister Voss", 20)]
    resolve_short_forms(alone, " " * 60)
    assert [m["key"] for m in alone] == ["voss", "minister voss"]


def test_surname_against_the_key_individuals_list():
    assert short_form_targets(["voss", "harbour"], ["Amara Voss", "Selwyn Port Authority"]) == {"voss": "amara voss"}
    assert short_form_targets(["voss"], ["Amara Voss", "Daniel Voss"]) == {}  # ambiguous: stays apart
    assert short_form_targets(["russia"], ["Anna Russia"]) == {}  # states are never a surname
    assert short_form_targets(["minister voss"], ["Amara Voss"]) == {"minister voss": "amara voss"}


REPORT_WITH_LIST = """Harbour controls tighten
Published on: 2026-02-02
Intelligence Report: Harbour inspections expand
1. BLUF (Bottom Line Up Front)
Voss ordered wider cargo inspections at the harbour. Overall confidence in this assessment is moderate.
6. Key Individuals and Entities
- Amara Voss
- Selwyn Port Authority
Structured Analytic Techniques Applied
- Scenario Generation: Explore futures under varied assumptions.
"""


def test_build_graph_resolves_a_surname_against_the_listed_person():
    """Model-independent: the mentions are given, as the model would give them."""
    parsed = read_text(REPORT_WITH_LIST, filename="list.txt")
    start = parsed.text.index("Voss ordered")
    mention = EntityMention(start=start, end=start + 4, text="Voss", label="Person", key="voss",
                            id="entity:voss", name="Voss")
    analysis = Analysis(
        entities=[ResolvedEntity(id="entity:voss", key="voss", label="Person", name="Voss", aliases=["Voss"],
                                 mentions=[mention])],
        mentions=[mention], claims=[], sentences=[(start, parsed.text.index("\n", start))])
    graph = build_graph(parsed, analysis, SourceInfo("Test source"))
    graph.validate_against()
    by_id = {n.id: n for n in graph.nodes}
    assert "entity:voss" not in by_id
    voss = by_id["entity:amara-voss"]
    assert voss.label == "Person" and voss.props["name"] == "Amara Voss"
    assert set(voss.props["aliases"]) == {"Amara Voss", "Voss"}
    assert {e.end for e in edges(graph, "MENTIONS")} >= {"entity:amara-voss"}
    assert "entity:amara-voss" in {e.end for e in edges(graph, "FEATURES")}
    assert by_id["entity:selwyn-port-authority"].label == "Organization"


def test_bare_surname_stays_its_own_entity_whatever_the_order(tmp_path):
    full, bare = tmp_path / "full.txt", tmp_path / "bare.txt"
    full.write_text(FULL_VOSS, encoding="utf-8")
    bare.write_text(BARE_VOSS, encoding="utf-8")

    def people(names: list[Path]) -> dict[str, set[str]]:
        results, failures = extract([str(n) for n in names], source_for=source_for)
        assert not failures
        return {Path(r.name).name: {n.id for n in r.graph.nodes if n.label == "Person"} for r in results}

    forward, backward = people([full, bare]), people([bare, full])
    assert forward == backward
    assert forward["full.txt"] == {"entity:amara-voss"}  # the surname before the full name joins it
    assert forward["bare.txt"] == {"entity:voss"}  # no full name in the document: kept apart


def test_passages_start_after_a_leading_date_stamp(tmp_path):
    """A news page whose first line opens with a stamp ("date 2026-03-02 …") quotes its
    first sentence from where the story starts, not from the stamp (regression: passages
    in briefs read "date 2026-03-02 Harbour pilots …")."""
    page = tmp_path / "stamped.txt"
    page.write_text(" date 2026-03-02 Harbour pilots in Port Aldren said on Monday that Amara Voss had "
                    "closed the northern channel.\n\nThe Kestrel Strait Authority said the channel would "
                    "reopen on Friday.\n", encoding="utf-8")
    results, failures = extract([str(page)], source_for=source_for)
    assert not failures
    texts = [p.props["text"] for p in nodes(results[0].graph, "Passage")]
    assert any(t.startswith("Harbour pilots in Port Aldren") for t in texts), texts
    assert not [t for t in texts if t.lower().startswith("date")]
