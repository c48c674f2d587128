"""Every file of the shared development corpus reads, with the layout the manifest
describes, spans that hold, and the gold fields matched exactly.

The corpus is read at run time (its texts are never copied into the project). The
tests skip when shared/ is not present; point INTELGRAPH_SHARED at it otherwise.
"""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path

import pytest

from intelgraph.extract.pipeline import read_one

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("extract_eval", ROOT / "bench" / "extract_eval.py")
extract_eval = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(extract_eval)

SHARED = extract_eval.shared_dir()
CORPUS = SHARED / "corpus"
pytestmark = pytest.mark.skipif(not (CORPUS / "manifest.tsv").is_file(), reason="shared corpus not available")


def manifest() -> list[dict]:
    if not (CORPUS / "manifest.tsv").is_file():
        return []
    with open(CORPUS / "manifest.tsv", encoding="utf-8", newline="") as fh:
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


ROWS = manifest()


@pytest.mark.parametrize("row", ROWS, ids=[r["file"] for r in ROWS])
def test_corpus_file_reads(row):
    doc = read_one(str(CORPUS / row["file"]))
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


def test_seed_reads_completely():
    doc = read_one(str(next((SHARED / "seeds").glob("*.txt"))))
    assert doc.layout == "report-current"
    assert not doc.truncated and doc.missing == []
    for kind in ("hypothesis", "assessment", "assumption", "information_gap", "bias_risk", "risk",
                 "recommendation", "scenario", "key_entity", "tag", "technique"):
        assert doc.items_of(kind), kind


GOLD = sorted((CORPUS / "gold").glob("*.json")) if CORPUS.is_dir() else []


@pytest.mark.parametrize("gold_path", GOLD, ids=[p.stem for p in GOLD])
def test_gold_fields_match(gold_path):
    gold = extract_eval.gold_view(json.loads(gold_path.read_text(encoding="utf-8")))
    pred = extract_eval.reader_view(read_one(str(CORPUS / "reports" / f"{gold_path.stem}.txt")))
    for field, expected in gold.items():
        if expected is None:  # not visible in the stored text
            continue
        if isinstance(expected, list):
            assert [extract_eval.fold(p) for p in pred[field]] == [extract_eval.fold(g) for g in expected], field
        else:
            assert extract_eval.fold(pred[field]) == extract_eval.fold(expected), field


def test_gold_fragments_are_warnings_not_items():
    for gold_path in GOLD:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = read_one(str(CORPUS / "reports" / f"{gold_path.stem}.txt"))
        item_texts = {i.span.text for i in doc.items}
        for fragment in gold.get("_truncated_fragments", {}).values():
            assert fragment not in item_texts
            assert any(fragment in w for w in doc.warnings), (gold_path.stem, fragment)
