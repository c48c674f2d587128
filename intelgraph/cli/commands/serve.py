"""`intelgraph serve`: the HTTP API (FastAPI under uvicorn).

Registered in cli.py as `app.command("serve")(serve_cmd.serve)`. Refuses to start, with
one line, when no API keys are set (unless INTELGRAPH_API_OPEN=true) or when open
access is asked for on a host other than loopback. uvicorn's access log is off: it
prints query strings; the app logs route templates instead (intelgraph.api.access).
"""

from __future__ import annotations

import typer


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; 0.0.0.0 serves every interface (needs API keys)."),
    port: int = typer.Option(8000, "--port", "-p", min=1, max=65535, help="TCP port."),
    workers: int = typer.Option(1, "--workers", min=1, max=64, help="Worker processes (each has its own Neo4j driver)."),
    log_level: str = typer.Option("info", "--log-level", help="critical, error, warning, info or debug."),
) -> None:
    """Serve the HTTP API (entities, paths, hypotheses, documents, briefs, Cypher), docs at /docs, and the
    analyst's workbench at / (a web page over the API; it asks for a key once).

    Keys: INTELGRAPH_API_KEYS="key1:reader,key2:writer" or INTELGRAPH_API_KEYS_FILE (one key:role a
    line); clients send X-API-Key or Authorization: Bearer. INTELGRAPH_API_OPEN=true needs no keys and
    is allowed on a loopback host only.
    """
    import logging

    import uvicorn

    from intelgraph.api.app import create_app
    from intelgraph.api.auth import KeyStore, check_open_binding
    from intelgraph.errors import InputError
    from intelgraph.settings import get_settings

    levels = ("critical", "error", "warning", "info", "debug")
    if log_level.lower() not in levels:
        raise InputError(f"--log-level {log_level!r}: use one of {', '.join(levels)}")
    settings = get_settings()
    check_open_binding(settings, host)
    KeyStore.from_settings(settings)  # one clear line now rather than a traceback from a worker
    if not logging.getLogger().handlers:  # run outside the CLI's root callback
        logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("intelgraph").setLevel(log_level.upper())  # the access log is INFO
    if workers > 1:
        # workers are separate processes: each imports the factory and builds its own app and driver
        uvicorn.run("intelgraph.api.app:create_app", factory=True, host=host, port=port, workers=workers,
                    log_level=log_level.lower(), access_log=False)
    else:
        uvicorn.run(create_app(settings), host=host, port=port, log_level=log_level.lower(), access_log=False)
