"""Request parameters shared by the routes: the driver, the app's settings and the bounds.

Two layers of bounds. The Query(...) limits keep values sane for the driver (Bolt
carries 64-bit integers) and appear in the OpenAPI document; the settings' limits
(INTELGRAPH_API_MAX_PAGE, INTELGRAPH_API_MAX_DEPTH) are the app's own, read from the
settings the app was created with (`app.state.settings`), and answered with 422 and
the allowed range.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Query, Request
from neo4j import Driver

from intelgraph.errors import InputError
from intelgraph.graph.lookups import PATH_HOP_CEILING
from intelgraph.settings import Settings

MAX_OFFSET = 1_000_000
ID_MAX_LENGTH = 300


def get_driver(request: Request) -> Driver:
    return request.app.state.driver


def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings


@dataclass(frozen=True)
class PageParams:
    offset: int
    limit: int


def _bounded(name: str, value: int, ceiling: int) -> int:
    if not 1 <= value <= ceiling:
        raise InputError(f"{name} must be between 1 and {ceiling}")
    return value


def page_params(
    request: Request,
    limit: int = Query(20, ge=1, le=10_000, description="Items per page; at most INTELGRAPH_API_MAX_PAGE (default 200)."),
    offset: int = Query(0, ge=0, le=MAX_OFFSET, description="Items to skip."),
) -> PageParams:
    return PageParams(offset=offset, limit=_bounded("limit", limit, get_app_settings(request).api_max_page))


def max_page(request: Request, limit: int) -> int:
    """A per-hop or per-page `limit` within INTELGRAPH_API_MAX_PAGE."""
    return _bounded("limit", limit, get_app_settings(request).api_max_page)


def max_depth(request: Request, depth: int) -> int:
    """A neighbourhood depth within INTELGRAPH_API_MAX_DEPTH."""
    return _bounded("depth", depth, get_app_settings(request).api_max_depth)


def max_hops(request: Request, hops: int) -> int:
    """Path hops within INTELGRAPH_API_MAX_DEPTH and what the path queries spell out."""
    return _bounded("max_hops", hops, min(get_app_settings(request).api_max_depth, PATH_HOP_CEILING))
