"""The skeleton of an Intelligence Report: header lines, section headings, entries.

Section names are canonical keys (`SECTION_TITLES`); a heading is recognised by its
words, not its number, so renumbered or unnumbered ("## BLUF", "**3. Implications**")
headings still match. Only "Structured Analytic Techniques" may stand unnumbered in
plain text, because unnumbered lines such as "Recommendations:" also occur inside
sections. An entry is one non-blank line of a section body: a bullet (`- `, `• `,
`– `, `1. `) or prose, with an optional "Label:" prefix (bold or not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .site_names import site_named
from .spans import Line, ends_complete, lines

SECTION_TITLES: dict[str, str] = {
    "bluf": r"BLUF\b|Bottom Line",
    "detailed_analysis": r"Detailed Analysis",
    "competing_hypotheses": r"(?:Competing |Alternative )?Hypotheses\b",
    "key_assumptions": r"Key Assumptions|Assumptions and Red Flags|Red Flags\b",
    "implications": r"Implications|Strategic Risks",
    "recommendations": r"Recommendations|Outlook\b",
    "key_entities": r"Key (?:Individuals|Entities|Actors)|Individuals and Entities",
    "tags": r"Thematic Tags|Tags\b",
    "techniques": r"Structured Analytic Techniques",
}
_UNNUMBERED_OK = {"techniques"}

_HEADING = re.compile(
    r"^[ \t]*(?P<hashes>#{1,6})?[ \t]*(?P<bold>\*\*)?[ \t]*"
    r"(?:(?P<num>\d{1,2})[.)][ \t]*)?(?:\*\*)?[ \t]*"
    r"(?P<title>[A-Z][^\n]{0,90}?)[ \t]*(?:\*\*)?[ \t]*:?[ \t]*(?:\*\*)?$"
)
_PUBLISHED = re.compile(r"^[ \t*#]*(?:Published(?: on)?|Date|Posted(?: on)?)[ \t]*:?[ \t]*(?:\*\*)?[ \t]*(?P<date>.+?)[ \t*]*$", re.I)
_HEADLINE = re.compile(r"^[ \t*#]*Intelligence Report[ \t]*:[ \t]*(?:\*\*)?[ \t]*(?P<headline>.+?)[ \t*]*$")
_BOILERPLATE_TAIL = re.compile(r"^[ \t]*(?:Explore more|Support us|Share this|Related (?:posts|briefs|articles)|Subscribe)\b", re.I)
_BLURB = re.compile(r"OSINT brief|Methodology and Why|Automated NLP signal extraction", re.I)

BULLET = re.compile(r"^[ \t]*(?:[-–—•*▪◦]|\d{1,2}[.)])[ \t]+")
LABEL = re.compile(
    r"(?:\*\*)?(?P<label>[A-Z][^:\n*]{0,70}?)(?:\*\*)?[ \t]*:(?:\*\*)?(?:[ \t]+|$)"
)


@dataclass(frozen=True)
class Heading:
    name: str
    line: Line
    title: tuple[int, int]  # the heading words, without number and marks


@dataclass(frozen=True)
class Entry:
    """One body line: its bullet-less content, and the label/rest split if it has one."""

    line: Line
    bullet: bool
    indent: int
    start: int  # content start (after the bullet)
    end: int
    label: str | None
    rest: tuple[int, int]  # content after "Label:", or the whole content

    @property
    def open_label(self) -> bool:
        """A label with nothing after it ("– **Assumptions**:"): the bullets below belong to it."""
        return self.label is not None and self.rest[0] >= self.rest[1]


def match_heading(line: Line, seen: set[str]) -> Heading | None:
    m = _HEADING.match(line.text)
    if not m or len(line.text.strip()) > 100:
        return None
    title = m.group("title")
    if title.rstrip("*").endswith(".") and not title.endswith("..."):
        return None
    marked = bool(m.group("num") or m.group("hashes") or m.group("bold"))
    for name, pattern in SECTION_TITLES.items():
        if re.match(pattern, title, re.I if marked else 0):
            if not marked and name not in _UNNUMBERED_OK:
                return None
            if name in seen and not m.group("num") and not m.group("hashes"):
                return None
            start = line.start + m.start("title")
            return Heading(name=name, line=line, title=(start, start + len(title.rstrip("*: "))))
    return None


def find_headings(text: str) -> list[Heading]:
    out: list[Heading] = []
    seen: set[str] = set()
    for line in lines(text):
        heading = match_heading(line, seen)
        if heading is not None:
            out.append(heading)
            seen.add(heading.name)
    return out


def footer_site(text: str, end: int) -> str | None:
    """The site the page's footer (the trailing links after `end`) names, if any."""
    for line in lines(text, end):
        if name := site_named(line.text, boilerplate=True):
            return name
    return None


def content_end(text: str, after: int) -> int:
    """Where the page's own text stops: before trailing site links ("Explore more:")."""
    for line in lines(text, after):
        if _BOILERPLATE_TAIL.match(line.text):
            return line.start
    return len(text)


def parse_entries(text: str, start: int, end: int) -> list[Entry]:
    out: list[Entry] = []
    for line in lines(text, start, end):
        if not line.text.strip():
            continue
        indent = len(line.text) - len(line.text.lstrip(" \t"))
        b = BULLET.match(line.text)
        content_start = line.start + (b.end() if b else indent)
        label = None
        rest = (content_start, line.end)
        m = LABEL.match(text, content_start, line.end)
        if m and len(m.group("label").split()) <= 8:
            label = m.group("label").strip()
            rest = (m.end(), line.end)
        out.append(Entry(line, bool(b), indent, content_start, line.end, label, rest))
    return out


_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}


def parse_date(raw: str) -> str | None:
    """ISO date from the common page forms: 2025-02-11, Feb 11, 2025, 11 February 2025, 11-02-2025."""
    raw = raw.strip()
    try:
        if m := re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", raw):
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        if m := re.search(r"\b([A-Z][a-z]{2,8})\.? (\d{1,2}),? (\d{4})\b", raw):
            month = _MONTHS.get(m[1][:3].lower())
            if month:
                return date(int(m[3]), month, int(m[2])).isoformat()
        if m := re.search(r"\b(\d{1,2}) ([A-Z][a-z]{2,8}),? (\d{4})\b", raw):
            month = _MONTHS.get(m[2][:3].lower())
            if month:
                return date(int(m[3]), month, int(m[1])).isoformat()
        if m := re.search(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b", raw):
            return date(int(m[3]), int(m[2]), int(m[1])).isoformat()
    except ValueError:
        return None
    return None


@dataclass
class Header:
    title: str | None = None
    title_span: tuple[int, int] | None = None
    published: str | None = None
    headline: str | None = None
    headline_span: tuple[int, int] | None = None
    blurb: bool = False
    site: str | None = None  # the site the header's boilerplate names


def parse_header(text: str, end: int) -> Header:
    header = Header()
    for line in lines(text, 0, end):
        stripped = line.text.strip()
        if not stripped:
            continue
        if m := _HEADLINE.match(line.text):
            header.headline = m.group("headline")
            header.headline_span = (line.start + m.start("headline"), line.start + m.end("headline"))
        elif (m := _PUBLISHED.match(line.text)) and parse_date(m.group("date")):
            header.published = parse_date(m.group("date"))
        elif _BLURB.search(line.text):
            header.blurb = True
            header.site = header.site or site_named(line.text, boilerplate=True)
        elif name := site_named(line.text):
            header.site = header.site or name
        elif header.title is None:
            lead = len(line.text) - len(line.text.lstrip(" \t#*"))
            tail = len(line.text.rstrip(" \t*"))
            header.title = line.text[lead:tail]
            header.title_span = (line.start + lead, line.start + tail)
    if header.title is None and header.headline:
        header.title = header.headline
    return header


_OUTLET_SEPARATOR = re.compile(r"\s[–—|]\s(?P<outlet>[^–—|]{2,60})$")


def outlet_from_title(title: str | None) -> str | None:
    """The outlet of a title ending " – Outlet Name" (not a date, not a sentence)."""
    if not title:
        return None
    m = _OUTLET_SEPARATOR.search(title)
    if not m:
        return None
    outlet = m.group("outlet").strip()
    if parse_date(outlet) or re.search(r"\d{4}", outlet) or len(outlet.split()) > 6 or not outlet[0].isupper():
        return None
    return outlet


def last_line_complete(text: str, end: int) -> bool:
    content = text[:end].rstrip()
    return ends_complete(content.splitlines()[-1] if content else "")
