"""HTTP API throughput and latency: neighbours, trace and search, at concurrency 1 and 8.

Usage: python bench/api.py [--seconds 5] [--concurrency 1 8] [--depth 2] [--workers 1]
                           [--examples PATH] [--use-configured]

Builds a graph from the sample documents (examples/, ingested with intelgraph.services.ingest)
in a throw-away local Neo4j (or, with --use-configured, the server NEO4J_URI names,
which is wiped first), starts the API under uvicorn in a subprocess on a free loopback
port, and drives it from threads with one httpx client each, for --seconds per
(endpoint, concurrency) cell. Prints requests/s, p50, p95 and max latency in ms, and
the count of non-200 answers (which should be 0).
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import subprocess
import sys
import threading
import time

import httpx

from harness import EXAMPLES, REPO, free_port, pct

KEY = "bench-reader-key"


def targets(driver) -> dict[str, list[str]]:
    """Ids and search words that exist in the graph just built."""
    from intelgraph.graph.driver import read

    entities = read(driver, """
        MATCH (e:Entity) RETURN e.id AS id, e.name AS name
        ORDER BY COUNT { (e)<-[:MENTIONS]-() } DESC, e.id LIMIT 25""")
    traced = read(driver, """
        MATCH (x)-[:EXTRACTED_FROM]->(:Passage) WHERE x:Claim OR x:Assessment OR x:Hypothesis OR x:Evidence
        RETURN x.id AS id ORDER BY x.id LIMIT 50""")
    words = sorted({w for e in entities for w in (e["name"] or "").split() if len(w) >= 4})
    if not entities or not traced:
        raise SystemExit("the sample documents produced no entities or claims; nothing to benchmark")
    return {"entities": [e["id"] for e in entities], "nodes": [t["id"] for t in traced], "words": words or ["a"]}


def start_api(port: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, "INTELGRAPH_API_KEYS": f"{KEY}:reader", "INTELGRAPH_API_OPEN": "false"}
    cmd = [sys.executable, "-m", "uvicorn", "intelgraph.api.app:create_app", "--factory",
           "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
           "--log-level", "warning", "--no-access-log"]
    proc = subprocess.Popen(cmd, env=env, cwd=REPO)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the API exited with {proc.returncode} before answering")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/ready", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.terminate()
    raise SystemExit("the API did not become ready within 60 s")


def drive(base: str, make_request, concurrency: int, seconds: float) -> dict:
    latencies: list[list[float]] = [[] for _ in range(concurrency)]
    errors = [0] * concurrency
    stop_at = time.perf_counter() + seconds

    def worker(i: int) -> None:
        n = i
        with httpx.Client(base_url=base, headers={"X-API-Key": KEY}, timeout=30) as client:
            while time.perf_counter() < stop_at:
                method, url, params = make_request(n)
                n += concurrency
                t0 = time.perf_counter()
                resp = client.request(method, url, params=params)
                latencies[i].append((time.perf_counter() - t0) * 1000)
                if resp.status_code != 200:
                    errors[i] += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    flat = [x for xs in latencies for x in xs]
    return {"requests": len(flat), "rps": len(flat) / elapsed, "p50": pct(flat, 0.5), "p95": pct(flat, 0.95),
            "max": max(flat) if flat else float("nan"), "mean": statistics.fmean(flat) if flat else float("nan"),
            "errors": sum(errors)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=5.0, help="run time per endpoint and concurrency")
    ap.add_argument("--concurrency", type=int, nargs="+", default=[1, 8])
    ap.add_argument("--depth", type=int, default=2, help="neighbourhood depth")
    ap.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    ap.add_argument("--examples", default=str(EXAMPLES), help="documents to ingest")
    ap.add_argument("--use-configured", action="store_true", help="benchmark (and wipe) the NEO4J_URI server")
    args = ap.parse_args()
    logging.getLogger("neo4j").setLevel(logging.ERROR)  # retry notices would break up the table

    from bench_db import bench_driver, wipe

    from intelgraph.services.ingest import ingest

    with bench_driver(use_configured=args.use_configured) as driver:
        if args.use_configured:
            wipe(driver)
        t0 = time.perf_counter()
        summary = ingest(driver, [args.examples], recursive=True)
        docs = summary.as_dict()["documents"]
        found = targets(driver)
        print(f"graph: {docs['new']} documents ingested in {time.perf_counter() - t0:.1f} s; "
              f"{len(found['entities'])} entities, {len(found['nodes'])} traced nodes, {len(found['words'])} search words")
        port = free_port()
        proc = start_api(port, args.workers)
        base = f"http://127.0.0.1:{port}"
        ents, nodes, words = found["entities"], found["nodes"], found["words"]
        scenarios = {
            f"neighbors depth {args.depth}": lambda n: ("GET", f"/entities/{ents[n % len(ents)]}/neighbors",
                                                         {"depth": args.depth, "limit": 100}),
            "trace": lambda n: ("GET", f"/trace/{nodes[n % len(nodes)]}", None),
            "search": lambda n: ("GET", "/entities", {"q": words[n % len(words)][:5], "limit": 20}),
        }
        try:
            for make in scenarios.values():  # warm up: plans cached, pool filled
                drive(base, make, 2, 0.5)
            print(f"\n{'endpoint':<20} {'conc':>4} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} "
                  f"{'max ms':>8} {'non-200':>8}")
            for name, make in scenarios.items():
                for c in args.concurrency:
                    r = drive(base, make, c, args.seconds)
                    print(f"{name:<20} {c:>4} {r['requests']:>9} {r['rps']:>8.1f} {r['p50']:>8.2f} {r['p95']:>8.2f} "
                          f"{r['max']:>8.2f} {r['errors']:>8}")
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


if __name__ == "__main__":
    main()
