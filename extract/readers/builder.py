"""`DocBuilder`: collects the sections, items and warnings of one document.

Readers hand it absolute offsets; it trims them, checks the span invariant and
keeps items in text order when the document is built.
"""

from __future__ import annotations

from .model import FieldValue, Item, ParsedDocument, Section, Span
from .spans import make_span


class DocBuilder:
    def __init__(self, text: str) -> None:
        self.text = text
        self.items: list[Item] = []
        self.sections: list[Section] = []
        self.warnings: list[str] = []
        self.missing: list[str] = []
        self.fragments: list[Span] = []

    def span(self, start: int, end: int, *, drop_period: bool = False) -> Span | None:
        return make_span(self.text, start, end, drop_period=drop_period)

    def add(
        self,
        kind: str,
        start: int,
        end: int,
        /,
        *,
        section: str | None = None,
        drop_period: bool = False,
        **fields: FieldValue,
    ) -> Item | None:
        span = self.span(start, end, drop_period=drop_period)
        if span is None:
            return None
        item = Item(kind=kind, span=span, fields=fields, section=section)
        self.items.append(item)
        return item

    def add_section(self, name: str, heading: tuple[int, int] | None, body: tuple[int, int]) -> Section:
        heading_span = self.span(*heading) if heading else None
        body_span = self.span(*body) or Span(start=body[0], end=body[0], text="")
        section = Section(name=name, heading=heading_span, body=body_span)
        self.sections.append(section)
        return section

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def fragment(self, where: str, start: int, end: int) -> None:
        """Record a cut-off piece of text that is deliberately not an item."""
        span = self.span(start, end)
        if span is not None:
            self.fragments.append(span)
            self.warn(f"truncated: incomplete {where} not extracted: {span.text!r}")

    def build(self, **document: object) -> ParsedDocument:
        self.items.sort(key=lambda item: (item.span.start, item.span.end))
        for item in self.items:  # the contract every consumer relies on
            assert self.text[item.span.start:item.span.end] == item.span.text
        return ParsedDocument(
            text=self.text,
            sections=self.sections,
            items=self.items,
            missing=self.missing,
            warnings=self.warnings,
            fragments=sorted(self.fragments, key=lambda span: (span.start, span.end)),
            **document,
        )
