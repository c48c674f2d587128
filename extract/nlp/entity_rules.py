"""From spaCy's entity spans to clean, keyed entity mentions.

Conventions
- Input: a Doc whose `ents` are set (by the model, or by hand in tests). Output: plain
  mention dicts {start, end, text, label, key} in document order, with
  text == doc.text[start:end].
- Cleaning: a span stops at a line break; a leading "the", bullets and trailing
  possessives ("'s", "’s") and punctuation are trimmed; a name ends in no lower-case
  word ("Kursk region" -> "Kursk") but a facility's head ("oil refinery"); in a
  title-case headline a state run into the words after it is kept alone.
- Rejection: section labels and boilerplate (entity_lexicon.SECTION_LABELS and
  patterns such as "Hypothesis A"), list labels ("Information Gaps:" at the start of
  a line, or "Bias" in "- Cognitive Bias:"), text with no capital letter, keys
  shorter than two characters, time zones after a clock time ("p.m. Thursday GMT"),
  qualifiers ("Jihadist groups").
- Demonyms (hand tables and the gazetteer, see entity_lexicon): a singular demonym is
  an adjective and names nothing ("Iranian-backed", "North Korean troops"); a plural
  one is a people, a Group keyed by the singular ("North Koreans" -> "north korean");
  a demonym+head span ("Russian Government") and a capital acting as a government
  ("Moscow's brigade", "Beijing warned") take the state's key.
- Types from context (`context_label`), read from words because this stage runs
  before any tagger: titles, place prepositions and heads, organisation nouns.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from intelgraph.ontology import L

from .entity_lexicon import (
    ALIASES,
    CAPITALS,
    DEMONYMS,
    GROUP_HEADS,
    LABEL_MAP,
    ORGANIZATION_ACRONYMS,
    SECTION_LABEL_PATTERNS,
    SECTION_LABELS,
    STATE_HEADS,
    STATE_NAMES,
    STATE_VERBS,
    TITLES,
)
from .resolution import canonical_key, resolve_short_forms, state_prefixed

_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
# Words the model sometimes pulls into a name at the start of a sentence.
_LEADING_DROP = frozenset({"the", "citing", "according", "per", "by", "as", "from", "with", "for"})
_TRAILING_CHARS = " \t\r\n-–—:;,.!?*•'’\"”“)(]["
_LEADING_CHARS = " \t\r\n-–—:;,.*•'’\"”“)(]["
_LABEL_PATTERN = re.compile("|".join(f"(?:{p})" for p in SECTION_LABEL_PATTERNS))
_ABBREVIATION = re.compile(r"(?:\b[A-Za-z]\.){2,}$")
_LINE_PREFIX = re.compile(r"[\s\-–—•*·\d.)(#]*")


def _clean_bounds(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Token bounds of the span once line breaks, "the", bullets and possessives are cut."""
    for i in range(start, end):
        if "\n" in doc[i].text or (i > start and "\n" in doc[i - 1].whitespace_):
            end = i
            break
    while start < end and (doc[start].is_space or doc[start].is_punct or doc[start].lower_ in _LEADING_DROP):
        start += 1
    while start < end and (doc[end - 1].is_space or doc[end - 1].is_punct or doc[end - 1].text in _POSSESSIVES):
        end -= 1
    return (start, end) if start < end else None


def _char_bounds(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in _LEADING_CHARS:
        start += 1
    while start < end and text[end - 1] in _TRAILING_CHARS:
        if text[end - 1] == "." and _ABBREVIATION.search(text, start, end):
            break  # "U.S." keeps its last period
        end -= 1
    for suffix in ("'s", "’s"):
        if text.endswith(suffix, start, end) and end - start > len(suffix):
            end -= len(suffix)
    return (start, end) if start < end else None


def is_section_label(key: str) -> bool:
    return key in SECTION_LABELS or _LABEL_PATTERN.fullmatch(key) is not None


def _is_list_label(text: str, start: int, end: int) -> bool:
    """"- Information Gaps: ..." — the mention opens its line and a colon follows."""
    line_start = text.rfind("\n", 0, start) + 1
    if _LINE_PREFIX.fullmatch(text, line_start, start) is None:
        return False
    rest = text[end:end + 40].lstrip(" *")
    return rest.startswith(":") or rest.startswith("[")


def _ends_list_label(text: str, start: int, end: int) -> bool:
    """"- Cognitive Bias: ..." with only "Bias" tagged: the line up to the mention is a
    section label and a colon follows."""
    if not text[end:end + 40].lstrip(" *").startswith(":"):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    label_start = _LINE_PREFIX.match(text, line_start).end()
    return label_start < start and is_section_label(canonical_key(text[label_start:end]))


def rejected(text: str, key: str, doc_text: str, start: int, end: int) -> bool:
    """True for boilerplate the model took for a name."""
    if len(key) < 2 or not any(ch.isupper() for ch in text):
        return True
    if is_section_label(key):
        return True
    return _is_list_label(doc_text, start, end) or _ends_list_label(doc_text, start, end)


def _words_after(doc: Doc, end: int, n: int = 2) -> list[str]:
    out: list[str] = []
    for token in doc[end:end + n + 1]:
        if token.is_space:
            continue
        if token.is_punct and token.text not in {"'s", "’s"}:
            break
        out.append(token.lower_)
        if len(out) == n:
            break
    return out


def _demonym(key: str) -> str | None:
    if key in DEMONYMS:
        return key
    if key.endswith("s") and key[:-1] in DEMONYMS:
        return key[:-1]
    return None


def state_sense(doc: Doc, end: int, key: str, label: str) -> tuple[str, str] | None:
    """(key, label) once demonyms and capitals are read in their state sense; None for a
    demonym that names no entity: a singular demonym is an adjective ("Iranian-backed",
    "North Korean troops", "Israeli officials"), not a mention of the state."""
    demonym = _demonym(key)
    if demonym is not None:
        return None if key == demonym else (demonym, L.Group)
    words = key.split()
    for n in (2, 1):
        head = " ".join(words[:n])
        if len(words) > n and head in DEMONYMS and all(w in STATE_HEADS for w in words[n:]):
            return DEMONYMS[head], L.Location
    if key in CAPITALS:
        after = _words_after(doc, end, 1)
        # "Kyiv's top officer" even when tagged a person; "Washington said" only when not
        if after and (after[0] in {"'s", "’s"} or (after[0] in STATE_VERBS and label != L.Person)):
            return CAPITALS[key], L.Location
    if key in ORGANIZATION_ACRONYMS:  # "UN" is the United Nations in every document
        return ORGANIZATION_ACRONYMS[key], L.Organization
    return ALIASES.get(key) or state_prefixed(key), label


# Closed-class words: after one of these a name is not qualifying the next word. The
# entity stage runs before any tagger (NER alone, for speed), so these rules read words.
_FUNCTION_WORDS = frozenset({
    "in", "on", "at", "from", "of", "to", "by", "for", "with", "and", "or", "but", "as", "into",
    "near", "after", "before", "since", "during", "than", "the", "a", "an", "who", "which", "that",
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "said", "say", "says",
})
# Head nouns after a name that make it an organisation's ("Yonhap news agency").
_ORG_HEADS = frozenset({"agency", "news", "company", "corporation", "party", "ministry", "newspaper",
                        "broadcaster", "network", "group", "institute", "council", "committee"})


def _next_word(doc: Doc, end: int):
    return doc[end] if end < len(doc) else None


def _modifies_a_noun(doc: Doc, end: int) -> bool:
    """The name is followed by a lower-case word it qualifies ("Jihadist groups",
    "Western diplomats") or by a hyphenated one ("Arab-led"), not by a function word or a
    group's head noun ("Houthi rebels")."""
    nxt = _next_word(doc, end)
    if nxt is None:
        return False
    if nxt.text in {"-", "‐", "‑"} and not doc[end - 1].whitespace_:
        return True
    return (nxt.is_alpha and nxt.is_lower and nxt.lower_ not in GROUP_HEADS
            and nxt.lower_ not in _FUNCTION_WORDS and nxt.lower_ not in _ORG_HEADS)


# Words before a name that make it a place ("in Poltava", "near Hodeidah").
_PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "into", "across", "around", "towards", "toward"})
# Lower-case generic heads a place name does not include ("Kursk region" -> "Kursk").
_PLACE_HEADS = frozenset({"region", "province", "district", "county", "area", "oblast", "governorate"})


# Model labels that are no entity type of ours, kept only where the next word makes the
# name a place's ("Kursk region" tagged PRODUCT).
_RETYPED_BY_CONTEXT = frozenset({"PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"})


def _trim_tokens(doc: Doc, start: int, end: int, keep_head: bool = False) -> tuple[int, int] | None:
    """A name does not end in a lower-case word ("Kursk region" -> "Kursk", "Niger State
    marks" -> "Niger State"), except a facility's head noun ("the Kremenchuk oil refinery")."""
    while end - start > 1 and doc[end - 1].is_lower and doc[end - 1].is_alpha and not (
            keep_head and doc[end - 1].lower_ not in _PLACE_HEADS):
        end -= 1
    return (start, end) if start < end else None


# Nouns before "of" that make what follows a place ("the port of Hodeidah").
_PLACE_NOUNS = frozenset({"port", "city", "town", "village", "region", "province", "district", "capital",
                          "island", "state", "county", "oblast", "governorate", "area", "outskirts"})
# Nouns just before a name that make it an organisation's ("the security firm Ambrey").
_ORG_NOUNS = _ORG_HEADS | frozenset({"firm", "outlet", "station", "publisher", "daily", "broadcaster"})
# The last word of many organisations' names ("Jiji Press", "Al Masirah TV").
_ORG_NAME_HEADS = frozenset({"press", "tv", "news", "times", "post", "radio", "television", "agency",
                             "herald", "tribune", "gazette", "journal", "group", "party", "council",
                             "command", "forces", "ministry", "department", "service", "office", "corps"})
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}|[ap]\.?m\.?|\d{1,2}[ap]m", re.I)
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


def is_time_zone(doc: Doc, start: int, end: int) -> bool:
    """"5:47 p.m. Thursday GMT": an upper-case abbreviation right after a clock time or a
    weekday names a time zone, not an organisation."""
    word = doc[start:end].text
    if end - start != 1 or not (word.isupper() and 2 <= len(word) <= 4) or start == 0:
        return False
    before = doc[start - 1]
    return bool(_CLOCK.fullmatch(before.text)) or before.lower_ in _WEEKDAYS


def context_label(doc: Doc, start: int, end: int, label: str) -> str:
    """The label the words in and around a mention give it, where they are clear: a title
    before or opening it makes a Person ("President Trump", "Defense Minister Y. H."), a
    place preposition, a place noun + "of" or a place head after it a Location ("in
    Poltava", "the port of Hodeidah", "the Sahel region"), an organisation's noun before,
    head noun after or name head inside an Organization ("the firm Ambrey", "Yonhap news
    agency", "Jiji Press"), and the article before a plural name a group's ("the
    Houthis": a person takes no article)."""
    before = doc[start - 1] if start > 0 else None
    before2 = doc[start - 2] if start > 1 else None
    nxt = _next_word(doc, end)
    words = [t.lower_.rstrip(".") for t in doc[start:end]]
    if label != L.Location and ((before is not None and before.lower_.rstrip(".") in TITLES)
                                or (len(words) > 2 and words[0] in TITLES and doc[end - 1].is_title)):
        return L.Person
    if nxt is not None and nxt.is_lower and nxt.lower_ in _PLACE_HEADS:
        return L.Location
    if nxt is not None and nxt.is_lower and nxt.lower_ in _ORG_HEADS:
        return L.Organization
    if (before is not None and before.is_lower and before.lower_ in _ORG_NOUNS) or (
            len(words) > 1 and words[-1] in _ORG_NAME_HEADS):
        return L.Organization
    if (label in {L.Organization, L.Group} or (label == L.Person and end - start == 1)) \
            and not doc[start].is_upper and before is not None \
            and all(t.is_title or not t.is_alpha for t in doc[start:end]):
        # "in El Fasher": a name right after a place preposition, with no article (an
        # organisation takes one: "in the Council") and no organisation's name head
        if before.lower_ in _PLACE_PREPOSITIONS or (
                before.lower_ == "of" and before2 is not None and before2.lower_ in _PLACE_NOUNS):
            return L.Location
    if (label == L.Person and end - start == 1 and before is not None and before.lower_ == "the"
            and doc[start].text.endswith("s")):
        return L.Organization
    return label


# Head nouns that make a place name a facility's ("the Kremenchuk oil refinery").
_FACILITY_HEADS = frozenset({"refinery", "plant", "airport", "airbase", "factory", "depot", "terminal",
                             "station", "shipyard", "dam", "mine", "reactor", "facility", "complex"})
# Nouns after a name that make it a product's or platform's ("the Telegram channel").
_PRODUCT_HEADS = frozenset({"app", "channel", "platform", "account", "messenger", "messaging", "missile",
                            "missiles", "drone", "drones", "rifle", "jet", "jets", "tank", "tanks"})
# A national armed force named by its people's adjective ("the Israeli military").
_FORCE_HEADS = frozenset({"military", "army", "navy"})
# Lower-case particles inside hyphenated place names ("Rostov-on-Don", "Stratford-upon-Avon").
_NAME_PARTICLES = frozenset({"on", "upon", "sur", "en", "am", "de", "la", "le", "du", "of"})


def _heads_a_title(doc: Doc, end: int) -> bool:
    """"Defense" in "Japanese Defense Minister": the name opens a capitalised title."""
    nxt = _next_word(doc, end)
    return nxt is not None and nxt.is_title and nxt.lower_ in TITLES and nxt.lower_ not in {"general", "prince"}


def _names_a_product(doc: Doc, end: int) -> bool:
    nxt = _next_word(doc, end)
    return nxt is not None and nxt.is_lower and nxt.lower_ in _PRODUCT_HEADS


def _facility_end(doc: Doc, end: int) -> int | None:
    """The end of "<name> [one lower-case word] <facility head>", else None."""
    for n in (1, 2):
        if end + n <= len(doc) and all(t.is_lower and t.is_alpha for t in doc[end:end + n]) \
                and doc[end + n - 1].lower_ in _FACILITY_HEADS:
            return end + n
    return None


def _hyphen_particle_end(doc: Doc, end: int) -> int | None:
    """The end of "Rostov-on-Don" when the model stopped at "Rostov"."""
    if end + 4 <= len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in _NAME_PARTICLES \
            and doc[end + 2].text == "-" and doc[end + 3].is_title and not doc[end - 1].whitespace_:
        return end + 4
    return None


def _armed_force_end(doc: Doc, start: int, end: int, model_label: str) -> int | None:
    """The end of "<demonym> military|army|navy", a national armed force, else None."""
    nxt = _next_word(doc, end)
    if model_label == "NORP" and nxt is not None and nxt.lower_ in _FORCE_HEADS and nxt.is_lower \
            and canonical_key(doc[start:end].text) in DEMONYMS:
        return end + 1
    return None


def _title_case_line(doc_text: str, pos: int) -> bool:
    line_start = doc_text.rfind("\n", 0, pos) + 1
    line_end = doc_text.find("\n", pos)
    line = doc_text[line_start:line_end if line_end >= 0 else None].strip()
    if line.endswith(".") or ". " in line:  # a headline is no sentence
        return False
    words = [w for w in re.findall(r"[^\W\d_]+", line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _headline_subject(doc: Doc, start: int, end: int, doc_text: str) -> tuple[int, int]:
    """In a title-case headline the model runs a state into the words after it ("Russia
    Launches Air Strikes", "US Forces Capture Maduro"): keep the state's words alone."""
    if end - start < 3 or not _title_case_line(doc_text, doc[start].idx):
        return start, end
    for n in (2, 1):
        head = canonical_key(doc[start:start + n].text)
        if end - start > n + 1 and (head in STATE_NAMES or head in ALIASES):
            return start, start + n
    return start, end


def mention_from_span(doc: Doc, ent: Span, doc_text: str | None = None) -> dict | None:
    """One clean mention dict for an entity span, or None when it is dropped.
    Pass `doc_text` (doc.text) when calling in a loop: Doc.text is rebuilt per access."""
    doc_text = doc.text if doc_text is None else doc_text
    label = LABEL_MAP.get(ent.label_)
    if label is None and ent.label_ not in _RETYPED_BY_CONTEXT:
        return None
    bounds = _clean_bounds(doc, ent.start, ent.end)
    bounds = bounds and _trim_tokens(doc, *bounds, keep_head=label == L.Facility)
    if bounds is None:
        return None
    t_start, t_end = _headline_subject(doc, bounds[0], bounds[1], doc_text)
    if (_heads_a_title(doc, t_end) and label not in {L.Location, None}) or _names_a_product(doc, t_end):
        return None  # "Defense" of "Defense Minister" (a place before a title stays one)
    force = _armed_force_end(doc, t_start, t_end, ent.label_)
    facility = _facility_end(doc, t_end)
    if force:
        t_end, label = force, L.Organization
    elif facility:
        t_end, label = facility, L.Facility
    else:
        t_end = _hyphen_particle_end(doc, t_end) or t_end
    if label is None:  # "the Kursk region" tagged a product: a place only by its head noun
        nxt = _next_word(doc, t_end)
        if nxt is None or not nxt.is_lower or nxt.lower_ not in _PLACE_HEADS:
            return None
        label = L.Location
    chars = _char_bounds(doc_text, doc[t_start].idx, doc[t_end - 1].idx + len(doc[t_end - 1].text))
    if chars is None:
        return None
    start, end = chars
    text = doc_text[start:end]
    key = canonical_key(text)
    if rejected(text, key, doc_text, start, end) or is_time_zone(doc, t_start, t_end):
        return None
    people = _demonym(key) not in (None, key)  # a plural demonym: "Palestinians"
    if label == L.Group and not people and not key.endswith("s") and _modifies_a_noun(doc, t_end):
        return None  # "Jihadist groups", "Western diplomats": qualifiers, no names
    sense = (key, label) if force else state_sense(doc, t_end, key, label)
    if sense is None:
        return None
    key, label = sense
    if key not in STATE_NAMES and not force:
        label = context_label(doc, t_start, t_end, label)
        before = doc[t_start - 1].lower_ if t_start > 0 else ""
        if (t_end - t_start == 1 and key.endswith("s") and not key.endswith(("ss", "sis", "us")) and label != L.Person
                and not doc[t_start].is_upper and ent.label_ in {"NORP", "PERSON"}
                and (ent.label_ == "NORP" or before == "the")):
            key = key[:-1]  # "the Houthis", "Kurds": a group's name keyed in the singular in every document
    return {"start": start, "end": end, "text": text, "label": label, "key": key}


# Ship prefixes: a vessel is a platform, no entity type of ours ("the tanker MV Corran Star").
_VESSEL_PREFIXES = frozenset({"MV", "MT", "MS", "SS", "HMS", "USS", "INS", "RFS", "FV", "SY"})


# Possessors that are part of a name, not a name of their own ("People's Liberation Army").
_NAME_POSSESSORS = frozenset({"people", "workers", "women", "children", "men", "veterans"})


def split_span(doc: Doc, ent: Span) -> list[Span]:
    """The names one model span holds: at an inner possessive two names ("the National
    Assembly's Intelligence Committee", "Trump's Warnings ..."), and two states run
    together ("N Korea Russia"); a vessel's name none."""
    if doc[ent.start].text in _VESSEL_PREFIXES:
        return []
    for i in range(ent.start + 1, ent.end - 1):
        if doc[i].text in {"'s", "’s"} and doc[i - 1].lower_ not in _NAME_POSSESSORS:
            return [Span(doc, ent.start, i, label=ent.label_), Span(doc, i + 1, ent.end, label=ent.label_)]
    for n in range(1, ent.end - ent.start):
        head, rest = canonical_key(doc[ent.start:ent.start + n].text), canonical_key(doc[ent.start + n:ent.end].text)
        if _is_state(head) and _is_state(rest):
            return [Span(doc, ent.start, ent.start + n, label="GPE"), Span(doc, ent.start + n, ent.end, label="GPE")]
    return [ent]


def _is_state(key: str) -> bool:
    return key in STATE_NAMES or key in ALIASES


def extract_mentions(doc: Doc, resolve: bool = True) -> list[dict]:
    """Clean, keyed mentions of `doc.ents`, short forms resolved when `resolve`."""
    text = doc.text
    mentions = [m for ent in doc.ents for part in split_span(doc, ent)
                if (m := mention_from_span(doc, part, text)) is not None]
    if resolve:
        resolve_short_forms(mentions, text)
    return mentions
