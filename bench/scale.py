"""Scale: how every read and the ingest rate grow with the graph, on synthetic graphs.

Usage: python bench/scale.py [--sizes 10000,100000,1000000] [--runs 30] [--lookup-runs 100]
                             [--docs-per-tx 1] [--keep DIR] [--reuse] [--build-only] [--ingest-only]
                             [--heap 2g] [--pagecache 2g] [--profile] [--report-only]

For each size: a throw-away Neo4j (bench_db.bench_driver) gets a synthetic graph of
that many nodes (bench/synth.py, through GraphWriter); then each operation runs after
three warm-up runs (--runs times for briefs, --lookup-runs for the rest), rotating over
its inputs, and p50/p95/max are recorded: entity search (graph.lookups.search_entities),
one entity with its counts and newest documents (graph.lookups.get_entity, busiest and typical),
neighbourhoods of depth 1 and 2 of the busiest and of a typical entity
(graph.lookups.neighbors, 100 a page), shortest path between two entities
(graph.lookups.shortest_path), provenance of a claim (graph.trace.trace), and a full
brief on the busiest and on a quiet topic (intelgraph.services.brief.builder.build_brief).
Last, new real documents (copies of examples/*.txt, each with a numbered line) go into
the big graph and into a second, emptied server in alternating rounds, so machine
noise hits both alike: the write phase alone (GraphWriter, one transaction per
document) and intelgraph.services.ingest.ingest end to end.

--keep DIR keeps each size's server folder (DIR/n<size>); --build-only stops there;
--reuse starts from a kept folder instead of building again; --ingest-only then redoes
only the ingest figures of that size.
--profile adds PROFILE totals (db hits, rows) of every query the operations run.
Results merge into bench/out/scale.json (one entry per size); bench/out/scale.png
charts them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench_db import bench_driver, wipe
from harness import BENCH, EXAMPLES, REPO, pct

OUT = BENCH / "out"
RESULTS = OUT / "scale.json"
CHART = OUT / "scale.png"
PAGE = 100  # neighbourhood page size


def timed(fn: Callable[[], object], runs: int, warmup: int = 3) -> dict:
    for _ in range(warmup):
        fn()
    ms = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        ms.append((time.perf_counter() - t0) * 1000)
    return {"runs": runs, "p50": round(statistics.median(ms), 2), "p95": round(pct(ms, 0.95), 2),
            "max": round(max(ms), 2)}


def rotating(fn: Callable, inputs: list) -> Callable[[], object]:
    state = {"i": 0}

    def call():
        x = inputs[state["i"] % len(inputs)]
        state["i"] += 1
        return fn(x)

    return call


def operations(driver, manifest: dict) -> dict[str, tuple[Callable[[], object], str]]:
    """name -> (call, what it asks)."""
    from intelgraph.services.brief import BriefRequest
    from intelgraph.services.brief.builder import build_brief
    from intelgraph.graph import lookups
    from intelgraph.graph.driver import read
    from intelgraph.graph.trace import trace
    from intelgraph.queries import query

    busiest = manifest["busiest_entities"][0]
    typical = manifest["sample_entities"] or [busiest["id"]]
    names = [e["name"] for e in manifest["busiest_entities"]] + manifest.get("sample_names", [])
    pairs = list(zip(typical[::2], typical[1::2])) or [(busiest["id"], typical[0])]
    pairs += [(busiest["id"], x) for x in manifest["sample_rare_entities"][:5]]
    claims = manifest["sample_claims"] or []
    busy, quiet = manifest["busy_topic"]["name"], manifest["quiet_topic"]["name"]
    from intelgraph.graph.driver import read
    from intelgraph.services.brief.changes import ChangesRequest, build_changes

    # changes over the newest month of the graph's documents
    newest = read(driver, "MATCH (d:Document) RETURN max(d.published) AS m")[0]["m"]
    since = (newest.to_native() - dt.timedelta(days=30)) if newest is not None else dt.date(2000, 1, 1)
    ops = {
        "search": (rotating(lambda q: lookups.search_entities(driver, q, limit=20), names),
                   f"search_entities over {len(names)} names (busy and typical), limit 20"),
        "neighbours d1 busiest": (lambda: lookups.neighbors(driver, busiest["id"], depth=1, limit=PAGE),
                                  f"neighbors({busiest['name']}, depth 1, limit {PAGE})"),
        "neighbours d1 busiest, one type": (
            lambda: lookups.neighbors(driver, busiest["id"], depth=1, rel="RELATED_TO", limit=PAGE),
            f"neighbors({busiest['name']}, depth 1, rel RELATED_TO, limit {PAGE})"),
        "neighbours d1 typical": (rotating(lambda i: lookups.neighbors(driver, i, depth=1, limit=PAGE), typical),
                                  f"neighbors(depth 1, limit {PAGE}) of {len(typical)} entities in 3-50 documents"),
        "neighbours d2 busiest": (lambda: lookups.neighbors(driver, busiest["id"], depth=2, limit=PAGE),
                                  f"neighbors({busiest['name']}, depth 2, limit {PAGE})"),
        "neighbours d2 typical": (rotating(lambda i: lookups.neighbors(driver, i, depth=2, limit=PAGE), typical),
                                  f"neighbors(depth 2, limit {PAGE}) of typical entities"),
        "get_entity busiest": (lambda: lookups.get_entity(driver, busiest["id"]),
                               f"get_entity({busiest['name']}: {busiest['documents']} documents), "
                               "counts and the 10 newest documents"),
        "get_entity busiest, counted as before": (
            lambda: read(driver, query("api/count_entity"), {"id": busiest["id"], "limit": 10}),
            "api/count_entity (the query before counts were kept: walks every mention) of the busiest entity"),
        "get_entity typical": (rotating(lambda i: lookups.get_entity(driver, i), typical),
                               f"get_entity of {len(typical)} entities in 3-50 documents"),
        "shortest path": (rotating(lambda p: lookups.shortest_path(driver, p[0], p[1], max_hops=3), pairs),
                          f"shortest_path(max_hops 3) over {len(pairs)} pairs"),
        "trace claim": (rotating(lambda c: trace(driver, c), claims), f"trace() of {len(claims)} sample claims"),
        "brief busy topic": (lambda: build_brief(driver, BriefRequest(topic=busy)),
                             f"build_brief({manifest['busy_topic']['name']!r}: tagged in "
                             f"{manifest['busy_topic']['documents']} documents)"),
        "brief quiet topic": (lambda: build_brief(driver, BriefRequest(topic=quiet)),
                              f"build_brief({quiet!r}: tagged in {manifest['quiet_topic']['documents']} documents)"),
        "changes busy topic": (lambda: build_changes(driver, ChangesRequest(topic=busy, since=since)),
                               f"build_changes({busy!r}, since {since}: the graph's newest 30 days)"),
        "changes quiet topic": (lambda: build_changes(driver, ChangesRequest(topic=quiet, since=since)),
                                f"build_changes({quiet!r}, since {since})"),
    }
    return ops


def profiles(driver, manifest: dict) -> dict[str, dict]:
    """PROFILE totals of every named query the operations run (one representative input)."""
    from intelgraph.services.brief.builder import MAX_DOCUMENTS, SECTION_QUERIES
    from intelgraph.graph.lookups import FANOUT_PER_NODE, lucene_query
    from intelgraph.queries import query
    from intelgraph.settings import get_settings

    busiest = manifest["busiest_entities"][0]["id"]
    typical = manifest["sample_entities"][0]
    topic = manifest["busy_topic"]["name"]
    brief = {"topic": topic, "entity": None, "since": None, "until": None, "limit": 10,
             "max_documents": MAX_DOCUMENTS, "stale_days": get_settings().stale_days}
    jobs = [(name + " (busy)", name, brief) for name in SECTION_QUERIES]
    jobs += [
        ("api/search_entities", "api/search_entities",
         {"q": lucene_query(manifest["busiest_entities"][0]["name"]), "type": None, "offset": 0, "limit": 21}),
        ("api/get_entity (busiest)", "api/get_entity", {"id": busiest, "limit": 10}),
        ("api/count_entity (busiest; before counts were kept)", "api/count_entity", {"id": busiest, "limit": 10}),
        ("api/expand_neighbors (busiest)", "api/expand_neighbors",
         {"frontier": [busiest], "seen": [busiest], "rel": None, "per_node": FANOUT_PER_NODE, "limit": PAGE}),
        ("api/find_path_related", "api/find_path_related", {"from": typical, "to": busiest}),
        ("trace/trace_node (claim)", "trace/trace_node", {"id": manifest["sample_claims"][0], "limit": 50}),
        ("trace/trace_node (busiest entity)", "trace/trace_node", {"id": busiest, "limit": 50}),
    ]
    out = {}
    for label, name, params in jobs:
        try:
            out[label] = profile(driver, query(name), params)
        except Exception as exc:  # a query another engineer is changing; report, don't stop
            out[label] = {"error": f"{type(exc).__name__}: {exc}"[:300]}
    return out


def profile(driver, text: str, params: dict) -> dict:
    def walk(plan, acc):
        acc.append((plan.get("dbHits", 0), plan["operatorType"].split("@")[0], plan.get("rows", 0),
                    plan.get("args", {}).get("Details", "")[:120]))
        for child in plan.get("children", []):
            walk(child, acc)
        return acc

    with driver.session(default_access_mode="READ") as session:
        t0 = time.perf_counter()
        summary = session.run("PROFILE " + text, params).consume()
        ms = (time.perf_counter() - t0) * 1000
    ops = walk(summary.profile, [])
    top = sorted(ops, key=lambda o: -o[0])[:4]
    return {"ms": round(ms, 1), "db_hits": sum(o[0] for o in ops), "rows": summary.profile.get("rows"),
            "top": [f"{op} rows={rows} dbHits={hits}: {details}" for hits, op, rows, details in top]}


# ---- ingest of new real documents ---------------------------------------------------------------

def copies(target: Path, first: int, count: int) -> Path:
    """`count` copies of every example document, numbered from `first`, so each is new."""
    folder = target / f"copies-{first}"
    folder.mkdir(parents=True)
    for k in range(first, first + count):
        for src in sorted(EXAMPLES.glob("*.txt")):
            (folder / f"{k:03d}-{src.name}").write_text(
                src.read_text(encoding="utf-8") + f"\n\nCopy {k}.\n", encoding="utf-8")
    return folder


def extract(folder: Path) -> list:
    """GraphDocuments of every file in `folder`, through the real readers and NLP."""
    from intelgraph.extract.pipeline import analyse_documents, read_inputs, to_graph
    from intelgraph.extract.sources import SourceGrades

    grades = SourceGrades.from_file(EXAMPLES / "sources.toml")
    inputs = read_inputs(sorted(str(p) for p in folder.iterdir()), "auto")
    return [to_graph(doc, analysis, grades.source_for(doc.parsed)).graph
            for doc, analysis in analyse_documents(inputs.docs)]


def write_rate(driver, graphs: list) -> dict:
    """GraphWriter.write of each document in turn: one transaction per document."""
    from intelgraph.graph.writer import GraphWriter

    writer = GraphWriter(driver)
    items = 0
    t0 = time.perf_counter()
    for g in graphs:
        r = writer.write(g)
        items += r.nodes_created + r.relationships_created
    return {"documents": len(graphs), "seconds": time.perf_counter() - t0, "items": items}


def ingest_rate(driver, folder: Path) -> dict:
    """intelgraph.services.ingest end to end (read, NLP, writes on its writer threads)."""
    from intelgraph.extract.sources import SourceGrades
    from intelgraph.services.ingest import ingest

    grades = SourceGrades.from_file(EXAMPLES / "sources.toml")
    t0 = time.perf_counter()
    s = ingest(driver, [str(folder)], grades=grades)
    return {"documents": s.count("new"), "failed": s.failed, "seconds": time.perf_counter() - t0,
            "items": s.nodes_created + s.relationships_created}


def ingest_compare(big, empty, tmp: Path, rounds: int, per_round: int, warmup: int = 2) -> dict:
    """New documents into the big graph and into an emptied one, in alternating rounds
    (the first `warmup` rounds only warm both servers' write paths up: a big server
    reopened with --reuse has compiled none of them). Two figures: the write phase alone (the same
    pre-extracted GraphDocuments, one transaction each) and ingest() end to end."""
    from synth import build

    # The big server has run for minutes; give the empty one's JIT and plan cache a
    # comparable start (a small synthetic corpus, then wiped) before round 0.
    build(empty, 5000, seed=99, docs_per_tx=1)
    rows: dict[str, list] = {"write big": [], "write empty": [], "ingest big": [], "ingest empty": []}
    base = 1000 * (int(time.time()) % 1_000_000)  # copy numbers new to a kept graph too
    for r in range(rounds + warmup):
        graphs = extract(copies(tmp, base + 2 * r * per_round, per_round))
        folder = copies(tmp, base + (2 * r + 1) * per_round, per_round)
        wipe(empty)
        pair = [("empty", empty), ("big", big)] if r % 2 else [("big", big), ("empty", empty)]
        for kind, driver in pair:
            w = write_rate(driver, graphs)
            if r >= warmup:
                rows[f"write {kind}"].append(w)
        wipe(empty)
        for kind, driver in pair:
            i = ingest_rate(driver, folder)
            if r >= warmup:
                rows[f"ingest {kind}"].append(i)
    out: dict = {}
    for key, rs in rows.items():
        docs = sum(x["documents"] for x in rs)
        secs = sum(x["seconds"] for x in rs)
        out[key] = {"documents": docs, "docs_per_s": round(docs / secs, 2),
                    "items_per_s": round(sum(x["items"] for x in rs) / secs),
                    "ms_per_doc_by_round": [round(1000 * x["seconds"] / max(x["documents"], 1), 1) for x in rs]}
    out["write_ratio"] = round(out["write big"]["docs_per_s"] / out["write empty"]["docs_per_s"], 3)
    out["ingest_ratio"] = round(out["ingest big"]["docs_per_s"] / out["ingest empty"]["docs_per_s"], 3)
    return out


# ---- one size -----------------------------------------------------------------------------------

def graph_counts(driver) -> dict:
    with driver.session() as s:
        nodes = s.run("MATCH (n) RETURN count(n) AS n").single()["n"]
        rels = s.run("MATCH ()-[r]->() RETURN count(r) AS n").single()["n"]
    return {"nodes": nodes, "relationships": rels}


def run_size(size: int, args, tmp: Path) -> dict:
    from synth import build

    home = Path(args.keep) / f"n{size}" if args.keep else None
    manifest_file = home / "manifest.json" if home else None
    reuse = bool(args.reuse and manifest_file and manifest_file.exists())
    if home and not reuse and home.exists():
        shutil.rmtree(home)
    if home:
        home.mkdir(parents=True, exist_ok=True)
    entry: dict = {"size": size, "runs": args.runs, "lookup_runs": args.lookup_runs,
                   "heap": args.heap, "pagecache": args.pagecache,
                   "when": dt.datetime.now().isoformat(timespec="seconds"), "loadavg_before": os.getloadavg()[0]}
    with bench_driver(heap=args.heap, pagecache=args.pagecache, home=home) as driver:
        if reuse:
            manifest = json.loads(manifest_file.read_text())
            entry["build"] = json.loads((home / "build.json").read_text())
            print(f"[{size}] reusing {home}")
        else:
            print(f"[{size}] building …", flush=True)
            stats = build(driver, size, seed=args.seed, docs_per_tx=args.docs_per_tx,
                          progress=lambda m: print(m, flush=True))
            manifest = stats.manifest
            entry["build"] = {"documents": stats.documents, "seconds": round(stats.seconds, 1),
                              "docs_per_tx": args.docs_per_tx, "nodes_created": stats.nodes_created,
                              "relationships_created": stats.relationships_created,
                              "docs_per_s": round(stats.documents / stats.seconds, 2),
                              "items_per_s": round((stats.nodes_created + stats.relationships_created) / stats.seconds)}
            print(f"[{size}] built: {stats.line()}", flush=True)
            if home:
                manifest_file.write_text(json.dumps(manifest, indent=1))
                (home / "build.json").write_text(json.dumps(entry["build"], indent=1))
        entry["graph"] = graph_counts(driver)
        entry["manifest"] = {k: v for k, v in manifest.items() if not k.startswith("sample")}
        with driver.session() as s:
            s.run("CALL db.awaitIndexes(600)").consume()
        if args.build_only:
            return entry
        if not args.ingest_only:
            measure(driver, manifest, entry, args)
        if args.ingest_rounds:
            from intelgraph.extract.nlp.model_loader import load_nlp

            load_nlp()  # the model loads once, outside any timing
            with bench_driver(heap=args.heap, pagecache="512m") as empty:
                entry["ingest"] = ingest_compare(driver, empty, tmp, args.ingest_rounds, args.ingest_copies)
            print(f"[{size}] ingest {json.dumps(entry['ingest'])}", flush=True)
    entry["loadavg_after"] = os.getloadavg()[0]
    return entry


def measure(driver, manifest: dict, entry: dict, args) -> None:
    """The timed operations (and, with --profile, PROFILE totals) into entry."""
    size = entry["size"]
    entry["latency_ms"], entry["asks"] = {}, {}
    for name, (call, asks) in operations(driver, manifest).items():
        if args.only and not any(name.startswith(o) for o in args.only.split(",")):
            continue
        try:
            entry["latency_ms"][name] = timed(call, args.runs if name.startswith(("brief", "changes")) else args.lookup_runs)
        except Exception as exc:  # an API under construction: record it and go on
            entry["latency_ms"][name] = {"error": f"{type(exc).__name__}: {exc}"[:300]}
        entry["asks"][name] = asks
        print(f"[{size}] {name:<24} {entry['latency_ms'][name]}", flush=True)
    if args.profile:
        entry["profile"] = profiles(driver, manifest)
        for name, p in entry["profile"].items():
            print(f"[{size}] PROFILE {name:<40} {p.get('ms')} ms, {p.get('db_hits')} db hits, "
                  f"{p.get('rows')} rows {p.get('error', '')}")


# ---- report -------------------------------------------------------------------------------------

def machine(args) -> dict:
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = os.getloadavg()
    return {"cpus": os.cpu_count(), "memory_gib": round(mem, 1), "python": platform.python_version(),
            "neo4j_heap": args.heap, "neo4j_pagecache": args.pagecache, "loadavg_at_end": [round(x, 1) for x in load]}


def table(results: dict) -> str:
    sizes = sorted(results["sizes"], key=int)
    ops = list(dict.fromkeys(op for s in sizes for op in results["sizes"][s].get("latency_ms", {})))
    head = "| operation (ms, p50 / p95) | " + " | ".join(
        f"{int(s) // 1000:,}k target: {results['sizes'][s]['graph']['nodes']:,} nodes" for s in sizes) + " |"
    lines = [head, "|---|" + "---:|" * len(sizes)]
    for op in ops:
        cells = []
        for s in sizes:
            m = results["sizes"][s].get("latency_ms", {}).get(op, {})
            cells.append("error" if "error" in m else f"{m['p50']:.1f} / {m['p95']:.1f}" if m else "")
        lines.append(f"| {op} | " + " | ".join(cells) + " |")
    for key, label in (("write", "write new docs, docs/s: this graph / empty (ratio)"),
                       ("ingest", "ingest() new docs end to end, docs/s: this graph / empty")):
        cells = []
        for s in sizes:
            ing = results["sizes"][s].get("ingest")
            cells.append(f"{ing[key + ' big']['docs_per_s']} / {ing[key + ' empty']['docs_per_s']} "
                         f"({100 * ing[key + '_ratio']:.0f} %)" if ing else "")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    cells = [f"{b['seconds']:.0f} s ({b['documents']:,} docs, {b.get('docs_per_tx', 1)}/tx)"
             for b in (results["sizes"][s]["build"] for s in sizes)]
    lines.append("| build (synth.py through GraphWriter) | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def chart(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = sorted(results["sizes"], key=int)
    xs = [results["sizes"][s]["graph"]["nodes"] for s in sizes]
    ops = list(dict.fromkeys(op for s in sizes for op in results["sizes"][s].get("latency_ms", {})))
    colour = {op: plt.get_cmap("tab10")(i % 10) for i, op in enumerate(ops)}
    fig, (ax, ax2) = plt.subplots(1, 2, figsize=(13, 5.2), gridspec_kw={"width_ratios": [2.3, 1]})
    for op in ops:
        ys = [results["sizes"][s].get("latency_ms", {}).get(op, {}).get("p95") for s in sizes]
        pts = [(x, y) for x, y in zip(xs, ys) if y is not None]
        if not pts:
            continue
        ax.plot(*zip(*pts), color=colour[op], marker="o", lw=1.8, label=op)
    ax.set(xscale="log", yscale="log", xlabel="graph size (nodes)", ylabel="p95 latency (ms)",
           title="Read latency, p95")
    ax.axhline(50, color="grey", ls=":", lw=1)
    ax.axhline(1000, color="grey", ls=":", lw=1)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
    ing = [(x, results["sizes"][s].get("ingest")) for x, s in zip(xs, sizes)]
    ing = [(x, i) for x, i in ing if i]
    if ing:
        for key, mark in (("write empty", "o"), ("write big", "s"), ("ingest empty", "^"), ("ingest big", "v")):
            label = key.replace("big", "into this graph").replace("empty", "into an empty graph")
            ax2.plot([x for x, _ in ing], [i[key]["docs_per_s"] for _, i in ing], marker=mark, label=label)
        ax2.set(xscale="log", xlabel="graph size (nodes)", ylabel="new documents/s",
                title="Ingest rate of new documents")
        ax2.set_ylim(bottom=0)
        ax2.grid(True, which="both", alpha=0.3)
        ax2.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=85)
    plt.close(fig)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000,1000000", help="node targets, comma-separated")
    ap.add_argument("--runs", type=int, default=30, help="timed runs of each brief")
    ap.add_argument("--lookup-runs", type=int, default=100, help="timed runs of each look-up (search, neighbours …)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--docs-per-tx", type=int, default=1, help="synthetic documents per write transaction")
    ap.add_argument("--heap", default="2g")
    ap.add_argument("--pagecache", default="2g")
    ap.add_argument("--keep", help="keep each size's Neo4j folder under this directory")
    ap.add_argument("--reuse", action="store_true", help="with --keep: reuse a kept graph instead of building")
    ap.add_argument("--profile", action="store_true", help="record PROFILE totals of every query")
    ap.add_argument("--only", help="with --reuse: time only the operations whose names start with these "
                                   "(comma-separated, e.g. 'search,brief busy'), keeping the size's other results")
    ap.add_argument("--ingest-rounds", type=int, default=3, help="timed rounds (after two warm-up rounds); 0 skips ingest")
    ap.add_argument("--ingest-copies", type=int, default=1, help="copies of examples/ per ingest round")
    ap.add_argument("--build-only", action="store_true",
                    help="build (and with --keep, keep) the graphs; measure nothing")
    ap.add_argument("--ingest-only", action="store_true",
                    help="with --reuse: measure only the ingest rates, keeping the size's other results")
    ap.add_argument("--fresh", action="store_true", help="start a new results file instead of merging")
    ap.add_argument("--report-only", action="store_true", help="print the table and redraw the chart from scale.json")
    args = ap.parse_args()
    if os.environ.get("NEO4J_URI"):
        raise SystemExit("unset NEO4J_URI: scale.py runs its own throw-away servers")
    OUT.mkdir(parents=True, exist_ok=True)
    results = {"sizes": {}} if args.fresh or not RESULTS.exists() else json.loads(RESULTS.read_text())
    with tempfile.TemporaryDirectory(prefix="intelgraph-scale-") as tmp:
        for size in ([] if args.report_only else (int(s) for s in args.sizes.split(","))):
            old = results["sizes"].get(str(size), {})
            new = run_size(size, args, Path(tmp))
            merged = {**old, **new}
            if args.only:  # a partial run keeps the operations it did not time
                for key in ("latency_ms", "asks"):
                    merged[key] = {**old.get(key, {}), **new.get(key, {})}
            results["sizes"][str(size)] = merged
            results["machine"] = machine(args)
            RESULTS.write_text(json.dumps(results, indent=1, default=str))
    print(table(results))
    chart(results, CHART)
    print(f"wrote {RESULTS.relative_to(REPO)} and {CHART.relative_to(REPO)}")


if __name__ == "__main__":
    main()
