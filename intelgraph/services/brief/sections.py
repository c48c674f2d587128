"""Section builders: query rows into statements, one function per brief section.

Every builder takes the Assembly and the rows of the section's queries, in the order
the section table (builder.SECTIONS) names them. Statements carry the date of their
document, the Admiralty grade of its source, and confidence only where the text states
one; lists keep the order of their query (most relevant, then newest, first).
"""

from __future__ import annotations

from intelgraph.ontology import L, R, get_ontology
from intelgraph.services.brief import red_flags
from intelgraph.services.brief.ach import ach_matrices
from intelgraph.services.brief.assembly import Assembly, Rows, document_title, likelihood
from intelgraph.services.brief.model import Statement
from intelgraph.services.brief.questions import key_judgements, superseded


def bluf(asm: Assembly, judgements: Rows) -> list[Statement]:
    """The current key judgement of each question, with its history."""
    asm.shared["judgement_rows"] = judgements
    asm.shared["key_judgements"] = found = key_judgements(asm, judgements, asm.shared["limit"])
    return found


def hypotheses(asm: Assembly, rows: Rows) -> list[Statement]:
    """Competing hypotheses per document (question), current questions first; the ACH
    matrices are kept on the assembly."""
    questions = asm.shared["questions"]
    newer = superseded(questions)
    answers = {a.document_id: a for q in questions for a in q}
    asm.shared["hypothesis_rows"] = rows
    asm.ach = ach_matrices(asm, rows)
    rank = {h.node_id: h.rank for m in asm.ach for h in m.hypotheses}
    order: dict[str, int] = {}
    for r in rows:  # newest document first, as the query gives them
        order.setdefault(r["document_id"], len(order))
    rows = sorted(rows, key=lambda r: (r["document_id"] in newer, order[r["document_id"]], rank.get(r["id"]) or 99))
    out = []
    for r in rows:
        favored = [f for f in r["favored_by"] if f]
        answer = answers.get(r["document_id"])
        later = newer.get(r["document_id"])
        out.append(asm.stmt(
            r, "hypothesis", f"Hypothesis {r['label']}: {r['statement']}",
            confidence=favored[0]["confidence"] if favored else None,
            question=answer.question if answer else f"\u201c{r['title'] or r['document_id']}\u201d",
            superseded_by=later.row["id"] if later else None,
            details={"label": r["label"], "favored": bool(favored), "ach_rank": rank.get(r["id"]),
                     "superseded_on": later.published if later else None,
                     "evidence_for": sum(1 for e in r["evidence"] if e and e["direction"] == R.SUPPORTS),
                     "evidence_against": sum(1 for e in r["evidence"] if e and e["direction"] == R.CONTRADICTS)}))
    return out


def _assumption_kind(label: str) -> str:
    """The statement kind of an Assumption, InformationGap, BiasRisk or Indicator row."""
    return {L.Assumption: "assumption", L.InformationGap: "information_gap", L.BiasRisk: "bias_risk",
            L.Indicator: "indicator"}.get(label, label)


def assumptions(asm: Assembly, rows: Rows, single_origin: Rows, contradictions: Rows) -> list[Statement]:
    """Key assumptions, gaps, bias risks and indicators (at most `limit` of each kind),
    then the red flags, by type."""
    limit, per_kind, out = asm.shared["limit"], {}, []
    for r in rows:
        kind = _assumption_kind(r["kind"])
        per_kind[kind] = per_kind.get(kind, 0) + 1
        if per_kind[kind] <= limit:
            out.append(asm.stmt(r, kind, r["text"]))
    questions = asm.shared["questions"]
    out += red_flags.single_origin(asm, single_origin)
    out += red_flags.judgement_conflicts(asm, questions)
    out += red_flags.fact_conflicts(asm, contradictions)
    out += red_flags.internal_conflicts(asm, questions)
    out += red_flags.ach_disagreements(asm, asm.shared["hypothesis_rows"])
    out += red_flags.ungraded(asm, asm.shared["timeline"])
    out += red_flags.stale(asm, asm.shared["timeline"], asm.shared["key_judgements"])
    return out


def _term_label(vocabulary: str, notation: str | None) -> str | None:
    return get_ontology().term(vocabulary, notation).label if notation else None


def relation_phrase(x: dict) -> str:
    """A relationship as a key-entities line words it: "supply Tidewater Front"; negative,
    "did not supply Tidewater Front", or "supply Tidewater Front (denied)" when its claims
    deny it; "(hedged)" when every claim behind it is hedged. Incoming: "X supply it"."""
    onto = get_ontology()
    modalities = set(x.get("modality") or [])
    denied, hedged = onto.term("Modality", "denied"), onto.term("Modality", "hedged")
    verb = x["predicate"]
    if x.get("polarity") == onto.term("Polarity", "negative").notation and denied.notation not in modalities:
        verb = f"did not {verb}"
    text = f"{verb} {x['other']}" if x["outgoing"] else f"{x['other']} {verb} it"
    if denied.notation in modalities and x.get("polarity") == onto.term("Polarity", "negative").notation:
        text += f" ({denied.label})"
    elif modalities == {hedged.notation}:
        text += f" ({hedged.label})"
    return text


def implications(asm: Assembly, rows: Rows) -> list[Statement]:
    return [asm.stmt(r, f"risk:{r['domain']}", r["text"],
                     details={"domain": r["domain"], "domain_label": _term_label("RiskDomain", r["domain"])})
            for r in rows[:asm.shared["limit"] * 2]]


def outlook(asm: Assembly, recommendations: Rows, scenarios: Rows) -> list[Statement]:
    limit = asm.shared["limit"]
    out = [asm.stmt(r, f"recommendation:{r['horizon']}", r["text"],
                    details={"horizon": r["horizon"], "horizon_label": _term_label("Horizon", r["horizon"])})
           for r in recommendations[:limit * 2]]
    out += [asm.stmt(r, f"scenario:{r['scenario_kind'] or 'unstated'}", r["text"], likelihood=likelihood(r["likelihood"]),
                     details={"scenario": r["scenario_kind"],
                              "scenario_label": _term_label("ScenarioKind", r["scenario_kind"])})
            for r in scenarios[:limit * 2]]
    return out


def techniques(asm: Assembly, rows: Rows) -> list[Statement]:
    return [asm.stmt(r, "technique", f"{r['name']} ({r['documents']} document(s))",
                     details={"name": r["name"], "documents": r["documents"]})
            for r in rows if r.get("passage_id")]


def entities(asm: Assembly, rows: Rows) -> list[Statement]:
    out = []
    for r in rows:
        rels = [x for x in r["relationships"] if x]
        text = f"{r['name']} ({r['type'] or L.Entity}): {r['mentions']} mention(s) in {r['documents']} document(s)"
        if rels:
            text += "; " + "; ".join(f"{relation_phrase(x)} ×{x['count']}" for x in rels)
        out.append(asm.stmt(r, "entity", text, details={"name": r["name"], "type": r["type"], "mentions": r["mentions"],
                                                       "connections": r["connections"], "relationships": rels}))
    return out


def tags(asm: Assembly, rows: Rows) -> list[Statement]:
    return [asm.stmt(r, "tag", f"{r['name']} ({r['documents']} document(s))",
                     details={"name": r["name"], "documents": r["documents"]})
            for r in rows if r.get("passage_id")]


def timeline(asm: Assembly, rows: Rows) -> list[Statement]:
    return [asm.stmt(r, "document", f"{document_title(r['title'], r.get('lead'), r['document_id'])} ({r['source']})"
                     + (" [truncated]" if r["truncated"] else ""), node_key="document_id",
                     details={"published": r["published"], "layout": r["layout"], "about": r["about"]})
            for r in rows if r.get("passage_id")]
