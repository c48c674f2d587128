"""The rules that make a brief a synthesis, on rows written here (no database): which
judgements answer the same question, what supersedes what, what counts as a change,
and when a document contradicts itself."""

from __future__ import annotations

from intelgraph.extract.judgements import counts, hypothesis_set_similarity, lineage_link, recounted, same_question
from intelgraph.services.brief.questions import (
    Answer, answers, bluf_leaning, changes, group, recounted_by, shorten, without_asides,
)

STATE = "The northern ministry is arming the coastal militia to pressure its neighbour over fishing rights."
STATE_AGAIN = "The northern ministry is arming the coastal militia to pressure its neighbour."
SMUGGLING = "The militia buys its weapons through smuggling networks and theft, without state direction."
SMUGGLING_AGAIN = "The militia equips itself through smuggling networks and stolen stock, without state direction."
PORT = "The port strike will end within a week once wages are raised."
PORT_B = "The port strike will spread to the rail depots."


def row(doc: str, date: str, kind: str, text: str, *, hyps=(), favors=None, confidence=None, likelihood=None,
        entities=(), relevance=2, asides=(), question=None):
    hypotheses = [{"id": f"h:{doc}:{label}", "label": label, "statement": s} for label, s in hyps]
    fav = next((h for h in hypotheses if h["label"] == favors), None)
    return {"id": f"{kind}:{doc}", "kind": kind, "text": text, "confidence": confidence, "likelihood": likelihood,
            "favors": fav, "hypotheses": hypotheses, "entities": list(entities), "relevance": relevance,
            "start": 0, "end": len(text), "asides": [list(a) for a in asides], "document_id": doc,
            "published": date, "title": f"Report {doc}", "passage_id": f"psg:{doc}", "question": question}


# The question key the graph's lineage gives the reassessed documents (services.lineage,
# by extract.judgements.lineage_link; test_the_newest_answer... checks the rule agrees).
Q1 = "bluf:r1"


def test_a_reassessment_answers_the_same_question_and_an_unrelated_report_does_not():
    assert hypothesis_set_similarity([STATE, SMUGGLING], [STATE_AGAIN, SMUGGLING_AGAIN]) >= 0.35
    assert hypothesis_set_similarity([STATE, SMUGGLING], [PORT, PORT_B]) < 0.2
    # the same hypotheses under other letters are still the same question
    assert same_question([STATE, SMUGGLING], [SMUGGLING_AGAIN, STATE_AGAIN], None, None)[0]
    # without hypotheses, bottom lines decide
    assert same_question([], [], "The strike at the port will end this week.", "The port strike will end this week.")[0]
    assert not same_question([], [STATE], "The strike at the port will end.", None)[0]


def _reassessed():
    old = [row("r1", "2026-01-23", "bluf", "The ministry arms the militia.", hyps=[("A", STATE), ("B", SMUGGLING)],
               question=Q1),
           row("r1", "2026-01-23", "ach", "Hypothesis A is better supported.", hyps=[("A", STATE), ("B", SMUGGLING)],
               favors="A", confidence="moderate", likelihood="likely", question=Q1)]
    new = [row("r2", "2026-03-04", "bluf", "New evidence weakens the January judgment.",
               hyps=[("A", STATE_AGAIN), ("B", SMUGGLING_AGAIN)], confidence="low", question=Q1),
           row("r2", "2026-03-04", "ach", "Hypothesis B is better supported.",
               hyps=[("A", STATE_AGAIN), ("B", SMUGGLING_AGAIN)], favors="B", confidence="low", question=Q1)]
    other = [row("r3", "2026-02-01", "bluf", "The strike will end.", hyps=[("A", PORT), ("B", PORT_B)],
                 confidence="high")]
    return old + new + other


def test_the_newest_answer_is_current_and_the_older_its_history():
    found = answers(_reassessed())
    questions = group(found)
    assert [[a.document_id for a in q] for q in questions] == [["r2", "r1"], ["r3"]]
    # the rule that gave r1 and r2 their shared key, and r3 none
    r1, r2, r3 = (next(a for a in found if a.document_id == d).judgement() for d in ("r1", "r2", "r3"))
    assert lineage_link(r2, r1).same and not lineage_link(r3, r1).same and not lineage_link(r3, r2).same


def test_a_switched_favourite_and_a_confidence_move_are_changes():
    [change] = changes(group(answers(_reassessed())))
    assert change.newer.document_id == "r2" and change.older.document_id == "r1"
    assert change.what == ["favoured hypothesis switched", "confidence down from moderate to low"]


def test_a_reaffirmation_is_no_change():
    rows = _reassessed()[:2] + [
        row("r4", "2026-04-01", "ach", "Hypothesis A remains better supported.",
            hyps=[("A", STATE_AGAIN), ("B", SMUGGLING_AGAIN)], favors="A", confidence="moderate", question=Q1)]
    questions = group(answers(rows))
    assert [[a.document_id for a in q] for q in questions] == [["r4", "r1"]]
    assert changes(questions) == []


def test_the_same_hypothesis_under_another_letter_is_not_a_switch():
    rows = _reassessed()[:2] + [
        row("r5", "2026-04-01", "ach", "Hypothesis B is better supported.",
            hyps=[("A", SMUGGLING_AGAIN), ("B", STATE_AGAIN)], favors="B", confidence="moderate", question=Q1)]
    assert changes(group(answers(rows))) == []


def test_a_bluf_leaning_against_its_own_assessment_is_found():
    hyps = [("A", "The strike will end within a week once wages are raised."),
            ("B", "The strike will spread to the rail depots and the airport.")]
    leaning = row("r6", "2026-02-01", "bluf", "The strike is likely to spread to the rail depots and the airport.",
                  hyps=hyps)
    ach = row("r6", "2026-02-01", "ach", "Hypothesis A is better supported.", hyps=hyps, favors="A")
    [answer] = answers([leaning, ach])
    assert bluf_leaning(answer)["label"] == "B"
    agreeing = dict(leaning, text="The strike will end within a week once wages are raised, most likely.")
    [answer] = answers([agreeing, ach])
    assert bluf_leaning(answer) is None


def test_a_newer_count_of_the_same_thing_supersedes_the_older_fact():
    assert counts("holds all 21 crew members and 1,500 troops since 3 March") == {
        "crew members": {21}, "troops": {1500}}
    assert recounted("holds all 21 crew members", "the remaining 12 crew members were released") == "crew members"
    assert recounted("holds all 21 crew members", "21 crew members are still held") is None
    older = Answer("d1", "2026-02-14", "Digest", insight=row("d1", "2026-02-14", "insight",
                   "The militia still holds all 21 crew members.", entities=["entity:militia"]))
    newer = Answer("d2", "2026-03-18", "Report", bluf=row("d2", "2026-03-18", "bluf",
                   "The remaining 12 crew members were released by the militia.", entities=["entity:militia"]))
    unrelated = Answer("d3", "2026-03-20", "Other", bluf=row("d3", "2026-03-20", "bluf",
                       "The navy has 40 crew members.", entities=["entity:navy"]))
    found = recounted_by([older, newer, unrelated])
    assert found[older.row["id"]][0] is newer and newer.row["id"] not in found


def test_confidence_and_recommendation_sentences_leave_the_bottom_line():
    text = ("The ban is most likely a security response. Confidence level: Moderate. "
            "Recommended action: Press for a review date.")
    conf, rec = text.index("Confidence"), text.index("Recommended")
    r = row("r7", "2026-01-16", "bluf", text, asides=[(conf, rec - 1), (rec + 20, len(text))])
    assert without_asides(r) == ("The ban is most likely a security response.", "Confidence level: Moderate.")
    embedded = "The deal is a strategic move, with a moderate confidence level."
    r = row("r8", "2026-01-16", "bluf", embedded, asides=[(0, len(embedded))])
    assert without_asides(r)[0] == embedded  # the judgement itself stays


def test_shorten_cuts_at_a_word():
    assert shorten("A short one.") == "A short one"
    assert shorten("word " * 40, 20) == "word word word word…"
