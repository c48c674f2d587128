"""From spaCy's entity spans to clean, keyed entity mentions.

Conventions
- Input: a Doc whose `ents` are set (by the model, or by hand in tests). Output: plain
  mention dicts {start, end, text, label, key} in document order, with
  text == doc.text[start:end].
- Cleaning: a span stops at a line break; a leading "the", bullets and trailing
  possessives ("'s", "’s") and punctuation are trimmed.
- Rejection: section labels and boilerplate (entity_lexicon.SECTION_LABELS and
  patterns such as "Hypothesis A"), list labels ("Information Gaps:" at the start of
  a line, or "Bias" in "- Cognitive Bias:"), text with no capital letter, keys
  shorter than two characters.
- State sense: a demonym followed by a state head noun ("North Korean troops"), a
  demonym+head span ("Russian Government") and a capital acting as a government
  ("Moscow's brigade", "Beijing warned") take the state's key. Other demonyms are
  Groups keyed by the singular demonym ("North Koreans" -> "north korean").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from intelgraph.ontology import L

from .entity_lexicon import (
    ALIASES,
    CAPITALS,
    DEMONYMS,
    LABEL_MAP,
    SECTION_LABEL_PATTERNS,
    SECTION_LABELS,
    STATE_HEADS,
    STATE_VERBS,
)
from .resolution import canonical_key, resolve_short_forms

_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
# Words the model sometimes pulls into a name at the start of a sentence.
_LEADING_DROP = frozenset({"the", "citing", "according", "per", "by", "as", "from", "with", "for"})
_TRAILING_CHARS = " \t\r\n-–—:;,.!?*•'’\"”“)(]["
_LEADING_CHARS = " \t\r\n-–—:;,.*•'’\"”“)(]["
_LABEL_PATTERN = re.compile("|".join(f"(?:{p})" for p in SECTION_LABEL_PATTERNS))
_ABBREVIATION = re.compile(r"(?:\b[A-Za-z]\.){2,}$")
_LINE_PREFIX = re.compile(r"[\s\-–—•*·\d.)(#]*")


def _clean_bounds(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Token bounds of the span once line breaks, "the", bullets and possessives are cut."""
    for i in range(start, end):
        if "\n" in doc[i].text or (i > start and "\n" in doc[i - 1].whitespace_):
            end = i
            break
    while start < end and (doc[start].is_space or doc[start].is_punct or doc[start].lower_ in _LEADING_DROP):
        start += 1
    while start < end and (doc[end - 1].is_space or doc[end - 1].is_punct or doc[end - 1].text in _POSSESSIVES):
        end -= 1
    return (start, end) if start < end else None


def _char_bounds(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in _LEADING_CHARS:
        start += 1
    while start < end and text[end - 1] in _TRAILING_CHARS:
        if text[end - 1] == "." and _ABBREVIATION.search(text, start, end):
            break  # "U.S." keeps its last period
        end -= 1
    for suffix in ("'s", "’s"):
        if text.endswith(suffix, start, end) and end - start > len(suffix):
            end -= len(suffix)
    return (start, end) if start < end else None


def is_section_label(key: str) -> bool:
    return key in SECTION_LABELS or _LABEL_PATTERN.fullmatch(key) is not None


def _is_list_label(text: str, start: int, end: int) -> bool:
    """"- Information Gaps: ..." — the mention opens its line and a colon follows."""
    line_start = text.rfind("\n", 0, start) + 1
    if _LINE_PREFIX.fullmatch(text, line_start, start) is None:
        return False
    rest = text[end:end + 40].lstrip(" *")
    return rest.startswith(":") or rest.startswith("[")


def _ends_list_label(text: str, start: int, end: int) -> bool:
    """"- Cognitive Bias: ..." with only "Bias" tagged: the line up to the mention is a
    section label and a colon follows."""
    if not text[end:end + 40].lstrip(" *").startswith(":"):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    label_start = _LINE_PREFIX.match(text, line_start).end()
    return label_start < start and is_section_label(canonical_key(text[label_start:end]))


def rejected(text: str, key: str, doc_text: str, start: int, end: int) -> bool:
    """True for boilerplate the model took for a name."""
    if len(key) < 2 or not any(ch.isupper() for ch in text):
        return True
    if is_section_label(key):
        return True
    return _is_list_label(doc_text, start, end) or _ends_list_label(doc_text, start, end)


def _words_after(doc: Doc, end: int, n: int = 2) -> list[str]:
    out: list[str] = []
    for token in doc[end:end + n + 1]:
        if token.is_space:
            continue
        if token.is_punct and token.text not in {"'s", "’s"}:
            break
        out.append(token.lower_)
        if len(out) == n:
            break
    return out


def _demonym(key: str) -> str | None:
    if key in DEMONYMS:
        return key
    if key.endswith("s") and key[:-1] in DEMONYMS:
        return key[:-1]
    return None


def state_sense(doc: Doc, end: int, key: str, label: str) -> tuple[str, str]:
    """(key, label) once demonyms and capitals are read in their state sense."""
    demonym = _demonym(key)
    if demonym is not None:
        if any(word in STATE_HEADS for word in _words_after(doc, end)):
            return DEMONYMS[demonym], L.Location
        return demonym, L.Group
    words = key.split()
    for n in (2, 1):
        head = " ".join(words[:n])
        if len(words) > n and head in DEMONYMS and all(w in STATE_HEADS for w in words[n:]):
            return DEMONYMS[head], L.Location
    if key in CAPITALS and label != L.Person:
        after = _words_after(doc, end, 1)
        if after and (after[0] in {"'s", "’s"} or after[0] in STATE_VERBS):
            return CAPITALS[key], L.Location
    return ALIASES.get(key, key), label


def mention_from_span(doc: Doc, ent: Span, doc_text: str | None = None) -> dict | None:
    """One clean mention dict for an entity span, or None when it is dropped.
    Pass `doc_text` (doc.text) when calling in a loop: Doc.text is rebuilt per access."""
    doc_text = doc.text if doc_text is None else doc_text
    label = LABEL_MAP.get(ent.label_)
    if label is None:
        return None
    bounds = _clean_bounds(doc, ent.start, ent.end)
    if bounds is None:
        return None
    t_start, t_end = bounds
    chars = _char_bounds(doc_text, doc[t_start].idx, doc[t_end - 1].idx + len(doc[t_end - 1].text))
    if chars is None:
        return None
    start, end = chars
    text = doc_text[start:end]
    key = canonical_key(text)
    if rejected(text, key, doc_text, start, end):
        return None
    key, label = state_sense(doc, t_end, key, label)
    return {"start": start, "end": end, "text": text, "label": label, "key": key}


def extract_mentions(doc: Doc, resolve: bool = True) -> list[dict]:
    """Clean, keyed mentions of `doc.ents`, short forms resolved when `resolve`."""
    text = doc.text
    mentions = [m for ent in doc.ents if (m := mention_from_span(doc, ent, text)) is not None]
    if resolve:
        resolve_short_forms(mentions, text)
    return mentions
