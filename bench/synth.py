"""Synthetic intelligence corpora of a chosen size, written through the product's own writer.

Usage: python bench/synth.py --nodes 100000 [--seed 7] [--docs-per-tx 1] [--heap 2g --pagecache 2g]
Builds the graph in a throw-away Neo4j (bench_db.bench_driver) and prints how long it took.
bench/scale.py imports `build` to make the graphs it measures.

Conventions
- Deterministic: everything comes from one random.Random(seed); the same seed and
  node target give the same documents, ids and graph.
- The graph shape is the product's, not a copy of it: each synthetic document is a
  ParsedDocument (text, items with spans) plus a small analysis (entities, sentences,
  mentions, claims) handed to extract.graph_records.build_graph, the function a real
  ingest uses. So ids (doc:<sha256>, psg:<hash>:<start>-<end>, claim:…, entity:<key>),
  labels, relationships and properties are exactly what ingest writes, and every
  Passage's text is Document.text[start:end].
- Skew: each document draws its entities from a Zipf(ENTITY_S) law over a vocabulary
  that grows with the corpus, so a few entities are in thousands of documents and most
  in one or two; topics and sources likewise. The head of each vocabulary is the
  sample corpus's world (Kestrel Strait, Valdoria, Norvenia …, with their labels as
  the extractor gives them), so real example documents ingested later land on the
  super-nodes, and "Kestrel Strait" is the busiest topic.
- Transactions: one GraphDocument per document (the product's rule) by default;
  --docs-per-tx N concatenates N documents into one GraphDocument (one transaction)
  for faster builds, which the report states when it is used.
"""

from __future__ import annotations

import argparse
import bisect
import dataclasses
import datetime as dt
import itertools
import json
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from random import Random

from intelgraph.extract.graph_records import build_graph
from intelgraph.extract.nlp.resolution import canonical_key, entity_id
from intelgraph.extract.readers.model import Item, ParsedDocument, Span
from intelgraph.extract.sources import SourceInfo
from intelgraph.ontology.records import GraphDocument

ENTITY_S = 1.0  # Zipf exponent of entity mentions across documents
TOPIC_S = 1.1
SOURCE_S = 0.9
FIRST_DAY = dt.date(2023, 1, 1)
DAYS = (dt.date(2026, 10, 31) - FIRST_DAY).days

# The sample corpus's world (examples/): names, labels and reliability as ingest gives them.
WORLD_ENTITIES = [
    ("Kestrel Strait", "Location"), ("Valdoria", "Location"), ("Norvenia", "Location"),
    ("Tidewater Front", "Organization"), ("Coastal Cooperation Council", "Organization"),
    ("Amara Voss", "Person"), ("Norvik Defence Systems", "Organization"), ("Skerrow Island", "Location"),
    ("Port Selwyn", "Location"), ("Pieter Halvorsen", "Person"), ("Kjellhaven", "Location"),
    ("Aurelin", "Location"), ("Rosa Delgado", "Person"), ("Corran Star", "Organization"),
    ("Saltwing", "Organization"), ("United Nations", "Organization"), ("Helen Marsh", "Person"),
    ("Meridian Bulk Carriers", "Organization"), ("Brightwater Cyber", "Organization"),
    ("Valdorian", "Group"), ("Norvenian", "Group"), ("Idris Kalo", "Person"),
]
WORLD_TOPICS = ["Kestrel Strait", "maritime security", "Valdoria", "Norvenia", "arms trafficking",
                "sanctions", "hostage crisis", "ceasefire", "cybersecurity", "state sponsorship"]
WORLD_SOURCES = [("Coastal Wire", "B"), ("Harbour Ledger", "B"), ("Valdoria Today", "C"),
                 ("Norvenia State Broadcaster", "D"), ("Kestrel Monitor", "E")]

SYLLABLES = ("ka ri vol den mar sel tor nav quel bri dor fen gal hes ist jor kel lun mor nor pel ras sten "
             "tav ul var wen yor zal cor dra eth fal grim hal ith kas lor mir ost bel cas dun er fir gor "
             "hav il jas kor lin mel nis or pra rin sol tem ur vas").split()
GIVEN = ("Amara Pieter Rosa Helen Ivo Lena Tomas Mira Jonas Sofia Anton Elin Marek Nadia Oskar Vera Lukas "
         "Ines Dario Greta Felix Alma Henrik Ada Milan Petra Emil Clara Viktor Maja Leon Irena Karl Sara "
         "Nils Dora Bruno Hana Erik Lotte").split()
ORG_SUFFIX = ["Defence Systems", "Shipping", "Holdings", "Front", "Brigade", "Council", "Bank", "Cyber",
              "Logistics", "Navy", "Coast Guard", "Ministry", "Institute", "Energy", "Ports Authority"]
PLACE_SUFFIX = ["Strait", "Island", "Bay", "Harbour", "Province", "Pass", "Delta", "Coast"]
GROUP_SUFFIX = ["Movement", "Militia", "Collective", "Fishermen's Union", "Diaspora", "Brotherhood"]
FACILITY_SUFFIX = ["Terminal", "Naval Base", "Refinery", "Airfield", "Power Station", "Dockyard"]
EVENT_SUFFIX = ["Summit", "Accord", "Incident", "Talks", "Blockade", "Exercise"]
ENTITY_KINDS = [("Person", 0.34), ("Organization", 0.26), ("Location", 0.2), ("Group", 0.08),
                ("Facility", 0.07), ("Event", 0.05)]
TOPIC_ADJ = ("maritime border energy cyber nuclear financial food migration election naval port pipeline "
             "grain mineral satellite fishing customs refugee militia drone").split()
TOPIC_NOUN = ("security disputes smuggling sanctions talks protests attacks monitoring trafficking policy "
              "outages reform exercises shortages diplomacy").split()
OUTLET = ["Ledger", "Wire", "Today", "Monitor", "Herald", "Broadcaster", "Gazette", "Review", "Post", "Desk"]
GRADES = [("A", 0.05), ("B", 0.25), ("C", 0.3), ("D", 0.2), ("E", 0.1), ("F", 0.1)]
TECHNIQUES = ["Analysis of Competing Hypotheses (ACH)", "Key Assumptions Check", "Scenario Generation",
              "Network Influence Mapping", "Deception Detection", "SWOT Analysis", "Red Team Analysis",
              "Indicators and Warnings", "Timeline Analysis", "Devil's Advocacy"]

# (lemma predicate, past-tense phrase, negated phrase)
PREDICATES = [("supply", "supplied weapons to", "denied supplying"), ("fund", "funded", "denied funding"),
              ("attack", "attacked", "denied attacking"), ("meet", "met", "did not meet"),
              ("sanction", "sanctioned", "declined to sanction"), ("accuse", "accused", "stopped short of accusing"),
              ("detain", "detained crew linked to", "denied detaining"),
              ("threaten", "threatened", "denied threatening"),
              ("support", "backed", "withdrew support from"), ("negotiate", "opened talks with", "refused talks with"),
              ("train", "trained fighters for", "denied training"),
              ("inspect", "inspected vessels of", "halted inspections of")]
HEDGES = [("likely", "probably", 0.55, 0.8), ("very_likely", "almost certainly", 0.8, 0.95),
          ("unlikely", "is unlikely to have", 0.2, 0.45), ("roughly_even", "may have", 0.45, 0.55)]
CLAUSES = ["amid rising tension in the region", "after talks stalled", "despite earlier assurances",
           "according to shipping data", "in the early hours of the morning", "as patrols were stepped up",
           "while the ceasefire held", "ahead of the council vote", "following a week of protests",
           "in a move that surprised observers", "near the northern channel", "before the deadline expired"]
FILLER = ["Officials declined to comment further.", "The situation remains fluid.",
          "Analysts expect further statements in the coming days.", "Traffic in the area slowed sharply.",
          "Independent confirmation was not available.", "Insurers raised premiums for the route."]


@dataclass
class _Entity:
    id: str
    label: str
    name: str
    key: str
    aliases: list[str] = field(default_factory=list)
    mentions: list = field(default_factory=list)  # this document's, for its type vote (build_graph)


@dataclass
class _Mention:
    id: str
    start: int
    end: int
    text: str


@dataclass
class _Claim:
    """The attributes of an nlp claim that build_graph reads (ends as resolution keys)."""

    start: int
    end: int
    text: str
    predicate: str
    subject_keys: list[str]
    object_keys: list[str]
    attribution: str | None
    attribution_key: str | None
    polarity: str = "positive"
    hedged: bool = False
    likelihood: str | None = None
    probability_low: float | None = None
    probability_high: float | None = None
    extraction_score: float = 0.8
    modality: str = "asserted"
    relation_subject_keys: list[str] = field(default_factory=list)
    relation_object_keys: list[str] = field(default_factory=list)


@dataclass
class _Analysis:
    """The attributes of an nlp Analysis that build_graph reads."""

    entities: list[_Entity]
    sentences: list[tuple[int, int]]
    mentions: list[_Mention]
    claims: list[_Claim]


class _Zipf:
    """Ranks 0..n-1 with P(r) ∝ 1/(r+1)^s, drawn by bisecting the cumulative weights."""

    def __init__(self, n: int, s: float) -> None:
        self.cum = list(itertools.accumulate(1.0 / (r + 1) ** s for r in range(n)))

    def draw(self, rng: Random) -> int:
        return min(bisect.bisect_left(self.cum, rng.random() * self.cum[-1]), len(self.cum) - 1)

    def distinct(self, rng: Random, k: int) -> list[int]:
        out: dict[int, None] = {}
        for _ in range(k * 8):
            out[self.draw(rng)] = None
            if len(out) == k:
                break
        return list(out)


class World:
    """The shared vocabularies of one corpus: entities, topics, sources (fixed by seed and size)."""

    def __init__(self, rng: Random, n_docs: int) -> None:
        self.rng = rng
        words = sorted({(a + b).capitalize() for a in SYLLABLES for b in SYLLABLES}
                       | {(a + b + c).capitalize()
                          for a in SYLLABLES[:30] for b in SYLLABLES[:20] for c in SYLLABLES[:20]})
        rng.shuffle(words)
        self.words = words
        self._word = itertools.cycle(words)
        used: set[str] = set()
        self.entities: list[_Entity] = []
        for name, label in WORLD_ENTITIES:
            self._add_entity(name, label, used)
        n_entities = max(5_000, 6 * n_docs)
        kinds, weights = zip(*ENTITY_KINDS)
        while len(self.entities) < n_entities:
            label = rng.choices(kinds, weights)[0]
            self._add_entity(self._entity_name(label), label, used)
        self.entity_law = _Zipf(len(self.entities), ENTITY_S)

        topics = list(WORLD_TOPICS)
        seen = {t.casefold() for t in topics}
        combos = [f"{a} {n}" for a in TOPIC_ADJ for n in TOPIC_NOUN]
        rng.shuffle(combos)
        n_topics = max(300, n_docs // 8)
        for combo in itertools.chain(combos, (f"{next(self._word)} {c}" for c in itertools.cycle(combos))):
            if len(topics) >= n_topics:
                break
            if combo.casefold() not in seen:
                seen.add(combo.casefold())
                topics.append(combo)
        self.topics = topics
        self.topic_law = _Zipf(len(topics), TOPIC_S)

        self.sources = [SourceInfo(name, grade) for name, grade in WORLD_SOURCES]
        names = {s.name for s in self.sources}
        grades, gw = zip(*GRADES)
        while len(self.sources) < 40 + n_docs // 150:
            name = f"{next(self._word)} {rng.choice(OUTLET)}"
            if name not in names:
                names.add(name)
                self.sources.append(SourceInfo(name, rng.choices(grades, gw)[0]))
        self.source_law = _Zipf(len(self.sources), SOURCE_S)

    def _entity_name(self, label: str) -> str:
        w, rng = next(self._word), self.rng
        if label == "Person":
            return f"{rng.choice(GIVEN)} {w}"
        if label == "Organization":
            return f"{w} {rng.choice(ORG_SUFFIX)}"
        if label == "Location":
            if rng.random() < 0.4:
                return w
            return f"Port {w}" if rng.random() < 0.2 else f"{w} {rng.choice(PLACE_SUFFIX)}"
        if label == "Group":
            return f"{w} {rng.choice(GROUP_SUFFIX)}"
        if label == "Facility":
            return f"{w} {rng.choice(FACILITY_SUFFIX)}"
        return f"{w} {rng.choice(EVENT_SUFFIX)}"

    def _add_entity(self, name: str, label: str, used: set[str]) -> None:
        key = canonical_key(name)
        if key in used:
            return
        used.add(key)
        aliases = [name]
        if label == "Person" and self.rng.random() < 0.5:
            aliases.append(name.split()[-1])
        elif label == "Organization" and " " in name and self.rng.random() < 0.3:
            aliases.append("".join(w[0] for w in name.split() if w[0].isupper()))
        self.entities.append(_Entity(entity_id(key), label, name, key, aliases))


class _Text:
    """Builds a document's text left to right, recording sentences, mentions and items."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.sentences: list[tuple[int, int]] = []
        self.mentions: list[_Mention] = []
        self.pending: list[tuple] = []
        self.items: list[Item] = []
        self.claims: list[_Claim] = []

    def put(self, s: str) -> int:
        start = self.pos
        self.parts.append(s)
        self.pos += len(s)
        return start

    def sentence(self, *pieces: str | _Entity) -> tuple[int, int]:
        start = self.pos
        for piece in pieces:
            if isinstance(piece, _Entity):
                s = self.put(piece.name)
                self.mentions.append(_Mention(piece.id, s, self.pos, piece.name))
            else:
                self.put(piece)
        self.sentences.append((start, self.pos))
        return start, self.pos

    def item(self, kind: str, start: int, end: int, section: str | None = None, /, **fields) -> None:
        self.pending.append((kind, start, end, section, {k: v for k, v in fields.items() if v is not None}))

    def finish(self) -> str:
        """The whole text; items and claims get their span text from it."""
        text = "".join(self.parts)
        self.items = [Item.model_construct(kind=k, span=Span.model_construct(start=s, end=e, text=text[s:e]),
                                           fields=f, section=sec) for k, s, e, sec, f in self.pending]
        for claim in self.claims:
            claim.text = text[claim.start:claim.end]
        return text


class Corpus:
    """Documents of one synthetic corpus, in order; `stats` tracks what has been made."""

    def __init__(self, seed: int, nodes: int) -> None:
        self.seed = seed
        self.nodes_target = nodes
        self.rng = Random(seed)
        # ~60 distinct nodes per document on average (measured), so the vocabularies are
        # sized for about nodes / 60 documents.
        self.world = World(self.rng, max(100, nodes // 60))
        self.node_ids: set[str] = set()  # shared nodes already made (entities, topics, sources …)
        self.nodes = 0
        self.relationships = 0
        self.documents = 0
        self.entity_docs: Counter = Counter()
        self.topic_docs: Counter = Counter()
        self.claim_ids: list[str] = []  # a sample, for trace benchmarks

    # ---- sentence material
    def _claim(self, t: _Text, ents: list[_Entity], source: SourceInfo) -> tuple[int, int]:
        rng = self.rng
        s_ent, o_ent = rng.sample(ents, 2) if len(ents) >= 2 else (ents[0], ents[0])
        pred, past, neg = rng.choice(PREDICATES)
        roll = rng.random()
        polarity, hedged, hedge = "positive", False, None
        if roll < 0.12:
            polarity, phrase = "negative", neg
        elif roll < 0.32:
            hedge = rng.choice(HEDGES)
            hedged, phrase = True, f"{hedge[1]} {past}"
        else:
            phrase = past
        people = [e for e in ents if e.label in ("Person", "Organization") and e not in (s_ent, o_ent)]
        attr_roll = rng.random()
        pieces: list[str | _Entity] = [s_ent, f" {phrase} ", o_ent, f" {rng.choice(CLAUSES)}"]
        attribution, attribution_key = None, None
        if attr_roll < 0.3 and people:
            who = rng.choice(people)
            pieces += [", ", who, " said."]
            attribution, attribution_key = who.name, who.key
        elif attr_roll < 0.75:
            pieces += [f", according to {source.name}."]
            attribution = source.name
        else:
            pieces.append(".")
        s, e = t.sentence(*pieces)
        objects = [o_ent.key] if o_ent.key != s_ent.key else []
        t.claims.append(_Claim(
            s, e, "", pred, [s_ent.key], objects, attribution, attribution_key, polarity, hedged,
            hedge[0] if hedge else None, hedge[2] if hedge else None, hedge[3] if hedge else None,
            round(0.5 + 0.5 * rng.random(), 3),
            "hedged" if hedged else "reported" if attribution else "asserted", [s_ent.key], objects))
        return s, e

    def _statement(self, t: _Text, ents: list[_Entity], source: SourceInfo) -> tuple[int, int]:
        """A sentence: a claim two times in three, else a plain mention."""
        if self.rng.random() < 0.67 and len(ents) >= 2:
            return self._claim(t, ents, source)
        a = self.rng.choice(ents)
        return t.sentence("Activity involving ", a, f" was reported {self.rng.choice(CLAUSES)}.")

    def _pick(self, ents: list[_Entity], k: int) -> list[_Entity]:
        return self.rng.sample(ents, min(k, len(ents)))

    # ---- documents
    def _report(self, t: _Text, ents: list[_Entity], source: SourceInfo, headline: str) -> None:
        rng = self.rng
        t.put("1. BLUF (Bottom Line Up Front)\n\n")
        s, _ = self._claim(t, ents, source)
        t.put(" ")
        _, e = self._statement(t, ents, source)
        t.item("bluf", s, e, "bluf")
        conf = rng.choice(["Low", "Moderate", "High"])
        t.put(" ")
        cs = t.put(f"Confidence level: {conf}.")
        t.item("confidence_statement", cs, t.pos, "bluf", confidence=conf)
        t.put("\n\nDetailed Analysis\n\n")
        for _ in range(rng.randint(2, 4)):
            start = t.pos
            for j in range(rng.randint(2, 4)):
                if j:
                    t.put(" ")
                self._statement(t, ents, source)
            t.item("paragraph", start, t.pos, "detailed_analysis")
            t.put("\n\n")
        t.put("2. Competing Hypotheses\n\n")
        labels = [str(i) for i in range(1, rng.choice([2, 3, 3]) + 1)]
        for label in labels:
            t.put(f"Hypothesis {label}: ")
            s, e = self._claim(t, self._pick(ents, 4), source)
            t.item("hypothesis", s, e, "competing_hypotheses", label=label)
            t.put("\n\n")
        favored = rng.choice(labels)
        s = t.put(f"Using ACH, Hypothesis {favored} is better supported by the evidence")
        t.sentence(", including reports on ", rng.choice(ents), ".")
        t.item("assessment", s, t.pos, "competing_hypotheses", favored=favored,
               confidence=rng.choice([None, "low", "moderate", "high"]))
        t.put("\n\n")
        for _ in range(rng.randint(2, 4)):
            target = rng.choice(labels)
            direction = "supports" if rng.random() < 0.65 else "contradicts"
            t.put(f"Evidence ({direction} Hypothesis {target}): ")
            s, e = self._statement(t, ents, source)
            t.item("evidence", s, e, "competing_hypotheses", hypothesis=target, direction=direction)
            t.put("\n")
        t.put("\n3. Key Assumptions and Red Flags\n\n")
        for kind, lead in (("assumption", "Assumption"), ("assumption", "Assumption"),
                           ("information_gap", "Blind Spot"), ("bias_risk", "Red Flag"), ("indicator", "Indicator")):
            if kind == "indicator" and rng.random() < 0.5:
                continue
            t.put(f"– {lead}: ")
            s, e = t.sentence(rng.choice(["Officials in ", "Reporting from ", "Crews linked to "]), rng.choice(ents),
                              f" {rng.choice(['remain cooperative', 'stay silent', 'change course', 'escalate'])} "
                              f"{rng.choice(CLAUSES)}")
            t.item(kind, s, e, "key_assumptions")
            t.put("\n")
        t.put("\n4. Implications and Strategic Risks\n\n")
        for _ in range(rng.randint(2, 3)):
            t.put("– ")
            who = rng.choice(ents)  # drawn before the harm: the corpus stays what seed 7 made
            harm = rng.choice(["pressure", "losses", "unrest", "sanctions"])
            s, e = t.sentence(who, f" may face {harm} "
                              f"{rng.choice(CLAUSES)}")
            t.item("risk", s, e, "implications",
                   domain=rng.choice(["political", "security", "cyber", "economic", "general"]))
            t.put("\n")
        t.put("\n5. Recommendations and Outlook\n\n")
        for _ in range(2):
            t.put("– ")
            s, e = t.sentence(f"{rng.choice(['Track', 'Engage', 'Monitor', 'Brief partners on'])} ", rng.choice(ents),
                              f" {rng.choice(CLAUSES)}")
            t.item("recommendation", s, e, "recommendations",
                   horizon=rng.choice(["immediate", "medium_term", "long_term"]))
            t.put("\n")
        if rng.random() < 0.6:
            for kind, lead in (("best", "Best Case"), ("worst", "Worst Case"), ("most_likely", "Most Likely")):
                t.put(f"– {lead}: ")
                s, e = t.sentence(rng.choice(ents), f" {rng.choice(['restrains', 'confronts', 'courts'])} ",
                                  rng.choice(ents), ".")
                t.item("scenario", s, e, "recommendations", kind=kind)
                t.put("\n")
        t.put("\n6. Key Individuals and Entities\n\n")
        for ent in self._pick(ents, rng.randint(2, 4)):
            t.put("– ")
            s, e = t.sentence(ent, f": {rng.choice(['a central actor', 'named in the reporting', 'under scrutiny'])}")
            t.item("key_entity", s, e, "key_entities", name=ent.name)
            t.put("\n")
        t.put("\n7. Thematic Tags\n\n")
        tags = [self.world.topics[r] for r in self.world.topic_law.distinct(rng, rng.randint(3, 6))]
        for i, tag in enumerate(tags):
            s = t.put(tag)
            t.item("tag", s, t.pos, "tags", name=tag)
            self.topic_docs[tag] += 1
            t.put(", " if i < len(tags) - 1 else "\n")
        t.put("\nStructured Analytic Techniques Applied\n\n")
        for tech in rng.sample(TECHNIQUES, rng.randint(1, 2)):
            t.put("- ")
            s = t.put(tech)
            t.item("technique", s, t.pos, "techniques", name=tech)
            t.put(": applied to the evidence above.\n")

    def _news(self, t: _Text, ents: list[_Entity], source: SourceInfo, headline: str) -> None:
        for _ in range(self.rng.randint(6, 10)):
            start = t.pos
            for j in range(self.rng.randint(2, 3)):
                if j:
                    t.put(" ")
                self._statement(t, ents, source)
            if self.rng.random() < 0.3:
                t.put(" " + self.rng.choice(FILLER))
            t.item("paragraph", start, t.pos)
            t.put("\n\n")

    def _digest(self, t: _Text, ents: list[_Entity], source: SourceInfo, headline: str) -> None:
        rng = self.rng
        for section in rng.sample(["Regional Stability", "Cybersecurity", "Counter-Terrorism", "Economy"], 2):
            t.put(f"{section}\n\n")
            for n in range(1, rng.randint(2, 4)):
                conf = rng.choice(["Low", "Moderate", "High"])
                t.put(f"  • Insight {n} [{rng.choice('SGR')}, Confidence: {conf}]: ")
                s, e = self._statement(t, ents, source)
                t.item("insight", s, e, section, confidence=conf, category=rng.choice("SGR"))
                t.put("\n")
            t.put("\nPolicy Relevance:\n\n")
            s, e = t.sentence("Partners should engage ", rng.choice(ents), f" {rng.choice(CLAUSES)}.")
            t.item("policy_relevance", s, e, section)
            t.put("\n\n")

    def document(self, n: int) -> GraphDocument:
        rng, w = self.rng, self.world
        layout = rng.choices(["report", "news", "digest"], [0.5, 0.35, 0.15])[0]
        k = {"report": rng.randint(8, 16), "news": rng.randint(4, 9), "digest": rng.randint(6, 12)}[layout]
        ents = [w.entities[r] for r in w.entity_law.distinct(rng, k)]
        source = w.sources[w.source_law.draw(rng)]
        published = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
        verb = rng.choice(PREDICATES)[1]
        headline = f"{ents[0].name} {verb} {ents[-1].name} {rng.choice(CLAUSES)}"
        t = _Text()
        if layout == "report":
            title = f"{headline} – {source.name}"
            t.put(f"{title}\n\n\nPublished on: {published.isoformat()}\n\nIntelligence Report: {headline}\n\n")
            self._report(t, ents, source, headline)
            fmt, lay = "report", "report-current"
        elif layout == "news":
            title = headline
            hs = t.put(headline)
            t.item("headline", hs, t.pos)
            t.put(f"\n\nPublished on: {published.isoformat()}\n\n")
            self._news(t, ents, source, headline)
            fmt, lay = "news", "news"
        else:
            title = f"Morning Brief – {published.isoformat()}"
            t.put(f"{title}\n\n{source.name}\n\n")
            self._digest(t, ents, source, headline)
            fmt, lay = "digest", "digest"
        t.put(f"\nRef: SYN-{self.seed}-{n:07d}\n")
        text = t.finish()
        parsed = ParsedDocument.model_construct(
            text=text, format=fmt, layout=lay, title=title, published=published.isoformat(), url=None,
            source_name=source.name, headline=headline if fmt != "digest" else None, sections=[], items=t.items,
            truncated=False, missing=[], warnings=[])
        mentioned: dict[str, list] = {}
        for m in t.mentions:
            mentioned.setdefault(m.id, []).append(m)
        analysis = _Analysis([dataclasses.replace(e, mentions=mentioned[e.id]) for e in ents if e.id in mentioned],
                             sorted(t.sentences), t.mentions, t.claims)
        ingested = dt.datetime.combine(published + dt.timedelta(days=1), dt.time(6), dt.timezone.utc)
        graph = build_graph(parsed, analysis, source, ingested_at=ingested)
        for e in analysis.entities:
            self.entity_docs[e.id] += 1
        self._count(graph)
        return graph

    def _count(self, graph: GraphDocument) -> None:
        shared = ("Entity", "Person", "Organization", "Location", "Group", "Facility", "Event", "Topic",
                  "Technique", "Source")
        for node in graph.nodes:
            if node.label in shared:
                if node.id not in self.node_ids:
                    self.node_ids.add(node.id)
                    self.nodes += 1
            else:
                self.nodes += 1
                if node.label == "Claim" and self.rng.random() < 0.01:
                    self.claim_ids.append(node.id)
        self.relationships += len(graph.edges)  # upper bound: edges MERGEd onto existing ones count once
        self.documents += 1

    def __iter__(self) -> Iterator[GraphDocument]:
        for n in itertools.count():
            if self.nodes >= self.nodes_target:
                return
            yield self.document(n)

    def manifest(self) -> dict:
        """What the benchmarks need to know about the corpus: its busiest and quietest parts."""
        ents = {e.id: e for e in self.world.entities}
        busiest = [ents[i] for i, _ in self.entity_docs.most_common(5)]
        quiet_topics = sorted((n, t) for t, n in self.topic_docs.items() if n <= 2 and t not in WORLD_TOPICS)
        rng = Random(self.seed + 1)
        seldom = [i for i, n in self.entity_docs.items() if n <= 2]
        [(busy_topic, busy_docs)] = self.topic_docs.most_common(1)
        middling = sorted(i for i, n in self.entity_docs.items() if 3 <= n <= 50)
        seldom.sort()
        return {
            "seed": self.seed, "nodes_target": self.nodes_target, "documents": self.documents,
            "nodes_made": self.nodes, "edges_made_upper_bound": self.relationships,
            "entities": len(self.entity_docs), "entities_in_1_or_2_documents": len(seldom),
            "busiest_entities": [{"id": e.id, "name": e.name, "documents": self.entity_docs[e.id]} for e in busiest],
            "busy_topic": {"name": busy_topic, "documents": busy_docs},
            "quiet_topic": {"name": quiet_topics[-1][1], "documents": quiet_topics[-1][0]} if quiet_topics else None,
            "sample_entities": (typical := rng.sample(middling, min(20, len(middling)))),
            "sample_names": [ents[i].name for i in typical[:10]],
            "sample_rare_entities": rng.sample(seldom, min(20, len(seldom))),
            "sample_claims": self.claim_ids[:50],
            "topics_used": len(self.topic_docs),
            "top_topics": self.topic_docs.most_common(5),
        }


def batched(docs: Iterator[GraphDocument], per_tx: int) -> Iterator[GraphDocument]:
    """Several documents as one GraphDocument (one transaction), when per_tx > 1."""
    if per_tx <= 1:
        yield from docs
        return
    while chunk := list(itertools.islice(docs, per_tx)):
        yield GraphDocument.model_construct(
            document_id=chunk[0].document_id + f"+{len(chunk) - 1}",
            nodes=[n for d in chunk for n in d.nodes], edges=[e for d in chunk for e in d.edges])


@dataclass
class BuildStats:
    nodes: int
    documents: int
    seconds: float
    nodes_created: int
    relationships_created: int
    manifest: dict

    def line(self) -> str:
        return (f"{self.documents} documents, {self.nodes_created} nodes, {self.relationships_created} relationships "
                f"in {self.seconds:.1f} s ({self.documents / self.seconds:.1f} docs/s, "
                f"{(self.nodes_created + self.relationships_created) / self.seconds:,.0f} items/s)")


def build(driver, nodes: int, *, seed: int = 7, docs_per_tx: int = 1,
          progress: Callable[[str], None] | None = None) -> BuildStats:
    """Write a synthetic corpus of about `nodes` nodes into the graph behind `driver`."""
    from intelgraph.graph.writer import GraphWriter

    corpus = Corpus(seed, nodes)
    writer = GraphWriter(driver)
    created_n = created_r = 0
    t0 = last = time.perf_counter()
    for graph in batched(iter(corpus), docs_per_tx):
        result = writer.write(graph)
        created_n += result.nodes_created
        created_r += result.relationships_created
        now = time.perf_counter()
        if progress and now - last > 30:
            last = now
            progress(f"  {corpus.documents} docs, {created_n:,} nodes, {created_r:,} rels, "
                     f"{now - t0:.0f} s ({corpus.documents / (now - t0):.1f} docs/s)")
    seconds = time.perf_counter() - t0
    return BuildStats(nodes, corpus.documents, seconds, created_n, created_r, corpus.manifest())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--nodes", type=int, default=10_000, help="target node count")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--docs-per-tx", type=int, default=1, help="documents per transaction (1 = the product's rule)")
    ap.add_argument("--heap", default="2g")
    ap.add_argument("--pagecache", default="2g")
    ap.add_argument("--dry-run", action="store_true", help="generate only, no database: print the corpus' shape")
    args = ap.parse_args()
    if args.dry_run:
        corpus = Corpus(args.seed, args.nodes)
        t0 = time.perf_counter()
        kinds: Counter = Counter()
        for graph in corpus:
            kinds.update(graph.counts())
        print(f"generated {corpus.documents} documents, {corpus.nodes} nodes in {time.perf_counter() - t0:.1f} s")
        print(json.dumps({k: v for k, v in corpus.manifest().items() if not k.startswith("sample")}, indent=1))
        print(dict(sorted(kinds.items())))
        return
    from bench_db import bench_driver

    with bench_driver(heap=args.heap, pagecache=args.pagecache) as driver:
        stats = build(driver, args.nodes, seed=args.seed, docs_per_tx=args.docs_per_tx,
                      progress=lambda m: print(m, flush=True))
        print(stats.line())


if __name__ == "__main__":
    main()
