"""Reader quality against the gold annotations: per-field precision / recall.

    python bench/extract_eval.py [--verbose]

Two gold sets under shared/corpus (bench/harness.py finds it):
- gold/ (current layout): each rNNN.json against corpus/reports/rNNN.txt, field by
  field, exact string match after whitespace folding.
- gold-layouts/ (the mid-2025 and early-2025 layouts): strict. Every answer is read
  from the reader's typed items (an `assumption` item, a `technique` item's name, a
  `scenario` item's kind and text …), never searched for in the document's text, and
  a string counts only when it is exactly the gold string.
A gold key that is null means "not visible in the stored text" and is skipped.
Scalars count one prediction when the reader gives a value; lists compare as
multisets of strings (a hypothesis as "label: statement", a scenario as "kind: text").
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from intelgraph.extract.pipeline import read_one
from intelgraph.extract.readers import ParsedDocument

from harness import require_corpus

FIELDS = ["title", "published", "bluf", "confidence", "hypotheses", "assessment.favored",
          "assessment.text", "assumptions", "information_gaps", "bias_deception_risks"]
LAYOUT_FIELDS = ["title", "published", "bluf", "confidence", "hypotheses", "favored", "favored_evidence",
                 "assumptions", "red_flags", "blind_spots", "techniques", "scenarios", "indicators",
                 "implications", "recommendations"]


def fold(value: str | None) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) else value


def exact(value: str | None) -> str | None:
    return value


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


def layout_reader_view(doc: ParsedDocument) -> dict:
    """The reader's typed items in the gold-layouts schema. Section 3's red flags and blind
    spots are its bias_risk and information_gap items; implications are the implication
    and risk items of section 4; recommendations those of "Recommendations and Outlook"
    (the BLUF's recommended action is not one); the favoured hypothesis and its sentence
    come from the assessment that names one."""
    def texts(*kinds: str, section: str | None = None) -> list[str]:
        return [i.span.text for i in doc.items if i.kind in kinds and (section is None or i.section == section)]

    bluf = doc.items_of("bluf")
    conf = doc.items_of("confidence_statement")
    favoured = next((a for a in doc.items_of("assessment") if a.fields.get("favored") is not None), None)
    return {
        "title": doc.title,
        "published": doc.published,
        "bluf": bluf[0].span.text if bluf else None,
        "confidence": conf[0].fields.get("confidence") if conf else None,
        "hypotheses": [f"{h.fields.get('label')}: {h.span.text}" for h in doc.items_of("hypothesis")],
        "favored": str(favoured.fields["favored"]) if favoured else None,
        "favored_evidence": favoured.span.text if favoured else None,
        "assumptions": texts("assumption"),
        "red_flags": texts("bias_risk"),
        "blind_spots": texts("information_gap"),
        "techniques": [str(i.fields.get("name")) for i in doc.items_of("technique")],
        "scenarios": [f"{i.fields.get('kind')}: {i.span.text}" for i in doc.items_of("scenario")],
        "indicators": texts("indicator"),
        "implications": texts("implication", "risk", section="implications"),
        "recommendations": texts("recommendation", section="recommendations"),
    }


def layout_gold_view(gold: dict) -> dict:
    view = {field: gold.get(field) for field in LAYOUT_FIELDS}
    if gold.get("hypotheses") is not None:
        view["hypotheses"] = [f"{h['label']}: {h['statement']}" for h in gold["hypotheses"]]
    if gold.get("scenarios") is not None:
        view["scenarios"] = [f"{s['kind']}: {s['text']}" for s in gold["scenarios"]]
    if gold.get("favored") is None:  # "no sentence names one": a favoured answer is a false positive
        view["favored"] = view["favored_evidence"] = []
    return view


def score(pred: object, gold: object, norm: Callable = fold) -> tuple[int, int, int]:
    """(correct, predicted, gold) counts for one field of one document."""
    if isinstance(gold, list):
        pred_list = [norm(p) for p in ([] if pred is None else pred if isinstance(pred, list) else [pred])]
        gold_list = [norm(g) for g in gold]
        correct = sum((Counter(pred_list) & Counter(gold_list)).values())
        return correct, len(pred_list), len(gold_list)
    predicted = 0 if pred is None else 1
    return int(pred is not None and norm(pred) == norm(gold)), predicted, 1


def _evaluate(corpus: Path, folder: str, fields: list[str], views: tuple[Callable, Callable], norm: Callable,
              verbose: bool) -> dict[str, list[int]]:
    reader, golden = views
    totals = {field: [0, 0, 0] for field in fields}
    for gold_path in sorted((corpus / folder).glob("r*.json")):
        gold = golden(json.loads(gold_path.read_text(encoding="utf-8")))
        pred = reader(read_one(str(corpus / "reports" / f"{gold_path.stem}.txt")))
        for field in fields:
            if gold[field] is None:
                continue
            c, p, g = score(pred[field], gold[field], norm)
            for i, n in enumerate((c, p, g)):
                totals[field][i] += n
            if verbose and (c != p or c != g):
                print(f"{folder}/{gold_path.stem} {field}:\n  gold {gold[field]!r}\n  got  {pred[field]!r}")
    return totals


def evaluate(corpus: Path, verbose: bool = False) -> dict[str, list[int]]:
    return _evaluate(corpus, "gold", FIELDS, (reader_view, gold_view), fold, verbose)


def evaluate_layouts(corpus: Path, verbose: bool = False) -> dict[str, list[int]]:
    return _evaluate(corpus, "gold-layouts", LAYOUT_FIELDS, (layout_reader_view, layout_gold_view), exact, verbose)


def overall(totals: dict[str, list[int]]) -> tuple[int, int, int]:
    return tuple(sum(t[i] for t in totals.values()) for i in range(3))  # type: ignore[return-value]


def print_table(title: str, totals: dict[str, list[int]]) -> None:
    print(title)
    print(f"{'field':<22}{'precision':>10}{'recall':>8}{'correct':>9}{'pred':>6}{'gold':>6}")
    for field, (c, p, g) in totals.items():
        print(f"{field:<22}{(c / p if p else 1.0):>10.1%}{(c / g if g else 1.0):>8.1%}{c:>9}{p:>6}{g:>6}")
    c, p, g = overall(totals)
    print(f"{'overall':<22}{c / max(p, 1):>10.1%}{c / max(g, 1):>8.1%}{c:>9}{p:>6}{g:>6}")


def main(argv: list[str]) -> int:
    if "-h" in argv or "--help" in argv:
        print(__doc__)
        return 0
    corpus, verbose = require_corpus(), "--verbose" in argv
    print_table("current layout (gold/)", evaluate(corpus, verbose))
    print()
    print_table("mid-2025 and early-2025 layouts (gold-layouts/, strict)", evaluate_layouts(corpus, verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
