"""Quantities: numeric claims with a measure ("over 600 killed", "1,500 troops", "146 per cent rise").

Conventions
- Token rules only (lexical attributes: like_num, is_stop, case), so they run on
  `spacy.blank("en")` and cost no parse. The model's DATE, TIME and ORDINAL entities,
  where it gives them, veto a number; its CARDINAL, QUANTITY, PERCENT and MONEY
  entities raise the extraction score.
- A quantity is a number (digits, "1.5 million", "two dozen", "twenty-five"), an
  optional bound word before it from a closed list ("over", "at least", "up to" …) or a
  "+" after it, an optional unit (per cent, a currency, a unit of measure) and a
  measure: the word it counts ("troops"), the state it reports ("killed", "dead",
  "displaced"), or what a percentage or sum measures ("rise", "in aid"). No measure
  word, no quantity: that alone keeps out list numbers and most labels.
- Not quantities: years (four digits, 1800–2100, without a bound word), dates (a month
  name beside the number), clock times ("11:40", "6 p.m."), phone-like runs of digit
  groups, ordinals, numbers that name something ("Hypothesis 2", "section 4",
  "Resolution 2231"), durations and ages ("30 days", "45-year-old").
- Bounds: `low`/`high` hold what the bound word says (over 600: low 600; up to 600:
  high 600; about 600: both unset); a bare number is exact (low = high = value).
- Offsets are char offsets into doc.text; `text` is doc.text[start:end].
"""

from __future__ import annotations

import calendar
import re

from spacy.tokens import Doc, Token

# The bound words and what they make the number: a lower bound, an upper bound, or an
# approximation (no bound). Longest first, so "more than" wins over "more".
_BOUNDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("more", "than"), "low"), (("at", "least"), "low"), (("no", "fewer", "than"), "low"),
    (("no", "less", "than"), "low"), (("upwards", "of"), "low"), (("in", "excess", "of"), "low"),
    (("up", "to"), "high"), (("fewer", "than"), "high"), (("less", "than"), "high"), (("at", "most"), "high"),
    (("as", "many", "as"), "high"), (("over",), "low"), (("above",), "low"), (("nearly",), "high"),
    (("almost",), "high"), (("under",), "high"), (("about",), "approx"), (("around",), "approx"),
    (("roughly",), "approx"), (("approximately",), "approx"), (("some",), "approx"), (("an", "estimated"), "approx"),
)

_UNITS_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_MULTIPLIERS = {"dozen": 12, "dozens": 12, "hundred": 100, "hundreds": 100, "thousand": 1_000, "thousands": 1_000,
                "million": 1_000_000, "millions": 1_000_000, "billion": 1_000_000_000, "m": 1_000_000,
                "bn": 1_000_000_000, "trillion": 1_000_000_000_000}
_PERCENT = (("per", "cent"), ("percent",), ("%",), ("pct",))
_CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_CURRENCY_WORDS = {"dollars": "USD", "euros": "EUR", "pounds": "GBP", "yen": "JPY", "usd": "USD", "eur": "EUR"}
# Units of measure a count may carry; the measure is then the word after ("20 km inland" is not one).
_MEASURE_UNITS = {"km": "km", "kilometres": "km", "kilometers": "km", "miles": "mile", "metres": "m",
                  "meters": "m", "tonnes": "tonne", "tons": "tonne", "barrels": "barrel", "kg": "kg",
                  "litres": "litre", "liters": "litre", "hectares": "hectare", "acres": "acre"}
# A number followed by one of these is a duration or an age, not a count of anything.
_DURATIONS = {"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute",
              "minutes", "second", "seconds", "decade", "decades", "century", "centuries", "year-old",
              "years-old", "nights", "night", "times"}
_CLOCK = {"a.m.", "p.m.", "am", "pm", "a.m", "p.m", "gmt", "utc", "hrs", "h", "o'clock", "bst", "cet", "est"}
# Nouns that take a numeral as an identifier, not as a count ("section 4", "phase 2").
_REFERRING = {"section", "article", "chapter", "paragraph", "page", "item", "figure", "table", "annex", "clause",
              "rule", "number", "no", "no.", "hypothesis", "insight", "resolution", "phase", "level", "stage",
              "step", "option", "scenario", "point", "part", "volume", "vol", "issue", "route", "highway",
              "flight", "unit", "platform", "gate", "room", "building", "block", "zone", "sector", "line",
              "category", "tier", "grade", "class", "version", "model", "episode", "season", "round", "act",
              "question", "case", "exhibit", "appendix", "footnote", "note", "pier", "berth", "quay", "hypotheses"}
# Auxiliaries skipped between the counted noun and the state it reports ("600 were killed").
_AUXILIARIES = {"is", "are", "was", "were", "have", "has", "had", "been", "being", "be", "reportedly", "now",
                "already", "still", "confirmed", "reported"}
# Nouns whose plural is the singular ("21 crew", "300 personnel").
_INVARIANT = {"children", "crew", "people", "police", "staff", "personnel", "cattle", "aircraft", "livestock", "sheep", "fish",
              "deer", "militia", "infantry", "artillery", "youth", "clergy", "offspring", "spacecraft", "watercraft"}
# Verbs before a count that report or bound it rather than say what happened to it.
_NOT_EVENTS = {"reported", "reporting", "estimated", "confirmed", "recorded", "counted", "numbered", "totalled",
               "totaled", "totalling", "reached", "reaching", "including", "involving", "exceeded", "exceeding",
               "surpassed", "topped", "said", "saying", "added", "stated", "noted", "listed", "named", "cited",
               "according", "representing", "comprising", "containing", "carrying", "carried", "had", "having",
               "received", "receiving", "remaining", "ranked", "ranking", "aged", "dated", "used", "using", "compared"}
_BE = {"is", "are", "was", "were", "been", "being", "be"}
# Counted nouns that say nothing of what is counted: the state after them is the measure.
_GENERIC_COUNTED = {"people", "persons", "individuals", "others", "more"}
# States a count reports that are adjectives, not participles.
_STATE_WORDS = {"dead", "missing", "homeless", "hurt", "ill", "sick", "alive", "unaccounted"}
_MONTHS = {m.lower() for m in (*calendar.month_name[1:], *calendar.month_abbr[1:])} | {"sept"}
_NUMERIC_ENTS = {"CARDINAL", "QUANTITY", "PERCENT", "MONEY"}
_VETO_ENTS = {"DATE", "TIME", "ORDINAL"}
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$", re.I)
_JOINERS = {"-", "/", ".", "(", ")", "–"}
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")


def _is_digits(tok: Token) -> bool:
    return any(c.isdigit() for c in tok.text) and tok.like_num


def _number_run(doc: Doc, i: int) -> tuple[int, float] | None:
    """(end token index, value) of the number starting at token i, or None."""
    tok = doc[i]
    text = tok.text
    if _DIGITS.match(text):
        value = float(text.replace(",", ""))
        j = i + 1
        while j < len(doc) and doc[j].lower_ in _MULTIPLIERS and doc[j].lower_ not in ("dozens", "hundreds",
                                                                                       "thousands", "millions"):
            value *= _MULTIPLIERS[doc[j].lower_]
            j += 1
        return j, value
    if tok.lower_ in ("a", "an") and i + 1 < len(doc) and doc[i + 1].lower_ in ("dozen", "hundred", "thousand",
                                                                                  "million", "billion"):
        return i + 2, float(_MULTIPLIERS[doc[i + 1].lower_])
    # "one" is mostly a pronoun or an article ("one of them", "one government")
    if tok.lower_ in _UNITS_WORDS and tok.lower_ != "one":
        value, j = float(_UNITS_WORDS[tok.lower_]), i + 1
        # twenty-five
        if (j + 1 < len(doc) and doc[j].text == "-" and not tok.whitespace_ and not doc[j].whitespace_
                and doc[j + 1].lower_ in _UNITS_WORDS and _UNITS_WORDS[doc[j + 1].lower_] < 10):
            value += _UNITS_WORDS[doc[j + 1].lower_]
            j += 2
        while j < len(doc) and doc[j].lower_ in _MULTIPLIERS:
            value *= _MULTIPLIERS[doc[j].lower_]
            j += 1
        return j, value
    return None


def _bound_before(doc: Doc, i: int, floor: int) -> tuple[int, str, str] | None:
    """(first token index, bound word as written, kind) of a bound phrase ending just before token i."""
    for words, kind in _BOUNDS:
        n = len(words)
        start = i - n
        if start < floor:
            continue
        if tuple(t.lower_ for t in doc[start:i]) == words:
            return start, doc[start:i].text, kind
    return None


def _match(doc: Doc, j: int, words: tuple[str, ...]) -> bool:
    return tuple(t.lower_ for t in doc[j:j + len(words)]) == words


def _is_word(tok: Token) -> bool:
    return tok.is_alpha and tok.text.islower() and not tok.is_stop


def _plural(tok: Token) -> bool:
    word = tok.lower_
    return (word.endswith("s") and not word.endswith("ss")) or word.endswith("men")  # gunmen, fishermen


def _looks_like_state(tok: Token) -> bool:
    return tok.lower_ in _STATE_WORDS or (len(tok.text) > 4 and tok.lower_.endswith("ed"))


def _vetoed(doc: Doc, i: int, j: int, floor: int, ceiling: int, has_bound: bool, range_ok: bool = False) -> bool:
    """True when the number doc[i:j] is a year, date, clock time, phone-like, an ordinal or a label."""
    tok = doc[i]
    if any(t.ent_type_ in _VETO_ENTS for t in doc[i:j]):
        return True
    if _ORDINAL.match(tok.text) or ":" in tok.text:
        return True
    if re.fullmatch(r"\d{4}", tok.text) and 1800 <= int(tok.text) <= 2100 and not has_bound:
        return True
    prev = doc[i - 1] if i > floor else None
    nxt = doc[j] if j < ceiling else None
    if prev is not None and (prev.lower_.rstrip(".") in _MONTHS or prev.lower_ in _REFERRING):
        return True
    if prev is not None and prev.is_title and prev.is_alpha and not has_bound and i - 1 > floor:
        return True  # "Hypothesis 2", "Resolution 2231", "Route 9": a number naming something
    if nxt is not None and (nxt.lower_.rstrip(".,") in _MONTHS or nxt.lower_ in _CLOCK or nxt.lower_ in _DURATIONS):
        return True
    # phone-like or an identifier: digit groups side by side ("20 7946 0958", "555-0134", "3/4")
    if tok.text.startswith("+") or (prev is not None and prev.text in ("#", "§")):
        return True
    left = [i - 1] + ([i - 2] if prev is not None and prev.text in _JOINERS else [])
    right = [j] + ([j + 1] if nxt is not None and nxt.text in _JOINERS else [])
    if range_ok and nxt is not None and nxt.text in ("-", "–") and j + 1 < ceiling and _is_digits(doc[j + 1]) \
            and not doc[j + 1].text.startswith("0") and _DIGITS.match(tok.text) and _DIGITS.match(doc[j + 1].text) \
            and float(doc[j + 1].text.replace(",", "")) > float(tok.text.replace(",", "")):
        right = [j]  # a rising pair is a range ("10,000-12,000"), not digit groups; _read checks its measure
    if any(floor <= k < ceiling and _is_digits(doc[k]) for k in left + right):
        return True
    return False


def find_quantities(doc: Doc, mentions: list[dict] | None = None) -> list[dict]:
    """The quantities in `doc` as plain dicts (see module doc), each with the key of the
    entity its sentence names nearest to it (`subject_key`, or None)."""
    out: list[dict] = []
    if not any(t.like_num or t.lower_ in ("a", "an") for t in doc):
        return out
    mentions = mentions or []
    has_sents = doc.has_annotation("SENT_START")
    numeric = {t.i for ent in doc.ents if ent.label_ in _NUMERIC_ENTS for t in ent}
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        if not (tok.like_num or tok.lower_ in ("a", "an")):
            i += 1
            continue
        run = _number_run(doc, i)
        if run is None:
            i += 1
            continue
        j, value = run
        sent = tok.sent if has_sents else doc[:]
        floor, ceiling = sent.start, sent.end
        bound = _bound_before(doc, i, floor)
        if bound and bound[1].lower() == "over" and bound[0] > floor and _looks_like_state(doc[bound[0] - 1]):
            bound = None  # a particle: "handed over seven hostages" hands over exactly seven
        found = _read(doc, i, j, value, bound, floor, ceiling)
        if found is None:
            i = max(j, i + 1)
            continue
        start_tok, end_tok, props = found
        start, end = doc[start_tok].idx, doc[end_tok - 1].idx + len(doc[end_tok - 1].text)
        props.update(start=start, end=end, text=doc.text[start:end],
                     subject_key=_nearest(mentions, sent.start_char, sent.end_char, start, end),
                     extraction_score=0.8 if i in numeric else 0.6)
        out.append(props)
        i = end_tok
    return out


def _read(doc: Doc, i: int, j: int, value: float, bound, floor: int, ceiling: int):
    """(first token, end token, properties) of the quantity whose number is doc[i:j], or None."""
    kind = bound[2] if bound else "exact"
    first = bound[0] if bound else i
    unit = None
    # a currency symbol before the number
    if i > floor and doc[i - 1].text in _CURRENCY_SYMBOLS:
        unit = _CURRENCY_SYMBOLS[doc[i - 1].text]
        bound = _bound_before(doc, i - 1, floor)
        kind = bound[2] if bound else "exact"
        first = bound[0] if bound else i - 1
    if _vetoed(doc, i, j, floor, ceiling, bound is not None or unit is not None, range_ok=True):
        return None
    k = j
    high = None
    if k < ceiling and doc[k].text == "+" and not doc[k - 1].whitespace_:
        kind, k = "low", k + 1
        bound = (first, "+", "low")
    elif (k + 1 < ceiling and doc[k].text in ("-", "–", "to") and _DIGITS.match(doc[k + 1].text)
          and not doc[k + 1].text.startswith("0")):
        # a range, "10,000-12,000 troops", "200 to 300 boats"
        second = _number_run(doc, k + 1)
        # (the words after it must still measure something: "10-15 days" is a duration)
        if second is not None and second[1] > value and not any(t.ent_type_ in _VETO_ENTS for t in doc[k + 1:second[0]]):
            kind, high, k = "range", second[1], second[0]
            bound = (first, "range", "range")
    if unit is None:
        for words in _PERCENT:
            if _match(doc, k, words):
                unit, k = "percent", k + len(words)
                break
    if unit is None and k < ceiling and doc[k].lower_ in _CURRENCY_WORDS:
        unit, k = _CURRENCY_WORDS[doc[k].lower_], k + 1
    if unit is None and k < ceiling and doc[k].lower_ in _MEASURE_UNITS:
        unit, k = _MEASURE_UNITS[doc[k].lower_], k + 1
    measure, end = _measure(doc, k, ceiling, counted=unit is None)
    if measure is None and unit in ("percent", "USD", "EUR", "GBP", "JPY"):
        measure = _verb_before(doc, first, floor)  # "rose by 146 per cent", "paid $5 million"
        end = k
    if measure is None:
        return None
    counted, state = measure
    if state is None and unit is None:
        # the verb before a count says what happened to it: "killing at least 16 people"
        state = _event_before(doc, first, floor)
    if state is None and counted in _GENERIC_COUNTED:
        return None  # "16 people" alone measures nothing
    if unit is None:
        unit = counted or "count"
    props = {"value": value, "low": value if kind in ("low", "exact", "range") else None,
             "high": high if kind == "range" else value if kind in ("high", "exact") else None,
             "bound": bound[1].lower() if bound else None, "unit": unit,
             "measure": state or counted}
    return first, end, props


def _measure(doc: Doc, k: int, ceiling: int, *, counted: bool) -> tuple[tuple[str | None, str | None] | None, int]:
    """((counted noun, state word), end token) of the words after a number."""
    # skip title-case modifiers ("1,500 Norvenian troops") and hyphenated compounds
    while k < ceiling and doc[k].is_title and doc[k].is_alpha and k + 1 < ceiling and _is_word(doc[k + 1]):
        k += 1
    if k >= ceiling:
        return None, k
    tok = doc[k]
    if tok.lower_ in _AUXILIARIES and counted:  # "600 were killed"
        m = k
        while m < ceiling and doc[m].lower_ in _AUXILIARIES:
            m += 1
        if (m < ceiling and _is_word(doc[m]) and _looks_like_state(doc[m])
                and any(t.lower_ in _BE for t in doc[k:m])):
            return (None, doc[m].lower_), m + 1
        return None, k
    if tok.lower_ == "others":  # "wounding 42 others": the verb before says what happened
        return ("others", None), k + 1
    if not _is_word(tok) or tok.lower_ in _DURATIONS:
        if tok.lower_ == "more" and k + 1 < ceiling:  # "600 more killed"
            return _measure(doc, k + 1, ceiling, counted=counted)
        return None, k
    if _looks_like_state(tok):  # "600 killed", "62 dead"
        return (None, tok.lower_), k + 1
    # a counted noun, its compound ("combat troops"), then perhaps the state it reports
    # a compound's head is its last word, and a plural ends it ("crew members", "combat
    # troops"); without tags, a word after a plural is not the noun's ("navies near")
    end = k + 1
    while (end < ceiling and end - k < 3 and not _plural(doc[end - 1]) and _is_word(doc[end])
           and _plural(doc[end]) and not _looks_like_state(doc[end])):
        end += 1
    noun = doc[end - 1].lower_
    # number agreement: a count of many is of a plural noun or one that does not
    # inflect ("21 crew"); "two smaller member states" has no head here
    if counted and not _plural(doc[end - 1]) and noun not in _INVARIANT:
        return None, k
    m = end
    while m < ceiling and doc[m].lower_ in _AUXILIARIES:
        m += 1
    # the state a count reports: after a form of "be" ("1,200 residents were displaced"),
    # or right after a noun that says nothing itself ("600 people killed"); "14 vessels
    # waited" and "two states have dropped" are counts of vessels and states
    passive = any(t.lower_ in _BE for t in doc[end:m])
    if m < ceiling and _is_word(doc[m]) and _looks_like_state(doc[m]) and (
            passive or (m == end and (noun in _GENERIC_COUNTED or doc[m].lower_ in _STATE_WORDS))):
        return (noun, doc[m].lower_), m + 1
    return (noun, None), end


def _event_before(doc: Doc, first: int, floor: int) -> str | None:
    """The participle of the verb right before a count ("killing 16 people" -> killed,
    "wounded 42 others" -> wounded), none for a reporting or linking verb."""
    k = first - 1
    if k < floor or not _is_word(doc[k]) or doc[k].lower_ in _NOT_EVENTS:
        return None
    word = doc[k].lower_
    if word.endswith("ing") and len(word) > 5:
        stem = word[:-3]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
            stem = stem[:-1]  # "stopping" -> stopped
        return stem + ("d" if stem.endswith("e") else "ed")
    return word if _looks_like_state(doc[k]) else None


def _verb_before(doc: Doc, first: int, floor: int) -> tuple[str | None, str | None] | None:
    """The verb a percentage or sum measures ("rose by 146 per cent", "cut 20 per cent")."""
    k = first - 1
    if k >= floor and doc[k].lower_ in ("by", "to", "of"):
        k -= 1
    if k >= floor and _is_word(doc[k]):
        return None, doc[k].lower_
    return None


def _nearest(mentions: list[dict], s_start: int, s_end: int, start: int, end: int) -> str | None:
    """The key of the entity mention in the sentence nearest to [start, end), one before it on a tie."""
    best, best_d = None, None
    for m in mentions:
        if m["start"] < s_start or m["end"] > s_end or (m["start"] < end and start < m["end"]):
            continue
        d = start - m["end"] if m["end"] <= start else m["start"] - end + 0.5
        if best_d is None or d < best_d:
            best, best_d = m["key"], d
    return best
