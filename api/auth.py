"""API keys and roles.

Keys come from settings: INTELGRAPH_API_KEYS ("key1:reader,key2:writer") and/or the file
INTELGRAPH_API_KEYS_FILE (one `key:role` a line; blank lines and # comments skipped).
A request sends its key as `X-API-Key: KEY` or `Authorization: Bearer KEY`.

Roles: reader (GET endpoints, read-only Cypher, briefs that are not stored) and writer
(everything, including POST /documents and stored briefs). No key or an unknown key is
401; a known key without the role is 403. Keys are compared with hmac.compare_digest
against every configured key, so the time taken says nothing about which one matched.

INTELGRAPH_API_OPEN=true lets every request in as a writer, with no key; `intelgraph
serve` refuses it unless bound to a loopback host (see `check_open_binding`).
"""

from __future__ import annotations

import enum
import hmac
import ipaddress
from dataclasses import dataclass

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from intelgraph.api.errors import ApiError
from intelgraph.errors import ConfigError
from intelgraph.settings import Settings


class Role(enum.IntEnum):
    reader = 1
    writer = 2


@dataclass(frozen=True)
class Principal:
    role: Role
    key_index: int | None  # which configured key (for logs); None when the API is open


class KeyStore:
    def __init__(self, keys: list[tuple[str, Role]], *, open_access: bool = False) -> None:
        self._keys = [(k.encode("utf-8"), role) for k, role in keys]
        self.open = open_access

    @classmethod
    def from_settings(cls, settings: Settings) -> "KeyStore":
        keys: list[tuple[str, Role]] = []
        if settings.api_keys:
            keys += parse_keys(settings.api_keys, "INTELGRAPH_API_KEYS")
        if settings.api_keys_file:
            path = settings.api_keys_file
            try:
                text = path.read_text(encoding="utf-8")
            except OSError as exc:
                raise ConfigError(f"INTELGRAPH_API_KEYS_FILE {path}: cannot be read ({exc.strerror})") from None
            except UnicodeDecodeError:
                raise ConfigError(f"INTELGRAPH_API_KEYS_FILE {path}: not UTF-8 text; write one key:role a line") from None
            keys += parse_keys(text, str(path))
        roles: dict[str, Role] = {}
        for key, role in keys:
            # a key given twice with two roles is a mistake in one of them; which is meant cannot be guessed
            if roles.setdefault(key, role) != role:
                raise ConfigError(f"an API key is listed twice, once as {roles[key].name} and once as "
                                  f"{role.name}; keep one entry per key")
        if not keys and not settings.api_open:
            raise ConfigError("no API keys: set INTELGRAPH_API_KEYS (\"key:reader,key2:writer\") or "
                              "INTELGRAPH_API_KEYS_FILE, or INTELGRAPH_API_OPEN=true on a loopback host")
        return cls(keys, open_access=settings.api_open)

    def authenticate(self, key: str) -> Principal | None:
        given = key.encode("utf-8")
        found: Principal | None = None
        for i, (known, role) in enumerate(self._keys):
            # no early exit: every key is compared
            if hmac.compare_digest(given, known) and found is None:
                found = Principal(role, i)
        return found


def parse_keys(text: str, where: str) -> list[tuple[str, Role]]:
    """`key:role` entries separated by commas or new lines."""
    out: list[tuple[str, Role]] = []
    for n, raw in enumerate(text.replace(",", "\n").splitlines(), start=1):
        entry = raw.strip()
        if not entry or entry.startswith("#"):
            continue
        key, sep, role = entry.rpartition(":")
        key, role = key.strip(), role.strip().lower()
        if not sep or not key:
            raise ConfigError(f"{where}: entry {n} is not key:role (role is reader or writer)")
        if role not in Role.__members__:
            raise ConfigError(f"{where}: entry {n} has role {role!r}; use reader or writer")
        out.append((key, Role[role]))
    return out


def is_loopback(host: str) -> bool:
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_open_binding(settings: Settings, host: str) -> None:
    if settings.api_open and not is_loopback(host):
        raise ConfigError(f"INTELGRAPH_API_OPEN=true serves without keys, so it binds only to a loopback "
                          f"host (127.0.0.1, ::1, localhost), not {host}; set API keys to serve on {host}")


# Declared for the OpenAPI document (the /docs Authorize button); checked in `require`.
_api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="An API key.")
_bearer = HTTPBearer(auto_error=False, description="An API key as a bearer token.")


def _unauthorized(message: str) -> ApiError:
    return ApiError(401, "unauthorized", message, headers={"WWW-Authenticate": "Bearer"})


def require(role: Role):
    """A dependency that admits requests whose key has `role` (or better)."""

    def dependency(request: Request, api_key: str | None = Depends(_api_key_header),
                   bearer: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> Principal:
        store: KeyStore = request.app.state.keys
        if store.open:
            return Principal(Role.writer, None)
        key = api_key or (bearer.credentials if bearer else None)
        if not key:
            raise _unauthorized("an API key is required: send it as X-API-Key or Authorization: Bearer")
        principal = store.authenticate(key)
        if principal is None:
            raise _unauthorized("unknown API key")
        if principal.role < role:
            raise ApiError(403, "forbidden", f"this key's role ({principal.role.name}) cannot do this; "
                                             f"it needs {role.name}")
        request.state.principal = principal
        return principal

    dependency.__name__ = f"require_{role.name}"
    return dependency


def check_role(principal: Principal, role: Role, what: str) -> None:
    """For a role that depends on the request body (e.g. stored briefs)."""
    if principal.role < role:
        raise ApiError(403, "forbidden", f"{what} needs a {role.name} key; this key is a {principal.role.name}")
