"""The local Neo4j Community server: start, stop, status, logs, credentials.

Conventions:
- Everything lives under settings.neo4j_dir (the "home"): conf/neo4j.conf (rewritten
  from the packaged template on every start), data/, logs/ (neo4j.log from Neo4j,
  console.log for the JVM's own output), neo4j.pid, and the password file.
- Bolt and HTTP listen on 127.0.0.1 only. Auth stays on: the first start replaces
  Neo4j's default neo4j/neo4j with a random password kept 0600 in the home.
- The server runs detached (its own session) so it outlives the CLI. A pid counts
  only if /proc says it is our java process (entry point + this home), so a stale
  pid file never passes for a live server.
- Failures raise ServerError with one line that names the fix; nothing returns a
  failure status.
"""

from __future__ import annotations

import fcntl
import os
import re
import secrets
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, DriverError, Neo4jError, TransientError

from intelgraph.errors import ConfigError, ServerError
from intelgraph.settings import Settings

from .java_runtime import NEO4J_VERSION, Java, find_java, last_relevant_line, read_log, resolve_jars

ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
USER = "neo4j"
_CONF_TEMPLATE = Path(__file__).with_name("neo4j.conf")
# Errors that mean "not up yet" while Neo4j starts: no listener, database still starting.
_NOT_READY = (DriverError, TransientError, OSError)

# A subset of what Neo4j's own launcher passes: the opens let the page cache and Netty
# use direct buffers instead of slower fallbacks. Not -XX:+ExitOnOutOfMemoryError: some
# Cypher values (a string doubled in reduce(), a huge list) escape the transaction memory
# limit, and with that flag one reader's query would take the server down; without it the
# query fails with Neo4j's OutOfMemoryError and the server keeps serving.
_JVM_OPTIONS = (
    "-XX:+UseG1GC", "-XX:-OmitStackTraceInFastThrow",
    "-Dio.netty.tryReflectionSetAccessible=true", "-Dlog4j2.disable.jmx=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
)

Progress = Callable[[str], None]


@dataclass(frozen=True)
class ServerStatus:
    running: bool  # local: our process is alive; external: the server answered
    pid: int | None
    bolt_uri: str
    http_url: str | None  # Neo4j Browser
    version: str | None
    data_dir: Path | None
    log_file: Path | None
    external: bool = False


class LocalServer:
    def __init__(self, settings: Settings):
        self.settings = settings
        self.home = self.settings.neo4j_dir.resolve()
        self._java: Java | None = None
        self._process: subprocess.Popen[bytes] | None = None  # set when this process started it

    # -- where things are --------------------------------------------------------------

    @property
    def data_dir(self) -> Path:
        return self.home / "data"

    @property
    def pid_file(self) -> Path:
        return self.home / "neo4j.pid"

    @property
    def password_file(self) -> Path:
        return self.home / "neo4j.password"

    @property
    def console_log(self) -> Path:
        return self.home / "logs" / "console.log"

    def log_file(self) -> Path:
        return self.home / "logs" / "neo4j.log"

    def _ports(self) -> tuple[int, int]:
        """Bolt and HTTP ports: those in the written conf while it runs, else the settings."""
        conf = self.home / "conf" / "neo4j.conf"
        if self._running_pid() is not None and conf.exists():
            text = conf.read_text()
            bolt = re.search(r"^server\.bolt\.listen_address=.*:(\d+)$", text, re.M)
            http = re.search(r"^server\.http\.listen_address=.*:(\d+)$", text, re.M)
            if bolt and http:
                return int(bolt.group(1)), int(http.group(1))
        return self.settings.bolt_port, self.settings.http_port

    def credentials(self) -> tuple[str, str | None, str | None]:
        """(bolt uri, user, password) for the driver: the external server's, else ours."""
        s = self.settings
        if not s.uses_local_server:
            return s.neo4j_uri or "", s.neo4j_user, s.neo4j_password
        return f"bolt://127.0.0.1:{self._ports()[0]}", USER, self._password()

    # -- status --------------------------------------------------------------------------

    def status(self) -> ServerStatus:
        if not self.settings.uses_local_server:
            return self._external_status()
        pid = self._running_pid()
        bolt, http = self._ports()
        return ServerStatus(
            running=pid is not None,
            pid=pid,
            bolt_uri=f"bolt://127.0.0.1:{bolt}",
            http_url=f"http://127.0.0.1:{http}/browser/",
            version=NEO4J_VERSION,
            data_dir=self.home,
            log_file=self.log_file(),
        )

    def _external_status(self) -> ServerStatus:
        uri, user, password = self.credentials()
        version = None
        try:
            auth = (user, password) if password is not None else None
            with GraphDatabase.driver(uri, auth=auth, connection_timeout=5.0) as driver:
                records, _, _ = driver.execute_query(
                    "CALL dbms.components() YIELD versions RETURN versions[0] AS version",
                    routing_="r",
                )
                version = records[0]["version"] if records else "unknown"
        except (DriverError, Neo4jError, OSError, ValueError):
            pass
        return ServerStatus(version is not None, None, uri, None, version, None, None, external=True)

    def _running_pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None
        return pid if self._is_ours(pid) else None

    def _is_ours(self, pid: int) -> bool:
        if self._process is not None and self._process.pid == pid:
            # Our own child: poll() also reaps it, else it would linger as a zombie. Its
            # cmdline may still be blank for a moment after Popen returns.
            return self._process.poll() is None
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
        except FileNotFoundError:
            return False
        except OSError:  # no /proc (macOS): ask ps
            out = subprocess.run(["ps", "-o", "command=", "-p", str(pid)], capture_output=True, text=True)
            cmdline = out.stdout.split()
        # A zombie has an empty cmdline, so it does not count as running.
        return ENTRY_POINT in cmdline and f"--home-dir={self.home}" in cmdline

    # -- start ---------------------------------------------------------------------------

    def ensure_runtime(self, progress: Progress | None = None) -> Path:
        """The folder of Neo4j jars; Maven fills it on first use, later runs reuse it."""
        cache = self.settings.neo4j_cache.expanduser().resolve() / f"neo4j-{NEO4J_VERSION}"
        return resolve_jars(cache, self._find_java(), progress)

    def _find_java(self) -> Java:
        if self._java is None:
            self._java = find_java(self.settings.java_home)
        return self._java

    def start(self, progress: Progress | None = None) -> ServerStatus:
        """Start the server (or find it running); returns once Bolt answers RETURN 1."""
        if not self.settings.uses_local_server:
            return self._external_status()
        deadline = time.monotonic() + self.settings.start_timeout
        pid = self._running_pid()
        if pid is not None:
            self._wait_ready(pid, deadline, log_offset=None)
            return self.status()
        self.pid_file.unlink(missing_ok=True)  # stale: its process is gone or not ours
        java = self._find_java()
        self._check_ports()
        self._check_not_locked()
        lib = self.ensure_runtime(progress)
        self._write_conf()
        if progress:
            progress("Starting Neo4j…")
        log_offset = self.log_file().stat().st_size if self.log_file().exists() else 0
        with open(self.console_log, "wb") as console:
            self._process = subprocess.Popen(
                [
                    str(java.executable), f"-Xms{self.settings.heap}", f"-Xmx{self.settings.heap}",
                    *_JVM_OPTIONS, "-cp", f"{lib}/*", ENTRY_POINT,
                    f"--home-dir={self.home}", f"--config-dir={self.home / 'conf'}",
                ],
                stdin=subprocess.DEVNULL, stdout=console, stderr=subprocess.STDOUT,
                cwd=self.home, env=java.env(), start_new_session=True,
            )
        self.pid_file.write_text(f"{self._process.pid}\n")
        self._wait_ready(self._process.pid, deadline, log_offset)
        return self.status()

    def _check_ports(self) -> None:
        s = self.settings
        if s.bolt_port == s.http_port:
            raise ConfigError(f"INTELGRAPH_BOLT_PORT and INTELGRAPH_HTTP_PORT are both {s.bolt_port}; make them differ.")
        for port, name in ((s.bolt_port, "INTELGRAPH_BOLT_PORT"), (s.http_port, "INTELGRAPH_HTTP_PORT")):
            with socket.socket() as probe:
                # SO_REUSEADDR so a closed connection in TIME_WAIT does not read as "taken".
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                try:
                    probe.bind(("127.0.0.1", port))
                except OSError:
                    raise ServerError(
                        f"Port {port} on 127.0.0.1 is already in use; stop what holds it "
                        f"or set {name} to a free port."
                    ) from None

    def _check_not_locked(self) -> None:
        # Neo4j holds a POSIX lock on this file while it has the store open.
        lock = self.data_dir / "databases" / "store_lock"
        if not lock.exists():
            return
        with open(lock, "r+b") as held:
            try:
                fcntl.lockf(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
                fcntl.lockf(held, fcntl.LOCK_UN)
            except OSError:
                raise ServerError(self._locked_message()) from None

    def _locked_message(self) -> str:
        return (
            f"The data folder {self.data_dir} is locked by another Neo4j process (not the one "
            f"in {self.pid_file}); stop that process, or set INTELGRAPH_HOME to another folder."
        )

    def _write_conf(self) -> None:
        s = self.settings
        for folder in ("conf", "data", "logs", "run"):
            (self.home / folder).mkdir(parents=True, exist_ok=True)
        text = _CONF_TEMPLATE.read_text().format(
            data_dir=self.data_dir, logs_dir=self.home / "logs", run_dir=self.home / "run",
            bolt_port=s.bolt_port, http_port=s.http_port, pagecache=s.pagecache,
            tx_total=_share_of(s.heap, 0.7), tx_max=_share_of(s.heap, 0.5),
        )
        (self.home / "conf" / "neo4j.conf").write_text(text)

    def _wait_ready(self, pid: int, deadline: float, log_offset: int | None) -> None:
        while True:
            if not self._is_ours(pid):
                self.pid_file.unlink(missing_ok=True)
                raise self._died(log_offset or 0)
            try:
                self._probe()
                # HTTP (Browser) comes up a few seconds after Bolt; we print its URL.
                socket.create_connection(("127.0.0.1", self._ports()[1]), timeout=2).close()
                return
            except _NOT_READY:
                pass
            if time.monotonic() > deadline:
                self._terminate(pid, timeout=10)
                self.pid_file.unlink(missing_ok=True)
                raise ServerError(
                    f"Neo4j did not answer on bolt://127.0.0.1:{self.settings.bolt_port} within "
                    f"{self.settings.start_timeout:.0f} s and was stopped; see {self.log_file()}, "
                    "or raise INTELGRAPH_START_TIMEOUT on a slow machine."
                )
            time.sleep(0.5)

    def _died(self, log_offset: int) -> ServerError:
        console = read_log(self.console_log)
        text = console + "\n" + read_log(self.log_file(), log_offset)
        if re.search(r"store_lock|Lock file has been locked|locked by another", text):
            return ServerError(self._locked_message())
        if re.search(r"Address already in use|BindException|already bound", text):
            return ServerError(
                f"Neo4j could not bind its ports ({self.settings.bolt_port}, {self.settings.http_port}); "
                "set INTELGRAPH_BOLT_PORT / INTELGRAPH_HTTP_PORT to free ports."
            )
        # JVM-level failures (bad -Xmx, bad classpath) only reach the console log.
        log = self.console_log if console.strip() else self.log_file()
        return ServerError(f"Neo4j exited during start: {last_relevant_line(text)} (see {log}).")

    # -- auth ----------------------------------------------------------------------------

    def _password(self) -> str | None:
        try:
            return self.password_file.read_text().strip() or None
        except FileNotFoundError:
            return None

    def _probe(self) -> None:
        """RETURN 1 over Bolt as our user; on first start, replace the default password first."""
        password = self._password()
        if password is None:
            # Written (0600) before the server learns it, so a crash in between cannot lose it.
            password = secrets.token_urlsafe(24)
            fd = os.open(self.password_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as out:
                out.write(password + "\n")
        uri = f"bolt://127.0.0.1:{self._ports()[0]}"
        try:
            _run(uri, (USER, password), None, "RETURN 1")
        except AuthError:
            try:
                _run(uri, (USER, "neo4j"), "system",
                     "ALTER CURRENT USER SET PASSWORD FROM 'neo4j' TO $password", password=password)
            except AuthError:
                raise ServerError(
                    f"Neo4j in {self.data_dir} rejects the password in {self.password_file}; restore "
                    f"that file, or remove {self.home} to start afresh (this deletes the graph)."
                ) from None
            _run(uri, (USER, password), None, "RETURN 1")

    # -- stop ----------------------------------------------------------------------------

    def stop(self, timeout: float = 60) -> bool:
        """SIGTERM and wait (SIGKILL after `timeout`); False if nothing of ours was running."""
        if not self.settings.uses_local_server:
            return False
        pid = self._running_pid()
        if pid is None:
            self.pid_file.unlink(missing_ok=True)  # stale, if there was one
            return False
        self._terminate(pid, timeout)
        self.pid_file.unlink(missing_ok=True)
        return True

    def _terminate(self, pid: int, timeout: float) -> None:
        for sig, wait in ((signal.SIGTERM, timeout), (signal.SIGKILL, 10.0)):
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                return
            end = time.monotonic() + wait
            while time.monotonic() < end:
                if not self._is_ours(pid):
                    return
                time.sleep(0.1)
        raise ServerError(f"Neo4j (pid {pid}) did not exit even after SIGKILL; check the process by hand.")


def _share_of(heap: str, fraction: float) -> str:
    """`fraction` of a JVM heap size such as 512m or 2g, in Neo4j's size syntax (kilobytes)."""
    m = re.fullmatch(r"\s*(\d+)\s*([kKmMgGtT]?)\s*", heap)
    if not m:
        # the JVM refuses such a heap at start, with its own message (see _died)
        return "0"
    scale = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}[m.group(2).lower()]
    return f"{max(1, int(int(m.group(1)) * scale * fraction) >> 10)}k"


def _run(uri: str, auth: tuple[str, str], database: str | None, query: str, **params: str) -> None:
    # A fresh one-connection driver per try: cheap, and nothing to close on failure paths.
    with GraphDatabase.driver(uri, auth=auth, connection_timeout=2.0, max_connection_pool_size=1) as driver:
        with driver.session(database=database) as session:
            session.run(query, params).consume()
