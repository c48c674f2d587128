"""Judgements grouped by the question they answer; the newest answer supersedes the older.

Each document answers one question: its BLUF says the bottom line, its ACH assessment
which of its competing hypotheses it favours. A digest insight is a question of its
own. Documents answer the same question when the graph's judgement lineage says so
(services.lineage links them at ingest by extract.judgements.lineage_link: their
hypothesis sets, or without hypotheses their bottom lines, alike, about a shared
entity or topic; analysts may confirm or cut a link). Within a
question the newest document is the current judgement and the older ones are its
history; between consecutive answers a switch of the favoured hypothesis, or a move of
stated confidence or likelihood, is a conflict the red flags report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from intelgraph.extract.judgements import Judgement, bottom_line, closest, first_sentence, recounted, what_changed
from intelgraph.ontology import get_ontology
from intelgraph.services.brief.assembly import Assembly, Rows, confidence_rank, likelihood
from intelgraph.services.brief.model import HistoryEntry, Statement

REAFFIRMED = get_ontology().term("JudgementChange", "reaffirmed").notation



def shorten(text: str, limit: int = 90) -> str:
    """The first sentence of `text`, cut at a word boundary with … when longer than `limit`."""
    text = first_sentence(" ".join(text.split())).rstrip(".")
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;: ") + "…"


def without_asides(row: dict[str, Any]) -> tuple[str, str | None]:
    """A BLUF row's text without its confidence and recommendation asides, and the
    confidence sentence (extract.judgements.without_asides)."""
    return bottom_line(row["text"], row.get("start") or 0, row.get("asides") or [])


@dataclass
class Answer:
    """One document's answer to its question (or one digest insight)."""

    document_id: str
    published: str | None
    title: str | None
    bluf: dict[str, Any] | None = None
    ach: dict[str, Any] | None = None
    insight: dict[str, Any] | None = None
    hypotheses: list[dict[str, Any]] = field(default_factory=list)

    @property
    def row(self) -> dict[str, Any]:
        return self.bluf or self.ach or self.insight  # type: ignore[return-value]

    @property
    def relevance(self) -> int:
        return max(r["relevance"] for r in (self.bluf, self.ach, self.insight) if r)

    @property
    def favors(self) -> dict[str, Any] | None:
        return (self.ach or {}).get("favors") or (self.bluf or {}).get("favors")

    @property
    def confidence(self) -> str | None:
        return next((r["confidence"] for r in (self.bluf, self.ach, self.insight) if r and r["confidence"]), None)

    @property
    def likelihood(self) -> str | None:
        return next((r["likelihood"] for r in (self.bluf, self.ach, self.insight) if r and r["likelihood"]), None)

    @property
    def question_key(self) -> str | None:
        """The lineage's question key (graph: Assessment.question), when it has one."""
        return next((r.get("question") for r in (self.bluf, self.ach) if r and r.get("question")), None)

    def judgement(self) -> Judgement:
        """This answer as lineage compares it."""
        f = self.favors
        return Judgement(id=self.row["id"], document_id=self.document_id, published=self.published,
                         bottom_line=self.text()[0],
                         hypotheses=tuple((h["id"], h["statement"]) for h in self.hypotheses),
                         favored=(f["id"], f["statement"]) if f else None, confidence=self.confidence,
                         likelihood=self.likelihood)

    @property
    def question(self) -> str:
        return f"\u201c{self.title or self.document_id}\u201d ({self.published or 'undated'})"

    def text(self) -> tuple[str, str | None]:
        if self.bluf:
            return without_asides(self.bluf)
        return self.row["text"], None


def answers(rows: Rows) -> list[Answer]:
    """Judgement rows as answers: one per document (BLUF and ACH assessment together),
    one per digest insight."""
    by_doc: dict[str, Answer] = {}
    out: list[Answer] = []
    for r in rows:
        if r["kind"] == "insight":
            out.append(Answer(r["document_id"], r["published"], r["title"], insight=r))
            continue
        a = by_doc.get(r["document_id"])
        if a is None:
            a = by_doc[r["document_id"]] = Answer(r["document_id"], r["published"], r["title"],
                                                  hypotheses=[h for h in r["hypotheses"] if h])
            out.append(a)
        if r["kind"] == "bluf" and a.bluf is None:
            a.bluf = r
        elif r["kind"] != "bluf" and a.ach is None:
            a.ach = r
    return out


def group(found: list[Answer]) -> list[list[Answer]]:
    """Answers to the same question together, newest first; questions ordered by
    relevance, then their newest date, then stated confidence. Which documents answer
    the same question is the graph's judgement lineage (the `question` key that
    services.lineage keeps at ingest, by extract.judgements.lineage_link, and that
    analysts' confirmed and cut links adjust); a document without one is a question
    of its own, as is every digest insight."""
    groups: dict[str, list[Answer]] = {}
    for a in found:
        key = a.question_key if a.insight is None else None
        groups.setdefault(key or f"own:{a.row['id']}", []).append(a)
    questions = list(groups.values())
    for q in questions:
        q.sort(key=lambda a: a.published or "", reverse=True)
    # stable sorts, least important key first
    questions.sort(key=lambda q: confidence_rank(q[0].confidence), reverse=True)
    questions.sort(key=lambda q: q[0].published or "", reverse=True)
    questions.sort(key=lambda q: max(a.relevance for a in q), reverse=True)
    return questions


def _favored_text(a: Answer) -> str | None:
    f = a.favors
    return f"Hypothesis {f['label']} ({shorten(f['statement'], 70)})" if f else None


def history_entry(asm: Assembly, a: Answer) -> HistoryEntry:
    text, _ = a.text()
    favored = _favored_text(a)
    return HistoryEntry(node_id=a.row["id"], date=a.published,
                        summary=f"favoured {favored}" if favored else shorten(text, 120),
                        confidence=a.confidence, likelihood=likelihood(a.likelihood), favors=favored,
                        citation=asm.cites.cite(a.row))


def key_judgements(asm: Assembly, rows: Rows, limit: int) -> list[Statement]:
    """The current judgement of each question, newest first, with its history; a
    judgement whose facts a newer one recounts comes last, marked superseded."""
    questions = group(answers(rows))
    asm.shared["questions"] = questions
    current = [q[0] for q in questions[:limit]]
    # a newer count in any answer recounts (a question's older answers count too: the
    # 03-18 crew count stays a count when a later report reaffirms its judgement)
    later = recounted_by(current, [a for q in questions[:limit] for a in q])
    out = []
    for q in questions[:limit]:
        a = q[0]
        text, basis = a.text()
        f = a.favors
        newer = later.get(a.row["id"])
        out.append(asm.stmt(
            a.row, f"judgement:{a.row['kind']}", text, confidence=a.confidence,
            likelihood=likelihood(a.likelihood), question=a.question,
            history=[history_entry(asm, older) for older in q[1:]],
            superseded_by=newer[0].row["id"] if newer else None,
            details={"favors": f["label"] if f else None, "favored_statement": f["statement"] if f else None,
                     "favored_id": f["id"] if f else None, "confidence_basis": basis,
                     "assessment": a.ach["text"] if a.ach and a.bluf else None, "documents": len(q),
                     "superseded_on": newer[0].published if newer else None,
                     "superseded_because": f"a newer count of {newer[1]}" if newer else None}))
    out.sort(key=lambda s: s.superseded_by is not None)
    return out


def recounted_by(current: list[Answer], newer_ones: list[Answer] | None = None) -> dict[str, tuple[Answer, str]]:
    """Judgement id -> (the newer judgement that recounts one of its facts, the measure):
    both are about a shared entity and count the same thing with different numbers
    ("all 21 crew members" held, then "the remaining 12 crew members" released)."""
    found: dict[str, tuple[Answer, str]] = {}
    for older in current:
        for newer in (current if newer_ones is None else newer_ones):
            if (newer.published or "") <= (older.published or "") or older.row["id"] in found:
                continue
            if set(older.row.get("entities") or []) & set(newer.row.get("entities") or []):
                measure = recounted(older.text()[0], newer.text()[0])
                if measure:
                    found[older.row["id"]] = (newer, measure)
    return found


def superseded(questions: list[list[Answer]]) -> dict[str, Answer]:
    """Document id -> the newest answer to its question, for documents that are not it."""
    return {older.document_id: q[0] for q in questions for older in q[1:]}


@dataclass
class Change:
    newer: Answer
    older: Answer
    what: list[str]


def changes(questions: list[list[Answer]]) -> list[Change]:
    """Between consecutive answers to a question: a switched favoured hypothesis, a move
    of stated confidence or likelihood by a step or more (extract.judgements.what_changed,
    the rule the graph's REVISES links carry too). A reaffirmation is no change."""
    found = []
    for q in questions:
        for newer, older in zip(q, q[1:]):
            moved = [c for c in what_changed(newer.judgement(), older.judgement()) if c != REAFFIRMED]
            if moved:
                found.append(Change(newer, older, [describe_change(c, newer.judgement(), older.judgement())
                                                   for c in moved]))
    return found


def describe_change(change: str, newer: Judgement, older: Judgement) -> str:
    """A change notation in words: "favoured hypothesis switched", "confidence up from
    moderate to high"."""
    label = get_ontology().term("JudgementChange", change).label
    for name in ("confidence", "likelihood"):
        if change.startswith(name + "_"):
            a, b = getattr(newer, name), getattr(older, name)
            return f"{label} from {b.replace('_', ' ')} to {a.replace('_', ' ')}"
    return label


def bluf_leaning(a: Answer) -> dict[str, Any] | None:
    """The hypothesis a document's BLUF leans towards, when it is not the one its own
    assessment favours (an internal conflict); None otherwise."""
    if not (a.bluf and a.favors and len(a.hypotheses) > 1):
        return None
    text, _ = a.text()
    lean = closest(text, {h["id"]: first_sentence(h["statement"]) for h in a.hypotheses}, margin=0.08)
    if lean is None or lean == a.favors["id"]:
        return None
    return next(h for h in a.hypotheses if h["id"] == lean)
