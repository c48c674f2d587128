"""From a read and analysed document to the ontology's graph records.

Conventions
- Ids are deterministic, so a re-ingest or a retry MERGEs onto the same nodes:
  document `doc:<sha256 of the normalised text, 32 hex>`; passage
  `psg:<doc hash>:<start>-<end>`; an extracted object `<kind>:<doc hash>:<start>-<end>`;
  entities `entity:<resolved key>` (shared across documents); topics, techniques and
  sources by their normalised names.
- Every extracted object gets EXTRACTED_FROM its passage and ABOUT the entities
  mentioned inside its span. A Passage is made for every structured item and for
  every sentence that mentions an entity or holds a claim; a sentence that is a
  whole item is one Passage, of the item's kind.
- `extraction_score` (how sure the extractor is) and `confidence` (what the text
  states) are separate properties and never stand in for each other.
- `credibility` (Admiralty 1–6) only where the text states it: a digest insight's
  "Credibility: …" line, an evidence sentence's explicit cue (nlp.credibility); unset
  otherwise, never a default.
- Nothing comes from a cut-off fragment (`ParsedDocument.fragments`): mentions and
  claims inside one are dropped, a sentence running into one is clipped at its start.
- A surname-only entity of this document that names exactly one person in its Key
  Individuals list becomes that person (resolution.short_form_targets); across
  documents a bare surname stays its own entity (see nlp.resolution).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from intelgraph.extract.nlp.credibility import evidence_credibility, stated_credibility
from intelgraph.extract.nlp.resolution import canonical_key, entity_id, short_form_targets, strip_titles
from intelgraph.extract.readers.model import Item, ParsedDocument
from intelgraph.extract.sources import SourceInfo, slug, source_id
from intelgraph.ontology import L, R
from intelgraph.ontology.records import EdgeRecord, GraphDocument, NodeRecord

# How sure the reader is of an item it took from a labelled section of a known layout,
# against one it recognised from looser cues (older layouts, free text).
_STRUCTURED_SCORE = {"report-current": 0.95, "report-mid": 0.85, "report-early": 0.8, "digest": 0.9}
_DEFAULT_SCORE = 0.7

# Reader item kinds that become an extracted node of this label.
_ITEM_LABELS = {
    "hypothesis": "Hypothesis", "evidence": "Evidence", "assessment": "Assessment", "bluf": "Assessment",
    "insight": "Assessment", "indicator": "Indicator", "assumption": "Assumption",
    "information_gap": "InformationGap", "bias_risk": "BiasRisk", "implication": "Risk", "risk": "Risk",
    "recommendation": "Recommendation", "scenario": "Scenario",
}


class _Builder:
    def __init__(self, parsed: ParsedDocument, doc_id: str) -> None:
        self.parsed = parsed
        self.doc_id = doc_id
        self.hash = doc_id.removeprefix("doc:")[:16]
        self.nodes: dict[str, NodeRecord] = {}
        self.edges: dict[tuple, EdgeRecord] = {}

    def node(self, label: str, node_id: str, props: dict) -> str:
        props = {k: v for k, v in props.items() if v is not None}
        existing = self.nodes.get(node_id)
        if existing is None:
            self.nodes[node_id] = NodeRecord(label=label, id=node_id, props=props)
        else:
            for k, v in props.items():
                if isinstance(v, list):
                    merged = list(existing.props.get(k) or [])
                    merged += [x for x in v if x not in merged]
                    existing.props[k] = merged
                else:
                    existing.props.setdefault(k, v)
        return node_id

    def edge(self, rel: str, start: str, end: str, props: dict | None = None) -> None:
        props = {k: v for k, v in (props or {}).items() if v is not None}
        key = (rel, start, end, props.get("predicate"))
        if key in self.edges:
            old = self.edges[key]
            if "claim_ids" in props:
                old.props["claim_ids"] = sorted(set(old.props.get("claim_ids", [])) | set(props["claim_ids"]))
            return
        self.edges[key] = EdgeRecord(type=rel, start_label=self.nodes[start].label, start=start,
                                     end_label=self.nodes[end].label, end=end, props=props)

    def passage(self, start: int, end: int, kind: str, section: str | None = None) -> str:
        pid = f"psg:{self.hash}:{start}-{end}"
        if pid not in self.nodes:
            self.node(L.Passage, pid, {"start": start, "end": end, "text": self.parsed.text[start:end],
                                       "kind": kind, "section": section})
            self.edge(R.PART_OF, pid, self.doc_id)
        elif kind != "sentence" and self.nodes[pid].props["kind"] == "sentence":
            # a sentence that is a whole statement (an insight, an assumption) is
            # recorded as that statement
            self.nodes[pid].props.update(kind=kind, section=section)
        return pid

    def graph(self) -> GraphDocument:
        return GraphDocument(document_id=self.doc_id, nodes=list(self.nodes.values()),
                             edges=list(self.edges.values()))


# Reader item kinds that name a node shared across documents: label, link, id prefix.
_SHARED_BY_NAME = {
    "tag": (L.Topic, R.TAGGED, "topic"),
    "technique": (L.Technique, R.USES_TECHNIQUE, "technique"),
}

def build_graph(parsed: ParsedDocument, analysis, source: SourceInfo, *,
                ingested_at: dt.datetime | None = None) -> GraphDocument:
    """The GraphDocument for one document. `analysis` is an nlp Analysis of parsed.text."""
    doc_id = parsed.document_id
    b = _Builder(parsed, doc_id)
    text = parsed.text

    sid = b.node(L.Source, source_id(source.name), {"name": source.name, "reliability": source.reliability,
                                                     "url": source.url})
    b.node(L.Document, doc_id, {
        "text": text, "title": parsed.title, "published": _iso_date(parsed.published), "format": parsed.format,
        "layout": parsed.layout, "headline": parsed.headline, "url": parsed.url, "truncated": parsed.truncated,
        "missing": list(parsed.missing), "word_count": len(text.split()),
        "ingested_at": (ingested_at or dt.datetime.now(dt.timezone.utc)).isoformat(),
    })
    b.edge(R.PUBLISHED_BY, doc_id, sid)

    # entities, each mention anchored in the sentence that holds it; none from a cut-off fragment
    cuts = [(f.start, f.end) for f in getattr(parsed, "fragments", None) or []]
    merged, listed_names = _surname_merges(parsed, analysis)
    mentions = [_Mention(merged.get(m.id, m.id), m.start, m.end, m.text) for m in analysis.mentions
                if not _overlaps(cuts, m.start, m.end)]
    kept = {m.id for m in mentions}
    entity_label: dict[str, str] = {}
    # full names first, so a merged surname adds its aliases but never its name
    for ent in sorted(analysis.entities, key=lambda ent: ent.id in merged):
        eid = merged.get(ent.id, ent.id)
        if eid not in kept:
            continue
        if eid != ent.id and eid not in b.nodes:  # a listed person the model did not tag
            name = listed_names[eid]
            b.node(L.Person, eid, {"name": name, "key": eid.removeprefix("entity:").replace("-", " "),
                                   "aliases": [name]})
        b.node(ent.label, eid, {"name": ent.name, "key": ent.key, "aliases": sorted(set(ent.aliases))})
        entity_label[eid] = b.nodes[eid].label
    sentences = sorted(c for s, e in analysis.sentences if (c := _clip(text, cuts, s, e)))
    mention_sentence: list[tuple[_Mention, tuple[int, int]]] = []
    for m in mentions:
        sent = _containing(sentences, m.start, m.end) or (m.start, m.end)
        mention_sentence.append((m, sent))
    for m, (s, e) in mention_sentence:
        pid = b.passage(s, e, "sentence")
        b.edge(R.MENTIONS, pid, m.id, {"start": m.start, "end": m.end, "text": m.text})

    score = _STRUCTURED_SCORE.get(parsed.layout, _DEFAULT_SCORE)
    stated = _stated_confidence(parsed)
    by_kind: dict[str, list[str]] = {}
    hypotheses: dict[str, str] = {}

    for item in parsed.items:
        s, e = item.span.start, item.span.end
        if e <= s:
            continue
        pid = b.passage(s, e, item.kind, item.section)
        label = _ITEM_LABELS.get(item.kind)
        if item.kind in _SHARED_BY_NAME:
            # tags and techniques are shared across documents, keyed by their name
            shared_label, rel, prefix = _SHARED_BY_NAME[item.kind]
            name = str(item.fields.get("name") or item.span.text)
            tid = b.node(shared_label, f"{prefix}:{slug(name)}", {"name": name, "key": slug(name)})
            b.edge(rel, doc_id, tid)
            b.edge(R.EXTRACTED_FROM, tid, pid)
            continue
        if item.kind == "key_entity":
            _key_entity(b, item, pid, mentions, entity_label)
            continue
        if label is None:
            continue  # paragraphs, headlines, statements: passages only
        nid = f"{item.kind}:{b.hash}:{s}-{e}"
        props = {"text": item.span.text, "extraction_score": score}
        props.update(_item_props(item, stated))
        b.node(label, nid, props)
        b.edge(R.EXTRACTED_FROM, nid, pid)
        by_kind.setdefault(item.kind, []).append(nid)
        if item.kind == "hypothesis":
            hypotheses[str(item.fields.get("label") or len(hypotheses) + 1)] = nid
        for ent_id in _entities_within(mention_sentence, s, e):
            b.edge(R.ABOUT, nid, ent_id, {"role": "subject"})

    # reasoning links inside the document
    hyp_ids = list(hypotheses.values())
    for i, a in enumerate(hyp_ids):
        for other in hyp_ids[i + 1:]:
            b.edge(R.COMPETES_WITH, a, other)
    for nid in by_kind.get("evidence", []):
        item = _item_by_id(parsed, nid)
        target = hypotheses.get(str(item.fields.get("hypothesis"))) if item else None
        if target:
            direction = str(item.fields.get("direction") or "supports")
            b.edge(R.CONTRADICTS if direction == "contradicts" else R.SUPPORTS, nid, target)
    for nid in by_kind.get("assessment", []):
        item = _item_by_id(parsed, nid)
        favored = item.fields.get("favored") if item else None
        if favored is not None and str(favored) in hypotheses:
            b.edge(R.FAVORS, nid, hypotheses[str(favored)])
        for aid in by_kind.get("assumption", []):
            b.edge(R.RESTS_ON, nid, aid)
        for iid in by_kind.get("indicator", []):
            b.edge(R.WATCHES, nid, iid)
    for nid in by_kind.get("bluf", []):
        for aid in by_kind.get("assumption", []):
            b.edge(R.RESTS_ON, nid, aid)

    # claims, their attribution and the entity relationships they support
    def resolved(key: str) -> str:
        eid = entity_id(key)
        return merged.get(eid, eid)

    for claim in analysis.claims:
        if _overlaps(cuts, claim.start, claim.end):
            continue
        pid = b.passage(claim.start, claim.end, "sentence")
        cid = f"claim:{b.hash}:{claim.start}-{claim.end}"
        b.node(L.Claim, cid, {
            "text": claim.text, "extraction_score": round(float(claim.extraction_score), 3),
            "polarity": claim.polarity, "hedged": bool(claim.hedged), "likelihood": claim.likelihood,
            "probability_low": claim.probability_low, "probability_high": claim.probability_high,
            "predicate": claim.predicate, "attribution": claim.attribution,
        })
        b.edge(R.EXTRACTED_FROM, cid, pid)
        subjects = [eid for eid in dict.fromkeys(map(resolved, claim.subject_keys)) if eid in b.nodes]
        objects = [eid for eid in dict.fromkeys(map(resolved, claim.object_keys))
                   if eid in b.nodes and eid not in subjects]
        for eid in subjects:
            b.edge(R.ABOUT, cid, eid, {"role": "subject"})
        for eid in objects:
            b.edge(R.ABOUT, cid, eid, {"role": "object"})
        attributed = resolved(claim.attribution_key) if claim.attribution_key else None
        if attributed and attributed in b.nodes:
            b.edge(R.ATTRIBUTED_TO, cid, attributed)
        else:
            b.edge(R.ATTRIBUTED_TO, cid, sid)
        if claim.predicate:
            for a in subjects:
                for o in objects:
                    if a != o:
                        b.edge(R.RELATED_TO, a, o, {"predicate": claim.predicate, "claim_ids": [cid]})
    return b.graph()


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _stated_confidence(parsed: ParsedDocument) -> str | None:
    for item in parsed.items:
        if item.kind == "confidence_statement" and item.fields.get("confidence"):
            return str(item.fields["confidence"]).lower()
    return None


def _item_props(item: Item, stated: str | None) -> dict:
    f = item.fields
    k = item.kind
    if k == "hypothesis":
        return {"label": str(f.get("label") or "?"), "statement": item.span.text}
    if k in ("assessment", "bluf", "insight"):
        conf = f.get("confidence") or (stated if k != "insight" else None)
        props = {"kind": {"assessment": "ach"}.get(k, k),
                 "confidence": str(conf).lower() if conf and str(conf).lower() in ("low", "moderate", "high") else None,
                 "favored_label": str(f["favored"]) if f.get("favored") is not None else None}
        if k == "insight":
            props["category"] = str(f["category"]) if f.get("category") else None
            props["credibility"] = stated_credibility(str(f["credibility"]) if f.get("credibility") else None)
        return props
    if k == "evidence":
        return {"credibility": evidence_credibility(item.span.text)}
    if k == "risk":
        return {"domain": str(f.get("domain") or "general")}
    if k == "implication":
        return {"domain": "general"}
    if k == "recommendation":
        return {"horizon": str(f.get("horizon") or "immediate")}
    if k == "scenario":
        return {"scenario_kind": str(f.get("kind") or "most_likely")}
    return {}


@dataclass(frozen=True)
class _Mention:
    """A mention as the graph sees it: its entity id after this document's merges."""

    id: str
    start: int
    end: int
    text: str


def _overlaps(cuts: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < ce and cs < end for cs, ce in cuts)


def _clip(text: str, cuts: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The sentence (start, end) cut short before any fragment it runs into; None if it starts in one."""
    for cs, ce in cuts:
        if start < ce and cs < end:
            if cs <= start:
                return None
            end = cs
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _surname_merges(parsed: ParsedDocument, analysis) -> tuple[dict[str, str], dict[str, str]]:
    """(surname-only entity id -> id of the one listed Key Individual it names,
    listed person's id -> the name as listed)."""
    listed = [str(i.fields.get("name") or i.span.text).strip() for i in parsed.items_of("key_entity")]
    people = [name for name in listed if _looks_like_person(name) and not _looks_like_org(name)]
    if not people:
        return {}, {}
    targets = short_form_targets([ent.key for ent in analysis.entities], people)
    merges = {entity_id(short): entity_id(full) for short, full in targets.items()}
    names = {entity_id(" ".join(strip_titles(canonical_key(name).split()))): name for name in people}
    return merges, names


def _containing(sentences: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    for s, e in sentences:
        if s <= start and end <= e:
            return (s, e)
    return None


def _entities_within(mentions: Iterable, start: int, end: int) -> list[str]:
    out: list[str] = []
    for m, _sent in mentions:
        if start <= m.start and m.end <= end and m.id not in out:
            out.append(m.id)
    return out


def _item_by_id(parsed: ParsedDocument, nid: str) -> Item | None:
    kind, _hash, span = nid.split(":", 2)
    s, e = (int(x) for x in span.split("-"))
    for item in parsed.items:
        if item.kind == kind and item.span.start == s and item.span.end == e:
            return item
    return None


def _key_entity(b: _Builder, item: Item, pid: str, mentions: list[_Mention], entity_label: dict[str, str]) -> None:
    """A 'Key Individuals and Entities' line: the entity it names, featured by the document."""
    s, e = item.span.start, item.span.end
    inside = [m for m in mentions if s <= m.start and m.end <= e]
    name = str(item.fields.get("name") or item.span.text).strip()
    if inside:
        # the longest mention inside the line is the entity it names
        m = max(inside, key=lambda m: m.end - m.start)
        eid = m.id
    else:
        person = _looks_like_person(name) and not _looks_like_org(name)
        key = " ".join(strip_titles(canonical_key(name).split())) if person else canonical_key(name)
        eid = entity_id(key)
        if eid not in b.nodes:
            b.node(L.Person if person else L.Organization, eid, {"name": name, "key": key, "aliases": [name]})
    b.edge(R.MENTIONS, pid, eid, {"start": s, "end": e, "text": item.span.text})
    b.edge(R.FEATURES, b.doc_id, eid)


_ORG_WORDS = re.compile(r"\b(government|agency|agencies|ministry|council|university|institute|forces|army|"
                        r"party|command|court|bank|office|committee|union|organi[sz]ation|group|department|"
                        r"authority)\b", re.I)


def _looks_like_org(name: str) -> bool:
    return bool(_ORG_WORDS.search(name))


def _looks_like_person(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)
