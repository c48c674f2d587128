"""Word lists for lexical_reading: function words by hand, content words from the
model's lemmatizer tables.

Conventions
- Lower-case forms; the hand lists are closed classes (auxiliaries, determiners,
  prepositions, clause words) and the few adverbs and complements the rules need.
- WordClasses holds the lemmatizer's verb tables (as claim_rules.verb_lemma reads
  them) and its noun, adjective and adverb lemmas. They are WordNet-sized: most nouns
  are also verbs there ("attack", "soldier"), which is why the rules look at a
  word's neighbours before calling it a verb.
"""

from __future__ import annotations

from dataclasses import dataclass

from .claim_rules import verb_tables

MODALS = frozenset({"will", "would", "can", "could", "may", "might", "must", "should", "shall", "does", "did", "do"})
BE = frozenset({"is", "are", "was", "were"})
AUXILIARIES = MODALS | BE | {"has", "have", "had"}
NEGATORS = frozenset({"not", "n't", "n’t", "never"})
# Words that may sit between an auxiliary and its verb ("has not yet been seized").
VERB_GROUP_WORDS = NEGATORS | {
    "been", "be", "being", "have", "has", "had", "also", "already", "now", "still", "further", "then",
    "just", "only", "even", "again", "later", "first", "yet", "better", "worse", "more", "less", "most",
    "least", "well",
}
# Adverbs that go with a verb ("X also rejected"), not inside a noun phrase.
VERB_ADVERBS = NEGATORS | {
    "also", "still", "later", "previously", "reportedly", "recently", "already", "now", "then", "further",
    "again", "earlier", "first", "repeatedly", "formally", "officially",
}
# Before a participle these make it an adjective ("the most supported hypothesis").
DEGREE_WORDS = frozenset({"most", "more", "less", "least", "very", "well", "so", "too", "highly", "newly", "jointly"})
PARTICLES = frozenset({"out", "up", "off", "down", "over", "back", "away", "forward", "aside"})
CLAUSE_WORDS = frozenset({
    "that", "which", "who", "whom", "whose", "where", "when", "while", "as", "if", "because", "after",
    "before", "since", "although", "though", "whether", "than", "until", "unless",
})
CONJUNCTIONS = frozenset({"and", "or", "but"})
DETERMINERS = frozenset({
    "the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "any", "some", "no",
    "both", "all", "another", "each", "every", "several", "many", "more",
})
PREPOSITIONS = frozenset({
    "of", "by", "on", "in", "for", "to", "at", "from", "with", "into", "amid", "about", "against", "over",
    "under", "through", "across", "near", "between", "among", "toward", "towards", "around", "during",
    "after", "before", "since", "as", "like", "than", "and", "or", "but", "off", "out", "up",
})
# A word after these is inside a noun phrase ("the attack", "Iran-backed", "Israel's strikes").
NOUN_CONTEXT = DETERMINERS | PREPOSITIONS | {"-", "’s", "'s", "s", "’", "'"}
# First words of an adverbial that comes before the subject ("In Gaza, ...").
OPENERS = frozenset({
    "in", "on", "at", "after", "before", "during", "following", "amid", "despite", "since", "with",
    "without", "for", "from", "by", "under", "over", "as", "while", "when", "although", "though", "if",
    "because", "according", "citing", "per", "to", "last", "next", "earlier", "later", "additionally",
    "meanwhile", "however", "moreover", "furthermore", "also", "yet", "but", "and", "or", "so", "then",
    "here", "there", "using", "based", "overall", "currently", "recently", "today", "yesterday", "now",
    "still", "instead", "likewise", "recommended", "watch", "open",
})
# Punctuation a plain subject may contain ("Russia's", "Iran-backed", "(NIS)", "U.S.").
SUBJECT_PUNCT = frozenset({"-", "’s", "'s", "’", "'", "(", ")", "."})
# Punctuation after which a second clause, with its own root, may follow.
CLAUSE_BREAKS = frozenset({";", ":", "—", "–"})
# After "is": the parse reads these through an xcomp ("is likely to attack").
RAISING_COMPLEMENTS = frozenset({
    "likely", "unlikely", "expected", "set", "poised", "able", "unable", "about", "going", "certain",
    "sure", "bound", "ready", "willing", "keen", "eager",
})
# Reporting verbs whose next word starts the reported clause even without "that".
SAY_FORMS = frozenset({"said", "says"})


@dataclass(frozen=True, slots=True)
class WordClasses:
    """The lemmatizer's word lists: verb lemma tables plus noun, adjective and adverb lemmas."""

    lemmas: tuple[dict, set, list]
    nouns: frozenset[str]
    noun_forms: frozenset[str]  # irregular noun forms ("men", "crises")
    adjectives: frozenset[str]
    adverbs: frozenset[str]


def word_classes(lookups) -> WordClasses | None:
    """WordClasses from a rule lemmatizer's lookups, or None without the tables."""
    lemmas = verb_tables(lookups)
    if lemmas is None:
        return None
    index, exc = lookups.get_table("lemma_index"), lookups.get_table("lemma_exc")
    return WordClasses(
        lemmas=lemmas,
        nouns=frozenset(index.get("noun", [])),
        noun_forms=frozenset(exc.get("noun", {})),
        adjectives=frozenset(index.get("adj", [])),
        adverbs=frozenset(index.get("adv", [])),
    )
