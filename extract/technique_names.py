"""One Technique per structured analytic technique, whatever the page calls it.

Pages name a technique in several ways: "ACH 2.0", "Analysis of Competing Hypotheses
(ACH)", "Analysis of Competing Hypotheses (ACH) 2.0", "Causal Layered Analysis (CLA)".
The key is what they share: a version number ("2.0", "v2") is not part of the name;
an acronym names the technique when the page gives one (in brackets after the long
name, or alone); a long name of three or more significant words is keyed by its
initials, which is how its acronym is formed ("Analysis of Competing Hypotheses" ->
ach). Shorter names are keyed by their words ("SWOT Analysis" -> swot-analysis). Every
form a page uses is kept as an alias; the display name is the long form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from intelgraph.extract.sources import slug

_VERSION = re.compile(r"[ \t]+v?\d+(?:\.\d+)+$|[ \t]+v\d+$", re.I)
_BRACKETED = re.compile(r"^(?P<long>.+?)[ \t]*\((?P<short>[A-Z][A-Za-z0-9&]{1,7})\)$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")
_MINOR = frozenset({"of", "and", "the", "for", "in", "on", "a", "an", "to", "&"})


@dataclass(frozen=True)
class TechniqueName:
    key: str
    name: str  # the long form when known, else the name as written without its version
    alias: str  # the name as written


def _initials(long_name: str) -> str:
    words = [w for w in re.split(r"[\s/-]+", long_name) if w and w.lower() not in _MINOR]
    return "".join(w[0] for w in words).lower() if len(words) >= 3 else ""


def technique_name(written: str) -> TechniqueName:
    """The key and display name of a technique named `written`."""
    alias = written.strip()
    bare = _VERSION.sub("", alias).strip()
    if m := _BRACKETED.match(bare):
        return TechniqueName(m["short"].lower(), m["long"].strip(), alias)
    if _ACRONYM.match(bare):
        return TechniqueName(bare.lower(), bare, alias)
    return TechniqueName(_initials(bare) or slug(bare), bare, alias)
