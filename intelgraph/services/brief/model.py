"""The brief as data: what every renderer (Markdown, HTML, JSON) and the API share.

A Statement is one line of a brief. It always carries at least one Citation: a
passage id plus the number `n` of the document in the brief's numbered Sources list,
and the date of that document. Three kinds of certainty are kept apart, as ICD 203
and the Admiralty system keep them apart:
- `confidence` is the analytic confidence the text itself states, or None: nothing
  is ever derived or filled in;
- `likelihood` is the ICD 203 term the text uses for how probable the judgement is,
  with its probability range;
- `grade` is the Admiralty grading of the source (reliability A–F) and of the
  information (credibility 1–6): about the source, never a confidence.
Judgements answering the same question carry the older ones as `history`, newest
first. `schema.json` beside this file is generated from these models
(`python -m intelgraph.services.brief.model`) and a test keeps it current.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from intelgraph.ontology import vocabulary_literal

ConfidenceLevel = vocabulary_literal("Confidence")
LikelihoodTerm = vocabulary_literal("Likelihood")
ReliabilityGrade = vocabulary_literal("Reliability")
CredibilityGrade = vocabulary_literal("Credibility")


def ingest_cutoff(value: Any) -> Any:
    """An ingest cut-off as the CLI and the API both read it: a date (any ISO form) is the
    end of that day, UTC; a date-time without an offset is UTC. Other values pass on to
    the field's own checks."""
    if isinstance(value, str):
        text = value.strip()
        try:
            value = dt.date.fromisoformat(text)
        except ValueError:
            try:
                value = dt.datetime.fromisoformat(text)
            except ValueError:
                return value
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dt.datetime.combine(value, dt.time.max, tzinfo=dt.timezone.utc)
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        return value.replace(tzinfo=dt.timezone.utc)
    return value


IngestCutoff = Annotated[dt.datetime, BeforeValidator(ingest_cutoff)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BriefRequest(_Model):
    topic: str = Field(min_length=1, max_length=200)
    entity: str | None = Field(default=None, max_length=200)
    since: dt.date | None = None
    until: dt.date | None = None
    limit: int = Field(default=10, ge=1, le=100)
    as_of: dt.date | None = Field(default=None, description=(
        "Only documents published on or before this date (one without a date: ingested on or before it); "
        "staleness is judged as of it."))
    ingested_by: IngestCutoff | None = Field(default=None, description=(
        "Only documents ingested at or before this instant (UTC when no offset is given; a date: the end "
        "of that day)."))


class Citation(_Model):
    n: int  # the document's number in the Sources list
    passage_id: str
    document_id: str


class Grade(_Model):
    """Admiralty grading: how reliable the source is, how credible the information."""

    reliability: ReliabilityGrade | None = Field(description="A–F; None when the source is ungraded")
    credibility: CredibilityGrade | None = Field(default=None, description="1–6 where the text states it")
    code: str = Field(description='e.g. "B2", "B", "ungraded" or "ungraded, 3"')
    label: str


class Likelihood(_Model):
    """An ICD 203 likelihood term the text states, with its probability range."""

    term: LikelihoodTerm
    label: str
    probability_low: float
    probability_high: float


class HistoryEntry(_Model):
    """An older judgement on the same question, superseded by the statement it belongs to."""

    node_id: str
    date: str | None
    summary: str
    confidence: ConfidenceLevel | None = None
    likelihood: Likelihood | None = None
    favors: str | None = None  # the favoured hypothesis, shortened
    citation: Citation


class Statement(_Model):
    node_id: str | None  # the graph node it states (trace it with `intelgraph trace`)
    kind: str
    text: str
    citations: list[Citation] = Field(min_length=1)
    date: str | None = None  # published date of the document it cites first
    confidence: ConfidenceLevel | None = Field(
        default=None, description="Analytic confidence as the text states it; None when it states none")
    likelihood: Likelihood | None = None
    grade: Grade
    question: str | None = None  # which question (document) a judgement or hypothesis answers
    history: list[HistoryEntry] = Field(default_factory=list)
    superseded_by: str | None = None  # node id of a newer judgement on the same question
    relevance: int = Field(default=2, description="2: the statement names the topic; 1: its document is about it")
    details: dict[str, Any] = Field(default_factory=dict)


class Section(_Model):
    key: str
    title: str
    statements: list[Statement] = Field(default_factory=list)


class AchHypothesis(_Model):
    node_id: str
    label: str
    statement: str
    inconsistent: int  # evidence items marked I against it (Heuer: fewer is better)
    consistent: int
    rank: int  # 1 = the author's favoured hypothesis, then fewest inconsistent items
    favored: bool = False  # the document's own assessment favours it
    favored_by: list[str] = Field(default_factory=list)  # assessment node ids


class AchEvidence(_Model):
    node_id: str
    text: str
    marks: dict[str, Literal["C", "I", "-"]]  # hypothesis label -> mark
    diagnostic: bool
    citation: Citation


class AchMatrix(_Model):
    document_id: str
    title: str | None
    published: str | None = None
    favored_label: str | None = None  # what the author's assessment favours
    confidence: ConfidenceLevel | None = None  # the assessment's stated confidence
    counts_agree: bool = True  # the favoured hypothesis has no more inconsistent items than any other
    hypotheses: list[AchHypothesis]
    evidence: list[AchEvidence]


class SourceEntry(_Model):
    n: int
    document_id: str
    title: str | None
    source: str
    published: str | None
    reliability: str
    reliability_label: str
    grade: Grade


class OverallConfidence(_Model):
    """The stated confidences of the brief's current key judgements, counted; never a level of its own."""

    counts: dict[str, int] = Field(default_factory=dict)  # confidence notation (or "not stated") -> judgements
    judgements: int = 0
    documents: int = 0
    first: str | None = None  # oldest and newest publication dates in scope
    last: str | None = None
    text: str = ""


class BriefDocument(_Model):
    id: str
    title: str
    created_at: dt.datetime
    as_of: dt.date | None = Field(default=None, description=(
        "The publication cut-off the brief was built with: its request's as_of, else the day it was made."))
    ingested_by: dt.datetime | None = Field(default=None, description=(
        "The ingest cut-off: its request's ingested_by, else the moment it was made. With as_of, what "
        "reproduces the brief's documents later."))
    request: BriefRequest
    queries: list[str]
    sections: list[Section]
    ach: list[AchMatrix] = Field(default_factory=list)
    sources: list[SourceEntry]
    overall: OverallConfidence = Field(default_factory=OverallConfidence)
    stored: bool = False

    def statements(self) -> list[Statement]:
        return [s for section in self.sections for s in section.statements]


SCHEMA_PATH = Path(__file__).with_name("schema.json")


def json_schema() -> dict:
    schema = BriefDocument.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://w3id.org/intelgraph/brief.schema.json"
    return schema


if __name__ == "__main__":  # regenerate the published schema
    SCHEMA_PATH.write_text(json.dumps(json_schema(), indent=2) + "\n", encoding="utf-8")
