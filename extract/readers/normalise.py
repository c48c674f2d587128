"""`normalise_text`: the one canonical form of a document's text.

The document id is a hash of this text and every span offsets into it, so the rules
are few and fixed: NFC; CRLF and CR become LF; no-break spaces become spaces; trailing
spaces go from each line and blank lines from both ends. Quotes, dashes and
indentation are kept as they are.
"""

from __future__ import annotations

import re
import unicodedata

_NO_BREAK_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " "})


def normalise_text(raw: str) -> str:
    text = unicodedata.normalize("NFC", raw)
    text = text.lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_NO_BREAK_SPACES)
    text = re.sub(r"[ \t\f\v]+$", "", text, flags=re.MULTILINE)
    # Only blank *lines* go from the ends: the first line keeps its indentation.
    text = re.sub(r"\A(?:[ \t]*\n)+", "", text)
    return text.rstrip()
