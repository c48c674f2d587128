"""How a claim is put: its polarity and modality, and the cue words behind them.

Conventions
- Values are the ontology's Polarity and Modality vocabularies; the names below are
  checked against it at import, never copied as a list. Modality terms are ranked
  (asserted < reported < hedged < denied): where several cues apply, the claim takes
  the highest, so a reported denial is denied and a reported "may" is hedged.
- Cues, all general English, closed classes:
  denied: a denial verb (deny, reject, dismiss, refute, ...) that governs the claim's
  clause ("denied that X ...", "denied supplying ...", "rejected claims that X ..."),
  or "deny" with a nominal object ("denied any role in ..."). A denied claim is negative.
  hedged: a hedging modal (may, might, could) or adverb (possibly, perhaps, ...) on the
  predicate, a stated likelihood term, or a hedging verb above it (appear, seem, suggest).
  reported: the clause of a reporting verb, an attribution ("according to X", "X said"),
  or a reportive adverb (reportedly, allegedly).
  negative polarity: a negator on the predicate (not, never, n't), a negative
  determiner on a noun whose complement clause holds the claim ("no evidence that X
  ..."), or a denial. "Contrary to reports, X did not ..." is a negated assertion.
- Light predicates (be, have, come, become, include, ...) say nothing about how two
  entities relate; claims keep them, relationships are not made from them.
"""

from __future__ import annotations

from intelgraph.ontology import get_ontology


def _notation(vocabulary: str, notation: str) -> str:
    """A notation of the ontology's vocabulary; an error at import if it has none."""
    return get_ontology().term(vocabulary, notation).notation


POSITIVE = _notation("Polarity", "positive")
NEGATIVE = _notation("Polarity", "negative")
ASSERTED = _notation("Modality", "asserted")
REPORTED = _notation("Modality", "reported")
HEDGED = _notation("Modality", "hedged")
DENIED = _notation("Modality", "denied")

_RANK = {t.notation: i for i, t in enumerate(get_ontology().vocabulary("Modality"))}

DENIAL_LEMMAS = frozenset({
    "deny", "reject", "dismiss", "refute", "rebut", "disavow", "dispute", "repudiate", "debunk", "contest",
})
# Forms of the denial verbs for text without lemmas (a pipeline without a parse).
DENIAL_FORMS = frozenset(
    f"{stem}{end}" for stem in ("reject", "dismiss", "refut", "rebut", "disavow", "disput", "repudiat", "debunk",
                                "contest")
    for end in ("", "s", "es", "ed", "e", "ing")
) | {"deny", "denies", "denied", "denying"}
# "deny" alone denies whatever it takes ("denied any role"); the others need a clause or
# a report noun ("rejected the proposal" is an act, "rejected claims that ..." a denial).
DENY = "deny"
REPORT_NOUNS = frozenset({
    "report", "reports", "claim", "claims", "allegation", "allegations", "accusation", "accusations",
    "suggestion", "suggestions", "rumour", "rumours", "rumor", "rumors", "charge", "charges", "assertion",
    "assertions", "speculation", "story", "stories", "account", "accounts", "notion", "idea",
})
HEDGE_MODALS = frozenset({"may", "might", "could"})
HEDGE_ADVERBS = frozenset({
    "possibly", "perhaps", "potentially", "apparently", "conceivably", "presumably", "seemingly", "maybe",
})
HEDGE_LEMMAS = frozenset({"appear", "seem", "suggest"})
REPORTIVE_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly", "ostensibly"})
# Determiners that negate the noun they go with ("no evidence", "neither claim").
NEGATIVE_DETERMINERS = frozenset({"no", "neither"})
PRONOUNS = frozenset({"he", "she", "it", "they", "we"})
LIGHT_PREDICATES = frozenset({
    "be", "have", "come", "become", "include", "remain", "do", "get", "seem", "appear", "go",
})


def modality_of(*, denied: bool, hedged: bool, reported: bool) -> str:
    """The highest-ranked modality whose cue is present; asserted without one."""
    found = [m for m, cue in ((DENIED, denied), (HEDGED, hedged), (REPORTED, reported)) if cue]
    return max(found, key=_RANK.__getitem__, default=ASSERTED)


def polarity_of(negated: bool, denied: bool) -> str:
    return NEGATIVE if negated or denied else POSITIVE


def denial_in_words(words: list[str]) -> bool:
    """A denial among plain words (no parse): a form of "deny", or another denial verb
    followed within four words by a report noun or "that"."""
    for i, word in enumerate(words):
        if word not in DENIAL_FORMS:
            continue
        if word.startswith("den"):
            return True
        if any(w in REPORT_NOUNS or w == "that" for w in words[i + 1:i + 5]):
            return True
    return False
