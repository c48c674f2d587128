"""Structured analytic techniques a report names in its prose.

- "Using X, …" / "Using the X, …": X is the technique the judgement applied, when X is
  a name (capitalised words, an acronym, a bracketed acronym, a version number):
  "Using ACH 2.0,", "Using the Analysis of Competing Hypotheses (ACH),".
- the subject of a sentence in a structured-analysis sub-bullet ("– **Structured
  Analysis**: Cross-Impact Simulation suggests …"): the label says the line reports a
  technique's finding, and the named subject before the verb is that technique.
Technique words inside running text ("red teaming exercises") are not names and are
not listed. Each technique is one `technique` item per document (its first naming),
with fields.name as written; graph_records makes one Technique of all the ways of
writing it.
"""

from __future__ import annotations

import re

from .builder import DocBuilder

_WORD = r"(?:[A-Z][\w’'/-]*|\([A-Z][A-Za-z0-9&]{1,7}\)|\d+(?:\.\d+)*)"
_NAME = rf"(?P<name>{_WORD}(?:[ \t]+(?:of|and|for|the|in|{_WORD})){{0,8}})"
_USING = re.compile(rf"\bUsing[ \t]+(?:the[ \t]+|an?[ \t]+)?{_NAME}[ \t]*,")
_FINDS = re.compile(rf"{_NAME}[ \t]+(?:suggests|indicates|shows|reveals|highlights|finds|supports|points|"
                    r"confirms|identifies|underscores|demonstrates)\b")
_ANALYSIS_LABEL = re.compile(r"\banaly|\btechnique|\bmethod", re.I)


# What a technique's name ends in, or holds: a method word, or an acronym ("ACH", "SWOT").
_METHOD = re.compile(
    r"\b(?:Analysis|Analyses|Hypotheses|Check|Matrix|Simulation|Mapping|Model(?:l)?ing|Generation|Development|"
    r"Tests?|Testing|Assessment|Framework|Method|Technique|Thinking|Advocacy|Teaming|Brainstorming|Forecasting|"
    r"Planning|Scenarios|Futures|Review|Audit)$|\b[A-Z][A-Z0-9&]{1,7}\b")


def is_technique_name(name: str) -> bool:
    """A technique's name: an acronym, or words ending in a method word ("Cross-Impact
    Simulation"); not any capitalised phrase ("Using Coastal Radar Data, …")."""
    return bool(_METHOD.search(re.sub(r"[ \t]+\d+(?:\.\d+)*$", "", name)))


def _add(doc: DocBuilder, start: int, end: int) -> None:
    name = doc.text[start:end].strip()
    if any(i.kind == "technique" and i.fields.get("name") == name for i in doc.items):
        return
    doc.add("technique", start, end, section="competing_hypotheses", name=name)


def techniques_in(doc: DocBuilder, start: int, end: int, label: str | None = None) -> None:
    """Record the techniques one entry of the hypotheses section names."""
    for m in _USING.finditer(doc.text, start, end):
        if is_technique_name(m["name"]):
            _add(doc, m.start("name"), m.end("name"))
    if label and _ANALYSIS_LABEL.search(label):
        m = _FINDS.match(doc.text, start, end)
        if m and is_technique_name(m["name"]):
            _add(doc, m.start("name"), m.end("name"))
