"""Named Cypher files, loaded once.

One statement per `.cypher` file, named `verb_object.cypher`, starting with `//`
comment lines that state its parameters and what it returns. The text is returned
as-is (typed LiteralString for the driver): values only ever travel as parameters.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import LiteralString, cast

from intelgraph.errors import QueryError


@lru_cache(maxsize=None)
def cypher(package: str, name: str) -> LiteralString:
    """The statement `name` (without .cypher; may hold one sub-folder, e.g. brief/bluf)."""
    root = resources.files(package)
    path = root.joinpath(*f"{name}.cypher".split("/"))
    if not path.is_file():
        raise QueryError(f"no query named {name!r}; see `intelgraph queries list`")
    return cast(LiteralString, path.read_text(encoding="utf-8"))


def list_cypher(package: str) -> list[str]:
    """Names of every .cypher file under the package, as `folder/name`."""
    root = resources.files(package)
    names: list[str] = []

    def walk(node, prefix: str) -> None:
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            if child.is_dir() and not child.name.startswith(("_", ".")):
                walk(child, f"{prefix}{child.name}/")
            elif child.name.endswith(".cypher"):
                names.append(prefix + child.name.removesuffix(".cypher"))

    walk(root, "")
    return names


def header(text: str) -> str:
    """The leading comment block of a statement, without the `//` marks."""
    lines = []
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        lines.append(line[2:].strip())
    return "\n".join(lines)
