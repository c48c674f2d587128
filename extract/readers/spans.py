"""Offsets into the normalised text: lines, sentences, "; " lists, trimmed spans.

Every function takes and returns absolute (start, end) offsets into one text, so the
readers never slice a copy and lose their place. Sentence splitting is a small rule
set (no spaCy here): a boundary is terminal punctuation, optional closing quote, then
space and an upper-case letter, except after common abbreviations.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .model import Span


class Line(NamedTuple):
    start: int
    end: int  # excludes the newline
    text: str


def lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """The lines of text[start:end], each with its absolute offsets."""
    end = len(text) if end is None else end
    out: list[Line] = []
    pos = start
    while pos <= end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        out.append(Line(pos, stop, text[pos:stop]))
        if nl == -1:
            break
        pos = nl + 1
    return out


# Markdown emphasis and heading marks are tolerated at the edges of a span but never
# part of it, so spans of a markdown document read like those of its plain twin.
_EDGE_LEFT = " \t\n*#_>"
_EDGE_RIGHT = " \t\n*_"


def trim(text: str, start: int, end: int, *, marks: bool = True) -> tuple[int, int]:
    """Shrink (start, end) past surrounding whitespace (and markdown marks)."""
    left, right = (_EDGE_LEFT, _EDGE_RIGHT) if marks else (" \t\n", " \t\n")
    while start < end and text[start] in left:
        start += 1
    while end > start and text[end - 1] in right:
        end -= 1
    return start, end


def make_span(text: str, start: int, end: int, *, drop_period: bool = False) -> Span | None:
    """A trimmed span, or None when nothing is left. drop_period: list-item convention."""
    start, end = trim(text, start, end)
    if drop_period and end > start and text[end - 1] == "." and not _ends_with_abbreviation(text, start, end):
        end -= 1
        start, end = trim(text, start, end)
    if end <= start:
        return None
    return Span(start=start, end=end, text=text[start:end])


TERMINAL = ".!?…"
CLOSERS = "\"'”’)]"


def ends_complete(fragment: str) -> bool:
    """Does this text end as a finished sentence (terminal punctuation, maybe a closer)?"""
    stripped = fragment.rstrip().rstrip("*_")
    while stripped and stripped[-1] in CLOSERS:
        stripped = stripped[:-1]
    return bool(stripped) and stripped[-1] in TERMINAL


_ABBREVIATIONS = {
    "u.s", "u.k", "u.n", "e.g", "i.e", "mr", "mrs", "ms", "dr", "st", "no", "vs", "gen",
    "col", "lt", "sgt", "gov", "sen", "rep", "jr", "sr", "inc", "corp", "co", "ltd", "dept",
    "approx", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "d.c", "a.m", "p.m",
}
# After "U.S." and the like a capital may begin a name ("U.S. Defense Secretary") or a
# new sentence ("… and the U.S. Moderate confidence …"); these words begin sentences.
_SENTENCE_STARTERS = {
    "the", "this", "these", "that", "those", "it", "its", "there", "their", "overall",
    "moderate", "high", "low", "confidence", "however", "in", "a", "an", "key", "such",
    "both", "affected", "recommended", "further", "additionally", "meanwhile", "indicators",
    "supporting", "contradicting", "evidence", "while", "although", "as", "if",
}


def _ends_with_abbreviation(text: str, start: int, end: int) -> bool:
    m = re.search(r"([A-Za-z](?:\.[A-Za-z])*|[A-Za-z]+)\.$", text[max(start, end - 12):end])
    return bool(m) and m.group(1).lower() in _ABBREVIATIONS


_BOUNDARY = re.compile(r"[.!?…][\"'”’)\]]*(?=\s+[\"“‘(]?[A-Z0-9])")


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence offsets inside text[start:end], trimmed; the last may be unfinished."""
    out: list[tuple[int, int]] = []
    pos = start
    for m in _BOUNDARY.finditer(text, start, end):
        stop = m.end()
        if text[m.start()] == "." and _ends_with_abbreviation(text, pos, m.start() + 1):
            following = re.match(r"\s+[\"“‘(]?([A-Za-z]+)", text[stop:end])
            if not following or following.group(1).lower() not in _SENTENCE_STARTERS:
                continue
        s, e = trim(text, pos, stop, marks=False)
        if e > s:
            out.append((s, e))
        pos = stop
    s, e = trim(text, pos, end, marks=False)
    if e > s:
        out.append((s, e))
    return out


def split_list(text: str, start: int, end: int, sep: str = "; ") -> list[tuple[int, int]]:
    """Offsets of the items of a `sep`-separated list inside text[start:end] (untrimmed)."""
    out: list[tuple[int, int]] = []
    pos = start
    while True:
        idx = text.find(sep, pos, end)
        if idx == -1:
            out.append((pos, end))
            return out
        out.append((pos, idx))
        pos = idx + len(sep)


# A sentence that refers back to the one before it elaborates that statement instead
# of making a new one: it opens with a pronoun or a demonstrative ("This narrative …",
# "It …"), or a demonstrative determines a noun early in it ("Monitoring these
# indicators …"). An expletive "It is assumed that …" refers to nothing.
_REFERS_BACK = re.compile(
    r"^\W*(?:(?:It|They|This|These|Those|Such|Its|Their)\b(?!\s+as\b)"
    r"|(?:\S+\s+){1,3}(?:this|these|those|such)\s+(?!as\b)[a-z])")
_EXPLETIVE = re.compile(r"^\W*It\s+(?:is|was|remains|seems|appears)\s+(?:also\s+|not\s+)?\w+\s+(?:that|to|whether)\b")


def refers_back(sentence: str) -> bool:
    return bool(_REFERS_BACK.match(sentence)) and not _EXPLETIVE.match(sentence)


def statements(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The separate statements of a paragraph: its sentences, each joined to the one
    before when it refers back to it (`refers_back`). Nothing is split inside a sentence."""
    out: list[tuple[int, int]] = []
    for s, e in sentences(text, start, end):
        if out and refers_back(text[s:e]):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out
