"""Response and request bodies of the routes the workbench added: search, sources, passages."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from intelgraph.api.schemas import EntitySummary, Page, PublicModel, Reliability, RequestModel


class FacetValue(PublicModel):
    value: str | None
    count: int
    label: str | None = None


class _Hits(PublicModel):
    total: int = Field(description="Hits after the filters (of at most the hits read; see capped).")
    capped: bool = Field(False, description="True when the search read its cap of hits: counts are lower bounds.")
    facets: dict[str, list[FacetValue]]


class EntityHits(Page[EntitySummary]):
    facets: dict[str, list[FacetValue]]


class DocumentHit(PublicModel):
    id: str
    title: str | None = None
    published: str | None = None
    source_id: str | None = None
    source: str | None = None
    reliability: str | None = None
    score: float
    snippet: str | None = None
    passage_id: str | None = None


class DocumentHits(Page[DocumentHit], _Hits):
    pass


class StatementHit(PublicModel):
    id: str
    kind: str | None = None
    text: str
    polarity: str | None = None
    passage_id: str
    document_id: str
    title: str | None = None
    published: str | None = None
    source_id: str | None = None
    source: str | None = None
    score: float


class StatementHits(Page[StatementHit], _Hits):
    pass


class SearchResult(PublicModel):
    q: str
    entities: EntityHits
    documents: DocumentHits
    statements: StatementHits


class SourcePublic(PublicModel):
    id: str
    name: str | None = None
    reliability: str | None = None
    reliability_label: str | None = None
    published: int = Field(description="Documents it published.")
    based_on: int = Field(description="Documents based on it (an outlet named in a title, a wire credit).")
    newest: str | None = None


class ReliabilityUpdate(RequestModel):
    reliability: Reliability = Field(description="An Admiralty reliability grade, A (completely reliable) to "
                                                 "F (cannot be judged).")


class ReliabilitySet(PublicModel):
    id: str
    name: str | None = None
    reliability: str
    reliability_label: str | None = None
    previous: str | None = None


class PassageRef(PublicModel):
    id: str
    kind: str | None = None
    start: int
    end: int
    kinds: list[str] = Field(description="Ontology labels of what was extracted from it.")
    cited: int = Field(description="Briefs citing it.")


class DocumentPassages(PublicModel):
    id: str
    title: str | None = None
    published: str | None = None
    text: str | None = None
    source: str | None = None
    reliability: str | None = None
    passages: list[PassageRef]


class PassageDetail(PublicModel):
    id: str
    kind: str | None = None
    start: int
    end: int
    text: str | None = None
    document_id: str
    title: str | None = None
    published: str | None = None
    objects: list[dict[str, Any]] = Field(description="What was extracted from it (with kind).")
    mentions: list[dict[str, Any]]
    briefs: list[dict[str, Any]] = Field(description="Stored briefs citing it.")
    elsewhere: list[dict[str, Any]] = Field(description="Other passages holding a statement with the same text.")


class TypeVote(PublicModel):
    document_id: str
    label: str
    mentions: int
    title: str | None = None
    published: str | None = None


class EntityDocument(PublicModel):
    id: str
    title: str | None = None
    published: str | None = None
    mentions: int


class EntityProfile(PublicModel):
    id: str
    type_votes: list[TypeVote] = Field(description="The evidence for its type: per document, the label given there.")
    documents: list[EntityDocument] = Field(description="Documents mentioning it, oldest first.")


class GraphNode(PublicModel):
    id: str
    name: str | None = None
    type: str | None = None
    mentions: int = Field(description="Passages mentioning it (the node's size).")


class GraphEdge(PublicModel):
    source: str
    target: str
    type: str = Field(description="The relationship the link comes from: RELATED_TO, ABOUT or MENTIONS.")
    predicate: str | None = None
    polarity: str | None = None
    count: int = Field(description="Claims or passages behind it, in the date range.")
    first: str | None = None
    last: str | None = None


class LinkType(PublicModel):
    type: str
    label: str


class EntityGraph(PublicModel):
    id: str
    rel: str | None = None
    link_types: list[LinkType]
    nodes: list[GraphNode]
    edges: list[GraphEdge]


class Grade(PublicModel):
    notation: str
    label: str


class SessionPublic(PublicModel):
    role: str = Field(description="reader or writer")
    entity_types: list[str] = Field(description="The ontology's entity types.")
    relationship_types: list[str] = Field(description="The ontology's relationship types.")
    reliability: list[Grade] = Field(description="Reliability grades, best first.")
