"""Which judgements answer the same question: word overlap of hypothesis sets and bottom lines.

Two documents answer the same question when their competing hypotheses say much the
same thing (each hypothesis of one has a close counterpart among the other's), or,
where either has no hypotheses, when their bottom lines do. Only the first sentence of
each is compared: it states the claim, and what follows ("This is supported by …")
varies with the evidence of the day. Words are compared as lower-case content words
(spaCy's English stop words left out, a plural "s" dropped) by their Jaccard overlap:
no model and no download, the same answer every time.

The thresholds were set on the sample documents and the development corpus, where
reassessments of the same question scored 0.41–0.63 against their predecessors and
every other pair of reports 0.24 or less.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

# Hypothesis sets this alike answer the same question.
SAME_HYPOTHESES = 0.35
# Bottom lines this alike (used only where a document has no hypotheses) do too.
SAME_BOTTOM_LINE = 0.35

_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def first_sentence(text: str) -> str:
    return _SENTENCE_END.split(text.strip(), 1)[0]


@lru_cache(maxsize=4096)
def content_words(text: str) -> frozenset[str]:
    words = set()
    for word in _WORD.findall(text.lower()):
        if len(word) < 3 or word in STOP_WORDS:
            continue
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        words.add(word)
    return frozenset(words)


def overlap(a: str, b: str) -> float:
    """Jaccard overlap of the content words of two texts (0 when either has none)."""
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def hypothesis_set_similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """How alike two sets of competing hypotheses are: for each hypothesis of the
    smaller set, its best overlap with one of the other set, averaged."""
    if not a or not b:
        return 0.0
    a, b = [first_sentence(x) for x in a], [first_sentence(x) for x in b]
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return sum(max(overlap(x, y) for y in large) for x in small) / len(small)


def same_question(hyps_a: Sequence[str], hyps_b: Sequence[str], bottom_a: str | None,
                  bottom_b: str | None) -> tuple[bool, float]:
    """(whether two documents answer the same question, the score that decided it)."""
    if hyps_a and hyps_b:
        score = hypothesis_set_similarity(hyps_a, hyps_b)
        return score >= SAME_HYPOTHESES, score
    score = overlap(first_sentence(bottom_a or ""), first_sentence(bottom_b or ""))
    return score >= SAME_BOTTOM_LINE, score


def closest(text: str, candidates: dict[str, str], *, margin: float = 0.05) -> str | None:
    """The key of the candidate text `text` resembles most, if it stands out by `margin`
    over the next one (a bottom line that leans towards one hypothesis)."""
    scored = sorted(((overlap(text, c), key) for key, c in candidates.items()), reverse=True)
    if not scored or scored[0][0] == 0.0:
        return None
    if len(scored) > 1 and scored[0][0] - scored[1][0] < margin:
        return None
    return scored[0][1]


# Counts of things: a number and the words after it ("21 crew members", "1,500
# troops"); calendar words and units of time are dates and durations, not counts.
_COUNT = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?![\w.,]\d)\s+([a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)")
_NOT_COUNTED = frozenset(
    "january february march april may june july august september october november december "
    "second seconds minute minutes hour hours day days week weeks month months year years "
    "percent per cent".split())


def counts(text: str) -> dict[str, set[int]]:
    """What a text counts: measure (its content words) -> the numbers given for it."""
    found: dict[str, set[int]] = {}
    for m in _COUNT.finditer(text.lower()):
        words = [w for w in m.group(2).split() if w not in STOP_WORDS]
        if not words or words[0] in _NOT_COUNTED:
            continue
        found.setdefault(" ".join(words), set()).add(int(m.group(1).replace(",", "")))
    return found


def recounted(older: str, newer: str) -> str | None:
    """A measure both texts count with different numbers (a later count of the same
    thing supersedes the earlier one), or None."""
    a, b = counts(older), counts(newer)
    return next((measure for measure in a if measure in b and a[measure] != b[measure]), None)
