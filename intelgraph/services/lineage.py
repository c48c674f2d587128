"""Judgement lineage: documents' judgements that answer the same question, linked in the graph.

Conventions
- A document's judgement is its BLUF assessment, else its ACH assessment (digest
  insights are questions of their own and are never linked).
- `link_in(tx, document_id)` runs inside the document's write transaction (ingest
  passes it to GraphWriter.write_prepared): the document's judgement is compared with
  those of up to CANDIDATES other documents that share an entity or a topic with it,
  by extract.judgements.lineage_link, the one rule (briefs group by its result). Each
  pair that answers the same question gets one REVISES relationship, newer to older
  (published date, then id), with the change (extract.judgements.what_changed), the
  score and the evidence; properties are replaced whole, so linking again changes nothing.
- An analyst's confirm_link or cut_link (Curation nodes, target the newer judgement,
  argument the older) decides a pair whatever the rule says, the last action winning;
  a cut pair is never linked again, on any later ingest or relink.
- The question key: every BLUF and ACH assessment carries `question`, the id of the
  earliest judgement (published, then id) among those its lineage reaches over REVISES
  either way; a judgement no other answers has its own id. Linking joins questions;
  a cut may split one, so cutting walks both sides anew.
"""

from __future__ import annotations

import logging
from typing import Any

import neo4j
from neo4j import Driver

from intelgraph.errors import InputError, NotFound
from intelgraph.extract.judgements import Judgement, Link, bottom_line, lineage_link, what_changed
from intelgraph.graph.curation import record
from intelgraph.graph.driver import run_write
from intelgraph.graph.writer import edge_row
from intelgraph.ontology import R, get_ontology
from intelgraph.queries import query
from intelgraph.queries.catalog import cypher

log = logging.getLogger(__name__)
_PKG = "intelgraph.graph.cypher"
# Other documents a new judgement is compared with: those sharing most with it come
# first in the graph's own order; a bound on the cost of one document's write.
CANDIDATES = 100
# The Assessment kinds that are a document's judgement (a digest's insights are not).
JUDGEMENT_KINDS = ("bluf", "ach")


def _notation(vocabulary: str, notation: str) -> str:
    return get_ontology().term(vocabulary, notation).notation


CONFIRM, CUT = _notation("CurationAction", "confirm_link"), _notation("CurationAction", "cut_link")
FOUND, CONFIRMED = _notation("LinkStatus", "found"), _notation("LinkStatus", "confirmed")


def judgement_of(row: dict[str, Any]) -> Judgement:
    text, _ = bottom_line(row["text"] or "", row.get("start") or 0, row.get("asides") or [])
    f = row.get("favored")
    return Judgement(id=row["id"], document_id=row["document_id"], published=row.get("published"),
                     bottom_line=text, hypotheses=tuple((h["id"], h["statement"]) for h in row.get("hypotheses") or []),
                     favored=(f["id"], f["statement"]) if f else None, confidence=row.get("confidence"),
                     likelihood=row.get("likelihood"), entities=frozenset(row.get("entities") or []),
                     topics=frozenset(row.get("topics") or []))


def _ordered(a: Judgement, b: Judgement) -> tuple[Judgement, Judgement]:
    """(newer, older)."""
    return (a, b) if a.order > b.order else (b, a)


def _decisions(tx: neo4j.ManagedTransaction, ids: list[str]) -> dict[frozenset[str], str]:
    """Pair of judgement ids -> the analyst's last word on it (confirm_link or cut_link)."""
    out: dict[frozenset[str], str] = {}
    for row in tx.run(query("lineage/link_curations"), ids=ids, actions=[CONFIRM, CUT]):
        out[frozenset((row["target"], row["argument"]))] = row["action"]
    return out


def _edge(newer: Judgement, older: Judgement, link: Link, status: str) -> dict[str, Any]:
    changes = what_changed(newer, older)
    row = edge_row(get_ontology().rel(R.REVISES), newer.id, older.id, {
        "change": changes[0], "changes": changes, "score": link.score, "evidence": list(link.evidence),
        "status": status})
    return {"start": row["start"], "end": row["end"], "props": row["props"], "append": row["append"]}


def link_in(tx: neo4j.ManagedTransaction, document_id: str, *, candidates: int = CANDIDATES) -> dict[str, int]:
    """Link the judgement of `document_id` to the other documents' that answer the same
    question; returns counts (linked, unlinked, questions joined)."""
    rows = [r.data() for r in tx.run(query("lineage/judgements"), documents=[document_id], candidates=candidates)]
    own = [r for r in rows if r["own"]]
    if not own:
        return {"linked": 0}
    me = judgement_of(own[0])
    others = {r["id"]: r for r in rows if not r["own"]}
    decided = _decisions(tx, [me.id])
    # a confirmed partner the candidate look-up did not reach (no shared entity or topic)
    for pair, verdict in decided.items():
        other = next(iter(pair - {me.id}), None)
        if verdict == CONFIRM and other and other not in others:
            found = tx.run(query("lineage/document_of"), id=other).single()
            if found is not None:
                for r in tx.run(query("lineage/judgements"), documents=[found["document_id"]], candidates=0):
                    others[r["id"]] = {**r.data(), "own": False}
    edges, cut = [], []
    joined = [own[0]]
    for oid, row in others.items():
        other = judgement_of(row)
        link = lineage_link(me, other)
        verdict = decided.get(frozenset((me.id, oid)))
        if verdict == CUT or (not link.same and verdict != CONFIRM):
            cut.append([me.id, oid])
            continue
        newer, older = _ordered(me, other)
        edges.append(_edge(newer, older, link, CONFIRMED if verdict == CONFIRM else FOUND))
        joined.append(row)
    deleted = 0
    if cut:  # a link the rule no longer makes (a relink after a change of rule), or cut
        deleted = tx.run(cypher(_PKG, "delete_revisions"), pairs=cut).single(strict=True)["deleted"]
    if edges:
        tx.run(cypher(_PKG, "merge_revisions"), rows=edges).consume()
    _join(tx, joined)
    if deleted:  # a question may have split: each side keyed by its own earliest again
        for oid in [me.id] + [other for _, other in cut]:
            _rekey(tx, oid, (others[oid] if oid in others else own[0]).get("published") or "")
    return {"linked": len(edges)}


def _join(tx: neo4j.ManagedTransaction, rows: list[dict[str, Any]]) -> None:
    """One question key for the judgements of `rows` and every judgement their
    questions already hold: the id of the earliest of them."""
    keys: dict[str, str] = {}  # candidate question key -> its judgement's date
    for r in rows:
        if r.get("question"):
            keys[r["question"]] = r.get("question_published") or ""
        keys.setdefault(r["id"], r.get("published") or "")
    question = min(keys, key=lambda k: (keys[k], k))
    ids = [m for r in rows for m in r["members"]]
    tx.run(cypher(_PKG, "set_question"), ids=ids, questions=sorted({r["question"] for r in rows if r.get("question")}),
           question=question).consume()


def _walk(tx: neo4j.ManagedTransaction, start: str) -> dict[str, str]:
    """The judgements a lineage reaches from `start` over REVISES either way: id -> date."""
    seen: dict[str, str] = {}
    frontier = [start]
    while frontier:
        found = {r["id"]: r["published"] or "" for r in tx.run(query("lineage/neighbours"), ids=frontier)}
        frontier = [i for i in found if i not in seen and i != start]
        seen.update(found)
    return seen


def _rekey(tx: neo4j.ManagedTransaction, start: str, published: str) -> None:
    reached = _walk(tx, start)
    reached.setdefault(start, published)
    question = min(reached, key=lambda k: (reached[k], k))
    tx.run(cypher(_PKG, "set_question"), ids=sorted(reached), questions=[], question=question).consume()


# ---- analysts: confirm or cut a link -----------------------------------------------------------

def _pair(tx: neo4j.ManagedTransaction, a: str, b: str) -> tuple[Judgement, Judgement, dict, dict]:
    """The judgements two references name (an Assessment id of a document's BLUF or ACH
    assessment, or a document id), newer first, with their rows."""
    rows = {}
    for ref in (a, b):
        doc = ref if ref.startswith("doc:") else None
        if doc is None:
            found = tx.run(query("lineage/document_of"), id=ref).single()
            if found is None:
                raise NotFound(f"no BLUF or ACH assessment has the id {ref!r}; name a judgement by its "
                               "assessment id or its document id (doc:…)")
            doc = found["document_id"]
        got = [r.data() for r in tx.run(query("lineage/judgements"), documents=[doc], candidates=0)]
        if not got:
            raise NotFound(f"{ref!r}: no document with a BLUF or ACH judgement has this id")
        rows[ref] = got[0]
    ra, rb = rows[a], rows[b]
    if ra["id"] == rb["id"]:
        raise InputError(f"{a!r} and {b!r} name the same judgement ({ra['id']})")
    ja, jb = judgement_of(ra), judgement_of(rb)
    return (ja, jb, ra, rb) if ja.order > jb.order else (jb, ja, rb, ra)


def _target(j: Judgement) -> dict[str, str]:
    return {"id": j.id, "name": j.bottom_line[:200]}


def confirm(driver: Driver, a: str, b: str, *, curator: str, reason: str | None = None) -> dict[str, Any]:
    """An analyst says the two judgements answer the same question: linked (newer to
    older) whatever the rule says, on every later ingest too."""

    def work(tx: neo4j.ManagedTransaction) -> dict[str, Any]:
        newer, older, rn, ro = _pair(tx, a, b)
        tx.run(cypher(_PKG, "merge_revisions"), rows=[_edge(newer, older, lineage_link(newer, older),
                                                           CONFIRMED)]).consume()
        done = record(tx, CONFIRM, _target(newer), older.id, curator, reason)
        _join(tx, [rn, ro])
        return {"curation": done, "link": _link_view(tx, newer.id, older.id)}

    return run_write(driver, work)


def cut(driver: Driver, a: str, b: str, *, curator: str, reason: str | None = None) -> dict[str, Any]:
    """An analyst says the two judgements answer different questions: the link goes, and
    stays gone when either document is written again."""

    def work(tx: neo4j.ManagedTransaction) -> dict[str, Any]:
        newer, older, _, _ = _pair(tx, a, b)
        deleted = tx.run(cypher(_PKG, "delete_revisions"), pairs=[[newer.id, older.id]]).single(strict=True)["deleted"]
        done = record(tx, CUT, _target(newer), older.id, curator, reason)
        # the question may have split in two: each side gets the key of its own earliest
        _rekey(tx, newer.id, newer.published or "")
        _rekey(tx, older.id, older.published or "")
        return {"curation": done, "link": None, "deleted": deleted}

    return run_write(driver, work)


def _link_view(tx: neo4j.ManagedTransaction, newer: str, older: str) -> dict[str, Any] | None:
    row = tx.run(query("lineage/link"), newer=newer, older=older).single()
    return row.data() if row else None


def relink(driver: Driver) -> dict[str, int]:
    """Link every stored document's judgement again, oldest first, one transaction each
    (a graph written before lineage existed, or after a change of the rule)."""
    from intelgraph.graph.driver import read

    docs = [r["id"] for r in read(driver, query("lineage/judged_documents"))]
    linked = 0
    for doc in docs:
        linked += run_write(driver, lambda tx, d=doc: link_in(tx, d))["linked"]
    return {"documents": len(docs), "links_written": linked}
