"""The brief as data: what every renderer (Markdown, HTML, JSON) and the API share.

A Statement is one line of a brief. It always carries at least one Citation: a
passage id plus the number `n` of the document in the brief's numbered Sources list.
It also carries a Confidence that says where the level came from. `basis="stated"`
means the analytic confidence the text itself gives. `basis="derived"` means it was
worked out from source reliability and corroboration. The two are never mixed up.
`schema.json` beside this file is generated from these models
(`python -m intelgraph.services.brief.model`) and a test keeps it current.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from intelgraph.ontology import vocabulary_literal


class BriefRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    topic: str = Field(min_length=1, max_length=200)
    entity: str | None = Field(default=None, max_length=200)
    since: dt.date | None = None
    until: dt.date | None = None
    limit: int = Field(default=10, ge=1, le=100)


class Citation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    n: int  # the document's number in the Sources list
    passage_id: str
    document_id: str


ConfidenceLevel = vocabulary_literal("Confidence")


class Confidence(BaseModel):
    model_config = ConfigDict(extra="forbid")

    level: ConfidenceLevel
    basis: Literal["stated", "derived"]
    note: str | None = None  # how a derived level was reached


class Statement(BaseModel):
    model_config = ConfigDict(extra="forbid")

    node_id: str | None  # the graph node it states (trace it with `intelgraph trace`)
    kind: str
    text: str
    citations: list[Citation] = Field(min_length=1)
    confidence: Confidence
    details: dict[str, Any] = Field(default_factory=dict)


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid")

    key: str
    title: str
    statements: list[Statement] = Field(default_factory=list)


class AchHypothesis(BaseModel):
    model_config = ConfigDict(extra="forbid")

    node_id: str
    label: str
    statement: str
    inconsistent: int  # evidence items marked I against it (Heuer: fewer is better)
    consistent: int
    rank: int
    favored_by: list[str] = Field(default_factory=list)  # assessment node ids


class AchEvidence(BaseModel):
    model_config = ConfigDict(extra="forbid")

    node_id: str
    text: str
    marks: dict[str, Literal["C", "I", "-"]]  # hypothesis label -> mark
    diagnostic: bool
    citation: Citation


class AchMatrix(BaseModel):
    model_config = ConfigDict(extra="forbid")

    document_id: str
    title: str | None
    hypotheses: list[AchHypothesis]
    evidence: list[AchEvidence]


class SourceEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    n: int
    document_id: str
    title: str | None
    source: str
    published: str | None
    reliability: str
    reliability_label: str


class BriefDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    title: str
    created_at: dt.datetime
    request: BriefRequest
    queries: list[str]
    sections: list[Section]
    ach: list[AchMatrix] = Field(default_factory=list)
    sources: list[SourceEntry]
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
