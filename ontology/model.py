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


def load_ontology(ontology_ttl: str | None = None, shapes_ttl: str | None = None) -> Ontology:
    g = Graph()
    g.parse(data=ontology_ttl or _read_text("intelgraph.ttl"), format="turtle")
    shapes = Graph()
    shapes.parse(data=shapes_ttl or _read_text("shapes.ttl"), format="turtle")

    # classes and their ancestry within ig:
    class_iris = {c for c in g.subjects(RDF.type, OWL.Class) if str(c).startswith(str(IG))}
    key_iris = [c for c in class_iris if str(g.value(c, IG.keyLabel) or "").lower() == "true"]
    if len(key_iris) != 1:
        raise OntologyError("the ontology must mark exactly one class with ig:keyLabel true")
    key_iri = key_iris[0]
    # The key label is carried by every node but is never a record's own label.
    abstract = {c for c in class_iris if str(g.value(c, IG.abstract) or "").lower() == "true"} | {key_iri}
    parents = {c: [p for p in g.objects(c, RDFS.subClassOf) if p in class_iris] for c in class_iris}

    def ancestors(c: URIRef) -> list[URIRef]:
        out: list[URIRef] = []
        for p in parents[c]:
            for a in ancestors(p) + [p]:
                if a not in out:
                    out.append(a)
        return out

    def descendants(c: URIRef) -> set[URIRef]:
        return {d for d in class_iris if c in ancestors(d)} | {c}

    def concrete(iris) -> frozenset[str]:
        out: set[str] = set()
        for iri in iris:
            out |= {_local(d) for d in descendants(iri) if d not in abstract}
        return frozenset(out)

    # properties, attached to node classes or to relationship types by their domain
    node_props: dict[URIRef, dict[str, PropertySpec]] = {c: {} for c in class_iris}
    rel_props: dict[str, dict[str, PropertySpec]] = {}
    rel_iris = {
        p for p in g.subjects(RDF.type, OWL.ObjectProperty) if str(p).startswith(str(IG))
    }
    for p in g.subjects(RDF.type, OWL.DatatypeProperty):
        name = str(g.value(p, RDFS.label) or _local(p))
        vocab = g.value(p, IG.vocabulary)
        spec = PropertySpec(
            name=name,
            iri=str(p),
            datatype=_local(g.value(p, RDFS.range) or XSD.string),
            multiple=str(g.value(p, IG.multiple) or "").lower() == "true",
            vocabulary=_local(vocab).removesuffix("Scheme") if vocab is not None else None,
            indexed=str(g.value(p, IG.indexed) or "").lower() == "true",
            fulltext=str(g.value(p, IG.fulltext)) if g.value(p, IG.fulltext) is not None else None,
            unique=str(g.value(p, IG.unique) or "").lower() == "true",
            comment=str(g.value(p, RDFS.comment)) if g.value(p, RDFS.comment) is not None else None,
        )
        for dom in g.objects(p, RDFS.domain):
            for member in _members(g, dom):
                if member in rel_iris:
                    rel_props.setdefault(_local(member), {})[name] = spec
                else:
                    for d in descendants(member):
                        node_props[d][name] = spec

    # required properties from SHACL (sh:minCount >= 1 on a datatype property)
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
                for d in descendants(t):
                    required.setdefault(_local(d), set()).add(pname)

    classes: dict[str, ClassSpec] = {}
    for c in sorted(class_iris - abstract, key=str):
        name = _local(c)
        labels = (_local(key_iri),) + tuple(_local(a) for a in ancestors(c) if a not in abstract) + (name,)
        comment = g.value(c, RDFS.comment)
        classes[name] = ClassSpec(
            name=name,
            labels=labels,
            properties=dict(sorted(node_props[c].items())),
            required=frozenset(required.get(name, set())),
            comment=str(comment) if comment is not None else None,
            shared=any(str(g.value(a, IG.shared) or "").lower() == "true" for a in [*ancestors(c), c]),
        )

    relationships: dict[str, RelSpec] = {}
    for r in sorted(rel_iris, key=str):
        name = _local(r)
        comment = g.value(r, RDFS.comment)
        relationships[name] = RelSpec(
            name=name,
            domain=concrete([m for d in g.objects(r, RDFS.domain) for m in _members(g, d)]),
            range=concrete([m for d in g.objects(r, RDFS.range) for m in _members(g, d)]),
            properties=dict(sorted(rel_props.get(name, {}).items())),
            comment=str(comment) if comment is not None else None,
        )

    vocabularies: dict[str, tuple[Term, ...]] = {}
    for scheme in g.subjects(RDF.type, SKOS.ConceptScheme):
        terms = []
        for concept in g.subjects(SKOS.inScheme, scheme):
            low = g.value(concept, IG.probabilityLow)
            high = g.value(concept, IG.probabilityHigh)
            rank = g.value(concept, IG.rank)
            terms.append(
                Term(
                    notation=str(g.value(concept, SKOS.notation)),
                    label=str(g.value(concept, SKOS.prefLabel)),
                    rank=int(rank) if rank is not None else None,
                    alt_labels=tuple(sorted(str(a) for a in g.objects(concept, SKOS.altLabel))),
                    probability_low=float(low) if low is not None else None,
                    probability_high=float(high) if high is not None else None,
                )
            )
        terms.sort(key=lambda t: (t.rank if t.rank is not None else 0, t.notation))
        vocabularies[_local(scheme).removesuffix("Scheme")] = tuple(terms)

    fulltext: dict[str, dict[str, list[str]]] = {}
    indexed_iris: dict[str, set[str]] = {}
    for label, spec in classes.items():
        for prop in spec.properties.values():
            if prop.fulltext:
                entry = fulltext.setdefault(prop.fulltext, {"labels": [], "properties": []})
                indexed_iris.setdefault(prop.fulltext, set()).add(prop.iri)
                if prop.name not in entry["properties"]:
                    entry["properties"].append(prop.name)
    # a full-text index covers the most general labels that carry its properties (the
    # annotated ones: Passage.text shares the name but is another property)
    for index, entry in fulltext.items():
        carriers = {
            label for label, spec in classes.items()
            if any(p.iri in indexed_iris[index] for p in spec.properties.values())
        }
        entry["labels"] = sorted(
            label for label in carriers if not (set(classes[label].labels[1:-1]) & carriers)
        )
        entry["properties"].sort()

    version = str(g.value(URIRef("https://w3id.org/intelgraph/ontology"), OWL.versionInfo) or "0")
    return Ontology(g, classes, relationships, vocabularies, version, _local(key_iri), fulltext)


@lru_cache(maxsize=1)
def get_ontology() -> Ontology:
    return load_ontology()
