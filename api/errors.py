"""Errors to HTTP, in one place.

Every error answer has the body `{"error": {"code": "...", "message": "..."}}` (plus
`details` for request validation). IntelgraphError classes map to statuses by the
table below (the most specific class wins); the API's own refusals (auth, limits) are
ApiErrors. A refused Cypher query is a QueryError: 422, like any other input the
server understood but will not run; a query that ran past its time limit is 408.
Anything else is a 500 whose message says nothing about the internals.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from neo4j.exceptions import ServiceUnavailable, SessionExpired
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from intelgraph.errors import (ConfigError, DatabaseUnavailable, ExtractionError, InputError, IntelgraphError,
                               NotFound, OntologyError, QueryError, QueryTimeout, ServerError)

log = logging.getLogger(__name__)

STATUS: dict[type[IntelgraphError], tuple[int, str]] = {
    QueryTimeout: (408, "query_timeout"),
    NotFound: (404, "not_found"),
    InputError: (422, "invalid_input"),
    OntologyError: (422, "not_in_ontology"),
    QueryError: (422, "query_refused"),
    ExtractionError: (422, "extraction_failed"),
    DatabaseUnavailable: (503, "database_unavailable"),
    ServerError: (503, "database_unavailable"),
    ConfigError: (500, "misconfigured"),
    IntelgraphError: (500, "internal_error"),
}

# Codes for statuses Starlette raises itself (unknown route, wrong method …).
_HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 406: "not_acceptable", 408: "query_timeout", 413: "body_too_large",
               415: "unsupported_media_type", 422: "invalid_request", 503: "unavailable"}


class ApiError(Exception):
    """A refusal the API makes itself (auth, size limits, content negotiation)."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers


def error_body(code: str, message: str, details: list[dict] | None = None) -> dict[str, Any]:
    error: dict[str, Any] = {"code": code, "message": message}
    if details:
        error["details"] = details
    return {"error": error}


def error_response(status: int, code: str, message: str, *, details: list[dict] | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(code, message, details), status_code=status, headers=headers)


def status_for(exc: IntelgraphError) -> tuple[int, str]:
    for cls in type(exc).__mro__:
        if cls in STATUS:
            return STATUS[cls]
    return STATUS[IntelgraphError]


def validation_details(errors: list[dict]) -> list[dict]:
    """loc + msg only: pydantic's `input` and `ctx` may echo request values (or not be JSON)."""
    return [{"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", ""))} for e in errors]


def validation_response(errors: list[dict]) -> JSONResponse:
    details = validation_details(errors)
    first = details[0] if details else {"loc": [], "msg": "invalid request"}
    where = ".".join(p for p in first["loc"] if p != "body") or "request"
    return error_response(422, "invalid_request", f"{where}: {first['msg']}", details=details)


async def _intelgraph_error(request: Request, exc: IntelgraphError) -> JSONResponse:
    status, code = status_for(exc)
    if status >= 500:
        log.error("%s %s failed: %s", request.method, _route(request), exc.__class__.__name__)
        message = str(exc) if status == 503 else "internal error; see the server log"
    else:
        message = str(exc)
    return error_response(status, code, message)


async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
    return error_response(exc.status, exc.code, exc.message, headers=exc.headers)


async def _request_validation(request: Request, exc: RequestValidationError) -> JSONResponse:
    return validation_response(list(exc.errors()))


async def _pydantic_validation(request: Request, exc: ValidationError) -> JSONResponse:
    return validation_response(list(exc.errors()))


async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    code = _HTTP_CODES.get(exc.status_code, "error")
    message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
    return error_response(exc.status_code, code, message, headers=getattr(exc, "headers", None))


async def _driver_unavailable(request: Request, exc: Exception) -> JSONResponse:
    # Normally translated to DatabaseUnavailable by graph/driver.py; this covers the rest.
    return error_response(503, "database_unavailable", "Neo4j is not answering; try again shortly")


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("%s %s failed", request.method, _route(request))
    return error_response(500, "internal_error", "internal error; see the server log")


def _route(request: Request) -> str:
    route = request.scope.get("route")
    return getattr(route, "path", None) or "(no route)"


def install(app: FastAPI) -> None:
    app.add_exception_handler(IntelgraphError, _intelgraph_error)
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _request_validation)
    app.add_exception_handler(ValidationError, _pydantic_validation)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(ServiceUnavailable, _driver_unavailable)
    app.add_exception_handler(SessionExpired, _driver_unavailable)
    app.add_exception_handler(Exception, _unexpected)
