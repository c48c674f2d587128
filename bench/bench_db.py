"""A throw-away Neo4j for benchmarks: the local server in a temporary folder on free
ports, or the server NEO4J_URI names when --use-configured is given (it gets wiped)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from harness import free_port


def wipe(driver) -> None:
    with driver.session() as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


@contextmanager
def bench_driver(*, use_configured: bool = False, heap: str = "1g", pagecache: str = "512m",
                 home: Path | None = None) -> Iterator:
    from intelgraph.graph.driver import make_driver
    from intelgraph.graph.schema import ensure_schema
    from intelgraph.settings import get_settings

    if os.environ.get("NEO4J_URI"):
        if not use_configured:
            raise SystemExit("NEO4J_URI is set: pass --use-configured to benchmark (and wipe) that server")
        yield from _driver(make_driver, ensure_schema)
        return
    from intelgraph.graph.server.manager import LocalServer

    with tempfile.TemporaryDirectory(prefix="intelgraph-bench-") as tmp:
        os.environ.update({
            "INTELGRAPH_HOME": str(home or tmp), "INTELGRAPH_BOLT_PORT": str(free_port()),
            "INTELGRAPH_HTTP_PORT": str(free_port()), "INTELGRAPH_HEAP": heap, "INTELGRAPH_PAGECACHE": pagecache,
        })
        get_settings.cache_clear()
        server = LocalServer(get_settings())
        server.start()
        try:
            yield from _driver(make_driver, ensure_schema)
        finally:
            server.stop()


def _driver(make_driver, ensure_schema) -> Iterator:
    from intelgraph.settings import get_settings

    driver = make_driver(get_settings())
    try:
        ensure_schema(driver)
        yield driver
    finally:
        driver.close()
