"""The canonical key of a surface form: the one normalisation every vocabulary and
resolver compares by (casefolded, no diacritics or punctuation, single spaces)."""

from __future__ import annotations

import re
import unicodedata

_DASHES = re.compile(r"[-‐‑‒–—―/_]+")
_NOT_WORD = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")


def canonical_key(name: str) -> str:
    """Casefold, strip diacritics and punctuation, collapse spaces.

    Hyphens, dashes and slashes become spaces ("Kim Jong-un" == "Kim Jong Un");
    other punctuation is removed ("U.S." == "US").
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _DASHES.sub(" ", text.casefold())
    text = _NOT_WORD.sub("", text).replace("_", " ")
    return _SPACES.sub(" ", text).strip()
