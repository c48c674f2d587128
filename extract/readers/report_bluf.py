"""The BLUF: the paragraph itself, its stated confidence, its recommended action.

Confidence is the analytic confidence the text states ("Overall confidence in this
assessment is moderate", "Confidence level: Moderate", "with moderate confidence"),
lower-cased; "medium" is read as the vocabulary's "moderate" (the word as printed is
kept in `stated`). It is never a score of how sure this reader is.
"""

from __future__ import annotations

import re

from intelgraph.ontology import get_ontology

from .builder import DocBuilder
from .spans import ends_complete, sentences



def _level_words(terms) -> str:
    return "|".join(w for t in terms for w in (t.notation, *t.alt_labels))


# A stated level, or a range "low-to-moderate" (read as its floor): the words of the
# ontology's Confidence terms; a range's upper end is above the lowest level.
_CONFIDENCE_TERMS = get_ontology().vocabulary("Confidence")
_LEVEL = (rf"(?P<level>{_level_words(_CONFIDENCE_TERMS)})"
          rf"(?:[- ]to[- ](?:{_level_words(_CONFIDENCE_TERMS[1:])}))?")
_CONFIDENCE = [
    re.compile(r"\bconfidence(?:\s+level)?(?:\s+(?:in|on|for|of)\s+[^.:;]{0,80}?)?\s*(?::|\bis\b|\bremains\b|\bas\b)\s*(?:\*\*)?\s*(?:assessed as\s+)?" + _LEVEL + r"\b", re.I),
    re.compile(r"\b" + _LEVEL + r"(?:\s+(?:analytic|analytical|overall))?\s+confidence\b", re.I),
]
_RECOMMENDED = re.compile(r"\bRecommended actions?(?:\s+(?:includes?|is|are))?\s*:?\s*", re.I)


def find_confidence(text: str, start: int, end: int) -> tuple[str, tuple[int, int]] | None:
    """(level, sentence offsets) of the first sentence stating a confidence level."""
    for s, e in sentences(text, start, end):
        for pattern in _CONFIDENCE:
            m = pattern.search(text, s, e)
            if m:
                return m.group("level").lower(), (s, e)
    return None


def read_bluf(doc: DocBuilder, body: tuple[int, int], open_end: int | None) -> None:
    text = doc.text
    start, end = body
    cut = open_end is not None and end >= open_end
    if cut:
        done = [(s, e) for s, e in sentences(text, start, end) if ends_complete(text[s:e])]
        if done:
            doc.add("bluf", done[0][0], done[-1][1], section="bluf", truncated=True)
            doc.fragment("BLUF sentence", done[-1][1], end)
            end = done[-1][1]
        else:
            doc.fragment("BLUF", start, end)
            return
    else:
        doc.add("bluf", start, end, section="bluf")

    found = find_confidence(text, start, end)
    if found:
        level, (s, e) = found
        doc.add("confidence_statement", s, e, section="bluf",
                confidence=get_ontology().named("Confidence", level).notation, stated=level)

    for s, e in sentences(text, start, end):
        m = _RECOMMENDED.search(text, s, e)
        if m and (m.start() == s or text[s:m.start()].strip() == ""):
            doc.add("recommendation", m.end(), e, section="bluf", drop_period=True, horizon="immediate")
