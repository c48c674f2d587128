"""Curation: analysts' corrections of entities, kept in the graph and re-applied on later writes.

Conventions
- Four actions, the ontology's CurationAction vocabulary. merge B into A: B's
  relationships move to A (merged the way the writer merges them, RELATED_TO on its
  recomputed key), A takes B's list properties (aliases) and B's name as an alias, and
  what A's counts gain (B's mentions, claims and documents that were not A's already,
  counted before the move), B is deleted. rename: the old name stays an alias. retype: one entity type label, the others
  removed. reject: the entity and its relationships are deleted; passages and claims stay.
- Each action is one write transaction: the change and its Curation node (action,
  target id, argument, curator, curated_at, reason), all or nothing.
- An entity is named by id, else by exact name, else by exact alias. Several entities
  bearing the name (or, without one, the alias) is an InputError listing them; none is
  NotFound.
- `reapply(tx, ids)` runs in every document's write transaction (graph.writer) for the
  entities that document wrote. Per entity: its last merge or reject, a merge followed
  to the final survivor (a survivor since rejected rejects it too); otherwise its last
  rename and its last retype. Deterministic (actions in curated_at, id order),
  idempotent (a step writes nothing when the graph already agrees) and cheap (one
  indexed look-up of the document's entities; more only for curated ones).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections import Counter
from typing import Any

import neo4j
from neo4j import Driver

from intelgraph.errors import InputError, NotFound
from intelgraph.graph.driver import read, run_write
from intelgraph.graph.lookups import check_entity_type, entity_labels, kind_of, plain
from intelgraph.graph.writer import RECENT_DOCUMENTS, edge_row, merge_edges_statement
from intelgraph.ontology import L, get_ontology
from intelgraph.ontology.records import NodeRecord, check_node, neo4j_props
from intelgraph.queries import query
from intelgraph.queries.catalog import cypher

log = logging.getLogger(__name__)
_PKG = "intelgraph.graph.cypher"
NAME_MAX = 200  # characters of a curated name
_BATCH = 1000  # relationships moved per statement (the writer's default batch)


def _action(notation: str) -> str:
    """An action of the ontology's CurationAction vocabulary (an error at import if it is not one)."""
    return get_ontology().term("CurationAction", notation).notation


_MERGE, _RENAME, _RETYPE, _REJECT = _action("merge"), _action("rename"), _action("retype"), _action("reject")
# A merge or a reject ends an entity: nothing later can name it.
_TERMINAL = frozenset((_MERGE, _REJECT))


# ---- naming an entity -------------------------------------------------------------------------

def resolve(driver: Driver, ref: str) -> dict[str, Any]:
    """The one entity `ref` names: its id, else its exact name, else an exact alias."""
    ref = (ref or "").strip()
    if not ref:
        raise InputError("name an entity by its id, its name or one of its aliases")
    return _one(ref, read(driver, query("curation/find_entity"), {"ref": ref}))


def _one(ref: str, rows: list[dict]) -> dict[str, Any]:
    if not rows:
        raise NotFound(f"no entity has the id, name or alias {ref!r} (matched exactly, case included)")
    for how in ("id", "name"):
        matched = [r for r in rows if r["matched"] == how]
        if len(matched) == 1:
            return _entity(matched[0])
        if matched:
            rows = matched
            break
    if len(rows) == 1:
        return _entity(rows[0])
    shown = "; ".join(f"{r['id']} ({r['name']}, {kind_of(r['labels'])}, {r['mentions']} mentions)" for r in rows[:8])
    more = f" and {len(rows) - 8} more" if len(rows) > 8 else ""
    raise InputError(f"{ref!r} names {len(rows)} entities: {shown}{more}; name one by its id")


def _entity(row: dict) -> dict[str, Any]:
    return {"id": row["id"], "name": row["name"], "type": kind_of(row["labels"]), "aliases": list(row["aliases"])}


# ---- the actions --------------------------------------------------------------------------------

def merge(driver: Driver, into: str, other: str, *, curator: str, reason: str | None = None) -> dict[str, Any]:
    """Merge the entity `other` names into the one `into` names."""
    a, b = resolve(driver, into), resolve(driver, other)
    if a["id"] == b["id"]:
        raise InputError(f"{into!r} and {other!r} are the same entity ({a['id']}); nothing to merge")

    def work(tx: neo4j.ManagedTransaction) -> tuple[dict, Counter]:
        _still_there(tx, a, b)
        moved = merge_into(tx, b["id"], a["id"])
        return record(tx, _MERGE, b, a["id"], curator, reason), moved

    done, moved = run_write(driver, work)
    return {"curation": done, "entity": entity_view(driver, a["id"]), "moved": dict(sorted(moved.items()))}


def rename(driver: Driver, ref: str, name: str, *, curator: str, reason: str | None = None) -> dict[str, Any]:
    target = resolve(driver, ref)
    name = " ".join((name or "").split())
    if not name:
        raise InputError("the new name is empty")
    if len(name) > NAME_MAX:
        raise InputError(f"the new name is {len(name)} characters long; at most {NAME_MAX}")
    if name == target["name"]:
        raise InputError(f"{target['id']} is already named {name!r}")

    def work(tx: neo4j.ManagedTransaction) -> dict:
        _still_there(tx, target)
        set_name(tx, target["id"], name)
        return record(tx, _RENAME, target, name, curator, reason)

    return {"curation": run_write(driver, work), "entity": entity_view(driver, target["id"])}


def retype(driver: Driver, ref: str, label: str, *, curator: str, reason: str | None = None) -> dict[str, Any]:
    target = resolve(driver, ref)
    label = (label or "").strip()
    label = check_entity_type({known.casefold(): known for known in entity_labels()}.get(label.casefold(), label))

    def work(tx: neo4j.ManagedTransaction) -> dict:
        _still_there(tx, target)
        set_type(tx, target["id"], label)
        return record(tx, _RETYPE, target, label, curator, reason)

    return {"curation": run_write(driver, work), "entity": entity_view(driver, target["id"])}


def reject(driver: Driver, ref: str, *, curator: str, reason: str | None = None) -> dict[str, Any]:
    target = resolve(driver, ref)

    def work(tx: neo4j.ManagedTransaction) -> dict:
        _still_there(tx, target)
        remove(tx, target["id"])
        return record(tx, _REJECT, target, None, curator, reason)

    return {"curation": run_write(driver, work), "entity": None}


def _still_there(tx: neo4j.ManagedTransaction, *entities: dict) -> None:
    for entity in entities:
        if tx.run(query("api/find_entity"), id=entity["id"]).single() is None:
            raise NotFound(f"{entity['id']} ({entity['name']}) is no longer in the graph")


def record(tx: neo4j.ManagedTransaction, action: str, target: dict, argument: str | None, curator: str,
           reason: str | None) -> dict[str, Any]:
    """Store one curation action (target: {id, name}); services.lineage records link curations with it."""
    curator = " ".join((curator or "").split())
    if not curator:
        raise InputError("say who curates (--by NAME)")
    reason = " ".join(reason.split()) if reason else None
    at = dt.datetime.now(dt.timezone.utc)
    digest = hashlib.sha256("|".join((action, target["id"], argument or "", curator, at.isoformat())).encode())
    props = {"action": action, "target": target["id"], "target_name": target["name"], "argument": argument,
             "curator": curator, "curated_at": at.isoformat(), "reason": reason}
    node = NodeRecord(label=L.Curation, id=f"curation:{digest.hexdigest()[:32]}",
                      props={k: v for k, v in props.items() if v is not None})
    onto = get_ontology()
    check_node(onto, node)
    tx.run(cypher(_PKG, "create_curation"), id=node.id,
           props=neo4j_props(onto.cls(L.Curation).properties, node.props)).consume()
    return {"id": node.id, **{k: v for k, v in props.items()}}


# ---- the changes, inside a transaction (shared by the actions and reapply) ------------------------

def merge_into(tx: neo4j.ManagedTransaction, from_id: str, into_id: str) -> Counter:
    """Move every relationship of `from_id` onto `into_id`, then delete `from_id`;
    returns the relationships moved, by type."""
    onto = get_ontology()
    # what the survivor's counts gain, before the move merges the relationships it has already
    gain = tx.run(cypher(_PKG, "count_merge_gain"), into=into_id, **{"from": from_id},
                  keep=RECENT_DOCUMENTS).single(strict=True).data()
    rows, moved = [], Counter()
    for rel in tx.run(cypher(_PKG, "find_entity_edges"), id=from_id):
        if rel["other"] == into_id:  # a relation between the two goes with the merged one
            continue
        spec = onto.rel(rel["type"])
        start, end = (into_id, rel["other"]) if rel["outgoing"] else (rel["other"], into_id)
        rows.append(edge_row(spec, start, end, {k: v for k, v in rel["props"].items() if k in spec.properties}))
        moved[rel["type"]] += 1
    statement = merge_edges_statement(onto)
    for i in range(0, len(rows), _BATCH):
        tx.run(statement, rows=rows[i:i + _BATCH]).consume()
    lists = sorted({p.name for p in onto.cls(L.Entity).properties.values() if p.multiple and not p.derived})
    tx.run(cypher(_PKG, "absorb_entity"), into=into_id, **{"from": from_id}, lists=lists, gain=gain,
           keep=RECENT_DOCUMENTS).consume()
    return moved


def set_name(tx: neo4j.ManagedTransaction, entity_id: str, name: str) -> int:
    return tx.run(cypher(_PKG, "rename_entity"), id=entity_id, name=name).single(strict=True)["changed"]


def set_type(tx: neo4j.ManagedTransaction, entity_id: str, label: str) -> int:
    keep = set(get_ontology().labels_for(label))
    others = [lbl for lbl in entity_labels() if lbl not in keep]
    return tx.run(cypher(_PKG, "retype_entity"), id=entity_id, label=label,
                  others=others).single(strict=True)["changed"]


def remove(tx: neo4j.ManagedTransaction, entity_id: str) -> int:
    return tx.run(cypher(_PKG, "delete_entity"), id=entity_id).single(strict=True)["deleted"]


# ---- re-applying on later writes -------------------------------------------------------------------

def reapply(tx: neo4j.ManagedTransaction, entity_ids: list[str]) -> Counter:
    """Make the curations of these entities (just written by a document) hold again.
    Returns the steps taken, by action."""
    if not entity_ids:
        return Counter()
    known = _actions_by_target(tx, entity_ids)
    done: Counter = Counter()
    for target in sorted(known):
        actions = known[target]
        terminal = next((a for a in reversed(actions) if a["action"] in _TERMINAL), None)
        if terminal is not None:
            survivor = _final(tx, target, known)
            if survivor is None:
                done[_REJECT] += remove(tx, target)
            elif survivor != target and _exists(tx, survivor):
                merge_into(tx, target, survivor)
                done[_MERGE] += 1
            continue
        renamed = next((a for a in reversed(actions) if a["action"] == _RENAME), None)
        if renamed is not None:
            done[_RENAME] += set_name(tx, target, renamed["argument"])
        retyped = next((a for a in reversed(actions) if a["action"] == _RETYPE), None)
        if retyped is not None:
            done[_RETYPE] += set_type(tx, target, retyped["argument"])
    if done:
        log.info("re-applied curations: %s", dict(done))
    return done


def _actions_by_target(tx: neo4j.ManagedTransaction, ids: list[str]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for row in tx.run(query("curation/for_targets"), ids=ids):
        out.setdefault(row["target"], []).append(row.data())
    return out


def _final(tx: neo4j.ManagedTransaction, entity_id: str, known: dict[str, list[dict]]) -> str | None:
    """Where the merges from `entity_id` end: the surviving id, or None when an entity on
    the way was rejected."""
    seen: set[str] = set()
    while entity_id not in seen:
        seen.add(entity_id)
        if entity_id not in known:
            known.update(_actions_by_target(tx, [entity_id]))
        terminal = next((a for a in reversed(known.get(entity_id, [])) if a["action"] in _TERMINAL), None)
        if terminal is None:
            return entity_id
        if terminal["action"] == _REJECT:
            return None
        entity_id = terminal["argument"]
    return entity_id  # merges that close a circle (only a hand-edited graph has one): stop there


def _exists(tx: neo4j.ManagedTransaction, entity_id: str) -> bool:
    if tx.run(query("api/find_entity"), id=entity_id).single() is None:
        log.warning("curation: %s was merged into an entity that is no longer in the graph", entity_id)
        return False
    return True


# ---- reading -----------------------------------------------------------------------------------------

def entity_view(driver: Driver, entity_id: str) -> dict[str, Any] | None:
    """An entity with its aliases and how often each name is mentioned."""
    rows = read(driver, query("curation/entity"), {"id": entity_id})
    if not rows:
        return None
    row = rows[0]
    return {"id": row["id"], "name": row["name"], "type": kind_of(row["labels"]), "aliases": list(row["aliases"]),
            "mentioned_as": row["mentioned_as"], "mentions": row["mentions"]}


def history(driver: Driver, ref: str) -> dict[str, Any]:
    """What analysts did to the entity `ref` names (and to the entities merged into it), oldest
    first; `ref` may also name an entity that a merge or reject took out."""
    ref = (ref or "").strip()
    if not ref:
        raise InputError("name an entity by its id, its name or one of its aliases")
    rows = read(driver, query("curation/find_entity"), {"ref": ref})
    entity = _one(ref, rows) if rows else None
    if entity is not None:
        ids = {entity["id"]}
    else:
        ids = {r["target"] for r in read(driver, query("curation/actions_named"), {"name": ref})}
        if not ids:
            raise NotFound(f"no entity has the id, name or alias {ref!r}, and no curation names it")
    actions: list[dict] = []
    while True:  # the entities merged into these, and into those, have their history here too
        actions = read(driver, query("curation/actions_on"), {"ids": sorted(ids)})
        more = {a["target"] for a in actions if a["action"] == _MERGE and a["argument"] in ids} - ids
        if not more:
            break
        ids |= more
    return {"entity": entity_view(driver, entity["id"]) if entity else None,
            "actions": [plain(a) for a in actions]}
