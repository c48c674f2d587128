"""Detailed Analysis (early-2025 reports): one subsection per analytic technique.

A subsection heading is a short line without a label or final punctuation ("SWOT
Analysis", "ACH 2.0", "Causal Layered Analysis (CLA)") → a `technique` item (fields.name).
Its lines become items by what the technique produces:
- scenario lines with a kind label ("Best-Case Scenario: …", "– Worst Case: …") →
  `scenario` with that kind, anywhere in the section;
- a scenario technique (Scenario Analysis / Generation / Planning, Alternative Futures;
  not a Bayesian or other scenario *model*, which gives probabilities, not a list) →
  one unlabelled `scenario` (kind None) per separate statement;
- an indicators technique (Indicators Development, Signposts) → `indicator` statements;
- a Key Assumptions Check → `assumption` statements;
- anything else → `paragraph` with fields.technique (and fields.label for
  "Strengths: …"-style lines).
Statements are the sentences of a line, a sentence that refers back kept with the one
before (spans.statements); list items lose their final period.
"""

from __future__ import annotations

import re

from .builder import DocBuilder
from .report_assumptions import add_statements
from .report_outlook import add_whole, scenario_kind
from .report_sections import Entry, parse_entries
from .report_techniques import is_technique_name
from .spans import ends_complete

_INTRO = re.compile(r"structured analytic techniques|techniques have been applied", re.I)
# What a technique's subsection lists, by the technique's name.
_PRODUCES = (
    ("scenario", re.compile(r"^(?!.*\b(?:model|simulat|bayes))(?:.*\bscenarios?\b|.*alternative futures)", re.I)),
    ("indicator", re.compile(r"\bindicators?\b|\bsignposts?\b|\bwarning signs?\b", re.I)),
    ("assumption", re.compile(r"\bassumptions?\b", re.I)),
)


def _is_subheading(doc: DocBuilder, entry: Entry, open_end: int | None) -> bool:
    """A short line of its own, without final punctuation: "SWOT Analysis", "ACH 2.0", or
    a bare label that names a technique ("SWOT Analysis:", not "Strengths:")."""
    words = doc.text[entry.start:entry.end].split()
    if entry.label and not (entry.open_label and is_technique_name(entry.label)):
        return False
    if entry.bullet or not words or len(words) > 8:
        return False
    if open_end is not None and entry.end >= open_end:
        return False  # a cut-off last line is a fragment, not a heading
    return not ends_complete(doc.text[entry.start:entry.end])


def produces(technique: str | None) -> str | None:
    """The item kind a technique's subsection lists, if it lists one."""
    for kind, pattern in _PRODUCES:
        if technique and pattern.search(technique):
            return kind
    return None


def read_detailed_analysis(doc: DocBuilder, body: tuple[int, int], open_end: int | None) -> None:
    section = "detailed_analysis"
    technique: str | None = None
    for entry in parse_entries(doc.text, *body):
        line = doc.text[entry.start:entry.end]
        if _INTRO.search(line) and line.rstrip().endswith(":"):
            continue
        if _is_subheading(doc, entry, open_end):
            technique = entry.label or line.strip()
            start = doc.text.find(technique, entry.start, entry.end)
            doc.add("technique", start, start + len(technique), section=section, name=technique)
            continue
        kind = scenario_kind(entry.label) if entry.label else None
        listed = produces(technique)
        if kind or (entry.label and listed == "scenario"):  # "Best Case: …", "Scenario 2: …"
            add_whole(doc, "scenario", *entry.rest, open_end, section, drop_period=True, kind=kind,
                      label=entry.label, technique=technique)
        elif listed:
            fields = {"kind": None} if listed == "scenario" else {}
            add_statements(doc, listed, *entry.rest, open_end, section, technique=technique, **fields)
        else:
            fields = {"technique": technique}
            if entry.label:
                fields["label"] = entry.label
            add_whole(doc, "paragraph", entry.start, entry.end, open_end, section, **fields)
