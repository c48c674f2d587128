"""The graph writer: GraphDocuments into Neo4j, one managed transaction each.

Every record is checked against the ontology before anything is sent. Nodes are
merged on (:Node {id}) in batches of `batch_size` rows (UNWIND), relationships per
type; scalar properties are overwritten, list properties merged as sets, so writing
the same document again changes nothing. A document is all or nothing: any failure
inside its transaction rolls the whole document back. Analysts' curations of the
entities a document wrote are re-applied inside that same transaction (graph.curation).

Document nodes are merged first, and a write knows which of its documents it made
(WriteResult.created_documents): only those count as new, and only they add to the
counts an Entity keeps for its reads (mention_count, document_count, claim_count,
recent_documents: ontology properties marked ig:derived), walked from the documents'
own passages so the cost of a write does not grow with its entities. An entity without
counts (just made, or written before they were kept) is counted whole instead.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, LiteralString, cast

import neo4j
from neo4j import Driver

from intelgraph.errors import IntelgraphError, OntologyError
from intelgraph.queries.catalog import cypher
from intelgraph.graph.driver import run_write, settings_of
from intelgraph.ontology import L
from intelgraph.ontology.model import Ontology, RelSpec, get_ontology
from intelgraph.ontology.records import GraphDocument, neo4j_props

log = logging.getLogger(__name__)
_PKG = "intelgraph.graph.cypher"
# Newest documents an Entity keeps (recent_documents): what GET /entities/{id} lists.
RECENT_DOCUMENTS = 10


@dataclass
class WriteResult:
    document_id: str
    nodes_created: int = 0
    relationships_created: int = 0
    properties_set: int = 0
    labels_added: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)  # records per label / type in the document
    created_documents: list[str] = field(default_factory=list)  # the Document nodes this write made

    @property
    def created(self) -> bool:
        """This write made the document (another write had not made it already)."""
        return self.document_id in self.created_documents


class _Rows(list):
    """Parameter rows with a short repr. The Neo4j driver (6.x) formats its debug line
    for every RUN, a repr of all the parameters, even when debug logging is off; for
    a document's rows that cost ~0.8 ms of CPU per document, a sixth of the driver's
    share of a write (measured side by side on a warm server)."""

    def __repr__(self) -> str:
        return f"<{len(self)} rows>"


def _chunks(rows: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield _Rows(rows[i : i + size])


def _split(specs: dict, props: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    values = neo4j_props(specs, props)
    scalars = {k: v for k, v in values.items() if not specs[k].multiple}
    lists = {k: list(v) for k, v in values.items() if specs[k].multiple}
    return scalars, lists


class GraphWriter:
    def __init__(self, driver: Driver, *, database: str | None = None,
                 ontology: Ontology | None = None, batch_size: int | None = None) -> None:
        self.driver = driver
        self.database = database
        self.onto = ontology or get_ontology()
        self.batch_size = batch_size or settings_of(driver).batch_size
        if self.batch_size < 1:
            raise IntelgraphError("batch size must be at least 1")

    def prepare(self, doc: GraphDocument) -> tuple[list[dict], list[dict]]:
        """Check every record and turn it into parameter rows; raises before any write."""
        doc.validate_against(self.onto)
        node_rows: list[dict] = []
        for node in doc.nodes:
            spec = self.onto.cls(node.label)
            props, append = _split(spec.properties, node.props)
            node_rows.append({"id": node.id, "labels": list(spec.labels[1:]), "props": props, "append": append})
        edge_rows = [edge_row(self.onto.rel(edge.type), edge.start, edge.end, edge.props) for edge in doc.edges]
        # One lock order for every transaction: concurrent documents sharing entities,
        # sources or topics then wait for each other instead of deadlocking. A
        # relationship locks both its ends, so edges go in the order of the shared
        # nodes they touch (a document's own passages and claims are locked by no one else).
        shared = {n.id for n in doc.nodes if self.onto.cls(n.label).shared}
        node_rows.sort(key=lambda r: r["id"])
        edge_rows.sort(key=lambda r: (sorted(x for x in (r["start"], r["end"]) if x in shared),
                                      r["start"], r["end"], r["type"]))
        return node_rows, edge_rows

    def write(self, doc: GraphDocument) -> WriteResult:
        return self.write_prepared(doc, *self.prepare(doc))

    def write_prepared(self, doc: GraphDocument, node_rows: list[dict], edge_rows: list[dict], *,
                       then: Callable[[neo4j.ManagedTransaction], None] | None = None) -> WriteResult:
        """Write rows that `prepare(doc)` made (ingest prepares them, checks included,
        before it hands the document to a writer thread). `then` runs last inside the
        same transaction (ingest links the document's judgements to earlier ones there)."""
        from intelgraph.graph.curation import reapply  # curation builds on this module

        result = WriteResult(document_id=doc.document_id, by_kind=doc.counts())
        edges_query = merge_edges_statement(self.onto)
        entity_labels = _entity_labels(self.onto)
        voted = [row["id"] for row in node_rows if "type_votes" in row["append"]]
        entity_ids = [row["id"] for row in node_rows if L.Entity in row["labels"]]
        document_ids = [row["id"] for row in node_rows if L.Document in row["labels"]]

        def work(tx: neo4j.ManagedTransaction) -> None:
            # Reset on retry: the managed transaction may run this more than once.
            result.nodes_created = result.relationships_created = result.properties_set = result.labels_added = 0
            res = tx.run(cypher(_PKG, "merge_documents"), ids=document_ids)
            result.created_documents = [r["id"] for r in res if r["created"]]
            self._count(result, res.consume())
            for chunk in _chunks(node_rows, self.batch_size):
                self._count(result, tx.run(cypher(_PKG, "merge_nodes"), rows=chunk).consume())
            for chunk in _chunks(edge_rows, self.batch_size):
                res = tx.run(edges_query, rows=chunk)
                matched = res.single(strict=True)["matched"]
                self._count(result, res.consume())
                if matched != len(chunk):
                    raise OntologyError(
                        f"{len(chunk) - matched} relationship(s) point to nodes that are "
                        f"neither in document {doc.document_id} nor in the graph"
                    )
            if voted:  # one type per entity over every document's votes
                self._count(result, tx.run(cypher(_PKG, "retype_by_votes"), ids=voted,
                                           entity_labels=entity_labels).consume())
            # the entities' counts, before curation moves anything (a merge carries them over)
            if result.created_documents or entity_ids:
                self._count(result, tx.run(cypher(_PKG, "count_entities"), documents=result.created_documents,
                                           ids=entity_ids, keep=RECENT_DOCUMENTS).consume())
            # analysts' corrections of the entities just written hold again, in the same
            # transaction, after the votes: an analyst's retype beats the machine's
            reapply(tx, entity_ids)
            if then is not None:
                then(tx)

        run_write(self.driver, work, database=self.database)
        log.info("wrote document %s: %d nodes, %d relationships created",
                 doc.document_id, result.nodes_created, result.relationships_created)
        return result

    @staticmethod
    def _count(result: WriteResult, summary: neo4j.ResultSummary) -> None:
        c = summary.counters
        result.nodes_created += c.nodes_created
        result.relationships_created += c.relationships_created
        result.properties_set += c.properties_set
        result.labels_added += c.labels_added


@lru_cache(maxsize=4)
def _entity_labels(onto: Ontology) -> list[str]:
    """The ontology's entity types (Person, Organization, ...): the labels a vote decides."""
    return sorted(name for name, spec in onto.classes.items() if L.Entity in spec.labels and name != L.Entity)


def edge_row(spec: RelSpec, start: str, end: str, props: dict[str, Any]) -> dict[str, Any]:
    """One parameter row of merge_edges for a relationship of type `spec` (curation's
    merge moves relationships with the same rows)."""
    scalars, append = _split(spec.properties, props)
    row = {"type": spec.name, "start": start, "end": end, "props": scalars, "append": append}
    if spec.key is not None:  # merged on its key (ig:unique), which the writer composes
        row["key"] = edge_key(spec, start, props, end)
        row["sizes"] = {p.name: p.size_of for p in spec.properties.values() if p.size_of}
        for name in (spec.key.name, *row["sizes"]):
            scalars.pop(name, None)
    return row


def edge_key(spec: RelSpec, start: str, props: dict[str, Any], end: str) -> str:
    """The unique key of a relationship of a keyed type, composed as its ig:keyFormat
    says (RELATED_TO: start id|predicate|end id); graph.schema backfills older
    relationships with the same formula."""
    parts = []
    for part in spec.key.key_format:
        value = start if part == "start" else end if part == "end" else props.get(part)
        if not value:
            raise OntologyError(f"{spec.name} {start}->{end} needs a {part} (part of its key; "
                                f"{spec.comment or 'see the ontology'})")
        parts.append(str(value))
    return "|".join(parts)


@lru_cache(maxsize=4)
def merge_edges_statement(onto: Ontology) -> LiteralString:
    """merge_edges with one static branch per ontology relationship type: keyed types
    (an ig:unique property) MERGE on their key. Types and property names come from the
    ontology (RelSpec), never from input."""
    branches = []
    for rel_type, spec in sorted(onto.relationships.items()):
        if spec.key is not None:
            branches.append(_body(cypher(_PKG, "merge_keyed_branch")).replace("__TYPE__", rel_type)
                            .replace("__KEY__", spec.key.name))
        else:
            branches.append(_body(cypher(_PKG, "merge_edge_branch")).replace("__TYPE__", rel_type))
    return cast(LiteralString, cypher(_PKG, "merge_edges").replace("\n__BRANCHES__\n", "\n" + "\n".join(branches) + "\n"))


def _body(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.startswith("//"))
