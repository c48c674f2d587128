"""Named, parameterised read queries: the files analysts paste into Neo4j Browser.

Folders: brief/ (one query per brief section), explore/ (a starter set for analysts),
trace/ (provenance chains), api/ (look-ups behind the HTTP API). Each file starts
with `//` lines stating its parameters and what it returns; values are always
parameters, so a file runs unchanged in Browser or cypher-shell after `:param`.
"""

from __future__ import annotations

from typing import LiteralString

from intelgraph.queries.catalog import cypher, header, list_cypher

_PKG = "intelgraph.queries"


def query(name: str) -> LiteralString:
    """The text of `folder/name`, e.g. query("brief/bluf")."""
    return cypher(_PKG, name)


def names() -> list[str]:
    return list_cypher(_PKG)


def describe(name: str) -> str:
    return header(query(name))
