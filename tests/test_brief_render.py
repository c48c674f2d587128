"""Brief rendering from the Jinja2 templates, on a hand-built BriefDocument (no database)."""

from __future__ import annotations

import datetime as dt
import json
import re
from importlib import resources

import pytest

from intelgraph.errors import InputError
from intelgraph.services.brief.assembly import grade, likelihood
from intelgraph.services.brief.model import (
    AchEvidence, AchHypothesis, AchMatrix, BriefDocument, BriefRequest, Citation, HistoryEntry, OverallConfidence,
    Section, SourceEntry, Statement,
)
from intelgraph.services.brief.render import FORMATS, TEMPLATES, environment, render, render_html, render_markdown

SCRIPT = "<script>alert('x')</script>"
CITE = Citation(n=1, passage_id="psg:1", document_id="doc:1")
OLDER = Citation(n=2, passage_id="psg:2", document_id="doc:2")


def _stmt(kind: str, text: str, **kw) -> Statement:
    return Statement(node_id=f"{kind}:1", kind=kind, text=text, citations=[CITE], date="2026-03-04",
                     grade=kw.pop("grade", grade("B")), **kw)


def _brief() -> BriefDocument:
    judgement = _stmt("judgement:bluf", f"Talks stall {SCRIPT} & resume", confidence="low",
                      likelihood=likelihood("very_likely"), question="“Report One” (2026-03-04)",
                      history=[HistoryEntry(node_id="bluf:0", date="2026-01-23", summary="favoured Hypothesis A",
                                            confidence="moderate", citation=OLDER)],
                      details={"favors": "B", "favored_statement": "the group buys time", "documents": 2})
    return BriefDocument(
        id="brief:test", title="Brief: Kestrel <b>Strait</b>",
        created_at=dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.timezone.utc),
        request=BriefRequest(topic="Kestrel <b>Strait</b>", entity="Amara Voss"), queries=["brief/timeline"],
        overall=OverallConfidence(text="1 key judgement(s) from 2 document(s); stated confidence: 1 low"),
        sections=[
            Section(key="bluf", title="Bottom Line Up Front", statements=[judgement]),
            Section(key="hypotheses", title="Competing Hypotheses", statements=[
                _stmt("hypothesis", "Hypothesis A: the ceasefire holds", question="“Report One” (2026-03-04)",
                      details={"favored": False})]),
            Section(key="assumptions", title="Key Assumptions and Red Flags", statements=[
                _stmt("assumption", "Kalo speaks for all cells", grade=grade("F")),
                _stmt("red_flag:ungraded", "1 of 2 documents come from ungraded sources")]),
            Section(key="outlook", title="Recommendations and Outlook", statements=[
                _stmt("recommendation:immediate", "Fund the monitors", details={"horizon": "immediate"}),
                _stmt("scenario:worst", "Talks collapse", details={"scenario": "worst"})]),
            Section(key="implications", title="Implications"),  # empty: not shown
        ],
        ach=[AchMatrix(
            document_id="doc:1", title="Report | One", published="2026-03-04", favored_label="B", confidence="low",
            counts_agree=False,
            hypotheses=[AchHypothesis(node_id="hyp:b", label="B", statement="the group buys time",
                                      inconsistent=1, consistent=0, rank=1, favored=True),
                        AchHypothesis(node_id="hyp:a", label="A", statement="the ceasefire holds",
                                      inconsistent=0, consistent=1, rank=2)],
            evidence=[AchEvidence(node_id="ev:1", text=f"Boats seen | {SCRIPT}", marks={"A": "C", "B": "I"},
                                  diagnostic=True, citation=CITE)],
        )],
        sources=[SourceEntry(n=1, document_id="doc:1", title="Report <i>One</i>", source="Coastal Wire",
                             published="2026-01-01", reliability="B", reliability_label="Usually reliable",
                             grade=grade("B", "2"))],
    )


def test_templates_are_package_data():
    folder = resources.files("intelgraph.services.brief").joinpath("templates")
    for name in TEMPLATES.values():
        assert folder.joinpath(name).is_file(), name
        assert environment().get_template(name).filename.endswith(name)
    assert environment() is environment()  # compiled once


def test_html_escapes_document_text_and_is_self_contained():
    page = render_html(_brief())
    assert "<script>alert" not in page
    assert "Talks stall &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; resume" in page
    assert "<title>Brief: Kestrel &lt;b&gt;Strait&lt;/b&gt;</title>" in page
    assert "<td>Boats seen | &lt;script&gt;" in page
    assert '<section id="implications"' not in page
    assert page.startswith("<!DOCTYPE html>\n") and page.endswith("</html>\n")
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", page), "no outside resources"
    assert "@media print" in page and '<details class="history">' in page


def test_html_shows_badges_history_and_the_authors_choice():
    page = render_html(_brief())
    assert '<span class="badge conf conf-low">low confidence</span>' in page
    assert '<span class="badge likelihood">very likely (80–95 %)</span>' in page
    assert '<span class="badge grade">source B</span>' in page
    assert '<span class="badge grade ungraded">source ungraded</span>' in page
    assert "Earlier judgements on this question (1)" in page and "favoured Hypothesis A" in page
    assert '<th scope="col" class="favoured">B ★</th>' in page and "the counts do not favour" in page
    assert "<h3>Recommendations: immediate (0-30 days)</h3>" in page
    assert "<h3>Scenarios: worst case</h3>" in page and "<h3>Red flags: ungraded sources</h3>" in page


def test_markdown_escapes_raw_html_and_table_pipes():
    md = render_markdown(_brief())
    assert "<script>" not in md and "<b>" not in md and "<i>" not in md
    assert ("- Talks stall &lt;script&gt;alert('x')&lt;/script&gt; & resume [1] — *2026-03-04 · low confidence · "
            "very likely (80–95 %) · source B*") in md
    assert "| Boats seen \\| &lt;script&gt;alert('x')&lt;/script&gt; [1] | I | C | yes |" in md
    assert "| evidence | B | A | diagnostic |\n|---|---|---|---|\n" in md
    # counts read as words per hypothesis, so numbered labels ("2 0 I") cannot run together
    assert re.search(r"evidence per hypothesis: Hypothesis B: \d+ inconsistent, \d+ consistent; Hypothesis A: ", md)
    assert md.startswith("# Brief: Kestrel &lt;b&gt;Strait&lt;/b&gt;\n\n")
    assert "for topic **Kestrel &lt;b&gt;Strait&lt;/b&gt;**, entity **Amara Voss**. Brief id `brief:test`.\n" in md
    assert "## Implications" not in md
    assert md.endswith("1. Report &lt;i&gt;One&lt;/i&gt; — Coastal Wire, 2026-01-01; grade B2 "
                       "(usually reliable; information probably true); `doc:1`\n")


def test_markdown_keeps_the_structure():
    md = render_markdown(_brief())
    assert "**Overall:** 1 key judgement(s) from 2 document(s); stated confidence: 1 low." in md
    assert "  - Favours Hypothesis B: the group buys time\n" in md
    assert "  - Earlier, 2026-01-23: favoured Hypothesis A, moderate confidence [2]\n" in md
    assert "the newest of 2 documents on it" in md
    assert "- Hypothesis A: the ceasefire holds [1] — *2026-03-04 · not favoured by its author · source B*" in md
    assert "- Kalo speaks for all cells [1] — *2026-03-04 · source ungraded*" in md
    assert "### Recommendations: immediate (0-30 days)" in md and "### Scenarios: worst case" in md
    assert "the author favours Hypothesis B (low confidence)" in md and "do not favour the author's choice" in md
    assert "confidence (derived)" not in md


def test_render_formats():
    brief = _brief()
    assert FORMATS == ("md", "html", "json")
    assert render(brief) == render(brief, "md") == render_markdown(brief)
    assert render(brief, "html") == render_html(brief)
    assert json.loads(render(brief, "json"))["id"] == "brief:test"
    with pytest.raises(InputError):
        render(brief, "pdf")


def test_grades_are_admiralty_codes_never_confidences():
    assert grade("B", "2").code == "B2" and grade("C").code == "C"
    assert grade("F").code == "ungraded" and grade(None).reliability is None
    assert grade("F", "3").code == "ungraded, 3"
    assert "confidence" not in grade("A", "1").label


def test_an_untitled_document_is_named_by_its_first_words_never_a_made_up_title():
    from intelgraph.services.brief.assembly import document_title

    assert document_title("Harbour notes", "Anything", "doc:1") == "Harbour notes"
    lead = "Harbour pilots in Port Aldren said on Monday that Amara Voss had closed the northern channel."
    assert document_title(None, lead, "doc:1") == (
        "untitled: \u201cHarbour pilots in Port Aldren said on Monday that Amara Voss had\u2026\u201d")
    assert document_title(None, "Channel closed.", "doc:1") == "untitled: \u201cChannel closed.\u201d"
    assert document_title(None, None, "doc:1") == "doc:1"
