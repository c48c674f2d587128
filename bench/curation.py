"""What re-applying curations costs the writer, on a throw-away Neo4j.

Usage: python bench/curation.py [--limit 80] [--rounds 6] [--curated 20] [--use-configured]

Extracts documents from examples/ and ../shared/corpus once, then writes the same
GraphDocuments round after round (the graph wiped between runs), alternating three
writers: re-applying curations switched off (the writer before curation existed), on
with no curation in the graph (every document pays one indexed look-up), and on with
`--curated` of the busiest entities curated (half rejected, half renamed), so documents
that touch them pay the re-apply itself. The first two rounds warm the server's JIT up
and are not counted; the best of the rest is reported, in ms per document and as a
ratio to the writer without curation.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

from bench_db import bench_driver, wipe
from harness import EXAMPLES, corpus_dir


def documents(limit: int):
    from intelgraph.extract.pipeline import analyse_documents, read_inputs, to_graph
    from intelgraph.extract.sources import SourceGrades

    paths = sorted(EXAMPLES.glob("*.txt"))
    for sub in ("reports", "digests", "news"):
        paths += sorted((corpus_dir() / sub).glob("*.txt"))
    inputs = read_inputs([str(p) for p in paths[:limit]], "auto")
    grades = SourceGrades()
    return [to_graph(doc, analysis, grades.source_for(doc.parsed)).graph
            for doc, analysis in analyse_documents(inputs.docs)]


def busiest(graphs, n: int) -> list[str]:
    seen = Counter(node.id for g in graphs for node in g.nodes if node.id.startswith("entity:"))
    return [eid for eid, _ in seen.most_common(n)]


def run(driver, graphs, mode: str, curated: list[str]) -> float:
    import intelgraph.graph.curation as curation
    from intelgraph.graph.writer import GraphWriter
    from intelgraph.ontology import L

    wipe(driver)
    writer = GraphWriter(driver)
    if mode == "curated":
        # curate on the whole graph, then empty it of all but the curations: the timed
        # writes then bring the curated entities back, and re-applying has work to do
        for g in graphs:
            writer.write(g)
        for i, eid in enumerate(curated):
            if i % 2:
                curation.rename(driver, eid, f"Curated {i}", curator="bench")
            else:
                curation.reject(driver, eid, curator="bench")
        with driver.session() as session:
            session.run("MATCH (n) WHERE NOT $keep IN labels(n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS",
                        keep=L.Curation).consume()
    original = curation.reapply
    if mode == "off":
        curation.reapply = lambda tx, ids: Counter()
    try:
        t0 = time.perf_counter()
        for g in graphs:
            writer.write(g)
        return time.perf_counter() - t0
    finally:
        curation.reapply = original


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=80, help="documents extracted and written per run")
    ap.add_argument("--rounds", type=int, default=6, help="rounds of the three writers (the first two warm up)")
    ap.add_argument("--curated", type=int, default=20, help="busiest entities curated in the third writer")
    ap.add_argument("--use-configured", action="store_true", help="benchmark (and wipe) the NEO4J_URI server")
    args = ap.parse_args()
    graphs = documents(args.limit)
    curated = busiest(graphs, args.curated)
    print(f"{len(graphs)} documents, {sum(len(g.nodes) for g in graphs)} nodes; {len(curated)} entities curated")
    best: dict[str, float] = {}
    with bench_driver(use_configured=args.use_configured) as driver:
        for r in range(args.rounds):
            for mode in ("off", "on", "curated"):
                seconds = run(driver, graphs, mode, curated)
                print(f"round {r + 1} {mode:>8}: {1000 * seconds / len(graphs):7.2f} ms/document")
                if r >= 2:
                    best[mode] = min(best.get(mode, seconds), seconds)
    base = best["off"]
    for mode, seconds in best.items():
        print(f"best {mode:>8}: {1000 * seconds / len(graphs):7.2f} ms/document  ({seconds / base:.3f} x off)")


if __name__ == "__main__":
    main()
