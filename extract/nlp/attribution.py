"""Attribution: who a sentence says the information comes from.

Conventions
- Lexical rules over the tokens of one sentence, so they run the same on a blank
  pipeline and on the real model: "according to X", "citing X", "X said/says/
  stated/reported/claimed/announced/told/...", and the inverted '"...," said X'.
- The source is a short noun phrase (at most MAX_SOURCE tokens) next to the cue,
  cut at punctuation and clause words. It counts only if it is plausibly a source:
  a capitalised word, a source noun (officials, media, ministry, ...) or a pronoun,
  and not a time ("on Tuesday", "Thursday"): days and dates never speak.
- "citing X" cites a speaker only when X's head is a source noun or a name ("citing a
  senior officer"), not a reason ("citing ongoing aggression").
- An ambiguous form after a preposition, a quantifier or a past verb is a noun
  ("contrary to reports,", "rejected claims that").
- A reporting verb right after a possessive or a determiner is an adjective ("Huawei's
  alleged ties", "the reported deaths"), not a cue.
- An appositive between the speaker and the verb is skipped: "Al Masirah TV, a
  station run by the movement, reported …" is Al Masirah TV.
- The inverted form ('"…," said the ministry') is read only after a verb of saying.
- Offsets are char offsets into the span's Doc; the caller maps them to its text.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

REPORTING_VERBS: frozenset[str] = frozenset({
    "said", "says", "say", "stated", "states", "reported", "reports", "claimed", "claims",
    "announced", "announces", "told", "tells", "added", "noted", "warned", "warns",
    "confirmed", "confirms", "denied", "denies", "insisted", "asserted", "alleged",
    "alleges", "disclosed", "revealed", "estimated", "estimates", "assessed",
    "assesses", "acknowledged", "indicated",
})
# Forms that are nouns as often as verbs ("reports of aid"): they count as a cue only
# before "that", a comma or the end of the sentence.
AMBIGUOUS_VERBS: frozenset[str] = frozenset({"reports", "claims", "states", "estimates", "report", "say"})
PREPOSITION_CUES: dict[str, str] = {"according": "to", "citing": "", "per": ""}

SOURCE_NOUNS: frozenset[str] = frozenset({
    "officials", "official", "media", "spokesperson", "spokesman", "spokeswoman",
    "ministry", "agency", "sources", "source", "analysts", "analyst", "report",
    "reports", "statement", "government", "authorities", "military", "army",
    "police", "diplomats", "diplomat", "intelligence", "observers", "experts",
    "witnesses", "residents", "investigators", "prosecutors", "office", "service",
    "command", "newspaper", "outlet", "broadcaster", "news", "television", "tv", "radio",
    "press", "daily", "wire", "spokespeople", "representatives", "aides", "envoy",
    "officer", "officers", "commander", "commanders",
})
PRONOUNS: frozenset[str] = frozenset({"he", "she", "they", "it", "we"})

# Words that end a source phrase when walking away from the cue.
_STOP_WORDS: frozenset[str] = frozenset({
    "that", "which", "who", "and", "but", "or", "as", "while", "when", "because",
    "if", "since", "also", "has", "have", "had", "is", "are", "was", "were", "on",
    "in", "last", "earlier", "previously", "recently", "this", "week", "month",
})
MAX_SOURCE = 12
_SKIPPED_ADVERBS = frozenset({
    "also", "reportedly", "previously", "earlier", "later", "further", "again", "had", "has", "have",
    "first", "initially", "separately", "publicly", "repeatedly", "officially", "then", "now",
})
# Verbs of saying that may come before their subject: '"…," said the ministry.'
_INVERTING = frozenset({"said", "says", "added", "noted", "stated", "reported", "wrote", "warned", "explained"})
# Words that make a phrase a time, not a speaker.
TIME_WORDS: frozenset[str] = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight morning afternoon "
    "evening night week weekend month year time local january february march april may june july august "
    "september october november december jan feb mar apr jun jul aug sep sept oct nov dec on at in by "
    "early late last this next the a".split())
_MODIFIERS = frozenset({"'s", "’s", "the", "a", "an", "its", "their", "his", "her", "our"})
# Words after which an ambiguous form ("reports") is a noun, never a verb.
_NOUN_BEFORE = frozenset({"to", "of", "despite", "amid", "about", "on", "with", "without", "against", "by",
                          "earlier", "recent", "conflicting", "such", "these", "those", "some", "many"})


@dataclass(frozen=True, slots=True)
class Attribution:
    text: str
    start: int
    end: int
    cue: str


def _is_boundary(token: Token) -> bool:
    if token.is_space or token.text in {",", ";", ":", "(", ")", '"', "“", "”", "—", "–"}:
        return True
    return token.is_punct and token.text not in {"'s", "’s", "'", "’", ".", "-"}


def _is_time(tokens: list[Token]) -> bool:
    return all(t.lower_ in TIME_WORDS or t.like_num or t.is_punct for t in tokens)


def _head_is_source(tokens: list[Token]) -> bool:
    """The phrase's head (its last word outside a parenthesis) is a source noun or a name."""
    words = [t for t in tokens if t.is_alpha]
    head = words[-1] if words else None
    return head is not None and (head.lower_ in SOURCE_NOUNS or head.text[:1].isupper())


def _plausible_source(tokens: list[Token]) -> bool:
    if _is_time(tokens):
        return False
    for t in tokens:
        low = t.lower_
        if low in SOURCE_NOUNS or low in PRONOUNS or (t.text[:1].isupper() and t.is_alpha and low != "the"):
            return True
    return False


def _as_attribution(tokens: list[Token], cue: str, *, head_required: bool = False) -> Attribution | None:
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        if tokens[-1].text == ")" and any(t.text == "(" for t in tokens):
            break
        tokens = tokens[:-1]
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    if not tokens or not _plausible_source(tokens) or (head_required and not _head_is_source(tokens)):
        return None
    doc = tokens[0].doc
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return Attribution(doc[tokens[0].i : tokens[-1].i + 1].text, start, end, cue)


def _phrase_after(span: Span, i: int) -> list[Token]:
    out: list[Token] = []
    for token in span[i:]:
        if _is_boundary(token) or (out and token.lower_ in _STOP_WORDS) or len(out) >= MAX_SOURCE:
            break
        out.append(token)
    return _coordinated(span, i + len(out), out)


def _coordinated(span: Span, j: int, out: list[Token]) -> list[Token]:
    """"US, South Korean and Ukraine intelligence officials": a list of modifiers cut at
    its first comma runs on to the source noun that heads it."""
    if not out or j >= len(span) or span[j].text != ",":
        return out
    rest = list(span[j:j + MAX_SOURCE])
    head = None  # the last source noun of the run, after its "and" / "or"
    for k, token in enumerate(rest):
        if token.text in {".", ";", ":"} or token.lower_ in _STOP_WORDS - {"and", "or"}:
            break
        if token.lower_ in SOURCE_NOUNS and any(t.lower_ in ("and", "or") for t in rest[:k]):
            head = k
    return out + rest[:head + 1] if head is not None else out


def _phrase_before(span: Span, i: int) -> list[Token]:
    """The source phrase ending just before token i: adverbs next to the verb are
    skipped ("X also said"), a short parenthesis is kept ("Service (NIS) said")."""
    j = i - 1
    while j >= 0 and span[j].lower_ in _SKIPPED_ADVERBS:
        j -= 1
    out: list[Token] = []
    while j >= 0 and len(out) < MAX_SOURCE:
        token = span[j]
        if token.text == ")":
            opening = next((k for k in range(j - 1, max(j - 5, -1), -1) if span[k].text == "("), None)
            if opening is not None and opening > 0:
                out.extend(reversed(list(span[opening:j + 1])))
                j = opening - 1
                continue
        if _is_boundary(token) or token.lower_ in _STOP_WORDS:
            break
        out.append(token)
        j -= 1
    return out[::-1]


def _appositive_speaker(span: Span, i: int) -> list[Token]:
    """The speaker on either side of an appositive that ends, with a comma, just before
    the verb at i: "X, a station run by Y, reported" is X; "The harbour master, Lena
    Holt, said" is Lena Holt (the name between the commas)."""
    if i < 2 or span[i - 1].text != ",":
        return []
    for k in range(i - 2, max(i - 16, 0), -1):
        if span[k].text == ",":
            inner = list(span[k + 1:i - 1])
            if inner and inner[0].lower_ in {"a", "an", "the"}:
                return _phrase_before(span, k)
            if inner and all(t.text[:1].isupper() or t.is_punct for t in inner) and len(inner) <= 4:
                return inner
            return []
    return []


def _preposition_cue(span: Span, i: int, low: str) -> Attribution | None:
    follow = PREPOSITION_CUES[low]
    j = i + 1
    if follow:
        if j >= len(span) or span[j].lower_ != follow:
            return None
        j += 1
    # "citing" also gives reasons ("citing ongoing aggression"): only a speaker counts
    return _as_attribution(_phrase_after(span, j), f"{low} {follow}".strip(), head_required=low == "citing")


def _past_verb(token: Token) -> bool:
    """A lower-case past form ("rejected", "dismissed"): what follows it is its object."""
    return token.text.islower() and token.is_alpha and token.lower_.endswith("ed")


def _verb_cue(span: Span, i: int, low: str) -> Attribution | None:
    n = len(span)
    nxt = span[i + 1].lower_ if i + 1 < n else "."
    if low in AMBIGUOUS_VERBS and nxt not in {"that", ",", ".", "!"}:
        return None
    if low in AMBIGUOUS_VERBS and i > 0 and (span[i - 1].lower_ in _NOUN_BEFORE or _past_verb(span[i - 1])):
        return None  # "contrary to reports, ...", "rejected claims that ...": a noun
    if i > 0 and span[i - 1].lower_ in _MODIFIERS:
        return None  # "Huawei's alleged ties", "the reported deaths": an adjective
    # Passive: "... was reported by state media".
    if nxt == "by" and (found := _as_attribution(_phrase_after(span, i + 2), low)):
        return found
    before = _phrase_before(span, i)
    # "... Ministry (MoD) said" and "quoted as saying" are left to the phrase before.
    if before and before[-1].lower_ not in {"the", "a", "an"} and (found := _as_attribution(before, low)):
        return found
    if not before and (found := _as_attribution(_appositive_speaker(span, i), low)):
        return found
    # Inverted: '"...," said the ministry.'
    if low in _INVERTING and i > 0 and span[i - 1].text in {",", '"', "”", "’"}:
        return _as_attribution(_phrase_after(span, i + 1), low)
    return None


def _quoted_as_saying(span: Span, i: int) -> Attribution | None:
    """"X, the chief of staff, was quoted as saying.": X."""
    if [t.lower_ for t in span[i + 1:i + 3]] != ["as", "saying"]:
        return None
    j = i - 1 if i > 0 and span[i - 1].lower_ in {"was", "were", "is", "are", "been"} else i
    before = _phrase_before(span, j)
    return _as_attribution(before or _appositive_speaker(span, j), "quoted")


def find_attribution(span: Span) -> Attribution | None:
    """The attribution a sentence makes, or None."""
    for i, token in enumerate(span):
        low = token.lower_
        if low == "quoted":
            found = _quoted_as_saying(span, i)
        elif low in PREPOSITION_CUES:
            found = _preposition_cue(span, i, low)
        elif low in REPORTING_VERBS and token.text.islower():
            found = _verb_cue(span, i, low)
        else:
            continue
        if found:
            return found
    return None
