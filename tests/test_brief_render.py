"""Brief rendering from the Jinja2 templates, on a hand-built BriefDocument (no database)."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources

import pytest

from intelgraph.errors import InputError
from intelgraph.services.brief.model import (
    AchEvidence, AchHypothesis, AchMatrix, BriefDocument, BriefRequest, Citation, Confidence, Section, SourceEntry,
    Statement,
)
from intelgraph.services.brief.render import FORMATS, TEMPLATES, environment, render, render_html, render_markdown

SCRIPT = "<script>alert('x')</script>"


def _brief() -> BriefDocument:
    cite = Citation(n=1, passage_id="psg:1", document_id="doc:1")
    return BriefDocument(
        id="brief:test", title="Brief: Kestrel <b>Strait</b>",
        created_at=dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.timezone.utc),
        request=BriefRequest(topic="Kestrel <b>Strait</b>", entity="Amara Voss"), queries=["brief/timeline"],
        sections=[
            Section(key="bluf", title="Bottom Line Up Front", statements=[
                Statement(node_id="bluf:1", kind="assessment:bluf", text=f"Talks stall {SCRIPT} & resume",
                          citations=[cite], confidence=Confidence(level="high", basis="stated")),
            ]),
            Section(key="hypotheses", title="Competing Hypotheses", statements=[
                Statement(node_id="hyp:a", kind="hypothesis", text="Hypothesis A: the ceasefire holds",
                          citations=[cite], confidence=Confidence(level="low", basis="derived", note="derived")),
            ]),
            Section(key="implications", title="Implications"),  # empty: not shown
        ],
        ach=[AchMatrix(
            document_id="doc:1", title="Report | One",
            hypotheses=[AchHypothesis(node_id="hyp:a", label="A", statement="the ceasefire holds",
                                      inconsistent=0, consistent=1, rank=1)],
            evidence=[AchEvidence(node_id="ev:1", text=f"Boats seen | {SCRIPT}", marks={"A": "C"}, diagnostic=True,
                                  citation=cite)],
        )],
        sources=[SourceEntry(n=1, document_id="doc:1", title="Report <i>One</i>", source="Coastal Wire",
                             published="2026-01-01", reliability="B", reliability_label="Usually reliable")],
    )


def test_templates_are_package_data():
    folder = resources.files("intelgraph.services.brief").joinpath("templates")
    for name in TEMPLATES.values():
        assert folder.joinpath(name).is_file(), name
        assert environment().get_template(name).filename.endswith(name)
    assert environment() is environment()  # compiled once


def test_html_escapes_document_text():
    page = render_html(_brief())
    assert "<script>" not in page
    assert "Talks stall &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; resume" in page
    assert "<title>Brief: Kestrel &lt;b&gt;Strait&lt;/b&gt;</title>" in page
    assert "<td>Boats seen | &lt;script&gt;" in page
    assert '<li data-node="bluf:1">' in page and '<span class="conf">high confidence</span>' in page
    assert '<span class="conf">low confidence (derived)</span>' in page
    assert '<section id="implications">' not in page
    assert page.startswith("<!DOCTYPE html>\n") and page.endswith("</html>\n")


def test_markdown_escapes_raw_html_and_table_pipes():
    md = render_markdown(_brief())
    assert "<script>" not in md and "<b>" not in md and "<i>" not in md
    assert "- Talks stall &lt;script&gt;alert('x')&lt;/script&gt; & resume [1] — *high confidence*" in md
    assert "| Boats seen \\| &lt;script&gt;alert('x')&lt;/script&gt; [1] | C | yes |" in md
    assert "| evidence | A | diagnostic |\n|---|---|---|\n" in md
    assert "**Report \\| One**" not in md and "**Report | One** — ranked by fewest inconsistent items: " in md
    assert md.startswith("# Brief: Kestrel &lt;b&gt;Strait&lt;/b&gt;\n\n")
    assert "for topic **Kestrel &lt;b&gt;Strait&lt;/b&gt;**, entity **Amara Voss**. Brief id `brief:test`.\n" in md
    assert "## Implications" not in md
    assert md.endswith("1. Report &lt;i&gt;One&lt;/i&gt; — Coastal Wire, 2026-01-01; "
                       "reliability B (Usually reliable); `doc:1`\n")


def test_render_formats():
    brief = _brief()
    assert FORMATS == ("md", "html", "json")
    assert render(brief) == render(brief, "md") == render_markdown(brief)
    assert render(brief, "html") == render_html(brief)
    assert json.loads(render(brief, "json"))["id"] == "brief:test"
    with pytest.raises(InputError):
        render(brief, "pdf")
