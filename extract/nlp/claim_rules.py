"""Claims: declarative sentences that mention at least one entity.

Conventions
- `claim_bounds` decides whether a sentence can be a claim and trims it: leading
  bullets and list labels ("Hypothesis A: ", "Insight 1 [S, Confidence: High]: ") go;
  questions, headings and sentences without final punctuation (cut-off text) are not
  claims.
- `extract_claim` reads one claim from the tokens of the trimmed sentence. With a
  dependency parse: the predicate is the root's lemma (the complement clause of a
  reporting verb, "X said that Y attacked", and the xcomp of a raising verb,
  "X is likely to attack", stand in for the root); subjects are the entities in the
  nsubj/nsubjpass subtree; polarity is negative when the predicate has a `neg`
  child. Without a parse: the first entity is the subject, no predicate, and any
  "not"/"never" makes it negative.
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
from .estimative import find_estimate

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
    "acknowledge", "indicate", "believe",
})
# Verbs whose xcomp carries the real predicate: "X is likely to attack" -> attack.
RAISING_LEMMAS = frozenset({
    "be", "seem", "appear", "expect", "believe", "think", "continue", "remain", "tend",
    "likely", "unlikely", "say", "report", "poise", "set",
})
_NEGATORS = frozenset({"not", "n't", "n’t", "never"})

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


def _main_clause(span: Span, tables: LemmaTables) -> tuple[Token, Token, int]:
    """(predicate token, token whose subject to use, number of roots)."""
    roots = [t for t in span if t.head.i == t.i]
    root = max(roots, key=lambda t: (len(list(t.subtree)), -t.i))
    clause, subject_of = root, root
    if root.lower_ in REPORTING_VERBS or verb_lemma(root, tables) in REPORTING_LEMMAS:
        content = next((c for c in root.children if c.dep_ == "ccomp"), None)
        if content is not None:
            clause = subject_of = content
    for _ in range(3):
        xcomp = next((c for c in clause.children if c.dep_ == "xcomp"), None)
        acomp = next((c for c in clause.children if c.dep_ == "acomp"), None)
        if xcomp is None and acomp is not None:
            xcomp = next((c for c in acomp.children if c.dep_ == "xcomp"), None)
        if xcomp is None or verb_lemma(clause, tables) not in RAISING_LEMMAS:
            break
        if any(c.dep_ in SUBJECT_DEPS for c in clause.children):
            subject_of = clause
        clause = xcomp
    return clause, subject_of, len(roots)


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


def read_parse(span: Span, base: int, tables: LemmaTables = None) -> Reading:
    """The Reading of a parsed span (`base` as for extract_claim)."""
    clause, subject_of, n_roots = _main_clause(span, tables)
    predicate = verb_lemma(clause, tables)
    particle = next((c for c in clause.children if c.dep_ == "prt"), None)
    if particle is not None:
        predicate = f"{predicate} {particle.lower_}"
    subj_tokens = [t for c in subject_of.children if c.dep_ in SUBJECT_DEPS for t in c.subtree]
    if clause is not subject_of:
        subj_tokens += [t for c in clause.children if c.dep_ in SUBJECT_DEPS for t in c.subtree]
    # Tokens past the span (a window's added full stop) are nobody's subject.
    subj_tokens = [t for t in subj_tokens if t.i < span.end]
    heads = {clause.i, subject_of.i}
    return Reading(
        predicate=predicate,
        subject_chars=tuple(_tokens_chars(subj_tokens, base)),
        negator_starts=tuple(base + t.idx for t in span if t.dep_ == "neg" and t.head.i in heads),
        clause_complete=any(c.dep_ in CLAUSE_DEPS for c in clause.children)
        or any(c.dep_ in SUBJECT_DEPS for c in subject_of.children),
        one_root=n_roots == 1,
        # "Increase collection on X": a recommendation, not a claim.
        imperative=not subj_tokens and clause.i == span.start and clause is subject_of,
    )


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
    probability = estimate.probability
    return {
        "start": base + span.start_char,
        "end": base + span.end_char,
        "text": text,
        "subject_keys": subject_keys,
        "object_keys": objects,
        "predicate": reading.predicate if reading is not None else None,
        "polarity": "negative" if negative else "positive",
        "hedged": estimate.hedged,
        "likelihood": estimate.term,
        "probability_low": probability[0] if probability else None,
        "probability_high": probability[1] if probability else None,
        "estimative_phrase": estimate.phrase,
        "attribution": attribution.text if attribution else None,
        "attribution_key": attribution_key,
        "extraction_score": round(min(score, 1.0), 2),
    }


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
