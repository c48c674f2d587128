"""One Neo4j driver per process, built from settings.

With NEO4J_URI set, that server is used (bolt://, neo4j://, neo4j+s:// …); otherwise
the local server managed by `intelgraph server`. All reads and writes go through
managed transactions (execute_read / execute_write), so they are retried on
transient errors and routed correctly on clusters and Aura.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any, LiteralString, TypeVar
from weakref import WeakKeyDictionary

import neo4j
from neo4j import Driver, GraphDatabase
from neo4j.exceptions import AuthError, ClientError, Neo4jError, ServiceUnavailable, SessionExpired, TransientError

from intelgraph.errors import DatabaseUnavailable, QueryMemoryError, QueryTimeout
from intelgraph.settings import Settings

log = logging.getLogger(__name__)
T = TypeVar("T")
# The settings each driver was made from: graph code reads its limits (database, query
# timeout, row cap, batch size) from the driver it is handed, so a process's one
# settings object (the CLI's, or the API app's on app.state) is the only one consulted.
_SETTINGS: WeakKeyDictionary[Driver, Settings] = WeakKeyDictionary()
# For a driver made elsewhere (embedding code): the defaults, without reading the environment.
_DEFAULTS = Settings.model_construct()


def settings_of(driver: Driver) -> Settings:
    """The settings `driver` was made from (make_driver), else the defaults."""
    return _SETTINGS.get(driver, _DEFAULTS)


def connection(settings: Settings) -> tuple[str, str | None, str | None]:
    """(uri, user, password) for the configured server."""
    if settings.neo4j_uri:
        return settings.neo4j_uri, settings.neo4j_user, settings.neo4j_password
    from intelgraph.graph.server.manager import LocalServer

    return LocalServer(settings).credentials()


def where(settings: Settings) -> str:
    return settings.neo4j_uri or f"the local server (bolt://127.0.0.1:{settings.bolt_port})"


# For a server answering requests (the API): a request fails within ~3 s when Neo4j is
# down, instead of the driver's defaults (a 30 s connect and 30 s of retries); a
# transient error mid-query is still retried within that second and a half.
FAIL_FAST = {"connection_timeout": 1.0, "connection_acquisition_timeout": 2.0, "max_transaction_retry_time": 1.0}


def make_driver(settings: Settings, *, verify: bool = True, fail_fast: bool = False) -> Driver:
    uri, user, password = connection(settings)
    auth = (user, password) if password else None
    # Notifications (e.g. "label does not exist yet" on an empty graph) are noise for
    # users; query problems surface as errors.
    driver = GraphDatabase.driver(uri, auth=auth, max_connection_pool_size=50,
                                  notifications_min_severity=neo4j.NotificationMinimumSeverity.OFF,
                                  **(FAIL_FAST if fail_fast else {}))
    _SETTINGS[driver] = settings
    if verify:
        try:
            driver.verify_connectivity()
        except AuthError:
            driver.close()
            raise DatabaseUnavailable(
                f"Neo4j at {where(settings)} refused the credentials; check NEO4J_USER and NEO4J_PASSWORD"
            ) from None
        except (ServiceUnavailable, SessionExpired, OSError, ValueError) as exc:
            driver.close()
            hint = (
                "check NEO4J_URI and that the server is up"
                if settings.neo4j_uri
                else "start it with `intelgraph server start`"
            )
            raise DatabaseUnavailable(f"cannot reach Neo4j at {where(settings)}: {hint}") from exc
    return driver


def read(driver: Driver, query: LiteralString, params: dict[str, Any] | None = None, *,
         database: str | None = None, timeout: float | None = None) -> list[dict[str, Any]]:
    """Run one read query in a managed read transaction; rows as dicts."""

    def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
        return [r.data() for r in tx.run(query, params or {})]

    return run_read(driver, work, database=database, timeout=timeout)


# Neo4j's codes for a query that ran out of memory: the per-transaction or total limit
# (MemoryPoolOutOfMemoryError, TransactionMemoryLimit) or the heap itself (OutOfMemoryError).
# They are transient errors, which execute_read would retry, running the same query into
# the same wall again; a read that hit one fails at once instead.
_MEMORY_CODES = ("OutOfMemoryError", "MemoryPoolOutOfMemoryError", "TransactionMemoryLimit")
MEMORY_MESSAGE = ("query used too much memory and was stopped (the server is still up); "
                  "return less: fewer or smaller rows, aggregates instead of lists")


def memory_exhausted(exc: Neo4jError) -> bool:
    return any(code in (exc.code or "") for code in _MEMORY_CODES)


def _no_retry_on_memory(work: Callable[[neo4j.ManagedTransaction], T]) -> Callable[[neo4j.ManagedTransaction], T]:
    def guarded(tx: neo4j.ManagedTransaction) -> T:
        try:
            return work(tx)
        except Neo4jError as exc:
            if memory_exhausted(exc):
                raise QueryMemoryError(MEMORY_MESSAGE) from None
            raise

    return guarded


def run_read(driver: Driver, work: Callable[[neo4j.ManagedTransaction], T], *,
             database: str | None = None, timeout: float | None = None, fetch_size: int | None = None) -> T:
    work = _no_retry_on_memory(work)
    fn = neo4j.unit_of_work(timeout=timeout)(work) if timeout else work
    extra = {"fetch_size": fetch_size} if fetch_size else {}
    with driver.session(database=database or settings_of(driver).neo4j_database,
                        default_access_mode=neo4j.READ_ACCESS, **extra) as session:
        return _translate(lambda: session.execute_read(fn))


def run_write(driver: Driver, work: Callable[[neo4j.ManagedTransaction], T], *,
              database: str | None = None) -> T:
    with driver.session(database=database or settings_of(driver).neo4j_database) as session:
        # A fail-fast driver gives up on retries after a second; a deadlock between two
        # concurrent writes is no outage, so a write gets a few more tries of its own.
        for delay in (0.2, 0.5, 1.0, 2.0):
            try:
                return _translate(lambda: session.execute_write(work))
            except TransientError:
                time.sleep(delay)
        return _translate(lambda: session.execute_write(work))


def _translate(call: Callable[[], T]) -> T:
    try:
        return call()
    except (ServiceUnavailable, SessionExpired) as exc:
        raise DatabaseUnavailable(f"Neo4j stopped answering: {exc.__class__.__name__}; is the server up?") from exc
    except ClientError as exc:
        code = exc.code or ""
        if "TransactionTimedOut" in code:
            raise QueryTimeout("the query ran past its time limit; narrow it or raise INTELGRAPH_QUERY_TIMEOUT") from exc
        raise
