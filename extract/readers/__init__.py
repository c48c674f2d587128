"""Readers: a file becomes a `ParsedDocument` (structure only: no spaCy, no database).

    read_bytes(data, name) / read_text(text)  ->  ParsedDocument

(Files and standard input are read by extract.pipeline.read_one, which checks their
size before reading them.)

`text` is the normalised text (`normalise_text`; for HTML, the text taken from the
page) and every span offsets into it. `format` is the input format (report, digest,
news, text, html, markdown); `layout` is what the text turned out to be
(report-current, report-mid, report-early, digest, news, text). Bad input raises
`InputError` with a message that says what to do.
"""

from __future__ import annotations

from intelgraph.errors import InputError

from .bad_input import check_size, decode_bytes
from .detect import content_kind, detect_format
from .digest import read_digest
from .html import html_to_text
from .model import FORMATS, ITEM_KINDS, LAYOUTS, Item, ParsedDocument, Section, Span
from .news import read_news
from .normalise import normalise_text
from .report import build_report
from .report_sections import parse_date

FORMAT_CHOICES = ("auto", *FORMATS)

__all__ = [
    "FORMAT_CHOICES", "FORMATS", "ITEM_KINDS", "LAYOUTS", "Item", "ParsedDocument", "Section", "Span",
    "check_format", "check_size", "decode_bytes", "detect_format", "normalise_text", "read_bytes", "read_text",
]


def check_format(fmt: str) -> str:
    """`fmt` if it is one of FORMAT_CHOICES, else an InputError naming them."""
    if fmt not in FORMAT_CHOICES:
        raise InputError(f"unknown format {fmt!r}; use one of: {', '.join(FORMAT_CHOICES)}")
    return fmt


def read_text(
    text: str,
    *,
    format: str = "auto",  # noqa: A002 - the CLI's and API's name for it
    filename: str | None = None,
    url: str | None = None,
    title: str | None = None,
    published: str | None = None,
) -> ParsedDocument:
    fmt = check_format(format)
    name = filename or "document"
    if not text or not text.strip():
        raise InputError(f"{name}: the document is {'empty' if not text else 'whitespace only'}; nothing to read")
    if published is not None:
        iso = parse_date(published)
        if iso is None:
            raise InputError(f"published date {published!r} is not a date; give it as YYYY-MM-DD")
        published = iso
    if fmt == "auto":
        fmt = detect_format(text, filename)
    if fmt == "html":
        page = html_to_text(text)
        title = title or page.title
        url = url or page.url
        published = published or (parse_date(page.published) if page.published else None)
        text = page.text
    body = normalise_text(text)
    if not body.strip():
        raise InputError(f"{name}: no readable text in the document")

    kind = fmt if fmt in ("report", "digest", "news", "text") else content_kind(body)
    overrides = {"url": url, "title": title, "published": published}
    if kind == "report":
        return build_report(body, fmt, **overrides)
    if kind == "digest":
        return read_digest(body, fmt, **overrides)
    return read_news(body, fmt, kind, **overrides)


def read_bytes(data: bytes, name: str, format: str = "auto") -> ParsedDocument:  # noqa: A002
    check_format(format)
    return read_text(decode_bytes(data, name), format=format, filename=name)

