"""What the workbench's entity page shows beside the API's entity: type evidence, documents
over time, and its neighbourhood as a graph of entities (entity_links.cypher)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from neo4j import Driver

from intelgraph.errors import InputError, NotFound
from intelgraph.graph.lookups import _read, kind_of
from intelgraph.ontology import R

DOCUMENTS = 500
NEIGHBOURS = 40  # linked entities per kind of link
SCAN = 2000  # claims or passages read per kind of link
# The kinds of link the neighbourhood draws, by the relationship they come from
LINK_TYPES = {R.RELATED_TO: "related (drawn from claims)", R.ABOUT: "in one statement",
              R.MENTIONS: "named in one passage"}


def profile(driver: Driver, entity_id: str) -> dict[str, Any]:
    rows = _read(driver, "api/get_entity_profile", {"id": entity_id, "limit": DOCUMENTS})
    if not rows:
        raise NotFound(f"no entity with id {entity_id!r}")
    row = rows[0]
    titles = {d["id"]: d for d in row["documents"]}
    votes = []
    for vote in row.pop("votes"):
        doc, label, n = vote.rsplit("|", 2)  # 'document id|label|mentions', see the ontology's type_votes
        votes.append({"document_id": doc, "label": label, "mentions": int(n),
                      "title": titles.get(doc, {}).get("title"), "published": titles.get(doc, {}).get("published")})
    row["type_votes"] = sorted(votes, key=lambda v: (v["published"] or "", v["document_id"]))
    return row


def links(driver: Driver, entity_id: str, *, rel: str | None = None, since: dt.date | None = None,
          until: dt.date | None = None) -> dict[str, Any]:
    """The entity and its linked entities as a graph: nodes (with mentions, for node size)
    and edges (kind, predicate, how many claims or passages, first and last dates)."""
    if rel is not None and rel not in LINK_TYPES:
        raise InputError(f"rel must be one of {', '.join(LINK_TYPES)}")
    if since and until and since > until:
        raise InputError("since is after until")
    centre = _read(driver, "api/find_entity", {"id": entity_id})
    if not centre:
        raise NotFound(f"no entity with id {entity_id!r}")
    rows = _read(driver, "api/entity_links", {"id": entity_id, "rel": rel, "limit": NEIGHBOURS, "scan": SCAN,
                                              "since": since.isoformat() if since else None,
                                              "until": until.isoformat() if until else None})
    me = get_entity_mentions(driver, entity_id)
    nodes = {entity_id: {"id": entity_id, "name": centre[0]["name"], "type": kind_of(centre[0]["labels"]),
                         "mentions": me}}
    edges = []
    for r in rows:
        nodes.setdefault(r["id"], {"id": r["id"], "name": r["name"], "type": kind_of(r["labels"]),
                                   "mentions": r["mentions"]})
        source, target = (entity_id, r["id"]) if r["forward"] else (r["id"], entity_id)
        edges.append({"source": source, "target": target, "type": r["type"], "predicate": r["predicate"],
                      "polarity": r["polarity"], "count": r["n"], "first": r["first"], "last": r["last"]})
    return {"id": entity_id, "rel": rel, "link_types": [{"type": t, "label": lbl} for t, lbl in LINK_TYPES.items()],
            "nodes": list(nodes.values()), "edges": edges}


def get_entity_mentions(driver: Driver, entity_id: str) -> int:
    rows = _read(driver, "api/get_entity", {"id": entity_id, "limit": 0})
    return rows[0]["mentions"] if rows else 0
