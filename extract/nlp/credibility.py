"""Information credibility (Admiralty 1–6) where, and only where, the text states it.

Conventions
- Values are the ontology's CredibilityScheme notations, as strings "1" … "6"
  (1 confirmed by other sources, 2 probably true, 3 possibly true, 4 doubtful,
  5 improbable, 6 truth cannot be judged). None means the text says nothing: a
  missing grade is never filled in with a default.
- `stated_credibility(note)` reads a digest's "Credibility: …" line. Its leading level
  word is the author's own grade and decides (LEVELS: high -> 2, moderate/medium -> 3,
  low -> 4; "high" is not "confirmed", so never 1). A note with no level word falls
  back to the explicit cues below; anything else ("Based on official statements") is None.
- `evidence_credibility(sentence)` reads explicit cues only (CUES, first match in
  table order wins, so a negated "could not be independently verified" is a 6 before
  "independently verified" can be a 1). A cue in a later concessive clause ("…,
  though casualty figures remain unverified") grades a detail, not the information,
  and is skipped. Sourcing that is merely described ("reports of", "supported by multiple
  reports") is not a grade.
"""

from __future__ import annotations

import re

from intelgraph.ontology import get_ontology

# The author's level word -> Admiralty credibility: the alternative labels of the
# ontology's Credibility terms ("high" -> 2 probably true, …).
LEVELS: dict[str, str] = {
    word: t.notation for t in get_ontology().vocabulary("Credibility") for word in t.alt_labels
}

_NEG = r"(?:\b(?:not|never|yet\s+to|unable\s+to|impossible\s+to)|n['’]t)"
_SOURCES = (r"(?:multiple|several|numerous|independent|other|separate|two|three)\s+(?:\w+\s+){0,2}"
            r"(?:sources|reports|accounts|outlets|witnesses)")
_CHECKED = r"(?:independently\s+)?(?:verified|confirmed|corroborated|verify|confirm|corroborate)\b"

# (credibility, pattern) in priority order: negated or doubting cues before confirming ones.
_TABLE = (
    ("6", r"\b(?:unverified|unconfirmed|uncorroborated|unsubstantiated|unverifiable)\b"),
    ("6", rf"{_NEG}\s+(?:\w+\s+){{0,3}}{_CHECKED}"),
    ("6", r"\b(?:cannot|can\s+not)\s+be\s+(?:judged|assessed|verified|confirmed)\b"),
    ("5", r"\b(?:improbable|implausible|disproven|debunked)\b"),
    ("5", rf"\bcontradicted\s+by\s+{_SOURCES}"),
    ("4", r"\b(?:doubtful|dubious)\b"),
    ("1", rf"\b(?:confirmed|corroborated|verified)\s+by\s+{_SOURCES}"),
    ("1", r"\bindependently\s+(?:confirmed|verified|corroborated)\b"),
    ("2", r"\bprobably\s+true\b"),
    ("3", r"\bpossibly\s+true\b"),
)
CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((grade, re.compile(p, re.IGNORECASE)) for grade, p in _TABLE)

_CONCESSIVE = re.compile(r"\b(?:though|although|but|while|whereas|however|except|even\s+if)\b", re.IGNORECASE)
_LEVEL_WORD = re.compile(r"^\W*(" + "|".join(LEVELS) + r")\b", re.IGNORECASE)


def evidence_credibility(sentence: str) -> str | None:
    """The Admiralty credibility an explicit cue in `sentence` states, or None."""
    for grade, pattern in CUES:
        for match in pattern.finditer(sentence):
            clause = max(sentence.rfind(mark, 0, match.start()) for mark in ",;:(")
            # "X, though <cue>" qualifies a detail of X; an opening "Although <cue>, X" grades X
            if clause < 0 or not _CONCESSIVE.search(sentence, clause + 1, match.start()):
                return grade
    return None


def stated_credibility(note: str | None) -> str | None:
    """The credibility a digest's "Credibility: …" line states, or None."""
    if not note:
        return None
    level = _LEVEL_WORD.match(note)
    if level:
        return LEVELS[level.group(1).lower()]
    return evidence_credibility(note)
