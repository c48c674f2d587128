"""Test fixtures against a real Neo4j.

Session: the local server the project manages, started in a temporary folder on free
ports (or the server NEO4J_URI names, when set). Per test: `graph` empties the
database and makes sure the ontology's schema is there. The environment is pointed
at that server so CLI and API code under test (get_settings()) use it too.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def shared_dir() -> Path:
    """Where the development data should be: $INTELGRAPH_SHARED, else ../shared beside the
    repository. It may be missing: tests that need it request `corpus_dir`."""
    env = os.environ.get("INTELGRAPH_SHARED")
    return Path(env) if env else REPO.parent / "shared"


def corpus_present() -> bool:
    return (shared_dir() / "corpus" / "manifest.tsv").is_file()


def require_corpus() -> Path:
    """The corpus folder, or the one skip every corpus test shares (an error under CI=true,
    where the corpus is always laid beside the clone)."""
    corpus = shared_dir() / "corpus"
    if not corpus_present():
        reason = f"development corpus not found at {corpus}; set INTELGRAPH_SHARED to the folder holding corpus/"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return corpus


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The development corpus (shared/corpus). Tests that take it, directly or through
    another fixture, are marked `corpus` and skipped before set-up when it is missing."""
    return require_corpus()


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "corpus: needs the development corpus (every test using corpus_dir)")


def pytest_collection_modifyitems(config, items) -> None:
    # `-m "not corpus"` leaves out everything that reads shared/corpus
    for item in items:
        if "corpus_dir" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.corpus)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item) -> None:
    # Skipped here, from one place, rather than in the fixture: pytest reports a
    # fixture's skip at each test's own line, so `-ra` would list every test; this
    # way all corpus tests fold into one line. Also spares their other fixtures
    # (a server start, an ingest) when the corpus is missing.
    if item.get_closest_marker("corpus") is not None:
        require_corpus()


@pytest.fixture(scope="session")
def neo4j_settings(tmp_path_factory):
    from intelgraph.settings import Settings, get_settings

    if os.environ.get("NEO4J_URI"):
        get_settings.cache_clear()
        yield get_settings()
        return
    from intelgraph.graph.server.manager import LocalServer

    home = tmp_path_factory.mktemp("intelgraph-home")
    env = {
        "INTELGRAPH_HOME": str(home),
        "INTELGRAPH_BOLT_PORT": str(free_port()),
        "INTELGRAPH_HTTP_PORT": str(free_port()),
    }
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    get_settings.cache_clear()
    settings = Settings()
    server = LocalServer(settings)
    server.start()
    try:
        yield settings
    finally:
        server.stop()
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        get_settings.cache_clear()


@pytest.fixture(scope="session")
def driver(neo4j_settings) -> Iterator:
    from intelgraph.graph.driver import make_driver

    drv = make_driver(neo4j_settings)
    yield drv
    drv.close()


def wipe(drv) -> None:
    with drv.session(database=os.environ.get("NEO4J_DATABASE", "neo4j")) as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


@pytest.fixture
def graph(driver):
    """An empty graph with the ontology's schema applied."""
    from intelgraph.graph.schema import ensure_schema

    wipe(driver)
    ensure_schema(driver)
    return driver
