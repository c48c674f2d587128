"""A parse-free Reading of the plainest claim sentences, so that only the rest pay
for the dependency parse.

Conventions
- Plain sentences only: "[Opening phrase,] SUBJECT VERB ...". The subject is text
  without clause words (that, which, while, ...), reporting verbs or punctuation
  other than hyphens, possessives and parentheses, except one apposition or relative
  or participle clause between commas that the verb follows at once ("X, a group
  that ..., has attacked"). VERB is an auxiliary chain ("has been seized", "did not
  respond", "is a", "could quickly escalate") or one finite verb that the word
  classes and its neighbours make unambiguous ("fired the", "suggests that",
  "underscores significant"). "A said (that) B VERB ..." is read as B's clause.
  Anything else, or any doubt, gives None: the sentence goes to the parser.
- It answers what claim_rules.read_parse would: the predicate is the verb's lemma,
  the subjects are the entities in the subject text (the parse's nsubj subtree,
  which takes in an apposition), a not/never in the verb group makes the claim
  negative. Sentences whose parse reading goes elsewhere are left to the parser:
  raising verbs and "is likely to" (the xcomp), particle verbs ("carried out"),
  coordinated verbs ("X looked weak and may fall": the first is the root) and a
  second clause after ; or : (the parser may pick the other root). It always
  reports one root and a complete clause, as the parse of such a sentence does.
- A word that can be a noun counts as the verb only before a determiner
  ("highlights the"), never before a preposition ("attacks on").
- Relationship ends and modality, as the parse would give them: the subject's own
  noun phrase ends at its first preposition ("the government of X" counts X); the
  objects are what follows the verb up to a comma, a clause word or a verb phrase of
  their own ("to weaken", "and seized"), and a capitalised word past that point
  leaves the sentence to the parser. Hedging modals and adverbs and "reportedly" in
  the verb group, a reported clause and its verb ("said", "denied that", "suggests
  that") give the modality; a denial verb with a clause or a report noun after it,
  and "appears"/"seems", go to the parser.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from .attribution import AMBIGUOUS_VERBS, REPORTING_VERBS
from .entity_lexicon import STATE_HEADS
from .claim_rules import RAISING_LEMMAS, REPORTING_LEMMAS, Reading, verb_lemma
from .clause_lexicon import (
    AUXILIARIES,
    BE,
    CLAUSE_BREAKS,
    CLAUSE_WORDS,
    CONJUNCTIONS,
    DEGREE_WORDS,
    DETERMINERS,
    MODALS,
    NEGATORS,
    NOUN_CONTEXT,
    OPENERS,
    PARTICLES,
    PREPOSITIONS,
    RAISING_COMPLEMENTS,
    SAY_FORMS,
    SUBJECT_PUNCT,
    VERB_ADVERBS,
    VERB_GROUP_WORDS,
    WordClasses,
)
from .modality import (
    DENIAL_LEMMAS,
    HEDGE_ADVERBS,
    HEDGE_LEMMAS,
    HEDGE_MODALS,
    LIGHT_PREDICATES,
    REPORT_NOUNS,
    REPORTIVE_ADVERBS,
)

MAX_OPENING = 12  # tokens up to the comma that ends an opening phrase
MAX_INSERTION = 30  # tokens up to the comma that ends an apposition or relative clause
RELATIVES = frozenset({"which", "who", "whose"})


def lexical_reading(span: Span, base: int, wc: WordClasses) -> Reading | None:
    """The Reading of a plain claim sentence without a parse, or None (see module doc).
    `base` as for claim_rules.extract_claim."""
    tokens = _after_opening(list(span))
    return None if tokens is None else _scan(tokens, base, wc, reported=False)


def _scan(
    tokens: list[Token], base: int, wc: WordClasses, reported: bool, latest: int | None = None
) -> Reading | None:
    """Left to right: the subject, up to the first auxiliary or unambiguous finite verb.
    `reported`: the tokens are the clause of a reporting verb. `latest`: the last
    index the verb may have."""
    for i in range(1, len(tokens) if latest is None else min(len(tokens), latest + 1)):
        token, prev = tokens[i], tokens[i - 1]
        word, before = token.lower_, prev.lower_
        if token.text == "," and latest is None and not reported:
            return _after_insertion(tokens, i, base, wc)
        if word in AUXILIARIES and token.text.islower():
            if before in CONJUNCTIONS:
                return None  # "X looked weak and may fall": the first verb is the root
            return _verb_group(tokens, i, base, wc, reported) if _plain_subject(tokens[:i]) else None
        kind = None if word in PREPOSITIONS else _finite(token, wc)
        if kind is None:
            continue
        if before in NOUN_CONTEXT or before in DEGREE_WORDS or (prev.is_punct and prev.text != ")"):
            continue  # a noun or a participle inside the subject
        if _adverb(before, wc) and before not in VERB_ADVERBS and kind != "s":
            return None  # "highly trained" or "strongly condemned": the parse decides
        if token.text in REPORTING_VERBS:
            if word in AMBIGUOUS_VERBS and _finite(prev, wc) is not None:
                return None  # "rejected claims that ...": a noun, the object of a verb
            if reported or not _plain_subject(tokens[:i]):
                return None
            return _reported_clause(tokens[i + 1:], token, verb_lemma(token, wc.lemmas), base, wc)
        verdict = _verb_verdict(tokens, i, kind, wc)
        if verdict is None:
            return None
        if not verdict:
            continue
        if not _plain_subject(tokens[:i]):
            return None
        j = i
        while j > 0 and tokens[j - 1].lower_ in VERB_ADVERBS:
            j -= 1
        return _reading(tokens, i, i, [t for t in tokens[j:i] if t.lower_ in NEGATORS], base, wc, reported)
    return None


def _after_insertion(tokens: list[Token], i: int, base: int, wc: WordClasses) -> Reading | None:
    """"X, a group that ..., has attacked": an apposition or a relative clause between
    commas is part of the parse's subject. Read the sentence without it, the verb
    right after it (an adverb may come first); the subject text then spans it."""
    if not _plain_subject(tokens[:i]) or i + 1 >= len(tokens):
        return None
    first = tokens[i + 1]
    word = first.lower_
    if not (
        word in DETERMINERS
        or word in RELATIVES
        or (first.text[:1].isupper() and first.is_alpha)
        or (first.text.islower() and word.endswith(("ing", "ed")))
        or _adverb(word, wc)
    ):
        return None  # "X, in an address, said": an adverbial, not part of the subject
    close = next((k for k in range(i + 1, min(len(tokens), i + MAX_INSERTION)) if tokens[k].text == ","), None)
    if close is None or any(t.is_punct and t.text not in SUBJECT_PUNCT for t in tokens[i + 1:close]):
        return None
    reading = _scan(tokens[:i] + tokens[close + 1:], base, wc, reported=False, latest=i + 1)
    if reading is None:
        return None
    (start, end), insertion_end = reading.subject_chars[0], base + tokens[close].idx
    return replace(reading, subject_chars=((start, max(end, insertion_end)),))


def _verb_verdict(tokens: list[Token], i: int, kind: str, wc: WordClasses) -> bool | None:
    """Is the finite-verb form tokens[i] the verb, judging by its neighbours? False:
    read on (it is a noun); None: give up (the parse decides)."""
    prev, word = tokens[i - 1], tokens[i].lower_
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    following = after.lower_ if after is not None else ""
    noun_like = _noun_like(word, wc)
    if noun_like and following in {"to", "that"}:
        return None  # "X claim to have ...": a noun or a verb with a clause
    plural_before = prev.lower_.endswith("s")
    if kind == "base" and not (plural_before or prev.text[:1].isupper() or prev.lower_ in VERB_ADVERBS):
        return False  # a base form needs a plural or named subject
    if noun_like:
        if kind == "base" and plural_before and prev.text.islower() and after is not None and after.text[:1].isupper():
            return None  # "officials fear Russia could ...": a verb with a clause
        return following in DETERMINERS  # "highlights the" is a verb, "drone attack", "attacks on" nouns
    if (
        following in DETERMINERS
        or following == "that"
        or (after is not None and _opens_complement(after, wc))
        or (kind == "s" and following in PREPOSITIONS)
    ):
        return True
    return None


def _verb_group(tokens: list[Token], i: int, base: int, wc: WordClasses, reported: bool) -> Reading | None:
    """The Reading of the verb group opened by the auxiliary tokens[i]."""
    aux = tokens[i].lower_
    k = i + 1
    while k < len(tokens) and (tokens[k].lower_ in VERB_GROUP_WORDS or _adverb(tokens[k].lower_, wc)):
        k += 1
    if k >= len(tokens) or tokens[k].lower_ in RAISING_COMPLEMENTS:
        return None
    negators = [t for t in tokens[i + 1:k] if t.lower_ in NEGATORS]
    token = tokens[k]
    word = token.lower_
    plain_word = token.text.islower() and token.is_alpha
    if plain_word and aux not in MODALS and _participle(word, wc):
        passive = k + 1 < len(tokens) and tokens[k + 1].lower_ == "by"
        if aux in BE and word in wc.adjectives and not word.endswith("ing") and not passive:
            return None  # "are disciplined": an adjective or a passive, the parse decides
        return _reading(tokens, i, k, negators, base, wc, reported)
    if plain_word and aux in MODALS and word in wc.lemmas[1]:
        return _reading(tokens, i, k, negators, base, wc, reported)
    if aux in BE and _opens_complement(token, wc):
        return _reading(tokens, i, i, negators, base, wc, reported)
    return None


def _reading(
    tokens: list[Token], i: int, verb: int, negators: list[Token], base: int, wc: WordClasses, reported: bool
) -> Reading | None:
    """The Reading with tokens[:i] as the subject and tokens[verb] as the predicate."""
    token = tokens[verb]
    lemma = "be" if token.lower_ in BE else verb_lemma(token, wc.lemmas)
    if lemma in REPORTING_LEMMAS or token.lower_ in REPORTING_VERBS:
        return None if reported else _reported_clause(tokens[verb + 1:], token, lemma, base, wc)
    if lemma in RAISING_LEMMAS and (lemma != "be" or any(t.lower_ == "to" for t in tokens[verb + 1:verb + 3])):
        return None
    if lemma in HEDGE_LEMMAS or (lemma in DENIAL_LEMMAS and any(
            t.lower_ == "that" or t.lower_ in REPORT_NOUNS for t in tokens[verb + 1:])):
        return None  # "appears to", "rejected claims that ...": the parse finds the clause
    if verb + 1 < len(tokens) and tokens[verb + 1].lower_ in PARTICLES:
        return None
    rest = tokens[verb + 1:]
    if any(t.text in CLAUSE_BREAKS for t in rest):
        return None
    # The objects: what follows the verb, up to a comma or a clause word. A name past
    # that may belong to another clause (or to this one, "after the talks in X"): the
    # parse decides.
    # The subject's own noun phrase ends at its first preposition ("The port of X").
    preps = [k for k, t in enumerate(tokens[:i]) if t.lower_ in PREPOSITIONS and t.lower_ not in CONJUNCTIONS]
    head_end = preps[0] if preps else i
    if preps and tokens[head_end].lower_ == "of" and head_end > 0 and tokens[head_end - 1].lower_ in STATE_HEADS:
        head_end = preps[1] if len(preps) > 1 else i  # "the government of X": X acts (claim_rules._noun_phrase)
    head = tokens[:head_end]
    stop = next((k for k, t in enumerate(rest) if t.text == "," or t.lower_ in CLAUSE_WORDS
                 or _opens_verb_phrase(rest, k, wc) or _participle_clause(rest, k, wc)), len(rest))
    # Where the objects end matters only for a relationship: one needs a content
    # predicate and a name in the subject's own phrase.
    related = lemma not in LIGHT_PREDICATES and any(t.is_alpha and t.text[:1].isupper() for t in head)
    if related and not _clause_stop(rest, stop, wc) and any(t.is_alpha and t.text[:1].isupper() for t in rest[stop:]):
        return None
    if related and any(_verb_after_conjunction(rest, k, wc) for k in range(stop)):
        return None  # "and boats" or "and attacks": a noun or a second verb, the parse decides
    if any(t.text in REPORTING_VERBS for t in rest[stop:]):
        return None  # "..., forcing it to halt, the governor said": the root may be the speaker's verb
    objects = [t for t in rest[:stop] if not t.is_punct or t.text in SUBJECT_PUNCT]
    j = i
    while j > 0 and (tokens[j - 1].lower_ in VERB_ADVERBS or tokens[j - 1].lower_ in HEDGE_ADVERBS):
        j -= 1
    group = tokens[j:verb]
    first, last = tokens[0], tokens[i - 1]
    return Reading(
        predicate=lemma,
        subject_chars=((base + first.idx, base + last.idx + len(last.text)),),
        negator_starts=tuple(base + t.idx for t in negators),
        clause_complete=True,
        one_root=True,
        object_chars=((base + objects[0].idx, base + objects[-1].idx + len(objects[-1].text)),) if objects else (),
        subject_head_chars=((base + first.idx, base + head[-1].idx + len(head[-1].text)),) if head else (),
        hedge_starts=tuple(base + t.idx for t in group if t.lower_ in HEDGE_MODALS or t.lower_ in HEDGE_ADVERBS),
        reported=any(t.lower_ in REPORTIVE_ADVERBS for t in group),
    )


def _clause_stop(tokens: list[Token], k: int, wc: WordClasses) -> bool:
    """Does a clause of its own open at tokens[k], one the parse never counts among the
    predicate's objects? A relative or complement clause ("that", "which", "while"), a
    verb phrase ("to weaken", "and seized") or a participle clause after a comma
    (", aiming to", ", backed by"). Not "as", "after", "since" (prepositions too) nor a
    comma before a list or a speaker."""
    if k >= len(tokens):
        return True
    word = tokens[k].lower_
    if word in CLAUSE_WORDS:
        return word not in PREPOSITIONS
    if _participle_clause(tokens, k, wc):
        return True
    if tokens[k].text == ",":
        after = tokens[k + 1] if k + 1 < len(tokens) else None
        return after is not None and after.text.islower() and after.is_alpha and after.lower_.endswith(("ing", "ed"))
    return _opens_verb_phrase(tokens, k, wc)


def _opens_verb_phrase(tokens: list[Token], k: int, wc: WordClasses) -> bool:
    """Does tokens[k] open a verb phrase of its own: "to weaken ...", "and seized ..."?"""
    if tokens[k].lower_ not in CONJUNCTIONS and tokens[k].lower_ != "to":
        return False
    after = tokens[k + 1] if k + 1 < len(tokens) else None
    if after is None or not after.text.islower() or not after.is_alpha or after.lower_ in DETERMINERS:
        return False
    if tokens[k].lower_ == "to":
        return after.lower_ in wc.lemmas[1]
    return after.lower_ in AUXILIARIES or _finite(after, wc) == "past"


def _verb_after_conjunction(tokens: list[Token], k: int, wc: WordClasses) -> bool:
    """"and" or "or" before a present or base form that may be a verb or a noun."""
    after = tokens[k + 1] if k + 1 < len(tokens) else None
    return (tokens[k].lower_ in CONJUNCTIONS and after is not None and after.text.islower()
            and _finite(after, wc) in ("s", "base"))


def _participle_clause(tokens: list[Token], k: int, wc: WordClasses) -> bool:
    """A participle right after a noun opens a clause that modifies it ("fees collected
    by X", "ships carrying Y"): the parse's acl, never an object of the predicate."""
    if k == 0 or not tokens[k].text.islower() or not tokens[k].is_alpha:
        return False
    prev = tokens[k - 1]
    if not prev.is_alpha or prev.lower_ in NOUN_CONTEXT or prev.lower_ in DEGREE_WORDS or prev.lower_ in AUXILIARIES:
        return False
    if prev.lower_ in VERB_GROUP_WORDS or _adverb(prev.lower_, wc) or not _noun_like(prev.lower_, wc):
        return False
    word = tokens[k].lower_
    if word.endswith("ing"):  # "ships carrying", not "a stern warning"
        return not _noun_like(word, wc)
    after = tokens[k + 1].lower_ if k + 1 < len(tokens) else ""
    # "fees collected by X", "fighters held in Y"; a past form before a preposition
    return _participle(word, wc) and after in PREPOSITIONS and after not in CONJUNCTIONS


def _reported_clause(tokens: list[Token], verb: Token, lemma: str, base: int, wc: WordClasses) -> Reading | None:
    """The Reading of "A said (that) B ...": the parse reads B's clause (the reporting
    verb's ccomp), and so does this when B follows the verb at once and is plain. The
    clause is reported; denied after a denial verb, hedged after "suggests that"."""
    if not tokens or (verb.text not in REPORTING_VERBS and not (lemma in HEDGE_LEMMAS and tokens[0].lower_ == "that")):
        return None  # "X did not say": the parse may read it either way
    if tokens[0].lower_ == "that":
        tokens = tokens[1:]
    elif verb.text not in SAY_FORMS:
        return None  # "denied the reports X ...": an object, not a clause
    if not tokens or not (tokens[0].text[:1].isupper() or tokens[0].lower_ in DETERMINERS):
        return None  # "said on Tuesday that ...", "told reporters ..."
    reading = _scan(tokens, base, wc, reported=True)
    if reading is None:
        return None
    hedges = (base + verb.idx,) if lemma in HEDGE_LEMMAS else ()
    return replace(reading, reported=lemma not in DENIAL_LEMMAS, denied=lemma in DENIAL_LEMMAS,
                   hedge_starts=tuple(sorted(reading.hedge_starts + hedges)))


def _after_opening(tokens: list[Token]) -> list[Token] | None:
    """The tokens after a short opening phrase ("In Gaza, ..."); all of them without
    one; None when the opening is not a plain phrase."""
    if not tokens or tokens[0].lower_ not in OPENERS:
        return tokens
    comma = next((i for i, t in enumerate(tokens[:MAX_OPENING]) if t.text == ","), None)
    if comma is None or not _plain(tokens[1:comma]):
        return None
    return tokens[comma + 1:] or None


def _plain(tokens: list[Token]) -> bool:
    """No punctuation but SUBJECT_PUNCT, no line break, no clause word, no reporting verb."""
    return not any(
        (t.is_punct and t.text not in SUBJECT_PUNCT)
        or t.is_space
        or t.text in CLAUSE_WORDS
        or t.text in REPORTING_VERBS
        for t in tokens
    )


def _plain_subject(tokens: list[Token]) -> bool:
    return bool(tokens) and tokens[0].lower_ not in OPENERS and _plain(tokens)


def _finite(token: Token, wc: WordClasses) -> str | None:
    """"past", "s" (third person) or "base" for a lower-case word that can be a finite verb."""
    word = token.lower_
    if not word.isalpha() or not token.text.islower():
        return None
    exc, verbs, _ = wc.lemmas
    if word in exc and exc[word][0] != word:
        return None if word.endswith("ing") else "past"
    if word.endswith("ed") and verb_lemma(token, wc.lemmas) in verbs:
        return "past"
    if word.endswith("s") and not word.endswith("ss") and verb_lemma(token, wc.lemmas) in verbs:
        return "s"
    return "base" if word in verbs else None


def _participle(word: str, wc: WordClasses) -> bool:
    exc = wc.lemmas[0]
    return word.endswith(("ed", "ing")) or (word in exc and exc[word][0] != word)


def _noun_like(word: str, wc: WordClasses) -> bool:
    """Could the word be a noun (or an adjective) rather than a verb?"""
    if word in wc.nouns or word in wc.noun_forms or word in wc.adjectives:
        return True
    for old, new in (("ies", "y"), ("ses", "s"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"), ("s", "")):
        if word.endswith(old) and word[: len(word) - len(old)] + new in wc.nouns:
            return True
    return False


def _adverb(word: str, wc: WordClasses) -> bool:
    if not word.endswith("ly"):
        return False
    return word in wc.adverbs or word[:-2] in wc.adjectives or word[:-3] + "le" in wc.adjectives


def _opens_complement(token: Token, wc: WordClasses) -> bool:
    """Could an object or a complement start here (after a verb or "is")?"""
    word = token.lower_
    if word in DETERMINERS or word == "that" or token.like_num or (token.text[:1].isupper() and token.is_alpha):
        return True
    return (
        token.text.islower()
        and token.is_alpha
        and word not in PREPOSITIONS
        and (word in wc.adjectives or word in wc.nouns)
    )
