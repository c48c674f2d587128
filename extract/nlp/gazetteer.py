"""States, their other names, capitals and demonyms from a maintained gazetteer
(the `countryinfo` package's data), keyed like every other vocabulary (keys.canonical_key).

Why a package: a hand list knows the states its writer thought of; a page about Mali or
Niger needs "Malian", "Bamako" and "Niger" as a state just the same.

Conventions
- Loaded once per process (about 0.15 s), from the package's files; nothing is fetched.
- Only states of at least MIN_POPULATION people count, so a small territory's capital
  ("Hamilton", "Victoria") or borrowed demonym ("French" for Saint Pierre) never stands
  for a state; where two states share a demonym ("Congolese") the more populous takes it.
- Other names are the gazetteer's alternative spellings in Latin script that are no ISO
  code and no inverted form ("Korea, Republic of"); a leading "the" is dropped.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass, field

from .keys import canonical_key

MIN_POPULATION = 1_000_000


@dataclass(frozen=True)
class Gazetteer:
    names: dict[str, str] = field(default_factory=dict)  # state key -> display name
    aliases: dict[str, str] = field(default_factory=dict)  # other name key -> state key
    capitals: dict[str, str] = field(default_factory=dict)  # capital key -> state key
    demonyms: dict[str, str] = field(default_factory=dict)  # demonym key -> state key


def _latin(text: str) -> bool:
    plain = unicodedata.normalize("NFKD", text)
    return all(ord(ch) < 128 or unicodedata.combining(ch) for ch in plain)


def _key(name: str) -> str:
    key = canonical_key(name)
    return key[4:] if key.startswith("the ") else key


def _usable_alias(spelling: str, iso: dict) -> bool:
    codes = {str(v).casefold() for v in iso.values()}
    return ("," not in spelling and _latin(spelling) and spelling.casefold() not in codes
            and not (spelling.isupper() and len(spelling) <= 3))


@functools.cache
def gazetteer() -> Gazetteer:
    import countryinfo

    states = []
    for country in countryinfo.all_countries():
        info = country.info()
        if (info.get("population") or 0) >= MIN_POPULATION and info.get("name"):
            states.append(info)
    states.sort(key=lambda i: -i["population"])  # the more populous state claims a shared name first
    g = Gazetteer()
    for info in states:
        key = _key(info["name"])
        if key and key not in g.names:
            g.names[key] = info["name"].removeprefix("The ")
    for info in states:
        key = _key(info["name"])
        for spelling in info.get("altSpellings") or []:
            alias = _key(spelling)
            if alias and alias != key and alias not in g.names and _usable_alias(spelling, info.get("ISO") or {}):
                g.aliases.setdefault(alias, key)
        capital = _key(info.get("capital") or "")
        if capital and capital not in g.names:
            g.capitals.setdefault(capital, key)
        for demonym in (info.get("demonym") or "").split("/"):
            if (d := _key(demonym)) and d not in g.names:
                g.demonyms.setdefault(d, key)
    return g


def demonym_state(key: str) -> str | None:
    """The state a demonym (singular or plural: "malian", "malians") names, else None."""
    demonyms = gazetteer().demonyms
    if key in demonyms:
        return demonyms[key]
    if key.endswith("s") and key[:-1] in demonyms:
        return demonyms[key[:-1]]
    return None
