"""The public result of running the NLP pipeline over a text.

Conventions
- Pydantic models with extra="forbid"; every offset is a char offset into the text
  given, and text[start:end] == .text for mentions and claims.
- Entities are grouped per document by key; the id is label-agnostic
  (resolution.entity_id). `name` is the display name, `aliases` every surface form.
- Claim likelihood/hedging come from the text (estimative language);
  `extraction_score` is how sure the extractor is. They are never mixed.
- One text whose analysis raises never stops the others: `analyse_many` yields an
  ExtractionError (one line: what was raised) in that text's place, and the caller
  reports it for its document.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import stat
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from pydantic import BaseModel, ConfigDict, Field
from spacy.language import Language
from spacy.tokens import Doc

from intelgraph.errors import ExtractionError
from intelgraph.ontology import vocabulary_literal

from .model_loader import load_nlp
from .resolution import display_name, entity_id, entity_label


log = logging.getLogger(__name__)
Polarity = vocabulary_literal("Polarity")
Modality = vocabulary_literal("Modality")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EntityMention(_Model):
    start: int
    end: int
    text: str
    label: str
    key: str
    id: str
    name: str


class ResolvedEntity(_Model):
    id: str
    key: str
    label: str
    name: str
    aliases: list[str]
    mentions: list[EntityMention]


class ClaimFinding(_Model):
    start: int
    end: int
    text: str
    subject_keys: list[str]
    object_keys: list[str]
    predicate: str | None
    polarity: Polarity
    modality: Modality
    relation_subject_keys: list[str] = Field(
        description="the predicate's own subjects: start entities of the relationships the claim supports")
    relation_object_keys: list[str] = Field(description="the predicate's own objects: their end entities")
    hedged: bool
    likelihood: str | None = Field(description="ICD 203 likelihood term stated in the text")
    probability_low: float | None
    probability_high: float | None
    estimative_phrase: str | None
    attribution: str | None
    attribution_key: str | None
    extraction_score: float = Field(ge=0.0, le=1.0, description="how sure the extractor is; not an analytic confidence")


class QuantityFinding(_Model):
    """A numeric claim with a measure (quantity_rules): "over 600 killed"."""

    start: int
    end: int
    text: str
    value: float
    low: float | None = Field(description="lower bound the text gives (over, at least, +; the value if exact)")
    high: float | None = Field(description="upper bound the text gives (up to, nearly; the value if exact)")
    bound: str | None = Field(description="the bound word as written, lower case")
    unit: str
    measure: str
    subject_key: str | None = Field(description="key of the entity the sentence names nearest to it")
    extraction_score: float = Field(ge=0.0, le=1.0)


class Analysis(_Model):
    entities: list[ResolvedEntity]
    mentions: list[EntityMention]
    claims: list[ClaimFinding]
    sentences: list[tuple[int, int]]
    quantities: list[QuantityFinding] = Field(default_factory=list)


def _sentences(doc: Doc) -> list[tuple[int, int]]:
    text = doc.text
    spans = [(s.start_char, s.end_char) for s in doc.sents] if doc.has_annotation("SENT_START") else [(0, len(text))]
    out = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append((start, end))
    return out


def resolve_entities(mentions: list[EntityMention]) -> tuple[list[EntityMention], list[ResolvedEntity]]:
    """Mentions named by their entity's display name, and the entities they group into by
    key (one per key, in order of first mention): how one text's mentions become entities,
    whether the text was analysed whole or in pieces (extract/long_text.py)."""
    by_key: dict[str, list[EntityMention]] = {}
    for m in mentions:
        by_key.setdefault(m.key, []).append(m)
    names = {key: display_name(key, (m.text for m in ms)) for key, ms in by_key.items()}
    named = [m if m.name == names[m.key] else m.model_copy(update={"name": names[m.key]}) for m in mentions]
    grouped: dict[str, list[EntityMention]] = {}
    for m in named:
        grouped.setdefault(m.key, []).append(m)
    entities = [
        ResolvedEntity(
            id=entity_id(key),
            key=key,
            label=entity_label(key, [m.label for m in ms], [m.text for m in ms]),
            name=names[key],
            aliases=list(dict.fromkeys(m.text for m in ms)),
            mentions=ms,
        )
        for key, ms in grouped.items()
    ]
    return named, entities


def analysis_from_doc(doc: Doc) -> Analysis:
    """The Analysis of a Doc that went through the intelgraph pipeline."""
    raw = doc._.ig_mentions or []
    mentions, entities = resolve_entities(
        [EntityMention(**m, id=entity_id(m["key"]), name="") for m in raw])
    claims = [ClaimFinding(**c) for c in doc._.ig_claims or []]
    quantities = [QuantityFinding(**q) for q in doc._.ig_quantities or []]
    return Analysis(entities=entities, mentions=mentions, claims=claims, sentences=_sentences(doc),
                    quantities=quantities)


def _make_doc(nlp: Language, text: str, spans: list[tuple[int, int]] | None) -> Doc:
    doc = nlp.make_doc(text)
    if spans is not None:
        doc._.ig_claim_spans = [(int(s), int(e)) for s, e in spans]
    return doc


def analyse(text: str, nlp: Language | None = None, *, spans: list[tuple[int, int]] | None = None) -> Analysis:
    """Entities, claims and sentences of `text`; claims only inside `spans` if given."""
    nlp = nlp or load_nlp()
    return analysis_from_doc(nlp(_make_doc(nlp, text, spans)))


def analyse_many(
    texts: Iterable[str | tuple[str, list[tuple[int, int]] | None]],
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = 32,
    own_process: bool = False,
) -> Iterator[Analysis | ExtractionError]:
    """`analyse` over many texts with `nlp.pipe`, in order. An item may be a text or
    (text, spans). With n_process > 1, or with `own_process`, the whole analysis runs
    in worker processes, and the caller's process is left free for other work (ingest
    writes to the graph meanwhile; in one process the two would share the GIL); where
    processes cannot be forked, it runs in this one. A text whose analysis raises
    yields an ExtractionError in its place."""
    nlp = nlp or load_nlp()
    items = ((item, None) if isinstance(item, str) else item for item in texts)
    if (n_process > 1 or own_process) and mp.get_context().get_start_method() == "fork":
        yield from _analyse_in_workers(items, nlp, max(n_process, 1), batch_size)
        return
    for trip in iter(lambda: list(islice(items, min(batch_size, _TRIP))), []):
        yield from _analyse_trip(nlp, trip, batch_size)


def _analyse_trip(nlp: Language, items: list[tuple[str, list[tuple[int, int]] | None]],
                  batch_size: int) -> list[Analysis | ExtractionError]:
    """A few texts through `nlp.pipe`; when that raises, each again on its own, so that
    only the text that fails is lost (as an ExtractionError in its place)."""
    try:
        docs = [_make_doc(nlp, text, spans) for text, spans in items]
        return [analysis_from_doc(doc) for doc in nlp.pipe(docs, batch_size=batch_size)]
    except Exception:  # which text it was, the one-by-one pass finds out
        return [_analyse_alone(nlp, text, spans) for text, spans in items]


def _analyse_alone(nlp: Language, text: str, spans: list[tuple[int, int]] | None) -> Analysis | ExtractionError:
    try:
        return analysis_from_doc(nlp(_make_doc(nlp, text, spans)))
    except Exception as exc:  # any bug or limit of the pipeline: this document only
        log.debug("analysis failed", exc_info=True)
        detail = " ".join(str(exc).split())[:200]
        return ExtractionError(f"the analysis failed: {type(exc).__name__}{': ' + detail if detail else ''}")


# Documents per trip to a worker, and trips in flight per worker.
_TRIP = 8
_AHEAD = 4

# The worker's pipeline: set by the pool's initializer, inherited through fork.
_worker_nlp: Language | None = None


def _init_worker(nlp: Language) -> None:
    global _worker_nlp
    _worker_nlp = nlp
    # A forked worker holds copies of the parent's sockets, its Neo4j connections
    # among them: a connection then outlives the parent's close (or death), and a
    # killed ingest's open transaction keeps its locks. The worker needs none.
    _close_inherited_sockets()
    # Nor may it outlive the parent: killed, the parent can't shut the pool down, and
    # a worker would wait for work forever.
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True,
                     name="intelgraph-exit-with-parent").start()


def _close_inherited_sockets() -> None:
    """Points every socket descriptor at /dev/null: the socket is released, and the
    number stays taken, so the parent's socket objects copied here can never close
    some later file by number."""
    fd_dir = "/proc/self/fd" if os.path.isdir("/proc/self/fd") else "/dev/fd"
    devnull = os.open(os.devnull, os.O_RDWR)
    try:
        for name in os.listdir(fd_dir):
            fd = int(name)
            try:
                if fd != devnull and stat.S_ISSOCK(os.fstat(fd).st_mode):
                    os.dup2(devnull, fd)
            except OSError:  # the listing's own descriptor, closed by now
                pass
    finally:
        os.close(devnull)


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _analyse_batch(items: list[tuple[str, list[tuple[int, int]] | None]],
                   batch_size: int) -> list[Analysis | ExtractionError]:
    assert _worker_nlp is not None
    return _analyse_trip(_worker_nlp, items, batch_size)


def _analyse_in_workers(
    items: Iterator[tuple[str, list[tuple[int, int]] | None]], nlp: Language, n_process: int, batch_size: int
) -> Iterator[Analysis | ExtractionError]:
    """Trips of a few items analysed in forked workers, which inherit `nlp`.
    Texts go out and pickled Analysis objects come back: spaCy's `pipe(n_process=)`
    would ship each Doc back as bytes to build the Analysis here, and our extension
    data doubles what that costs. Trips are small so the first results come early
    (ingest writes them while the rest is analysed); at most `_AHEAD` trips per
    worker are in flight, so `texts` may be a long stream."""
    fork = mp.get_context("fork")
    trip = min(batch_size, _TRIP)
    with ProcessPoolExecutor(n_process, mp_context=fork, initializer=_init_worker, initargs=(nlp,)) as pool:
        pending: deque[Future[list[Analysis]]] = deque()
        for batch in iter(lambda: list(islice(items, trip)), []):
            pending.append(pool.submit(_analyse_batch, batch, batch_size))
            if len(pending) >= _AHEAD * n_process:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
