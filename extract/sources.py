"""Who published a document, and how reliable that source is (Admiralty A–F).

A document's source name comes from the document (the outlet in a report title, a
wire credit) or from the user (`--source`); its reliability from `--reliability`, a
sources.toml (`[sources."Name"] reliability = "B"`), or the default F: reliability
cannot be judged. A grade is about the source, never an analytic confidence.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from intelgraph.errors import InputError, IntelgraphError
from intelgraph.extract.readers.model import ParsedDocument
from intelgraph.ontology import get_ontology

UNKNOWN_SOURCE = "Unknown source"
DEFAULT_RELIABILITY = "F"  # Admiralty: reliability cannot be judged


def slug(name: str) -> str:
    """A name as an id part: ASCII, lower case, words joined by hyphens."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "unnamed"


@dataclass(frozen=True)
class SourceInfo:
    name: str
    reliability: str = DEFAULT_RELIABILITY
    url: str | None = None


def source_id(name: str) -> str:
    return "source:" + slug(name)


class SourceGrades:
    """Source reliability from `--reliability`, a sources.toml file, or the default F."""

    def __init__(self, grades: dict[str, str] | None = None, *, override_name: str | None = None,
                 override_reliability: str | None = None) -> None:
        onto = get_ontology()
        self.grades = {k.casefold(): v for k, v in (grades or {}).items()}
        for grade in self.grades.values():
            onto.term("Reliability", grade)
        if override_reliability is not None:
            onto.term("Reliability", override_reliability)
        self.override_name = override_name
        self.override_reliability = override_reliability

    @classmethod
    def from_file(cls, path: Path | None, **kw) -> "SourceGrades":
        if path is None:
            return cls(**kw)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise InputError(f"{path}: no such sources file") from None
        except tomllib.TOMLDecodeError as exc:
            raise InputError(f"{path}: not valid TOML ({exc}); see examples/sources.toml") from None
        grades = {}
        for name, entry in (data.get("sources") or {}).items():
            grade = entry.get("reliability") if isinstance(entry, dict) else entry
            if not isinstance(grade, str):
                raise InputError(f"{path}: source {name!r} needs reliability = \"A\"…\"F\"")
            grades[name] = grade.upper()
        try:
            return cls(grades, **kw)
        except IntelgraphError as exc:
            raise InputError(f"{path}: {exc}") from None

    def source_for(self, parsed: ParsedDocument) -> SourceInfo:
        name = self.override_name or parsed.source_name or UNKNOWN_SOURCE
        grade = self.override_reliability or self.grades.get(name.casefold()) or DEFAULT_RELIABILITY
        return SourceInfo(name=name, reliability=grade)


def find_sources_file(paths: Iterable[str]) -> Path | None:
    """A sources.toml inside the first folder given, if there is one."""
    for raw in paths:
        candidate = Path(raw) / "sources.toml"
        if raw != "-" and Path(raw).is_dir() and candidate.is_file():
            return candidate
    return None
