"""How a brief is laid out for reading: the groups inside each section, and their titles.

Both templates (Markdown and HTML) render the same view, so they show the same
structure: key judgements with their history; hypotheses by the question (document)
they answer; assumptions by kind and red flags by type; implications by domain;
recommendations by horizon and scenarios by kind (titles from the ontology's
vocabularies).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from intelgraph.ontology import get_ontology
from intelgraph.services.brief.model import BriefDocument, Section, Statement

# Headings for statement kinds that are not vocabulary terms (presentation only).
KIND_TITLES = {
    "change:new_document": "New documents", "change:new_question": "New questions",
    "change:revised": "Revised judgements", "change:reaffirmed": "Reaffirmed judgements (no change)",
    "change:quantity": "Moved quantities",
    "assumption": "Key assumptions", "information_gap": "Information gaps",
    "bias_risk": "Bias and deception risks", "indicator": "Indicators to watch",
    "red_flag:single_origin": "Red flags: resting on one origin",
    "red_flag:conflict": "Red flags: conflicting judgements and facts",
    "red_flag:internal_conflict": "Red flags: conflicts inside one document",
    "red_flag:ach_counts": "Red flags: the author's choice against the ACH counts",
    "red_flag:ungraded": "Red flags: ungraded sources",
    "red_flag:stale": "Red flags: stale information",
}


@dataclass
class Group:
    title: str | None
    statements: list[Statement] = field(default_factory=list)
    note: str | None = None  # e.g. "superseded by 2026-03-04"


@dataclass
class SectionView:
    key: str
    title: str
    groups: list[Group]

    @property
    def empty(self) -> bool:
        return not any(g.statements for g in self.groups)


def _grouped(statements: list[Statement], title_of) -> list[Group]:
    groups: dict[str, Group] = {}
    for s in statements:
        title = title_of(s)
        groups.setdefault(title, Group(title)).statements.append(s)
    return list(groups.values())


def _by_kind_order(statements: list[Statement]) -> list[Group]:
    order = list(KIND_TITLES)
    ordered = sorted(statements, key=lambda s: order.index(s.kind) if s.kind in order else len(order))
    return _grouped(ordered, lambda s: KIND_TITLES.get(s.kind, s.kind))


def _by_vocabulary(statements: list[Statement], detail: str, vocabulary: str) -> list[Group]:
    """Statements grouped by a vocabulary term in their details, in the vocabulary's
    order; those whose text names no term last."""
    notations = list(get_ontology().notations(vocabulary))
    ordered = sorted(statements, key=lambda s: notations.index(s.details[detail])
                     if s.details.get(detail) in notations else len(notations))
    return _grouped(ordered, lambda s: get_ontology().term(vocabulary, s.details[detail]).label
                    if s.details.get(detail) in notations else "kind not stated")


def _hypotheses(statements: list[Statement]) -> list[Group]:
    groups = _grouped(statements, lambda s: s.question or "")
    for g in groups:
        later = g.statements[0].details.get("superseded_on")
        if g.statements[0].superseded_by:
            g.note = f"superseded by the assessment of {later}" if later else "superseded by a newer assessment"
    return groups


def _outlook(statements: list[Statement]) -> list[Group]:
    recommendations = [s for s in statements if s.kind.startswith("recommendation:")]
    scenarios = [s for s in statements if s.kind.startswith("scenario:")]
    groups = [Group(f"Recommendations: {g.title.lower()}", g.statements)
              for g in _by_vocabulary(recommendations, "horizon", "Horizon")]
    groups += [Group(f"Scenarios: {g.title.lower()}", g.statements)
               for g in _by_vocabulary(scenarios, "scenario", "ScenarioKind")]
    return groups


def section_view(section: Section) -> SectionView:
    s = section.statements
    if section.key == "hypotheses":
        groups = _hypotheses(s)
    elif section.key in ("assumptions", "changes"):
        groups = _by_kind_order(s)
    elif section.key == "implications":
        groups = _by_vocabulary(s, "domain", "RiskDomain")
    elif section.key == "outlook":
        groups = _outlook(s)
    else:
        groups = [Group(None, list(s))]
    return SectionView(section.key, section.title, groups)


def brief_view(brief: BriefDocument) -> list[SectionView]:
    return [section_view(section) for section in brief.sections]
