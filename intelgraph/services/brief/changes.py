"""What changed on a topic since a date or since a stored brief: a brief of changes.

The window: `since` (documents published on or after a date) or `since_brief` (documents
ingested after that stored brief was made). The brief scope block finds the topic's
documents as for a brief; `changes/new_documents` keeps those in the window, and every
other section query runs on those new documents only (the builder's scoped runner with
`only`). Sections, in order (CHANGE_SECTIONS): new documents; new questions (a new
document's judgement that revises none); revised judgements with before and after and
the change the REVISES relationship carries (extract.judgements.what_changed);
reaffirmed judgements, kept apart (a reaffirmation is no change); moved quantities (a
measure on a subject whose new value differs from the last one an older document gave,
from Observation nodes); new red flags (the brief's own single-origin and contradiction
queries). Every line cites its passage. A further section is one more ChangeSpec in
CHANGE_SECTIONS. The result is a BriefDocument, rendered by the brief's
renderers; a brief built when an earlier one on its topic is stored carries the same
lines as its "What changed since the last brief on this topic" section.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from neo4j import Driver
from pydantic import Field

from intelgraph.errors import InputError, NotFound
from intelgraph.extract.judgements import Judgement
from intelgraph.graph.driver import read, settings_of
from intelgraph.ontology import get_ontology
from intelgraph.queries import query
from intelgraph.services.brief import red_flags
from intelgraph.services.brief.assembly import Assembly, Rows, likelihood
from intelgraph.services.brief.builder import MAX_DOCUMENTS, SECTION_WORKERS, _params, _scoped_runner
from intelgraph.services.brief.model import (BriefDocument, BriefRequest, HistoryEntry, OverallConfidence, Section,
                                             Statement, _Model)
from intelgraph.services.brief.questions import REAFFIRMED, describe_change, shorten

NEW_DOCUMENTS = "changes/new_documents"
JUDGEMENTS = "changes/judgements"
QUANTITIES = "changes/quantities"


class ChangesRequest(_Model):
    topic: str = Field(min_length=1, max_length=200)
    entity: str | None = Field(default=None, max_length=200)
    since: dt.date | None = None
    since_brief: str | None = Field(default=None, max_length=200)
    limit: int = Field(default=25, ge=1, le=100)


@dataclass(frozen=True)
class Window:
    since: dt.date | None  # published on or after
    ingested_after: str | None  # ISO date-time: ingested after (a stored brief's time)
    label: str


@dataclass(frozen=True)
class ChangeSpec:
    """One section of a changes brief: `build` gets the assembly, then the rows of each
    of `queries` run on the window's new documents."""

    key: str
    title: str
    queries: tuple[str, ...]
    build: Callable[..., list[Statement]]


def _doc_stmt(asm: Assembly, r: dict[str, Any]) -> Statement:
    what = r["title"] or shorten(r["text"] or "", 90)
    return asm.stmt(r, "change:new_document", f"{what} ({r['source']}, {r['published'] or 'undated'})",
                    node_key="document_id", details={"layout": r.get("layout")})


def new_documents(asm: Assembly, rows: Rows) -> list[Statement]:
    return [_doc_stmt(asm, r) for r in rows[:asm.shared["limit"]]]


def _judgement(row: dict[str, Any]) -> Judgement:
    return Judgement(id=row["id"], document_id=row["document_id"], published=row.get("published"),
                     confidence=row.get("confidence"), likelihood=row.get("likelihood"))


def _said(row: dict[str, Any]) -> str:
    facts = [f"{row['confidence']} confidence" if row.get("confidence") else "no confidence stated"]
    if row.get("likelihood"):
        facts.append(row["likelihood"].replace("_", " "))
    if row.get("favored"):
        facts.append(f"favours {shorten(row['favored'], 70)}")
    return f"\u201c{shorten(row['text'] or '', 110)}\u201d ({row.get('published') or 'undated'}; {', '.join(facts)})"


def _judgement_stmt(asm: Assembly, r: dict[str, Any], kind: str) -> Statement:
    before = r.get("before")
    if before is None and r.get("answered_later"):
        # a back-filled document: older than judgements already held on its question
        text = f"Earlier answer, newly added, to a question already held: {_said(r)}"
        history = []
    elif before is None:
        text = f"New question: {_said(r)}"
        history = []
    else:
        moved = [describe_change(c, _judgement(r), _judgement(before)) for c in r.get("changes") or [r["change"]]]
        text = (f"{'; '.join(moved).capitalize()}: now {_said(r)}; before {_said(before)}"
                if kind == "change:revised" else f"Reaffirmed: {_said(r)}, as on {before.get('published') or 'an undated day'}")
        history = [HistoryEntry(node_id=before["id"], date=before.get("published"),
                                summary=shorten(before["text"] or "", 120), confidence=before.get("confidence"),
                                likelihood=likelihood(before.get("likelihood")), favors=before.get("favored"),
                                citation=asm.cites.cite(before))]
    s = asm.stmt(r, kind, text, confidence=r.get("confidence"), likelihood=likelihood(r.get("likelihood")),
                 history=history, details={
                     "change": r.get("change") or get_ontology().term("JudgementChange", "new_question").notation,
                     "changes": r.get("changes"), "score": r.get("score"), "status": r.get("status"),
                     "question": r.get("question"), "before": before})
    if before is not None:
        asm.also_cite(s, before)
    return s


def new_questions(asm: Assembly, rows: Rows) -> list[Statement]:
    return [_judgement_stmt(asm, r, "change:new_question") for r in rows if r.get("before") is None][:asm.shared["limit"]]


def revised(asm: Assembly, rows: Rows) -> list[Statement]:
    return [_judgement_stmt(asm, r, "change:revised") for r in rows
            if r.get("before") is not None and r.get("change") != REAFFIRMED][:asm.shared["limit"]]


def reaffirmed(asm: Assembly, rows: Rows) -> list[Statement]:
    return [_judgement_stmt(asm, r, "change:reaffirmed") for r in rows
            if r.get("before") is not None and r.get("change") == REAFFIRMED][:asm.shared["limit"]]


def _quoted(text: str | None, published: str | None) -> str:
    return f"\u201c{shorten(text or '', 60)}\u201d ({published or 'undated'})"


def moved_quantities(asm: Assembly, rows: Rows) -> list[Statement]:
    """A measure on a subject reported anew with another value: the new figure against the
    last one an older document gave, both cited."""
    out = []
    for r in rows[:asm.shared["limit"]]:
        before = r["before"]
        direction = {"up": "up", "down": "down"}.get(r["direction"], "bounds changed")
        text = (f"{r['measure'].capitalize()} ({r['subject']}): {direction}, now {_quoted(r['text'], r['published'])}; "
                f"before {_quoted(before['text'], before['published'])}")
        s = asm.stmt(r, "change:quantity", text, details={
            "measure": r["measure"], "unit": r["unit"], "subject_id": r["subject_id"], "direction": r["direction"],
            "value": r["value"], "before_value": before["value"], "before": before})
        asm.also_cite(s, before)
        out.append(s)
    return out


def new_red_flags(asm: Assembly, single_origin: Rows, contradictions: Rows) -> list[Statement]:
    limit = asm.shared["limit"]
    return red_flags.single_origin(asm, single_origin)[:limit] + red_flags.fact_conflicts(asm, contradictions)[:limit]


# In order, which is also citation order. The seam for later sections: one more ChangeSpec.
CHANGE_SECTIONS: tuple[ChangeSpec, ...] = (
    ChangeSpec("new_documents", "New documents", (NEW_DOCUMENTS,), new_documents),
    ChangeSpec("new_questions", "New questions", (JUDGEMENTS,), new_questions),
    ChangeSpec("revised", "Revised judgements", (JUDGEMENTS,), revised),
    ChangeSpec("reaffirmed", "Reaffirmed judgements (no change)", (JUDGEMENTS,), reaffirmed),
    ChangeSpec("quantities", "Moved quantities", (QUANTITIES,), moved_quantities),
    ChangeSpec("red_flags", "New red flags", ("brief/red_flags_single_origin", "brief/red_flags_contradictions"),
               new_red_flags),
)
CHANGE_QUERIES = list(dict.fromkeys(q for spec in CHANGE_SECTIONS for q in spec.queries))


def window_of(driver: Driver, req: ChangesRequest) -> Window:
    if (req.since is None) == (req.since_brief is None):
        raise InputError("say since when: --since DATE or --since-brief ID (one of them)")
    if req.since is not None:
        return Window(req.since, None, f"published since {req.since.isoformat()}")
    if not req.since_brief.strip():
        raise InputError("--since-brief needs a brief id; stored briefs: `intelgraph cypher --query explore/briefs`")
    rows = read(driver, query("changes/brief_time"), {"id": req.since_brief.strip()})
    if not rows:
        raise NotFound(f"no stored brief with id {req.since_brief!r}; stored briefs: "
                       "`intelgraph cypher --query explore/briefs`")
    return Window(None, rows[0]["created_at"], f"ingested since brief {rows[0]['id']} ({rows[0]['created_at'][:16]})")


def change_sections(run: Callable[..., Rows], asm: Assembly, window: Window) -> list[Section]:
    """The sections of what changed in `window`, built on `asm` (a brief's own, when its
    "what changed" section is built): `run` is a brief's scoped runner."""
    extra = {"ingested_after": window.ingested_after}
    new = run(NEW_DOCUMENTS, extra=extra)
    ids = {r["document_id"] for r in new}
    others = [name for name in CHANGE_QUERIES if name != NEW_DOCUMENTS]
    # independent reads of the new documents: side by side, as a brief's sections
    with ThreadPoolExecutor(max_workers=SECTION_WORKERS) as pool:
        found = list(pool.map(lambda name: run(name, only=ids, extra=extra) if ids else [], others))
    rows = {NEW_DOCUMENTS: new, **dict(zip(others, found))}
    return [Section(key=spec.key, title=spec.title, statements=spec.build(asm, *(rows[q] for q in spec.queries)))
            for spec in CHANGE_SECTIONS]


def build_changes(driver: Driver, req: ChangesRequest) -> BriefDocument:
    if not req.topic.strip():
        raise InputError("give a topic, e.g. --topic \"North Korea\"")
    window = window_of(driver, req)
    brief_req = BriefRequest(topic=req.topic, entity=req.entity, since=window.since, limit=req.limit)
    stale_days = settings_of(driver).stale_days
    params = {**_params(brief_req, stale_days), "max_documents": MAX_DOCUMENTS}
    run = _scoped_runner(driver, params)
    created = dt.datetime.now(dt.timezone.utc)
    asm = Assembly(stale_days=stale_days, as_of=created.date().isoformat())
    asm.shared.update(limit=req.limit)
    sections = change_sections(run, asm, window)
    counts = {s.key: len(s.statements) for s in sections}
    text = (f"{window.label}: {counts['new_documents']} new document(s), {counts['new_questions']} new question(s), "
            f"{counts['revised']} revised judgement(s), {counts['reaffirmed']} reaffirmed, "
            f"{counts['quantities']} moved quantit{'y' if counts['quantities'] == 1 else 'ies'}, {counts['red_flags']} new red flag(s)")
    changes_id = "changes:" + hashlib.sha256(
        json.dumps([req.model_dump(mode="json"), created.isoformat()], sort_keys=True).encode()).hexdigest()[:24]
    title = f"What changed: {req.topic.strip()}" + (f" / {req.entity}" if req.entity else "") + f" ({window.label})"
    return BriefDocument(id=changes_id, title=title, created_at=created, request=brief_req, queries=CHANGE_QUERIES,
                         sections=sections, overall=OverallConfidence(documents=counts["new_documents"], text=text),
                         sources=sorted(asm.cites.entries.values(), key=lambda e: e.n))


def since_last_brief(driver: Driver, run: Callable[..., Rows], asm: Assembly, req: BriefRequest,
                     before: dt.datetime) -> Section | None:
    """A brief's "What changed since the last brief on this topic": the change lines since
    the newest stored brief on its topic (and entity), or None when there is none."""
    rows = read(driver, query("changes/last_brief"), {"topic": req.topic.strip(), "entity": req.entity,
                                                      "before": before.isoformat()})
    if not rows:
        return None
    window = Window(None, rows[0]["created_at"], f"since brief {rows[0]['id']}")
    statements = [s for section in change_sections(run, asm, window) for s in section.statements]
    return Section(key="changes", title="What changed since the last brief on this topic", statements=statements,)
