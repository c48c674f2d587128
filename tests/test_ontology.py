"""The ontology model: loaded from the .ttl files, complete, and strict."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from intelgraph.errors import OntologyError
from intelgraph.ontology import L, R, get_ontology
from intelgraph.ontology.records import EdgeRecord, GraphDocument, NodeRecord

REPO = Path(__file__).resolve().parents[1]

DESIGN_LABELS = {
    "Source", "Document", "Passage", "Entity", "Person", "Organization", "Location", "Group", "Event",
    "Claim", "Hypothesis", "Evidence", "Assessment", "Assumption", "InformationGap", "BiasRisk",
    "Indicator", "Risk", "Recommendation", "Scenario", "Topic", "Technique", "Brief",
}
DESIGN_RELS = {
    "PUBLISHED_BY", "PART_OF", "MENTIONS", "EXTRACTED_FROM", "ABOUT", "ATTRIBUTED_TO", "SUPPORTS",
    "CONTRADICTS", "FAVORS", "RESTS_ON", "COMPETES_WITH", "RELATED_TO", "TAGGED", "CITES",
}


def test_every_design_label_and_relationship_is_defined():
    onto = get_ontology()
    assert DESIGN_LABELS <= onto.labels
    assert DESIGN_RELS <= onto.rel_types


def test_subclass_labels_include_key_label_and_ancestors():
    onto = get_ontology()
    assert onto.labels_for("Person") == ("Node", "Entity", "Person")
    assert onto.labels_for("Claim") == ("Node", "Claim")  # Extracted is abstract: no label


def test_vocabularies():
    onto = get_ontology()
    assert [t.notation for t in onto.vocabulary("Confidence")] == ["low", "moderate", "high"]
    likely = onto.term("Likelihood", "likely")
    assert (likely.probability_low, likely.probability_high) == (0.55, 0.80)
    lows = [t.probability_low for t in onto.vocabulary("Likelihood")]
    assert lows == sorted(lows) and len(lows) == 7
    assert {t.notation for t in onto.vocabulary("Reliability")} == set("ABCDEF")
    assert {t.notation for t in onto.vocabulary("Credibility")} == {"1", "2", "3", "4", "5", "6"}
    assert {t.notation for t in onto.vocabulary("ScenarioKind")} == {"best", "worst", "most_likely"}
    with pytest.raises(OntologyError):
        onto.term("Confidence", "very high")


def test_required_properties_come_from_shapes():
    onto = get_ontology()
    assert {"text", "extraction_score"} <= onto.cls("Claim").required
    assert {"start", "end", "text"} <= onto.cls("Passage").required
    assert {"name", "reliability"} <= onto.cls("Source").required


def test_domain_and_range_expand_to_sublabels():
    onto = get_ontology()
    assert "Person" in onto.rel("MENTIONS").range
    assert {"Entity", "Source"} <= onto.rel("ATTRIBUTED_TO").range
    assert "Claim" in onto.rel("EXTRACTED_FROM").domain and "Document" not in onto.rel("EXTRACTED_FROM").domain


def test_checked_names_fail_on_misspelling():
    assert L.Claim == "Claim" and R.EXTRACTED_FROM == "EXTRACTED_FROM" and L.Node == "Node"
    with pytest.raises(OntologyError):
        _ = L.Clam
    with pytest.raises(OntologyError):
        _ = R.EXTRACTED


def test_records_are_refused_with_a_message_naming_the_problem():
    bad_label = GraphDocument(document_id="d", nodes=[NodeRecord(label="Spy", id="x")])
    with pytest.raises(OntologyError, match="unknown label 'Spy'"):
        bad_label.validate_against()
    bad_prop = GraphDocument(document_id="d", nodes=[
        NodeRecord(label="Topic", id="t", props={"name": "x", "key": "x", "colour": "red"})])
    with pytest.raises(OntologyError, match="colour"):
        bad_prop.validate_against()
    bad_vocab = GraphDocument(document_id="d", nodes=[
        NodeRecord(label="Source", id="s", props={"name": "x", "reliability": "Z"})])
    with pytest.raises(OntologyError, match="Reliability"):
        bad_vocab.validate_against()
    missing = GraphDocument(document_id="d", nodes=[NodeRecord(label="Source", id="s", props={"name": "x"})])
    with pytest.raises(OntologyError, match="missing required properties reliability"):
        missing.validate_against()
    bad_range = GraphDocument(document_id="d", edges=[EdgeRecord(
        type="PART_OF", start_label="Passage", start="p", end_label="Source", end="s")])
    with pytest.raises(OntologyError, match="cannot have a Source"):
        bad_range.validate_against()
    bad_type = GraphDocument(document_id="d", nodes=[
        NodeRecord(label="Passage", id="p", props={"start": "0", "end": 1, "text": "x"})])
    with pytest.raises(OntologyError, match="integer"):
        bad_type.validate_against()


def test_labels_and_types_in_cypher_files_exist_in_the_ontology():
    onto = get_ontology()
    known_labels = onto.labels | {onto.key_label}
    files = list((REPO / "queries").rglob("*.cypher")) + list((REPO / "graph" / "cypher").rglob("*.cypher"))
    assert files
    for path in files:
        body = "\n".join(line for line in path.read_text().splitlines() if not line.lstrip().startswith("//"))
        # node patterns such as (d:Document) or (n:Entity|Source)
        for match in re.finditer(r"\(\s*\w*\s*:\s*([A-Za-z|&]+)", body):
            for label in re.split(r"[|&]", match.group(1)):
                assert label in known_labels, f"{path.name}: unknown label {label}"
        for match in re.finditer(r"\[\s*\w*\s*:\s*([A-Z_|]+)", body):
            for rel in match.group(1).split("|"):
                if rel != "__TYPE__":
                    assert rel in onto.rel_types, f"{path.name}: unknown relationship type {rel}"


def test_expand_neighbors_has_one_branch_per_relationship_type():
    """api/expand_neighbors lists its types statically (an index-friendly expand per
    type); a type added to the ontology must get its branch, or neighbourhoods miss it."""
    body = (REPO / "queries" / "api" / "expand_neighbors.cypher").read_text()
    expanded = re.findall(r"MATCH \(a\)-\[r:([A-Z_]+)\]-\(b\)", body)
    guarded = re.findall(r'\$rel = "([A-Z_]+)"', body)
    assert sorted(expanded) == sorted(get_ontology().rel_types)
    assert guarded == expanded


# ---- the Python twin of the .cypher check: names and vocabularies come from the ontology

# Product code (tests and benchmarks build fixtures and may spell names). The ontology's
# own package is where the names are defined.
PRODUCT = ("intelgraph", "extract", "graph", "queries", "api")
# Strings that equal a label by coincidence, with the reason.
NOT_A_LABEL = {("api/routes_briefs.py", "Location"): "the HTTP Location header"}


def _python_files():
    for folder in PRODUCT:
        yield from sorted((REPO / folder).rglob("*.py"))


def _strings(nodes) -> list[str]:
    return [n.value for n in nodes if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def _copied_vocabularies(tree, vocabularies: dict[str, set[str]]):
    """Collections (tuple, list, set, dict keys or values, Literal[...]) of two or more
    strings that are all notations of one vocabulary: a copy of the vocabulary."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            groups = [node.elts]
        elif isinstance(node, ast.Dict):
            groups = [[k for k in node.keys if k is not None], node.values]
        else:
            continue
        for group in groups:
            strings = _strings(group)
            if len(strings) < 2 or len(strings) != len(group):
                continue
            for name, notations in vocabularies.items():
                if set(strings) <= notations:
                    yield node.lineno, name, strings


def test_no_label_type_or_vocabulary_is_spelled_in_python():
    """Labels and relationship types are `L.X` / `R.X` (checked on use); vocabularies
    are read from the loaded ontology. A label, type or copied vocabulary spelled in a
    product .py file fails here, as a misspelt one in a .cypher file fails above."""
    onto = get_ontology()
    names = set(onto.classes) | set(onto.relationships) | {onto.key_label}
    vocabularies = {name: set(onto.notations(name)) for name in onto.vocabularies}
    found = []
    for path in _python_files():
        rel = path.relative_to(REPO).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and node.value in names and (rel, node.value) not in NOT_A_LABEL:
                found.append(f"{rel}:{node.lineno}: {node.value!r} (use L.{node.value} / R.{node.value})")
        for lineno, vocabulary, strings in _copied_vocabularies(tree, vocabularies):
            found.append(f"{rel}:{lineno}: a copy of the {vocabulary} vocabulary {strings}")
    assert not found, "\n".join(found)


def test_the_twin_check_catches_what_it_is_for():
    """The checker itself: a spelled label and a copied vocabulary are found."""
    onto = get_ontology()
    vocabularies = {name: set(onto.notations(name)) for name in onto.vocabularies}
    tree = ast.parse('LEVELS = ("low", "moderate", "high")\nX: Literal["best", "worst"]\nlabel = "Person"')
    assert [v for _, v, _ in _copied_vocabularies(tree, vocabularies)] == ["Confidence", "ScenarioKind"]
    assert any(isinstance(n, ast.Constant) and n.value == L.Person for n in ast.walk(tree))


def test_keyed_relationship_types_say_how_their_key_is_made():
    """A relationship with an ig:unique property is merged on it by the writer, which
    composes it from ig:keyFormat (start, end and properties of the type)."""
    onto = get_ontology()
    keyed = {name: spec for name, spec in onto.relationships.items() if spec.key is not None}
    assert R.RELATED_TO in keyed
    for name, spec in keyed.items():
        assert spec.key.key_format, name
        for part in spec.key.key_format:
            assert part in ("start", "end") or part in spec.properties, (name, part)
