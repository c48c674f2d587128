"""Which format a document is in, and which layout its text follows.

Format: a file extension decides html / markdown; otherwise the content does, in this
order: HTML markup, an Intelligence Report (an "Intelligence Report:" line or a BLUF
heading), a digest (an "Insight [X, Confidence: Y]" line), markdown headings, a news
article (reporting verbs, datelines, wire credits), else plain text.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from .digest import INSIGHT
from .html import looks_like_html
from .news import looks_like_news

_REPORT = re.compile(
    r"^[ \t#*]*Intelligence Report[ \t]*:|^[ \t#*]*(?:\d{1,2}[.)][ \t]*)?(?:\*\*)?[ \t]*(?:BLUF\b|Bottom Line Up Front)",
    re.M | re.I)
_MARKDOWN = re.compile(r"^#{1,6}[ \t]+\S|^\*\*[^*\n]+\*\*[ \t]*$|^\[[^\]\n]+\]\([^)\n]+\)", re.M)


def content_kind(text: str) -> str:
    """report | digest | news | text, from the words alone."""
    if _REPORT.search(text):
        return "report"
    if any(INSIGHT.match(line) for line in text.splitlines()):
        return "digest"
    if looks_like_news(text):
        return "news"
    return "text"


def detect_format(text: str, filename: str | None = None) -> str:
    suffix = PurePath(filename).suffix.lower() if filename else ""
    if suffix in (".html", ".htm", ".xhtml") or looks_like_html(text):
        return "html"
    if suffix in (".md", ".markdown"):
        return "markdown"
    kind = content_kind(text)
    if kind in ("report", "digest"):
        return kind
    if _MARKDOWN.search(text):
        return "markdown"
    return kind
