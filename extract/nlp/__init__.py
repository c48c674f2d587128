"""spaCy over text: entities, entity resolution, claims, attribution, estimative
language and stated confidence. Text in, plain records out; no database.

    from intelgraph.extract.nlp import analyse, load_nlp
    result = analyse(text)              # Analysis: entities, mentions, claims, sentences
"""

from .analysis import (
    Analysis,
    ClaimFinding,
    EntityMention,
    ResolvedEntity,
    analyse,
    analyse_many,
    analysis_from_doc,
)
from .confidence import stated_confidence
from .estimative import Estimate, find_estimate
from .estimative_lexicon import LIKELIHOOD_TERMS
from .model_loader import load_nlp
from .resolution import canonical_key, entity_id, static_key

__all__ = [
    "LIKELIHOOD_TERMS",
    "Analysis",
    "ClaimFinding",
    "EntityMention",
    "Estimate",
    "ResolvedEntity",
    "analyse",
    "analyse_many",
    "analysis_from_doc",
    "canonical_key",
    "entity_id",
    "find_estimate",
    "load_nlp",
    "stated_confidence",
    "static_key",
]
