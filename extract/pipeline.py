"""Extraction end to end, without a database: inputs -> ParsedDocument -> Analysis -> graph records.

`read_inputs` turns files (or standard input) into parsed documents, collecting the
ones that fail with their reason instead of stopping. `analyse_documents` runs the
spaCy pipeline over many documents, a stream of them if need be; a long one goes in
bounded pieces (extract/long_text.py). A document whose analysis fails comes out with
an ExtractionError in place of its analysis, which `to_graph` raises: callers report
it for that document and go on. `extract` joins
them for callers that want everything (the `extract` command, tests), and checks
each graph against the ontology, so what it shows is what ingest would accept.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path

from intelgraph.errors import ExtractionError, InputError, IntelgraphError
from intelgraph.extract.graph_records import build_graph
from intelgraph.extract.sources import DocumentSources, SourceInfo
from intelgraph.extract.readers import check_format, check_size, read_bytes
from intelgraph.extract.readers.model import ParsedDocument
from intelgraph.ontology.records import GraphDocument
from intelgraph.settings import get_settings

# Files a folder walk picks up; anything else in a folder is skipped, not failed. A
# folder's README describes the folder and is not one of its documents.
DOCUMENT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm"}
SKIPPED_NAMES = {"readme.md", "readme.txt", "readme"}


@dataclass
class InputDoc:
    name: str  # a path, or "<stdin>"
    parsed: ParsedDocument

    @property
    def document_id(self) -> str:
        return self.parsed.document_id


@dataclass
class Failure:
    name: str
    reason: str


@dataclass
class Extraction:
    name: str
    parsed: ParsedDocument
    analysis: object
    graph: GraphDocument

    @property
    def document_id(self) -> str:
        return self.graph.document_id


@dataclass
class Inputs:
    docs: list[InputDoc] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


def expand_paths(paths: Iterable[str], *, recursive: bool = False) -> Iterator[str]:
    """Files named directly, and the document files inside folders (sorted)."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            pattern = "**/*" if recursive else "*"
            for child in sorted(path.glob(pattern)):
                if (child.is_file() and child.suffix.lower() in DOCUMENT_SUFFIXES
                        and child.name.lower() not in SKIPPED_NAMES):
                    yield str(child)
        else:
            yield raw


def read_one(name: str, fmt: str = "auto", *, stdin: bytes | None = None) -> ParsedDocument:
    if name == "-":
        return read_bytes(stdin or b"", "<stdin>", fmt)
    path = Path(name)
    if not path.exists():
        raise InputError(f"{name}: no such file or folder")
    if path.is_dir():
        raise InputError(f"{name}: is a folder; pass --recursive or name the files")
    try:
        with open(path, "rb", opener=_no_block) as handle:
            info = os.fstat(handle.fileno())
            # a device or pipe has no size to check and may never end (/dev/zero, a FIFO)
            if not stat.S_ISREG(info.st_mode):
                raise InputError(f"{name}: not a regular file (a device, pipe or socket); "
                                 "save the document to a file, or pipe it to '-'")
            check_size(info.st_size, name)  # before reading: a huge file costs nothing
            # never more than the limit allows, even if the file grows while it is read
            data = handle.read(get_settings().max_file_bytes + 1)
    except OSError as exc:
        raise InputError(f"{name}: cannot be read ({exc.strerror})") from None
    return read_bytes(data, name, fmt)


def _no_block(path: str, flags: int) -> int:
    # opening a FIFO for reading waits for a writer; O_NONBLOCK lets fstat see what it is first
    return os.open(path, flags | os.O_NONBLOCK)


def read_inputs(names: Iterable[str], fmt: str = "auto", *, stdin: bytes | None = None,
                seen: set[str] | None = None) -> Inputs:
    """The documents in `names`, and the failures with their reasons. A text already in
    `seen` (document ids; this run's so far, when ingest reads in chunks) is skipped:
    the same text twice in one run is one document."""
    out = Inputs()
    seen = set() if seen is None else seen
    for name in names:
        try:
            parsed = read_one(name, fmt, stdin=stdin)
        except IntelgraphError as exc:
            out.failures.append(Failure(name, str(exc)))
        else:
            if parsed.document_id not in seen:
                seen.add(parsed.document_id)
                out.docs.append(InputDoc(name, parsed))
    return out


def analyse_documents(docs: Iterable[InputDoc], *, n_process: int = 1,
                      own_process: bool = False) -> Iterator[tuple[InputDoc, object]]:
    """(doc, Analysis) pairs in input order. `docs` may be a stream: it is read as the
    analysis needs more, so a long run holds only the documents in flight. With
    `own_process` the analysis runs in a forked worker even for n_process=1 (see
    analyse_many)."""
    from intelgraph.extract.long_text import clip_spans, join_analyses, piece_bounds
    from intelgraph.extract.nlp.analysis import analyse_many

    stream = iter(docs)
    # A worker process costs a fork (the model is inherited) and a start-up: worth it
    # only for a real batch, so look at the first few before choosing.
    head = list(islice(stream, 8 * max(n_process, 1)))
    workers = n_process if len(head) >= 8 * max(n_process, 1) else 1
    own = own_process and len(head) >= 8
    # each document in flight with the offsets of its pieces (one piece unless it is long)
    in_flight: deque[tuple[InputDoc, list[int]]] = deque()

    def texts() -> Iterator[tuple[str, list[tuple[int, int]] | None]]:
        for doc in chain(head, stream):
            text, spans = doc.parsed.text, doc.parsed.claim_spans() or None
            bounds = piece_bounds(text)
            in_flight.append((doc, [start for start, _ in bounds]))
            for start, end in bounds:
                yield (text, spans) if len(bounds) == 1 else (text[start:end], clip_spans(spans, start, end))

    parts: list = []
    for analysis in analyse_many(texts(), n_process=workers, own_process=own):
        doc, offsets = in_flight[0]
        parts.append((offsets[len(parts)], analysis))
        if len(parts) == len(offsets):
            in_flight.popleft()
            failed = next((a for _, a in parts if isinstance(a, ExtractionError)), None)
            yield doc, failed if failed is not None else join_analyses(parts)
            parts = []


def to_graph(doc: InputDoc, analysis, source: DocumentSources | SourceInfo, *, ingested_at: dt.datetime | None = None) -> Extraction:
    if isinstance(analysis, ExtractionError):  # its analysis failed (analyse_documents)
        raise analysis
    try:
        graph = build_graph(doc.parsed, analysis, source, ingested_at=ingested_at)
    except IntelgraphError:
        raise
    except Exception as exc:  # a bug met by this document only: report it, as a failed analysis is
        detail = " ".join(str(exc).split())[:200]
        raise ExtractionError(f"making the graph records failed: {type(exc).__name__}"
                              f"{': ' + detail if detail else ''}") from exc
    return Extraction(doc.name, doc.parsed, analysis, graph)


def extract(names: Iterable[str], fmt: str = "auto", *, source_for: Callable[[ParsedDocument], DocumentSources | SourceInfo],
            stdin: bytes | None = None, n_process: int = 1) -> tuple[list[Extraction], list[Failure]]:
    check_format(fmt)  # once for the run, not once per file
    inputs = read_inputs(names, fmt, stdin=stdin)
    results = []
    for doc, analysis in analyse_documents(inputs.docs, n_process=n_process):
        try:
            extraction = to_graph(doc, analysis, source_for(doc.parsed))
            extraction.graph.validate_against()
            results.append(extraction)
        except IntelgraphError as exc:
            inputs.failures.append(Failure(doc.name, str(exc)))
    return results, inputs.failures
