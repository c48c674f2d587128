"""Finding the JDK and Maven that run the local Neo4j server, and resolving its jars.

Conventions: Java is looked up in one place, `find_java` (settings.java_home, which
reads INTELGRAPH_JAVA_HOME or JAVA_HOME, else `java` on PATH), so tests can point it
elsewhere. Every failure is a ServerError whose one-line message names the fix.
The jar cache is complete only once its marker file exists; anything else is redone.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from intelgraph.errors import ServerError

MIN_JAVA = 17  # Neo4j 5 runs on Java 17 and 21
POM = Path(__file__).with_name("pom.xml")
_MARKER = ".complete"


def _pom_property(name: str) -> str:
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    value = ElementTree.parse(POM).getroot().findtext(f"m:properties/m:{name}", namespaces=ns)
    if not value:
        raise ServerError(f"{POM} has no <{name}> property; reinstall intelgraph.")
    return value


# The pom is the one place the Neo4j version is written down.
NEO4J_VERSION = _pom_property("neo4j.version")


@dataclass(frozen=True)
class Java:
    executable: Path
    home: Path | None  # passed on as JAVA_HOME so Maven uses the same JDK
    version: int

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        if self.home is not None:
            env["JAVA_HOME"] = str(self.home)
        return env


def find_java(java_home: Path | None) -> Java:
    """The JDK to use; raises ServerError if it is missing or older than Java 17."""
    if java_home is not None:
        executable = java_home / "bin" / "java"
        if not os.access(executable, os.X_OK):
            raise ServerError(
                f"Java not found: JAVA_HOME={java_home} has no bin/java; "
                f"point JAVA_HOME (or INTELGRAPH_JAVA_HOME) at a JDK {MIN_JAVA}+ or unset it."
            )
    else:
        found = shutil.which("java")
        if found is None:
            raise ServerError(
                f"Java not found: install a JDK {MIN_JAVA} or newer "
                "(e.g. apt install openjdk-17-jdk-headless) or set JAVA_HOME."
            )
        executable = Path(found)
    version = _java_version(executable)
    if version < MIN_JAVA:
        raise ServerError(
            f"Java {version} at {executable} is too old: Neo4j {NEO4J_VERSION} needs Java "
            f"{MIN_JAVA} or newer; install one and set JAVA_HOME."
        )
    return Java(executable, java_home, version)


def _java_version(executable: Path) -> int:
    try:
        out = subprocess.run(
            [str(executable), "-version"], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.TimeoutExpired) as err:
        raise ServerError(f"Cannot run {executable} -version ({err}); check your JDK or JAVA_HOME.") from err
    # `java -version` writes to stderr: 'openjdk version "17.0.15"' or '"1.8.0_392"'.
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if not match:
        raise ServerError(f"Cannot tell the Java version of {executable}; check your JDK or JAVA_HOME.")
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def find_maven() -> Path:
    found = shutil.which("mvn")
    if found is None:
        raise ServerError(
            "Maven not found: it is needed once to download Neo4j; install it "
            "(e.g. apt install maven) and run the command again."
        )
    return Path(found)


def resolve_jars(
    cache: Path, java: Java, progress: Callable[[str], None] | None = None
) -> Path:
    """Copy the Neo4j jars into cache/lib with Maven (once), returning that folder."""
    lib = cache / "lib"
    if (cache / _MARKER).exists():
        return lib
    cache.mkdir(parents=True, exist_ok=True)
    # Two processes (tests, a second shell) must not run Maven into the same folder.
    with open(cache / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (cache / _MARKER).exists():
            return lib
        mvn = find_maven()
        if progress:
            progress(f"Resolving Neo4j {NEO4J_VERSION} with Maven (first run only)…")
        shutil.rmtree(lib, ignore_errors=True)  # an interrupted download leaves a partial set
        # Run from a copy of the pom so nothing is written next to the installed package.
        pom = cache / "pom.xml"
        shutil.copyfile(POM, pom)
        log = cache / "maven.log"
        command = [
            str(mvn), "-B", "-q", "-f", str(pom), "dependency:copy-dependencies",
            f"-DoutputDirectory={lib}", "-DincludeScope=runtime",
        ]
        with open(log, "w") as out:
            code = subprocess.run(
                command, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                env=java.env(), cwd=cache,
            ).returncode
        if code != 0 or not any(lib.glob("neo4j-*.jar")):
            raise ServerError(
                f"Downloading Neo4j {NEO4J_VERSION} with Maven failed (exit {code}): "
                f"{last_relevant_line(read_log(log))} (full log: {log}); check network access to Maven Central."
            )
        (cache / _MARKER).write_text(NEO4J_VERSION + "\n")
    return lib


def last_relevant_line(text: str) -> str:
    """The last error-looking line of a log's text (else its last line), for one-line messages."""
    # The JVM's closing lines ("Could not create the Java Virtual Machine.") say nothing.
    generic = re.compile(r"Could not create the Java Virtual Machine|A fatal exception has occurred")
    lines = [line.strip() for line in text.splitlines()[-300:] if line.strip() and not generic.search(line)]
    for line in reversed(lines):
        if re.search(r"ERROR|Exception|Error:|Invalid|Could not|Failed|failed", line):
            return line[:300]
    return lines[-1][:300] if lines else "(log is empty)"


def read_log(path: Path, start: int = 0) -> str:
    try:
        with open(path, "rb") as log:
            log.seek(start)
            return log.read().decode(errors="replace")
    except OSError:
        return ""
