"""Every file of the shared development corpus reads, with the layout the manifest
describes, spans that hold, and the gold fields matched exactly.

The corpus is read at run time (its texts are never copied into the project). Every
test here takes the `corpus_dir` fixture, so without the corpus they all skip with
one reason (and fail under CI=true); point INTELGRAPH_SHARED at it otherwise.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest

from intelgraph.extract.pipeline import read_one

from conftest import corpus_present, shared_dir

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))  # the bench scripts import their harness as scripts do
import extract_eval  # noqa: E402

# Parameters are read at collection; without the corpus each test gets one placeholder
# case, which the corpus_dir fixture then skips.
NO_CORPUS = [pytest.param(None, id="no-corpus")]


def manifest() -> list[dict]:
    if not corpus_present():
        return []
    with open(shared_dir() / "corpus" / "manifest.tsv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def expected_layout(row: dict) -> str:
    if row["format"] != "report":
        return row["format"]
    notes = row["notes"]
    if "V1 seed-format" in notes:
        return "report-current"
    if "V2 mid" in notes:
        return "report-mid"
    if "V3 early" in notes:
        return "report-early"
    raise AssertionError(f"manifest notes name no layout: {row['file']}")


ROWS = [pytest.param(r, id=r["file"]) for r in manifest()] or NO_CORPUS


@pytest.mark.parametrize("row", ROWS)
def test_corpus_file_reads(corpus_dir, row):
    doc = read_one(str(corpus_dir / row["file"]))
    assert doc.layout == expected_layout(row)
    assert doc.format == row["format"]
    for item in doc.items:
        assert doc.text[item.span.start:item.span.end] == item.span.text
    for section in doc.sections:
        assert doc.text[section.body.start:section.body.end] == section.body.text
    if row["published"] and row["format"] != "news":
        assert doc.published == row["published"]
    if row["format"] in ("report", "digest"):
        assert doc.truncated, "every stored report/digest is cut at ~2000 bytes"
        # the cut shows as absent sections, a dropped fragment, or both
        assert doc.missing or any(w.startswith("truncated") for w in doc.warnings)
    else:
        assert not doc.truncated
        assert doc.items_of("paragraph")
    if row["format"] == "report":
        assert doc.items_of("bluf")
        visible = row["notes"].split("sections visible:")[-1]
        if "Competing Hypotheses" in visible:
            assert len(doc.items_of("hypothesis")) >= 2
        if "Detailed Analysis" in visible:
            assert doc.items_of("technique")
    if row["format"] == "digest":
        assert doc.items_of("insight")


def test_seed_reads_completely(corpus_dir):
    doc = read_one(str(next((corpus_dir.parent / "seeds").glob("*.txt"))))
    assert doc.layout == "report-current"
    assert not doc.truncated and doc.missing == []
    for kind in ("hypothesis", "assessment", "assumption", "information_gap", "bias_risk", "risk",
                 "recommendation", "scenario", "key_entity", "tag", "technique"):
        assert doc.items_of(kind), kind


GOLD = sorted((shared_dir() / "corpus" / "gold").glob("*.json")) if corpus_present() else []


@pytest.mark.parametrize("gold_path", [pytest.param(p, id=p.stem) for p in GOLD] or NO_CORPUS)
def test_gold_fields_match(corpus_dir, gold_path):
    gold = extract_eval.gold_view(json.loads(gold_path.read_text(encoding="utf-8")))
    pred = extract_eval.reader_view(read_one(str(corpus_dir / "reports" / f"{gold_path.stem}.txt")))
    for field, expected in gold.items():
        if expected is None:  # not visible in the stored text
            continue
        if isinstance(expected, list):
            assert [extract_eval.fold(p) for p in pred[field]] == [extract_eval.fold(g) for g in expected], field
        else:
            assert extract_eval.fold(pred[field]) == extract_eval.fold(expected), field


def test_gold_fragments_are_warnings_not_items(corpus_dir):
    for gold_path in GOLD:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = read_one(str(corpus_dir / "reports" / f"{gold_path.stem}.txt"))
        item_texts = {i.span.text for i in doc.items}
        for fragment in gold.get("_truncated_fragments", {}).values():
            assert fragment not in item_texts
            assert any(fragment in w for w in doc.warnings), (gold_path.stem, fragment)
