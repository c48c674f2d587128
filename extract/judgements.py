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

`lineage_link` is the one rule that says whether two documents' judgements answer the
same question (services.lineage writes its answer into the graph as REVISES at ingest;
briefs group judgements by it): the word overlap above, and two checks beside it,
which keep the score and the evidence for the relationship: the two must share an
entity or a topic where both name any (two "state-directed or independent" hypothesis
sets about different countries are different questions), and rapidfuzz's token-set
similarity of the bottom lines, which admits a bottom line that restates an earlier
one with a few words changed but only with a shared entity. Bottom lines are compared
only where both state a confidence or a likelihood: without one, and without
hypotheses, a bottom line summarises events and is no judgement to follow. `what_changed` says how
the newer answer moved from the older (the JudgementChange vocabulary).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from spacy.lang.en.stop_words import STOP_WORDS

from intelgraph.ontology import get_ontology

# Hypothesis sets this alike answer the same question.
SAME_HYPOTHESES = 0.35
# Bottom lines this alike (used only where a document has no hypotheses) do too.
SAME_BOTTOM_LINE = 0.35
# Bottom lines this alike by rapidfuzz's token-set ratio (0-1), with an entity in
# common, answer the same question even below the word-overlap thresholds.
SAME_TEXT = 0.8
# A favoured hypothesis this close to the earlier one is the same answer.
SAME_ANSWER = 0.35

_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def first_sentence(text: str) -> str:
    return _SENTENCE_END.split(text.strip(), 1)[0]


# A sentence whose subject is the confidence or the recommendation itself ("Overall
# confidence in this assessment is high, given …", "Confidence level: Moderate.",
# "Recommended action: …") says nothing a judgement's badges do not; a judgement
# that mentions its confidence in passing ("… with a moderate confidence level") stays.
_ASIDE_SENTENCE = re.compile(r"^\W*(?:\w+\s+){0,3}?confidence\b|^\W*recommended\s+actions?\b", re.IGNORECASE)
_SENTENCES = re.compile(r"[^.!?]+(?:[.!?]+[\"”’')\]]*|$)\s*")


def bottom_line(text: str, start: int, asides: Sequence[Sequence[int]]) -> tuple[str, str | None]:
    """A BLUF's text (its passage starts at `start`) without the sentences inside
    `asides` (confidence statements, recommendations: [start, end] offsets) that only
    state its confidence or a recommendation; and the confidence sentence, kept as its basis."""
    asides = [a for a in asides if a]
    kept, basis = [], None
    for m in _SENTENCES.finditer(text):
        s, e = start + m.start(), start + m.end()
        sentence = m.group(0)
        if any(s < ae and as_ < e for as_, ae in asides) and _ASIDE_SENTENCE.match(sentence):
            if re.search(r"confidence", sentence, re.IGNORECASE):
                basis = basis or sentence.strip()
        else:
            kept.append(sentence)
    trimmed = "".join(kept).strip()
    return (trimmed or text), basis


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


# ---- lineage: which judgements answer the same question, and what changed ----------------------

@dataclass(frozen=True)
class Judgement:
    """One document's answer to its question, as lineage compares it: its bottom line
    (the BLUF without its confidence asides, else the ACH assessment), its competing
    hypotheses (id, statement), the one it favours, what it states."""

    id: str
    document_id: str
    published: str | None = None
    bottom_line: str = ""
    hypotheses: tuple[tuple[str, str], ...] = ()
    favored: tuple[str, str] | None = None
    confidence: str | None = None
    likelihood: str | None = None
    entities: frozenset[str] = frozenset()
    topics: frozenset[str] = frozenset()

    @property
    def order(self) -> tuple[str, str]:
        """Sort key, oldest first: published date (undated first), then id."""
        return (self.published or "", self.id)


@dataclass(frozen=True)
class Link:
    same: bool
    score: float  # the similarity that decided (0-1)
    evidence: tuple[str, ...]


def lineage_link(a: Judgement, b: Judgement) -> Link:
    """Whether two documents' judgements answer the same question, with the score and
    the facts behind the answer."""
    shared = sorted(a.entities & b.entities)
    topics = sorted(a.topics & b.topics)
    bl_a, bl_b = first_sentence(a.bottom_line), first_sentence(b.bottom_line)
    text = fuzz.token_set_ratio(" ".join(sorted(content_words(bl_a))), " ".join(sorted(content_words(bl_b)))) / 100
    evidence = []
    if a.hypotheses and b.hypotheses:
        same, score = same_question([h for _, h in a.hypotheses], [h for _, h in b.hypotheses], None, None)
        evidence.append(f"hypothesis sets {score:.2f} alike (word overlap; {SAME_HYPOTHESES} links)")
    else:
        same, score = same_question((), (), bl_a, bl_b)
        evidence.append(f"bottom lines {score:.2f} alike (word overlap; {SAME_BOTTOM_LINE} links)")
    evidence.append(f"bottom-line text {text:.2f} alike (token set)")
    if shared:
        evidence.append(f"{len(shared)} shared entities: {', '.join(shared[:6])}" + (" …" if len(shared) > 6 else ""))
    if topics:
        evidence.append(f"shared topics: {', '.join(topics[:6])}")
    if not (a.hypotheses and b.hypotheses) and not (_states_estimate(a) and _states_estimate(b)):
        # a bottom line that states no confidence and no likelihood is a summary of
        # events, not a judgement whose movement can be followed (two news summaries of
        # one war's attacks share many words)
        if same or (shared and text >= SAME_TEXT):
            evidence.append("a bottom line without hypotheses states no confidence or likelihood: not linked")
        return Link(False, round(score, 3), tuple(evidence))
    if not same and shared and text >= SAME_TEXT:
        same, score = True, max(score, text)
    if same and a.entities and b.entities and not shared and not topics:
        evidence.append("no shared entity or topic: not the same question")
        same = False
    return Link(same, round(score, 3), tuple(evidence))


def _states_estimate(j: Judgement) -> bool:
    return bool(j.confidence or j.likelihood)


def same_answer(newer: Judgement, older: Judgement) -> bool:
    """Whether the newer judgement favours the hypothesis the older one favoured: by their
    words, since the same hypothesis may carry another letter in another document."""
    a, b = newer.favored[1], older.favored[1]  # type: ignore[index]
    if overlap(first_sentence(a), first_sentence(b)) >= SAME_ANSWER:
        return True
    lean = closest(first_sentence(a), {hid: first_sentence(h) for hid, h in older.hypotheses})
    return lean == older.favored[0]  # type: ignore[index]


def what_changed(newer: Judgement, older: Judgement) -> list[str]:
    """How the newer answer moved from the older, as JudgementChange notations, highest
    ranked first: favoured_switched, confidence_up/down, likelihood_up/down (a step or
    more of the ontology's ranks); ["reaffirmed"] when none of them."""
    onto = get_ontology()
    found = []
    if newer.favored and older.favored and not same_answer(newer, older):
        found.append("favoured_switched")
    for name, vocab in (("confidence", "Confidence"), ("likelihood", "Likelihood")):
        a, b = getattr(newer, name), getattr(older, name)
        if a and b and a != b:
            up = (onto.term(vocab, a).rank or 0) > (onto.term(vocab, b).rank or 0)
            found.append(f"{name}_{'up' if up else 'down'}")
    found = [onto.term("JudgementChange", c).notation for c in found] or [onto.term("JudgementChange", "reaffirmed").notation]
    return sorted(found, key=lambda c: -(onto.term("JudgementChange", c).rank or 0))
