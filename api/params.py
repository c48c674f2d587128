"""Request parameters shared by the routes: the driver and paging.

Bounds here keep values sane for the driver (Bolt carries 64-bit integers); the
settings' limits (INTELGRAPH_API_MAX_PAGE, INTELGRAPH_API_MAX_DEPTH) are checked by the
graph services, which answer 422 with the allowed range.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Query, Request
from neo4j import Driver

MAX_OFFSET = 1_000_000
ID_MAX_LENGTH = 300


def get_driver(request: Request) -> Driver:
    return request.app.state.driver


@dataclass(frozen=True)
class PageParams:
    offset: int
    limit: int


def page_params(
    limit: int = Query(20, ge=1, le=10_000, description="Items per page; at most INTELGRAPH_API_MAX_PAGE (default 200)."),
    offset: int = Query(0, ge=0, le=MAX_OFFSET, description="Items to skip."),
) -> PageParams:
    return PageParams(offset=offset, limit=limit)
