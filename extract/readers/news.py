"""Read a news article or plain text: title, date, publisher, origins, paragraphs.

- title: the first line that looks like one (short, no final period, not a dateline),
  after any leading publication stamp, credit or byline lines ("Sep 20, 2023 10:27 AM",
  "Reuters |"): a leading date line never displaces the headline. It becomes a
  `headline` item.
- published: a leading "date YYYY-MM-DD", or a publication stamp line (credits.is_stamp).
- origins: the wire credits and dateline agencies (credits.py), in page order, once each.
- source_name (the publisher): the outlet of a title " – Outlet", else the site a logo
  or copyright line names, else a byline's outlet ("By Jane Doe | Harbour Ledger"), else
  the first credited wire: wire copy is the agency's own story wherever it is carried.
- paragraphs: blocks of one line each (blank-line separated or not) that read as
  prose (six words or more, or ending in punctuation) → `paragraph` items; credit,
  stamp and byline lines are not paragraphs.
News and plain text are read alike; only `layout` differs. A text ending mid-sentence
in a long line is marked truncated.
"""

from __future__ import annotations

import html
import re

from . import credits
from .builder import DocBuilder
from .model import Origin, ParsedDocument, Span
from .report_sections import outlet_from_title
from .site_names import site_named
from .spans import Line, ends_complete, lines

_REPORTING = re.compile(r"\b(?:said|says|told|reported|according to|announced|stated)\b")


def looks_like_news(text: str) -> bool:
    """Reporting verbs, a dateline, a wire credit, a byline, or a headline over a stamp."""
    if _REPORTING.search(text) or credits.looks_credited(text):
        return True
    head = [ln for ln in text.splitlines() if ln.strip()][:4]
    return any(credits.is_stamp(ln) for ln in head) and len(head) >= 2


def _is_header_line(line: Line) -> bool:
    """A stamp, credit or byline line that may stand above the headline."""
    text = line.text
    return credits.is_stamp(text) or bool(credits.line_credit(text)) or bool(credits.byline(text))


def _is_title(line: Line, text: str) -> bool:
    words = line.text.split()
    return (0 < len(words) <= 25 and not line.text.rstrip().endswith((".", ",", ";"))
            and not credits.LEADING_DATE.match(line.text) and not credits.has_dateline(line.text)
            and line.end < len(text.rstrip()))


def _find_title(content: list[Line], text: str) -> int | None:
    """Index of the headline among the first content lines, past stamp/credit/byline lines."""
    for i, line in enumerate(content[:4]):
        if _is_title(line, text) and not _is_header_line(line):
            return i
        if not _is_header_line(line):
            return None
    return None


def _is_prose(line: str) -> bool:
    return len(line.split()) >= 6 or (ends_complete(line) and len(line.split()) >= 3)


def _origins(found: list[credits.Credit], text: str) -> list[Origin]:
    out: dict[str, Origin] = {}
    for c in found:
        if c.via != "byline" and c.name.casefold() not in out:
            out[c.name.casefold()] = Origin(name=c.name, via=c.via, span=Span(start=c.start, end=c.end,
                                                                             text=text[c.start:c.end]))
    return list(out.values())


class _NewsReader:
    """One pass over the lines of a news page: header, credits, paragraphs."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.doc = DocBuilder(text)
        self.content = [ln for ln in lines(text) if ln.text.strip()]
        self.title: str | None = None
        self.published: str | None = None
        self.credits: list[credits.Credit] = []
        self.site: str | None = None  # a logo or copyright line's site
        last = self.content[-1] if self.content else None
        self.last = last
        # A closing wire credit "… publisher. (Yonhap)" ends a finished text.
        closing = re.sub(r"\([^()\n]{1,30}\)[ \t]*$", "", last.text).rstrip() if last else ""
        self.truncated = bool(last) and not ends_complete(closing) and len(closing.split()) >= 10

    def read(self) -> None:
        body = self.content
        t = _find_title(self.content, self.text)
        if t is not None:
            first = self.content[t]
            self.title = first.text.strip().strip("#* ")
            self.doc.add("headline", first.start, first.end, role="title")
            body = self.content[:t] + self.content[t + 1:]
        for line in body:
            self._line(line)

    def _line(self, line: Line) -> None:
        start = line.start
        self.credits += credits.credits_in(line.text, line.start, last=line is self.last)
        if m := credits.LEADING_DATE.match(line.text):
            self.published = self.published or m["date"]
            start = line.start + m.end()
        elif m := credits.dateline_credit(line.text):
            start = line.start + m.end()  # the story starts after "SEOUL, Dec 31 (Reuters) –"
        if name := site_named(line.text):
            self.site = self.site or name
            return  # "© 2025 Outlet", "Outlet Logo": boilerplate naming the page's owner
        if credits.is_stamp(line.text):
            self.published = self.published or credits.parse_date(line.text)
            return  # a date / time stamp line, not prose
        if credits.line_credit(line.text) or credits.byline(line.text):
            return
        if html.unescape(line.text).strip() == (self.title or "").strip():
            return  # pages repeat their headline as an image caption
        if not _is_prose(line.text[start - line.start:]):
            return
        if line is self.last and self.truncated:
            self.doc.fragment("paragraph", start, line.end)
            return
        self.doc.add("paragraph", start, line.end, section=None)

    def publisher(self) -> str | None:
        bylined = next((c.name for c in self.credits if c.via == "byline"), None)
        wired = next((c.name for c in self.credits if c.via in ("dateline", "credit")), None)
        return outlet_from_title(self.title) or self.site or bylined or wired


def read_news(text: str, fmt: str, layout: str, **overrides: object) -> ParsedDocument:
    reader = _NewsReader(text)
    reader.read()
    fields = {
        "layout": layout,
        "title": reader.title,
        "published": reader.published,
        "headline": None,
        "source_name": reader.publisher(),
        "origins": _origins(reader.credits, text),
        "truncated": reader.truncated,
    }
    for key, value in overrides.items():
        if value is not None:
            fields[key] = value
    return reader.doc.build(format=fmt, **fields)
