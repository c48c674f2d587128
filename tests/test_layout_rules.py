"""The older report layouts, a rule at a time, on short invented texts.

Mid-2025 layout: named or numbered hypotheses and a prose judgement; early-2025 layout:
one subsection per technique. Every text here is made up for these tests.
"""

from __future__ import annotations

import pytest

from intelgraph.extract.nlp.estimative import find_estimate
from intelgraph.extract.readers import read_text
from intelgraph.extract.readers.report_favoured import favoured_label
from intelgraph.extract.readers.spans import refers_back, statements
from intelgraph.extract.technique_names import technique_name

HEAD = """\
Reservoir levels fall along the upper valley – River Courier
Published on: 2025-07-03
Intelligence Report: Reservoir levels fall along the upper valley – River Courier
1. BLUF (Bottom Line Up Front)
The most likely hypothesis is that Upland is holding water back. Confidence level: Moderate. Recommended action: Share gauge data.
"""


def mid(hypotheses: str, judgement: str, section3: str = "") -> str:
    return HEAD + "2. Competing Hypotheses\n" + hypotheses + judgement + "3. Key Assumptions and Red Flags\n" + (
        section3 or "– **Assumptions**: Gauges report honestly.\n")


NAMED = ("1. **Leverage Hypothesis**: Upland holds water to gain leverage in talks.\n"
         "2. **Drought Hypothesis**: Upland holds water because rainfall failed.\n")
LETTERED = ("1. **Hypothesis A**: Upland holds water to gain leverage in talks.\n"
            "2. **Hypothesis B**: Upland holds water because rainfall failed.\n")


def items(doc, kind):
    return [i.span.text for i in doc.items_of(kind)]


def favoured(doc):
    return [a.fields.get("favored") for a in doc.items_of("assessment")]


# ---------------------------------------------------------------- the favoured hypothesis

def test_favoured_by_label_and_only_the_sentence_that_says_so():
    doc = read_text(mid(LETTERED, "Using ACH 2.0, Hypothesis A is better supported by the timing. "
                                  "Hypothesis B lacks rainfall records.\n"))
    [assessment] = doc.items_of("assessment")
    assert assessment.fields["favored"] == "A"
    assert assessment.span.text == "Using ACH 2.0, Hypothesis A is better supported by the timing."
    # the next sentence is evidence on the hypothesis it names
    ev = [(e.fields["hypothesis"], e.fields["direction"], e.span.text) for e in doc.items_of("evidence")]
    assert ev == [("B", "contradicts", "Hypothesis B lacks rainfall records.")]


def test_favoured_by_position():
    doc = read_text(mid(LETTERED, "Using the Analysis of Competing Hypotheses (ACH) 2.0, the second hypothesis "
                                  "is more supported.\n"))
    assert favoured(doc) == ["B"]


def test_favoured_by_name_and_more_likely():
    doc = read_text(mid(NAMED, "On balance the Drought Hypothesis appears more likely than the other.\n"))
    assert [h.fields["label"] for h in doc.items_of("hypothesis")] == ["Leverage Hypothesis", "Drought Hypothesis"]
    assert favoured(doc) == ["Drought Hypothesis"]


@pytest.mark.parametrize(("sentence", "label"), [
    ("Hypothesis 2 is currently better supported.", "2"),
    ("The evidence better supports Hypothesis 1.", "1"),
    ("Hypothesis 1 is more likely than Hypothesis 2.", "1"),
    ("The latter hypothesis remains the more plausible one.", "2"),
    ("Hypothesis 1 appears to be better supported by the gauges.", "1"),
    ("Hypothesis 2 is less supported by the data.", None),
    ("The most supported hypothesis is that rain failed.", None),  # names no hypothesis
])
def test_favoured_label_forms(sentence, label):
    assert favoured_label(sentence, ["1", "2"]) == label


def test_bluf_paraphrase_is_never_a_favoured_hypothesis():
    doc = read_text(mid(LETTERED, ""))
    assert favoured(doc) == [] and len(doc.items_of("hypothesis")) == 2


# ---------------------------------------------------------------- techniques

def test_techniques_from_using_and_a_structured_analysis_subject():
    hyps = ("1. **Hypothesis A**: Upland holds water to gain leverage in talks.\n"
            "– **Structured Analysis**: Using ACH 2.0, this hypothesis fits the timing.\n"
            "2. **Hypothesis B**: Upland holds water because rainfall failed.\n"
            "– **Structured Analysis**: Cross-Impact Simulation suggests this is plausible.\n")
    doc = read_text(mid(hyps, "Using the Analysis of Competing Hypotheses (ACH), Hypothesis A is better supported.\n"
                              "Using ACH 2.0, red teaming exercises found nothing new.\n"
                              "Using Coastal Radar Data, analysts saw no convoys.\n"))
    # as written, once each, in page order; "red teaming exercises" is running text, and
    # "Coastal Radar Data" is no method
    assert [t.fields["name"] for t in doc.items_of("technique")] == [
        "ACH 2.0", "Cross-Impact Simulation", "Analysis of Competing Hypotheses (ACH)"]


@pytest.mark.parametrize(("written", "key", "name"), [
    ("ACH 2.0", "ach", "ACH"),
    ("Analysis of Competing Hypotheses (ACH)", "ach", "Analysis of Competing Hypotheses"),
    ("Analysis of Competing Hypotheses (ACH) 2.0", "ach", "Analysis of Competing Hypotheses"),
    ("Analysis of Competing Hypotheses", "ach", "Analysis of Competing Hypotheses"),
    ("Causal Layered Analysis (CLA)", "cla", "Causal Layered Analysis"),
    ("SWOT Analysis", "swot-analysis", "SWOT Analysis"),
])
def test_technique_names_normalise_to_one_key(written, key, name):
    named = technique_name(written)
    assert (named.key, named.name, named.alias) == (key, name, written)


# ---------------------------------------------------------------- early-2025 subsections

EARLY = """\
Ferry links cut after storm – Island Gazette
Published on: 2025-02-03
Intelligence Report: Ferry links cut after storm – Island Gazette
1. BLUF (Bottom Line Up Front)
Storm damage has cut the ferry links to the outer islands.
2. Detailed Analysis
The following structured analytic techniques have been applied for this analysis:
Scenario Analysis
Several outcomes have been weighed, including a quick repair if spare parts arrive. A long outage remains possible.
Scenario Generation
– Best Case: Repairs finish within a week.
– Worst Case: A second storm sinks the spare hull.
Most Likely Scenario: Partial service resumes in a month.
Bayesian Scenario Modeling
Forecasts put a high probability on a partial restart.
Key Assumptions Check
It is assumed that the shipyard stays open. The assumption that fuel stays cheap is also tested.
Indicators Development
Signs of trouble include idle cranes and unpaid crews. Watching these signs gives early warning.
3. Implications and Strategic Risks
The islands could run short of food. Tourism revenue will fall.
4. Recommendations and Outlook
- Fly in spare parts.
"""


def test_scenarios_from_technique_subsections_with_their_stated_kind():
    doc = read_text(EARLY)
    assert doc.layout == "report-early"
    assert [(s.fields["kind"], s.span.text) for s in doc.items_of("scenario")] == [
        (None, "Several outcomes have been weighed, including a quick repair if spare parts arrive"),
        (None, "A long outage remains possible"),
        ("best", "Repairs finish within a week"),
        ("worst", "A second storm sinks the spare hull"),
        ("most_likely", "Partial service resumes in a month"),
    ]  # a scenario *model* lists no scenarios


def test_labelled_scenarios_and_bare_label_headings():
    text = EARLY.replace("Scenario Generation\n", "**Scenario Generation**:\n").replace(
        "– Best Case: Repairs finish within a week.", "– Scenario 2: Repairs finish within a week.")
    doc = read_text(text)
    assert "Scenario Generation" in [t.fields["name"] for t in doc.items_of("technique")]
    assert (None, "Repairs finish within a week") in [(s.fields["kind"], s.span.text) for s in doc.items_of("scenario")]
    swot = EARLY.replace("Scenario Analysis\n", "SWOT Analysis\nStrengths:\n- Spare hulls nearby.\nScenario Analysis\n")
    assert "Strengths" not in [t.fields["name"] for t in read_text(swot).items_of("technique")]


def test_assumptions_from_key_assumptions_check_prose():
    assert items(read_text(EARLY), "assumption") == [
        "It is assumed that the shipyard stays open", "The assumption that fuel stays cheap is also tested"]


def test_indicators_keep_a_sentence_that_refers_back():
    assert items(read_text(EARLY), "indicator") == [
        "Signs of trouble include idle cranes and unpaid crews. Watching these signs gives early warning"]


def test_techniques_are_the_subsection_headings():
    assert [t.fields["name"] for t in read_text(EARLY).items_of("technique")] == [
        "Scenario Analysis", "Scenario Generation", "Bayesian Scenario Modeling", "Key Assumptions Check",
        "Indicators Development"]


def test_prose_implications_one_per_statement_and_lead_ins_are_no_items():
    doc = read_text(EARLY)
    assert items(doc, "implication") == ["The islands could run short of food", "Tourism revenue will fall"]
    text = EARLY.replace("The islands could run short of food. Tourism revenue will fall.",
                         "A long outage could lead to:\n– **Shortages**: The islands run short of food.")
    doc = read_text(text)
    assert items(doc, "implication") == [] and items(doc, "risk") == ["The islands run short of food"]


def test_statements_split_sentences_but_keep_references_back():
    text = "Crews are idle. It is assumed that pay resumes. This worries the unions. Fuel prices rise."
    assert [text[s:e] for s, e in statements(text, 0, len(text))] == [
        "Crews are idle.", "It is assumed that pay resumes. This worries the unions.", "Fuel prices rise."]
    assert refers_back("Monitoring these gauges helps.") and not refers_back("Threats such as floods grow.")


# ---------------------------------------------------------------- section 3 labels (mid layout)

def test_section_three_labels_map_to_kinds():
    section3 = ("– Assumption: Gauges report honestly.\n"
                "– Red Flag: Upland withholds flow data.\n"
                "– Deception Indicator: Doctored gauge photos circulate.\n"
                "– Blind Spot: No view of the dam's turbines.\n"
                "– Missing Data: Rainfall records for May.\n")
    doc = read_text(mid(LETTERED, "", section3))
    assert items(doc, "assumption") == ["Gauges report honestly"]
    assert items(doc, "bias_risk") == ["Upland withholds flow data", "Doctored gauge photos circulate"]
    assert items(doc, "information_gap") == ["No view of the dam's turbines", "Rainfall records for May"]


# ---------------------------------------------------------------- estimative language

@pytest.mark.parametrize(("sentence", "term"), [
    ("The most likely hypothesis is that Upland holds water.", None),
    ("The most supported hypothesis is that talks are unlikely to resume.", "unlikely"),
    ("The most likely scenario is a slow repair.", None),
    ("Hypothesis A is more likely than Hypothesis B.", None),
    ("Upland will most likely release water in May.", "likely"),
    ("A deal is more likely than not.", "likely"),
    ("Talks are very likely to stall.", "very_likely"),
])
def test_a_likelihood_term_only_where_it_estimates(sentence, term):
    assert find_estimate(sentence).term == term
