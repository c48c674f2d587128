"""Workbench page load times in headless Chromium, against a running `intelgraph serve`.

Usage: python bench/workbench.py --url http://127.0.0.1:8000 --key KEY
                                 [--query Kestrel] [--topic "Kestrel Strait"] [--runs 10]
                                 [--chromium /usr/bin/chromium]
       python bench/workbench.py --graph DIR [--heap 2g --pagecache 2g] [--query …] [--topic …]

With --graph, a graph folder kept by bench/scale.py (--keep DIR: DIR/n<size>, a copy of it:
the server writes to it) is started as the local Neo4j and the app is served from this
process on a free port with a throw-away key, instead of timing a running server.

Opens each page of the workbench (search, entity, document at a passage, brief, sources)
--runs times in two ways and prints the median and the maximum in ms:
- load: a full page load (HTML, script, Cytoscape, the page's API calls, drawing), from
  navigation start to the page's `ready` mark (performance.getEntriesByName);
- in-app: a click-free hash change inside an already loaded page, to `ready` again.
For the entity page it also times the neighbourhood graph being drawn (`graph`). The
entity, document and passage are the first hits of a search for --query, so the script
runs on any graph. Needs Playwright (the test extras) and Debian's chromium.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import httpx

from harness import free_port, pct


def targets(url: str, key: str, query: str, topic: str) -> dict[str, str]:
    hits = httpx.get(f"{url}/search", params={"q": query, "limit": 5}, headers={"X-API-Key": key}, timeout=60)
    hits.raise_for_status()
    body = hits.json()
    if not body["entities"]["items"] or not body["documents"]["items"]:
        raise SystemExit(f"a search for {query!r} finds no entity or no document; pass --query")
    entity = body["entities"]["items"][0]["id"]
    doc = body["documents"]["items"][0]
    q = urllib.parse.quote
    return {"search": f"#/search?q={q(query)}", "entity": f"#/entity/{q(entity, safe='')}",
            "document": f"#/document/{q(doc['id'], safe='')}?passage={q(doc['passage_id'] or '', safe='')}",
            "brief": f"#/brief?topic={q(topic)}", "sources": "#/sources"}


@contextlib.contextmanager
def served_graph(home: str, heap: str, pagecache: str):
    """The kept graph's Neo4j started, and the app (workbench and API) under uvicorn in a thread."""
    import uvicorn
    from bench_db import bench_driver

    from intelgraph.api.app import create_app
    from intelgraph.settings import Settings

    key = "bench-workbench-reader-key"
    with bench_driver(heap=heap, pagecache=pagecache, home=Path(home)) as driver:
        app = create_app(Settings(api_keys=f"{key}:reader", api_open=False))
        app.state.driver = driver
        port = free_port()
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        try:
            yield f"http://127.0.0.1:{port}", key
        finally:
            server.should_exit = True
            thread.join(10)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", default="http://127.0.0.1:8000")
    ap.add_argument("--key")
    ap.add_argument("--graph", help="a graph folder kept by bench/scale.py (a copy), started and served here")
    ap.add_argument("--heap", default="2g")
    ap.add_argument("--pagecache", default="2g")
    ap.add_argument("--query", default="Kestrel")
    ap.add_argument("--topic", default="Kestrel Strait")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args()
    try:
        from playwright.sync_api import sync_playwright  # noqa: F401
    except ImportError:
        raise SystemExit("Playwright is not installed: pip install -e '.[test]'") from None
    if args.graph:
        with served_graph(args.graph, args.heap, args.pagecache) as (url, key):
            run(args, url, key)
    elif not args.key:
        raise SystemExit("--key is required with --url (or pass --graph)")
    else:
        run(args, args.url.rstrip("/"), args.key)


def run(args, url: str, key: str) -> None:
    from playwright.sync_api import sync_playwright

    args.key = key
    pages = targets(url, args.key, args.query, args.topic)
    results: dict[str, dict[str, list[float]]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, headless=True, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(url + "/")
        page.fill("#key-input", args.key)
        page.click("#key-form button[type=submit]")
        page.wait_for_selector("main[data-ready]")
        for name, hash_ in pages.items():
            cell = results.setdefault(name, {"load": [], "in-app": [], "graph": []})
            for _ in range(args.runs + 1):  # the first run warms caches and is not counted
                page.goto("about:blank")
                page.goto(f"{url}/{hash_}")
                page.wait_for_selector(f"main[data-ready={name}]", timeout=120_000)
                if page.locator("main [role=alert]").count():  # the page drew an error: not a timing
                    raise SystemExit(f"{name}: {page.inner_text('main [role=alert]')}")
                load = page.evaluate("performance.getEntriesByName('ready').at(-1).startTime")
                graph = None
                if name == "entity":
                    page.wait_for_selector("main[data-graph=ready]", timeout=60_000)
                    graph = page.evaluate("performance.getEntriesByName('graph').at(-1).startTime")
                # in-app: away to the sources page, then back by hash
                page.evaluate("location.hash = '#/search'")
                page.wait_for_selector("main[data-ready=search]")
                inapp = page.evaluate("""async (h) => {
                    const t0 = performance.now();
                    performance.clearMarks('ready');
                    location.hash = h;
                    while (!performance.getEntriesByName('ready').length) await new Promise(r => setTimeout(r, 2));
                    return performance.getEntriesByName('ready')[0].startTime - t0; }""", hash_)
                cell["load"].append(load)
                cell["in-app"].append(inapp)
                if graph is not None:
                    cell["graph"].append(graph)
            for k in cell:
                cell[k] = cell[k][1:]
        browser.close()
    print(f"workbench page times, ms, {args.runs} runs each, {url} (median / p95 / max)")
    print(f"{'page':<10} {'load':>22} {'in-app':>22} {'graph drawn':>22}")
    for name, cell in results.items():
        def fmt(xs: list[float]) -> str:
            return f"{statistics.median(xs):6.0f} /{pct(xs, 0.95):5.0f} /{max(xs):5.0f}" if xs else "-"
        print(f"{name:<10} {fmt(cell['load']):>22} {fmt(cell['in-app']):>22} {fmt(cell['graph']):>22}")
    if errors:
        print(f"console errors: {errors}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
