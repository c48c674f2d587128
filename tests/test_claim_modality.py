"""Polarity, modality and relationship ends of claims, on the real model. Every sentence
is invented for these tests (fictional states Marovia, Corran, Velland; a fictional
armed group); each case names what the claim must say and which relationship, if any,
it may support: (start entities, end entities)."""

from __future__ import annotations

import pytest

from intelgraph.extract.nlp import analyse
from intelgraph.ontology import get_ontology

pytestmark = pytest.mark.model

SUPPLY = (["marovia"], ["tidewater front"])
SEND = (["marovia"], ["corran"])
NONE = ([], [])

CASES = [
    # negated: the predicate's own negator, "no evidence that", a counterfactual opening
    ("Marovia has never supplied weapons to the Tidewater Front.", "supply", "negative", "asserted", SUPPLY),
    ("There is no evidence that Marovia supplied the Tidewater Front.", "supply", "negative", "asserted", SUPPLY),
    ("Contrary to earlier reports, Marovia did not supply the Tidewater Front.", "supply", "negative", "asserted",
     SUPPLY),
    ("Marovia did not send advisers to Corran, officials in Velland said.", "send", "negative", "reported", SEND),
    # denied: a denial verb governing the claim's clause, or "deny" with a nominal object
    ("Marovia denied supplying weapons to the Tidewater Front.", "supply", "negative", "denied", SUPPLY),
    ("Marovia denied that it had armed the Tidewater Front.", "arm", "negative", "denied", SUPPLY),
    ("The Velland ministry rejected claims that Marovia armed the Tidewater Front.", "arm", "negative", "denied",
     SUPPLY),
    ("Velland dismissed reports that Marovia had sent advisers to Corran.", "send", "negative", "denied", SEND),
    ("Marovia denied any role in the attack on Port Selwyn.", "role", "negative", "denied",
     (["marovia"], ["port selwyn"])),
    # hedged: modals, hedging adverbs and verbs, stated likelihood
    ("Marovia may have supplied drones to the Tidewater Front.", "supply", "positive", "hedged", SUPPLY),
    ("Marovia could possibly send advisers to Corran.", "send", "positive", "hedged", SEND),
    ("Marovia is unlikely to supply drones to the Tidewater Front.", "supply", "positive", "hedged", SUPPLY),
    ("Marovia appears to have supplied drones to the Tidewater Front.", "supply", "positive", "hedged", SUPPLY),
    # reported: a reportive adverb, an attribution
    ("Marovia reportedly supplied drones to the Tidewater Front.", "supply", "positive", "reported", SUPPLY),
    ("According to Velland, Marovia supplied drones to the Tidewater Front.", "supply", "positive", "reported",
     SUPPLY),
    ("Marovia supplied drones to the Tidewater Front, Velland officials said.", "supply", "positive", "reported",
     SUPPLY),
    # asserted
    ("Marovia supplied drones to the Tidewater Front.", "supply", "positive", "asserted", SUPPLY),
    # light predicates support no relationship
    ("Marovia is a member of the Corran Pact.", "be", "positive", "asserted", NONE),
    ("Marovia has close ties with Corran.", "have", "positive", "asserted", NONE),
    # only the predicate's own arguments: not an entity inside the subject's prepositional
    # phrase, a relative clause or an adverbial clause
    ("The attacks on shipping near Corran highlight the reach of the Tidewater Front.", "highlight", "positive",
     "asserted", NONE),
    ("Marovia attacked Corran after Velland withdrew from the talks.", "attack", "positive", "asserted", SEND),
    ("The Tidewater Front, a group that Velland once funded, attacked Corran.", "attack", "positive", "asserted",
     (["tidewater front"], ["corran"])),
    # a phrase set off by a comma is a circumstance, not an argument
    ("Marovia has intensified its operations against the Tidewater Front, with patrols near Corran.", "intensify",
     "positive", "asserted", SUPPLY),
]


@pytest.mark.parametrize(("text", "predicate", "polarity", "modality", "relation"), CASES,
                         ids=[c[0][:48] for c in CASES])
def test_claim_polarity_modality_and_relation_ends(text, predicate, polarity, modality, relation):
    [claim] = analyse(text).claims
    assert (claim.predicate, claim.polarity, claim.modality) == (predicate, polarity, modality)
    assert (claim.relation_subject_keys, claim.relation_object_keys) == relation


def test_every_modality_is_covered_and_comes_from_the_ontology():
    onto = get_ontology()
    assert {c[3] for c in CASES} == set(onto.notations("Modality"))
    assert {c[2] for c in CASES} == set(onto.notations("Polarity"))

