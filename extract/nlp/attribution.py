"""Attribution: who a sentence says the information comes from.

Conventions
- Lexical rules over the tokens of one sentence, so they run the same on a blank
  pipeline and on the real model: "according to X", "citing X", "X said/says/
  stated/reported/claimed/announced/told/...", and the inverted '"...," said X'.
- The source is a short noun phrase (at most MAX_SOURCE tokens) next to the cue,
  cut at punctuation and clause words. It counts only if it is plausibly a source:
  a capitalised word, a source noun (officials, media, ministry, ...) or a pronoun.
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
MAX_SOURCE = 8
_SKIPPED_ADVERBS = frozenset({
    "also", "reportedly", "previously", "earlier", "later", "further", "again", "had", "has", "have",
})


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


def _plausible_source(tokens: list[Token]) -> bool:
    for t in tokens:
        low = t.lower_
        if low in SOURCE_NOUNS or low in PRONOUNS or (t.text[:1].isupper() and t.is_alpha and low != "the"):
            return True
    return False


def _as_attribution(tokens: list[Token], cue: str) -> Attribution | None:
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        if tokens[-1].text == ")" and any(t.text == "(" for t in tokens):
            break
        tokens = tokens[:-1]
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    if not tokens or not _plausible_source(tokens):
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
    return out


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


def find_attribution(span: Span) -> Attribution | None:
    """The attribution a sentence makes, or None."""
    n = len(span)
    for i, token in enumerate(span):
        low = token.lower_
        if low in PREPOSITION_CUES:
            follow = PREPOSITION_CUES[low]
            j = i + 1
            if follow:
                if j >= n or span[j].lower_ != follow:
                    continue
                j += 1
            found = _as_attribution(_phrase_after(span, j), f"{low} {follow}".strip())
            if found:
                return found
        elif low in REPORTING_VERBS and token.text.islower():
            nxt = span[i + 1].lower_ if i + 1 < n else "."
            if low in AMBIGUOUS_VERBS and nxt not in {"that", ",", ".", "!"}:
                continue
            # Passive: "... was reported by state media".
            if nxt == "by":
                found = _as_attribution(_phrase_after(span, i + 2), low)
                if found:
                    return found
            before = _phrase_before(span, i)
            # "... Ministry (MoD) said" and "quoted as saying" are left to the phrase before.
            if before and before[-1].lower_ not in {"the", "a", "an"}:
                found = _as_attribution(before, low)
                if found:
                    return found
            # Inverted: '"...," said the ministry.'
            if i > 0 and span[i - 1].text in {",", '"', "”", "’"}:
                found = _as_attribution(_phrase_after(span, i + 1), low)
                if found:
                    return found
    return None
