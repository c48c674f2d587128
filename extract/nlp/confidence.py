"""Stated analytic confidence: what a text says about its own confidence.

Conventions
- Returns the ontology's levels "low", "moderate", "high" ("medium" -> moderate).
- Layouts understood: "Overall confidence in this assessment is moderate",
  "Confidence level: High", "[S, Confidence: Moderate]", "Confidence: High, based on",
  "with moderate confidence", "we assess with high confidence", "low confidence",
  "low-to-moderate confidence" (the lower level: a range is only as sure as its floor).
- The earliest statement in the text wins.
- This is the author's confidence. It never feeds, or is fed by, extraction_score.
"""

from __future__ import annotations

import re

from .estimative_lexicon import CONFIDENCE_WORDS

_LEVEL = "(" + "|".join(CONFIDENCE_WORDS) + ")"

# "confidence [level] [in this assessment] is|: <level>"
_LEVEL_AFTER = re.compile(
    r"\bconfidence(?:\s+level)?(?:\s+(?:in|of|for)\s+[^.:;\n\]\[]{0,80}?)?"
    r"\s*(?:is|was|remains|are|:|=|-|–)\s*(?:assessed\s+as\s+|rated\s+(?:as\s+)?|considered\s+)?"
    + _LEVEL + r"\b",
    re.IGNORECASE,
)
# "<level>[-to-<level>] [level of|degree of] confidence"
_LEVEL_BEFORE = re.compile(
    r"\b" + _LEVEL + r"(?:\s*(?:-|–|to|-to-)\s*" + _LEVEL + r")?"
    r"(?:\s+(?:level|degree)\s+of)?\s+confidence\b",
    re.IGNORECASE,
)


def stated_confidence(text: str) -> str | None:
    """The analytic confidence `text` states about itself, or None."""
    found: list[tuple[int, str]] = []
    after = _LEVEL_AFTER.search(text)
    if after:
        found.append((after.start(), after.group(1)))
    before = _LEVEL_BEFORE.search(text)
    if before:
        found.append((before.start(), before.group(1)))
    if not found:
        return None
    return CONFIDENCE_WORDS[min(found)[1].lower()]
