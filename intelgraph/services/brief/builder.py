"""Build a brief from the named queries in queries/brief/, one per section.

Every query gets the same parameters (topic, entity, since, until, limit,
max_documents, stale_days) and returns rows carrying their citation columns
(passage_id, document_id, title, published, source, reliability). Here those rows
become Statements, documents are numbered in order of first citation, and the ACH
matrices are ranked (Heuer: fewest inconsistent items first).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Callable
from typing import Any, LiteralString, cast

from neo4j import Driver

from intelgraph.services.brief.model import (
    AchEvidence, AchHypothesis, AchMatrix, BriefDocument, BriefRequest, Citation, Confidence, Section,
    SourceEntry, Statement,
)
from intelgraph.errors import InputError, NotFound
from intelgraph.graph.driver import read, settings_of
from intelgraph.ontology import get_ontology
from intelgraph.queries import query

log = logging.getLogger(__name__)

MAX_DOCUMENTS = 200  # documents in a brief's scope, newest first: bounds cost on busy topics

_LEVELS = ("low", "moderate", "high")
# Derived confidence starts from the source's Admiralty grade…
_BY_RELIABILITY = {"A": "high", "B": "high", "C": "moderate", "D": "low", "E": "low", "F": "low"}


def derived_confidence(reliability: str | None, sources: int = 1) -> Confidence:
    """…and rises one level when independent sources corroborate it."""
    grade = reliability or "F"
    level = _BY_RELIABILITY.get(grade, "low")
    note = f"derived: source reliability {grade}"
    if sources >= 2:
        level = _LEVELS[min(_LEVELS.index(level) + 1, 2)]
        note += f", corroborated by {sources} sources"
    else:
        note += ", single source"
    return Confidence(level=level, basis="derived", note=note)


def stated_or_derived(stated: str | None, reliability: str | None) -> Confidence:
    if stated in _LEVELS:
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
            grade = row.get("reliability") or "F"
            self.entries[doc_id] = SourceEntry(
                n=len(self.entries) + 1, document_id=doc_id, title=row.get("title"),
                source=row.get("source") or "Unknown source", published=row.get("published"),
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


SECTION_QUERIES = [
    "brief/timeline", "brief/bluf", "brief/hypotheses", "brief/assumptions", "brief/red_flags_single_source",
    "brief/red_flags_disagreements", "brief/red_flags_sources", "brief/red_flags_stale", "brief/implications",
    "brief/recommendations", "brief/scenarios", "brief/key_entities", "brief/tags",
]


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


def build_brief(driver: Driver, req: BriefRequest, *, runner: Callable | None = None) -> BriefDocument:
    if not req.topic.strip():
        raise InputError("give a topic, e.g. --topic \"North Korea\"")
    if req.since and req.until and req.since > req.until:
        raise InputError(f"--since {req.since} is after --until {req.until}")
    params = _params(req, settings_of(driver).stale_days)
    run = runner or _scoped_runner(driver, params)
    rows = {}
    timeline = run("brief/timeline")
    if not timeline:
        window = "" if not (req.since or req.until) else f" between {req.since or 'the start'} and {req.until or 'now'}"
        who = f" that also mention {req.entity!r}" if req.entity else ""
        raise NotFound(f"no documents match topic {req.topic!r}{who}{window}; "
                       "try a broader topic, or list topics with `intelgraph cypher --query explore/topics`")
    rows["brief/timeline"] = timeline
    for name in SECTION_QUERIES[1:]:
        rows[name] = run(name)

    cites = _Citations()
    sections: list[Section] = []

    def stmt(row, kind, text, confidence, details=None, node_key="id") -> Statement:
        return Statement(node_id=row.get(node_key), kind=kind, text=text, citations=[cites.cite(row)],
                         confidence=confidence, details={k: v for k, v in (details or {}).items() if v is not None})

    # BLUF
    bluf = [stmt(r, f"assessment:{r['kind']}", r["text"], stated_or_derived(r["confidence"], r["reliability"]),
                 {"favors": r["favors"], "extraction_score": r["extraction_score"]})
            for r in rows["brief/bluf"]]
    sections.append(Section(key="bluf", title="Bottom Line Up Front", statements=bluf))

    # Competing hypotheses and their ACH matrices
    hyp_rows = rows["brief/hypotheses"]
    hyps = []
    for r in hyp_rows:
        favored = [f for f in r["favored_by"] if f]
        if favored:
            confidence = stated_or_derived(favored[0]["confidence"], r["reliability"])
        else:
            # a candidate the document's own assessment did not favour: never shown as likely
            confidence = Confidence(level="low", basis="derived", note=(
                f"derived: not favoured by its document's assessment; source reliability {r['reliability'] or 'F'}"))
        hyps.append(stmt(r, "hypothesis", f"Hypothesis {r['label']}: {r['statement']}", confidence,
                         {"label": r["label"], "favored": bool(favored),
                          "evidence_for": sum(1 for e in r["evidence"] if e["direction"] == "SUPPORTS"),
                          "evidence_against": sum(1 for e in r["evidence"] if e["direction"] == "CONTRADICTS")}))
    ach = _ach_matrices(hyp_rows, cites)
    rank = {h.node_id: h.rank for m in ach for h in m.hypotheses}
    for s in hyps:
        s.details["ach_rank"] = rank.get(s.node_id)
    sections.append(Section(key="hypotheses", title="Competing Hypotheses", statements=hyps))

    # Key assumptions and red flags: from the documents, and from the graph itself
    kinds = {"Assumption": "assumption", "InformationGap": "information_gap", "BiasRisk": "bias_risk",
             "Indicator": "indicator"}
    flags = [stmt(r, kinds.get(r["kind"], r["kind"]), r["text"], derived_confidence(r["reliability"]))
             for r in rows["brief/assumptions"]]
    for r in rows["brief/red_flags_single_source"]:
        flags.append(stmt(r, "red_flag:single_source",
                          f"Single-source claim: {r['subject']} —{r['predicate']}→ {r['object']} rests only on "
                          f"{r['source']}: \u201c{r['text']}\u201d", derived_confidence(r["reliability"], 1)))
    for r in rows["brief/red_flags_disagreements"]:
        s = stmt(r, "red_flag:disagreement", _disagreement_text(r), derived_confidence(r["reliability"]))
        s.citations.append(cites.cite(r, "other_passage_id", "other_document_id"))
        s.details.update({"other_node_id": r["other_id"], "shared_entities": r["shared"]})
        flags.append(s)
    for r in rows["brief/red_flags_sources"]:
        if r.get("passage_id"):
            label = get_ontology().term("Reliability", r["reliability"]).label
            flags.append(stmt(r, "red_flag:low_reliability",
                              f"{r['documents']} document(s) from {r['source']}, graded {r['reliability']} "
                              f"({label.lower()})", derived_confidence(r["reliability"]), node_key="document_id"))
    for r in rows["brief/red_flags_stale"]:
        if r.get("passage_id"):
            age = f"{r['age_days']} days old" if r["age_days"] is not None else "undated"
            flags.append(stmt(r, "red_flag:stale", f"Stale information: \u201c{r['title'] or r['document_id']}\u201d "
                              f"is {age}", derived_confidence(r["reliability"]), node_key="document_id"))
    sections.append(Section(key="assumptions", title="Key Assumptions and Red Flags", statements=flags))

    sections.append(Section(key="implications", title="Implications", statements=[
        stmt(r, f"risk:{r['domain']}", r["text"], derived_confidence(r["reliability"]), {"domain": r["domain"]})
        for r in rows["brief/implications"]]))
    outlook = [stmt(r, f"recommendation:{r['horizon']}", r["text"], derived_confidence(r["reliability"]),
                    {"horizon": r["horizon"]}) for r in rows["brief/recommendations"]]
    outlook += [stmt(r, f"scenario:{r['scenario_kind']}", r["text"], derived_confidence(r["reliability"]),
                     {"scenario": r["scenario_kind"]}) for r in rows["brief/scenarios"]]
    sections.append(Section(key="outlook", title="Recommendations and Outlook", statements=outlook))

    entities = []
    for r in rows["brief/key_entities"]:
        rels = [x for x in r["relationships"] if x]
        text = f"{r['name']} ({r['type'] or 'Entity'}): {r['mentions']} mention(s) in {r['documents']} document(s)"
        if rels:
            text += "; " + "; ".join(
                (f"{x['predicate']} {x['other']}" if x["outgoing"] else f"{x['other']} {x['predicate']} it")
                + f" ×{x['count']}" for x in rels)
        entities.append(stmt(r, "entity", text, derived_confidence(r["reliability"], r["documents"]),
                             {"name": r["name"], "type": r["type"], "mentions": r["mentions"],
                              "connections": r["connections"], "relationships": rels}))
    sections.append(Section(key="entities", title="Key Individuals and Entities", statements=entities))

    sections.append(Section(key="tags", title="Thematic Tags", statements=[
        stmt(r, "tag", f"{r['name']} ({r['documents']} document(s))", derived_confidence(r["reliability"], r["documents"]),
             {"name": r["name"], "documents": r["documents"]})
        for r in rows["brief/tags"] if r.get("passage_id")]))

    sections.append(Section(key="timeline", title="Timeline", statements=[
        stmt(r, "document", f"{r['published'] or 'undated'}: {r['title'] or r['document_id']} ({r['source']})"
             + (" [truncated]" if r["truncated"] else ""), derived_confidence(r["reliability"]),
             {"published": r["published"]}, node_key="document_id")
        for r in timeline if r.get("passage_id")]))

    created = dt.datetime.now(dt.timezone.utc)
    title = f"Brief: {req.topic.strip()}" + (f" / {req.entity}" if req.entity else "")
    brief_id = "brief:" + hashlib.sha256(
        json.dumps([params, created.isoformat()], sort_keys=True).encode()).hexdigest()[:24]
    return BriefDocument(id=brief_id, title=title, created_at=created, request=req, queries=SECTION_QUERIES,
                         sections=sections, ach=ach,
                         sources=sorted(cites.entries.values(), key=lambda e: e.n))


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
                entry["marks"][r["label"]] = "C" if e["direction"] == "SUPPORTS" else "I"
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
