"""Competing Hypotheses: hypothesis, evidence, assessment and indicator items.

Both serialisations are read:
- current: "- Hypothesis A: claim. Evidence sentences." and "- Assessment: Hypothesis A is
  currently better supported … Indicators such as … could …";
- mid: "1. **Hypothesis A**: …" / "Hypothesis 1: …" / a named "… Hypothesis:", with
  labelled sub-bullets ("– **Supporting Evidence**: …") and the judgement as prose
  ("Using ACH 2.0, Hypothesis B is better supported …").
A hypothesis item spans the whole statement after its label (claim plus evidence);
each later sentence (or ", but …" clause) whose wording shows a direction is also an
`evidence` item with fields hypothesis=label, direction=supports|contradicts.
A labelled "Assessment:" is one assessment item, whole. In prose, the assessment is the
sentence that favours a hypothesis (report_favoured: by label, position or name); the
paragraph's other sentences are evidence on the hypothesis they name (else on the
favoured one) or indicators. Techniques the prose names ("Using ACH 2.0, …") are
`technique` items (report_techniques).
"""

from __future__ import annotations

import re

from .builder import DocBuilder
from .report_favoured import favoured_label
from .report_sections import parse_entries
from .report_techniques import techniques_in
from .spans import ends_complete, sentences

_HYPOTHESIS = re.compile(
    r"(?:\*\*)?[ \t]*(?:Hypothesis[ \t]+(?P<label>[A-Z]|\d{1,2})\b(?:[ \t]*\([^)\n]*\))?"
    r"|(?P<name>[A-Z][\w'’ -]{0,40}?[ \t]Hypothesis))"
    r"[ \t]*(?:\*\*)?[ \t]*[:.–—-](?:\*\*)?[ \t]*"
)
_ASSESSMENT = re.compile(r"(?:\*\*)?[ \t]*(?:Assessment|Judg(?:e)?ment)[ \t]*(?:\*\*)?[ \t]*:(?:\*\*)?[ \t]*")
_INDICATOR = re.compile(r"\bindicators?\b|\bsignposts?\b|could (?:shift|alter|change) (?:this|the) (?:judg|assess)", re.I)

_LEAD_CONTRADICTS = re.compile(
    r"^\W*(?:Contradict\w*|Counter[- ]?evidence|Evidence against|This is (?:contradicted|undermined|weakened)"
    r"|However,? (?:this is )?contradicted)\b", re.I)
_LEAD_SUPPORTS = re.compile(
    r"^\W*(?:Supporting evidence|Evidence (?:includes|of|for)|This is (?:supported|suggested|corroborated|consistent)"
    r"|This hypothesis is supported)\b", re.I)
_CONTRADICTS = re.compile(r"\bcontradict|\bundermin|\binconsisten|\bcounter[- ]?evidence|\bcasts? doubt", re.I)
_SUPPORTS = re.compile(
    r"\b(?:is|are|was|were|be|been|could|would|may|might|further|which|that|also)\s+support\b|\bsupport(?:s|ed)\b"
    r"|\bconsistent with\b|\bevidence (?:of|includes)\b|\bcorroborat|\bplausible given\b"
    r"|\bsuggested by\b|\bindicated by\b|\baligns? with\b|\bevidenced by\b|\bbacked by\b", re.I)
_LACKS = re.compile(
    r"\blacks?\b|\black of (?:any |direct |explicit |clear |concrete |substantial |independent |hard )?(?:evidence|verification|proof)",
    re.I)
_HOWEVER = re.compile(r"^\s*(?:However|But|Yet|Conversely|On the other hand)\b", re.I)
_UNCERTAIN = re.compile(r"\buncertaint|\bremains? (?:unclear|uncertain)\b|\bunknown\b", re.I)
_EVIDENCE_LABEL = re.compile(r"evidence|analysis|support|contradict|counter|indicator", re.I)
_BUT = re.compile(r",? but (?=\w)")


def evidence_direction(sentence: str, label: str | None = None) -> str | None:
    """supports / contradicts / None, from the sentence's own wording (or its label).

    The sentence's lead decides first ("Supporting evidence includes … lack of …" is
    support), a stated uncertainty is neither, then explicit verbs ("… could support this view" after "However" is
    support), then a lack of evidence, then a contrastive opening.
    """
    if label:
        low = label.lower()
        if re.search(r"contradict|counter|against|weak", low):
            return "contradicts"
        if re.search(r"support|for\b", low) or low.strip() == "evidence":
            return "supports"
    if _LEAD_CONTRADICTS.search(sentence):
        return "contradicts"
    if _LEAD_SUPPORTS.search(sentence):
        return "supports"
    if _UNCERTAIN.search(sentence):
        return None  # "… remains uncertain" names a gap, not evidence either way
    if _CONTRADICTS.search(sentence):
        return "contradicts"
    if _SUPPORTS.search(sentence):
        return "supports"
    if _LACKS.search(sentence):
        return "contradicts"
    if _HOWEVER.search(sentence):
        return "contradicts"
    return None


def _clauses(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split "X is supported by P, but lacks Q." into its two halves."""
    m = _BUT.search(text, s, e)
    if not m:
        return [(s, e)]
    return [(s, m.start()), (m.end(), e)]


def _add_evidence(doc: DocBuilder, s: int, e: int, label: str | None, sub_label: str | None = None) -> None:
    for cs, ce in _clauses(doc.text, s, e):
        direction = evidence_direction(doc.text[cs:ce], sub_label)
        if direction:
            fields = {"hypothesis": label, "direction": direction}
            if sub_label:
                fields["label"] = sub_label
            doc.add("evidence", cs, ce, section="competing_hypotheses", **fields)


def _complete_part(doc: DocBuilder, start: int, end: int, open_end: int | None, what: str) -> tuple[int, bool] | None:
    """End of the complete sentences of a cut entry; None when none is complete."""
    if open_end is None or end < open_end:
        return end, False
    done = [(s, e) for s, e in sentences(doc.text, start, end) if ends_complete(doc.text[s:e])]
    if not done:
        doc.fragment(what, start, end)
        return None
    doc.fragment(what + " sentence", done[-1][1], end)
    return done[-1][1], True


def read_hypotheses(doc: DocBuilder, body: tuple[int, int], open_end: int | None) -> None:
    text = doc.text
    current: str | None = None
    labels: list[str] = []  # the section's hypothesis labels, in order
    for entry in parse_entries(text, *body):
        techniques_in(doc, *entry.rest, entry.label)
        m = _HYPOTHESIS.match(text, entry.start, entry.end)
        if m:
            current = m.group("label") or m.group("name").strip()
            labels.append(current)
            _read_hypothesis(doc, m.end(), entry.end, current, open_end)
            continue
        m = _ASSESSMENT.match(text, entry.start, entry.end)
        if m:
            _read_assessment(doc, m.end(), entry.end, open_end, labels)
            continue
        if _judges(text[entry.start:entry.end], labels):
            _read_prose_judgement(doc, entry.start, entry.end, open_end, labels)
            continue
        if current and entry.label and _EVIDENCE_LABEL.search(entry.label):
            part = _complete_part(doc, *entry.rest, open_end, "evidence")
            if part:
                _add_evidence(doc, entry.rest[0], part[0], current, entry.label)
            continue
        part = _complete_part(doc, entry.start, entry.end, open_end, "paragraph")
        if part:
            doc.add("paragraph", entry.start, part[0], section="competing_hypotheses")


def _judges(line: str, labels: list[str]) -> bool:
    """An unlabelled line that states the judgement: it favours a hypothesis, or reports
    applying a technique ("Using ACH 2.0, …")."""
    return bool(re.match(r"\s*Using\b", line)) or any(
        favoured_label(line[s:e], labels) for s, e in sentences(line, 0, len(line)))


def _read_hypothesis(doc: DocBuilder, start: int, end: int, label: str, open_end: int | None) -> None:
    part = _complete_part(doc, start, end, open_end, f"hypothesis {label}")
    if part is None:
        return
    end, cut = part
    fields: dict = {"label": label}
    if cut:
        fields["truncated"] = True
    doc.add("hypothesis", start, end, section="competing_hypotheses", **fields)
    for s, e in sentences(doc.text, start, end)[1:]:
        _add_evidence(doc, s, e, label)


def _read_assessment(doc: DocBuilder, start: int, end: int, open_end: int | None, labels: list[str]) -> None:
    """A labelled assessment: one item, whole; its indicator sentences also indicators."""
    part = _complete_part(doc, start, end, open_end, "assessment")
    if part is None:
        return
    end, cut = part
    spans = sentences(doc.text, start, end)
    favoured = next((f for s, e in spans if (f := favoured_label(doc.text[s:e], labels))), None)
    fields: dict = {"favored": favoured}
    if cut:
        fields["truncated"] = True
    doc.add("assessment", start, end, section="competing_hypotheses", **fields)
    for s, e in spans:
        if _INDICATOR.search(doc.text, s, e) and not favoured_label(doc.text[s:e], labels):
            doc.add("indicator", s, e, section="competing_hypotheses")


def _read_prose_judgement(doc: DocBuilder, start: int, end: int, open_end: int | None,
                          labels: list[str]) -> None:
    """A judgement in prose: the favouring sentence is the assessment; the others are
    evidence on the hypothesis they name (else the favoured one), or indicators. With no
    favouring sentence the paragraph is one assessment that favours none."""
    part = _complete_part(doc, start, end, open_end, "assessment")
    if part is None:
        return
    end, cut = part
    spans = sentences(doc.text, start, end)
    judged = [(s, e, f) for s, e in spans if (f := favoured_label(doc.text[s:e], labels))]
    if not judged:
        doc.add("assessment", start, end, section="competing_hypotheses", favored=None,
                **({"truncated": True} if cut else {}))
        return
    s0, e0, favoured = judged[0]
    doc.add("assessment", s0, e0, section="competing_hypotheses", favored=favoured)
    for s, e in spans:
        if (s, e) == (s0, e0):
            continue
        if _INDICATOR.search(doc.text, s, e):
            doc.add("indicator", s, e, section="competing_hypotheses")
            continue
        named = re.search(r"\bHypothesis[ \t]+([A-Z]|\d{1,2})\b", doc.text[s:e])
        _add_evidence(doc, s, e, named.group(1) if named else favoured)
