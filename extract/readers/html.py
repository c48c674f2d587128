"""HTML to text with a real parser (BeautifulSoup over lxml).

Block elements become line breaks, list items become "- " bullets, headings become
"#"-marked lines (so an unnumbered <h2>BLUF</h2> is still a section heading) and
script, style, nav and other non-content elements are dropped. Inline whitespace is
collapsed as a browser would. The page's <title>, canonical URL and published time
are returned as metadata; the text is then read like any other document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

_DROP = {"script", "style", "nav", "noscript", "template", "svg", "iframe", "form", "footer",
         "button", "select", "aside", "head"}
_BLOCK = {"p", "div", "section", "article", "main", "header", "blockquote", "ul", "ol", "dl",
          "dt", "dd", "table", "tr", "pre", "figure", "figcaption", "address", "hr", "body", "html"}
_HEADINGS = {f"h{i}": i for i in range(1, 7)}


@dataclass
class HtmlPage:
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:5000].lower():
        return True
    return len(re.findall(r"</?(?:p|div|body|h[1-6]|br|li|span|a)\b[^>]*>", text[:20000], re.I)) >= 3


def _walk(node: Tag, out: list[str], pre: bool = False) -> None:
    for child in node.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            s = str(child)
            out.append(s if pre else re.sub(r"\s+", " ", s))
            continue
        if not isinstance(child, Tag) or child.name in _DROP:
            continue
        name = child.name
        if name == "br":
            out.append("\n")
        elif name in _HEADINGS:
            out.append("\n" + "#" * _HEADINGS[name] + " ")
            _walk(child, out, pre)
            out.append("\n")
        elif name == "li":
            out.append("\n- ")
            _walk(child, out, pre)
            out.append("\n")
        elif name in ("td", "th"):
            _walk(child, out, pre)
            out.append(" \t ")
        elif name in _BLOCK:
            out.append("\n")
            _walk(child, out, pre or name == "pre")
            out.append("\n")
        else:
            _walk(child, out, pre)


def _meta(soup: BeautifulSoup, *names: str) -> str | None:
    for name in names:
        tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
        if tag and tag.get("content"):
            return str(tag["content"]).strip()
    return None


def html_to_text(markup: str) -> HtmlPage:
    soup = BeautifulSoup(markup, "lxml")
    title = _meta(soup, "og:title") or (soup.title.get_text(" ", strip=True) if soup.title else None)
    link = soup.find("link", attrs={"rel": "canonical"})
    url = (str(link["href"]) if link and link.get("href") else None) or _meta(soup, "og:url")
    published = _meta(soup, "article:published_time", "datePublished", "date")
    if not published and (time := soup.find("time", attrs={"datetime": True})):
        published = str(time["datetime"])
    out: list[str] = []
    _walk(soup, out)
    text = "".join(out)
    text = "\n".join(line.strip(" \t") for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    return HtmlPage(text=text, title=title or None, url=url, published=published)
