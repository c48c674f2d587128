"""Claims: declarative sentences that mention at least one entity.

Conventions
- `claim_bounds` decides whether a sentence can be a claim and trims it: leading
  bullets and list labels ("Hypothesis A: ", "Insight 1 [S, Confidence: High]: ") go;
  questions, headings and sentences without final punctuation (cut-off text) are not
  claims.
- `extract_claim` reads one claim from the tokens of the trimmed sentence. With a
  dependency parse: the predicate is the root's lemma (the complement clause of a
  reporting verb, "X said that Y attacked", the clause a denial verb governs, "X
  denied that Y armed" / "X denied arming" / "X rejected claims that Y armed", the
  complement of "no evidence that Y armed", and the xcomp of a raising verb, "X is
  likely to attack", stand in for the root); subjects are the entities in the
  nsubj/nsubjpass subtree; polarity is negative when the predicate has a `neg`
  child, a negative determiner opens the noun whose clause it is, or it is denied.
  Modality (modality.py) comes from the same clause: denied, hedged, reported,
  asserted. Without a parse: the first entity is the subject, no predicate, any
  "not"/"never" makes it negative, and modality comes from the words alone.
- Relationship ends (`relation_subject_keys`, `relation_object_keys`) are the
  predicate's own arguments: entities of the subject's own noun phrase (not its
  prepositional phrases, appositions or clauses) and of the objects right of the
  predicate (dobj, attr, dative, agent, prepositional objects, without clauses of
  their own). None without a parse, without a subject entity from the parse, or for
  a light predicate (be, have, ...). `object_keys` stays every other entity of the
  sentence: what the claim is about.
- What the parse says is a `Reading` (`read_parse`), in document offsets, so that
  extract_claim can take one from elsewhere: lexical_reading.py gives the same
  Reading for plain sentences without a parse.
- Without a subject entity from the parse, the first entity that is not the
  attribution source is the subject (the source itself if it is the only entity).
- Objects are the sentence's other entities, minus subjects and the attribution source.
- extraction_score (how sure the extractor is, never an analytic confidence):
  0.3 for a declarative sentence with an entity, +0.3 if the subject came from a
  subject dependency (+0.1 if it fell back to the first entity), +0.2 if the
  predicate heads a clause with a subject or auxiliary, +0.1 for an object entity,
  +0.1 if the parser saw the sentence as one sentence. Unparsed claims score <= 0.5.
- Offsets: `base` + token.idx are char offsets into the document text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .attribution import REPORTING_VERBS, find_attribution
from .entity_lexicon import STATE_HEADS
from .estimative import find_estimate
from .estimative_lexicon import HEDGE_WORDS
from .modality import (
    DENIAL_LEMMAS,
    DENY,
    HEDGE_ADVERBS,
    HEDGE_LEMMAS,
    HEDGE_MODALS,
    LIGHT_PREDICATES,
    NEGATIVE_DETERMINERS,
    PRONOUNS,
    REPORT_NOUNS,
    REPORTIVE_ADVERBS,
    denial_in_words,
    modality_of,
    polarity_of,
)

_BULLET = r"(?:[-–—•*·▪‣◦]+\s*|\(?\d{1,2}[.)]\s+|\(?[a-z][.)]\s+)?"
_LABEL_WORD = r"[A-Z0-9][\w’'&.\-]*"
_LABEL = (
    rf"(?:\*\*)?{_LABEL_WORD}(?:\s+(?:and|of|the|for|&|/|{_LABEL_WORD})){{0,6}}(?:\*\*)?"
    r"\s*(?:\[[^\]\n]{0,40}\])?\s*(?:\([^)\n]{0,30}\))?\s*(?:\*\*)?:\s+"
)
_BRACKET_LABEL = r"\[[^\]\n]{0,40}\]\s*:\s+"
_PREFIX = re.compile(rf"\s*{_BULLET}(?P<label>{_LABEL}|{_BRACKET_LABEL})?")
# Labels of rating lines ("Credibility: High, corroborated by ..."): not claims.
RATING_LABELS = frozenset({
    "credibility", "coherence", "confidence", "confidence level", "sentiment", "sentiment overview",
})
_TERMINAL = re.compile(r"[.!…][\"”’')\]]*$")
_WORD = re.compile(r"[A-Za-z]{2,}")
_RATING_KEY = re.compile(r"[^a-z]+")
MIN_WORDS = 3

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
CLAUSE_DEPS = SUBJECT_DEPS | {"aux", "auxpass"}
REPORTING_LEMMAS = frozenset({
    "say", "state", "report", "claim", "announce", "tell", "add", "note", "warn", "confirm",
    "deny", "insist", "assert", "allege", "disclose", "reveal", "estimate", "assess",
    "acknowledge", "indicate", "believe", "suggest",
})
# Verbs whose xcomp carries the real predicate: "X is likely to attack" -> attack.
RAISING_LEMMAS = frozenset({
    "be", "seem", "appear", "expect", "believe", "think", "continue", "remain", "tend",
    "likely", "unlikely", "say", "report", "poise", "set",
})
_NEGATORS = frozenset({"not", "n't", "n’t", "never"})
# Dependents of a predicate that are its objects ("supplied weapons to X": dobj, prep).
OBJECT_DEPS = frozenset({"dobj", "obj", "iobj", "attr", "oprd", "dative", "agent", "prep", "acomp"})
# Below an object, these head a clause of their own, with arguments of its own.
CLAUSAL_DEPS = frozenset({"relcl", "advcl", "ccomp", "csubj", "parataxis", "acl", "xcomp"})
# What a subject's own noun phrase is made of (see _noun_phrase).
NOUN_PHRASE_DEPS = frozenset({
    "compound", "amod", "poss", "det", "nmod", "nummod", "conj", "cc", "npadvmod", "quantmod", "flat", "case",
    "punct", "predet",
})

# Irregular and frequent forms for pipelines without lemma tables (blank tests).
_FALLBACK_LEMMAS = {
    "is": "be", "are": "be", "was": "be", "were": "be", "been": "be", "am": "be",
    "has": "have", "had": "have", "did": "do", "does": "do", "said": "say", "says": "say",
    "told": "tell", "made": "make", "took": "take", "sent": "send", "led": "lead",
}

LemmaTables = tuple[dict, dict, list] | None


def claim_bounds(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trimmed char bounds of a sentence that can be a claim, or None."""
    while end > start and text[end - 1].isspace():
        end -= 1
    prefix = _PREFIX.match(text, start, end)
    if prefix:
        label = prefix.group("label")
        if label and _RATING_KEY.sub(" ", label.split("[")[0].split("(")[0].lower()).strip() in RATING_LABELS:
            return None
        start = prefix.end()
    while start < end and text[start] in "*\"“”":
        start += 1
    if start >= end:
        return None
    sentence = text[start:end]
    if sentence.endswith("?") or not _TERMINAL.search(sentence):
        return None
    if len(_WORD.findall(sentence)) < MIN_WORDS:
        return None
    return start, end


def verb_lemma(token: Token, tables: LemmaTables) -> str:
    """Lower-case verb lemma: the token's own lemma if set, else the model's rule
    tables read as a verb, else a small fallback."""
    if token.lemma_:
        return token.lemma_.lower()
    word = token.lower_
    if tables is None:
        if word in _FALLBACK_LEMMAS:
            return _FALLBACK_LEMMAS[word]
        for suffix, repl in (("ies", "y"), ("ing", ""), ("ed", ""), ("s", "")):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                return word[: -len(suffix)] + repl
        return word
    exc, index, rules = tables
    if word in exc:
        return exc[word][0]
    if word in index:
        return word
    candidates = [word[: -len(old)] + new for old, new in rules if old and word.endswith(old)]
    return next((c for c in candidates if c in index), candidates[0] if candidates else word)


def verb_tables(lookups) -> LemmaTables:
    """The verb part of a rule lemmatizer's lookups (exceptions, index, suffix rules),
    or None when the tables are missing."""
    if not all(lookups.has_table(t) for t in ("lemma_exc", "lemma_index", "lemma_rules")):
        return None
    return (
        dict(lookups.get_table("lemma_exc").get("verb", {})),
        set(lookups.get_table("lemma_index").get("verb", [])),
        list(lookups.get_table("lemma_rules").get("verb", [])),
    )


def _tokens_chars(tokens, base: int) -> list[tuple[int, int]]:
    return [(base + t.idx, base + t.idx + len(t.text)) for t in tokens]


def _mentions_in(mentions: list[dict], ranges: list[tuple[int, int]]) -> list[dict]:
    return [m for m in mentions if any(s < m["end"] and m["start"] < e for s, e in ranges)]


def _keys(mentions: list[dict]) -> list[str]:
    return list(dict.fromkeys(m["key"] for m in mentions))


def _main_clause(span: Span, tables: LemmaTables) -> _Clause:
    """The clause that holds the claim: the root, or the clause it reports, denies or
    says there is no evidence for, then through raising verbs to their xcomp."""
    roots = [t for t in span if t.head.i == t.i]
    root = max(roots, key=lambda t: (len(list(t.subtree)), -t.i))
    c = _Clause(root, root, len(roots), [root])
    lemma = verb_lemma(root, tables)
    content = next((k for k in root.children if k.dep_ == "ccomp"), None)
    if root.lower_ in REPORTING_VERBS or lemma in REPORTING_LEMMAS or lemma in DENIAL_LEMMAS:
        if content is not None:  # a clause without a subject of its own is the speaker's
            c.move(content, subject_too=any(k.dep_ in SUBJECT_DEPS for k in content.children))
            c.reported = lemma not in DENIAL_LEMMAS
            c.denied = lemma in DENIAL_LEMMAS
    if c.clause is root and lemma in DENIAL_LEMMAS:
        gerund = next((k for k in root.children if k.dep_ in ("xcomp", "dobj", "ccomp") and k.lower_.endswith("ing")
                       and not any(s.dep_ in SUBJECT_DEPS for s in k.children)), None)
        if gerund is not None:  # "denied supplying weapons": the denier's own act
            c.move(gerund, subject_too=False)
            c.denied = True
    if c.clause is root:
        _noun_complement(c, root, lemma)
    for _ in range(3):
        clause = c.clause
        xcomp = next((k for k in clause.children if k.dep_ == "xcomp"), None)
        acomp = next((k for k in clause.children if k.dep_ == "acomp"), None)
        if xcomp is None and acomp is not None:
            xcomp = next((k for k in acomp.children if k.dep_ == "xcomp"), None)
        if xcomp is None or verb_lemma(clause, tables) not in RAISING_LEMMAS:
            break
        if any(k.dep_ in SUBJECT_DEPS for k in clause.children):
            c.subject_of = clause
        c.move(xcomp, subject_too=False)
    return c


def _noun_complement(c: "_Clause", root: Token, lemma: str) -> None:
    """"rejected claims that X ...", "there is no evidence that X ...": the claim is the
    complement clause of the root's object (or attribute); denied after a denial verb,
    negated after a negative determiner, reported after a report noun. "denied any
    role in ...": the noun is the predicate, denied."""
    for noun in (k for k in root.children if k.dep_ in ("dobj", "attr", "nsubj")):
        clause = next((k for k in noun.children if k.dep_ in ("acl", "ccomp")
                       and any(m.dep_ == "mark" and m.lower_ in ("that", "whether") for m in k.children)), None)
        negator = next((k for k in noun.children if k.dep_ in ("det", "neg") and k.lower_ in NEGATIVE_DETERMINERS),
                       None)
        if clause is not None and (lemma in DENIAL_LEMMAS or negator is not None or noun.lower_ in REPORT_NOUNS):
            c.move(clause, subject_too=True)
            c.denied = lemma in DENIAL_LEMMAS
            c.reported = noun.lower_ in REPORT_NOUNS
            if negator is not None:
                c.negators.append(negator)
            return
        if clause is None and lemma == DENY and noun.dep_ == "dobj" and noun.lower_ not in REPORT_NOUNS:
            c.predicate_token, c.denied = noun, True
            return


class _Clause:
    """Where the claim sits in the parse (see _main_clause)."""

    def __init__(self, clause: Token, subject_of: Token, n_roots: int, chain: list[Token]) -> None:
        self.clause, self.subject_of, self.n_roots, self.chain = clause, subject_of, n_roots, chain
        self.predicate_token: Token | None = None  # a noun that stands for the predicate
        self.reported = self.denied = False
        self.negators: list[Token] = []

    def move(self, clause: Token, subject_too: bool) -> None:
        self.clause = clause
        if subject_too:
            self.subject_of = clause
        self.chain.append(clause)


@dataclass(frozen=True, slots=True)
class Reading:
    """What the dependency parse says about a claim sentence; offsets are document
    offsets, so a reading taken from a window of the sentence applies to all of it."""

    predicate: str
    subject_chars: tuple[tuple[int, int], ...]
    negator_starts: tuple[int, ...]  # `neg` tokens on the predicate or its subject clause
    clause_complete: bool  # the predicate heads a clause with a subject or auxiliary
    one_root: bool
    imperative: bool = False
    # The predicate's own objects: dobj/attr/dative/agent and prep objects, with their
    # modifiers but no clause of their own (a relative clause, an adverbial clause).
    object_chars: tuple[tuple[int, int], ...] = ()
    # The subject's own noun phrase, without its prepositional phrases, appositions and
    # clauses: "The Zarnia navy", not "... strikes on Velland"; the actor of a relationship.
    subject_head_chars: tuple[tuple[int, int], ...] = ()
    hedge_starts: tuple[int, ...] = ()  # hedging modals, adverbs and verbs above the predicate
    reported: bool = False  # the clause of a reporting verb, or a reportive adverb on it
    denied: bool = False  # a denial verb governs the predicate


def read_parse(span: Span, base: int, tables: LemmaTables = None) -> Reading:
    """The Reading of a parsed span (`base` as for extract_claim)."""
    c = _main_clause(span, tables)
    clause, subject_of = c.clause, c.subject_of
    head = c.predicate_token or clause
    predicate = (head.lemma_ or head.text).lower() if c.predicate_token is not None else verb_lemma(head, tables)
    particle = next((k for k in clause.children if k.dep_ == "prt"), None)
    if particle is not None and c.predicate_token is None:
        predicate = f"{predicate} {particle.lower_}"
    subj_heads = [k for k in subject_of.children if k.dep_ in SUBJECT_DEPS]
    if clause is not subject_of:
        subj_heads += [k for k in clause.children if k.dep_ in SUBJECT_DEPS]
    if len(subj_heads) == 1 and subj_heads[0].lower_ in PRONOUNS and subject_of is not c.chain[0]:
        # "X said it would ...", "X denied that they ...": the pronoun is the speaker
        subj_heads = [k for k in c.chain[0].children if k.dep_ in SUBJECT_DEPS]
    # Tokens past the span (a window's added full stop) are nobody's subject.
    subj_tokens = [t for k in subj_heads for t in k.subtree if t.i < span.end]
    head_tokens = [t for k in subj_heads for t in _noun_phrase(k) if t.i < span.end]
    obj_tokens = [t for t in _objects(head) if t.i < span.end]
    heads = {clause.i, subject_of.i}
    chain_words = [k for t in c.chain for k in t.children if k.dep_ in ("aux", "advmod")]
    hedges = [k for k in chain_words if k.lower_ in HEDGE_MODALS or k.lower_ in HEDGE_ADVERBS]
    hedges += [t for t in c.chain if verb_lemma(t, tables) in HEDGE_LEMMAS]
    return Reading(
        predicate=predicate,
        subject_chars=tuple(_tokens_chars(subj_tokens, base)),
        negator_starts=tuple(sorted({base + t.idx for t in span if t.dep_ == "neg" and t.head.i in heads}
                                    | {base + t.idx for t in c.negators})),
        clause_complete=any(k.dep_ in CLAUSE_DEPS for k in clause.children)
        or any(k.dep_ in SUBJECT_DEPS for k in subject_of.children),
        one_root=c.n_roots == 1,
        # "Increase collection on X": a recommendation, not a claim.
        imperative=not subj_tokens and clause.i == span.start and clause is subject_of,
        object_chars=tuple(_tokens_chars(obj_tokens, base)),
        subject_head_chars=tuple(_tokens_chars(head_tokens, base)),
        hedge_starts=tuple(sorted(base + t.idx for t in hedges)),
        reported=c.reported or any(k.lower_ in REPORTIVE_ADVERBS for k in chain_words),
        denied=c.denied,
    )


def _objects(head: Token) -> list[Token]:
    """The predicate's object arguments with their modifiers, without clauses of their
    own (a relative or adverbial clause, or any word with a subject of its own:
    "in what they describe as ...")."""
    out: list[Token] = []
    # Right of the predicate only: an opening phrase ("After the vote in X, ...") sets the
    # scene; so does a phrase set off by a comma (", with naval manoeuvres in X").
    stack = [k for k in head.children if k.dep_ in OBJECT_DEPS and k.i > head.i
             and not (k.dep_ == "prep" and k.i > 0 and k.doc[k.i - 1].text == ",")]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(k for k in t.children if k.dep_ not in CLAUSAL_DEPS
                     and not any(g.dep_ in SUBJECT_DEPS for g in k.children))
    return sorted(out, key=lambda t: t.i)


def _noun_phrase(head: Token) -> list[Token]:
    """A subject's own noun phrase: the head with its compounds, modifiers, possessor and
    coordinated heads ("Zarnia and Velland"), not its prepositional phrases or clauses,
    except the state an institution belongs to ("the government of X": X acts)."""
    out: list[Token] = []
    stack = [head]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(k for k in t.children if k.dep_ in NOUN_PHRASE_DEPS)
        if t.lower_ in STATE_HEADS:
            stack.extend(p for k in t.children if k.dep_ == "prep" and k.lower_ == "of"
                         for p in k.children if p.dep_ == "pobj")
    return sorted(out, key=lambda t: t.i)


def extract_claim(
    span: Span,
    base: int,
    mentions: list[dict],
    tables: LemmaTables = None,
    reading: Reading | None = None,
) -> dict | None:
    """One claim from the tokens of a trimmed sentence, or None without an entity.

    `mentions` are the document's mentions inside the span (document offsets);
    `base` is the document offset of `span.doc`'s first character. `reading` is the
    parse's view of the sentence; without one, it is read from `span` if parsed.
    """
    if not mentions:
        return None
    text = span.text
    estimate = find_estimate(text)
    consumed = None if estimate.negator_start is None else base + span.start_char + estimate.negator_start
    attribution = find_attribution(span)
    attribution_key = _attribution_key(attribution, base, mentions)
    if reading is None and span.doc.has_annotation("DEP"):
        reading = read_parse(span, base, tables)
    if reading is not None and reading.imperative:
        return None
    subjects, negative, score = _subjects(span, base, mentions, reading, consumed)
    if not subjects:
        # The first entity that is not the source; "X said ..." about no other entity
        # is a claim by and about X.
        subjects = [next((m for m in mentions if m["key"] != attribution_key), mentions[0])]
        score += 0.1
    subject_keys = _keys(subjects)
    objects = [k for k in _keys(mentions) if k not in subject_keys and k != attribution_key]
    if objects:
        score += 0.1
    relation_subjects, relation_objects = _arguments(mentions, reading, subject_keys, attribution_key)
    words = [t.lower_ for t in span]
    if reading is not None:
        denied, hedged = reading.denied, bool(reading.hedge_starts) or estimate.term is not None
        reported = reading.reported
    else:
        denied = denial_in_words(words)
        hedged = estimate.term is not None or any(
            t.lower_ in HEDGE_WORDS and t.lower_ not in REPORTIVE_ADVERBS and t.text.islower() for t in span)
        reported = False
    reported = reported or attribution is not None or any(w in REPORTIVE_ADVERBS for w in words)
    probability = estimate.probability
    return {
        "start": base + span.start_char,
        "end": base + span.end_char,
        "text": text,
        "subject_keys": subject_keys,
        "object_keys": objects,
        "predicate": reading.predicate if reading is not None else None,
        "polarity": polarity_of(negative, denied),
        "modality": modality_of(denied=denied, hedged=hedged, reported=reported),
        "relation_subject_keys": relation_subjects,
        "relation_object_keys": relation_objects,
        "hedged": estimate.hedged,
        "likelihood": estimate.term,
        "probability_low": probability[0] if probability else None,
        "probability_high": probability[1] if probability else None,
        "estimative_phrase": estimate.phrase,
        "attribution": attribution.text if attribution else None,
        "attribution_key": attribution_key,
        "extraction_score": round(min(score, 1.0), 2),
    }


def _arguments(mentions: list[dict], reading: Reading | None, subject_keys: list[str],
               attribution_key: str | None) -> tuple[list[str], list[str]]:
    """(subjects, objects) of the relationships the claim supports: the entities that
    are the predicate's own subject and objects in the parse, none for a light predicate
    or a subject the parse did not give."""
    if reading is None or reading.predicate in LIGHT_PREDICATES:
        return [], []
    subjects = [k for k in _keys(_mentions_in(mentions, list(reading.subject_head_chars))) if k in subject_keys]
    objects = [k for k in _keys(_mentions_in(mentions, list(reading.object_chars)))
               if k not in subjects and k != attribution_key]  # "according to X" is a source
    if not subjects or not objects:
        return [], []
    return subjects, objects


def _attribution_key(attribution, base: int, mentions: list[dict]) -> str | None:
    """The key of the entity a claim is attributed to ("…, the ministry said"), if it is one."""
    if attribution is None:
        return None
    source = _mentions_in(mentions, [(base + attribution.start, base + attribution.end)])
    return source[0]["key"] if source else None


def _subjects(span: Span, base: int, mentions: list[dict], reading: Reading | None,
              consumed: int | None) -> tuple[list[dict], bool, float]:
    """(subject mentions, negated, score so far) from the parse's reading, or, without
    one, negation from the words alone. `consumed` is a negator the likelihood term
    already used ("not likely"), which does not negate the claim again."""
    score = 0.3
    if reading is None:
        return [], any(t.lower_ in _NEGATORS and base + t.idx != consumed for t in span), score
    subjects = _mentions_in(mentions, list(reading.subject_chars))
    score += 0.3 * bool(subjects) + 0.2 * reading.clause_complete + 0.1 * reading.one_root
    return subjects, any(s != consumed for s in reading.negator_starts), score
