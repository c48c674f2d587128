"""Brief generation latency (p50/p95) on the graph the configured Neo4j holds.

Usage: python bench/brief.py [--topic "Kestrel Strait"] [--runs 30] [--ingest PATH …]
With --ingest, the paths are ingested first (idempotent). Prints one row per topic:
runs, p50, p95 and max in milliseconds, for building (queries + assembly) and rendering.
"""

from __future__ import annotations

import argparse
import statistics
import time

from intelgraph.services.brief import BriefRequest, render
from intelgraph.services.brief.builder import build_brief
from intelgraph.graph.driver import make_driver
from intelgraph.graph.schema import ensure_schema
from intelgraph.settings import get_settings

from harness import pct

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--topic", action="append", help="topic (repeatable); default: two busy and one quiet topic")
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--ingest", nargs="*", default=[])
    args = ap.parse_args()
    topics = args.topic or ["Kestrel Strait", "Tidewater Front", "Skerrow Island"]
    with make_driver(get_settings()) as driver:
        ensure_schema(driver)
        if args.ingest:
            from intelgraph.services.ingest import ingest

            s = ingest(driver, args.ingest, recursive=True)
            print(f"ingested: {s.as_dict()['documents']}")
        print(f"{'topic':<20} {'runs':>5} {'build p50':>10} {'build p95':>10} {'max':>8} {'render p50':>11} {'statements':>11}")
        for topic in topics:
            build, rend = [], []
            n = 0
            for _ in range(args.runs):
                t0 = time.perf_counter()
                brief = build_brief(driver, BriefRequest(topic=topic))
                t1 = time.perf_counter()
                for fmt in ("md", "html", "json"):
                    render(brief, fmt)
                t2 = time.perf_counter()
                build.append((t1 - t0) * 1000)
                rend.append((t2 - t1) * 1000)
                n = len(brief.statements())
            print(f"{topic:<20} {args.runs:>5} {statistics.median(build):>9.1f}ms {pct(build, 0.95):>9.1f}ms "
                  f"{max(build):>7.1f}ms {statistics.median(rend):>10.1f}ms {n:>11}")


if __name__ == "__main__":
    main()
