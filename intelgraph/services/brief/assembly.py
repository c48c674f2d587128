"""What the section builders share: numbered citations, grades, likelihoods, statements.

Rows come from the queries in queries/brief/ and carry their citation columns
(passage_id, document_id, title, published, layout, source, reliability, and where the
query has them credibility, relevance, likelihood). Documents are numbered in order of
first citation, so the order of the sections fixes the numbers.
"""

from __future__ import annotations

from typing import Any

from intelgraph.extract.sources import UNKNOWN_SOURCE
from intelgraph.ontology import get_ontology
from intelgraph.services.brief.model import (
    AchMatrix, Citation, Grade, Likelihood, SourceEntry, Statement,
)

Rows = list[dict[str, Any]]


def grade(reliability: str | None, credibility: str | None = None) -> Grade:
    """The Admiralty grade of a source and, where stated, of the information: "B2", "B",
    or "ungraded" for a source whose reliability cannot be judged (F, the default)."""
    onto = get_ontology()
    lowest = onto.notations("Reliability")[0]  # F: reliability cannot be judged
    graded = reliability if reliability and reliability != lowest else None
    cred = onto.term("Credibility", credibility) if credibility else None
    if graded:
        term = onto.term("Reliability", graded)
        code, label = graded + (cred.notation if cred else ""), term.label.lower()
    else:
        code, label = "ungraded", "source not graded"
    if cred:
        code = code if graded else f"ungraded, {cred.notation}"
        label += f"; information {cred.label.lower()}"
    return Grade(reliability=graded, credibility=cred.notation if cred else None, code=code, label=label)


def document_title(title: str | None, lead: str | None, document_id: str) -> str:
    """The document's title; a page without one is named by the first words it holds,
    quoted and marked untitled, so a reader can tell it apart (never a made-up headline)."""
    if title:
        return title
    words = (lead or "").split()
    if not words:
        return document_id
    quoted = " ".join(words[:12]) + ("\u2026" if len(words) > 12 else "")
    return f"untitled: \u201c{quoted}\u201d"


def likelihood(term: str | None) -> Likelihood | None:
    """The ICD 203 term a text states, with the probability range the ontology gives it."""
    if not term:
        return None
    t = get_ontology().term("Likelihood", term)
    return Likelihood(term=t.notation, label=t.label, probability_low=t.probability_low,
                      probability_high=t.probability_high)


def confidence_rank(level: str | None) -> int:
    """0 for none stated, then the ontology's ranks (low 1 … high 3)."""
    return (get_ontology().term("Confidence", level).rank or 0) if level else 0


class Citations:
    """Numbers documents in order of first citation; remembers what they are."""

    def __init__(self) -> None:
        self.entries: dict[str, SourceEntry] = {}

    def cite(self, row: dict[str, Any], passage_key: str = "passage_id", document_key: str = "document_id") -> Citation:
        doc_id = row[document_key]
        if doc_id not in self.entries:
            onto = get_ontology()
            reliability = row.get("reliability") or onto.notations("Reliability")[0]
            self.entries[doc_id] = SourceEntry(
                n=len(self.entries) + 1, document_id=doc_id, title=row.get("title"),
                source=row.get("source") or UNKNOWN_SOURCE, published=row.get("published"),
                reliability=reliability, reliability_label=onto.term("Reliability", reliability).label,
                grade=grade(reliability),
            )
        return Citation(n=self.entries[doc_id].n, passage_id=row[passage_key], document_id=doc_id)


class Assembly:
    """Builds statements with their citation, date and grade; keeps the ACH matrices the
    hypotheses section makes, and anything one section hands to a later one."""

    def __init__(self, *, stale_days: int, as_of: str) -> None:
        self.cites = Citations()
        self.ach: list[AchMatrix] = []
        self.stale_days = stale_days
        self.as_of = as_of  # ISO date the brief speaks for (its --until, else today)
        self.shared: dict[str, Any] = {}

    def stmt(self, row: dict[str, Any], kind: str, text: str, *, node_key: str = "id", **fields: Any) -> Statement:
        """A statement citing the row's passage. `fields` may set confidence, likelihood,
        question, history, superseded_by, details; the grade comes from the row."""
        details = {k: v for k, v in fields.pop("details", {}).items() if v is not None}
        return Statement(node_id=row.get(node_key), kind=kind, text=text, citations=[self.cites.cite(row)],
                         date=row.get("published"), grade=grade(row.get("reliability"), row.get("credibility")),
                         relevance=row.get("relevance") or 2, details=details, **fields)

    def also_cite(self, statement: Statement, row: dict[str, Any], passage_key: str = "passage_id",
                  document_key: str = "document_id") -> None:
        citation = self.cites.cite(row, passage_key, document_key)
        if citation not in statement.citations:
            statement.citations.append(citation)
