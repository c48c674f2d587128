"""What a reader returns: a `ParsedDocument` with spans into its own normalised text.

Conventions:
- Every `Span` offsets into `ParsedDocument.text` and `text[start:end] == span.text`.
- List items (assumptions, gaps, recommendations …) drop only the final period of
  the list, nothing else; sentence-like items (BLUF, hypotheses, assessments,
  evidence, paragraphs) keep their punctuation.
- Section names are canonical snake_case keys for reports (report_sections.SECTION_TITLES); digest
  sections are named after their topic heading as printed.
- Sources: `source_name` is the publisher the page itself names (its site's boilerplate,
  a logo line, a news outlet in the title); `origins` are the outlets the text says it
  is based on (the outlet in a report title, a wire credit, a dateline agency). Who
  publishes a page in a known layout that names no site is the caller's to decide
  (extract.sources), not the reader's.
- Nothing is invented: an absent section goes in `missing`, a cut-off item in
  `warnings` (its text) and `fragments` (its span), never in `items`. Consumers use
  `fragments` to keep everything else (entity mentions, sentences) out of the cut.
"""

from __future__ import annotations

import hashlib
from functools import cached_property

from pydantic import BaseModel, ConfigDict, Field

ITEM_KINDS = (
    "bluf", "confidence_statement", "hypothesis", "evidence", "assessment", "indicator",
    "assumption", "information_gap", "bias_risk", "implication", "risk", "recommendation",
    "scenario", "key_entity", "tag", "technique", "insight", "sentiment", "policy_relevance",
    "paragraph", "headline",
)

# Items whose text is a label or a list entry, not a statement to read claims from.
NOT_CLAIMS = frozenset({"tag", "technique", "key_entity", "confidence_statement", "headline"})

FORMATS = ("report", "digest", "news", "text", "html", "markdown")
LAYOUTS = ("report-current", "report-mid", "report-early", "digest", "news", "text")

FieldValue = str | int | float | bool | None


class Span(BaseModel):
    model_config = ConfigDict(extra="forbid")

    start: int
    end: int
    text: str


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: str
    span: Span
    fields: dict[str, FieldValue] = Field(default_factory=dict)
    section: str | None = None


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    heading: Span | None
    body: Span


class Origin(BaseModel):
    """An outlet the document is based on, and how the page names it."""

    model_config = ConfigDict(extra="forbid")

    name: str
    via: str  # title | dateline | credit | citation | byline
    span: Span | None = None


class ParsedDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str
    format: str
    layout: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source_name: str | None = None
    origins: list[Origin] = Field(default_factory=list)
    headline: str | None = None
    sections: list[Section] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)
    truncated: bool = False
    missing: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    fragments: list[Span] = Field(default_factory=list)

    def items_of(self, kind: str) -> list[Item]:
        """The items of one kind, in text order."""
        return [item for item in self.items if item.kind == kind]

    @cached_property
    def document_id(self) -> str:
        """`doc:` + the first 32 hex digits of the SHA-256 of the normalised text: the same
        text is the same document, whatever file it came from."""
        return "doc:" + hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:32]

    def claim_spans(self) -> list[tuple[int, int]]:
        """Where claims may come from: the document's statements, not its boilerplate."""
        return [(i.span.start, i.span.end) for i in self.items if i.kind not in NOT_CLAIMS]
