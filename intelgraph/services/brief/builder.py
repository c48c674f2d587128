"""Build a brief from the named queries in queries/brief/, a table of sections.

Every query opens with the same scope block: the documents on the topic, whether each
is about the topic as a whole, and the names and ids the topic matched. The block
runs once per brief; each section query then runs on its documents and keeps only
on-topic statements (its own passage names the topic, or its document is about it;
digests only for the first). The section builders (sections.py) turn rows into
Statements: confidence as stated, never derived; the source's Admiralty grade beside
it; judgements grouped by question, newest first (questions.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, LiteralString, cast

from neo4j import Driver

from intelgraph.errors import InputError, NotFound
from intelgraph.graph.driver import read, settings_of
from intelgraph.ontology import get_ontology
from intelgraph.queries import query
from intelgraph.services.brief import sections
from intelgraph.services.brief.assembly import Assembly, Rows, document_title, grade
from intelgraph.services.brief.model import BriefDocument, BriefRequest, OverallConfidence, Section, Statement

log = logging.getLogger(__name__)

MAX_DOCUMENTS = 200  # documents in a brief's scope, newest first: bounds cost on busy topics


@dataclass(frozen=True)
class SectionSpec:
    """One brief section: `build` gets the assembly, then the rows of each of `queries` in order."""

    key: str
    title: str
    queries: tuple[str, ...]
    build: Callable[..., list[Statement]]


TIMELINE = "brief/timeline"

# In brief order, which is also citation order: a document's number is fixed where it
# is first cited. Later sections read what earlier ones left on the assembly (the
# questions of the BLUF, the ACH matrices of the hypotheses).
SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec("bluf", "Bottom Line Up Front", ("brief/judgements",), sections.bluf),
    SectionSpec("hypotheses", "Competing Hypotheses", ("brief/hypotheses",), sections.hypotheses),
    SectionSpec("assumptions", "Key Assumptions and Red Flags", (
        "brief/assumptions", "brief/red_flags_single_origin", "brief/red_flags_contradictions"),
        sections.assumptions),
    SectionSpec("implications", "Implications", ("brief/implications",), sections.implications),
    SectionSpec("outlook", "Recommendations and Outlook", ("brief/recommendations", "brief/scenarios"),
                sections.outlook),
    SectionSpec("techniques", "Structured Analytic Techniques", ("brief/techniques",), sections.techniques),
    SectionSpec("entities", "Key Individuals and Entities", ("brief/key_entities",), sections.entities),
    SectionSpec("tags", "Thematic Tags", ("brief/tags",), sections.tags),
    SectionSpec("timeline", "Timeline", (TIMELINE,), sections.timeline),
)

# The queries a brief runs, in the order it runs them: the timeline first (no
# documents, no brief), then each section's.
SECTION_QUERIES = [TIMELINE] + [q for spec in SECTIONS for q in spec.queries if q != TIMELINE]


def _params(req: BriefRequest, stale_days: int) -> dict[str, Any]:
    return {
        "topic": req.topic.strip(), "entity": req.entity.strip() if req.entity else None,
        "since": req.since.isoformat() if req.since else None,
        "until": req.until.isoformat() if req.until else None,
        "limit": req.limit, "max_documents": MAX_DOCUMENTS, "stale_days": stale_days,
        "as_of": req.as_of.isoformat() if req.as_of else None,
        "ingested_by": _utc(req.ingested_by).isoformat() if req.ingested_by else None,
    }


def _utc(moment: dt.datetime) -> dt.datetime:
    """The moment in UTC; one without an offset is UTC already (ingest times are stored in UTC)."""
    return moment.astimezone(dt.timezone.utc) if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


# Section queries in flight at once (each its own session from the driver's pool).
SECTION_WORKERS = 4

SCOPE_START = "// --- scope"
SCOPE_END = "// --- end scope ---"
# What stands in for the scope block once its documents are known.
_SCOPED = ("UNWIND $documents AS doc\nMATCH (d:Document {id: doc.id})\n"
           "WITH d, doc.about AS about, $terms AS terms, $entity_ids AS entity_ids, $topic_ids AS topic_ids\n")
_SCOPE_RETURN = "RETURN d.id AS id, about, terms, entity_ids, topic_ids"


def _scoped_runner(driver: Driver, params: dict[str, Any]) -> Callable[..., Rows]:
    """Run the shared scope block once, then each section query with the block replaced
    by the documents it found. The files stay whole for Browser users; a brief pays for
    the topic look-up once instead of once per section (measured at 1M nodes: busy-topic
    brief p95 1.9 s -> 0.45 s, BENCHMARKS.md)."""
    scoped: dict[str, Any] | None = None

    def run(name: str, only: set[str] | None = None, extra: dict[str, Any] | None = None) -> Rows:
        """`only`: run on these of the scope's documents alone (what changed runs its
        sections on the window's new documents); `extra`: more parameters."""
        nonlocal scoped
        text = query(name)
        head, rest = text.split(SCOPE_START, 1)
        scope, tail = rest.split(SCOPE_END, 1)
        if scoped is None:
            rows = read(driver, cast(LiteralString, SCOPE_START + scope + _SCOPE_RETURN), params)
            first = rows[0] if rows else {}
            scoped = {"documents": [{"id": r["id"], "about": r["about"]} for r in rows],
                      "terms": first.get("terms", []), "entity_ids": first.get("entity_ids", []),
                      "topic_ids": first.get("topic_ids", [])}
        body = cast(LiteralString, head + _SCOPED + tail.lstrip("\n"))
        docs = scoped["documents"] if only is None else [d for d in scoped["documents"] if d["id"] in only]
        return read(driver, body, {**params, **scoped, "documents": docs, **(extra or {})})

    return run


def _no_documents(req: BriefRequest) -> NotFound:
    window = "" if not (req.since or req.until) else f" between {req.since or 'the start'} and {req.until or 'now'}"
    who = f" that also mention {req.entity!r}" if req.entity else ""
    if req.as_of:
        window += f", published by {req.as_of}"
    if req.ingested_by:
        window += f", ingested by {_utc(req.ingested_by).isoformat()}"
    return NotFound(f"no documents match topic {req.topic!r}{who}{window}; "
                    "try a broader topic, or list topics with `intelgraph cypher --query explore/topics`")


def overall(judgements: list[Statement], timeline: Rows) -> OverallConfidence:
    """The stated confidences of the current key judgements, counted (ICD 203: the brief
    states no confidence of its own)."""
    counts = Counter(s.confidence or "not stated" for s in judgements)
    order = [*reversed(get_ontology().notations("Confidence")), "not stated"]  # highest first
    dated = sorted(r["published"] for r in timeline if r.get("published"))
    parts = ", ".join(f"{counts[k]} {k}" for k in sorted(counts, key=lambda k: order.index(k) if k in order else 9))
    text = (f"{len(judgements)} key judgement(s) from {len(timeline)} document(s)"
            + (f" ({dated[0]} to {dated[-1]})" if dated else "")
            + (f"; stated confidence: {parts}" if judgements else ""))
    return OverallConfidence(counts=dict(counts), judgements=len(judgements), documents=len(timeline),
                             first=dated[0] if dated else None, last=dated[-1] if dated else None, text=text)


def build_brief(driver: Driver, req: BriefRequest, *, runner: Callable[[str], Rows] | None = None) -> BriefDocument:
    if not req.topic.strip():
        raise InputError("give a topic, e.g. --topic \"North Korea\"")
    if req.since and req.until and req.since > req.until:
        raise InputError(f"--since {req.since} is after --until {req.until}")
    if req.since and req.as_of and req.since > req.as_of:
        raise InputError(f"--since {req.since} is after --as-of {req.as_of}")
    stale_days = settings_of(driver).stale_days
    params = _params(req, stale_days)
    run = runner or _scoped_runner(driver, params)
    timeline = run(TIMELINE)
    if not timeline:
        raise _no_documents(req)
    created = dt.datetime.now(dt.timezone.utc)
    # the day the brief speaks for: its publication cut-off, the earlier of --as-of and --until
    cutoffs = [d for d in (req.as_of, req.until) if d]
    asm = Assembly(stale_days=stale_days, as_of=(min(cutoffs) if cutoffs else created.date()).isoformat())
    asm.shared.update(limit=req.limit, timeline=timeline)
    # the sections' queries are independent reads of the scope's documents: run them side
    # by side, so the database works on several while the client decodes the others
    others = [name for name in SECTION_QUERIES if name != TIMELINE]
    with ThreadPoolExecutor(max_workers=SECTION_WORKERS) as pool:
        rows = {TIMELINE: timeline, **dict(zip(others, pool.map(run, others)))}
    built = [Section(key=spec.key, title=spec.title, statements=spec.build(asm, *(rows[q] for q in spec.queries)))
             for spec in SECTIONS]
    queries = list(SECTION_QUERIES)
    # an earlier stored brief on the topic: what changed since, after the bottom line
    from intelgraph.services.brief.changes import CHANGE_QUERIES, since_last_brief  # it builds on this module

    # a brief as of an ingest cut-off compares with the last brief stored by then, not with today's
    last_by = min(created, _utc(req.ingested_by)) if req.ingested_by else created
    changed = since_last_brief(driver, run, asm, req, last_by)
    if changed is not None:
        built.insert(1, changed)
        queries += [q for q in CHANGE_QUERIES if q not in queries]
    by_doc = {r["document_id"]: r for r in timeline}
    for entry in asm.cites.entries.values():
        row = by_doc.get(entry.document_id, {})
        entry.grade = grade(entry.reliability, row.get("credibility"))
        entry.title = document_title(entry.title, row.get("lead"), entry.document_id)
    title = f"Brief: {req.topic.strip()}" + (f" / {req.entity}" if req.entity else "")
    brief_id = "brief:" + hashlib.sha256(
        json.dumps([params, created.isoformat()], sort_keys=True).encode()).hexdigest()[:24]
    return BriefDocument(id=brief_id, title=title, created_at=created, request=req, queries=queries,
                         as_of=req.as_of or created.date(),
                         ingested_by=_utc(req.ingested_by) if req.ingested_by else created,
                         sections=built, ach=asm.ach, overall=overall(asm.shared["key_judgements"], timeline),
                         sources=sorted(asm.cites.entries.values(), key=lambda e: e.n))
