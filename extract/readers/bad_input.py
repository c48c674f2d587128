"""`decode_bytes`: bytes to text, refusing what is not a text document.

Order: UTF-8 (a BOM is dropped), UTF-16 with a BOM, then cp1252 when that decodes to
mostly printable text. NUL bytes or many control characters mean binary. Every
refusal is an InputError that names the file and says what to do.
"""

from __future__ import annotations

import codecs

from intelgraph.errors import InputError
from intelgraph.settings import get_settings

_ALLOWED_CONTROLS = {"\n", "\r", "\t", "\f", "\v"}


def check_size(size: int, name: str) -> None:
    limit = get_settings().max_file_bytes
    if size > limit:
        raise InputError(
            f"{name}: {size:,} bytes is larger than the limit of {limit:,} bytes; "
            "split the document or raise INTELGRAPH_MAX_FILE_BYTES"
        )


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(1 for ch in text if (ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0) and ch not in _ALLOWED_CONTROLS)
    return controls / len(text)


def _mostly_printable(text: str) -> bool:
    # Legacy 8-bit text is mostly ASCII letters and spaces; random bytes are not.
    plain = sum(1 for ch in text if ch.isalnum() or ch.isspace() or ch in ".,;:'\"!?()-")
    return plain / max(len(text), 1) > 0.85


def _binary(name: str) -> InputError:
    return InputError(f"{name}: looks like a binary file, not text; give a .txt, .md or .html document")


def decode_bytes(data: bytes, name: str) -> str:
    check_size(len(data), name)
    text: str | None = None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _binary(name) from exc
    else:
        if b"\x00" in data:
            raise _binary(name)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as exc:  # cp1252 leaves five bytes undefined
                raise _binary(name) from exc
            if not _mostly_printable(text):
                raise _binary(name)
    if "\x00" in text or _control_ratio(text) > 0.05:
        raise _binary(name)
    if not text.strip():
        what = "empty" if not text else "whitespace only"
        raise InputError(f"{name}: the document is {what}; nothing to read")
    return text
