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
- Sources in their roles: the document is PUBLISHED_BY its publisher and BASED_ON each
  origin (extract.sources), each edge with `via`, how the document names it; a claim is
  ATTRIBUTED_TO its speaker (see `_speaker`), the publisher when the text credits no one.
- `credibility` (Admiralty 1–6) only where the text states it: a digest insight's
  "Credibility: …" line (on the insight and the claims inside it), an evidence
  sentence's explicit cue (nlp.credibility); unset otherwise, never a default.
- Techniques are one node per technique however a page names it (technique_names):
  the names as written are its aliases.
- Nothing comes from a cut-off fragment (`ParsedDocument.fragments`): mentions and
  claims inside one are dropped, a sentence running into one is clipped at its start.
- A surname-only entity of this document that names exactly one person in its Key
  Individuals list becomes that person (resolution.short_form_targets); across
  documents a bare surname stays its own entity (see nlp.resolution).
- A quantity is an Observation (`observation:<doc hash>:<start>-<end>`, its own words'
  offsets), EXTRACTED_FROM its sentence's passage, ABOUT its subject entity, with the
  document's `published` date as `reported_on`, so a measure on a subject is a series.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from intelgraph.extract.nlp.credibility import evidence_credibility, stated_credibility
from intelgraph.extract.nlp.estimative import find_estimate
from intelgraph.extract.nlp.resolution import canonical_key, entity_id, short_form_targets, strip_titles
from intelgraph.extract.readers.model import Item, ParsedDocument
from intelgraph.extract.sources import DocumentSources, SourceInfo, slug, source_id
from intelgraph.extract.speakers import Mention, speaker_of
from intelgraph.extract.technique_names import technique_name
from intelgraph.ontology import L, R, get_ontology
from intelgraph.ontology.records import EdgeRecord, GraphDocument, NodeRecord

# How sure the reader is of an item it took from a labelled section of a known layout,
# against one it recognised from looser cues (older layouts, free text).
_STRUCTURED_SCORE = {"report-current": 0.95, "report-mid": 0.85, "report-early": 0.8, "digest": 0.9}
_DEFAULT_SCORE = 0.7


def _item_labels() -> dict[str, str]:
    """Reader item kinds that become an extracted node of this label."""
    return {
        "hypothesis": L.Hypothesis, "evidence": L.Evidence, "assessment": L.Assessment, "bluf": L.Assessment,
        "insight": L.Assessment, "indicator": L.Indicator, "assumption": L.Assumption,
        "information_gap": L.InformationGap, "bias_risk": L.BiasRisk, "implication": L.Risk, "risk": L.Risk,
        "recommendation": L.Recommendation, "scenario": L.Scenario,
    }


def _shared_by_name() -> dict[str, tuple[str, str, str]]:
    """Reader item kinds that name a node shared across documents: label, link, id prefix."""
    return {"tag": (L.Topic, R.TAGGED, "topic"), "technique": (L.Technique, R.USES_TECHNIQUE, "technique")}


class _Records:
    """The nodes and edges of one document, merged as they are added."""

    def __init__(self, parsed: ParsedDocument) -> None:
        self.parsed = parsed
        self.doc_id = parsed.document_id
        self.hash = self.doc_id.removeprefix("doc:")[:16]
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
        key = (rel, start, end, props.get("predicate"), props.get("polarity"))
        if key in self.edges:
            old = self.edges[key]
            for name in ("claim_ids", "modality"):  # the list properties of a keyed edge grow as sets
                if name in props:
                    old.props[name] = sorted(set(old.props.get(name, [])) | set(props[name]))
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


class GraphBuilder:
    """Builds one document's GraphDocument, a part at a time, in this order: the
    document and its source, entities and their mentions, the reader's items, the
    reasoning links between items, then claims with their attribution and the
    entity relationships they support. Each part reads what the earlier ones made."""

    def __init__(self, parsed: ParsedDocument, analysis, source: DocumentSources | SourceInfo) -> None:
        self.parsed = parsed
        self.analysis = analysis
        self.sources = source if isinstance(source, DocumentSources) else DocumentSources(source)
        self.out = _Records(parsed)
        self.cuts = [(f.start, f.end) for f in parsed.fragments]
        self.source_id = ""
        self.merged: dict[str, str] = {}  # surname-only entity id -> the listed person's id
        self.mentions: list[tuple[_Mention, tuple[int, int]]] = []  # each with its sentence
        self.sentences: list[tuple[int, int]] = []
        self.entity_label: dict[str, str] = {}
        self.items_by_kind: dict[str, list[tuple[str, Item]]] = {}  # kind -> (node id, item)
        self.hypotheses: dict[str, str] = {}  # hypothesis label -> node id
        self.last_person: str | None = None  # the last person named as a speaker, for "he said"

    def build(self, ingested_at: dt.datetime | None = None) -> GraphDocument:
        self.document(ingested_at)
        self.entities()
        self.items()
        self.reasoning_links()
        self.claims()
        self.observations()
        return self.out.graph()

    # ---- the parts

    def document(self, ingested_at: dt.datetime | None) -> None:
        """The document, its publisher and its origins."""
        p, out = self.parsed, self.out
        publisher = self.sources.publisher
        self.source_id = self._source(publisher)
        out.node(L.Document, out.doc_id, {
            "text": p.text, "title": p.title, "published": _iso_date(p.published), "format": p.format,
            "layout": p.layout, "headline": p.headline, "url": p.url, "truncated": p.truncated,
            "missing": list(p.missing), "word_count": len(p.text.split()),
            "ingested_at": (ingested_at or dt.datetime.now(dt.timezone.utc)).isoformat(),
        })
        out.edge(R.PUBLISHED_BY, out.doc_id, self.source_id, {"via": publisher.via})
        for origin in self.sources.origins:
            out.edge(R.BASED_ON, out.doc_id, self._source(origin), {"via": origin.via})

    def entities(self) -> None:
        """Entities, each mention anchored in the sentence that holds it; none from a cut-off fragment."""
        out, analysis = self.out, self.analysis
        self.merged, listed_names = _surname_merges(self.parsed, analysis)
        mentions = [_Mention(self.merged.get(m.id, m.id), m.start, m.end, m.text) for m in analysis.mentions
                    if not _overlaps(self.cuts, m.start, m.end)]
        kept = {m.id for m in mentions}
        # an outlet that publishes the page or that it credits is an organisation, whatever
        # the model took its name for ("(Yonhap)" as a nationality, "Jiji Press" as a person)
        outlets = {canonical_key(s.name) for s in (self.sources.publisher, *self.sources.origins)}
        # full names first, so a merged surname adds its aliases but never its name
        for ent in sorted(analysis.entities, key=lambda ent: ent.id in self.merged):
            eid = self.merged.get(ent.id, ent.id)
            if eid not in kept:
                continue
            if eid != ent.id and eid not in out.nodes:  # a listed person the model did not tag
                name = listed_names[eid]
                out.node(L.Person, eid, {"name": name, "key": eid.removeprefix("entity:").replace("-", " "),
                                         "aliases": [name]})
            label = L.Organization if ent.key in outlets else ent.label
            votes = [f"{out.doc_id}|{label}|{len(ent.mentions)}"]
            out.node(label, eid, {"name": ent.name, "key": ent.key, "aliases": sorted(set(ent.aliases)),
                                  "type_votes": votes})
            self.entity_label[eid] = out.nodes[eid].label
        text = self.parsed.text
        starts = sorted(i.span.start for i in self.parsed.items_of("paragraph"))
        sentences = sorted(c for s, e in analysis.sentences
                           if (c := _clip(text, self.cuts, _lead_in_skipped(text, starts, s, e), e)))
        self.sentences = sentences
        self.mentions = [(m, _containing(sentences, m.start, m.end) or (m.start, m.end)) for m in mentions]
        for m, (s, e) in self.mentions:
            pid = out.passage(s, e, "sentence")
            out.edge(R.MENTIONS, pid, m.id, {"start": m.start, "end": m.end, "text": m.text})

    def items(self) -> None:
        """The reader's structured items: shared tags and techniques, featured entities,
        and one extracted node per statement, ABOUT the entities inside its span."""
        out, labels, shared = self.out, _item_labels(), _shared_by_name()
        score = _STRUCTURED_SCORE.get(self.parsed.layout, _DEFAULT_SCORE)
        stated = _stated_confidence(self.parsed)
        for item in self.parsed.items:
            s, e = item.span.start, item.span.end
            if e <= s:
                continue
            pid = out.passage(s, e, item.kind, item.section)
            if item.kind in shared:
                self._shared_item(item, pid, *shared[item.kind])
            elif item.kind == "key_entity":
                self._key_entity(item, pid)
            elif item.kind in labels:  # else paragraphs, headlines, statements: passages only
                nid = f"{item.kind}:{out.hash}:{s}-{e}"
                out.node(labels[item.kind], nid, {"text": item.span.text, "extraction_score": score,
                                                  **_item_props(item, stated)})
                out.edge(R.EXTRACTED_FROM, nid, pid)
                self.items_by_kind.setdefault(item.kind, []).append((nid, item))
                if item.kind == "hypothesis":
                    self.hypotheses[str(item.fields.get("label") or len(self.hypotheses) + 1)] = nid
                for ent_id in _entities_within(self.mentions, s, e):
                    out.edge(R.ABOUT, nid, ent_id, {"role": "subject"})

    def reasoning_links(self) -> None:
        """Inside the document: competing hypotheses, evidence for and against them, the
        assessment's favoured hypothesis, and what assessments rest on and watch."""
        out, hyps = self.out, self.hypotheses
        hyp_ids = list(hyps.values())
        for i, a in enumerate(hyp_ids):
            for other in hyp_ids[i + 1:]:
                out.edge(R.COMPETES_WITH, a, other)
        for nid, item in self._of("evidence"):
            target = hyps.get(str(item.fields.get("hypothesis")))
            if target:
                direction = str(item.fields.get("direction") or "supports")
                out.edge(R.CONTRADICTS if direction == "contradicts" else R.SUPPORTS, nid, target)
        assumptions = [nid for nid, _ in self._of("assumption")]
        indicators = [nid for nid, _ in self._of("indicator")]
        for nid, item in self._of("assessment"):
            favored = item.fields.get("favored")
            if favored is not None and str(favored) in hyps:
                out.edge(R.FAVORS, nid, hyps[str(favored)])
            for aid in assumptions:
                out.edge(R.RESTS_ON, nid, aid)
            for iid in indicators:
                out.edge(R.WATCHES, nid, iid)
        for nid, _ in self._of("bluf"):
            for aid in assumptions:
                out.edge(R.RESTS_ON, nid, aid)

    def claims(self) -> None:
        """Claims, their attribution and the entity relationships they support."""
        out = self.out
        for claim in self.analysis.claims:
            if _overlaps(self.cuts, claim.start, claim.end):
                continue
            pid = out.passage(claim.start, claim.end, "sentence")
            cid = f"claim:{out.hash}:{claim.start}-{claim.end}"
            out.node(L.Claim, cid, {
                "text": claim.text, "extraction_score": round(float(claim.extraction_score), 3),
                "polarity": claim.polarity, "modality": claim.modality, "hedged": bool(claim.hedged),
                "likelihood": claim.likelihood,
                "probability_low": claim.probability_low, "probability_high": claim.probability_high,
                "predicate": claim.predicate, "attribution": claim.attribution,
                "credibility": self._stated_credibility(claim.start, claim.end),
            })
            out.edge(R.EXTRACTED_FROM, cid, pid)
            subjects = [eid for eid in dict.fromkeys(map(self._resolved, claim.subject_keys)) if eid in out.nodes]
            objects = [eid for eid in dict.fromkeys(map(self._resolved, claim.object_keys))
                       if eid in out.nodes and eid not in subjects]
            for eid in subjects:
                out.edge(R.ABOUT, cid, eid, {"role": "subject"})
            for eid in objects:
                out.edge(R.ABOUT, cid, eid, {"role": "object"})
            out.edge(R.ATTRIBUTED_TO, cid, self._speaker(claim))
            # Relationships only between the predicate's own arguments (none for a light
            # predicate), with the claim's polarity: a denied supply is a negative edge.
            starts = self._present(claim.relation_subject_keys)
            for a in starts:
                for o in self._present(claim.relation_object_keys):
                    if a != o:
                        out.edge(R.RELATED_TO, a, o, {"predicate": claim.predicate, "polarity": claim.polarity,
                                                      "modality": [claim.modality], "claim_ids": [cid]})

    def observations(self) -> None:
        """Quantities (nlp.quantity_rules) as Observations: EXTRACTED_FROM their sentence,
        ABOUT the entity the sentence names nearest to them, dated by the document."""
        out = self.out
        published = _iso_date(self.parsed.published)
        for q in self.analysis.quantities:
            if _overlaps(self.cuts, q.start, q.end):
                continue
            s, e = _containing(self.sentences, q.start, q.end) or (q.start, q.end)
            pid = out.passage(s, e, "sentence")
            oid = f"observation:{out.hash}:{q.start}-{q.end}"
            out.node(L.Observation, oid, {
                "text": q.text, "start": q.start, "end": q.end, "value": q.value, "value_low": q.low,
                "value_high": q.high, "bound": q.bound, "unit": q.unit, "measure": q.measure,
                "reported_on": published, "extraction_score": q.extraction_score,
            })
            out.edge(R.EXTRACTED_FROM, oid, pid)
            subject = self._resolved(q.subject_key) if q.subject_key else None
            if subject in out.nodes:
                out.edge(R.ABOUT, oid, subject, {"role": "subject"})

    # ---- helpers of the parts

    def _of(self, kind: str) -> list[tuple[str, Item]]:
        return self.items_by_kind.get(kind, [])

    def _present(self, keys: list[str]) -> list[str]:
        """The graph's entity ids for resolution keys, in order, once each."""
        return [eid for eid in dict.fromkeys(map(self._resolved, keys)) if eid in self.out.nodes]

    def _resolved(self, key: str) -> str:
        eid = entity_id(key)
        return self.merged.get(eid, eid)

    def _speaker(self, claim) -> str:
        """The node a claim is ATTRIBUTED_TO: the entity its attribution names; for "he" or
        "she", the last person named as a speaker before it; a named speaker that is no
        entity ("South Korea's spy agency") as a source of its own; the publisher when
        the text names no one ("officials said", no attribution)."""
        if not claim.attribution:
            return self.source_id
        at = claim.text.find(claim.attribution)
        if at < 0:  # the attribution is not in the claim's own words: the rule's own key
            eid = self._resolved(claim.attribution_key) if claim.attribution_key else None
            return eid if eid in self.out.nodes else self.source_id
        start = claim.start + at
        end = start + len(claim.attribution)
        inside = [Mention(m.id, m.start, m.end) for m, _ in self.mentions if m.start < end and start < m.end]
        found = speaker_of(self.parsed.text, start, end, inside)
        if found.kind == "entity" and found.entity_id in self.out.nodes:
            if self.entity_label.get(found.entity_id) == L.Person:
                self.last_person = found.entity_id
            return found.entity_id
        if found.kind == "pronoun":
            person = found.name.lower() in ("he", "she") and self.last_person
            return person or self.source_id
        if found.kind == "described" and any(w[:1].isupper() for w in found.name.split()):
            return self._source(SourceInfo(found.name, self.sources.grade(found.name)))
        return self.source_id

    def _stated_credibility(self, start: int, end: int) -> str | None:
        """The credibility a digest states for the insight that holds this span, if any."""
        for _, item in self._of("insight"):
            if item.span.start <= start and end <= item.span.end and item.fields.get("credibility"):
                return stated_credibility(str(item.fields["credibility"]))
        return None

    def _source(self, source: SourceInfo) -> str:
        return self.out.node(L.Source, source_id(source.name), {
            "name": source.name, "reliability": source.reliability, "url": source.url})

    def _shared_item(self, item: Item, pid: str, label: str, rel: str, prefix: str) -> None:
        """A tag or technique: shared across documents, keyed by its name (a technique by
        the key its names share, each name an alias)."""
        name = str(item.fields.get("name") or item.span.text)
        if label == L.Technique:
            named = technique_name(name)
            props = {"name": named.name, "key": named.key, "aliases": [named.alias]}
        else:
            props = {"name": name, "key": slug(name)}
        tid = self.out.node(label, f"{prefix}:{props['key']}", props)
        self.out.edge(rel, self.out.doc_id, tid)
        self.out.edge(R.EXTRACTED_FROM, tid, pid)

    def _key_entity(self, item: Item, pid: str) -> None:
        """A 'Key Individuals and Entities' line: the entity it names, featured by the document."""
        out = self.out
        s, e = item.span.start, item.span.end
        inside = [m for m, _ in self.mentions if s <= m.start and m.end <= e]
        name = str(item.fields.get("name") or item.span.text).strip()
        if inside:
            # the longest mention inside the line is the entity it names
            eid = max(inside, key=lambda m: m.end - m.start).id
        else:
            person = _looks_like_person(name) and not _looks_like_org(name)
            key = " ".join(strip_titles(canonical_key(name).split())) if person else canonical_key(name)
            eid = entity_id(key)
            if eid not in out.nodes:
                out.node(L.Person if person else L.Organization, eid, {"name": name, "key": key, "aliases": [name]})
        out.edge(R.MENTIONS, pid, eid, {"start": s, "end": e, "text": item.span.text})
        out.edge(R.FEATURES, out.doc_id, eid)


def build_graph(parsed: ParsedDocument, analysis, source: DocumentSources | SourceInfo, *,
                ingested_at: dt.datetime | None = None) -> GraphDocument:
    """The GraphDocument for one document. `analysis` is an nlp Analysis of parsed.text."""
    return GraphBuilder(parsed, analysis, source).build(ingested_at)


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
    onto = get_ontology()
    if k == "hypothesis":
        return {"label": str(f.get("label") or "?"), "statement": item.span.text}
    if k in ("assessment", "bluf", "insight"):
        conf = str(f.get("confidence") or (stated if k != "insight" else None) or "").lower()
        props = {"kind": {"assessment": "ach"}.get(k, k),
                 "confidence": conf if conf in onto.notations("Confidence") else None,
                 "favored_label": str(f["favored"]) if f.get("favored") is not None else None}
        if k == "insight":
            props["category"] = str(f["category"]) if f.get("category") else None
            props["credibility"] = stated_credibility(str(f["credibility"]) if f.get("credibility") else None)
        return {**props, **_likelihood(item.span.text)}
    if k == "evidence":
        return {"credibility": evidence_credibility(item.span.text)}
    if k == "risk":
        return {"domain": str(f.get("domain") or onto.default("RiskDomain"))}
    if k == "implication":
        return {"domain": onto.default("RiskDomain")}
    if k == "recommendation":
        return {"horizon": str(f.get("horizon") or onto.default("Horizon"))}
    if k == "scenario":  # the kind only when the text states it
        return {"scenario_kind": str(f["kind"]) if f.get("kind") else None, **_likelihood(item.span.text)}
    return {}


def _likelihood(text: str) -> dict:
    """The ICD 203 likelihood term a judgement states, with its probability range; {} if none."""
    estimate = find_estimate(text)
    if estimate.term is None:
        return {}
    low, high = estimate.probability
    return {"likelihood": estimate.term, "probability_low": low, "probability_high": high}


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


def _lead_in_skipped(text: str, item_starts: list[int], start: int, end: int) -> int:
    """Where a sentence starts once a lead-in the reader left out of its paragraph (a date
    stamp, a dateline "SEOUL, Dec 31 (Reuters) -") is skipped: the start of a paragraph
    that begins inside the sentence on its first line, else the sentence's own start."""
    i = bisect.bisect_right(item_starts, start)
    if i < len(item_starts) and item_starts[i] < end and "\n" not in text[start:item_starts[i]]:
        return item_starts[i]
    return start


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


_ORG_WORDS = re.compile(r"\b(government|agency|agencies|ministry|council|university|institute|forces|army|"
                        r"party|command|court|bank|office|committee|union|organi[sz]ation|group|department|"
                        r"authority)\b", re.I)


def _looks_like_org(name: str) -> bool:
    return bool(_ORG_WORDS.search(name))


def _looks_like_person(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)
