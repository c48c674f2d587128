"""Reader quality against the gold annotations: per-field precision / recall.

    python bench/extract_eval.py [--verbose]

For each shared/corpus/gold/rNNN.json, read corpus/reports/rNNN.txt and compare field
by field (exact string match after whitespace folding). A gold key that is null
means "not visible in the stored text" and is skipped. Scalars count one prediction
when the reader gives a value; lists compare as multisets of strings. shared/ is
found next to the repository, or at $INTELGRAPH_SHARED (bench/harness.py).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from intelgraph.extract.pipeline import read_one
from intelgraph.extract.readers import ParsedDocument

from harness import require_corpus

FIELDS = ["title", "published", "bluf", "confidence", "hypotheses", "assessment.favored",
          "assessment.text", "assumptions", "information_gaps", "bias_deception_risks"]


def fold(value: str | None) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) else value


def reader_view(doc: ParsedDocument) -> dict:
    """The reader's answer in the gold schema."""
    def texts(kind: str) -> list[str]:
        return [i.span.text for i in doc.items_of(kind) if i.section == "key_assumptions"]

    bluf = doc.items_of("bluf")
    conf = doc.items_of("confidence_statement")
    assessment = doc.items_of("assessment")
    return {
        "title": doc.title,
        "published": doc.published,
        "bluf": bluf[0].span.text if bluf else None,
        "confidence": conf[0].fields.get("confidence") if conf else None,
        "hypotheses": [f"{h.fields.get('label')}: {h.span.text}" for h in doc.items_of("hypothesis")],
        "assessment.favored": assessment[0].fields.get("favored") if assessment else None,
        "assessment.text": assessment[0].span.text if assessment else None,
        "assumptions": texts("assumption"),
        "information_gaps": texts("information_gap"),
        "bias_deception_risks": texts("bias_risk"),
    }


def gold_view(gold: dict) -> dict:
    assessment = gold.get("assessment")
    hyps = gold.get("hypotheses")
    return {
        "title": gold.get("title"),
        "published": gold.get("published"),
        "bluf": gold.get("bluf"),
        "confidence": gold.get("confidence"),
        "hypotheses": None if hyps is None else [f"{h['label']}: {h['statement']}" for h in hyps],
        "assessment.favored": assessment.get("favored") if assessment else None,
        "assessment.text": assessment.get("text") if assessment else None,
        "assumptions": gold.get("assumptions"),
        "information_gaps": gold.get("information_gaps"),
        "bias_deception_risks": gold.get("bias_deception_risks"),
    }


def score(pred: object, gold: object) -> tuple[int, int, int]:
    """(correct, predicted, gold) counts for one field of one document."""
    if isinstance(gold, list):
        pred_list = [fold(p) for p in (pred or [])]
        gold_list = [fold(g) for g in gold]
        correct = sum((Counter(pred_list) & Counter(gold_list)).values())
        return correct, len(pred_list), len(gold_list)
    predicted = 0 if pred is None else 1
    return int(pred is not None and fold(pred) == fold(gold)), predicted, 1


def evaluate(corpus: Path, verbose: bool = False) -> dict[str, list[int]]:
    totals = {field: [0, 0, 0] for field in FIELDS}
    for gold_path in sorted((corpus / "gold").glob("*.json")):
        gold = gold_view(json.loads(gold_path.read_text(encoding="utf-8")))
        doc = read_one(str(corpus / "reports" / f"{gold_path.stem}.txt"))
        pred = reader_view(doc)
        for field in FIELDS:
            if gold[field] is None:
                continue
            c, p, g = score(pred[field], gold[field])
            for i, n in enumerate((c, p, g)):
                totals[field][i] += n
            if verbose and (c != p or c != g):
                print(f"{gold_path.stem} {field}:\n  gold {gold[field]!r}\n  got  {pred[field]!r}")
    return totals


def main(argv: list[str]) -> int:
    if "-h" in argv or "--help" in argv:
        print(__doc__)
        return 0
    totals = evaluate(require_corpus(), verbose="--verbose" in argv)
    print(f"{'field':<22}{'precision':>10}{'recall':>8}{'correct':>9}{'pred':>6}{'gold':>6}")
    all_c = all_p = all_g = 0
    for field, (c, p, g) in totals.items():
        all_c, all_p, all_g = all_c + c, all_p + p, all_g + g
        prec = c / p if p else 1.0
        rec = c / g if g else 1.0
        print(f"{field:<22}{prec:>10.1%}{rec:>8.1%}{c:>9}{p:>6}{g:>6}")
    print(f"{'overall':<22}{all_c / max(all_p, 1):>10.1%}{all_c / max(all_g, 1):>8.1%}{all_c:>9}{all_p:>6}{all_g:>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
