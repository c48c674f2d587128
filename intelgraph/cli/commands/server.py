"""`intelgraph server start|stop|status|logs`: the local Neo4j server.

Conventions: settings come from get_settings(); all work is done by
intelgraph.graph.server.manager.LocalServer. An IntelgraphError becomes one line on
stderr and exit code err.exit_code, never a traceback. When NEO4J_URI is set the
local server is left alone and these commands say so. `status --json` and
`start --json` print the status as one JSON object on stdout (status_dict).
"""

from __future__ import annotations

import json
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


def _password_line(server: LocalServer) -> str:
    where = _shown(server.password_file)
    if server.password_file.exists():
        return f"Password: in {where} (user neo4j)"
    return f"Password: none yet; the first start writes it to {where}"


def status_dict(server: LocalServer, st: ServerStatus) -> dict:
    """The status as `--json` prints it; paths absolute, null where they do not apply."""
    local = not st.external
    return {
        "running": st.running, "external": st.external, "pid": st.pid, "version": st.version,
        "bolt_uri": st.bolt_uri, "browser_url": st.http_url, "user": "neo4j" if local else server.settings.neo4j_user,
        "data_dir": str(st.data_dir) if st.data_dir else None,
        "log_file": str(st.log_file) if st.log_file else None,
        "password_file": str(server.password_file) if local else None,
        "password_file_exists": server.password_file.exists() if local else None,
    }


@app.command()
def start(
    as_json: bool = typer.Option(False, "--json", help="Print the status afterwards as JSON on stdout (as `status --json`); progress goes to stderr."),
) -> None:
    """Start the local Neo4j server (downloads Neo4j with Maven on first use)."""
    server = _server()
    say = err_console if as_json else console
    try:
        if not server.settings.uses_local_server:
            say.print(
                f"NEO4J_URI is set ({server.settings.neo4j_uri}): using that external server; "
                "nothing to start."
            )
            if as_json:
                console.print_json(json.dumps(status_dict(server, server.status())))
            return
        before = server.status()
        if before.running:
            say.print(_running_line(before, f"Neo4j {before.version} is already running (pid {before.pid})"))
            st = before
        else:
            st = server.start(progress=lambda line: say.print(escape(line)))
            say.print(_running_line(st, f"Neo4j {st.version} is running"))
    except IntelgraphError as err:
        raise _fail(err) from None
    if as_json:
        console.print_json(json.dumps(status_dict(server, st)))
    else:
        say.print(_password_line(server))


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
def status(
    as_json: bool = typer.Option(False, "--json", help="Print {running, external, pid, version, bolt_uri, browser_url, user, data_dir, log_file, password_file, password_file_exists} as JSON; the exit code is the same."),
) -> None:
    """Say whether Neo4j is running (exit 0) or not (exit 1), where, and where its password is kept."""
    server = _server()
    try:
        st = server.status()
    except IntelgraphError as err:
        raise _fail(err) from None
    if as_json:
        console.print_json(json.dumps(status_dict(server, st)))
    elif st.external:
        console.print(_external_line(st))
    elif st.running:
        console.print(_running_line(st, f"Neo4j {st.version} is running (pid {st.pid})"))
        console.print(f"Log: {_shown(st.log_file)}")
        console.print(_password_line(server))
    else:
        console.print(f"Neo4j is not running (data {_shown(st.data_dir)}); start it with `intelgraph server start`.")
        console.print(_password_line(server))
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
