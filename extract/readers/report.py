"""Read an Intelligence Report (current, mid-2025 or early-2025 layout).

Layouts differ in their section list (`EXPECTED_SECTIONS`) and in how sections 2 and 3
are written; the section readers accept every variant, so the layout decides only
what counts as missing. A document is `truncated` when its last line stops
mid-sentence or when expected sections after the last one present are absent.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .builder import DocBuilder
from .model import Origin, ParsedDocument, Span
from .report_assumptions import read_assumptions
from .report_bluf import read_bluf
from .report_early import read_detailed_analysis
from .report_hypotheses import read_hypotheses
from .report_outlook import (
    read_implications,
    read_key_entities,
    read_recommendations,
    read_tags,
    read_techniques,
)
from .report_sections import (
    content_end,
    find_headings,
    footer_site,
    last_line_complete,
    outlet_from_title,
    parse_header,
)

EXPECTED_SECTIONS: dict[str, list[str]] = {
    "report-current": ["bluf", "competing_hypotheses", "key_assumptions", "implications",
                       "recommendations", "key_entities", "tags", "techniques"],
    "report-mid": ["bluf", "competing_hypotheses", "key_assumptions", "implications", "recommendations"],
    "report-early": ["bluf", "detailed_analysis", "implications", "recommendations"],
}

_READERS: dict[str, Callable[[DocBuilder, tuple[int, int], int | None], None]] = {
    "bluf": read_bluf,
    "detailed_analysis": read_detailed_analysis,
    "competing_hypotheses": read_hypotheses,
    "key_assumptions": read_assumptions,
    "implications": read_implications,
    "recommendations": read_recommendations,
    "key_entities": read_key_entities,
    "tags": read_tags,
    "techniques": read_techniques,
}

_CURRENT_BULLETS = re.compile(r"^[ \t]*[-–•*][ \t]+(?:\*\*)?(?:Hypothesis [A-Z]|Assessment)(?:\*\*)?[ \t]*:", re.M)
_MID_MARKS = re.compile(
    r"\*\*Hypothesis|^[ \t]*Hypothesis \d+[ \t]*:|Confidence level[ \t]*:|Recommended action|^[ \t]*Using [^\n]*ACH",
    re.M | re.I)


def report_layout(text: str, names: set[str], blurb: bool) -> str:
    if "detailed_analysis" in names:
        return "report-early"
    if _CURRENT_BULLETS.search(text):
        return "report-current"
    if _MID_MARKS.search(text) or "competing_hypotheses" in names:
        return "report-mid"
    if blurb:
        return "report-current"
    return "report-early"


def read_report(text: str) -> dict:
    """The report's fields for ParsedDocument (text/format are the caller's)."""
    doc = DocBuilder(text)
    headings = find_headings(text)
    first = headings[0].line.start if headings else len(text)
    header = parse_header(text, first)
    end = content_end(text, first)
    headings = [h for h in headings if h.line.start < end]
    complete_end = last_line_complete(text, end)
    open_end = None if complete_end else len(text[:end].rstrip())

    # A heading on the cut-off last line has no content: it is not a section.
    if headings and open_end is not None and headings[-1].line.end >= open_end:
        cut = headings.pop()
        doc.fragment("section heading", cut.line.start, cut.line.end)
        end = cut.line.start

    if header.title_span:
        doc.add("headline", *header.title_span, role="title")
    if header.headline_span:
        doc.add("headline", *header.headline_span, role="headline")

    for i, heading in enumerate(headings):
        body_end = headings[i + 1].line.start if i + 1 < len(headings) else end
        body = (heading.line.end, body_end)
        doc.add_section(heading.name, heading.title, body)
        _READERS[heading.name](doc, body, open_end)

    names = {h.name for h in headings}
    layout = report_layout(text[:end], names, header.blurb)
    expected = EXPECTED_SECTIONS[layout]
    doc.missing.extend(name for name in expected if name not in names)
    if not headings:
        doc.warn("no report sections found")
    last_present = max((expected.index(n) for n in names if n in expected), default=-1)
    later_absent = any(name not in names for name in expected[last_present + 1:])
    truncated = open_end is not None or later_absent
    if truncated and open_end is None:
        doc.warn("truncated: the text ends before the layout's later sections")
    return {
        "builder": doc,
        "layout": layout,
        "title": header.title,
        "published": header.published,
        "headline": header.headline,
        "source_name": header.site or footer_site(text, end),
        "origins": _title_origin(text, header),
        "truncated": truncated,
    }


def _title_origin(text: str, header) -> list[Origin]:
    """A report's title ending " – Outlet" names the reporting it is based on: its origin,
    not its publisher (the analysis is the site's own)."""
    outlet = outlet_from_title(header.title)
    if not outlet:
        return []
    span = None
    if header.title_span:
        end = header.title_span[1]
        span = Span(start=end - len(outlet), end=end, text=text[end - len(outlet):end])
    return [Origin(name=outlet, via="title", span=span)]


def build_report(text: str, fmt: str, **overrides: object) -> ParsedDocument:
    fields = read_report(text)
    doc: DocBuilder = fields.pop("builder")
    for key, value in overrides.items():
        if value is not None:
            fields[key] = value
    return doc.build(format=fmt, **fields)
