"""Graph records: what extraction hands to the graph writer, checked against the ontology.

A NodeRecord names its own label (e.g. "Person"); the writer adds the key label and
ancestors the ontology gives (Node, Entity). An EdgeRecord names both ends by label
and id, so the writer can check domain and range and look ends up by index. Values
are plain JSON-able scalars or lists; dates may be ISO strings or date objects.
`GraphDocument.validate_against()` raises OntologyError naming the first problem;
nothing is written before it passes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Union

from pydantic import BaseModel, ConfigDict, Field

from intelgraph.errors import OntologyError
from intelgraph.ontology.model import Ontology, get_ontology

Scalar = Union[str, int, float, bool, dt.date, dt.datetime, None]
Value = Union[Scalar, list[Union[str, int, float, bool]]]


class NodeRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")

    label: str
    id: str = Field(min_length=1)
    props: dict[str, Value] = Field(default_factory=dict)


class EdgeRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: str
    start_label: str
    start: str
    end_label: str
    end: str
    props: dict[str, Value] = Field(default_factory=dict)


class GraphDocument(BaseModel):
    """Everything one document adds to the graph; written in one transaction."""

    model_config = ConfigDict(extra="forbid")

    document_id: str
    nodes: list[NodeRecord] = Field(default_factory=list)
    edges: list[EdgeRecord] = Field(default_factory=list)

    def validate_against(self, onto: Ontology | None = None) -> None:
        onto = onto or get_ontology()
        for node in self.nodes:
            check_node(onto, node)
        for edge in self.edges:
            check_edge(onto, edge)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for node in self.nodes:
            out[node.label] = out.get(node.label, 0) + 1
        for edge in self.edges:
            out[edge.type] = out.get(edge.type, 0) + 1
        return out


def check_node(onto: Ontology, node: NodeRecord) -> None:
    spec = onto.cls(node.label)
    if "id" in node.props:
        raise OntologyError(f"{node.label} {node.id}: give the id as NodeRecord.id, not in props")
    onto.check_properties(node.label, spec.properties, node.props)
    missing = sorted(p for p in spec.required - {"id"} if node.props.get(p) in (None, "", []))
    if missing:
        raise OntologyError(f"{node.label} {node.id}: missing required properties {', '.join(missing)}")


def check_edge(onto: Ontology, edge: EdgeRecord) -> None:
    spec = onto.rel(edge.type)
    for end, label, allowed in (("start", edge.start_label, spec.domain), ("end", edge.end_label, spec.range)):
        onto.cls(label)
        if label not in allowed:
            raise OntologyError(
                f"{edge.type} cannot have a {label} at its {end}; allowed: {', '.join(sorted(allowed))}"
            )
    onto.check_properties(edge.type, spec.properties, edge.props)


def neo4j_props(specs: dict[str, Any], props: dict[str, Value]) -> dict[str, Any]:
    """Dates given as ISO strings become date objects, stored as Neo4j dates so range
    queries and indexes work; nulls are dropped (Neo4j stores no null)."""
    out: dict[str, Any] = {}
    for name, value in props.items():
        if value is None:
            continue
        spec = specs[name]
        if isinstance(value, str) and spec.datatype == "date":
            try:
                value = dt.date.fromisoformat(value[:10])
            except ValueError:
                raise OntologyError(f"{name} must be an ISO date (YYYY-MM-DD); got {value!r:.40}") from None
        elif isinstance(value, str) and spec.datatype == "dateTime":
            try:
                value = dt.datetime.fromisoformat(value)
            except ValueError:
                raise OntologyError(f"{name} must be an ISO date-time; got {value!r:.40}") from None
        out[name] = value
    return out
