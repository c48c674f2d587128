"""Quantities over time: GET /quantities/series (a measure on a subject, in date order, with
bounds) and GET /quantities/moved (what moved since a date). Their models live here, beside
the two routes that answer with them; the queries are the named files the service runs."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, Query, Request
from neo4j import Driver
from pydantic import Field

from intelgraph.api.auth import Role, require
from intelgraph.api.params import get_driver, max_page
from intelgraph.api.schemas import ErrorBody, PublicModel
from intelgraph.services.quantities import moved_quantities, quantity_series

router = APIRouter(tags=["quantities"], dependencies=[Depends(require(Role.reader))])


class ObservationPublic(PublicModel):
    """One reported quantity: value_low / value_high are the bounds the text gives (both the
    value for an exact number, only value_low for "over 600", only value_high for "nearly
    600", neither for "about 600")."""

    measure: str
    subject: str | None = None
    subject_id: str | None = None
    unit: str
    reported_on: str | None = Field(None, description="The reporting document's publication date.")
    value: float
    value_low: float | None = None
    value_high: float | None = None
    bound: str | None = Field(None, description="The bound word as written: over, at least, up to, about, +.")
    text: str
    observation_id: str
    passage_id: str
    document_id: str
    title: str | None = None


class SeriesPublic(PublicModel):
    measure: str
    subject: str | None = None
    subject_id: str | None = None
    unit: str
    observations: list[ObservationPublic] = Field(description="Oldest first; undated last.")


class MovedQuantity(PublicModel):
    measure: str
    subject: str
    subject_id: str
    unit: str
    direction: str = Field(description="up, down, or bounds (the value held, its bounds changed).")
    before: ObservationPublic
    after: ObservationPublic


_LIMIT = "Rows at most; within INTELGRAPH_API_MAX_PAGE (default 200)."


@router.get("/quantities/series", response_model=list[SeriesPublic],
            summary="Quantities over time: each measure on each subject as a series in date order",
            responses={422: {"model": ErrorBody, "description": "A bad date or limit."}})
def series(
    request: Request,
    measure: str | None = Query(None, max_length=100, description='What is measured, e.g. "dead", "displaced".'),
    subject: str | None = Query(None, max_length=200, description="An entity name or alias."),
    topic: str | None = Query(None, max_length=200, description="Only from documents that contain this phrase "
                                                                "or carry this tag."),
    since: dt.date | None = Query(None, description="Reported on or after (YYYY-MM-DD)."),
    until: dt.date | None = Query(None, description="Reported on or before (YYYY-MM-DD)."),
    limit: int = Query(200, ge=1, le=10_000, description=_LIMIT),
    driver: Driver = Depends(get_driver),
) -> list[dict]:
    rows = quantity_series(driver, measure=measure, subject=subject, topic=topic, since=since, until=until,
                           limit=max_page(request, limit))
    out: list[dict] = []
    for row in rows:
        key = (row["measure"], row["subject_id"], row["unit"])
        if not out or (out[-1]["measure"], out[-1]["subject_id"], out[-1]["unit"]) != key:
            out.append({"measure": row["measure"], "subject": row["subject"], "subject_id": row["subject_id"],
                        "unit": row["unit"], "observations": []})
        out[-1]["observations"].append(row)
    return out


def _side(row: dict, side: str) -> dict:
    """One side (before/after) of a moved_quantities row as an observation."""
    return {"measure": row["measure"], "subject": row["subject"], "subject_id": row["subject_id"],
            "unit": row["unit"], "reported_on": row[f"{side}_date"], "value": row[f"{side}_value"],
            "value_low": row[f"{side}_low"], "value_high": row[f"{side}_high"], "bound": row[f"{side}_bound"],
            "text": row[f"{side}_text"], "observation_id": row[f"{side}_observation_id"],
            "passage_id": row[f"{side}_passage_id"], "document_id": row[f"{side}_document_id"]}


@router.get("/quantities/moved", response_model=list[MovedQuantity],
            summary="Quantities that moved: the newest value after a date against the last one on or before it",
            responses={422: {"model": ErrorBody, "description": "A missing or bad date, or a bad limit."}})
def moved(
    request: Request,
    since: dt.date = Query(..., description="Values reported after this date are new; on or before it, the "
                                            "baseline (YYYY-MM-DD)."),
    topic: str | None = Query(None, max_length=200, description="Only from documents that contain this phrase "
                                                                "or carry this tag."),
    entity: str | None = Query(None, max_length=200, description="Only this subject: an entity name or alias."),
    until: dt.date | None = Query(None, description="New values reported on or before this date."),
    limit: int = Query(100, ge=1, le=10_000, description=_LIMIT),
    driver: Driver = Depends(get_driver),
) -> list[dict]:
    rows = moved_quantities(driver, since, topic=topic, entity=entity, until=until, limit=max_page(request, limit))
    return [{"measure": r["measure"], "subject": r["subject"], "subject_id": r["subject_id"], "unit": r["unit"],
             "direction": r["direction"], "before": _side(r, "before"), "after": _side(r, "after")} for r in rows]
