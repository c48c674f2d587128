"""Build a brief from the named queries in queries/brief/, one per section.

Every query gets the same parameters (topic, entity, since, until, limit,
max_documents, stale_days) and returns rows carrying their citation columns
(passage_id, document_id, title, published, source, reliability). Here those rows
become Statements, documents are numbered in order of first citation, and the ACH
matrices are ranked (Heuer: fewest inconsistent items first).

`SECTIONS` is the brief's table of contents: each SectionSpec names its key, title,
queries and the function that turns those queries' rows into Statements. Each query
runs once per brief, and the sections are built in table order.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, LiteralString, cast

from neo4j import Driver

from intelgraph.services.brief.model import (
    AchEvidence, AchHypothesis, AchMatrix, BriefDocument, BriefRequest, Citation, Confidence, Section,
    SourceEntry, Statement,
)
from intelgraph.errors import InputError, NotFound
from intelgraph.extract.sources import DEFAULT_RELIABILITY, UNKNOWN_SOURCE
from intelgraph.graph.driver import read, settings_of
from intelgraph.ontology import L, R, get_ontology
from intelgraph.queries import query

log = logging.getLogger(__name__)

MAX_DOCUMENTS = 200  # documents in a brief's scope, newest first: bounds cost on busy topics

def derived_confidence(reliability: str | None, sources: int = 1) -> Confidence:
    """Derived confidence starts from the source's Admiralty grade (the two best
    grades high, the next moderate, the rest low) and rises one level when
    independent sources corroborate it."""
    onto = get_ontology()
    levels = onto.notations("Confidence")
    lowest_grade = onto.notations("Reliability")[0]
    grade = reliability or lowest_grade
    rank = onto.term("Reliability", grade).rank or 1
    step = max(0, min(len(levels) - 1, rank - 3))
    note = f"derived: source reliability {grade}"
    if sources >= 2:
        step = min(step + 1, len(levels) - 1)
        note += f", corroborated by {sources} sources"
    else:
        note += ", single source"
    return Confidence(level=levels[step], basis="derived", note=note)


def stated_or_derived(stated: str | None, reliability: str | None) -> Confidence:
    if stated in get_ontology().notations("Confidence"):
        return Confidence(level=stated, basis="stated")
    return derived_confidence(reliability)


class _Citations:
    """Numbers documents in order of first citation; remembers what they are."""

    def __init__(self) -> None:
        self.entries: dict[str, SourceEntry] = {}

    def cite(self, row: dict[str, Any], passage_key: str = "passage_id", document_key: str = "document_id") -> Citation:
        doc_id = row[document_key]
        if doc_id not in self.entries:
            onto = get_ontology()
            grade = row.get("reliability") or DEFAULT_RELIABILITY
            self.entries[doc_id] = SourceEntry(
                n=len(self.entries) + 1, document_id=doc_id, title=row.get("title"),
                source=row.get("source") or UNKNOWN_SOURCE, published=row.get("published"),
                reliability=grade, reliability_label=onto.term("Reliability", grade).label,
            )
        return Citation(n=self.entries[doc_id].n, passage_id=row[passage_key], document_id=doc_id)


def _params(req: BriefRequest, stale_days: int) -> dict[str, Any]:
    return {
        "topic": req.topic.strip(), "entity": req.entity.strip() if req.entity else None,
        "since": req.since.isoformat() if req.since else None,
        "until": req.until.isoformat() if req.until else None,
        "limit": req.limit, "max_documents": MAX_DOCUMENTS, "stale_days": stale_days,
    }


SCOPE_START = "// --- scope"
SCOPE_END = "// --- end scope ---"
# What stands in for the scope block once its documents are known.
_SCOPED = "UNWIND $documents AS document_id\nMATCH (d:Document {id: document_id})\nWITH d\n"


def _scoped_runner(driver: Driver, params: dict[str, Any]) -> Callable[[str], list[dict]]:
    """Run the shared scope block once, then each section query with the block replaced
    by the documents it found. The files stay whole for Browser users; a brief pays for
    the topic look-up once instead of once per section (measured at 1M nodes: busy-topic
    brief p95 1.9 s -> 0.45 s, BENCHMARKS.md)."""
    documents: list[str] | None = None

    def run(name: str) -> list[dict]:
        nonlocal documents
        text = query(name)
        head, rest = text.split(SCOPE_START, 1)
        scope, tail = rest.split(SCOPE_END, 1)
        if documents is None:
            scope_only = cast(LiteralString, SCOPE_START + scope + "RETURN d.id AS id")
            documents = [r["id"] for r in read(driver, scope_only, params)]
        body = cast(LiteralString, head + _SCOPED + tail.lstrip("\n"))
        return read(driver, body, {**params, "documents": documents})

    return run


Rows = list[dict[str, Any]]


class _Assembly:
    """What the section builders share: numbered citations, and the ACH matrices that the
    hypotheses section ranks (they are cited where they are built, so numbering follows
    the section order)."""

    def __init__(self) -> None:
        self.cites = _Citations()
        self.ach: list[AchMatrix] = []

    def stmt(self, row: dict, kind: str, text: str, confidence: Confidence, details: dict | None = None,
             node_key: str = "id") -> Statement:
        return Statement(node_id=row.get(node_key), kind=kind, text=text, citations=[self.cites.cite(row)],
                         confidence=confidence, details={k: v for k, v in (details or {}).items() if v is not None})


def _bluf(a: _Assembly, bluf: Rows) -> list[Statement]:
    return [a.stmt(r, f"assessment:{r['kind']}", r["text"], stated_or_derived(r["confidence"], r["reliability"]),
                   {"favors": r["favors"], "extraction_score": r["extraction_score"]})
            for r in bluf]


def _hypotheses(a: _Assembly, hypotheses: Rows) -> list[Statement]:
    """Competing hypotheses, then their ACH matrices (kept on the assembly)."""
    hyps = []
    for r in hypotheses:
        favored = [f for f in r["favored_by"] if f]
        if favored:
            confidence = stated_or_derived(favored[0]["confidence"], r["reliability"])
        else:
            # a candidate the document's own assessment did not favour: never shown as likely
            confidence = Confidence(level="low", basis="derived", note=(
                f"derived: not favoured by its document's assessment; source reliability {r['reliability'] or DEFAULT_RELIABILITY}"))
        hyps.append(a.stmt(r, "hypothesis", f"Hypothesis {r['label']}: {r['statement']}", confidence,
                           {"label": r["label"], "favored": bool(favored),
                            "evidence_for": sum(1 for e in r["evidence"] if e["direction"] == R.SUPPORTS),
                            "evidence_against": sum(1 for e in r["evidence"] if e["direction"] == R.CONTRADICTS)}))
    a.ach = _ach_matrices(hypotheses, a.cites)
    rank = {h.node_id: h.rank for m in a.ach for h in m.hypotheses}
    for s in hyps:
        s.details["ach_rank"] = rank.get(s.node_id)
    return hyps


def _assumption_kind(label: str) -> str:
    """The statement kind of an Assumption, InformationGap, BiasRisk or Indicator row."""
    return {L.Assumption: "assumption", L.InformationGap: "information_gap", L.BiasRisk: "bias_risk",
            L.Indicator: "indicator"}.get(label, label)


def _assumptions(a: _Assembly, assumptions: Rows, single_source: Rows, disagreements: Rows, sources: Rows,
                 stale: Rows) -> list[Statement]:
    """Key assumptions and red flags: from the documents, and from the graph itself."""
    flags = [a.stmt(r, _assumption_kind(r["kind"]), r["text"], derived_confidence(r["reliability"]))
             for r in assumptions]
    for r in single_source:
        flags.append(a.stmt(r, "red_flag:single_source",
                            f"Single-source claim: {r['subject']} —{r['predicate']}→ {r['object']} rests only on "
                            f"{r['source']}: \u201c{r['text']}\u201d", derived_confidence(r["reliability"], 1)))
    for r in disagreements:
        s = a.stmt(r, "red_flag:disagreement", _disagreement_text(r), derived_confidence(r["reliability"]))
        s.citations.append(a.cites.cite(r, "other_passage_id", "other_document_id"))
        s.details.update({"other_node_id": r["other_id"], "shared_entities": r["shared"]})
        flags.append(s)
    for r in sources:
        if r.get("passage_id"):
            label = get_ontology().term("Reliability", r["reliability"]).label
            flags.append(a.stmt(r, "red_flag:low_reliability",
                                f"{r['documents']} document(s) from {r['source']}, graded {r['reliability']} "
                                f"({label.lower()})", derived_confidence(r["reliability"]), node_key="document_id"))
    for r in stale:
        if r.get("passage_id"):
            age = f"{r['age_days']} days old" if r["age_days"] is not None else "undated"
            flags.append(a.stmt(r, "red_flag:stale", f"Stale information: \u201c{r['title'] or r['document_id']}\u201d "
                                f"is {age}", derived_confidence(r["reliability"]), node_key="document_id"))
    return flags


def _implications(a: _Assembly, implications: Rows) -> list[Statement]:
    return [a.stmt(r, f"risk:{r['domain']}", r["text"], derived_confidence(r["reliability"]), {"domain": r["domain"]})
            for r in implications]


def _outlook(a: _Assembly, recommendations: Rows, scenarios: Rows) -> list[Statement]:
    outlook = [a.stmt(r, f"recommendation:{r['horizon']}", r["text"], derived_confidence(r["reliability"]),
                      {"horizon": r["horizon"]}) for r in recommendations]
    outlook += [a.stmt(r, f"scenario:{r['scenario_kind']}", r["text"], derived_confidence(r["reliability"]),
                       {"scenario": r["scenario_kind"]}) for r in scenarios]
    return outlook


def _entities(a: _Assembly, key_entities: Rows) -> list[Statement]:
    entities = []
    for r in key_entities:
        rels = [x for x in r["relationships"] if x]
        text = f"{r['name']} ({r['type'] or L.Entity}): {r['mentions']} mention(s) in {r['documents']} document(s)"
        if rels:
            text += "; " + "; ".join(
                (f"{x['predicate']} {x['other']}" if x["outgoing"] else f"{x['other']} {x['predicate']} it")
                + f" ×{x['count']}" for x in rels)
        entities.append(a.stmt(r, "entity", text, derived_confidence(r["reliability"], r["documents"]),
                               {"name": r["name"], "type": r["type"], "mentions": r["mentions"],
                                "connections": r["connections"], "relationships": rels}))
    return entities


def _tags(a: _Assembly, tags: Rows) -> list[Statement]:
    return [a.stmt(r, "tag", f"{r['name']} ({r['documents']} document(s))",
                   derived_confidence(r["reliability"], r["documents"]), {"name": r["name"], "documents": r["documents"]})
            for r in tags if r.get("passage_id")]


def _timeline(a: _Assembly, timeline: Rows) -> list[Statement]:
    return [a.stmt(r, "document", f"{r['published'] or 'undated'}: {r['title'] or r['document_id']} ({r['source']})"
                   + (" [truncated]" if r["truncated"] else ""), derived_confidence(r["reliability"]),
                   {"published": r["published"]}, node_key="document_id")
            for r in timeline if r.get("passage_id")]


@dataclass(frozen=True)
class SectionSpec:
    """One brief section: `build` gets the assembly, then the rows of each of `queries` in order."""

    key: str
    title: str
    queries: tuple[str, ...]
    build: Callable[..., list[Statement]]


TIMELINE = "brief/timeline"

# In brief order, which is also citation order: a document's number is fixed where it is first cited.
SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec("bluf", "Bottom Line Up Front", ("brief/bluf",), _bluf),
    SectionSpec("hypotheses", "Competing Hypotheses", ("brief/hypotheses",), _hypotheses),
    SectionSpec("assumptions", "Key Assumptions and Red Flags", (
        "brief/assumptions", "brief/red_flags_single_source", "brief/red_flags_disagreements",
        "brief/red_flags_sources", "brief/red_flags_stale"), _assumptions),
    SectionSpec("implications", "Implications", ("brief/implications",), _implications),
    SectionSpec("outlook", "Recommendations and Outlook", ("brief/recommendations", "brief/scenarios"), _outlook),
    SectionSpec("entities", "Key Individuals and Entities", ("brief/key_entities",), _entities),
    SectionSpec("tags", "Thematic Tags", ("brief/tags",), _tags),
    SectionSpec("timeline", "Timeline", (TIMELINE,), _timeline),
)

# The order the queries run in: the timeline first (no documents: no brief, and no other
# query is run), then each section's queries in brief order.
SECTION_QUERIES = [TIMELINE] + [name for spec in SECTIONS for name in spec.queries if name != TIMELINE]


def build_brief(driver: Driver, req: BriefRequest, *, runner: Callable | None = None) -> BriefDocument:
    if not req.topic.strip():
        raise InputError("give a topic, e.g. --topic \"North Korea\"")
    if req.since and req.until and req.since > req.until:
        raise InputError(f"--since {req.since} is after --until {req.until}")
    params = _params(req, settings_of(driver).stale_days)
    run = runner or _scoped_runner(driver, params)
    rows = {TIMELINE: run(TIMELINE)}
    if not rows[TIMELINE]:
        raise _no_documents(req)
    for name in SECTION_QUERIES[1:]:
        rows[name] = run(name)

    assembly = _Assembly()
    sections = [Section(key=spec.key, title=spec.title,
                        statements=spec.build(assembly, *(rows[name] for name in spec.queries)))
                for spec in SECTIONS]
    created = dt.datetime.now(dt.timezone.utc)
    title = f"Brief: {req.topic.strip()}" + (f" / {req.entity}" if req.entity else "")
    brief_id = "brief:" + hashlib.sha256(
        json.dumps([params, created.isoformat()], sort_keys=True).encode()).hexdigest()[:24]
    return BriefDocument(id=brief_id, title=title, created_at=created, request=req, queries=SECTION_QUERIES,
                         sections=sections, ach=assembly.ach,
                         sources=sorted(assembly.cites.entries.values(), key=lambda e: e.n))


def _no_documents(req: BriefRequest) -> NotFound:
    window = "" if not (req.since or req.until) else f" between {req.since or 'the start'} and {req.until or 'now'}"
    who = f" that also mention {req.entity!r}" if req.entity else ""
    return NotFound(f"no documents match topic {req.topic!r}{who}{window}; "
                    "try a broader topic, or list topics with `intelgraph cypher --query explore/topics`")


def _disagreement_text(r: dict) -> str:
    shared = ", ".join(r["shared"][:3])
    if r["kind"] == "ach":
        return (f"Assessments disagree on {shared}: \u201c{r['title']}\u201d favours Hypothesis {r['favors']}, "
                f"\u201c{r['other_title']}\u201d favours Hypothesis {r['other_favors']}")
    return (f"Stated confidence differs on {shared}: {r['confidence'] or 'none'} in \u201c{r['title']}\u201d, "
            f"{r['other_confidence'] or 'none'} in \u201c{r['other_title']}\u201d")


def _ach_matrices(hyp_rows: list[dict], cites: _Citations) -> list[AchMatrix]:
    by_doc: dict[str, list[dict]] = {}
    for r in hyp_rows:
        by_doc.setdefault(r["document_id"], []).append(r)
    matrices = []
    for doc_id, rows in by_doc.items():
        labels = [r["label"] for r in rows]
        evidence: dict[str, dict] = {}
        for r in rows:
            for e in r["evidence"]:
                if not e:
                    continue
                entry = evidence.setdefault(e["id"], {"e": e, "row": r, "marks": {lab: "-" for lab in labels}})
                entry["marks"][r["label"]] = "C" if e["direction"] == R.SUPPORTS else "I"
        ev_models = []
        for entry in evidence.values():
            marks = entry["marks"]
            # Heuer: evidence consistent with every hypothesis does not help choose between them
            diagnostic = not (len(labels) > 1 and all(m == "C" for m in marks.values()))
            citation_row = dict(entry["row"], passage_id=entry["e"]["passage_id"] or entry["row"]["passage_id"])
            ev_models.append(AchEvidence(node_id=entry["e"]["id"], text=entry["e"]["text"], marks=marks,
                                         diagnostic=diagnostic, citation=cites.cite(citation_row)))
        hyps = []
        for r in rows:
            inconsistent = sum(1 for e in ev_models if e.marks.get(r["label"]) == "I")
            consistent = sum(1 for e in ev_models if e.marks.get(r["label"]) == "C")
            hyps.append(AchHypothesis(node_id=r["id"], label=r["label"], statement=r["statement"],
                                      inconsistent=inconsistent, consistent=consistent, rank=0,
                                      favored_by=[f["id"] for f in r["favored_by"] if f]))
        for i, h in enumerate(sorted(hyps, key=lambda h: (h.inconsistent, -h.consistent, h.label)), start=1):
            h.rank = i
        matrices.append(AchMatrix(document_id=doc_id, title=rows[0]["title"],
                                  hypotheses=sorted(hyps, key=lambda h: h.rank), evidence=ev_models))
    return matrices
