"""Who a news page credits: wire credits, datelines, bylines and publication stamps.

The common forms of wire copy, as layout rules (none names a page):
- dateline: a place in capitals or title case, optionally ", Region" or ", Mon DD",
  then the agency in brackets and a dash: "SEOUL, South Korea (AP) —",
  "TOKYO, Dec 31 (Reuters) -", "TOKYO (Jiji Press) —". Without the bracket it is a
  dateline with no credit ("SEOUL, South Korea —"), which names no origin.
- closing credit: a known agency in brackets ending the text, "... publisher. (Yonhap)".
- credit line: a line that is only a known agency, maybe after "Source:", "Read more:",
  "By" or "With inputs from", or before a "|" ("Reuters |").
- citation: "told AFP", "according to Reuters": a known agency as the one reported to.
- byline: "By Jane Doe" (a person, not an origin), "By Jane Doe | Harbour Ledger".
- stamp: a short line that is a date or time ("Sep 20, 2023 10:27 AM IST",
  "16-09-2025 | 09:32"), or a leading "date 2025-02-27".
A known agency is one of WIRES, the international and national news agencies whose
copy other outlets carry; a dateline credit may name any outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .report_sections import parse_date
from .spans import ends_complete

WIRES = (r"Reuters|AP|AFP|Yonhap|Jiji Press|Jiji|Kyodo(?: News)?|Xinhua|ANI|PTI|IANS|UNI|dpa|DPA|UPI|Bloomberg|"
         r"TASS|RIA Novosti|Interfax|Anadolu(?: Agency)?|EFE|ANSA|Bernama|Antara|PA Media|KCNA|WAFA|IRNA|"
         r"Associated Press|Agence France-Presse|Press Trust of India|Asian News International")
_PLACE = r"[A-ZÀ-Þ][\w.'’-]*(?:[ \t]+[A-ZÀ-Þa-z][\w.'’-]*){0,4}"
_DATELINE = re.compile(
    rf"^[ \t]*(?P<place>{_PLACE})(?:,[ \t]*[^()\n,]{{1,30}}){{0,2}}[ \t]*"
    r"\((?P<wire>[A-Z][^()\n]{1,30})\)[ \t]*[–—-]+[ \t]*")
_BARE_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-ZÀ-Þ]{2,}(?:[ \t]+[A-ZÀ-Þ]{2,}){0,3})(?:,[ \t]*[^()\n,]{1,30})?[ \t]*[–—][ \t]+(?=[A-Z])")
_CLOSING = re.compile(rf"\((?P<wire>{WIRES})\)[ \t]*$")
_CREDIT_LINE = re.compile(
    rf"^[ \t]*(?:[–—-][ \t]*)?(?:\(?(?:Read more|Source|Sources|With inputs from|Credit|Courtesy)[ \t]*:?[ \t]*"
    rf"|By[ \t]+)?(?P<wire>{WIRES})\)?[ \t]*(?:\|[^\n]*)?$")
_CITATION = re.compile(rf"\b(?:told|according to|said to|cited by|reported by)[ \t]+(?:the[ \t]+)?(?P<wire>{WIRES})\b")
_BYLINE = re.compile(
    r"^[ \t]*By[ \t]+(?P<author>[A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){0,3}(?:[ \t]+and[ \t]+[A-Z][\w.'’-]+"
    r"(?:[ \t]+[A-Z][\w.'’-]+){0,3})?)[ \t]*(?:[|,–—-][ \t]*(?P<outlet>[A-Z][^\n|]{1,50}?))?[ \t]*$")
LEADING_DATE = re.compile(r"^[ \t]*date[ \t]+(?P<date>\d{4}-\d{2}-\d{2})[ \t]*")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b(?:AM|PM|GMT|UTC|IST|EST|KST|JST)\b", re.I)


@dataclass(frozen=True)
class Credit:
    """An outlet the page credits: its name, how it is credited, and where."""

    name: str
    via: str  # dateline | credit | citation | byline
    start: int
    end: int


def dateline_credit(line: str) -> re.Match[str] | None:
    return _DATELINE.match(line)


def has_dateline(line: str) -> bool:
    return bool(_DATELINE.match(line) or _BARE_DATELINE.match(line))


def line_credit(line: str) -> re.Match[str] | None:
    """A line that is only a credit ("Reuters", "Reuters |", "Read more: AP")."""
    return _CREDIT_LINE.match(line)


def byline(line: str) -> re.Match[str] | None:
    m = _BYLINE.match(line)
    return m if m and not re.fullmatch(WIRES, m["author"]) else None


_STAMP_WORDS = frozenset(
    "first last published updated posted modified on at am pm jan feb mar apr may jun jul aug sep sept oct nov dec "
    "january february march april june july august september october november december monday tuesday wednesday "
    "thursday friday saturday sunday mon tue wed thu fri sat sun".split())


def is_stamp(line: str) -> bool:
    """A publication stamp: a short line that is a date and/or a time, nothing more
    (its words are month and day names, "published", "updated", a time zone)."""
    words = line.split()
    if not words or len(words) > 10 or ends_complete(line):
        return False
    if not (parse_date(line) or _TIME.search(line)):
        return False
    return all(w.lower() in _STAMP_WORDS or (w.isupper() and len(w) <= 4) for w in re.findall(r"[A-Za-z]+", line))


def credits_in(line: str, offset: int, *, last: bool) -> list[Credit]:
    """The credits one line gives (offsets are the line's own plus `offset`)."""
    found: list[Credit] = []
    if m := _DATELINE.match(line):
        found.append(Credit(m["wire"].strip(), "dateline", offset + m.start("wire"), offset + m.end("wire")))
    elif m := line_credit(line):
        found.append(Credit(m["wire"], "credit", offset + m.start("wire"), offset + m.end("wire")))
    elif (m := byline(line)) and m["outlet"]:
        found.append(Credit(m["outlet"].strip(), "byline", offset + m.start("outlet"), offset + m.end("outlet")))
    if last and (m := _CLOSING.search(line)):
        found.append(Credit(m["wire"], "credit", offset + m.start("wire"), offset + m.end("wire")))
    for m in _CITATION.finditer(line):
        found.append(Credit(m["wire"], "citation", offset + m.start("wire"), offset + m.end("wire")))
    return found


def looks_credited(text: str) -> bool:
    """A dateline, wire credit or byline anywhere in the first lines or at the end."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    head = lines[:8]
    return (any(has_dateline(ln) or line_credit(ln) or byline(ln) for ln in head)
            or bool(lines and (_CLOSING.search(lines[-1]) or line_credit(lines[-1]))))
