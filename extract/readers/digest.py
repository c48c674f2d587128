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


def read_digest(text: str, fmt: str, **overrides: object) -> ParsedDocument:
    doc = DocBuilder(text)
    all_lines = lines(text)
    content = [ln for ln in all_lines if ln.text.strip()]
    complete = ends_complete(content[-1].text) if content else True
    open_end = None if complete else content[-1].end

    title_line = content[0] if content else None
    title = title_line.text.strip().strip("#* ") if title_line else None
    if title_line:
        doc.add("headline", title_line.start, title_line.end, role="title")

    topic: str | None = None
    topic_start = 0
    topic_heading: tuple[int, int] | None = None
    pending: str | None = None  # "sentiment" / "policy_relevance" awaiting its paragraph
    insight = None
    seen: dict[str, set[str]] = {}

    def close_topic(end: int) -> None:
        if topic is not None:
            doc.add_section(topic, topic_heading, (topic_start, end))

    for idx, line in enumerate(all_lines):
        if not line.text.strip() or line is title_line or _NOISE.search(line.text):
            continue
        cut = open_end is not None and line.end >= open_end
        if _is_topic_heading(line, all_lines[idx + 1:]) and not cut:
            close_topic(line.start)
            topic, topic_start, topic_heading = line.text.strip(), line.end, (line.start, line.end)
            seen.setdefault(topic, set())
            pending, insight = None, None
            continue
        if m := INSIGHT.match(line.text):
            pending = None
            if cut:
                doc.fragment("insight", line.start + m.end(), line.end)
                insight = None
                continue
            fields = {"number": int(m["number"]) if m["number"] else None, "category": m["category"],
                      "confidence": m["confidence"].lower(), "topic": topic}
            insight = doc.add("insight", line.start + m.end(), line.end, section=topic, **fields)
            seen.setdefault(topic or "", set()).add("insights")
            continue
        if (m := _DETAIL.match(line.text)) and insight is not None:
            if cut:
                doc.fragment(m["label"].lower() + " line", line.start, line.end)
                continue
            key = m["label"].lower()
            insight.fields["confidence_note" if key == "confidence" else key] = line.text[m.end():].strip()
            continue
        if m := _SUBHEAD.match(line.text):
            pending = _SUB_KIND[m["name"].lower()]
            seen.setdefault(topic or "", set()).add(pending)
            insight = None
            continue
        if cut and not complete:
            doc.fragment(pending or "paragraph", line.start, line.end)
            if pending:
                seen[topic or ""].discard(pending)
            continue
        kind = pending or "paragraph"
        doc.add(kind, line.start, line.end, section=topic, topic=topic)
        insight = None

    close_topic(len(text))
    for name, parts in seen.items():
        for part, label in (("insights", "insights"), ("sentiment", "Sentiment Overview"),
                            ("policy_relevance", "Policy Relevance")):
            if name and part not in parts:
                doc.missing.append(f"{label} ({name})")
    if not seen:
        doc.missing.append("insights")
        doc.warn("no digest insights found")

    fields = {
        "layout": "digest",
        "title": title,
        "published": parse_date(title or ""),
        "headline": None,
        "source_name": outlet_from_title(title),
        "truncated": open_end is not None or bool(doc.missing),
    }
    for key, value in overrides.items():
        if value is not None:
            fields[key] = value
    return doc.build(format=fmt, **fields)
