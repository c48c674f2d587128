"""The local Neo4j server against real processes: no mocks.

Each test gets its own home folder and free ports; the jar cache is the default
(settings.neo4j_cache) so Maven runs at most once per machine. Every test stops what
it started, even on failure.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import stat
import subprocess
from pathlib import Path

import pytest
from neo4j import GraphDatabase
from typer.testing import CliRunner

from intelgraph.cli.commands.server import app
from intelgraph.errors import ServerError
from intelgraph.graph.server.manager import LocalServer
from intelgraph.settings import Settings, get_settings

runner = CliRunner()


def free_ports(n: int) -> list[int]:
    # Hold all sockets open together so the n ports differ.
    sockets = [socket.socket() for _ in range(n)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    bolt, http = free_ports(2)
    return Settings(
        neo4j_uri=None, home=tmp_path / "home", bolt_port=bolt, http_port=http,
        heap="512m", pagecache="64m", start_timeout=150,
    )


@pytest.fixture
def server(settings: Settings):
    server = LocalServer(settings)
    yield server
    server.stop(timeout=15)


@pytest.fixture
def cli_env(settings: Settings, monkeypatch: pytest.MonkeyPatch):
    """Point the CLI's get_settings() at the same home and ports as `settings`."""
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.setenv("INTELGRAPH_HOME", str(settings.home))
    monkeypatch.setenv("INTELGRAPH_BOLT_PORT", str(settings.bolt_port))
    monkeypatch.setenv("INTELGRAPH_HTTP_PORT", str(settings.http_port))
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def count_nodes(server: LocalServer) -> int:
    uri, user, password = server.credentials()
    with GraphDatabase.driver(uri, auth=(user, password)) as driver:
        records, _, _ = driver.execute_query("MATCH (n:ServerTest {id: 'keep'}) RETURN count(n) AS n")
        return records[0]["n"]


def test_lifecycle_keeps_data_and_reports_status(server: LocalServer, settings: Settings, cli_env) -> None:
    # A pid file naming a live process that is not our Neo4j (this very pytest) is stale.
    server.home.mkdir(parents=True)
    server.pid_file.write_text(f"{os.getpid()}\n")
    assert not server.status().running

    status = server.start()
    assert status.running and status.pid and status.pid != os.getpid()
    assert status.bolt_uri == f"bolt://127.0.0.1:{settings.bolt_port}"
    assert status.http_url == f"http://127.0.0.1:{settings.http_port}/browser/"
    assert server.log_file().exists()
    assert stat.S_IMODE(server.password_file.stat().st_mode) == 0o600

    again = runner.invoke(app, ["start"])
    assert again.exit_code == 0, again.output
    assert f"already running (pid {status.pid})" in again.output
    shown = runner.invoke(app, ["status"])
    assert shown.exit_code == 0 and "is running" in shown.output
    assert "Password: in " in shown.output and "neo4j.password (user neo4j)" in shown.output
    as_json = runner.invoke(app, ["status", "--json"])
    assert as_json.exit_code == 0, as_json.output
    data = json.loads(as_json.stdout)
    assert data["running"] and data["pid"] == status.pid and data["bolt_uri"] == status.bolt_uri
    assert data["password_file"] == str(server.password_file) and data["password_file_exists"]
    assert server.start().pid == status.pid  # idempotent

    uri, user, password = server.credentials()
    assert (uri, user) == (status.bolt_uri, "neo4j") and password
    with GraphDatabase.driver(uri, auth=(user, password)) as driver:
        driver.execute_query("CREATE (:ServerTest {id: 'keep'})")

    # Another server on the same data folder (pid file lost) is refused with a clear line.
    other = LocalServer(settings.model_copy(update=dict(zip(("bolt_port", "http_port"), free_ports(2)))))
    saved = server.pid_file.read_text()
    server.pid_file.unlink()
    with pytest.raises(ServerError, match="locked by another Neo4j process"):
        other.start()
    server.pid_file.write_text(saved)

    stopped = runner.invoke(app, ["stop"])
    assert stopped.exit_code == 0 and "Neo4j stopped." in stopped.output
    assert not server.status().running and not server.pid_file.exists()
    assert runner.invoke(app, ["status"]).exit_code == 1

    restarted = runner.invoke(app, ["start"])
    assert restarted.exit_code == 0, restarted.output
    assert f"is running: bolt://127.0.0.1:{settings.bolt_port}" in restarted.output
    assert count_nodes(server) == 1

    logs = runner.invoke(app, ["logs", "--lines", "5"])
    assert logs.exit_code == 0 and "Started." in logs.output
    assert server.stop() is True
    assert server.stop() is False


def test_status_says_where_the_password_is_kept(settings: Settings, cli_env) -> None:
    shown = runner.invoke(app, ["status"])
    assert shown.exit_code == 1 and "is not running" in shown.output
    expected = settings.home.resolve() / "neo4j" / "neo4j.password"
    assert "the first start writes it to" in shown.output and "neo4j/neo4j.password" in shown.output
    as_json = runner.invoke(app, ["status", "--json"])
    assert as_json.exit_code == 1
    data = json.loads(as_json.stdout)
    assert data["running"] is False and data["external"] is False and data["pid"] is None
    assert data["password_file"] == str(expected) and data["password_file_exists"] is False
    assert data["bolt_uri"] == f"bolt://127.0.0.1:{settings.bolt_port}"


def test_port_taken_is_named(server: LocalServer, settings: Settings) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", settings.bolt_port))
        holder.listen()
        with pytest.raises(ServerError, match=f"Port {settings.bolt_port} .*INTELGRAPH_BOLT_PORT"):
            server.start()
    assert not server.status().running


def test_java_missing_or_too_old(settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "empty-jdk"
    empty.mkdir()
    with pytest.raises(ServerError, match="Java not found: JAVA_HOME="):
        LocalServer(settings.model_copy(update={"java_home": empty})).start()

    monkeypatch.setenv("PATH", str(empty))
    with pytest.raises(ServerError, match="Java not found: install a JDK 17"):
        LocalServer(settings.model_copy(update={"java_home": None})).start()

    old = tmp_path / "old-jdk"
    (old / "bin").mkdir(parents=True)
    (old / "bin" / "java").write_text('#!/bin/sh\necho \'java version "1.8.0_392"\' >&2\n')
    (old / "bin" / "java").chmod(0o755)
    with pytest.raises(ServerError, match="Java 8 .* too old"):
        LocalServer(settings.model_copy(update={"java_home": old})).start()


def test_maven_missing_on_first_download(settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    java_home = Path(shutil.which("java") or "java").resolve().parent.parent
    monkeypatch.setenv("PATH", str(tmp_path))  # no mvn here
    fresh = settings.model_copy(update={"java_home": java_home, "neo4j_cache": tmp_path / "cache"})
    with pytest.raises(ServerError, match="Maven not found"):
        LocalServer(fresh).ensure_runtime()


def test_process_dying_during_start_is_quoted(settings: Settings) -> None:
    broken = LocalServer(settings.model_copy(update={"heap": "lots"}))
    with pytest.raises(ServerError, match="exited during start: .*Invalid"):
        broken.start()
    assert not broken.status().running and not broken.pid_file.exists()


def test_stale_pid_file_of_dead_process(server: LocalServer) -> None:
    gone = subprocess.Popen(["true"])
    gone.wait()
    server.home.mkdir(parents=True)
    server.pid_file.write_text(f"{gone.pid}\n")
    assert not server.status().running
    assert server.stop() is False
    assert not server.pid_file.exists()


def test_external_server_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    (port,) = free_ports(1)  # nothing listens there
    monkeypatch.setenv("NEO4J_URI", f"bolt://127.0.0.1:{port}")
    get_settings.cache_clear()
    try:
        started = runner.invoke(app, ["start"])
        assert started.exit_code == 0 and "NEO4J_URI is set" in started.output
        shown = runner.invoke(app, ["status"])
        assert shown.exit_code == 1 and "not answering" in shown.output
        assert LocalServer(get_settings()).credentials()[0] == f"bolt://127.0.0.1:{port}"
    finally:
        get_settings.cache_clear()
