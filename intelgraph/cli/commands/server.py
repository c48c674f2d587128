"""`intelgraph server start|stop|status|logs`: the local Neo4j server.

Conventions: settings come from get_settings(); all work is done by
intelgraph.graph.server.manager.LocalServer. An IntelgraphError becomes one line on
stderr and exit code err.exit_code, never a traceback. When NEO4J_URI is set the
local server is left alone and these commands say so.
"""

from __future__ import annotations

import time
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from intelgraph.errors import IntelgraphError
from intelgraph.graph.server.manager import LocalServer, ServerStatus
from intelgraph.settings import get_settings

app = typer.Typer(help="Run the local Neo4j server that intelgraph manages (data in .intelgraph/neo4j).")
# soft_wrap: a message stays one line, however narrow the terminal.
console = Console(highlight=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def _server() -> LocalServer:
    return LocalServer(get_settings())


def _fail(err: IntelgraphError) -> typer.Exit:
    err_console.print(f"[red]Error:[/red] {escape(str(err))}")
    return typer.Exit(err.exit_code)


def _shown(path: Path | None) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    if path is None:
        return "-"
    try:
        return f"./{path.relative_to(Path.cwd().resolve())}"
    except ValueError:
        return str(path)


def _running_line(st: ServerStatus, prefix: str) -> str:
    return (
        f"{prefix}: {st.bolt_uri}, browser {st.http_url} (data {_shown(st.data_dir)})"
    )


def _external_line(st: ServerStatus) -> str:
    state = f"answering (Neo4j {st.version})" if st.running else "not answering"
    return f"External Neo4j configured (NEO4J_URI={st.bolt_uri}): {state}."


@app.command()
def start() -> None:
    """Start the local Neo4j server (downloads Neo4j with Maven on first use)."""
    server = _server()
    try:
        if not server.settings.uses_local_server:
            console.print(
                f"NEO4J_URI is set ({server.settings.neo4j_uri}): using that external server; "
                "nothing to start."
            )
            return
        before = server.status()
        if before.running:
            console.print(_running_line(before, f"Neo4j {before.version} is already running (pid {before.pid})"))
            return
        st = server.start(progress=lambda line: console.print(escape(line)))
    except IntelgraphError as err:
        raise _fail(err) from None
    console.print(_running_line(st, f"Neo4j {st.version} is running"))


@app.command()
def stop(
    timeout: float = typer.Option(60.0, help="Seconds to wait for a clean shutdown before killing it."),
) -> None:
    """Stop the local Neo4j server (clean shutdown; data is kept)."""
    server = _server()
    try:
        if not server.settings.uses_local_server:
            console.print("NEO4J_URI is set: the external server is not managed here; nothing to stop.")
            return
        st = server.status()
        if not st.running:
            server.stop(timeout)  # clears a stale pid file
            console.print("Neo4j is not running.")
            return
        console.print(f"Stopping Neo4j (pid {st.pid})…")
        server.stop(timeout)
    except IntelgraphError as err:
        raise _fail(err) from None
    console.print("Neo4j stopped.")


@app.command()
def status() -> None:
    """Say whether Neo4j is running (exit 0) or not (exit 1), and where."""
    try:
        st = _server().status()
    except IntelgraphError as err:
        raise _fail(err) from None
    if st.external:
        console.print(_external_line(st))
    elif st.running:
        console.print(_running_line(st, f"Neo4j {st.version} is running (pid {st.pid})"))
        console.print(f"Log: {_shown(st.log_file)}")
    else:
        console.print(f"Neo4j is not running (data {_shown(st.data_dir)}); start it with `intelgraph server start`.")
    if not st.running:
        raise typer.Exit(1)


@app.command()
def logs(
    follow: bool = typer.Option(False, "--follow", "-f", help="Keep printing new lines (Ctrl-C to stop)."),
    lines: int = typer.Option(50, "--lines", "-n", min=0, help="How many last lines to show."),
) -> None:
    """Show the local server's log (neo4j.log)."""
    server = _server()
    if not server.settings.uses_local_server:
        console.print("NEO4J_URI is set: the external server's logs are not kept here.")
        return
    log = server.log_file()
    if not log.exists():
        console.print(f"No log yet at {_shown(log)}; the server has not been started.")
        raise typer.Exit(1)
    with open(log, errors="replace") as handle:
        for line in handle.readlines()[-lines:] if lines else []:
            console.print(escape(line.rstrip("\n")))
        if not follow:
            return
        try:
            while True:
                line = handle.readline()
                if line:
                    console.print(escape(line.rstrip("\n")))
                else:
                    time.sleep(0.5)
        except KeyboardInterrupt:
            pass
