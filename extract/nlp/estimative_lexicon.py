"""Estimative language as data: ICD 203 likelihood terms, the phrases that express
them, hedge words, and stated-confidence vocabulary.

Conventions
- Terms, their probability ranges and the phrases that name them come from the
  ontology's Likelihood vocabulary (notation, skos:prefLabel, skos:altLabel); stated
  confidence words from its Confidence vocabulary. Nothing here copies them.
- Phrases are lower-case and matched on word boundaries, longest first, so
  "very unlikely" wins over "unlikely" and "almost certainly" over "certainly".
- A phrase maps to one term. Negation ("is not likely") maps the term through
  NEGATED_TERM; see estimative.py for the window that counts as negation.
- Hedge words (modal verbs and adverbs) mark a statement as hedged but carry no
  probability of their own: "could" says nothing about how likely. Only an explicit
  phrase sets a likelihood term.
"""

from __future__ import annotations

from intelgraph.ontology import get_ontology

_LIKELIHOOD = get_ontology().vocabulary("Likelihood")  # lowest rank first

# ICD 203 likelihood terms and their probability ranges (inclusive bounds).
LIKELIHOOD_TERMS: dict[str, tuple[float, float]] = {
    t.notation: (t.probability_low, t.probability_high) for t in _LIKELIHOOD
}


def _phrases() -> dict[str, str]:
    """Phrase -> term: every name the ontology gives a term. "remote" alone usually
    means "far away", so it names the lowest term only after these subjects."""
    phrases = {name: t.notation for t in _LIKELIHOOD for name in t.names()}
    lowest = _LIKELIHOOD[0].notation
    for subject in ("chance", "chances", "possibility", "likelihood", "prospect", "prospects"):
        for verb in ("is", "are", "remains", "remain", "seems", "appears"):
            phrases[f"{subject} {verb} remote"] = lowest
    return phrases


# Phrase -> term. Order does not matter: matching sorts by length.
ESTIMATIVE_PHRASES: dict[str, str] = _phrases()


def _negated() -> dict[str, str]:
    """What a negated term becomes. "not likely" is the term just below even odds
    ("unlikely"); "not unlikely" is an understatement, weaker than "likely", so any
    term at or below even odds becomes even odds."""
    even = next(i for i, t in enumerate(_LIKELIHOOD) if t.probability_low <= 0.5 <= t.probability_high)
    return {t.notation: _LIKELIHOOD[even - 1 if i > even else even].notation for i, t in enumerate(_LIKELIHOOD)}


NEGATED_TERM: dict[str, str] = _negated()

# Negators that flip a following term when at most NEGATION_WINDOW words lie between.
NEGATORS: frozenset[str] = frozenset({"not", "n't", "n’t", "never", "no", "hardly"})
NEGATION_WINDOW = 2

# Hedges: the statement is not asserted as fact, but no probability is stated.
# Matched lower-case only, so the month "May" is not a hedge.
HEDGE_WORDS: frozenset[str] = frozenset({
    "could", "may", "might", "possibly", "potentially", "perhaps",
    "reportedly", "allegedly", "appears", "appear", "seems", "seem",
})

# Stated analytic confidence: the level words ("low", "moderate", "medium", "high")
# -> the ontology's notation.
CONFIDENCE_WORDS: dict[str, str] = {
    word: t.notation for t in get_ontology().vocabulary("Confidence") for word in (t.notation, *t.alt_labels)
}
