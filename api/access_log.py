"""One log line per request: method, route template, status, time.

The route template (/entities/{entity_id}) is logged, not the path or query string, so
search text, ids and parameters stay out of the log. uvicorn's own access log, which
prints the full request line, is switched off by `intelgraph serve`.
"""

from __future__ import annotations

import logging
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("intelgraph.api.access")


class AccessLog:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        finally:
            route = getattr(scope.get("route"), "path", None) or "(no route)"
            log.info("%s %s %d %.1f ms", scope["method"], route, status, (time.perf_counter() - started) * 1000)
