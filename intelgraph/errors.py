"""The one error root. Every failure a user can cause or fix is an IntelgraphError.

The CLI prints `str(error)` as one line and exits with `error.exit_code`; the API maps
each class to one HTTP status in one place (api/errors.py). A message says what is
wrong and what to do about it.
"""

from __future__ import annotations


class IntelgraphError(Exception):
    """Base class; `exit_code` is what the CLI exits with."""

    exit_code = 1


class ConfigError(IntelgraphError):
    """A setting is missing or invalid."""

    exit_code = 2


class InputError(IntelgraphError):
    """A document or argument cannot be used (empty, binary, too large, bad value)."""

    exit_code = 2


class OntologyError(IntelgraphError):
    """A label, relationship type, property or vocabulary term the ontology does not define."""

    exit_code = 2


class ExtractionError(IntelgraphError):
    """Extraction failed on a document."""


class ServerError(IntelgraphError):
    """The local Neo4j server could not be started, stopped or reached."""

    exit_code = 3


class DatabaseUnavailable(IntelgraphError):
    """Neo4j did not answer."""

    exit_code = 3


class QueryError(IntelgraphError):
    """A query was refused (not read-only, unknown name, bad parameter) or failed."""

    exit_code = 2


class QueryTimeout(QueryError):
    """A query ran past its time limit (INTELGRAPH_QUERY_TIMEOUT)."""


class QueryMemoryError(QueryError):
    """A query needed more memory than the server allows one transaction."""


class NotFound(IntelgraphError):
    """A node, brief or query asked for by id or name does not exist."""

    exit_code = 4
