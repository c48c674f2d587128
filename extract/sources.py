"""Who a document comes from, in two of the three roles a source plays, and their grades.

- publisher: who wrote and published the document (PUBLISHED_BY). In order: `--source`;
  the site the page names itself (its boilerplate, a logo, a news title's outlet, a
  byline, a wire credit: see the readers); the site whose host the page's URL is on;
  the publisher a sources.toml names for the page's layout (`[layouts] report = "…"`);
  the site the layout belongs to (extract/sites.toml); else UNKNOWN_SOURCE.
- origins: the reporting it is based on (BASED_ON): the outlet in a report title, a
  wire credit, a dateline agency, as the reader found them (ParsedDocument.origins).
- (speakers, who is quoted inside the text, are claims' attributions: graph_records.)
Reliability (Admiralty A–F) belongs to a source, whatever its role: `--reliability`
(the publisher), a sources.toml (`[sources."Name"] reliability = "B"`), or the default
F: reliability cannot be judged. A grade is never an analytic confidence.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

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
    # how the document names it: user, page, url, layout (publisher); title, dateline,
    # credit, citation (origin); None when nothing does
    via: str | None = None


@dataclass(frozen=True)
class DocumentSources:
    """A document's publisher and origins, graded; `grades` grades the speakers its
    claims name (casefolded name -> reliability)."""

    publisher: SourceInfo
    origins: tuple[SourceInfo, ...] = field(default=())
    grades: dict[str, str] = field(default_factory=dict)

    def grade(self, name: str) -> str:
        return self.grades.get(name.casefold()) or DEFAULT_RELIABILITY


def source_id(name: str) -> str:
    return "source:" + slug(name)


@dataclass(frozen=True)
class _Sites:
    by_host: dict[str, str]
    by_layout: dict[str, str]


@lru_cache(maxsize=1)
def _sites() -> _Sites:
    """The sites whose layouts the readers know (extract/sites.toml)."""
    data = tomllib.loads(resources.files("intelgraph.extract").joinpath("sites.toml").read_text(encoding="utf-8"))
    by_host, by_layout = {}, {}
    for name, site in (data.get("sites") or {}).items():
        by_host.update({host.casefold(): name for host in site.get("hosts", [])})
        by_layout.update({layout: name for layout in site.get("layouts", [])})
    return _Sites(by_host, by_layout)


def _host_site(url: str | None) -> str | None:
    host = (urlsplit(url).hostname or "").casefold() if url else ""
    while host:
        if host in _sites().by_host:
            return _sites().by_host[host]
        host = host.partition(".")[2]  # a subdomain is the same site
    return None


def _layout_site(layouts: dict[str, str], layout: str) -> str | None:
    """A layout's publisher: the exact layout's, or its family's ("report" for report-mid)."""
    family = layout.split("-")[0]
    return layouts.get(layout) or layouts.get(family) or _sites().by_layout.get(layout)


class SourceGrades:
    """Publishers and origins of documents, graded from `--reliability`, a sources.toml
    file, or the default F."""

    def __init__(self, grades: dict[str, str] | None = None, *, override_name: str | None = None,
                 override_reliability: str | None = None, layouts: dict[str, str] | None = None) -> None:
        onto = get_ontology()
        self.grades = {k.casefold(): v for k, v in (grades or {}).items()}
        for grade in self.grades.values():
            onto.term("Reliability", grade)
        if override_reliability is not None:
            onto.term("Reliability", override_reliability)
        self.override_name = override_name
        self.override_reliability = override_reliability
        self.layouts = dict(layouts or {})

    @classmethod
    def from_file(cls, path: Path | None, **kw) -> "SourceGrades":
        if path is None:
            return cls(**kw)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise InputError(f"{path}: no such sources file") from None
        except IsADirectoryError:
            raise InputError(f"{path}: is a folder; name the sources file (see examples/sources.toml)") from None
        except UnicodeDecodeError:
            raise InputError(f"{path}: not UTF-8 text; a sources file is TOML (see examples/sources.toml)") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
        except tomllib.TOMLDecodeError as exc:
            raise InputError(f"{path}: not valid TOML ({exc}); see examples/sources.toml") from None
        for table in ("sources", "layouts"):
            if not isinstance(data.get(table) or {}, dict):
                raise InputError(f"{path}: [{table}] must be a table of name = value lines (see examples/sources.toml)")
        grades = {}
        for name, entry in (data.get("sources") or {}).items():
            grade = entry.get("reliability") if isinstance(entry, dict) else entry
            if not isinstance(grade, str):
                raise InputError(f"{path}: source {name!r} needs reliability = \"A\"…\"F\"")
            grades[name] = grade.upper()
        layouts = data.get("layouts") or {}
        if not all(isinstance(v, str) for v in layouts.values()):
            raise InputError(f"{path}: [layouts] maps a layout to a publisher's name: report = \"Name\"")
        try:
            return cls(grades, layouts=layouts, **kw)
        except IntelgraphError as exc:
            raise InputError(f"{path}: {exc}") from None

    def grade(self, name: str) -> str:
        return self.grades.get(name.casefold()) or DEFAULT_RELIABILITY

    def publisher_for(self, parsed: ParsedDocument) -> SourceInfo:
        named = [(self.override_name, "user"), (parsed.source_name, "page"), (_host_site(parsed.url), "url"),
                 (_layout_site(self.layouts, parsed.layout), "layout")]
        name, via = next(((n, v) for n, v in named if n), (UNKNOWN_SOURCE, None))
        grade = self.override_reliability or self.grade(name)
        return SourceInfo(name=name, reliability=grade, via=via)

    def source_for(self, parsed: ParsedDocument) -> DocumentSources:
        origins = tuple(SourceInfo(name=o.name, reliability=self.grade(o.name), via=o.via) for o in parsed.origins)
        return DocumentSources(self.publisher_for(parsed), origins, self.grades)


def find_sources_file(paths: Iterable[str]) -> Path | None:
    """A sources.toml inside the first folder given, if there is one. Only the first: a
    file in a later folder would grade and name the publisher of every document of the
    run, those of the other folders too (a sample desk's [layouts] claiming real pages)."""
    for raw in paths:
        if raw != "-" and Path(raw).is_dir():
            candidate = Path(raw) / "sources.toml"
            return candidate if candidate.is_file() else None
    return None
