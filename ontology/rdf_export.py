"""The graph as RDF, derived from the ontology: Turtle or JSON-LD.

A node becomes `<https://w3id.org/intelgraph/id/{id}>` typed with the ig: class of each
of its labels; a property becomes the ontology's DatatypeProperty with its declared
datatype; a relationship becomes the ig: ObjectProperty of its type (which the ontology
aligns to PROV-O, e.g. EXTRACTED_FROM ⊑ prov:wasDerivedFrom). Relationship properties
are left out: RDF has no place for them without reification. Anything the ontology
does not define raises OntologyError, as in the writer.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import quote

from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV, XSD

from intelgraph.errors import OntologyError
from intelgraph.ontology.model import IG, Ontology, get_ontology

ID = Namespace("https://w3id.org/intelgraph/id/")


def node_iri(node_id: str) -> URIRef:
    return ID[quote(node_id, safe="")]


def _literal(value: Any, datatype: str) -> Literal:
    if hasattr(value, "to_native"):  # neo4j.time types
        value = value.to_native()
    if datatype == "date" and isinstance(value, dt.date):
        return Literal(value.isoformat(), datatype=XSD.date)
    if datatype == "dateTime" and isinstance(value, dt.datetime):
        return Literal(value.isoformat(), datatype=XSD.dateTime)
    return Literal(value, datatype=XSD[datatype])


def to_rdf(nodes: list[dict], rels: list[dict], onto: Ontology | None = None) -> Graph:
    onto = onto or get_ontology()
    g = Graph()
    g.bind("ig", IG)
    g.bind("igid", ID)
    g.bind("prov", PROV)
    for node in nodes:
        subject = node_iri(node["id"])
        labels = [label for label in node["labels"] if label != onto.key_label]
        specs: dict = {}
        for label in labels:
            specs.update(onto.cls(label).properties)
            g.add((subject, RDF.type, IG[label]))
        for name, value in node["props"].items():
            spec = specs.get(name)
            if spec is None:
                raise OntologyError(f"{'/'.join(labels)} {node['id']}: property {name!r} is not in the ontology")
            for v in value if isinstance(value, list) else [value]:
                g.add((subject, URIRef(spec.iri), _literal(v, spec.datatype)))
    for rel in rels:
        onto.rel(rel["type"])
        g.add((node_iri(rel["start"]), IG[rel["type"]], node_iri(rel["end"])))
    return g


def serialize(g: Graph, fmt: str) -> str:
    formats = {"turtle": "turtle", "ttl": "turtle", "json-ld": "json-ld", "jsonld": "json-ld"}
    if fmt not in formats:
        raise OntologyError(f"unknown RDF format {fmt!r}; use turtle or json-ld")
    return g.serialize(format=formats[fmt])
