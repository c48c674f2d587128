"""The ontology as a small typed model, loaded once from intelgraph.ttl and shapes.ttl.

Conventions (see the header of intelgraph.ttl): a non-abstract owl:Class is a node
label; an UPPER_SNAKE owl:ObjectProperty is a relationship type; a DatatypeProperty is
a stored property, named by its rdfs:label when it has one (relationship properties
such as MENTIONS.start) else by its local name; sh:minCount 1 in shapes.ttl makes a
property required. Everything else in the code asks this model instead of spelling
labels, types or vocabularies out.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Namespace, URIRef
from rdflib.collection import Collection

from intelgraph.errors import OntologyError

IG = Namespace("https://w3id.org/intelgraph/ontology#")
SH = Namespace("http://www.w3.org/ns/shacl#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")

# xsd datatype -> the Python types a value of it may have before it is written.
_PY_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "anyURI": (str,),
    "integer": (int,),
    "decimal": (int, float),
    "boolean": (bool,),
    "date": (dt.date, str),
    "dateTime": (dt.datetime, str),
}


@dataclass(frozen=True)
class Term:
    """One concept of a controlled vocabulary; `notation` is the stored value."""

    notation: str
    label: str
    rank: int | None = None
    alt_labels: tuple[str, ...] = ()
    probability_low: float | None = None
    probability_high: float | None = None
    cues: tuple[str, ...] = ()  # regular expressions for the words that name it (ig:cue)
    default: bool = False  # what a reader records when the text names none (ig:default)

    def names(self) -> tuple[str, ...]:
        """Words that name the concept in running text: the notation (as words), the
        preferred label and the alternative labels, lower case."""
        return tuple(dict.fromkeys(n.lower() for n in (self.notation.replace("_", " "), self.label,
                                                       *self.alt_labels)))


@dataclass(frozen=True)
class PropertySpec:
    name: str
    iri: str
    datatype: str
    multiple: bool = False
    vocabulary: str | None = None
    indexed: bool = False
    fulltext: str | None = None
    unique: bool = False  # relationship properties: a uniqueness constraint
    comment: str | None = None
    key_format: tuple[str, ...] = ()  # an ig:unique property: start | end | property names
    size_of: str | None = None  # kept equal to the size of this list property
    derived: bool = False  # kept by the writer from the graph itself; never in a record




@dataclass(frozen=True)
class ClassSpec:
    name: str
    labels: tuple[str, ...]  # the key label, concrete ancestors, then this label
    properties: dict[str, PropertySpec]
    required: frozenset[str]
    comment: str | None = None
    shared: bool = False  # nodes many documents point at (entities, sources, topics, techniques)


@dataclass(frozen=True)
class RelSpec:
    name: str
    domain: frozenset[str]
    range: frozenset[str]
    properties: dict[str, PropertySpec]
    comment: str | None = None

    @property
    def key(self) -> PropertySpec | None:
        """The ig:unique property writers MERGE this relationship type on, if it has one."""
        return next((p for p in self.properties.values() if p.unique), None)


@dataclass(eq=False)  # compared and hashed by identity: one model per process
class Ontology:
    graph: Graph
    classes: dict[str, ClassSpec]
    relationships: dict[str, RelSpec]
    vocabularies: dict[str, tuple[Term, ...]]
    version: str
    key_label: str  # carried by every node; writers MERGE on (:key_label {id})
    _fulltext: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    # ---- look-ups that refuse what the ontology does not define
    @property
    def labels(self) -> frozenset[str]:
        return frozenset(self.classes)

    @property
    def rel_types(self) -> frozenset[str]:
        return frozenset(self.relationships)

    def cls(self, label: str) -> ClassSpec:
        try:
            return self.classes[label]
        except KeyError:
            raise OntologyError(
                f"unknown label {label!r}: the ontology defines {', '.join(sorted(self.classes))}"
            ) from None

    def rel(self, rel_type: str) -> RelSpec:
        try:
            return self.relationships[rel_type]
        except KeyError:
            raise OntologyError(
                f"unknown relationship type {rel_type!r}: the ontology defines "
                f"{', '.join(sorted(self.relationships))}"
            ) from None

    def labels_for(self, label: str) -> tuple[str, ...]:
        return self.cls(label).labels

    def vocabulary(self, name: str) -> tuple[Term, ...]:
        try:
            return self.vocabularies[name]
        except KeyError:
            raise OntologyError(
                f"unknown vocabulary {name!r}: the ontology defines {', '.join(sorted(self.vocabularies))}"
            ) from None

    def notations(self, vocabulary: str) -> tuple[str, ...]:
        """The stored values of a vocabulary, lowest rank first."""
        return tuple(t.notation for t in self.vocabulary(vocabulary))

    def default(self, vocabulary: str) -> str:
        """The notation a reader records when the text names no term of the vocabulary."""
        for term in self.vocabulary(vocabulary):
            if term.default:
                return term.notation
        raise OntologyError(f"the {vocabulary} vocabulary marks no term ig:default")

    def named(self, vocabulary: str, word: str) -> Term | None:
        """The term a word names (its notation, preferred or alternative label), if any."""
        word = word.strip().lower()
        for term in self.vocabulary(vocabulary):
            if word in term.names():
                return term
        return None

    def cued(self, vocabulary: str, label: str) -> Term | None:
        """The term whose cue (ig:cue) matches earliest in `label`; None if none does."""
        best: tuple[int, int, Term] | None = None
        for rank, term in enumerate(self.vocabulary(vocabulary)):
            for cue in term.cues:
                m = _compiled(cue).search(label)
                if m and (best is None or (m.start(), rank) < best[:2]):
                    best = (m.start(), rank, term)
        return best[2] if best else None

    def term(self, vocabulary: str, notation: str) -> Term:
        for term in self.vocabulary(vocabulary):
            if term.notation == notation:
                return term
        allowed = ", ".join(t.notation for t in self.vocabulary(vocabulary))
        raise OntologyError(f"{notation!r} is not a {vocabulary} term; allowed: {allowed}")

    def fulltext_indexes(self) -> dict[str, dict[str, list[str]]]:
        """Index name -> {"labels": [...], "properties": [...]} derived from ig:fulltext."""
        return self._fulltext

    # ---- validation of property values
    def check_properties(self, owner: str, specs: dict[str, PropertySpec], props: dict[str, Any]) -> None:
        for name, value in props.items():
            spec = specs.get(name)
            if spec is None:
                raise OntologyError(
                    f"{owner} has no property {name!r} in the ontology; allowed: {', '.join(sorted(specs))}"
                )
            if spec.derived:
                raise OntologyError(f"{owner}.{name} is kept by the graph writer from the graph itself; "
                                    "a record cannot set it")
            if value is None:
                continue
            values = value if spec.multiple else [value]
            if spec.multiple and not isinstance(value, (list, tuple)):
                raise OntologyError(f"{owner}.{name} holds a list; got {type(value).__name__}")
            for v in values:
                types = _PY_TYPES.get(spec.datatype, (str,))
                # bool is an int in Python; keep the two apart.
                if not isinstance(v, types) or (isinstance(v, bool) and bool not in types):
                    raise OntologyError(
                        f"{owner}.{name} must be {spec.datatype}; got {type(v).__name__} {v!r:.60}"
                    )
                if spec.vocabulary:
                    self.term(spec.vocabulary, v)


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _local(iri: URIRef | str) -> str:
    s = str(iri)
    return s.rsplit("#", 1)[-1] if "#" in s else s.rsplit("/", 1)[-1]


def _members(g: Graph, node) -> list[URIRef]:
    """A class expression: one IRI, or the members of an owl:unionOf list."""
    union = g.value(node, OWL.unionOf)
    if union is not None:
        return [m for m in Collection(g, union)]
    return [node]


def _read_text(name: str) -> str:
    return resources.files("intelgraph.ontology").joinpath(name).read_text(encoding="utf-8")


class _Hierarchy:
    """The ig: classes of an ontology graph and their ancestry."""

    def __init__(self, g: Graph) -> None:
        self.classes = {c for c in g.subjects(RDF.type, OWL.Class) if str(c).startswith(str(IG))}
        keys = [c for c in self.classes if _flag(g, c, IG.keyLabel)]
        if len(keys) != 1:
            raise OntologyError("the ontology must mark exactly one class with ig:keyLabel true")
        self.key = keys[0]
        # The key label is carried by every node but is never a record's own label.
        self.abstract = {c for c in self.classes if _flag(g, c, IG.abstract)} | {self.key}
        self.parents = {c: [p for p in g.objects(c, RDFS.subClassOf) if p in self.classes] for c in self.classes}

    def ancestors(self, c: URIRef) -> list[URIRef]:
        out: list[URIRef] = []
        for p in self.parents[c]:
            for a in self.ancestors(p) + [p]:
                if a not in out:
                    out.append(a)
        return out

    def descendants(self, c: URIRef) -> set[URIRef]:
        return {d for d in self.classes if c in self.ancestors(d)} | {c}

    def concrete(self, iris) -> frozenset[str]:
        """The non-abstract labels of these classes and all their sub-classes."""
        out: set[str] = set()
        for iri in iris:
            out |= {_local(d) for d in self.descendants(iri) if d not in self.abstract}
        return frozenset(out)


def _flag(g: Graph, subject, predicate) -> bool:
    return str(g.value(subject, predicate) or "").lower() == "true"


def _text(g: Graph, subject, predicate) -> str | None:
    value = g.value(subject, predicate)
    return str(value) if value is not None else None


def _property_spec(g: Graph, p: URIRef) -> PropertySpec:
    vocab = g.value(p, IG.vocabulary)
    return PropertySpec(
        name=str(g.value(p, RDFS.label) or _local(p)),
        iri=str(p),
        datatype=_local(g.value(p, RDFS.range) or XSD.string),
        multiple=_flag(g, p, IG.multiple),
        vocabulary=_local(vocab).removesuffix("Scheme") if vocab is not None else None,
        indexed=_flag(g, p, IG.indexed),
        fulltext=_text(g, p, IG.fulltext),
        unique=_flag(g, p, IG.unique),
        comment=_text(g, p, RDFS.comment),
        key_format=tuple((_text(g, p, IG.keyFormat) or "").split("|")) if _text(g, p, IG.keyFormat) else (),
        size_of=_text(g, p, IG.sizeOf),
        derived=_flag(g, p, IG.derived),
    )


def _properties(g: Graph, h: _Hierarchy, rel_iris: set) -> tuple[dict, dict[str, dict[str, PropertySpec]]]:
    """Datatype properties attached to node classes, or to relationship types, by their domain."""
    node_props: dict[URIRef, dict[str, PropertySpec]] = {c: {} for c in h.classes}
    rel_props: dict[str, dict[str, PropertySpec]] = {}
    for p in g.subjects(RDF.type, OWL.DatatypeProperty):
        spec = _property_spec(g, p)
        for dom in g.objects(p, RDFS.domain):
            for member in _members(g, dom):
                if member in rel_iris:
                    rel_props.setdefault(_local(member), {})[spec.name] = spec
                else:
                    for d in h.descendants(member):
                        node_props[d][spec.name] = spec
    return node_props, rel_props


def _required(g: Graph, shapes: Graph, h: _Hierarchy) -> dict[str, set[str]]:
    """Required properties from SHACL (sh:minCount >= 1 on a datatype property)."""
    required: dict[str, set[str]] = {}
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        targets = list(shapes.objects(shape, SH.targetClass))
        for prop in shapes.objects(shape, SH.property):
            path = shapes.value(prop, SH.path)
            min_count = shapes.value(prop, SH.minCount)
            if path is None or min_count is None or int(min_count) < 1:
                continue
            if (path, RDF.type, OWL.DatatypeProperty) not in g:
                continue  # a relationship the shape requires; checked by pyshacl on exports
            pname = str(g.value(path, RDFS.label) or _local(path))
            for t in targets:
                for d in h.descendants(t):
                    required.setdefault(_local(d), set()).add(pname)
    return required


def _class_specs(g: Graph, h: _Hierarchy, node_props: dict, required: dict[str, set[str]]) -> dict[str, ClassSpec]:
    classes: dict[str, ClassSpec] = {}
    for c in sorted(h.classes - h.abstract, key=str):
        name = _local(c)
        ancestors = h.ancestors(c)
        labels = (_local(h.key),) + tuple(_local(a) for a in ancestors if a not in h.abstract) + (name,)
        classes[name] = ClassSpec(
            name=name,
            labels=labels,
            properties=dict(sorted(node_props[c].items())),
            required=frozenset(required.get(name, set())),
            comment=_text(g, c, RDFS.comment),
            shared=any(_flag(g, a, IG.shared) for a in [*ancestors, c]),
        )
    return classes


def _rel_specs(g: Graph, h: _Hierarchy, rel_iris: set, rel_props: dict) -> dict[str, RelSpec]:
    def ends(r, predicate) -> frozenset[str]:
        return h.concrete([m for d in g.objects(r, predicate) for m in _members(g, d)])

    specs = {
        _local(r): RelSpec(name=_local(r), domain=ends(r, RDFS.domain), range=ends(r, RDFS.range),
                           properties=dict(sorted(rel_props.get(_local(r), {}).items())),
                           comment=_text(g, r, RDFS.comment))
        for r in sorted(rel_iris, key=str)
    }
    for spec in specs.values():
        key = spec.key
        if key is not None and (not key.key_format or any(
                part not in ("start", "end") and part not in spec.properties for part in key.key_format)):
            raise OntologyError(f"{spec.name}.{key.name} is ig:unique: its ig:keyFormat must name start, end "
                                f"or properties of {spec.name}, joined by |")
    return specs


def _term(g: Graph, concept) -> Term:
    low = g.value(concept, IG.probabilityLow)
    high = g.value(concept, IG.probabilityHigh)
    rank = g.value(concept, IG.rank)
    return Term(
        notation=str(g.value(concept, SKOS.notation)),
        label=str(g.value(concept, SKOS.prefLabel)),
        rank=int(rank) if rank is not None else None,
        alt_labels=tuple(sorted(str(a) for a in g.objects(concept, SKOS.altLabel))),
        probability_low=float(low) if low is not None else None,
        probability_high=float(high) if high is not None else None,
        cues=tuple(sorted(str(c) for c in g.objects(concept, IG.cue))),
        default=_flag(g, concept, IG.default),
    )


def _vocabularies(g: Graph) -> dict[str, tuple[Term, ...]]:
    vocabularies: dict[str, tuple[Term, ...]] = {}
    for scheme in g.subjects(RDF.type, SKOS.ConceptScheme):
        terms = sorted((_term(g, c) for c in g.subjects(SKOS.inScheme, scheme)),
                       key=lambda t: (t.rank if t.rank is not None else 0, t.notation))
        vocabularies[_local(scheme).removesuffix("Scheme")] = tuple(terms)
    return vocabularies


def _fulltext_indexes(classes: dict[str, ClassSpec]) -> dict[str, dict[str, list[str]]]:
    """Index name -> {"labels": [...], "properties": [...]} from ig:fulltext. An index
    covers the most general labels that carry its properties (the annotated ones:
    Passage.text shares the name but is another property)."""
    fulltext: dict[str, dict[str, list[str]]] = {}
    indexed_iris: dict[str, set[str]] = {}
    for spec in classes.values():
        for prop in spec.properties.values():
            if prop.fulltext:
                entry = fulltext.setdefault(prop.fulltext, {"labels": [], "properties": []})
                indexed_iris.setdefault(prop.fulltext, set()).add(prop.iri)
                if prop.name not in entry["properties"]:
                    entry["properties"].append(prop.name)
    for index, entry in fulltext.items():
        carriers = {label for label, spec in classes.items()
                    if any(p.iri in indexed_iris[index] for p in spec.properties.values())}
        entry["labels"] = sorted(label for label in carriers if not (set(classes[label].labels[1:-1]) & carriers))
        entry["properties"].sort()
    return fulltext


def load_ontology(ontology_ttl: str | None = None, shapes_ttl: str | None = None) -> Ontology:
    g = Graph()
    g.parse(data=ontology_ttl or _read_text("intelgraph.ttl"), format="turtle")
    shapes = Graph()
    shapes.parse(data=shapes_ttl or _read_text("shapes.ttl"), format="turtle")
    h = _Hierarchy(g)
    rel_iris = {p for p in g.subjects(RDF.type, OWL.ObjectProperty) if str(p).startswith(str(IG))}
    node_props, rel_props = _properties(g, h, rel_iris)
    classes = _class_specs(g, h, node_props, _required(g, shapes, h))
    version = str(g.value(URIRef("https://w3id.org/intelgraph/ontology"), OWL.versionInfo) or "0")
    return Ontology(g, classes, _rel_specs(g, h, rel_iris, rel_props), _vocabularies(g), version, _local(h.key),
                    _fulltext_indexes(classes))


@lru_cache(maxsize=1)
def get_ontology() -> Ontology:
    return load_ontology()
