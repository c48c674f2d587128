"""Ingest throughput end to end, against bare spaCy NER and a raw UNWIND … CREATE.

Usage: python bench/ingest.py [--copies 8] [--workers 1,2] [--writers N] [--warmup-rounds 20] [--repeat 3]
                              [--equal-cores] [--use-configured]

Builds a corpus of distinct documents from examples/ and ../shared/corpus (each copy
gets a numbered line, so its hash differs), then, in one run on a throw-away Neo4j:
0. warms the server up: the corpus's records written by the project's writer, then
   wiped, round after round until three in a row gain under 3 % on the best before them (a
   fresh JVM keeps compiling Neo4j's write path for ~1,500 documents; its JIT compiler
   took more CPU than the writes themselves). The rounds are printed: the first is
   a cold server;
1. ingests it with the project's pipeline (read / NLP / write time split), alternating
   with 2. (each is run --repeat times and its best run reported: the machine is shared);
2. runs bare spaCy NER (the model with every component but `ner` excluded, as in
   bench/extract_speed.py; nlp.pipe, same worker count) on the same texts;
3. empties the graph and writes the same nodes and relationships with a raw
   UNWIND … CREATE, one transaction per document and in batches of 1,000: once under
   one label with one id index (no MERGE, no checks, no other index), and once with the
   product's labels and relationship types, so that the product's constraints and
   indexes (full-text on document text among them) apply as they do to the writer.
With --equal-cores, each round also measures both sides on equal cores (Linux, two
CPUs or more): bare NER pinned to one core, and ingest with its NLP worker pinned to
that same core while Neo4j (every JVM thread) and the ingest process (its writer
thread) are pinned to another; the ratio is printed beside the unpinned one.
Prints documents/s, words/s and the ratios the targets are stated in.
"""

from __future__ import annotations

import argparse
import logging
import os
import tempfile
from contextlib import contextmanager
import time
from functools import lru_cache
from pathlib import Path

from bench_db import bench_driver, wipe
from harness import EXAMPLES, corpus_dir


def make_corpus(target: Path, copies: int) -> list[Path]:
    sources = sorted(EXAMPLES.glob("*.txt"))
    for sub in ("reports", "digests", "news"):  # the development corpus, when it is there
        sources += sorted((corpus_dir() / sub).glob("*.txt"))
    files = []
    for k in range(copies):
        for src in sources:
            path = target / f"{k:03d}-{src.parent.name}-{src.name}"
            path.write_text(src.read_text(encoding="utf-8") + f"\n\nCopy {k}.\n", encoding="utf-8")
            files.append(path)
    return files


@lru_cache(maxsize=1)
def _ner_pipeline():
    """Bare NER, loaded once for every timed run."""
    from extract_speed import bare_ner as ner_only  # the same baseline as extract_speed

    from intelgraph.extract.nlp.model_loader import default_model_name

    return ner_only(default_model_name())


def bare_ner(texts: list[str], workers: int) -> float:
    from extract_speed import time_ner

    return time_ner(_ner_pipeline(), texts, workers, 32)


def raw_create(driver, docs: list[tuple[list[dict], list[dict]]], batch: int | None = None,
               schema: bool = False) -> float:
    """CREATE the same nodes (same properties) and as many relationships as the writer
    wrote, with plain UNWIND … CREATE: no MERGE, no ontology checks. Without `schema`,
    one label and one index; with it, the product's labels and types (so its
    constraints and indexes apply). One transaction per document (batch=None, the
    writer's split) or `batch` rows a time."""
    if batch:
        nodes = [n for ns, _ in docs for n in ns]
        rels = [r for _, rs in docs for r in rs]
        docs = [(nodes[i:i + batch], []) for i in range(0, len(nodes), batch)] + \
               [([], rels[i:i + batch]) for i in range(0, len(rels), batch)]
    t0 = time.perf_counter()
    with driver.session() as session:
        for nodes, rels in docs:
            def work(tx, nodes=nodes, rels=rels):
                if nodes and schema:
                    tx.run("UNWIND $rows AS row CREATE (n:BenchRaw:Node) SET n = row.props, n.id = row.id "
                           "SET n:$(row.labels)", rows=nodes).consume()
                elif nodes:
                    tx.run("UNWIND $rows AS row CREATE (n:BenchRaw) SET n = row.props, n.id = row.id",
                           rows=nodes).consume()
                if rels and schema:
                    tx.run("UNWIND $rows AS row MATCH (a:Node {id: row.start}) MATCH (b:Node {id: row.end}) "
                           "CREATE (a)-[r:$(row.type)]->(b) SET r = row.props", rows=rels).consume()
                elif rels:
                    tx.run("UNWIND $rows AS row MATCH (a:BenchRaw {id: row.start}) MATCH (b:BenchRaw {id: row.end}) "
                           "CREATE (a)-[:BENCH_RAW]->(b)", rows=rels).consume()
            session.execute_write(work)
    elapsed = time.perf_counter() - t0
    with driver.session() as session:
        session.run("MATCH (n:BenchRaw) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
    return elapsed


def _pin_server(cores: set[int] | None) -> None:
    """Every thread of the local Neo4j's JVM onto `cores` (None: every CPU again)."""
    from intelgraph.graph.server.manager import LocalServer
    from intelgraph.settings import get_settings

    pid = int(LocalServer(get_settings()).pid_file.read_text().strip())
    cores = cores or os.sched_getaffinity(0) | set(range(os.cpu_count() or 1))
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            os.sched_setaffinity(int(tid), cores)
        except OSError:  # a thread that ended meanwhile
            pass


@contextmanager
def _pinned(core: int):
    """This thread (and the threads and processes it starts) on one core."""
    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {core})
    try:
        yield
    finally:
        os.sched_setaffinity(0, before)


def equal_cores_ingest(driver, folder: str, nlp_core: int, other_core: int) -> tuple[float, object]:
    """ingest() with its NLP worker on `nlp_core`, this process (its writer thread) and
    Neo4j on `other_core`; one NLP worker, as bare NER has one core."""
    from intelgraph.extract.nlp import analysis
    from intelgraph.services.ingest import ingest

    real_init = analysis._init_worker

    def init(nlp):  # runs first in the forked worker: move it to the NLP core
        os.sched_setaffinity(0, {nlp_core})
        real_init(nlp)

    analysis._init_worker = init
    _pin_server({other_core})
    try:
        with _pinned(other_core):
            t0 = time.perf_counter()
            summary = ingest(driver, [folder], workers=1)
            return time.perf_counter() - t0, summary
    finally:
        analysis._init_worker = real_init
        _pin_server(None)


def equal_cores_ner(texts: list[str], nlp_core: int, other_core: int) -> float:
    """Bare NER in this process on `nlp_core` (Neo4j on the other, idle, as in the ingest run)."""
    _pin_server({other_core})
    try:
        with _pinned(nlp_core):
            return bare_ner(texts, 1)
    finally:
        _pin_server(None)


class RetryCounter(logging.Handler):
    """Counts the driver's "will be retried" warnings (deadlocks and other transient errors)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.retries = self.deadlocks = 0

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if "will be retried" in message:
            self.retries += 1
            self.deadlocks += "DeadlockDetected" in message


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=8, help="copies of each source document")
    ap.add_argument("--workers", type=lambda v: [int(x) for x in v.split(",")], default=[1],
                    help="NLP processes for both ingest and bare NER; a list (1,2) compares them in one run")
    ap.add_argument("--writers", type=int, default=None, help="ingest writer threads (default: ingest's own)")
    ap.add_argument("--warmup-rounds", type=int, default=20,
                    help="most writer rounds to warm the server up (it stops once three in a row gain under 3 %%)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the best is reported")
    ap.add_argument("--use-configured", action="store_true", help="benchmark (and wipe) the NEO4J_URI server")
    ap.add_argument("--equal-cores", action="store_true",
                    help="also measure bare NER and ingest's NLP pinned to one core, Neo4j and the writer to another")
    args = ap.parse_args()
    cores = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    if args.equal_cores and (len(cores) < 2 or args.use_configured):
        raise SystemExit("--equal-cores needs two CPUs and the local server (it pins Neo4j's threads)")

    from intelgraph.services.ingest import ingest

    with tempfile.TemporaryDirectory() as tmp, bench_driver(use_configured=args.use_configured) as driver:
        files = make_corpus(Path(tmp), args.copies)
        texts = [f.read_text(encoding="utf-8") for f in files]
        words = sum(len(t.split()) for t in texts)
        from intelgraph.extract.pipeline import extract
        from intelgraph.graph.writer import GraphWriter
        from intelgraph.extract.sources import SourceGrades

        extractions, _ = extract([str(f) for f in files], source_for=SourceGrades().source_for)
        writer = GraphWriter(driver)

        def writer_round() -> float:
            """The writer alone, serially, one transaction per document, into an empty graph."""
            wipe(driver)
            t0 = time.perf_counter()
            for x in extractions:
                writer.write(x.graph)
            return time.perf_counter() - t0

        # Warm up until three rounds in a row gain under 3 % on the best before them.
        warmup = [writer_round()]
        while len(warmup) < args.warmup_rounds:
            warmup.append(writer_round())
            if len(warmup) >= 4 and min(warmup[-3:]) >= 0.97 * min(warmup[:-3]):
                break

        # Each side's best of `repeat` runs (the machine is shared and noisy); ingest
        # and bare NER, at every worker count asked for, alternate so that all meet
        # the same load.
        retries = RetryCounter()
        logging.getLogger("neo4j").addHandler(retries)
        runs: dict[int, list] = {w: [] for w in args.workers}
        ner_runs: dict[int, list[float]] = {w: [] for w in args.workers}
        pinned: list[tuple[float, object]] = []
        pinned_ner: list[float] = []
        for _ in range(args.repeat):
            for w in args.workers:
                wipe(driver)
                t0 = time.perf_counter()
                summary = ingest(driver, [tmp], workers=w, **({"writers": args.writers} if args.writers else {}))
                runs[w].append((time.perf_counter() - t0, summary))
                ner_runs[w].append(bare_ner(texts, w))
            if args.equal_cores:
                wipe(driver)
                pinned.append(equal_cores_ingest(driver, tmp, cores[0], cores[1]))
                pinned_ner.append(equal_cores_ner(texts, cores[0], cores[1]))
        logging.getLogger("neo4j").removeHandler(retries)
        # index the raw label like the writer's key label, so the comparison is fair
        with driver.session() as session:
            session.run("CREATE INDEX bench_raw_id IF NOT EXISTS FOR (n:BenchRaw) ON (n.id)").consume()
            session.run("CALL db.awaitIndexes(60)").consume()
        serial = min(writer_round() for _ in range(args.repeat))
        prepared = [writer.prepare(x.graph) for x in extractions]
        # the same node rows (ids made unique per document, as the raw label has no MERGE)
        raw_docs = []
        for k, (nodes, rels) in enumerate(prepared):
            ids = {n["id"] for n in nodes}
            raw_docs.append(([{"id": f"{k}:{n['id']}", "props": n["props"], "labels": n["labels"]} for n in nodes],
                             [{"start": f"{k}:{r['start']}", "end": f"{k}:{r['end']}", "type": r["type"],
                               "props": {**r["props"], **({"key": f"{k}:{r['key']}"} if "key" in r else {})}}
                              for r in rels if r["start"] in ids and r["end"] in ids]))
        sizes = [(len(x.graph.nodes), len(x.graph.edges)) for x in extractions]
        wipe(driver)
        # each raw statement once untimed (its first run compiles its own paths), then
        # its best of `repeat` runs, like the writer's
        raw = {}
        for key, kw in (("doc", {}), ("batch", {"batch": 1000}), ("schema", {"schema": True}),
                        ("schema_batch", {"batch": 1000, "schema": True})):
            raw_create(driver, raw_docs, **kw)
            raw[key] = min(raw_create(driver, raw_docs, **kw) for _ in range(args.repeat))
        raw_doc, raw_batch, raw_schema, raw_schema_batch = raw["doc"], raw["batch"], raw["schema"], raw["schema_batch"]
        with driver.session() as session:
            session.run("DROP INDEX bench_raw_id IF EXISTS").consume()

    items = sum(n + r for n, r in sizes)
    print(f"documents: {len(extractions)}, {words} words, writers={args.writers or 'default'}")
    print("warm-up    : writer rounds over the same records, s: " + ", ".join(f"{w:.2f}" for w in warmup)
          + " (the first on a cold server)")
    print(f"  retried transactions in {args.repeat * len(args.workers)} ingest runs: "
          f"{retries.retries} ({retries.deadlocks} deadlocks)")
    for w in args.workers:
        total, summary = min(runs[w], key=lambda r: r[0])
        ner = min(ner_runs[w])
        s, docs = summary.seconds, summary.count("new")
        print(f"workers={w}: {docs} new documents ({summary.failed} failed)")
        print(f"  end to end : {total:7.2f} s  {docs / total:7.1f} docs/s  {words / total:9.0f} words/s   "
              f"(runs, s: {', '.join(f'{t:.2f}' for t, _ in runs[w])})")
        print(f"    read     : {s['read']:7.2f} s   NLP: {s['nlp']:7.2f} s   write: {s['write']:7.2f} s "
              f"({100 * s['write'] / total:.1f} % of total; target <= 20 %; of it {s['index']:.2f} s "
              "waiting for the full-text indexes at the end)")
        print(f"  bare NER   : {ner:7.2f} s  {len(texts) / ner:7.1f} docs/s  {words / ner:9.0f} words/s   "
              f"(runs, s: {', '.join(f'{t:.2f}' for t in ner_runs[w])})")
        print(f"    end to end / bare NER throughput: {ner / total:.2f} (target >= 0.80)")
    if pinned:
        total, summary = min(pinned, key=lambda r: r[0])
        ner = min(pinned_ner)
        print(f"equal cores: NLP on CPU {cores[0]} for both; Neo4j and the ingest process (writer) on CPU {cores[1]}")
        print(f"  end to end : {total:7.2f} s  {summary.count('new') / total:7.1f} docs/s   "
              f"(runs, s: {', '.join(f'{t:.2f}' for t, _ in pinned)}; NLP {summary.seconds['nlp']:.2f} s, "
              f"write wait {summary.seconds['write']:.2f} s)")
        print(f"  bare NER   : {ner:7.2f} s  {len(texts) / ner:7.1f} docs/s   "
              f"(runs, s: {', '.join(f'{t:.2f}' for t in pinned_ner)})")
        print(f"    end to end / bare NER throughput, equal cores: {ner / total:.2f} (target >= 0.80)")
    if len(args.workers) > 1:
        best = {w: min(t for t, _ in runs[w]) for w in args.workers}
        base = min(ner_runs[1]) if 1 in ner_runs else None
        print("end to end by worker count, s: " + ", ".join(f"{w}: {t:.2f}" for w, t in best.items())
              + (f"; against bare NER in one process: "
                 + ", ".join(f"{w}: {base / t:.2f}" for w, t in best.items()) if base else ""))
    busy = serial
    print(f"writer     : {items} node and relationship records, one transaction per document, serially: "
          f"{busy:.2f} s = {items / busy:9.0f} items/s")
    print(f"raw CREATE : same node rows, one transaction per document: {raw_doc:.2f} s = {items / raw_doc:9.0f} items/s")
    print(f"             same node rows, 1000 rows per transaction:   {raw_batch:.2f} s = {items / raw_batch:9.0f} items/s")
    print(f"raw CREATE with the product's labels, types, constraints and indexes:")
    print(f"             one transaction per document: {raw_schema:.2f} s = {items / raw_schema:9.0f} items/s")
    print(f"             1000 rows per transaction:    {raw_schema_batch:.2f} s = {items / raw_schema_batch:9.0f} items/s")
    print(f"  writer / raw CREATE rate (per-document transactions): {raw_doc / busy:.2f} (target >= 0.50)")
    print(f"  writer / raw CREATE rate (1000-row transactions):     {raw_batch / busy:.2f}")
    print(f"  writer / raw CREATE rate, same schema, per document:  {raw_schema / busy:.2f}")


if __name__ == "__main__":
    main()
