"""The ontology: intelgraph.ttl and shapes.ttl, loaded once into a typed model.

Use `L.Claim` / `R.EXTRACTED_FROM` instead of bare strings: an attribute the ontology
does not define raises OntologyError at once (like rdflib's DefinedNamespace with
_fail=True), so a misspelt label can never reach the database.
"""

from __future__ import annotations

from typing import Any, Literal

from intelgraph.ontology.model import IG, ClassSpec, Ontology, PropertySpec, RelSpec, Term, get_ontology


class _Checked:
    """Attribute access returns the name once the ontology confirms it."""

    def __init__(self, kind: str) -> None:
        self._kind = kind

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        onto = get_ontology()
        if self._kind == "label":
            if name != onto.key_label:
                onto.cls(name)
        else:
            onto.rel(name)
        return name


L = _Checked("label")
R = _Checked("rel")


def vocabulary_literal(name: str, *extra: str) -> Any:
    """`Literal[...]` of a vocabulary's notations (lowest rank first) and any `extra`
    values, for pydantic fields and JSON schemas: the values stay the ontology's."""
    return Literal[(*get_ontology().notations(name), *extra)]  # type: ignore[valid-type]


__all__ = ["IG", "L", "R", "ClassSpec", "Ontology", "PropertySpec", "RelSpec", "Term", "get_ontology",
           "vocabulary_literal"]
