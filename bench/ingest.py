"""Ingest throughput end to end, against bare spaCy NER and a raw UNWIND … CREATE.

Usage: python bench/ingest.py [--copies 8] [--workers 2] [--use-configured]

Builds a corpus of distinct documents from examples/ and ../shared/corpus (each copy
gets a numbered line, so its hash differs), then, in one run on a throw-away Neo4j:
1. ingests it with the project's pipeline (read / NLP / write time split);
2. runs bare spaCy NER (tok2vec + ner only, nlp.pipe, same worker count) on the same texts;
3. empties the graph and writes the same number of nodes and relationships with a raw
   UNWIND … CREATE in batches of 1,000.
Prints documents/s, words/s and the ratios the targets are stated in.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from bench_db import bench_driver, wipe

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("INTELGRAPH_SHARED", REPO.parent / "shared"))


def make_corpus(target: Path, copies: int) -> list[Path]:
    sources = sorted(REPO.glob("examples/*.txt"))
    for sub in ("reports", "digests", "news"):
        sources += sorted((SHARED / "corpus" / sub).glob("*.txt"))
    files = []
    for k in range(copies):
        for src in sources:
            path = target / f"{k:03d}-{src.parent.name}-{src.name}"
            path.write_text(src.read_text(encoding="utf-8") + f"\n\nCopy {k}.\n", encoding="utf-8")
            files.append(path)
    return files


def bare_ner(texts: list[str], workers: int) -> float:
    import spacy

    from intelgraph.extract.nlp.model_loader import default_model_name

    nlp = spacy.load(default_model_name(), exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=workers, batch_size=32):
        pass
    return time.perf_counter() - t0


def raw_create(driver, nodes: int, rels: int) -> float:
    t0 = time.perf_counter()
    with driver.session() as session:
        for start in range(0, nodes, 1000):
            n = min(1000, nodes - start)
            session.execute_write(lambda tx, s=start, n=n: tx.run(
                "UNWIND range($s, $s + $n - 1) AS i CREATE (:BenchRaw {id: 'raw' + i, text: 'x'})", s=s, n=n).consume())
        for start in range(0, rels, 1000):
            n = min(1000, rels - start)
            session.execute_write(lambda tx, s=start, n=n: tx.run(
                "UNWIND range($s, $s + $n - 1) AS i "
                "MATCH (a:BenchRaw {id: 'raw' + (i % $nodes)}), (b:BenchRaw {id: 'raw' + ((i * 7 + 1) % $nodes)}) "
                "CREATE (a)-[:BENCH_RAW]->(b)", s=s, n=n, nodes=nodes).consume())
    elapsed = time.perf_counter() - t0
    with driver.session() as session:
        session.run("MATCH (n:BenchRaw) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=8, help="copies of each source document")
    ap.add_argument("--workers", type=int, default=1, help="spaCy processes for both ingest and bare NER")
    ap.add_argument("--use-configured", action="store_true", help="benchmark (and wipe) the NEO4J_URI server")
    args = ap.parse_args()

    from intelgraph.ingest import ingest

    with tempfile.TemporaryDirectory() as tmp, bench_driver(use_configured=args.use_configured) as driver:
        files = make_corpus(Path(tmp), args.copies)
        texts = [f.read_text(encoding="utf-8") for f in files]
        words = sum(len(t.split()) for t in texts)
        wipe(driver)

        t0 = time.perf_counter()
        summary = ingest(driver, [tmp], workers=args.workers)
        total = time.perf_counter() - t0
        s = summary.seconds
        docs = summary.count("new")
        ner = bare_ner(texts, args.workers)
        # index the raw label like the writer's key label, so the comparison is fair
        with driver.session() as session:
            session.run("CREATE INDEX bench_raw_id IF NOT EXISTS FOR (n:BenchRaw) ON (n.id)").consume()
            session.run("CALL db.awaitIndexes(60)").consume()
        raw = raw_create(driver, summary.nodes_created, summary.relationships_created)
        with driver.session() as session:
            session.run("DROP INDEX bench_raw_id IF EXISTS").consume()

    items = summary.nodes_created + summary.relationships_created
    print(f"documents: {docs} new ({summary.failed} failed), {words} words, workers={args.workers}")
    print(f"end to end : {total:7.2f} s  {docs / total:7.1f} docs/s  {words / total:9.0f} words/s")
    print(f"  read     : {s['read']:7.2f} s   NLP: {s['nlp']:7.2f} s   write: {s['write']:7.2f} s "
          f"({100 * s['write'] / total:.1f} % of total; target <= 20 %)")
    print(f"bare NER   : {ner:7.2f} s  {len(texts) / ner:7.1f} docs/s  {words / ner:9.0f} words/s")
    print(f"  end to end / bare NER throughput: {ner / total:.2f} (target >= 0.80)")
    print(f"writer     : {items} nodes+relationships in {s['write']:.2f} s = {items / s['write']:9.0f} items/s")
    print(f"raw CREATE : {items} nodes+relationships in {raw:.2f} s = {items / raw:9.0f} items/s")
    print(f"  writer / raw CREATE rate: {raw / s['write']:.2f} (target >= 0.50)")


if __name__ == "__main__":
    main()
