"""Render a BriefDocument as Markdown, HTML or JSON.

Markdown and HTML come from the Jinja2 templates in `templates/` beside this module
(package data), compiled once into one Environment, over the same layout (view.py).
Every statement shows its citation marks [n] (n = the Sources list number), its date
and its source's grade; judgements their stated confidence (or that none is stated)
and likelihood. Nothing derived is shown as a confidence.

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

from intelgraph.errors import InputError
from intelgraph.services.brief.model import BriefDocument, Likelihood, Statement
from intelgraph.services.brief.view import brief_view

Format = Literal["md", "html", "json"]
FORMATS = ("md", "html", "json")

TEMPLATES = {"md": "brief.md.j2", "html": "brief.html.j2"}


def _marks(s: Statement) -> str:
    return "".join(f"[{n}]" for n in sorted({c.n for c in s.citations}))


def likelihood_text(value: Likelihood | None) -> str:
    """"very likely (80–95 %)": the ICD 203 term with its probability range."""
    if value is None:
        return ""
    return f"{value.label} ({value.probability_low * 100:.0f}–{value.probability_high * 100:.0f} %)"


def facets(s: Statement) -> list[tuple[str, str]]:
    """(css class, text) pairs shown beside a statement: date, what confidence the text
    states (judgements and hypotheses only), likelihood, and the source's grade."""
    out = [("date", s.date or "undated")]
    if s.kind.startswith("judgement"):
        out.append((f"conf conf-{s.confidence}", f"{s.confidence} confidence") if s.confidence
                   else ("conf conf-none", "no confidence stated"))
    elif s.kind == "hypothesis":
        if s.details.get("favored"):
            out.append((f"conf conf-{s.confidence or 'none'}", "favoured by its author"
                        + (f", {s.confidence} confidence" if s.confidence else ", no confidence stated")))
        else:
            out.append(("conf conf-none", "not favoured by its author"))
    if s.likelihood:
        out.append(("likelihood", likelihood_text(s.likelihood)))
    if s.superseded_by:
        when = s.details.get("superseded_on")
        out.append(("superseded", f"superseded{' on ' + when if when else ''}"
                    + (f" ({s.details['superseded_because']})" if s.details.get("superseded_because") else "")))
    out.append(("grade" + (" ungraded" if s.grade.reliability is None else ""), f"source {s.grade.code}"))
    return out


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
    env.filters.update(md=markdown_text, md_cell=markdown_cell, marks=_marks, likelihood=likelihood_text)
    env.globals.update(facets=facets)
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
    return environment().get_template(TEMPLATES["md"]).render(brief=brief, view=brief_view(brief))


def render_html(brief: BriefDocument) -> str:
    return environment().get_template(TEMPLATES["html"]).render(brief=brief, view=brief_view(brief))
