"""Who a claim's attribution names: the speaker, resolved to an entity where it is one.

The attribution phrase (nlp.attribution: "the NIS", "Japanese Defense Minister Yasukazu
Hamada", "Kyiv's top military officer") names the speaker by its head noun group: the
phrase up to its first post-modifier (", …" unless a list of modifiers, " who …",
" of the …" with a common noun).
- The speaker is an entity when one of the document's mentions holds the head's last
  word, and no capitalised word the mention leaves out stands right before it (titles
  and determiners aside): "Governor Vyacheslav Gladkov" is Gladkov, but "RBC Ukraine" is
  not Ukraine, and in "South Korea's spy agency" South Korea is the agency's owner, not
  the speaker.
- A pronoun ("he said") is the last person named as a speaker before it in the document.
- Any other phrase is a described speaker ("South Korea's spy agency", "officials"):
  kept as written, without its leading determiner, for the graph to record as a source
  when it names someone. A text ("a news report", "a statement") is no speaker: its
  author is not named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from intelgraph.extract.nlp.entity_lexicon import TITLES

PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_POSTMODIFIER = re.compile(r",|\s+(?:who|which|that|whose)\b|\s+of\s+(?:the\s+|a\s+|an\s+)?(?=[a-z])")
_PARENTHETICAL = re.compile(r"\s*\([^()]{1,30}\)\s*$")
_DETERMINER = re.compile(r"^(?:the|a|an|its|their|his|her)\s+", re.I)
_LOWER_OK = frozenset({"the", "a", "an", "of", "and", "for", "its", "their", "his", "her"})
_TEXT_NOUNS = re.compile(r"\b(?:reports?|statements?|stud(?:y|ies)|surveys?|analys[ie]s|documents?|footage|images?|"
                         r"data|posts?|releases?|accounts?|assessments?)$")


@dataclass(frozen=True)
class Mention:
    id: str
    start: int
    end: int


@dataclass(frozen=True)
class Speaker:
    kind: str  # entity | pronoun | described | text
    name: str
    entity_id: str | None = None


def _core(text: str, start: int, end: int) -> tuple[int, int]:
    """The head noun group of the phrase text[start:end], without a closing parenthetical."""
    m = _POSTMODIFIER.search(text, start, end)
    if m and m.group(0) == "," and re.search(r"\s(?:and|or)\s", text[m.end():end]):
        m = None  # "US, South Korean and Ukraine officials": a list of modifiers, one head
    core_end = m.start() if m else end
    p = _PARENTHETICAL.search(text[start:core_end])
    if p and p.start() > 0:
        core_end = start + p.start()
    return start, core_end


def _uncovered_name_before(text: str, start: int, mention_start: int) -> bool:
    """A capitalised word (not a title) right before the mention, inside the phrase."""
    words = text[start:mention_start].split()
    if not words:
        return False
    last = words[-1].strip("'’")
    if last.lower() in TITLES or last.lower() in _LOWER_OK or not last[:1].isupper():
        return False
    return not last.lower().endswith(("'s", "’s"))


def speaker_of(text: str, start: int, end: int, mentions: list[Mention]) -> Speaker:
    """The speaker the attribution phrase text[start:end] names."""
    phrase = text[start:end].strip()
    if phrase.lower() in PRONOUNS:
        return Speaker("pronoun", phrase)
    cs, ce = _core(text, start, end)
    head = text[cs:ce].rstrip()
    last_word_start = cs + len(head) - len(head.split()[-1]) if head.split() else cs
    for m in sorted(mentions, key=lambda m: m.start):
        if m.start <= last_word_start < m.end and not _uncovered_name_before(text, cs, max(m.start, cs)):
            return Speaker("entity", text[max(m.start, start):min(m.end, end)], m.id)
    if _TEXT_NOUNS.search(head):
        return Speaker("text", phrase)
    return Speaker("described", _DETERMINER.sub("", phrase))
