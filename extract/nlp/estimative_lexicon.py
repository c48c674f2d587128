"""Estimative language as data: ICD 203 likelihood terms, the phrases that express
them, hedge words, and stated-confidence vocabulary.

Conventions
- Term keys are exactly the ontology's likelihood vocabulary; a test checks they agree.
- Phrases are lower-case and matched on word boundaries, longest first, so
  "very unlikely" wins over "unlikely" and "almost certainly" over "certainly".
- A phrase maps to one term. Negation ("is not likely") maps the term through
  NEGATED_TERM; see estimative.py for the window that counts as negation.
- Hedge words (modal verbs and adverbs) mark a statement as hedged but carry no
  probability of their own: "could" says nothing about how likely. Only an explicit
  phrase sets a likelihood term.
"""

from __future__ import annotations

# ICD 203 likelihood terms and their probability ranges (inclusive bounds).
LIKELIHOOD_TERMS: dict[str, tuple[float, float]] = {
    "almost_no_chance": (0.01, 0.05),
    "very_unlikely": (0.05, 0.20),
    "unlikely": (0.20, 0.45),
    "roughly_even": (0.45, 0.55),
    "likely": (0.55, 0.80),
    "very_likely": (0.80, 0.95),
    "almost_certain": (0.95, 0.99),
}

# Phrase -> term. Order does not matter: matching sorts by length.
ESTIMATIVE_PHRASES: dict[str, str] = {
    # almost certain
    "almost certainly": "almost_certain",
    "almost certain": "almost_certain",
    "nearly certain": "almost_certain",
    "nearly certainly": "almost_certain",
    "virtually certain": "almost_certain",
    # very likely
    "highly likely": "very_likely",
    "very likely": "very_likely",
    "highly probable": "very_likely",
    "very probably": "very_likely",
    # likely
    "likely": "likely",
    "probably": "likely",
    "probable": "likely",
    "more likely than not": "likely",
    # roughly even
    "even chance": "roughly_even",
    "roughly even chance": "roughly_even",
    "roughly even odds": "roughly_even",
    "roughly even": "roughly_even",
    "even odds": "roughly_even",
    "fifty-fifty": "roughly_even",
    # unlikely
    "unlikely": "unlikely",
    "improbable": "unlikely",
    "probably not": "unlikely",
    # very unlikely
    "very unlikely": "very_unlikely",
    "highly unlikely": "very_unlikely",
    "highly improbable": "very_unlikely",
    "very improbable": "very_unlikely",
    # almost no chance
    "almost no chance": "almost_no_chance",
    "remote chance": "almost_no_chance",
    "remote possibility": "almost_no_chance",
    "remote likelihood": "almost_no_chance",
    "remote prospect": "almost_no_chance",
    # "remote" alone usually means "far away"; it counts only after these subjects.
    **{
        f"{subject} {verb} remote": "almost_no_chance"
        for subject in ("chance", "chances", "possibility", "likelihood", "prospect", "prospects")
        for verb in ("is", "are", "remains", "remain", "seems", "appears")
    },
}

# What a negated term becomes. "not likely" is "unlikely"; "not unlikely" is an
# understatement, weaker than "likely", so it becomes roughly even.
NEGATED_TERM: dict[str, str] = {
    "almost_certain": "unlikely",
    "very_likely": "unlikely",
    "likely": "unlikely",
    "roughly_even": "roughly_even",
    "unlikely": "roughly_even",
    "very_unlikely": "roughly_even",
    "almost_no_chance": "roughly_even",
}

# Negators that flip a following term when at most NEGATION_WINDOW words lie between.
NEGATORS: frozenset[str] = frozenset({"not", "n't", "n’t", "never", "no", "hardly"})
NEGATION_WINDOW = 2

# Hedges: the statement is not asserted as fact, but no probability is stated.
# Matched lower-case only, so the month "May" is not a hedge.
HEDGE_WORDS: frozenset[str] = frozenset({
    "could", "may", "might", "possibly", "potentially", "perhaps",
    "reportedly", "allegedly", "appears", "appear", "seems", "seem",
})

# Stated analytic confidence: words -> the ontology's three levels.
CONFIDENCE_WORDS: dict[str, str] = {
    "low": "low",
    "moderate": "moderate",
    "medium": "moderate",
    "high": "high",
}
