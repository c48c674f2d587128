"""Entity vocabularies as data: label mapping, aliases, demonyms, capitals, titles and
the section labels a model mistakes for names.

Conventions
- Every key here is already a canonical key (see resolution.canonical_key): casefolded,
  no punctuation or diacritics, single spaces. A test checks that.
- ALIASES maps a canonical key to the canonical key of the thing it names; the target
  maps to itself implicitly. STATE_NAMES gives the display name of each state key.
- Capitals and demonyms stand for the state only in a state sense; the rules that
  decide that live in entity_rules.py, not here.
"""

from __future__ import annotations

from intelgraph.ontology import L

from .gazetteer import gazetteer

# spaCy label -> ontology label. Labels not listed (DATE, CARDINAL, MONEY, ...) are dropped.
LABEL_MAP: dict[str, str] = {
    "PERSON": L.Person,
    "ORG": L.Organization,
    "GPE": L.Location,
    "LOC": L.Location,
    "NORP": L.Group,
    "FAC": L.Facility,
    "EVENT": L.Event,
}

# State key -> display name.
_STATE_NAMES: dict[str, str] = {
    "north korea": "North Korea",
    "south korea": "South Korea",
    "united states": "United States",
    "russia": "Russia",
    "china": "China",
    "united kingdom": "United Kingdom",
    "iran": "Iran",
    "israel": "Israel",
    "ukraine": "Ukraine",
    "sudan": "Sudan",
    "nigeria": "Nigeria",
    "syria": "Syria",
    "yemen": "Yemen",
    "lebanon": "Lebanon",
    "taiwan": "Taiwan",
    "japan": "Japan",
    "india": "India",
    "pakistan": "Pakistan",
    "france": "France",
    "germany": "Germany",
    "turkey": "Turkey",
    "egypt": "Egypt",
    "saudi arabia": "Saudi Arabia",
    "united arab emirates": "United Arab Emirates",
    "qatar": "Qatar",
    "afghanistan": "Afghanistan",
    "iraq": "Iraq",
    "belarus": "Belarus",
    "venezuela": "Venezuela",
}

# Alternative names that always mean the state (no context needed).
_ALIASES: dict[str, str] = {
    "n korea": "north korea",
    "dprk": "north korea",
    "democratic peoples republic of korea": "north korea",
    "s korea": "south korea",
    "rok": "south korea",
    "republic of korea": "south korea",
    "us": "united states",
    "usa": "united states",
    "united states of america": "united states",
    "america": "united states",
    "russian federation": "russia",
    "kremlin": "russia",
    "prc": "china",
    "peoples republic of china": "china",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "islamic republic of iran": "iran",
    "uae": "united arab emirates",
    "ksa": "saudi arabia",
    "turkiye": "turkey",
}

# Capital (or seat of government) -> state, applied only in a state sense.
_CAPITALS: dict[str, str] = {
    "pyongyang": "north korea",
    "washington": "united states",
    "seoul": "south korea",
    "moscow": "russia",
    "beijing": "china",
    "london": "united kingdom",
    "tehran": "iran",
    "jerusalem": "israel",
    "kyiv": "ukraine",
    "kiev": "ukraine",
    "khartoum": "sudan",
    "abuja": "nigeria",
    "damascus": "syria",
    "tokyo": "japan",
    "taipei": "taiwan",
    "new delhi": "india",
    "islamabad": "pakistan",
    "ankara": "turkey",
    "minsk": "belarus",
}

# Demonym (singular and plural) -> state.
_DEMONYMS: dict[str, str] = {
    "north korean": "north korea",
    "south korean": "south korea",
    "american": "united states",
    "russian": "russia",
    "chinese": "china",
    "british": "united kingdom",
    "iranian": "iran",
    "israeli": "israel",
    "ukrainian": "ukraine",
    "sudanese": "sudan",
    "nigerian": "nigeria",
    "syrian": "syria",
    "yemeni": "yemen",
    "lebanese": "lebanon",
    "taiwanese": "taiwan",
    "japanese": "japan",
    "indian": "india",
    "pakistani": "pakistan",
    "french": "france",
    "german": "germany",
    "turkish": "turkey",
    "egyptian": "egypt",
    "saudi": "saudi arabia",
    "emirati": "united arab emirates",
    "qatari": "qatar",
    "afghan": "afghanistan",
    "iraqi": "iraq",
    "belarusian": "belarus",
    "venezuelan": "venezuela",
}

# The hand tables above hold forms the gazetteer lacks ("dprk", "kremlin") and the names
# this project shows; they win over the gazetteer's (extract/nlp/gazetteer.py) for every
# state the gazetteer knows besides.
STATE_NAMES: dict[str, str] = {**gazetteer().names, **_STATE_NAMES}
ALIASES: dict[str, str] = {k: v for k, v in {**gazetteer().aliases, **_ALIASES}.items()
                           if k not in STATE_NAMES and v in STATE_NAMES}
CAPITALS: dict[str, str] = {k: v for k, v in {**gazetteer().capitals, **_CAPITALS}.items() if k not in STATE_NAMES}
DEMONYMS: dict[str, str] = {k: v for k, v in {**gazetteer().demonyms, **_DEMONYMS}.items() if k not in STATE_NAMES}

# International organisations every reader knows by their letters: key -> display name.
# (Unlike a state's other names these are no place; "UN" and "United Nations" are one.)
ORGANIZATION_NAMES: dict[str, str] = {
    "united nations": "United Nations", "european union": "European Union", "african union": "African Union",
    "north atlantic treaty organization": "North Atlantic Treaty Organization",
    "international atomic energy agency": "International Atomic Energy Agency",
    "international criminal court": "International Criminal Court",
    "international committee of the red cross": "International Committee of the Red Cross",
    "world food programme": "World Food Programme", "international monetary fund": "International Monetary Fund",
    "association of southeast asian nations": "Association of Southeast Asian Nations",
}
ORGANIZATION_ACRONYMS: dict[str, str] = {
    "un": "united nations", "eu": "european union", "au": "african union", "nato": "north atlantic treaty organization",
    "iaea": "international atomic energy agency", "icc": "international criminal court",
    "icrc": "international committee of the red cross", "wfp": "world food programme",
    "imf": "international monetary fund", "asean": "association of southeast asian nations",
}

# Nouns after a people's name that make it the name of an armed group or movement
# ("Houthi rebels"), not an adjective.
GROUP_HEADS: frozenset[str] = frozenset({"rebels", "movement", "militia", "militias", "fighters", "insurgents"})

# Head nouns after a demonym that make it the state acting ("North Korean troops").
STATE_HEADS: frozenset[str] = frozenset({
    "forces", "force", "troops", "military", "army", "navy", "government", "leader",
    "leadership", "officials", "official", "regime", "authorities", "state",
    "ministry", "soldiers", "president", "administration", "embassy", "diplomats",
    "intelligence", "defence", "defense",
})

# Words after a capital that make it the government acting ("Moscow denied ...").
STATE_VERBS: frozenset[str] = frozenset({
    "said", "says", "say", "stated", "announced", "announces", "warned", "warns",
    "denied", "denies", "claimed", "claims", "accused", "accuses", "condemned",
    "condemns", "rejected", "rejects", "insisted", "insists", "urged", "urges",
    "responded", "vowed", "threatened", "signaled", "signalled", "demanded",
    "demands", "imposed", "sanctioned", "agreed", "agrees", "has", "had", "is", "was",
    "will", "would", "could", "may", "might", "must", "should", "did", "does", "sent",
    "deployed", "launched", "fired", "responded", "issued", "called", "blamed",
    "protested", "pledged", "promised", "reported", "confirmed", "recalled", "expelled",
})

# Titles stripped before matching a short form ("President Tinubu" -> "Tinubu").
TITLES: frozenset[str] = frozenset({
    "president", "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "general",
    "gen", "lt", "colonel", "col", "major", "captain", "admiral", "minister",
    "prime", "premier", "chancellor", "chairman", "chairwoman", "secretary",
    "senator", "sen", "rep", "governor", "gov", "king", "queen", "prince",
    "princess", "sheikh", "ayatollah", "supreme", "leader", "commander", "chief",
    "vice", "deputy", "foreign", "defence", "defense", "sir", "lord", "mayor",
    "ambassador", "judge", "justice", "pope", "marshal", "sergeant", "sgt",
})

# Section labels and boilerplate a model takes for names (canonical keys).
SECTION_LABELS: frozenset[str] = frozenset({
    "bottom line", "bottom line up front", "bluf", "red flags", "key assumptions",
    "key assumptions and red flags", "assumptions", "assessment", "information gaps",
    "scenario outlook", "immediate actions", "medium term posture", "recommendations",
    "recommendations and outlook", "implications", "implications and strategic risks",
    "competing hypotheses", "hypotheses", "key individuals", "key individuals and entities",
    "thematic tags", "structured analytic techniques", "structured analytic techniques applied",
    "detailed analysis", "bias deception risks", "bias and deception risks", "blind spots",
    "cognitive bias", "missing data", "deception indicator", "deception indicators",
    "key assumptions check", "indicators development", "scenario analysis",
    "scenario generation", "swot", "swot analysis", "ach", "ach 2 0", "cross impact matrix",
    "network influence mapping", "cognitive bias stress test", "bayesian scenario modeling",
    "narrative pattern analysis", "sentiment overview", "policy relevance", "credibility",
    "coherence", "confidence", "confidence level", "insight", "intelligence report",
    "morning brief", "midday assessment", "evening report", "published on", "methodology",
    "osint", "nlp", "ai", "best", "worst", "most likely", "political geopolitical",
    "security counter terrorism", "cyber information space", "economic social",
    "counter terrorism", "cybersecurity", "regional focus", "national security threats",
    "conflicts briefs", "recommended action", "strategic risks", "outlook",
})

# Patterns of labels with a running letter or number ("Hypothesis A", "Insight 2").
SECTION_LABEL_PATTERNS: tuple[str, ...] = (
    r"(hypothesis|scenario|insight|option|indicator|assumption|section|annex|table|figure) ?[a-z0-9]{1,2}",
)
