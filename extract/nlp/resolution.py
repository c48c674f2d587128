"""Entity resolution: normalised keys, aliases and in-document short forms.

Conventions
- Pure functions of their inputs, so two documents naming the same thing produce the
  same key and id: `canonical_key` normalises a surface form; `static_key` adds the
  alias table (DPRK -> north korea); `resolve_short_forms` then maps, within one
  document, a surname / title+surname / acronym to a full name of the same document.
- Bare surnames never resolve across documents. A document that only ever says
  "Voss" gives `entity:voss`, kept apart from another document's `entity:amara-voss`
  (alias "Voss"): which Voss is meant cannot be known from that document, and
  joining them at extraction time would make the graph depend on what was ingested
  first. Within one document a surname takes the full name said before it (most
  recent), else the one said after it (nearest: a headline "Voss warns …" above
  "Amara Voss said …"), else the one in the document's Key Individuals list
  (`short_form_targets`, applied by graph_records). A one-word Person key (no space)
  is how a query tells such an unresolved surname-only entity from a full name.
- The entity id is label-agnostic ("entity:" + key with dashes), so an ORG-vs-GPE
  tagging slip never splits one entity in two.
- Mentions here are plain dicts {start, end, text, label, key}: they cross process
  boundaries inside spaCy docs (msgpack), so no classes.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from intelgraph.ontology import L

from .entity_lexicon import ALIASES, CAPITALS, DEMONYMS, ORGANIZATION_ACRONYMS, ORGANIZATION_NAMES, STATE_NAMES, TITLES
from .keys import canonical_key


# Keys that name a state or its stand-ins; never rewritten as a person's short form.
_RESERVED_KEYS = (frozenset(STATE_NAMES) | frozenset(ALIASES) | frozenset(CAPITALS) | frozenset(DEMONYMS)
                  | frozenset(ORGANIZATION_ACRONYMS))


def static_key(name: str) -> str:
    """The canonical key of `name` after the alias table (context-free aliases only)."""
    key = canonical_key(name)
    return ALIASES.get(key) or ORGANIZATION_ACRONYMS.get(key, key)


def entity_id(key: str) -> str:
    """The graph id of the entity with this canonical key."""
    return "entity:" + key.replace(" ", "-")


def strip_titles(words: list[str]) -> list[str]:
    """Drop leading titles ("president", "mr", ...) from canonical name words."""
    i = 0
    while i < len(words) - 1 and words[i] in TITLES:
        i += 1
    return words[i:]


_ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-Z][A-Za-z&.]{1,9})\s*\)")


_ACRONYM_STOP = frozenset({"of", "the", "and", "for", "de", "al"})


def _initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in _ACRONYM_STOP)


def abbreviates(acronym: str, key: str) -> bool:
    """The acronym is made of the beginnings of the name's words, in order: their initials
    ("RSF"), or longer beginnings of the last ones after leading words left out
    ("AFRICOM" for "United States Africa Command")."""
    letters, words = acronym.replace(" ", ""), [w for w in key.split() if w not in _ACRONYM_STOP]
    if letters == "".join(w[0] for w in words):
        return True

    def match(i: int, j: int) -> bool:  # letters[i:] from words[j:], every word from j on used
        if i == len(letters):
            return j == len(words)
        if j == len(words):
            return False
        return any(match(i + n, j + 1) for n in range(len(words[j]), 0, -1)
                   if letters.startswith(words[j][:n], i))

    return len(letters) >= 4 and any(match(0, j) for j in range(len(words) - 1))


def resolve_short_forms(mentions: list[dict], text: str) -> None:
    """Rewrite, in document order, the keys of short forms to their full name's key.

    - Person names: titles are dropped from the key ("President Bola Tinubu" ->
      "bola tinubu"). A one-word mention (after titles) equal to the last or first
      word of an earlier full name (two words or more) takes that name's key; the
      most recent such name wins. With none earlier, the nearest later full name
      wins (a headline's surname before the body's full name). With neither it stays.
    - Acronyms: "Rapid Support Forces (RSF)" makes a later "RSF" resolve to the full
      name, when the letters match the initials.
    """
    full_names: list[tuple[list[str], str]] = []
    later: list[tuple[int, list[str], str]] = []  # (position, words, key) of every full name
    pending: list[tuple[int, str]] = []  # (position, word) of one-word mentions with no earlier full name
    acronyms: dict[str, str] = {}
    for pos, m in enumerate(mentions):
        key = m["key"]
        if key in acronyms:
            m["key"] = acronyms[key]
            continue
        words = key.split()
        if key not in _RESERVED_KEYS:
            name_words = strip_titles(words)
            if m["label"] == L.Person and len(name_words) >= 2:
                key = " ".join(name_words)
                m["key"] = key
                full_names.append((name_words, key))
                later.append((pos, name_words, key))
            elif len(name_words) == 1:
                word = name_words[0]
                for full_words, full_key in reversed(full_names):
                    if word == full_words[-1] or word == full_words[0]:
                        m["key"] = full_key
                        break
                else:
                    pending.append((pos, word))
        after = _ACRONYM_AFTER.match(text, m["end"])
        if after and len(m["key"].split()) >= 2:
            acronym = canonical_key(after.group(1))
            if abbreviates(acronym, m["key"]) and acronym not in _RESERVED_KEYS:
                acronyms[acronym] = m["key"]
    for pos, word in pending:
        m = mentions[pos]
        for full_pos, full_words, full_key in later:
            if full_pos > pos and (word == full_words[-1] or word == full_words[0]):
                m["key"] = full_key
                break
    _join_number_forms(mentions)


_COMPASS = frozenset({"north", "south", "east", "west"})
# Head nouns a text uses in turn for one industrial site.
_WORKS = frozenset({"refinery", "plant", "factory", "facility", "complex", "works"})


def _join_number_forms(mentions: list[dict]) -> None:
    """A group's name in the singular and the plural is one entity ("Houthi movement",
    "the Houthis"): a one-word key that is another plus "s" takes the singular key."""
    keys = {m["key"] for m in mentions if m["label"] != L.Person and " " not in m["key"]}
    for m in mentions:
        key = m["key"]
        if m["label"] != L.Person and key.endswith("s") and key[:-1] in keys:
            m["key"] = key[:-1]
    # "the North" in a text about North Korea is that state
    states = {m["key"] for m in mentions if m["key"] in STATE_NAMES}
    for m in mentions:
        if m["key"] in _COMPASS:
            named = [k for k in states if k.split()[0] == m["key"]]
            if len(named) == 1:
                m["key"] = named[0]
    # one facility under two head nouns ("the Novoshakhtinsk refinery", "the plant's ...
    # Novoshakhtinsk plant"): the first form's key, when the name before the head is the same
    first: dict[str, str] = {}
    for m in mentions:
        words = m["key"].split()
        if m["label"] == L.Facility and len(words) >= 2 and words[-1] in _WORKS:
            m["key"] = first.setdefault(words[0], m["key"])


def state_prefixed(key: str) -> str:
    """A name that opens with another name of a state spells the state out ("us africa
    command" -> "united states africa command"), so its short and long forms share a key."""
    words = key.split()
    for n in (3, 2, 1):
        head = " ".join(words[:n])
        if len(words) > n and head in ALIASES:
            return " ".join([ALIASES[head], *words[n:]])
    return key


def short_form_targets(keys: Iterable[str], listed_names: Iterable[str]) -> dict[str, str]:
    """One-word keys that name exactly one of a document's listed full names.

    `listed_names` are the person names a document lists (its Key Individuals); the
    result maps a surname (or given name) key to that name's key. A word shared by
    two listed names is ambiguous and maps to nothing; reserved keys (states,
    capitals, demonyms) never map.
    """
    by_word: dict[str, set[str]] = {}
    for name in listed_names:
        words = strip_titles(canonical_key(name).split())
        if len(words) < 2:
            continue
        full_key = " ".join(words)
        for word in {words[0], words[-1]}:
            by_word.setdefault(word, set()).add(full_key)
    out: dict[str, str] = {}
    for key in keys:
        words = strip_titles(key.split())
        if len(words) != 1 or key in _RESERVED_KEYS or words[0] in _RESERVED_KEYS:
            continue
        targets = by_word.get(words[0], set())
        if len(targets) == 1:
            out[key] = next(iter(targets))
    return out


def display_name(key: str, surfaces: Iterable[str]) -> str:
    """The name to show: a state's own name, else the most complete surface form
    (most words once titles are dropped, then longest; the first seen on ties)."""
    if key in STATE_NAMES or key in ORGANIZATION_NAMES:
        return STATE_NAMES.get(key) or ORGANIZATION_NAMES[key]
    best, best_rank = "", (-1, -1)
    for surface in surfaces:
        words = surface.split()
        stripped = words[len(words) - len(strip_titles([canonical_key(w) for w in words])):]
        candidate = " ".join(stripped)
        rank = (len(stripped), len(candidate))
        if rank > best_rank:
            best, best_rank = candidate, rank
    return best


def entity_label(key: str, labels: Iterable[str], texts: Iterable[str] | None = None) -> str:
    """States are Locations; otherwise the most frequent mention label (first seen on ties),
    counted over the mentions that spell the entity out in full when `texts` are given:
    a surname or acronym standing for it ("Hamada said") is weaker evidence of its type
    than its full name ("Defense Minister Yasukazu Hamada")."""
    if key in STATE_NAMES:
        return L.Location
    if key in ORGANIZATION_NAMES:
        return L.Organization
    labels = list(labels)
    if texts is not None:
        full = [label for label, text in zip(labels, texts) if canonical_key(text) == key]
        labels = full or labels
    counts = Counter(labels)
    top = max(counts.values())
    return next(label for label in counts if counts[label] == top)