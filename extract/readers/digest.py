"""Read a digest (Morning Brief / Midday Assessment / Evening Report).

Layout: a title with the date, a logo line, optional "Strategic Intelligence Summary
…" subtitle, then per topic heading ("Counter-Terrorism"): insight bullets
`Insight N [S|G|R, Confidence: X]: statement` (N optional) each followed by
Credibility / Coherence / Confidence lines, then "Sentiment Overview" and "Policy
Relevance" (with or without a colon) each followed by a paragraph.
Sections are named after the topic heading as printed. An insight item spans its
statement; fields carry number, category (the bracket letter), confidence
(lower-cased), credibility, coherence and confidence_note (the lines' text).
"""

from __future__ import annotations

import re

from .builder import DocBuilder
from .model import ParsedDocument
from .report_sections import outlet_from_title, parse_date
from .site_names import site_named
from .spans import Line, ends_complete, lines

INSIGHT = re.compile(
    r"^[ \t]*(?:[-–•*][ \t]+)?(?:\*\*)?Insight(?:[ \t]+(?P<number>\d+))?[ \t]*"
    r"\[(?P<category>[A-Z])[ \t]*,[ \t]*Confidence[ \t]*:[ \t]*(?P<confidence>[A-Za-z]+)[ \t]*\](?:\*\*)?[ \t]*:?[ \t]*"
)
_DETAIL = re.compile(r"^[ \t]*(?:[-–•*][ \t]+)?(?P<label>Credibility|Coherence|Confidence)[ \t]*:[ \t]*", re.I)
_SUBHEAD = re.compile(r"^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*)?(?P<name>Sentiment Overview|Policy Relevance)(?:\*\*)?[ \t]*:?[ \t]*(?:\*\*)?[ \t]*$", re.I)
_NOISE = re.compile(r"\bLogo\b|\bStrategic Intelligence Summary\b", re.I)
_SUB_KIND = {"sentiment overview": "sentiment", "policy relevance": "policy_relevance"}


def _is_topic_heading(line: Line, following: list[Line]) -> bool:
    """A short unpunctuated line directly followed (after blanks) by an insight."""
    words = line.text.split()
    if not words or len(words) > 6 or ends_complete(line.text) or line.text.rstrip().endswith(":"):
        return False
    nxt = next((ln for ln in following if ln.text.strip()), None)
    return nxt is not None and bool(INSIGHT.match(nxt.text))


class _DigestReader:
    """One pass over a digest's lines; the state is the topic, insight and labelled
    paragraph being read."""

    def __init__(self, text: str) -> None:
        self.doc = DocBuilder(text)
        self.lines = lines(text)
        content = [ln for ln in self.lines if ln.text.strip()]
        self.complete = ends_complete(content[-1].text) if content else True
        self.open_end = None if self.complete else content[-1].end
        self.title_line = content[0] if content else None
        self.topic: str | None = None
        self.topic_start = 0
        self.topic_heading: tuple[int, int] | None = None
        self.pending: str | None = None  # "sentiment" / "policy_relevance" awaiting its paragraph
        self.insight = None
        self.seen: dict[str, set[str]] = {}
        self.site: str | None = None  # the site a logo or copyright line names

    def read(self) -> DocBuilder:
        if self.title_line:
            self.doc.add("headline", self.title_line.start, self.title_line.end, role="title")
        for idx, line in enumerate(self.lines):
            if not line.text.strip() or line is self.title_line:
                continue
            named = site_named(line.text)
            if named or _NOISE.search(line.text):  # a logo, copyright or subtitle line
                self.site = self.site or named
                continue
            self._line(line, idx)
        self._close_topic(len(self.doc.text))
        self._missing()
        return self.doc

    @property
    def title(self) -> str | None:
        return self.title_line.text.strip().strip("#* ") if self.title_line else None

    def _line(self, line: Line, idx: int) -> None:
        cut = self.open_end is not None and line.end >= self.open_end
        if _is_topic_heading(line, self.lines[idx + 1:]) and not cut:
            self._close_topic(line.start)
            self.topic, self.topic_start, self.topic_heading = line.text.strip(), line.end, (line.start, line.end)
            self.seen.setdefault(self.topic, set())
            self.pending, self.insight = None, None
        elif m := INSIGHT.match(line.text):
            self._insight(line, m, cut)
        elif (m := _DETAIL.match(line.text)) and self.insight is not None:
            if cut:
                self.doc.fragment(m["label"].lower() + " line", line.start, line.end)
            else:
                key = m["label"].lower()
                self.insight.fields["confidence_note" if key == "confidence" else key] = line.text[m.end():].strip()
        elif m := _SUBHEAD.match(line.text):
            self.pending = _SUB_KIND[m["name"].lower()]
            self.seen.setdefault(self.topic or "", set()).add(self.pending)
            self.insight = None
        else:
            self._paragraph(line, cut)

    def _insight(self, line: Line, m: re.Match[str], cut: bool) -> None:
        self.pending = None
        if cut:
            self.doc.fragment("insight", line.start + m.end(), line.end)
            self.insight = None
            return
        fields = {"number": int(m["number"]) if m["number"] else None, "category": m["category"],
                  "confidence": m["confidence"].lower(), "topic": self.topic}
        self.insight = self.doc.add("insight", line.start + m.end(), line.end, section=self.topic, **fields)
        self.seen.setdefault(self.topic or "", set()).add("insights")

    def _paragraph(self, line: Line, cut: bool) -> None:
        if cut and not self.complete:
            self.doc.fragment(self.pending or "paragraph", line.start, line.end)
            if self.pending:
                self.seen[self.topic or ""].discard(self.pending)
            return
        self.doc.add(self.pending or "paragraph", line.start, line.end, section=self.topic, topic=self.topic)
        self.insight = None

    def _close_topic(self, end: int) -> None:
        if self.topic is not None:
            self.doc.add_section(self.topic, self.topic_heading, (self.topic_start, end))

    def _missing(self) -> None:
        for name, parts in self.seen.items():
            for part, label in (("insights", "insights"), ("sentiment", "Sentiment Overview"),
                                ("policy_relevance", "Policy Relevance")):
                if name and part not in parts:
                    self.doc.missing.append(f"{label} ({name})")
        if not self.seen:
            self.doc.missing.append("insights")
            self.doc.warn("no digest insights found")


def read_digest(text: str, fmt: str, **overrides: object) -> ParsedDocument:
    reader = _DigestReader(text)
    doc = reader.read()
    title = reader.title
    fields = {
        "layout": "digest",
        "title": title,
        "published": parse_date(title or ""),
        "headline": None,
        "source_name": reader.site or outlet_from_title(title),
        "truncated": reader.open_end is not None or bool(doc.missing),
    }
    for key, value in overrides.items():
        if value is not None:
            fields[key] = value
    return doc.build(format=fmt, **fields)
