"""Detailed Analysis (early-2025 reports): one subsection per analytic technique.

A subsection heading is a short line without a label or final punctuation ("SWOT
Analysis", "ACH 2.0", "Causal Layered Analysis (CLA)") → a `technique` item (fields.name).
Its lines become items by what the technique produces: scenario lines ("Best-Case
Scenario: …", "– Worst Case: …") → `scenario`; an Indicators subsection → `indicator`;
a Key Assumptions subsection → `assumption` per sentence; anything else → `paragraph`
with fields.technique (and fields.label for "Strengths: …"-style lines).
"""

from __future__ import annotations

import re

from .builder import DocBuilder
from .report_assumptions import add_list_items
from .report_outlook import add_whole, scenario_kind
from .report_sections import Entry, parse_entries
from .spans import ends_complete

_INTRO = re.compile(r"structured analytic techniques|techniques have been applied", re.I)


def _is_subheading(doc: DocBuilder, entry: Entry, open_end: int | None) -> bool:
    words = doc.text[entry.start:entry.end].split()
    if entry.bullet or entry.label or not words or len(words) > 8:
        return False
    if open_end is not None and entry.end >= open_end:
        return False  # a cut-off last line is a fragment, not a heading
    return not ends_complete(doc.text[entry.start:entry.end])


def read_detailed_analysis(doc: DocBuilder, body: tuple[int, int], open_end: int | None) -> None:
    section = "detailed_analysis"
    technique: str | None = None
    for entry in parse_entries(doc.text, *body):
        line = doc.text[entry.start:entry.end]
        if _INTRO.search(line) and line.rstrip().endswith(":"):
            continue
        if _is_subheading(doc, entry, open_end):
            technique = line.strip()
            doc.add("technique", entry.start, entry.end, section=section, name=technique)
            continue
        kind = scenario_kind(entry.label) if entry.label else None
        if kind:
            add_whole(doc, "scenario", *entry.rest, open_end, section, kind=kind,
                       label=entry.label, technique=technique)
        elif technique and re.search(r"indicator", technique, re.I):
            add_whole(doc, "indicator", entry.start, entry.end, open_end, section, technique=technique)
        elif technique and re.search(r"assumption", technique, re.I):
            add_list_items(doc, "assumption", *entry.rest, open_end, section, technique=technique)
        else:
            fields = {"technique": technique}
            if entry.label:
                fields["label"] = entry.label
            add_whole(doc, "paragraph", entry.start, entry.end, open_end, section, **fields)
