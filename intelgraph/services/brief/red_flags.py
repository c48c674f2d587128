"""Red flags the graph itself shows, each typed (the statement kind `red_flag:<type>`):

- single_origin: a judgement-bearing claim on the topic that rests on one origin, one
  flag per claim sentence, naming the origin;
- conflict: two documents answer the same question differently (favoured hypothesis
  switched, stated confidence or likelihood moved a step or more), or one states as
  fact what another denies;
- internal_conflict: inside one document, the BLUF leans towards another hypothesis
  than its own assessment favours; ach_counts: the author favours a hypothesis that
  has more inconsistent evidence than another;
- ungraded: one line counting the documents whose source carries no grade;
- stale: one line with the oldest and newest dates, and each current key judgement
  older than the stale limit that nothing newer confirms.
"""

from __future__ import annotations

import datetime as dt

from intelgraph.services.brief.assembly import Assembly, Rows, grade
from intelgraph.services.brief.model import Statement
from intelgraph.services.brief.questions import Answer, bluf_leaning, changes, shorten


def _q(text: str) -> str:
    return f"\u201c{text}\u201d"


def single_origin(asm: Assembly, rows: Rows) -> list[Statement]:
    return [asm.stmt(r, "red_flag:single_origin", f"Rests on one origin ({r['origins'][0]}): {_q(r['text'])}",
                     node_key="passage_id", details={"origins": r["origins"], "claims": r["claims"]})
            for r in rows]


def judgement_conflicts(asm: Assembly, questions: list[list[Answer]]) -> list[Statement]:
    out = []
    for change in changes(questions):
        new, old = change.newer, change.older
        text = (f"Reassessed ({'; '.join(change.what)}): {new.published or 'undated'} "
                f"{_answer_summary(new)}, where {old.published or 'undated'} {_answer_summary(old)}")
        s = asm.stmt(new.row, "red_flag:conflict", text, details={"changes": change.what, "type": "judgement",
                                                                   "other_node_id": old.row["id"]})
        asm.also_cite(s, old.row)
        out.append(s)
    return out


def _answer_summary(a: Answer) -> str:
    f = a.favors
    said = f"favours Hypothesis {f['label']} {_q(shorten(f['statement'], 70))}" if f else _q(shorten(a.text()[0], 90))
    conf = f", {a.confidence} confidence" if a.confidence else ""
    like = f", {a.likelihood.replace('_', ' ')}" if a.likelihood else ""
    return said + conf + like


def internal_conflicts(asm: Assembly, questions: list[list[Answer]]) -> list[Statement]:
    out = []
    for q in questions:
        for a in q:
            lean = bluf_leaning(a)
            if lean:
                f = a.favors
                text = (f"Within {a.question}: the BLUF leans towards Hypothesis {lean['label']} "
                        f"{_q(shorten(lean['statement'], 70))}, but its own assessment favours Hypothesis "
                        f"{f['label']} {_q(shorten(f['statement'], 70))}")
                s = asm.stmt(a.bluf, "red_flag:internal_conflict", text, details={"leans": lean["label"],
                                                                                 "favors": f["label"]})
                if a.ach:
                    asm.also_cite(s, a.ach)
                out.append(s)
    return out


def ach_disagreements(asm: Assembly, hypothesis_rows: Rows) -> list[Statement]:
    """The author's favoured hypothesis has more inconsistent evidence than another."""
    rows = {r["id"]: r for r in hypothesis_rows}
    out = []
    for m in asm.ach:
        if m.counts_agree or not m.favored_label:
            continue
        best = min(m.hypotheses, key=lambda h: h.inconsistent)
        chosen = next(h for h in m.hypotheses if h.favored)
        row = rows[chosen.node_id]
        out.append(asm.stmt(row, "red_flag:ach_counts",
                            f"In \u201c{m.title or m.document_id}\u201d the author favours Hypothesis {chosen.label} "
                            f"({chosen.inconsistent} inconsistent items), but Hypothesis {best.label} has fewer "
                            f"({best.inconsistent})", details={"favors": chosen.label, "fewest": best.label}))
    return out


def fact_conflicts(asm: Assembly, rows: Rows) -> list[Statement]:
    out = []
    for r in rows:
        text = (f"Contradicted: {r['published'] or 'undated'} {r['polarity']} {_q(r['text'])}; "
                f"{r['other_published'] or 'undated'} {r['other_polarity']} {_q(r['other_text'])}")
        s = asm.stmt(r, "red_flag:conflict", text, details={"type": "fact", "other_node_id": r["other_id"],
                                                             "subject": r["subject"], "predicate": r["predicate"],
                                                             "object": r["object"]})
        asm.also_cite(s, r, "other_passage_id", "other_document_id")
        out.append(s)
    return out


def ungraded(asm: Assembly, timeline: Rows) -> list[Statement]:
    docs = [r for r in timeline if r.get("passage_id")]
    without = [r for r in docs if grade(r["reliability"]).reliability is None]
    if not without:
        return []
    names = sorted({r["source"] for r in without})
    s = asm.stmt(without[0], "red_flag:ungraded",
                 f"{len(without)} of {len(docs)} documents come from ungraded sources ({', '.join(names)}); "
                 "grade them with --reliability or a sources.toml", node_key="document_id",
                 details={"documents": len(without), "of": len(docs), "sources": names})
    for r in without[1:]:
        asm.also_cite(s, r)
    return [s]


def stale(asm: Assembly, timeline: Rows, judgements: list[Statement]) -> list[Statement]:
    dated = [r for r in timeline if r.get("passage_id") and r.get("published")]
    if not dated:
        return []
    limit = dt.date.fromisoformat(asm.as_of) - dt.timedelta(days=asm.stale_days)
    oldest, newest = dated[0], dated[-1]
    old = [r for r in dated if dt.date.fromisoformat(r["published"]) < limit]
    text = (f"Documents in scope run from {oldest['published']} to {newest['published']}; {len(old)} of "
            f"{len(dated)} are older than {asm.stale_days} days (as of {asm.as_of})")
    summary = asm.stmt(oldest, "red_flag:stale", text, node_key="document_id",
                       details={"oldest": oldest["published"], "newest": newest["published"], "older": len(old)})
    asm.also_cite(summary, newest)
    out = [summary]
    for j in judgements:
        if j.date and dt.date.fromisoformat(j.date) < limit:
            s = Statement(node_id=j.node_id, kind="red_flag:stale", citations=j.citations[:1], date=j.date,
                          grade=j.grade, relevance=j.relevance,
                          text=f"Key judgement of {j.date} is older than {asm.stale_days} days and nothing newer "
                               f"on its question confirms it: {_q(shorten(j.text, 100))}")
            out.append(s)
    return out
