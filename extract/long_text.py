"""Long documents in bounded pieces: where to cut a text, and the pieces' analyses joined.

spaCy refuses a text over its max_length (1,000,000 characters), and its memory grows
with the length of what it is given (a 990,000-character text took 4.7 GB). A text
longer than CHUNK_CHARS is analysed as consecutive pieces of at most that size, cut
at a paragraph break where there is one, else a line break, else after a sentence's
full stop, else at a space, else (one unbroken run of characters) anywhere. The
pieces' analyses are joined into one with every offset shifted back into the whole
text, so `text[start:end]` still holds. Entities are regrouped by key across pieces;
what resolution does inside one text (a surname standing for the full name met
earlier) does not reach across a cut.
"""

from __future__ import annotations

import re

from intelgraph.extract.nlp.analysis import Analysis, resolve_entities

# spaCy's pipe analyses 32 texts at a time, so a piece costs up to 32 times its size:
# a 1.05M-character text peaked at 2.3 GB in 100,000-character pieces, 0.8 GB in these
# (the same 171 s either way).
CHUNK_CHARS = 25_000
# Where a cut may go, best first: the end of each match.
_BREAKS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"')\]]*\s+"), re.compile(r"\s+"))


def piece_bounds(text: str, limit: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces covering `text`, each at most `limit` long."""
    limit = limit or CHUNK_CHARS
    bounds = []
    start, n = 0, len(text)
    while n - start > limit:
        window = text[start:start + limit]
        cut = 0
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(window) if m.end() < len(window)]
            # a break in the first half would make pieces needlessly small; take it only if nothing later
            if ends and ends[-1] > limit // 2:
                cut = ends[-1]
                break
        bounds.append((start, start + (cut or limit)))
        start += cut or limit
    bounds.append((start, n))
    return bounds


def clip_spans(spans: list[tuple[int, int]] | None, start: int, end: int) -> list[tuple[int, int]] | None:
    """The parts of `spans` inside [start, end), relative to start."""
    if spans is None:
        return None
    return [(max(s, start) - start, min(e, end) - start) for s, e in spans if s < end and e > start]


def join_analyses(parts: list[tuple[int, Analysis]]) -> Analysis:
    """One Analysis from the analyses of pieces that start at the given offsets."""
    if len(parts) == 1 and parts[0][0] == 0:
        return parts[0][1]
    mentions, claims, sentences, quantities = [], [], [], []
    for offset, a in parts:
        quantities += [q.model_copy(update={"start": q.start + offset, "end": q.end + offset}) for q in a.quantities]
        mentions += [m.model_copy(update={"start": m.start + offset, "end": m.end + offset}) for m in a.mentions]
        claims += [c.model_copy(update={"start": c.start + offset, "end": c.end + offset}) for c in a.claims]
        sentences += [(s + offset, e + offset) for s, e in a.sentences]
    mentions, entities = resolve_entities(mentions)
    return Analysis(entities=entities, mentions=mentions, claims=claims, sentences=sentences, quantities=quantities)
