"""ACH matrices (Heuer): each document's competing hypotheses against its evidence.

The favoured hypothesis is the one the document's own assessment favours, and it
comes first; the others follow by fewest inconsistent items (then most consistent,
then label). Inconsistency counts are shown beside the author's choice; when another
hypothesis has fewer inconsistent items than the favoured one, `counts_agree` is false
and the red flags say so. Evidence consistent with every hypothesis is not diagnostic.
"""

from __future__ import annotations

from intelgraph.ontology import R
from intelgraph.services.brief.assembly import Assembly, Rows
from intelgraph.services.brief.model import AchEvidence, AchHypothesis, AchMatrix


def ach_matrices(asm: Assembly, hyp_rows: Rows) -> list[AchMatrix]:
    """One matrix per document, its hypotheses in the order of the rows' `favored_by`
    (the assessments of the same document that FAVOR each)."""
    by_doc: dict[str, Rows] = {}
    for r in hyp_rows:
        by_doc.setdefault(r["document_id"], []).append(r)
    return [_matrix(asm, rows) for rows in by_doc.values()]


def _matrix(asm: Assembly, rows: Rows) -> AchMatrix:
    labels = [r["label"] for r in rows]
    evidence = _evidence(asm, rows, labels)
    assessment = next((f for r in rows for f in r["favored_by"] if f), None)
    hyps = []
    for r in rows:
        marks = [e.marks.get(r["label"]) for e in evidence]
        favored_by = [f["id"] for f in r["favored_by"] if f]
        hyps.append(AchHypothesis(node_id=r["id"], label=r["label"], statement=r["statement"],
                                  inconsistent=marks.count("I"), consistent=marks.count("C"), rank=0,
                                  favored=bool(favored_by), favored_by=favored_by))
    ordered = sorted(hyps, key=lambda h: (not h.favored, h.inconsistent, -h.consistent, h.label))
    for i, h in enumerate(ordered, start=1):
        h.rank = i
    chosen = next((h for h in ordered if h.favored), None)  # the author's choice
    agree = chosen is None or all(chosen.inconsistent <= h.inconsistent for h in ordered)
    return AchMatrix(document_id=rows[0]["document_id"], title=rows[0]["title"], published=rows[0]["published"],
                     favored_label=chosen.label if chosen else None,
                     confidence=(assessment or {}).get("confidence") if chosen else None,
                     counts_agree=agree, hypotheses=ordered, evidence=evidence)


def _evidence(asm: Assembly, rows: Rows, labels: list[str]) -> list[AchEvidence]:
    found: dict[str, dict] = {}
    for r in rows:
        for e in r["evidence"]:
            if not e:
                continue
            entry = found.setdefault(e["id"], {"e": e, "row": r, "marks": {lab: "-" for lab in labels}})
            entry["marks"][r["label"]] = "C" if e["direction"] == R.SUPPORTS else "I"
    out = []
    for entry in found.values():
        marks = entry["marks"]
        # Heuer: evidence consistent with every hypothesis does not help choose between them
        diagnostic = not (len(labels) > 1 and all(m == "C" for m in marks.values()))
        row = dict(entry["row"], passage_id=entry["e"]["passage_id"] or entry["row"]["passage_id"])
        out.append(AchEvidence(node_id=entry["e"]["id"], text=entry["e"]["text"], marks=marks,
                               diagnostic=diagnostic, citation=asm.cites.cite(row)))
    return out
