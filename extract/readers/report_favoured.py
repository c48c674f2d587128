"""Which hypothesis a judgement favours, from how the sentence names it.

A sentence favours a hypothesis when it names one and says it is the better supported
or more likely one:
- by label: "Hypothesis B is better supported", "Hypothesis 2 appears more likely";
- by position: "the first hypothesis is more supported" (resolved to the first label
  of the section; "the former" / "the latter" of two);
- by name: "the Breakdown Hypothesis remains the most likely" (a label the section gave);
- with the verb first: "the evidence better supports Hypothesis A", "… favours the
  second hypothesis".
The hypothesis named before the comparative is the favoured one ("Hypothesis A is more
likely than Hypothesis B"). "The most likely hypothesis is that …" names none: it
paraphrases, and is never mapped onto a label.
"""

from __future__ import annotations

import re

_ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "former": 0}
_COMPARATIVE = (r"(?:is|remains|appears|seems|was)(?:\s+(?:to\s+be|considered|deemed|judged|assessed\s+(?:as|to\s+be)))?\s+"
                r"(?:(?:currently|now|also|thus|therefore|clearly|still|slightly|far|much)\s+)*"
                r"(?:(?:the|a)\s+)?(?:better|more|most|best|strongly|more\s+strongly)\s+(?:supported|likely|plausible)")
_VERB_FIRST = r"(?:(?:better|best|more\s+strongly|most\s+strongly|strongly)\s+supports?|favou?rs?)\s+(?:the\s+)?"


def _referents(labels: list[str]) -> list[tuple[str, str | None]]:
    """(pattern, label or None for an ordinal) for every way of naming a hypothesis."""
    out = [(r"\bHypothesis[ \t]+(?P<label>[A-Z]|\d{1,2})\b", None),
           (r"\b(?:the[ \t]+)?(?P<ordinal>first|second|third|fourth|former|latter)[ \t]+(?:hypothesis|one)\b", None)]
    for label in labels:
        if len(label) > 2:  # a named hypothesis ("Breakdown Hypothesis")
            out.append((r"\b(?:the[ \t]+)?" + re.escape(label) + r"\b", label))
    return out


def _resolve(m: re.Match[str], named: str | None, labels: list[str]) -> str | None:
    if named:
        return named
    if m.groupdict().get("label"):
        return m["label"]
    ordinal = m["ordinal"].lower()
    index = len(labels) - 1 if ordinal == "latter" else _ORDINALS[ordinal]
    return labels[index] if 0 <= index < len(labels) else None


def favoured_label(sentence: str, labels: list[str]) -> str | None:
    """The label of the hypothesis `sentence` favours, or None. `labels`: the section's
    hypothesis labels so far, in order."""
    best: tuple[int, str] | None = None
    for pattern, named in _referents(labels):
        for form in (pattern + r"[^.;]{0,60}?\b" + _COMPARATIVE, _VERB_FIRST + pattern.removeprefix(r"\b")):
            for m in re.finditer(form, sentence, re.I):
                label = _resolve(m, named, labels)
                if label is not None and (best is None or m.start() < best[0]):
                    best = (m.start(), label)
    return best[1] if best else None
