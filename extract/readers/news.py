"""Read a news article or plain text: title, date, outlet, paragraphs.

- title: the first line when it looks like one (short, no final period, not a
  dateline); it becomes a `headline` item.
- published: a leading "date YYYY-MM-DD", or a short date/byline line near the top.
- source_name: a wire credit in a dateline "SEOUL, Dec 31 (Reuters) –", a closing
  "(Yonhap)", a bare credit line ("Reuters", "Read more: AP") or a title " – Outlet".
- paragraphs: blocks of one line each (blank-line separated or not) that read as
  prose (six words or more, or ending in punctuation) → `paragraph` items.
News and plain text are read alike; only `layout` differs. A text ending mid-sentence
in a long line is marked truncated.
"""

from __future__ import annotations

import html
import re

from .builder import DocBuilder
from .model import ParsedDocument
from .report_sections import outlet_from_title, parse_date
from .spans import Line, ends_complete, lines

_WIRES = r"Reuters|AP|AFP|Yonhap|Jiji Press|Kyodo|Xinhua|ANI|PTI|IANS|dpa|UPI|Bloomberg|TASS|Anadolu|EFE|Bernama"
_DATELINE = re.compile(r"^[ \t]*[A-Z][A-Za-z .'-]{1,40}(?:,[^()\n]{1,30})?[ \t]*\((?P<wire>[^()\n]{2,30})\)[ \t]*[–—-]")
_CLOSING_CREDIT = re.compile(r"\((?P<wire>" + _WIRES + r")\)[ \t]*$")
_CREDIT_LINE = re.compile(r"^[ \t]*(?:Read more:[ \t]*|By[ \t]+|Source:[ \t]*)?(?P<wire>" + _WIRES + r")[ \t]*\|?[ \t]*$")
_LEADING_DATE = re.compile(r"^[ \t]*date[ \t]+(?P<date>\d{4}-\d{2}-\d{2})[ \t]*")
_REPORTING = re.compile(r"\b(?:said|says|told|reported|according to|announced|stated)\b")


def looks_like_news(text: str) -> bool:
    return bool(_REPORTING.search(text) or _DATELINE.search(text) or re.search(r"\((?:" + _WIRES + r")\)", text))


def _is_title(line: Line, text: str) -> bool:
    words = line.text.split()
    return (0 < len(words) <= 25 and not line.text.rstrip().endswith((".", ",", ";"))
            and not _LEADING_DATE.match(line.text) and not _DATELINE.match(line.text)
            and line.end < len(text.rstrip()))


def _is_prose(line: str) -> bool:
    return len(line.split()) >= 6 or (ends_complete(line) and len(line.split()) >= 3)


def read_news(text: str, fmt: str, layout: str, **overrides: object) -> ParsedDocument:
    doc = DocBuilder(text)
    content = [ln for ln in lines(text) if ln.text.strip()]
    title = published = source = None
    body = content
    if content and _is_title(content[0], text):
        first = content[0]
        title = first.text.strip().strip("#* ")
        doc.add("headline", first.start, first.end, role="title")
        body = content[1:]

    last = content[-1] if content else None
    # A closing wire credit "… publisher. (Yonhap)" ends a finished text.
    closing = _CLOSING_CREDIT.sub("", last.text).rstrip() if last else ""
    truncated = bool(last) and not ends_complete(closing) and len(closing.split()) >= 10

    for i, line in enumerate(body):
        start = line.start
        if m := _LEADING_DATE.match(line.text):
            published = published or m["date"]
            start = line.start + m.end()
        words = line.text.split()
        if len(words) <= 10 and not ends_complete(line.text) and (found := parse_date(line.text)):
            published = published or found
            continue  # a date / time stamp line, not prose
        if m := _CREDIT_LINE.match(line.text):
            source = source or m["wire"]
            continue
        if m := _DATELINE.match(line.text):
            source = source or m["wire"].strip()
        elif m := _CLOSING_CREDIT.search(line.text):
            source = source or m["wire"]
        if html.unescape(line.text).strip() == (title or "").strip():
            continue  # pages repeat their headline as an image caption
        if not _is_prose(line.text[start - line.start:]):
            continue
        if line is last and truncated:
            doc.fragment("paragraph", start, line.end)
            continue
        doc.add("paragraph", start, line.end, section=None)

    fields = {
        "layout": layout,
        "title": title,
        "published": published,
        "headline": None,
        "source_name": outlet_from_title(title) or source,
        "truncated": truncated,
    }
    for key, value in overrides.items():
        if value is not None:
            fields[key] = value
    return doc.build(format=fmt, **fields)
