"""Quantities over time: a measure's series on a subject, and the quantities that moved since a date.

Both are named queries (queries/explore/quantity_series, queries/changes/moved_quantities)
that analysts can run themselves; this module is what the API's /quantities routes use.
(`intelgraph changes` has its own section query, queries/changes/quantities, which runs
on a changes window's new documents.) Dates are ISO strings or date objects; a bad one
is an InputError.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from neo4j import Driver

from intelgraph.errors import InputError
from intelgraph.graph.driver import read
from intelgraph.queries import query

SERIES = "explore/quantity_series"
MOVED = "changes/moved_quantities"


def _iso(value: dt.date | str | None, name: str) -> str | None:
    if value is None or isinstance(value, dt.date):
        return value.isoformat() if value else None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise InputError(f"{name} {value!r} is not a date; write it as YYYY-MM-DD") from None


def _text(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def quantity_series(driver: Driver, *, measure: str | None = None, subject: str | None = None,
                    topic: str | None = None, since: dt.date | str | None = None,
                    until: dt.date | str | None = None, limit: int = 200) -> list[dict[str, Any]]:
    """Observations in date order per (measure, subject, unit), with their bounds."""
    since_s, until_s = _iso(since, "since"), _iso(until, "until")
    if since_s and until_s and since_s > until_s:
        raise InputError(f"since {since_s} is after until {until_s}")
    return read(driver, query(SERIES), {"measure": _text(measure), "subject": _text(subject), "topic": _text(topic),
                                         "since": since_s, "until": until_s, "limit": limit})


def moved_quantities(driver: Driver, since: dt.date | str, *, topic: str | None = None, entity: str | None = None,
                     until: dt.date | str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """Per (measure, subject, unit): the newest value reported after `since` against the last
    one reported on or before it, where they differ (columns: the query file's header)."""
    since_s, until_s = _iso(since, "since"), _iso(until, "until")
    if since_s is None:
        raise InputError("give a date to compare against, e.g. since=2026-02-01")
    if until_s and since_s > until_s:
        raise InputError(f"since {since_s} is after until {until_s}")
    return read(driver, query(MOVED), {"since": since_s, "topic": _text(topic), "entity": _text(entity),
                                        "until": until_s, "limit": limit})
