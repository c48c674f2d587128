"""Constraints and indexes derived from the ontology, applied idempotently.

- a uniqueness constraint on `id` for the key label and for every node label;
- one full-text index per ig:fulltext name (e.g. entity_names over name and aliases);
- a range index for every ig:indexed property, on the most general labels carrying it;
- a uniqueness constraint for every ig:unique relationship property (RELATED_TO.key).
DDL cannot take parameters, so statements are built here from ontology names only
(checked identifiers), never from input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import neo4j
from neo4j import Driver

from intelgraph.errors import OntologyError
from intelgraph.graph.driver import run_read, run_write
from intelgraph.ontology.model import Ontology, get_ontology

_IDENT = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class SchemaItem:
    name: str
    kind: str  # constraint | fulltext | range
    labels: tuple[str, ...]  # labels, or the relationship type when entity is "relationship"
    properties: tuple[str, ...]
    entity: str = "node"  # node | relationship

    def ddl(self) -> str:
        for ident in (self.name, *self.labels, *self.properties):
            if not _IDENT.match(ident):
                raise OntologyError(f"{ident!r} is not a valid Neo4j identifier")
        if self.kind == "constraint" and self.entity == "relationship":
            (rel_type,), (prop,) = self.labels, self.properties
            return f"CREATE CONSTRAINT {self.name} IF NOT EXISTS FOR ()-[r:{rel_type}]-() REQUIRE r.{prop} IS UNIQUE"
        if self.kind == "constraint":
            (label,) = self.labels
            return f"CREATE CONSTRAINT {self.name} IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
        if self.kind == "fulltext":
            labels = "|".join(self.labels)
            props = ", ".join(f"n.{p}" for p in self.properties)
            # Eventually consistent: Lucene updates leave the commit path (they cost more
            # than the rest of a document's write); ingest waits for them once at its end.
            return (f"CREATE FULLTEXT INDEX {self.name} IF NOT EXISTS FOR (n:{labels}) ON EACH [{props}] "
                    "OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}}")
        (label,) = self.labels
        props = ", ".join(f"n.{p}" for p in self.properties)
        return f"CREATE INDEX {self.name} IF NOT EXISTS FOR (n:{label}) ON ({props})"


def _snake(label: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", label).lower()


def desired_schema(onto: Ontology | None = None) -> list[SchemaItem]:
    onto = onto or get_ontology()
    items = [SchemaItem(f"{_snake(label)}_id", "constraint", (label,), ("id",))
             for label in (onto.key_label, *sorted(onto.labels))]
    for name, entry in sorted(onto.fulltext_indexes().items()):
        items.append(SchemaItem(name, "fulltext", tuple(entry["labels"]), tuple(entry["properties"])))
    seen: set[tuple[str, str]] = set()
    for label, spec in sorted(onto.classes.items()):
        for prop in spec.properties.values():
            if not prop.indexed:
                continue
            # the most general label carrying the property covers its sub-labels
            top = next(lbl for lbl in spec.labels[1:] if prop.name in onto.cls(lbl).properties)
            if (top, prop.name) not in seen:
                seen.add((top, prop.name))
                items.append(SchemaItem(f"{_snake(top)}_{prop.name}", "range", (top,), (prop.name,)))
    for rel_type, rel in sorted(onto.relationships.items()):
        for prop in rel.properties.values():
            if prop.unique:
                items.append(SchemaItem(f"{rel_type.lower()}_{prop.name}", "constraint", (rel_type,),
                                        (prop.name,), entity="relationship"))
    return items


# Items earlier versions of the ontology defined; `apply` drops them (they cost every
# write and nothing reads them). Other indexes in the database are left alone.
RETIRED = ("statement_text",)



def backfill_statement(rel_type: str, onto: Ontology | None = None) -> str | None:
    """For a keyed relationship type (an ig:unique property), the statement that gives
    relationships written before the key existed theirs, composed as the writer
    composes it (ig:keyFormat, graph.writer.edge_key); run before the uniqueness
    constraint is created. Names come from the ontology and are checked as identifiers."""
    spec = (onto or get_ontology()).rel(rel_type)
    key = spec.key
    if key is None:
        return None
    names = [rel_type, key.name, *(p for p in key.key_format if p not in ("start", "end"))]
    for name in names:
        if not _IDENT.match(name):
            raise OntologyError(f"{name!r} is not a valid Neo4j identifier")
    # A key part with a vocabulary default (RELATED_TO.polarity: positive) that an older
    # relationship lacks takes the default, as the writer then recorded nothing else.
    defaults = {p: _default_of(onto or get_ontology(), spec, p) for p in key.key_format if p not in ("start", "end")}
    sets = "".join(f"SET r.{p} = coalesce(r.{p}, '{d}') " for p, d in defaults.items() if d is not None)
    parts = " + '|' + ".join("a.id" if p == "start" else "b.id" if p == "end" else f"r.{p}" for p in key.key_format)
    return (f"MATCH (a)-[r:{rel_type}]->(b) WHERE r.{key.name} IS NULL "
            f"CALL (a, r, b) {{ {sets}SET r.{key.name} = {parts} }} IN TRANSACTIONS OF 10000 ROWS")


def _default_of(onto: Ontology, spec, prop: str) -> str | None:
    """The default notation of a relationship property's vocabulary, checked as a plain word."""
    p = spec.properties.get(prop)
    if p is None or p.vocabulary is None:
        return None
    try:
        value = onto.default(p.vocabulary)
    except OntologyError:
        return None
    if not _IDENT.match(value):
        raise OntologyError(f"{value!r} is not a plain word")
    return value


def apply_schema(driver: Driver, *, database: str | None = None, onto: Ontology | None = None) -> list[str]:
    """Create what is missing; returns the names of items created. An index that carries
    one of our names but an older definition (the ontology changed) is dropped and
    created anew."""
    existing = existing_schema(driver, database=database)
    before = {_existing_signature(r) for r in existing}
    by_name = {r["name"]: r for r in existing}
    created = []
    for name in RETIRED:
        if name in by_name:
            _drop(driver, by_name[name], database)
    for item in desired_schema(onto):
        if _desired_signature(item) in before:
            continue
        old = by_name.get(item.name)
        if old is not None:
            _drop(driver, old, database)
        backfill = backfill_statement(item.labels[0], onto) if item.entity == "relationship" else None
        if backfill:
            # CALL … IN TRANSACTIONS needs an implicit (auto-commit) transaction
            with driver.session(database=database) as session:
                session.run(backfill).consume()
        run_write(driver, lambda tx, q=item.ddl(): tx.run(q).consume(), database=database)
        created.append(item.name)
    run_write(driver, lambda tx: tx.run("CALL db.awaitIndexes(300)").consume(), database=database)
    return created


def fill_entity_counts(driver: Driver, *, database: str | None = None, batch: int = 500) -> int:
    """Give entities written before the writer kept their counts (mention_count and the
    other ig:derived properties, the second part of graph/cypher/count_entities.cypher)
    those counts, a batch of entities per transaction; returns how many were counted (0
    when none lack them: one scan of the entities). Run it while nothing writes
    (`intelgraph schema apply`): a document written at the same time may be counted
    twice or not at all."""
    from intelgraph.graph.writer import RECENT_DOCUMENTS
    from intelgraph.queries.catalog import cypher

    ids = [r["id"] for r in run_read(driver, lambda tx: tx.run(
        cypher("intelgraph.graph.cypher", "find_uncounted_entities")).data(), database=database)]
    for i in range(0, len(ids), batch):
        chunk = ids[i:i + batch]
        run_write(driver, lambda tx, c=chunk: tx.run(
            cypher("intelgraph.graph.cypher", "count_entities"), documents=[], ids=c, keep=RECENT_DOCUMENTS,
        ).consume(), database=database)
    return len(ids)


def _drop(driver: Driver, item: dict, database: str | None) -> None:
    if not _IDENT.match(item["name"]):
        raise OntologyError(f"{item['name']!r} is not a valid Neo4j identifier")
    kind = "CONSTRAINT" if item["kind"] == "constraint" else "INDEX"
    run_write(driver, lambda tx, q=f"DROP {kind} {item['name']} IF EXISTS": tx.run(q).consume(), database=database)


def existing_schema(driver: Driver, *, database: str | None = None) -> list[dict]:
    def work(tx: neo4j.ManagedTransaction) -> list[dict]:
        rows = [r.data() for r in tx.run(
            "SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, state, owningConstraint, options "
            "RETURN name, type, entityType, labelsOrTypes, properties, state, owningConstraint, "
            "options.indexConfig['fulltext.eventually_consistent'] AS eventual")]
        return rows

    rows = run_read(driver, work, database=database)
    out = []
    for r in rows:
        if r["type"] == "LOOKUP":
            continue  # Neo4j's own token lookup indexes
        kind = "constraint" if r["owningConstraint"] else ("fulltext" if r["type"] == "FULLTEXT" else "range")
        name = r["owningConstraint"] or r["name"]
        out.append({"name": name, "kind": kind, "labels": tuple(r["labelsOrTypes"] or ()),
                    "properties": tuple(r["properties"] or ()), "state": r["state"],
                    "eventual": bool(r["eventual"]), "entity": str(r["entityType"]).lower()})
    return out


def _signature(kind: str, labels, properties, eventual: bool = False, entity: str = "node") -> tuple:
    # Items are compared by what they cover, not by name: Neo4j treats an equivalent
    # constraint under another name as already present. Our full-text indexes are
    # eventually consistent; one that is not counts as a different definition.
    return (kind, entity, tuple(sorted(labels)), tuple(sorted(properties)), bool(eventual))


def _desired_signature(item: SchemaItem) -> tuple:
    return _signature(item.kind, item.labels, item.properties, item.kind == "fulltext", item.entity)


def _existing_signature(row: dict) -> tuple:
    return _signature(row["kind"], row["labels"], row["properties"], row["eventual"], row["entity"])


def schema_diff(driver: Driver, *, database: str | None = None, onto: Ontology | None = None) -> dict:
    desired = {_desired_signature(i): i for i in desired_schema(onto)}
    existing = existing_schema(driver, database=database)
    have = {_existing_signature(r): r for r in existing}
    return {
        "desired": list(desired.values()),
        "existing": existing,
        "missing": sorted(desired[s].name for s in set(desired) - set(have)),
        "extra": sorted(have[s]["name"] for s in set(have) - set(desired)),
    }


def await_fulltext(driver: Driver, *, database: str | None = None) -> None:
    """Block until the eventually consistent full-text indexes have caught up."""
    run_read(driver, lambda tx: tx.run("CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()").consume(),
             database=database)


def ensure_schema(driver: Driver, *, database: str | None = None) -> list[str]:
    """Apply the schema only when something is missing (one SHOW query otherwise)."""
    if schema_diff(driver, database=database)["missing"]:
        return apply_schema(driver, database=database)
    return []
