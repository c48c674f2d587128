"""Estimative language in a sentence -> an ICD 203 likelihood term, negation, hedging.

Conventions
- Works on plain text (a sentence), so it runs the same with or without a parser.
- The first explicit phrase in the sentence wins (the main judgement usually comes
  first); longer phrases beat the shorter ones they contain.
- A negator up to NEGATION_WINDOW words before the phrase flips it through
  NEGATED_TERM ("is not likely" -> unlikely). The negator's offsets are returned so
  the claim rules do not count the same "not" again as the claim's polarity.
- `hedged` is True when a hedge word (could, may, might, possibly, ...) or any
  likelihood phrase is present: either way the text does not assert a plain fact.
  Hedge words alone give no likelihood term: "could" states no probability.
- A likelihood term is recorded only where it estimates (`_not_an_estimate`): a
  comparative ("more / less likely", "Hypothesis A is more likely than B") ranks
  options and states no probability, and a superlative naming an option ("the most
  likely hypothesis / scenario / explanation") picks one; neither is an ICD 203
  statement about an event. "will most likely …" still estimates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .estimative_lexicon import (
    ESTIMATIVE_PHRASES,
    HEDGE_WORDS,
    LIKELIHOOD_TERMS,
    NEGATED_TERM,
    NEGATION_WINDOW,
    NEGATORS,
)


def _phrase_pattern(phrase: str) -> str:
    return r"\s+".join(re.escape(word) for word in phrase.split())


_PHRASES = re.compile(
    r"(?<![\w-])("
    + "|".join(_phrase_pattern(p) for p in sorted(ESTIMATIVE_PHRASES, key=len, reverse=True))
    + r")(?![\w-])",
    re.IGNORECASE,
)
_HEDGES = re.compile(r"(?<![\w-])(" + "|".join(sorted(HEDGE_WORDS, key=len, reverse=True)) + r")(?![\w-])")
_WORDS = re.compile(r"[\w’']+")
_DEGREE = re.compile(r"(?:\b(?P<degree>more|less|most|least)\s+)$", re.IGNORECASE)
_OPTION_NOUN = re.compile(
    r"\s+(?:\w+\s+)?(?:hypothes[ie]s|scenarios?|explanations?|interpretations?|outcomes?|options?|cases?|"
    r"courses?|readings?|causes?|candidates?|ones?|paths?|trajector(?:y|ies)|possibilit(?:y|ies))\b", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Estimate:
    """What a sentence says about likelihood. Offsets are into the text given."""

    term: str | None
    phrase: str | None
    start: int | None
    end: int | None
    negated: bool
    negator_start: int | None
    hedged: bool

    @property
    def probability(self) -> tuple[float, float] | None:
        return LIKELIHOOD_TERMS[self.term] if self.term else None


def _negator_before(text: str, start: int) -> int | None:
    """Offset of a negator among the NEGATION_WINDOW + 1 words before `start`."""
    words = list(_WORDS.finditer(text, 0, start))[-(NEGATION_WINDOW + 1):]
    for word in reversed(words):
        w = word.group(0).lower()
        if w in NEGATORS:
            return word.start()
        if w.endswith(("n't", "n’t")):
            return word.end() - 3
    return None


def _not_an_estimate(text: str, match: re.Match[str]) -> bool:
    """A comparative or an option-picking superlative around the phrase (module doc)."""
    degree = _DEGREE.search(text, 0, match.start())
    if degree is None or " " in match.group(1).strip():
        return False  # only a one-word term takes a degree ("more likely than not" is a term)
    if degree["degree"].lower() in ("more", "less"):
        return True
    return bool(_OPTION_NOUN.match(text, match.end()))


def find_estimate(text: str) -> Estimate:
    """The likelihood term, negation and hedging of one sentence."""
    hedged = _HEDGES.search(text) is not None
    for match in _PHRASES.finditer(text):
        if _not_an_estimate(text, match):
            continue
        phrase = _SPACES.sub(" ", match.group(1).lower())
        term = ESTIMATIVE_PHRASES[phrase]
        negator = _negator_before(text, match.start())
        if negator is not None:
            term = NEGATED_TERM[term]
        else:
            # A phrase with its own negator ("probably not") already says it.
            inner = next((w for w in _WORDS.finditer(match.group(1)) if w.group(0).lower() == "not"), None)
            negator = match.start() + inner.start() if inner else None
        return Estimate(term, phrase, match.start(), match.end(), negator is not None, negator, True)
    return Estimate(None, None, None, None, False, None, hedged)

