"""Read services behind the HTTP API: entities, neighbourhoods, paths, hypotheses, documents.

Conventions
- Each function takes a driver and runs named queries from queries/api/ in one managed
  read transaction, with the settings' query timeout; values travel only as parameters.
- Results are plain JSON-able data (`plain()` turns Neo4j dates, times, points and
  non-finite floats into strings and maps), so the API and the CLI can hand them on.
- An id that names nothing of the expected kind raises NotFound; a label or
  relationship type the ontology does not define raises OntologyError, before any
  query runs. How large a page or how deep a walk a client may ask for is the API's
  to bound (api/params.py); here a bound is only checked to be usable.
- Lists are pages: a query is asked for limit + 1 rows, so `next_offset` says whether
  there is more without a second counting query.
- Logs carry query names and row counts, never parameter values.
"""

from __future__ import annotations

import base64
import logging
import math
import re
import time
from typing import Any

import neo4j
import neo4j.graph
import neo4j.spatial
import neo4j.time
from neo4j import Driver

from intelgraph.errors import InputError, NotFound, OntologyError
from intelgraph.graph.driver import run_read, settings_of
from intelgraph.graph.writer import RECENT_DOCUMENTS
from intelgraph.ontology import L, R, get_ontology
from intelgraph.queries import query

log = logging.getLogger(__name__)

# The path queries search at most this many entity-to-entity hops: Cypher cannot take
# a variable-length bound as a parameter, so find_path_*.cypher spell it out.
PATH_HOP_CEILING = 6
# Neighbourhood fan-out: relationships followed from any one node per hop.
FANOUT_PER_NODE = 50
CLAIMS_PER_HOP = 5

_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')


# ---- plain values ---------------------------------------------------------------------------

def plain(value: Any) -> Any:
    """A value from the driver as JSON-able data (recursively)."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        if math.isfinite(value):
            return value
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    # Durations and points are tuples: they must be caught before lists and tuples are
    if isinstance(value, (neo4j.time.Date, neo4j.time.DateTime, neo4j.time.Time, neo4j.time.Duration)):
        return value.iso_format()
    if isinstance(value, neo4j.spatial.Point):
        return {"srid": value.srid, "coordinates": [plain(c) for c in value]}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if hasattr(value, "isoformat"):  # datetime.date/datetime/time
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, neo4j.graph.Node):
        return {"id": value.get("id"), "labels": sorted(value.labels), "properties": plain(dict(value))}
    if isinstance(value, neo4j.graph.Relationship):
        return {"type": value.type, "start": value.start_node.get("id") if value.start_node else None,
                "end": value.end_node.get("id") if value.end_node else None, "properties": plain(dict(value))}
    return str(value)


# ---- ontology checks --------------------------------------------------------------------------

def kind_of(labels: list[str] | None) -> str | None:
    """The most specific ontology label among a node's labels (Person over Entity)."""
    onto = get_ontology()
    known = [lbl for lbl in (labels or []) if lbl in onto.classes]
    if not known:
        return None
    return max(known, key=lambda lbl: (len(onto.classes[lbl].labels), lbl))


def entity_labels() -> list[str]:
    """Labels of the ontology's entity classes (Entity and its sub-classes)."""
    onto = get_ontology()
    return sorted(name for name, spec in onto.classes.items() if L.Entity in spec.labels)


def check_entity_type(label: str | None) -> str | None:
    if label is None:
        return None
    allowed = entity_labels()
    if label not in allowed:
        raise OntologyError(f"unknown entity type {label!r}; the ontology defines {', '.join(allowed)}")
    return label


def check_rel_type(rel: str | None) -> str | None:
    if rel is None:
        return None
    return get_ontology().rel(rel).name


def lucene_query(text: str) -> str:
    """User text as a safe full-text query: special characters escaped, each word
    matched whole or as a prefix (so `valdo` finds Valdoria)."""
    words = [w for w in text.split() if w]
    terms = []
    for word in words:
        escaped = _LUCENE_SPECIAL.sub(r"\\\1", word.lower())  # lower case: AND/OR/NOT stay words
        if not escaped.strip("\\"):
            continue
        terms.append(escaped)
        if len(word) >= 3:
            terms.append(escaped + "*")
    if not terms:
        raise InputError("the search text has no words to look for")
    return " ".join(terms)


def _check_page(offset: int, limit: int) -> None:
    if limit < 1:
        raise InputError("limit must be 1 or more")
    if offset < 0:
        raise InputError("offset must be 0 or more")


def _page(rows: list[dict], offset: int, limit: int) -> dict[str, Any]:
    return {"items": rows[:limit], "offset": offset, "limit": limit,
            "next_offset": offset + limit if len(rows) > limit else None}


# ---- running named queries --------------------------------------------------------------------

def _run(tx: neo4j.ManagedTransaction, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    started = time.perf_counter()
    rows = [plain(r.data()) for r in tx.run(query(name), params)]
    log.debug("query %s: %d rows in %.1f ms", name, len(rows), (time.perf_counter() - started) * 1000)
    return rows


def _read(driver: Driver, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    return run_read(driver, lambda tx: _run(tx, name, params), timeout=settings_of(driver).query_timeout)


# ---- entities ---------------------------------------------------------------------------------

def _entity_row(row: dict) -> dict:
    row["type"] = kind_of(row.get("labels"))
    row["aliases"] = row.get("aliases") or []
    return row


def search_entities(driver: Driver, text: str | None = None, *, entity_type: str | None = None,
                    offset: int = 0, limit: int = 20) -> dict[str, Any]:
    """Entities matching `text` in the entity_names full-text index (best first), or all
    entities by name when there is no text; optionally of one entity type."""
    _check_page(offset, limit)
    params = {"type": check_entity_type(entity_type), "offset": offset, "limit": limit + 1}
    if text is not None and text.strip():
        rows = _read(driver, "api/search_entities", {**params, "q": lucene_query(text)})
    else:
        rows = _read(driver, "api/list_entities", params)
    return _page([_entity_row(r) for r in rows], offset, limit)


def get_entity(driver: Driver, entity_id: str, *, documents: int = 10) -> dict[str, Any]:
    """An entity, its counts and its newest documents, read from what the node keeps
    (constant cost); counted from its relationships when the node has no counts yet or
    more documents are asked for than it keeps (api/count_entity)."""
    rows = []
    if documents <= RECENT_DOCUMENTS:
        rows = _read(driver, "api/get_entity", {"id": entity_id, "limit": documents})
    if not rows or not rows[0].pop("counted"):
        rows = _read(driver, "api/count_entity", {"id": entity_id, "limit": documents})
    if not rows:
        raise NotFound(f"no entity with id {entity_id!r}")
    row = rows[0]
    entity = row.pop("entity")
    return _entity_row({**entity, **row})


def neighbors(driver: Driver, entity_id: str, *, depth: int = 1, rel: str | None = None,
              limit: int = 100) -> dict[str, Any]:
    """The graph around an entity, breadth first up to `depth` hops: at most
    FANOUT_PER_NODE relationships from any node per hop and `limit` new ones per hop."""
    if depth < 1:
        raise InputError("depth must be 1 or more")
    _check_page(0, limit)
    rel = check_rel_type(rel)

    def work(tx: neo4j.ManagedTransaction) -> dict[str, Any]:
        start = _run(tx, "api/find_entity", {"id": entity_id})
        if not start:
            raise NotFound(f"no entity with id {entity_id!r}")
        s = start[0]
        nodes: dict[str, dict] = {entity_id: {"id": entity_id, "labels": s["labels"], "type": kind_of(s["labels"]),
                                               "caption": s["name"], "depth": 0}}
        edges: dict[tuple, dict] = {}
        frontier, truncated = [entity_id], False
        for hop in range(1, depth + 1):
            if not frontier:
                break
            rows = _run(tx, "api/expand_neighbors", {"frontier": frontier, "seen": list(nodes), "rel": rel,
                                                      "per_node": FANOUT_PER_NODE, "limit": limit})
            per_source: dict[str, int] = {}
            frontier = []
            for row in rows:
                per_source[row["source"]] = per_source.get(row["source"], 0) + 1
                node, r = row["node"], row["rel"]
                if node["id"] not in nodes:
                    nodes[node["id"]] = {**node, "type": kind_of(node["labels"]), "depth": hop}
                    frontier.append(node["id"])
                props = r.get("props") or {}
                edges.setdefault((r["type"], r["start"], r["end"], props.get("predicate")), r)
            if len(rows) >= limit or any(n >= FANOUT_PER_NODE for n in per_source.values()):
                truncated = True
        return {"id": entity_id, "depth": depth, "rel": rel, "nodes": list(nodes.values()),
                "edges": list(edges.values()), "truncated": truncated}

    return run_read(driver, work, timeout=settings_of(driver).query_timeout)


def entity_claims(driver: Driver, entity_id: str, *, offset: int = 0, limit: int = 20) -> dict[str, Any]:
    _check_page(offset, limit)
    rows = _read(driver, "api/list_entity_claims", {"id": entity_id, "offset": offset, "limit": limit + 1})
    if not rows:
        raise NotFound(f"no entity with id {entity_id!r}")
    return _page(rows[0]["items"], offset, limit)


# ---- paths ------------------------------------------------------------------------------------

def _hops(nodes: list[dict], rels: list[dict]) -> list[dict]:
    """Entity-to-entity steps of a path: a RELATED_TO relationship, or a claim about both."""
    hops: list[dict] = []
    i = 0
    while i < len(rels):
        here, r = nodes[i], rels[i]
        if r["type"] == R.RELATED_TO:
            claim_ids = r.get("claim_ids") or []
            hops.append({"from_id": here["id"], "to_id": nodes[i + 1]["id"], "via": R.RELATED_TO,
                         "predicate": r.get("predicate"), "polarity": r.get("polarity"),
                         "modality": r.get("modality") or [], "forward": r["start"] == here["id"],
                         "claim_count": len(claim_ids), "claim_ids": claim_ids[:CLAIMS_PER_HOP]})
            i += 1
        else:  # entity <-ABOUT- claim -ABOUT-> entity
            claim = nodes[i + 1]
            hops.append({"from_id": here["id"], "to_id": nodes[i + 2]["id"], "via": "claim",
                         "predicate": None, "forward": True, "claim_count": 1, "claim_ids": [claim["id"]]})
            i += 2
    return hops


def shortest_path(driver: Driver, from_id: str, to_id: str, *, max_hops: int = 3,
                  via_claims: bool = False) -> dict[str, Any]:
    """The shortest chain between two entities over RELATED_TO (and, with via_claims,
    through claims about both), with the claims behind each hop."""
    if not 1 <= max_hops <= PATH_HOP_CEILING:
        raise InputError(f"max_hops must be between 1 and {PATH_HOP_CEILING}")
    if from_id == to_id:
        raise InputError("from and to are the same entity; a path needs two")
    name = "api/find_path_claims" if via_claims else "api/find_path_related"

    def work(tx: neo4j.ManagedTransaction) -> dict[str, Any]:
        [row] = _run(tx, name, {"from": from_id, "to": to_id})
        for key, value in (("from_id", from_id), ("to_id", to_id)):
            if row[key] is None:
                raise NotFound(f"no entity with id {value!r}")
        out = {"from_id": from_id, "to_id": to_id, "via_claims": via_claims, "max_hops": max_hops,
               "found": False, "nodes": [], "hops": []}
        if row["nodes"] is None:
            return out
        hops = _hops(row["nodes"], row["rels"])
        if len(hops) > max_hops:  # the shortest is longer than allowed: there is none within it
            return out
        wanted = sorted({cid for h in hops for cid in h["claim_ids"]})
        claims = {c["id"]: c for c in _run(tx, "api/get_claims", {"ids": wanted})}
        for h in hops:
            h["claims"] = [claims[c] for c in h.pop("claim_ids") if c in claims]
        entities = [n for n in row["nodes"] if L.Entity in (n.get("labels") or [])]
        out.update(found=True, nodes=[{**n, "type": kind_of(n["labels"])} for n in entities], hops=hops)
        return out

    return run_read(driver, work, timeout=settings_of(driver).query_timeout)


# ---- hypotheses -------------------------------------------------------------------------------

def list_hypotheses(driver: Driver, *, topic: str | None = None, offset: int = 0, limit: int = 20) -> dict[str, Any]:
    _check_page(offset, limit)
    topic = topic.strip() if topic and topic.strip() else None
    rows = _read(driver, "api/list_hypotheses", {"topic": topic, "offset": offset, "limit": limit + 1})
    return _page(rows, offset, limit)


def get_hypothesis(driver: Driver, hypothesis_id: str) -> dict[str, Any]:
    """The ACH view of one hypothesis."""
    rows = _read(driver, "api/get_hypothesis", {"id": hypothesis_id})
    if not rows:
        raise NotFound(f"no hypothesis with id {hypothesis_id!r}")
    row = rows[0]
    return {**row.pop("hypothesis"), **row}


# ---- documents --------------------------------------------------------------------------------

def list_documents(driver: Driver, *, offset: int = 0, limit: int = 20) -> dict[str, Any]:
    _check_page(offset, limit)
    rows = _read(driver, "api/list_documents", {"offset": offset, "limit": limit + 1})
    return _page(rows, offset, limit)


def get_document(driver: Driver, document_id: str, *, include_text: bool = False,
                 limit: int | None = None) -> dict[str, Any]:
    """A document with its publisher, origins, topics, main entities and extracted objects grouped
    by label (at most `limit` objects, default the row cap)."""
    limit = limit or settings_of(driver).row_cap
    rows = _read(driver, "api/get_document", {"id": document_id, "include_text": include_text, "limit": limit})
    if not rows:
        raise NotFound(f"no document with id {document_id!r}")
    row = rows[0]
    objects: dict[str, list[dict]] = {}
    for obj in row["objects"]:
        label = kind_of(obj["labels"]) or get_ontology().key_label
        objects.setdefault(label, []).append(
            {**obj["props"], "passage_id": obj["passage_id"], "start": obj["start"], "end": obj["end"]})
    doc = row["document"]
    if not include_text:
        doc.pop("text", None)
    return {**doc, "source": row["source"], "origins": row["origins"], "topics": row["topics"],
            "entities": [{**e, "type": kind_of(e["labels"])} for e in row["entities"]],
            "objects": dict(sorted(objects.items())),
            "objects_truncated": len(row["objects"]) >= limit}
