"""Key Assumptions and Red Flags: assumption, information_gap, bias_risk, indicator items.

Each label maps to one kind by its words (the label as printed goes in fields.label):
Assumptions → assumption; Information Gaps / Blind Spots / Missing Data → information_gap;
Bias & Deception Risks / Red Flags / Cognitive Bias / Deception Indicator → bias_risk;
Indicators / Warning Signs → indicator. A label's text is split on "; " when it has
one (current layout), else into sentences (mid layout); the final period of each
item is dropped. A bare label ("– **Assumptions**:") owns the bullets below it.
"""

from __future__ import annotations

import re

from .builder import DocBuilder
from .report_sections import Entry, parse_entries
from .spans import ends_complete, sentences, split_list, statements

_KINDS = [
    ("assumption", re.compile(r"assum", re.I)),
    ("information_gap", re.compile(r"gap|blind spot|missing|unknown|uncertaint|lack of data", re.I)),
    ("bias_risk", re.compile(r"bias|decept|red flag|misinformation|disinformation|manipulat", re.I)),
    ("indicator", re.compile(r"indicator|warning sign|signpost|trigger", re.I)),
]


def kind_for_label(label: str | None) -> str | None:
    if not label:
        return None
    for kind, pattern in _KINDS:
        if pattern.search(label):
            return kind
    return None


def _kind_for_sentence(sentence: str) -> str:
    """An unlabelled line ("– Assumptions include …", "– Red flags include …")."""
    head = " ".join(sentence.split()[:3])
    return kind_for_label(head) or kind_for_label(sentence) or "bias_risk"


def split_items(doc: DocBuilder, start: int, end: int) -> list[tuple[int, int]]:
    """"; " pieces when the text is a semicolon list, else its sentences."""
    text = doc.text
    if text.find("; ", start, end) != -1:
        return split_list(text, start, end)
    return sentences(text, start, end)


def add_list_items(doc: DocBuilder, kind: str, start: int, end: int, open_end: int | None,
                   section: str, /, **fields: object) -> None:
    """One item per "; " piece or sentence (split_items)."""
    _add_pieces(doc, kind, split_items(doc, start, end), open_end, section, **fields)


def add_statements(doc: DocBuilder, kind: str, start: int, end: int, open_end: int | None,
                   section: str, /, **fields: object) -> None:
    """One item per separate statement of a prose paragraph (spans.statements): never
    split inside a sentence, a sentence that refers back stays with the one before."""
    _add_pieces(doc, kind, statements(doc.text, start, end), open_end, section, **fields)


def _add_pieces(doc: DocBuilder, kind: str, pieces: list[tuple[int, int]], open_end: int | None,
                section: str, /, **fields: object) -> None:
    """One item per piece, without its final period; a piece the document's cut falls in
    is a fragment, not an item."""
    for i, (s, e) in enumerate(pieces):
        last = i == len(pieces) - 1
        if last and open_end is not None and e >= open_end and not ends_complete(doc.text[s:e]):
            doc.fragment(f"{kind} item", s, e)
            continue
        doc.add(kind, s, e, section=section, drop_period=True, **fields)


def read_assumptions(doc: DocBuilder, body: tuple[int, int], open_end: int | None) -> None:
    owner: Entry | None = None  # the bare label the following bullets belong to
    for entry in parse_entries(doc.text, *body):
        kind = kind_for_label(entry.label)
        if entry.label and kind:
            owner = entry if entry.open_label else None
            if not entry.open_label:
                add_list_items(doc, kind, *entry.rest, open_end, "key_assumptions", label=entry.label)
            continue
        if owner is not None and entry.bullet:
            add_list_items(doc, kind_for_label(owner.label), entry.start, entry.end, open_end,
                           "key_assumptions", label=owner.label)
            continue
        owner = None
        start, end = entry.rest
        kind = _kind_for_sentence(doc.text[start:end])
        fields = {"label": entry.label} if entry.label else {}
        add_list_items(doc, kind, start, end, open_end, "key_assumptions", **fields)
