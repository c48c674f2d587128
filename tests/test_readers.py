"""Readers on invented mini-documents: every layout, its variants, and bad input.

All documents here are made up for the tests (the corpus is read only at run time,
in test_corpus_readers.py).
"""

from __future__ import annotations

import codecs

import pytest

from intelgraph.errors import InputError
from intelgraph.extract.readers import (
    ParsedDocument,
    decode_bytes,
    detect_format,
    normalise_text,
    read_bytes,
    read_text,
)
from intelgraph.extract.pipeline import read_one
from intelgraph.settings import get_settings

CURRENT = """\
Harbour talks stall as fishing fleets gather – The Coastal Ledger
Published on: 2026-03-02
AI-powered OSINT brief from verified open sources. See our Methodology.
Intelligence Report: Fleets mass near the disputed reef
1. BLUF (Bottom Line Up Front)
Northland has moved fishing fleets toward the reef while talks with Southland stall. Overall confidence in this assessment is moderate, given thin reporting.
2. Competing Hypotheses
- Hypothesis A: Northland is testing Southland's resolve. This is supported by the timing of the moves. However, the fleets lack naval escorts.
- Hypothesis B: The fleets follow seasonal fish stocks. Contradicting evidence includes the unusual route.
- Assessment: Hypothesis A is currently better supported due to the timing. Indicators such as escort deployments could alter this judgment.
3. Key Assumptions and Red Flags
- Assumptions: Northland controls its fleets; Southland will not escalate; talks resume within weeks.
- Information Gaps: Fleet sizes; the orders given to captains.
- Bias & Deception Risks: Reliance on Southland sources; possible staged sightings.
4. Implications and Strategic Risks
A standoff at the reef could disrupt regional shipping.
- Political / Geopolitical: Talks may collapse.
- Security / Counter-Terrorism: Risk of collisions at sea.
- Cyber / Information Space: Competing claims online.
- Economic / Social: Fish prices may rise.
5. Recommendations and Outlook
- Immediate Actions (0–30 days): Monitor the reef; open a hotline.
- Medium-Term Posture (1–12 months): Build a joint fisheries board.
- Scenario Outlook:
- Best: Talks resume and fleets withdraw.
- Worst: A collision sparks a naval clash.
- Most-Likely: A tense standoff persists.
6. Key Individuals and Entities
- Northland Fisheries Ministry
- Southland Coast Guard
7. Thematic Tags
maritime disputes, fisheries, regional security
Structured Analytic Techniques Applied
- Scenario Generation: Explore divergent futures.
- Red Teaming: Challenge the main line.
Explore more:
Regional Briefs ·
Support us
"""

MID = """\
Valley dam dispute deepens – River Post

Published on: 2025-08-01

Intelligence Report: Valley dam dispute deepens – River Post

1. BLUF (Bottom Line Up Front)

The most supported hypothesis is that Upland will keep filling the dam. Confidence level: High. Recommended action: Press both sides to share flow data.

2. Competing Hypotheses

1. **Hypothesis A**: Upland fills the dam to gain leverage in talks.
– **Supporting Evidence**: Filling began as talks opened.
2. **Hypothesis B**: Upland fills the dam for drought reasons. This is supported by low rainfall.

Using ACH 2.0, Hypothesis A is better supported due to the timing.

3. Key Assumptions and Red Flags

– **Assumptions**: Upland acts on purpose. Lowland has no leverage.
– **Red Flags**: Flow data is withheld.
– **Blind Spots**:
– The state of the turbines.
– Cognitive Bias: Analysts may over-read the timing.

4. Implications and Strategic Risks

– **Geopolitical**: Talks could break down.
– **Economic Impact**: Crops downstream may fail.
"""

EARLY = """\
Border market reopens – Plains Herald
Published on: 2025-02-03
Intelligence Report: Border market reopens – Plains Herald
1. BLUF (Bottom Line Up Front)
The border market has reopened after a month of closure. Trade is expected to recover slowly.
2. Detailed Analysis
The following structured analytic techniques have been applied for this analysis:
SWOT Analysis
Strengths: Local demand; short supply routes.
Threats: Renewed closures.
Scenario Generation
Best-Case Scenario: Trade recovers within weeks.
Worst-Case Scenario: The market closes again.
Most Likely Scenario: A slow and uneven recovery.
Indicators Development
Queue lengths at the crossing will show whether trade is recovering.
3. Implications and Strategic Risks
A lasting reopening would ease prices on both sides.
4. Recommendations and Outlook
Recommendations:
- Track daily crossing numbers.
- Support traders with small grants.
"""

DIGEST = """\
Evening Report – 2025-06-01

WorldWideWatchers Logo

Cybersecurity

  • Insight 1 [S, Confidence: High]: A ransomware crew hit two port operators this week.
    Credibility: High, two vendors confirmed it.
    Coherence: Fits the crew's past targets.
    Confidence: High, given the confirmations.
  • Insight 2 [R, Confidence: Low]: A new phishing kit is spreading.
    Credibility: Low, one forum post.
    Coherence: Plausible.
    Confidence: Low.

Sentiment Overview:

The tone is anxious.

Policy Relevance:

Ports should review their backups.
"""

NEWS = """\
Storm closes mountain pass

VALLEYTOWN, May 3 (Reuters) – A late snowstorm closed the main mountain pass on Friday, officials said.
Drivers were told to wait in the nearest towns until ploughs cleared the road.
"""


def spans_hold(doc: ParsedDocument) -> None:
    for item in doc.items:
        assert doc.text[item.span.start:item.span.end] == item.span.text
    for section in doc.sections:
        assert doc.text[section.body.start:section.body.end] == section.body.text


def texts(doc: ParsedDocument, kind: str) -> list[str]:
    return [i.span.text for i in doc.items_of(kind)]


# --- report, current layout -------------------------------------------------------

def test_current_report_header_and_sections():
    doc = read_text(CURRENT)
    spans_hold(doc)
    assert (doc.format, doc.layout) == ("report", "report-current")
    assert doc.title == "Harbour talks stall as fishing fleets gather – The Coastal Ledger"
    # the outlet in a report's title is the reporting it is based on, not its publisher
    assert [(o.name, o.via, o.span.text) for o in doc.origins] == [("The Coastal Ledger", "title", "The Coastal Ledger")]
    assert doc.source_name is None  # its blurb names no site
    assert doc.published == "2026-03-02"
    assert doc.headline == "Fleets mass near the disputed reef"
    assert [s.name for s in doc.sections] == [
        "bluf", "competing_hypotheses", "key_assumptions", "implications",
        "recommendations", "key_entities", "tags", "techniques"]
    assert not doc.truncated and doc.missing == []
    assert "Support us" not in doc.sections[-1].body.text


def test_current_report_items():
    doc = read_text(CURRENT)
    conf = doc.items_of("confidence_statement")[0]
    assert conf.fields["confidence"] == "moderate"
    assert conf.span.text.startswith("Overall confidence")
    hyps = doc.items_of("hypothesis")
    assert [h.fields["label"] for h in hyps] == ["A", "B"]
    assert hyps[0].span.text == ("Northland is testing Southland's resolve. This is supported by the timing "
                                 "of the moves. However, the fleets lack naval escorts.")
    evidence = [(e.fields["hypothesis"], e.fields["direction"]) for e in doc.items_of("evidence")]
    assert evidence == [("A", "supports"), ("A", "contradicts"), ("B", "contradicts")]
    assessment = doc.items_of("assessment")[0]
    assert assessment.fields["favored"] == "A"
    assert texts(doc, "indicator") == ["Indicators such as escort deployments could alter this judgment."]
    assert texts(doc, "assumption") == ["Northland controls its fleets", "Southland will not escalate",
                                        "talks resume within weeks"]
    assert texts(doc, "information_gap") == ["Fleet sizes", "the orders given to captains"]
    assert texts(doc, "bias_risk") == ["Reliance on Southland sources", "possible staged sightings"]
    assert texts(doc, "implication") == ["A standoff at the reef could disrupt regional shipping"]  # a list item
    assert [r.fields["domain"] for r in doc.items_of("risk")] == ["political", "security", "cyber", "economic"]
    recs = doc.items_of("recommendation")
    assert [(r.span.text, r.fields["horizon"]) for r in recs] == [
        ("Monitor the reef", "immediate"), ("open a hotline", "immediate"),
        ("Build a joint fisheries board", "medium_term")]
    assert [s.fields["kind"] for s in doc.items_of("scenario")] == ["best", "worst", "most_likely"]
    assert texts(doc, "key_entity") == ["Northland Fisheries Ministry", "Southland Coast Guard"]
    assert texts(doc, "tag") == ["maritime disputes", "fisheries", "regional security"]
    assert [t.fields["name"] for t in doc.items_of("technique")] == ["Scenario Generation", "Red Teaming"]


def test_spaced_serialisation_with_round_bullets_reads_the_same():
    spaced = "\n\n".join(
        line.replace("- ", "  • ", 1) if line.startswith("- ") else line for line in CURRENT.splitlines())
    a, b = read_text(CURRENT), read_text(spaced)
    spans_hold(b)
    assert b.layout == "report-current"
    for kind in ("hypothesis", "assessment", "assumption", "information_gap", "recommendation", "scenario"):
        assert texts(a, kind) == texts(b, kind), kind


def test_renumbered_and_missing_sections():
    text = CURRENT.replace("3. Key Assumptions and Red Flags", "4. Key Assumptions and Red Flags")
    start = text.index("4. Implications")
    end = text.index("5. Recommendations")
    text = text[:start] + text[end:]
    doc = read_text(text)
    assert "implications" in doc.missing
    assert texts(doc, "assumption")  # found by its words, not its number
    assert not doc.items_of("risk")


def test_truncated_mid_list_keeps_only_complete_items():
    cut = CURRENT[:CURRENT.index("the orders given") + 10]
    doc = read_text(cut)
    spans_hold(doc)
    assert doc.truncated
    assert texts(doc, "information_gap") == ["Fleet sizes"]
    assert any("the orders" in w for w in doc.warnings)
    assert {"implications", "recommendations", "tags"} <= set(doc.missing)


def test_truncated_after_complete_section_is_still_truncated():
    cut = CURRENT[:CURRENT.index("4. Implications")]
    doc = read_text(cut)
    assert doc.truncated and "implications" in doc.missing
    assert len(texts(doc, "bias_risk")) == 2


def test_cut_inside_assessment_keeps_complete_sentences():
    cut = CURRENT[:CURRENT.index("could alter") + 5]
    doc = read_text(cut)
    assessment = doc.items_of("assessment")[0]
    assert assessment.span.text == "Hypothesis A is currently better supported due to the timing."
    assert assessment.fields["truncated"] is True
    assert not doc.items_of("indicator")


# --- report, mid and early layouts ------------------------------------------------

def test_mid_report():
    doc = read_text(MID)
    spans_hold(doc)
    assert doc.layout == "report-mid"
    assert doc.items_of("confidence_statement")[0].fields["confidence"] == "high"
    rec = doc.items_of("recommendation")[0]
    assert (rec.span.text, rec.fields["horizon"]) == ("Press both sides to share flow data", "immediate")
    assert [h.fields["label"] for h in doc.items_of("hypothesis")] == ["A", "B"]
    ev = doc.items_of("evidence")
    assert [(e.fields["hypothesis"], e.fields["direction"]) for e in ev] == [("A", "supports"), ("B", "supports")]
    assert doc.items_of("assessment")[0].fields["favored"] == "A"
    assert texts(doc, "assumption") == ["Upland acts on purpose", "Lowland has no leverage"]
    assert texts(doc, "information_gap") == ["The state of the turbines"]
    assert texts(doc, "bias_risk") == ["Flow data is withheld", "Analysts may over-read the timing"]
    assert [r.fields["domain"] for r in doc.items_of("risk")] == ["political", "economic"]
    assert doc.missing == ["recommendations"] and doc.truncated


def test_mid_report_numbered_hypotheses_without_bold():
    text = MID.replace("1. **Hypothesis A**:", "Hypothesis 1:").replace("2. **Hypothesis B**:", "Hypothesis 2:")
    text = text.replace("Hypothesis A is better", "Hypothesis 1 is better")
    doc = read_text(text)
    assert [h.fields["label"] for h in doc.items_of("hypothesis")] == ["1", "2"]
    assert doc.items_of("assessment")[0].fields["favored"] == "1"


def test_early_report():
    doc = read_text(EARLY)
    spans_hold(doc)
    assert doc.layout == "report-early"
    assert [t.fields["name"] for t in doc.items_of("technique")] == [
        "SWOT Analysis", "Scenario Generation", "Indicators Development"]
    assert [s.fields["kind"] for s in doc.items_of("scenario")] == ["best", "worst", "most_likely"]
    assert len(doc.items_of("indicator")) == 1
    assert texts(doc, "recommendation") == ["Track daily crossing numbers", "Support traders with small grants"]
    assert doc.missing == [] and not doc.truncated
    assert not doc.items_of("hypothesis")


# --- digest, news, text -----------------------------------------------------------

def test_digest():
    doc = read_text(DIGEST)
    spans_hold(doc)
    assert (doc.format, doc.layout) == ("digest", "digest")
    assert doc.published == "2025-06-01" and doc.source_name == "WorldWideWatchers"  # its logo line
    assert doc.origins == []
    first, second = doc.items_of("insight")
    assert first.fields["number"] == 1 and first.fields["category"] == "S"
    assert first.fields["confidence"] == "high"
    assert first.fields["credibility"] == "High, two vendors confirmed it."
    assert second.fields["confidence"] == "low" and second.section == "Cybersecurity"
    assert texts(doc, "sentiment") == ["The tone is anxious."]
    assert texts(doc, "policy_relevance") == ["Ports should review their backups."]
    assert not doc.truncated and doc.missing == []


def test_digest_unnumbered_insights_and_headings_without_colons():
    text = DIGEST.replace("Insight 1 ", "Insight ").replace("Insight 2 ", "Insight ")
    text = text.replace("Sentiment Overview:", "Sentiment Overview").replace("Policy Relevance:", "Policy Relevance")
    doc = read_text(text)
    assert [i.fields["number"] for i in doc.items_of("insight")] == [None, None]
    assert len(doc.items_of("policy_relevance")) == 1


def test_digest_truncated_inside_an_insight():
    doc = read_text(DIGEST[:DIGEST.index("A new phishing") + 12])
    assert doc.truncated
    assert len(doc.items_of("insight")) == 1
    assert "Policy Relevance (Cybersecurity)" in doc.missing


def test_news():
    doc = read_text(NEWS)
    spans_hold(doc)
    assert (doc.format, doc.layout) == ("news", "news")
    assert doc.title == "Storm closes mountain pass"
    assert doc.source_name == "Reuters"
    assert len(doc.items_of("paragraph")) == 2 and not doc.truncated


def test_plain_text():
    doc = read_text("Notes on the spring survey\n\nThe survey covered nine villages in the hills.\n")
    assert (doc.format, doc.layout) == ("text", "text")
    assert doc.title == "Notes on the spring survey"
    assert texts(doc, "paragraph") == ["The survey covered nine villages in the hills."]


# --- HTML and markdown --------------------------------------------------------------

HTML_REPORT = """<!doctype html><html><head><title>Fleets mass near the reef</title>
<link rel="canonical" href="https://example.org/fleets"><style>p{color:red}</style>
<script>var x = 1;</script></head><body><nav><a href="/">Home</a> | <a href="/b">Briefs</a></nav>
<h1>Harbour talks stall</h1><p>Published on: 2026-03-02</p>
<p>Intelligence Report: Fleets mass near the reef</p>
<h2>1. BLUF (Bottom Line Up Front)</h2>
<p>Northland moved fleets toward the reef. Overall confidence in this assessment is low.</p>
<h2>2. Competing Hypotheses</h2>
<ul><li>Hypothesis A: Northland is testing resolve.</li><li>Hypothesis B: The fleets follow fish.</li>
<li>Assessment: Hypothesis B is currently better supported by catch data.</li></ul>
<h2>3. Key Assumptions and Red Flags</h2>
<ul><li>Assumptions: Catch data is accurate; fleets are civilian.</li></ul>
</body></html>"""


def test_html_report():
    doc = read_text(HTML_REPORT, filename="page.html")
    spans_hold(doc)
    assert (doc.format, doc.layout) == ("html", "report-current")
    assert "var x" not in doc.text and "color:red" not in doc.text and "Home" not in doc.text
    assert doc.url == "https://example.org/fleets"
    assert doc.title == "Fleets mass near the reef"
    assert doc.published == "2026-03-02"
    assert doc.items_of("confidence_statement")[0].fields["confidence"] == "low"
    assert doc.items_of("assessment")[0].fields["favored"] == "B"
    assert texts(doc, "assumption") == ["Catch data is accurate", "fleets are civilian"]


def test_html_detected_without_extension():
    assert detect_format(HTML_REPORT) == "html"
    assert read_text("<p>The council said the bridge will reopen.</p><p>Work began in May.</p><div>x</div>").layout == "news"


def test_markdown_report_offsets_point_into_the_markdown():
    md = ("# Harbour talks stall\n\nPublished on: 2026-03-02\n\n## 1. BLUF\n\n"
          "Fleets moved. Overall confidence in this assessment is **moderate**.\n\n"
          "## 2. Competing Hypotheses\n\n- **Hypothesis A**: Northland is testing resolve.\n"
          "- **Hypothesis B**: The fleets follow fish.\n"
          "- **Assessment**: Hypothesis A is currently better supported.\n")
    doc = read_text(md, filename="brief.md")
    spans_hold(doc)
    assert (doc.format, doc.layout) == ("markdown", "report-current")
    assert doc.text == normalise_text(md)
    assert doc.title == "Harbour talks stall"
    assert [h.span.text for h in doc.items_of("hypothesis")] == ["Northland is testing resolve.",
                                                                 "The fleets follow fish."]
    assert doc.items_of("confidence_statement")[0].fields["confidence"] == "moderate"
    assert doc.items_of("assessment")[0].fields["favored"] == "A"


# --- normalisation and detection --------------------------------------------------------

def test_normalise_text():
    raw = "\ufeff\n\n  Title\u00a0line  \r\nsecond ‘quoted’ line\t\rthird\n\n\n"
    assert normalise_text(raw) == "  Title line\nsecond ‘quoted’ line\nthird"
    assert normalise_text("e\u0301") == "\u00e9"


def test_detect_format():
    assert detect_format(CURRENT) == "report"
    assert detect_format(DIGEST) == "digest"
    assert detect_format(NEWS) == "news"
    assert detect_format("# Heading\n\nSome words here.") == "markdown"
    assert detect_format("anything", "notes.md") == "markdown"
    assert detect_format("Shopping list\n\nEggs and flour.") == "text"


def test_forced_format():
    doc = read_text(NEWS, format="text")
    assert (doc.format, doc.layout) == ("text", "text")


def test_unknown_format_lists_valid_ones():
    with pytest.raises(InputError, match="auto, report, digest, news, text, html, markdown"):
        read_text(NEWS, format="pdf")


def test_overrides_and_bad_published():
    doc = read_text(NEWS, url="https://example.org/x", title="Given title", published="3 May 2025")
    assert (doc.url, doc.title, doc.published) == ("https://example.org/x", "Given title", "2025-05-03")
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        read_text(NEWS, published="soon")


# --- bad input --------------------------------------------------------------------------

def test_empty_and_whitespace_only():
    with pytest.raises(InputError, match="empty"):
        decode_bytes(b"", "a.txt")
    with pytest.raises(InputError, match="whitespace only"):
        decode_bytes(b"  \n\t\n", "a.txt")
    with pytest.raises(InputError, match="empty"):
        read_text("")
    with pytest.raises(InputError, match="whitespace only"):
        read_text(" \n ")


def test_binary_is_refused():
    with pytest.raises(InputError, match=r"a\.bin: looks like a binary file, not text; give a \.txt, \.md or \.html"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a.bin")
    with pytest.raises(InputError, match="binary"):
        decode_bytes(bytes(range(1, 32)) * 20, "b.dat")


def test_utf8_with_and_without_bom():
    assert decode_bytes("caf\u00e9 ‘x’".encode(), "a.txt") == "caf\u00e9 ‘x’"
    assert decode_bytes(codecs.BOM_UTF8 + "caf\u00e9".encode(), "a.txt") == "caf\u00e9"


def test_utf16_with_bom():
    data = "Storm closes the pass, officials said.".encode("utf-16")  # BOM included
    assert decode_bytes(data, "a.txt") == "Storm closes the pass, officials said."
    assert read_bytes(data, "a.txt").layout == "news"


def test_cp1252_and_latin1():
    assert decode_bytes("The caf\u00e9 \u2018reopened\u2019 today.".encode("cp1252"), "a.txt") == \
        "The caf\u00e9 \u2018reopened\u2019 today."
    assert decode_bytes("Na\u00efve r\u00e9sum\u00e9 of the talks.".encode("latin-1"), "a.txt") == \
        "Na\u00efve r\u00e9sum\u00e9 of the talks."


@pytest.fixture
def small_limit(monkeypatch):
    monkeypatch.setenv("INTELGRAPH_MAX_FILE_BYTES", "100")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_oversize_names_size_limit_and_setting(small_limit, tmp_path):
    with pytest.raises(InputError, match=r"200 bytes.*100 bytes.*INTELGRAPH_MAX_FILE_BYTES"):
        decode_bytes(b"a" * 200, "big.txt")
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 40)
    with pytest.raises(InputError, match="INTELGRAPH_MAX_FILE_BYTES"):
        read_one(str(path))


def test_read_one_and_missing_file(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_text(CURRENT, encoding="utf-8")
    assert read_one(str(path)).layout == "report-current"
    with pytest.raises(InputError, match="no such file"):
        read_one(str(tmp_path / "absent.txt"))
