"""Implications, Recommendations and Outlook, Key Individuals, Tags, Techniques.

- implications: prose → one `implication` per separate statement; "- Political /
  Geopolitical: …" and unlabelled bullets → `risk` with domain
  political|security|cyber|economic|general (label kept in fields.label).
- recommendations: "Immediate Actions (0–30 days): a; b." → one `recommendation` per
  piece with horizon immediate|medium_term|long_term (None when unlabelled);
  "Best / Worst / Most-Likely: …" → `scenario` with kind best|worst|most_likely.
- key_entities: one `key_entity` per line; tags: one `tag` per comma piece;
  techniques: "Name: description" → `technique` with fields.name.
Risks, implications and scenarios are list items and drop their final period, as do
pieces of a list; other whole bullets keep their punctuation.
"""

from __future__ import annotations

import re

from intelgraph.ontology import get_ontology

from .builder import DocBuilder
from .report_assumptions import add_list_items, add_statements
from .report_sections import parse_entries
from .spans import ends_complete, sentences, split_list

# Which domain, horizon or scenario kind a label names: the ontology's vocabularies
# carry the cue words of each term (ig:cue); the earliest match in the label wins.


def domain_for(label: str) -> str:
    onto = get_ontology()
    term = onto.cued("RiskDomain", label)
    return term.notation if term else onto.default("RiskDomain")


def horizon_for(label: str) -> str | None:
    term = get_ontology().cued("Horizon", label)
    return term.notation if term else None


def scenario_kind(label: str) -> str | None:
    term = get_ontology().cued("ScenarioKind", label.strip())
    return term.notation if term else None


def _whole(doc: DocBuilder, start: int, end: int, open_end: int | None, what: str) -> tuple[int, int, bool] | None:
    """A bullet or paragraph: whole when complete, else its complete sentences."""
    if open_end is None or end < open_end or ends_complete(doc.text[start:end]):
        return start, end, False
    done = [(s, e) for s, e in sentences(doc.text, start, end) if ends_complete(doc.text[s:e])]
    if not done:
        doc.fragment(what, start, end)
        return None
    doc.fragment(what + " sentence", done[-1][1], end)
    return start, done[-1][1], True


def add_whole(doc: DocBuilder, item_kind: str, start: int, end: int, open_end: int | None, section: str,
              /, *, drop_period: bool = False, **fields) -> None:
    """A bullet or paragraph as one item (its complete sentences when cut); a list item
    (drop_period) without its final period."""
    part = _whole(doc, start, end, open_end, item_kind)
    if part:
        s, e, cut = part
        if cut:
            fields["truncated"] = True
        doc.add(item_kind, s, e, section=section, drop_period=drop_period, **fields)


def read_implications(doc: DocBuilder, body: tuple[int, int], open_end: int | None) -> None:
    """A labelled or bulleted line is one risk; a prose paragraph one implication per
    separate statement (a sentence that refers back stays with the one before)."""
    for entry in parse_entries(doc.text, *body):
        if entry.label:
            add_whole(doc, "risk", *entry.rest, open_end, "implications", drop_period=True,
                      domain=domain_for(entry.label), label=entry.label)
        elif entry.bullet:
            add_whole(doc, "risk", entry.start, entry.end, open_end, "implications", drop_period=True,
                      domain=domain_for(doc.text[entry.start:entry.end]))
        elif doc.text[entry.start:entry.end].rstrip().endswith(":"):
            # a lead-in ("… could lead to:") introduces the risks below; it is none itself
            add_whole(doc, "paragraph", entry.start, entry.end, open_end, "implications")
        else:
            add_statements(doc, "implication", entry.start, entry.end, open_end, "implications")


def read_recommendations(doc: DocBuilder, body: tuple[int, int], open_end: int | None) -> None:
    in_scenarios = False
    horizon: str | None = None
    for entry in parse_entries(doc.text, *body):
        label = entry.label or ""
        kind = scenario_kind(label) if entry.label else None
        if kind:
            add_whole(doc, "scenario", *entry.rest, open_end, "recommendations", drop_period=True, kind=kind,
                      label=entry.label)
            continue
        if entry.open_label:
            in_scenarios = bool(re.search(r"scenario|outlook", label, re.I))
            horizon = horizon_for(label)
            continue
        if entry.label and re.search(r"action|posture|recommend|step|measure", label, re.I):
            add_list_items(doc, "recommendation", *entry.rest, open_end, "recommendations",
                           horizon=horizon_for(label), label=entry.label)
            continue
        if entry.bullet and not in_scenarios:
            add_list_items(doc, "recommendation", entry.start, entry.end, open_end, "recommendations",
                           horizon=horizon)
            continue
        add_whole(doc, "paragraph", entry.start, entry.end, open_end, "recommendations")


def read_key_entities(doc: DocBuilder, body: tuple[int, int], open_end: int | None) -> None:
    for entry in parse_entries(doc.text, *body):
        if open_end is not None and entry.end >= open_end:
            doc.fragment("key entity", entry.start, entry.end)
            continue
        item = doc.add("key_entity", entry.start, entry.end, section="key_entities", drop_period=True)
        if item:
            item.fields["name"] = item.span.text


def read_tags(doc: DocBuilder, body: tuple[int, int], open_end: int | None) -> None:
    pieces = split_list(doc.text, body[0], body[1], sep=",")
    for i, (s, e) in enumerate(pieces):
        if i == len(pieces) - 1 and open_end is not None and e >= open_end:
            doc.fragment("tag", s, e)
            continue
        item = doc.add("tag", s, e, section="tags", drop_period=True)
        if item:
            item.fields["name"] = item.span.text


def read_techniques(doc: DocBuilder, body: tuple[int, int], open_end: int | None) -> None:
    for entry in parse_entries(doc.text, *body):
        part = _whole(doc, entry.start, entry.end, open_end, "technique")
        if not part:
            continue
        s, e, cut = part
        name = entry.label or doc.text[s:e].rstrip(".")
        fields = {"name": name, "truncated": True} if cut else {"name": name}
        doc.add("technique", s, e, section="techniques", **fields)
