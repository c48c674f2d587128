"""Request and response bodies of the HTTP API.

Requests (…Create, …Query) forbid unknown fields; responses (…Public, …Summary) are
what the API promises to send. Node properties whose set depends on the label
(extracted objects, Cypher rows) travel as free-form maps.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

from intelgraph.extract.readers import FORMAT_CHOICES
from intelgraph.ontology import L, R, get_ontology, vocabulary_literal
from intelgraph.services.brief.model import IngestCutoff

T = TypeVar("T")

Reliability = vocabulary_literal("Reliability")
Polarity = vocabulary_literal("Polarity")
Modality = vocabulary_literal("Modality")
DocumentFormat = Literal[FORMAT_CHOICES]  # type: ignore[valid-type]
BriefFormat = Literal["json", "md", "html"]

_INT64 = (-(2**63), 2**63 - 1)
_MAX_PARAM_DEPTH = 16


class RequestModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PublicModel(BaseModel):
    model_config = ConfigDict(extra="ignore")


class ErrorDetail(PublicModel):
    code: str
    message: str
    details: list[dict[str, Any]] | None = None


class ErrorBody(PublicModel):
    error: ErrorDetail


class Page(PublicModel, Generic[T]):
    items: list[T]
    offset: int
    limit: int
    next_offset: int | None = Field(None, description="Offset of the next page; null on the last page.")


# ---- service --------------------------------------------------------------------------------

class Health(PublicModel):
    status: Literal["ok"]
    version: str


class Ready(PublicModel):
    status: Literal["ready"]
    database: str


# ---- documents ------------------------------------------------------------------------------

class DocumentOptions(RequestModel):
    """What a multipart upload sends as form fields beside its `file`."""

    name: str | None = Field(None, max_length=255, description="A file name; its extension helps detect the format.")
    format: DocumentFormat = "auto"
    source: str | None = Field(None, min_length=1, max_length=200, description="Publisher name; overrides the one in the text.")
    reliability: Reliability | None = Field(None, description="Admiralty reliability A-F of the source (default F).")


class DocumentCreate(DocumentOptions):
    text: str = Field(min_length=1, description="The document's text (HTML and Markdown are read too).")


class DocumentCreated(PublicModel):
    document_id: str
    status: Literal["new", "unchanged"]
    title: str | None = None
    counts: dict[str, int] = Field(default_factory=dict, description="Records written per label and type (new documents).")


class DocumentSummary(PublicModel):
    id: str
    title: str | None = None
    published: str | None = None
    format: str | None = None
    layout: str | None = None
    word_count: int | None = None
    truncated: bool | None = None
    ingested_at: str | None = None
    source: str | None = None
    reliability: str | None = None


class SourcePublic(PublicModel):
    id: str | None = None
    name: str | None = None
    reliability: str | None = None


class DocumentSourcePublic(SourcePublic):
    via: str | None = Field(None, description="How the document names it: page, url, layout or user (publisher); "
                                              "title, dateline, credit or citation (origin).")


class TopicPublic(PublicModel):
    id: str
    name: str | None = None


class MentionedEntity(PublicModel):
    id: str
    name: str | None = None
    type: str | None = None
    mentions: int


class DocumentPublic(PublicModel):
    id: str
    title: str | None = None
    published: str | None = None
    format: str | None = None
    layout: str | None = None
    headline: str | None = None
    url: str | None = None
    truncated: bool | None = None
    missing: list[str] | None = None
    word_count: int | None = None
    ingested_at: str | None = None
    text: str | None = Field(None, description="Only with include_text=true.")
    source: DocumentSourcePublic | None = Field(None, description="The publisher.")
    origins: list[DocumentSourcePublic] = Field(default_factory=list,
                                        description="The reporting the document is based on (BASED_ON).")
    topics: list[TopicPublic]
    entities: list[MentionedEntity]
    objects: dict[str, list[dict[str, Any]]] = Field(description="Extracted objects by label, each with its passage.")
    objects_truncated: bool


# ---- entities -------------------------------------------------------------------------------

class EntitySummary(PublicModel):
    id: str
    type: str | None = None
    name: str | None = None
    aliases: list[str] = Field(default_factory=list)
    mentions: int = 0
    score: float | None = Field(None, description="Full-text score; null when listing without q.")


class DocumentRef(PublicModel):
    id: str
    title: str | None = None
    published: str | None = None


class EntityPublic(PublicModel):
    id: str
    type: str | None = None
    labels: list[str]
    name: str | None = None
    key: str | None = None
    aliases: list[str] = Field(default_factory=list)
    mentions: int
    claims: int
    relations: int
    document_count: int
    documents: list[DocumentRef]


class GraphNode(PublicModel):
    id: str | None = None
    type: str | None = None
    labels: list[str]
    caption: str | None = None
    depth: int


class GraphEdge(PublicModel):
    type: str
    start: str | None = None
    end: str | None = None
    props: dict[str, Any] = Field(default_factory=dict)


class Neighborhood(PublicModel):
    id: str
    depth: int
    rel: str | None = None
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    truncated: bool = Field(description="Some node had more relationships than the fan-out caps allow.")


class ClaimPublic(PublicModel):
    id: str
    text: str | None = None
    role: str | None = None
    polarity: Polarity | None = Field(None, description="negative: the text negates or denies the claim")
    modality: Modality | None = Field(None, description="how the text puts it: asserted, reported, hedged, denied")
    hedged: bool | None = None
    likelihood: str | None = None
    predicate: str | None = None
    attribution: str | None = None
    attributed_to: str | None = None
    extraction_score: float | None = None
    passage_id: str | None = None
    document_id: str | None = None
    document_title: str | None = None
    published: str | None = None
    source: str | None = None
    reliability: str | None = None


# ---- paths ----------------------------------------------------------------------------------

class PathNode(PublicModel):
    id: str
    name: str | None = None
    type: str | None = None


class HopClaim(PublicModel):
    id: str
    text: str | None = None
    polarity: Polarity | None = None
    modality: Modality | None = None
    likelihood: str | None = None
    extraction_score: float | None = None
    document_id: str | None = None


# A hop follows a RELATED_TO relationship, or a claim about both entities.
HopVia = Literal[R.RELATED_TO, "claim"]  # type: ignore[valid-type]


class Hop(PublicModel):
    from_id: str
    to_id: str
    via: HopVia
    predicate: str | None = None
    polarity: Polarity | None = Field(None, description="A RELATED_TO hop: negative when its claims negate or "
                                                        "deny the predicate (\"did not supply\").")
    modality: list[Modality] = Field(default_factory=list, description="A RELATED_TO hop: the modalities of its claims.")
    forward: bool = Field(description="The relationship points from from_id to to_id.")
    claim_count: int
    claims: list[HopClaim]


class PathPublic(PublicModel):
    from_id: str
    to_id: str
    via_claims: bool
    max_hops: int
    found: bool
    nodes: list[PathNode]
    hops: list[Hop]


# ---- hypotheses -----------------------------------------------------------------------------

class HypothesisSummary(PublicModel):
    id: str
    label: str | None = None
    statement: str | None = None
    extraction_score: float | None = None
    document_id: str | None = None
    document_title: str | None = None
    published: str | None = None
    supporting: int
    contradicting: int
    favored_by: int


class EvidencePublic(PublicModel):
    id: str
    text: str | None = None
    credibility: str | None = None
    extraction_score: float | None = None
    passage_id: str | None = None


class AssessmentPublic(PublicModel):
    id: str
    text: str | None = None
    kind: str | None = None
    confidence: str | None = Field(None, description="The analytic confidence the text states (not extraction_score).")
    likelihood: str | None = None
    extraction_score: float | None = None
    passage_id: str | None = None


class CompetingHypothesis(PublicModel):
    id: str
    label: str | None = None
    statement: str | None = None
    supporting: int
    contradicting: int
    favored_by: int


class HypothesisPublic(PublicModel):
    id: str
    label: str | None = None
    statement: str | None = None
    extraction_score: float | None = None
    passage_id: str | None = None
    document: DocumentRef | None = None
    source: SourcePublic | None = None
    evidence_for: list[EvidencePublic]
    evidence_against: list[EvidencePublic]
    favored_by: list[AssessmentPublic]
    competing: list[CompetingHypothesis]


# ---- Cypher ---------------------------------------------------------------------------------

class CypherQuery(RequestModel):
    query: str = Field(min_length=1, max_length=20_000, description="One read-only Cypher statement.")
    params: dict[str, Any] = Field(default_factory=dict, description="Query parameters ($name in the query).")

    @field_validator("params")
    @classmethod
    def _bolt_values(cls, params: dict[str, Any]) -> dict[str, Any]:
        # Bolt carries 64-bit integers; anything larger would fail in the driver, not here.
        def check(value: Any, depth: int) -> None:
            if depth > _MAX_PARAM_DEPTH:
                raise ValueError(f"parameters nest deeper than {_MAX_PARAM_DEPTH} levels")
            if isinstance(value, bool) or value is None or isinstance(value, (str, float)):
                return
            if isinstance(value, int):
                if not _INT64[0] <= value <= _INT64[1]:
                    raise ValueError("integer parameters must fit in 64 bits")
            elif isinstance(value, dict):
                for v in value.values():
                    check(v, depth + 1)
            elif isinstance(value, list):
                for v in value:
                    check(v, depth + 1)

        check(params, 0)
        return params


class CypherResult(PublicModel):
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool = Field(description="The answer was cut: more rows existed than the row cap "
                                        "(INTELGRAPH_ROW_CAP), or the rows passed the size cap.")
    row_cap: int
    size_capped: bool = Field(False, description="Cut off because the rows, as JSON, passed max_response_bytes "
                                                 "(INTELGRAPH_MAX_RESPONSE_BYTES); the rows before the cut are given.")
    max_response_bytes: int


# ---- briefs ---------------------------------------------------------------------------------

class BriefCreate(RequestModel):
    topic: str = Field(min_length=1, max_length=200)
    entity: str | None = Field(None, min_length=1, max_length=200)
    since: dt.date | None = None
    until: dt.date | None = None
    limit: int = Field(10, ge=1, le=100, description="Items per section.")
    as_of: dt.date | None = Field(None, description="Only documents published on or before this date (an "
                                                    "undated one: ingested on or before it).")
    ingested_by: IngestCutoff | None = Field(None, description="Only documents ingested at or before this "
                                                               "instant (UTC when no offset is given; a date: "
                                                               "the end of that day).")
    format: BriefFormat = "json"
    store: bool = Field(False, description="Keep the brief in the graph (needs a writer key).")


# ---- curation -------------------------------------------------------------------------------

EntityType = Literal[tuple(sorted(name for name, spec in get_ontology().classes.items()  # type: ignore[valid-type]
                                  if L.Entity in spec.labels))]
CurationAction = vocabulary_literal("CurationAction")


class CurationCreate(RequestModel):
    by: str | None = Field(None, min_length=1, max_length=200,
                           description="Who is curating, in their words; recorded beside the API key's number.")
    reason: str | None = Field(None, min_length=1, max_length=1000, description="Why; kept with the action.")


class MergeCreate(CurationCreate):
    entity: str = Field(min_length=1, max_length=300, description="The entity merged into this one and removed: "
                                                                   "its id, exact name or exact alias.")


class RenameCreate(CurationCreate):
    name: str = Field(min_length=1, max_length=200, description="The new name; the old one stays an alias.")


class RetypeCreate(CurationCreate):
    type: EntityType = Field(description="The entity's type from now on; its other type labels are removed.")


class CurationPublic(PublicModel):
    id: str
    action: CurationAction
    target: str = Field(description="The entity acted on (for a merge, the one merged away).")
    target_name: str | None = None
    argument: str | None = Field(None, description="rename: the new name; retype: the type; merge: the entity "
                                                   "merged into; reject: null.")
    curator: str
    curated_at: str
    reason: str | None = None


class MentionedAs(PublicModel):
    alias: str | None = None
    mentions: int


class CuratedEntity(PublicModel):
    id: str
    name: str | None = None
    type: str | None = None
    aliases: list[str] = Field(default_factory=list)
    mentions: int
    mentioned_as: list[MentionedAs] = Field(description="Each name the entity is mentioned by, with its count.")


class CurationResult(PublicModel):
    curation: CurationPublic
    entity: CuratedEntity | None = Field(description="The entity after the action; null after a reject.")
    moved: dict[str, int] | None = Field(None, description="A merge: relationships moved, by type.")


class CurationHistory(PublicModel):
    entity: CuratedEntity | None = Field(description="The entity as it is now; null when a merge or reject "
                                                     "took it out.")
    actions: list[CurationPublic] = Field(description="Oldest first; the entities merged into it included.")


# ---- judgement lineage ------------------------------------------------------------------------

JudgementChange = vocabulary_literal("JudgementChange")
LinkStatus = vocabulary_literal("LinkStatus")


class JudgementStep(PublicModel):
    """One document's judgement on a question, in date order."""

    published: str | None = None
    judgement: str
    confidence: str | None = Field(None, description="The analytic confidence the text states; null when none.")
    likelihood: str | None = None
    favored: str | None = Field(None, description="The hypothesis its assessment favours, as label: statement.")
    change: JudgementChange = Field(description="How it moved from the judgement before it (new_question: none before).")
    previous: str | None = Field(None, description="The judgement it revises (REVISES to the newest older one).")
    score: float | None = Field(None, description="How alike the two judgements are (0-1); not a confidence.")
    status: LinkStatus | None = None
    question: str
    judgement_id: str
    passage_id: str
    document_id: str
    title: str | None = None
    source: str | None = None
    reliability: str | None = None


class JudgementHistory(PublicModel):
    question: str = Field(description="The question key: the id of the earliest judgement of the lineage.")
    judgements: list[JudgementStep] = Field(description="Oldest first.")


class LinkPublic(PublicModel):
    newer: str
    older: str
    change: JudgementChange | None = None
    changes: list[str] | None = None
    score: float | None = None
    evidence: list[str] | None = None
    status: LinkStatus | None = None


class LinkCurationResult(PublicModel):
    curation: CurationPublic
    link: LinkPublic | None = Field(description="The link after the action; null after a cut.")
    deleted: int | None = Field(None, description="A cut: links removed.")
