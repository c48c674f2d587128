"""Render a BriefDocument as Markdown, HTML or JSON.

Markdown and HTML come from the Jinja2 templates in `templates/` beside this module
(package data), compiled once into one Environment. Every statement ends with its
citation marks [n] (n = the Sources list number) and its confidence; a derived
confidence is labelled as derived.

Escaping: `*.html.j2` templates autoescape, with `html.escape` as the escaper, so text
from documents can never inject markup. Markdown templates do not autoescape; they pass
document text through `md` (`<` and `>` as entities, so no raw HTML goes live) and,
inside table cells, `md_cell` (also `|` as `\\|`).
"""

from __future__ import annotations

import html
from functools import lru_cache
from typing import Any, Literal

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_eval_context, select_autoescape
from jinja2.nodes import EvalContext
from markupsafe import Markup

from intelgraph.services.brief.model import BriefDocument, Statement
from intelgraph.errors import InputError

Format = Literal["md", "html", "json"]
FORMATS = ("md", "html", "json")

TEMPLATES = {"md": "brief.md.j2", "html": "brief.html.j2"}


def _confidence(s: Statement) -> str:
    c = s.confidence
    return f"{c.level} confidence" + ("" if c.basis == "stated" else " (derived)")


def _marks(s: Statement) -> str:
    return "".join(f"[{n}]" for n in sorted({c.n for c in s.citations}))


def markdown_text(value: Any) -> str:
    """Document text for Markdown: raw HTML tags shown as text, never live."""
    return str(value).replace("<", "&lt;").replace(">", "&gt;")


def markdown_cell(value: Any) -> str:
    """Document text for a Markdown table cell: as `markdown_text`, and `|` cannot end the cell."""
    return markdown_text(value).replace("|", "\\|")


@pass_eval_context
def _finalize(eval_ctx: EvalContext, value: Any) -> Any:
    # Autoescape would use markupsafe's escape ('&#39;', '&#34;'); html.escape keeps the
    # HTML these briefs have always had ('&#x27;', '&quot;'). Markup passes as it is.
    if eval_ctx.autoescape and not hasattr(value, "__html__"):
        return Markup(html.escape(str(value)))
    return value


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("intelgraph.services.brief", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=False, default=False),
        finalize=_finalize, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(md=markdown_text, md_cell=markdown_cell, marks=_marks, confidence=_confidence)
    return env


def render(brief: BriefDocument, fmt: str = "md") -> str:
    if fmt == "json":
        return brief.model_dump_json(indent=2)
    if fmt == "md":
        return render_markdown(brief)
    if fmt == "html":
        return render_html(brief)
    raise InputError(f"unknown brief format {fmt!r}; use one of: {', '.join(FORMATS)}")


def render_markdown(brief: BriefDocument) -> str:
    return environment().get_template(TEMPLATES["md"]).render(brief=brief)


def render_html(brief: BriefDocument) -> str:
    return environment().get_template(TEMPLATES["html"]).render(brief=brief)
