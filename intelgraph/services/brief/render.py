"""Render a BriefDocument as Markdown, HTML or JSON.

Every statement ends with its citation marks [n] (n = the Sources list number) and
its confidence; a derived confidence is labelled as derived. HTML is built with
escaping throughout, so text from documents can never inject markup.
"""

from __future__ import annotations

import html
from typing import Literal

from intelgraph.services.brief.model import BriefDocument, Statement
from intelgraph.errors import InputError

Format = Literal["md", "html", "json"]
FORMATS = ("md", "html", "json")


def _conf(s: Statement) -> str:
    c = s.confidence
    return f"{c.level} confidence" + ("" if c.basis == "stated" else " (derived)")


def _marks(s: Statement) -> str:
    return "".join(f"[{n}]" for n in sorted({c.n for c in s.citations}))


def render(brief: BriefDocument, fmt: str = "md") -> str:
    if fmt == "json":
        return brief.model_dump_json(indent=2)
    if fmt == "md":
        return render_markdown(brief)
    if fmt == "html":
        return render_html(brief)
    raise InputError(f"unknown brief format {fmt!r}; use one of: {', '.join(FORMATS)}")


def render_markdown(brief: BriefDocument) -> str:
    r = brief.request
    lines = [f"# {brief.title}", ""]
    scope = [f"topic **{r.topic}**"]
    if r.entity:
        scope.append(f"entity **{r.entity}**")
    if r.since or r.until:
        scope.append(f"published {r.since or '…'} to {r.until or '…'}")
    lines += [f"Generated {brief.created_at:%Y-%m-%d %H:%M} UTC for {', '.join(scope)}. "
              f"Brief id `{brief.id}`" + (" (stored; `intelgraph trace` it)." if brief.stored else "."), ""]
    for section in brief.sections:
        if not section.statements and not (section.key == "hypotheses" and brief.ach):
            continue
        lines += [f"## {section.title}", ""]
        for s in section.statements:
            lines.append(f"- {s.text} {_marks(s)} — *{_conf(s)}*")
        if section.key == "hypotheses" and brief.ach:
            lines += ["", "### ACH matrices", ""]
            for m in brief.ach:
                lines += _ach_markdown(m)
        lines.append("")
    lines += ["## Sources", ""]
    for e in brief.sources:
        lines.append(f"{e.n}. {e.title or e.document_id} — {e.source}, {e.published or 'undated'}; "
                     f"reliability {e.reliability} ({e.reliability_label}); `{e.document_id}`")
    lines.append("")
    return "\n".join(lines)


def _ach_markdown(m) -> list[str]:
    labels = [h.label for h in m.hypotheses]
    out = [f"**{m.title or m.document_id}** — ranked by fewest inconsistent items: "
           + ", ".join(f"{h.rank}. Hypothesis {h.label} ({h.inconsistent} I, {h.consistent} C)" for h in m.hypotheses),
           ""]
    if m.evidence:
        out.append("| evidence | " + " | ".join(labels) + " | diagnostic |")
        out.append("|---|" + "---|" * len(labels) + "---|")
        for e in m.evidence:
            text = e.text.replace("|", "\\|")
            out.append(f"| {text} [{e.citation.n}] | " + " | ".join(e.marks.get(lab, "-") for lab in labels)
                       + f" | {'yes' if e.diagnostic else 'no (fits every hypothesis)'} |")
    else:
        out.append("_No evidence items were linked to these hypotheses._")
    out.append("")
    return out


def render_html(brief: BriefDocument) -> str:
    e = html.escape
    r = brief.request
    parts = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
             f"<title>{e(brief.title)}</title>",
             "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;line-height:1.45}"
             "table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.2rem .4rem}"
             ".conf{color:#555;font-style:italic}.cite{font-size:.85em}</style>",
             "</head>", "<body>", f"<h1>{e(brief.title)}</h1>",
             f"<p>Generated {e(f'{brief.created_at:%Y-%m-%d %H:%M}')} UTC for topic <strong>{e(r.topic)}</strong>"
             + (f", entity <strong>{e(r.entity)}</strong>" if r.entity else "")
             + f". Brief id <code>{e(brief.id)}</code>.</p>"]
    for section in brief.sections:
        if not section.statements and not (section.key == "hypotheses" and brief.ach):
            continue
        parts.append(f'<section id="{e(section.key)}">')
        parts.append(f"<h2>{e(section.title)}</h2>")
        parts.append("<ul>")
        for s in section.statements:
            cites = " ".join(f'<a class="cite" href="#source-{c.n}" title="{e(c.passage_id)}">[{c.n}]</a>'
                             for c in sorted(s.citations, key=lambda c: c.n))
            parts.append(f'<li data-node="{e(s.node_id or "")}">{e(s.text)} {cites} '
                         f'<span class="conf">{e(_conf(s))}</span></li>')
        parts.append("</ul>")
        if section.key == "hypotheses":
            for m in brief.ach:
                parts.append(_ach_html(m))
        parts.append("</section>")
    parts.append('<section id="sources"><h2>Sources</h2><ol>')
    for s in brief.sources:
        parts.append(f'<li id="source-{s.n}">{e(s.title or s.document_id)} — {e(s.source)}, '
                     f"{e(s.published or 'undated')}; reliability {e(s.reliability)} ({e(s.reliability_label)}); "
                     f"<code>{e(s.document_id)}</code></li>")
    parts += ["</ol></section>", "</body>", "</html>", ""]
    return "\n".join(parts)


def _ach_html(m) -> str:
    e = html.escape
    labels = [h.label for h in m.hypotheses]
    rows = [f"<h3>ACH: {e(m.title or m.document_id)}</h3>", "<p>Ranked by fewest inconsistent items: "
            + ", ".join(f"{h.rank}. Hypothesis {e(h.label)} ({h.inconsistent} I, {h.consistent} C)"
                        for h in m.hypotheses) + "</p>"]
    if m.evidence:
        rows.append("<table><thead><tr><th>evidence</th>" + "".join(f"<th>{e(lab)}</th>" for lab in labels)
                    + "<th>diagnostic</th></tr></thead><tbody>")
        for ev in m.evidence:
            rows.append(f'<tr><td>{e(ev.text)} <a class="cite" href="#source-{ev.citation.n}">[{ev.citation.n}]</a></td>'
                        + "".join(f"<td>{e(ev.marks.get(lab, '-'))}</td>" for lab in labels)
                        + f"<td>{'yes' if ev.diagnostic else 'no'}</td></tr>")
        rows.append("</tbody></table>")
    return "\n".join(rows)
