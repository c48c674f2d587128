"""Ingest: documents into the graph, one managed transaction per document.

Order of work for a run: inputs are read a chunk at a time (failures are recorded,
not fatal) and the graph is asked which of their document ids it already has (those
are "unchanged" and cost no NLP); the new ones stream to forked NLP worker processes
(a run of 8 or more documents; fewer are analysed in this process); each is written,
as its results come back, as its own transaction on a writer thread. A document is
in the graph whole or not at all, so a killed run leaves only complete documents and
a rerun completes the rest.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from neo4j import Driver

from intelgraph.errors import InputError, IntelgraphError
from intelgraph.extract.sources import SourceGrades
from intelgraph.extract.pipeline import Failure, InputDoc, analyse_documents, expand_paths, read_inputs, to_graph
from intelgraph.extract.readers import check_format
from intelgraph.extract.readers.model import ParsedDocument
from intelgraph.queries.catalog import cypher
from intelgraph.graph.driver import read
from intelgraph.graph.schema import await_fulltext
from intelgraph.graph.writer import GraphWriter
from intelgraph.ontology import L, get_ontology
from intelgraph.ontology.records import GraphDocument
from intelgraph.services.lineage import JUDGEMENT_KINDS, link_in

log = logging.getLogger(__name__)

# Documents a writer thread may have queued: enough that NLP runs on while a write is
# slow (and a write runs on while NLP is), not so many that progress lags far behind.
_QUEUED = 8
# Inputs read, and looked up in the graph, at a time.
_READ_CHUNK = 16


@dataclass
class DocOutcome:
    name: str
    status: str  # new | unchanged | failed
    document_id: str | None = None
    reason: str | None = None
    title: str | None = None
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class IngestSummary:
    documents: list[DocOutcome] = field(default_factory=list)
    records: Counter = field(default_factory=Counter)  # records per label / type written
    nodes_created: int = 0
    relationships_created: int = 0
    # read and NLP are time spent doing them; write is the time NLP had to wait for
    # writes (they run alongside NLP on a writer thread); index is the wait at the end
    # for the full-text indexes to catch up (part of write)
    seconds: dict[str, float] = field(default_factory=lambda: {"read": 0.0, "nlp": 0.0, "write": 0.0,
                                                                "index": 0.0})
    words: int = 0

    def count(self, status: str) -> int:
        return sum(1 for d in self.documents if d.status == status)

    @property
    def failed(self) -> int:
        return self.count("failed")

    def as_dict(self) -> dict:
        return {
            "documents": {"new": self.count("new"), "unchanged": self.count("unchanged"), "failed": self.failed},
            "records": dict(sorted(self.records.items())),
            "nodes_created": self.nodes_created,
            "relationships_created": self.relationships_created,
            "words": self.words,
            "seconds": {k: round(v, 3) for k, v in self.seconds.items()},
            "files": [
                {k: v for k, v in {"name": d.name, "status": d.status, "document_id": d.document_id,
                                    "title": d.title, "reason": d.reason}.items() if v is not None}
                for d in self.documents
            ],
        }


def default_workers() -> int:
    """NLP worker processes when the user names none: two where there are two CPUs.
    Measured on 2 cores with the local Neo4j (`bench/ingest.py --workers 1,2`, 248
    documents, warm server, best of 3, side by side): 2 workers 8.91 s, 1 worker
    13.79 s. With more CPUs more workers may pay; that is unmeasured, so 2 stays."""
    return min(2, os.cpu_count() or 1)


def existing_documents(driver: Driver, ids: list[str]) -> set[str]:
    if not ids:
        return set()
    rows = read(driver, cypher("intelgraph.graph.cypher", "find_documents"), {"ids": ids})
    return {r["id"] for r in rows}


@dataclass
class Progress:
    """Callbacks the CLI turns into a progress bar; all optional."""

    total: Callable[[int], None] = lambda n: None
    advance: Callable[[str], None] = lambda name: None
    phase: Callable[[str], None] = lambda text: None


def ingest(driver: Driver, paths: Iterable[str], *, fmt: str = "auto", recursive: bool = False,
           grades: SourceGrades | None = None, workers: int | None = None, writers: int = 1,
           stdin: bytes | None = None, progress: Progress | None = None) -> IngestSummary:
    check_format(fmt)  # once for the run, not once per file
    progress = progress or Progress()
    grades = grades or SourceGrades()
    workers = workers or default_workers()
    summary = IngestSummary()
    names = list(expand_paths(paths, recursive=recursive))
    if not names:
        raise InputError("no documents found: name files or folders (use --recursive for sub-folders)")
    progress.total(len(names))

    fresh = _fresh_documents(driver, names, fmt, stdin, summary, progress)

    writer = GraphWriter(driver)
    ingested_at = dt.datetime.now(dt.timezone.utc)
    progress.phase("reading, extracting and writing")
    # Each document is its own transaction, written on a writer thread while the next
    # documents go through NLP in the worker processes (own_process: even one worker
    # is a process of its own, so NLP never holds this process's GIL while a write
    # waits for it). One writer by default: every document touches the same hub
    # entities, so concurrent writers mostly wait on their locks; bench/ingest.py
    # measured 1 writer 29.0 s, 2 writers 33.4 s, 4 writers 43.7 s for the same 248
    # documents on 2 cores (cold server, NLP then in this process).
    pending: deque[tuple[InputDoc, Future]] = deque()

    def settle(block_until: int) -> None:
        while len(pending) > block_until:
            doc, future = pending.popleft()
            try:
                result = future.result()
            except IntelgraphError as exc:
                if exc.exit_code == 3:  # the database went away: stop, don't fail every file
                    raise
                _failed(summary, Failure(doc.name, str(exc)))
            else:
                if result.created:
                    summary.documents.append(DocOutcome(doc.name, "new", doc.document_id, title=doc.parsed.title,
                                                        counts=result.by_kind))
                    summary.records.update(result.by_kind)
                    summary.nodes_created += result.nodes_created
                    summary.relationships_created += result.relationships_created
                    summary.words += len(doc.parsed.text.split())
                else:  # another run wrote it after this one looked (a concurrent ingest)
                    summary.documents.append(DocOutcome(doc.name, "unchanged", doc.document_id,
                                                        title=doc.parsed.title))
            progress.advance(doc.name)

    with ThreadPoolExecutor(max_workers=writers, thread_name_prefix="intelgraph-writer") as pool:
        try:
            t_nlp, read_before = time.perf_counter(), summary.seconds["read"]
            for doc, analysis in analyse_documents(fresh, n_process=workers, own_process=True):
                t_wait = time.perf_counter()
                # the wait includes reading the next inputs (the stream is read as NLP needs more)
                summary.seconds["nlp"] += t_wait - t_nlp - (summary.seconds["read"] - read_before)
                try:
                    extraction = to_graph(doc, analysis, grades.source_for(doc.parsed), ingested_at=ingested_at)
                    rows = writer.prepare(extraction.graph)  # bad records fail here, before the pool
                except IntelgraphError as exc:
                    _failed(summary, Failure(doc.name, str(exc)))
                    progress.advance(doc.name)
                else:
                    pending.append((doc, pool.submit(writer.write_prepared, extraction.graph, *rows,
                                                     then=_linker(extraction.graph))))
                settle(block_until=_QUEUED * writers)
                t_nlp, read_before = time.perf_counter(), summary.seconds["read"]
                summary.seconds["write"] += t_nlp - t_wait  # time NLP waited for writes
            t_wait = time.perf_counter()
            settle(block_until=0)
            t_index = time.perf_counter()
            if summary.count("new"):
                await_fulltext(driver)  # what was ingested is searchable when ingest returns
            summary.seconds["index"] += time.perf_counter() - t_index
            summary.seconds["write"] += time.perf_counter() - t_wait
        finally:
            for _, future in pending:
                future.cancel()
    return summary


def _fresh_documents(driver: Driver, names: list[str], fmt: str, stdin: bytes | None,
                     summary: IngestSummary, progress: Progress) -> Iterator[InputDoc]:
    """The documents of `names` not yet in the graph, read a chunk at a time as NLP asks
    for more (a large run never holds every text at once, and NLP starts at once).
    Failures, unchanged documents and repeated texts are recorded on the way."""
    seen: set[str] = set()
    for start in range(0, len(names), _READ_CHUNK):
        chunk = names[start:start + _READ_CHUNK]
        t0 = time.perf_counter()
        inputs = read_inputs(chunk, fmt, stdin=stdin, seen=seen)
        known = existing_documents(driver, [d.document_id for d in inputs.docs])
        summary.seconds["read"] += time.perf_counter() - t0
        for failure in inputs.failures:
            _failed(summary, failure)
            progress.advance(failure.name)
        for _ in range(len(chunk) - len(inputs.failures) - len(inputs.docs)):
            progress.advance("(duplicate text)")
        for doc in inputs.docs:
            if doc.document_id in known:
                summary.documents.append(DocOutcome(doc.name, "unchanged", doc.document_id, title=doc.parsed.title))
                progress.advance(doc.name)
            else:
                yield doc


def _linker(graph: GraphDocument) -> Callable | None:
    """What links the document's judgement to earlier ones inside its write transaction
    (services.lineage); None for a document without a BLUF or ACH assessment."""
    if not any(n.label == L.Assessment and n.props.get("kind") in JUDGEMENT_KINDS for n in graph.nodes):
        return None
    return lambda tx: link_in(tx, graph.document_id)


def _failed(summary: IngestSummary, failure: Failure) -> None:
    log.warning("failed: %s", failure.name)
    summary.documents.append(DocOutcome(failure.name, "failed", reason=failure.reason))


def ingest_bytes(driver: Driver, data: bytes, name: str, *, fmt: str = "auto",
                 grades: SourceGrades | None = None) -> DocOutcome:
    """One document from memory (the HTTP API's upload). Raises on bad input instead of
    recording a failure, so the caller can answer with a clear error."""
    from intelgraph.extract.readers import read_bytes

    grades = grades or SourceGrades()
    parsed = read_bytes(data, name, fmt)
    doc = InputDoc(name, parsed)
    if existing_documents(driver, [doc.document_id]):
        return DocOutcome(name, "unchanged", doc.document_id, title=parsed.title)
    [(doc, analysis)] = list(analyse_documents([doc]))
    extraction = to_graph(doc, analysis, grades.source_for(parsed))
    writer = GraphWriter(driver)
    result = writer.write_prepared(extraction.graph, *writer.prepare(extraction.graph),
                                   then=_linker(extraction.graph))
    if not result.created:  # written by another request after the look-up above
        return DocOutcome(name, "unchanged", doc.document_id, title=parsed.title)
    await_fulltext(driver)
    return DocOutcome(name, "new", doc.document_id, title=parsed.title, counts=result.by_kind)
