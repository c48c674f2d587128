"""spaCy components: line-break sentence starts, entity mentions, claims.

Conventions
- Registered with @Language.factory under "intelgraph_*"; importing this module
  registers them. Results live in Doc extensions as plain lists of dicts, so they
  survive `nlp.pipe(n_process>1)` (docs cross processes as bytes):
  `doc._.ig_mentions`, `doc._.ig_claims`, `doc._.ig_quantities`. `doc._.ig_claim_spans` (set before the
  pipeline runs, optional) restricts claims to those char ranges.
- Speed: the model's tok2vec and parser stay *disabled* in the pipeline; the claims
  component parses only the claim candidates it needs, batched, as small Docs (the
  caller's Doc never gets a parse). `parse` chooses which: "all" candidates,
  "relations" (default: candidates naming two or more distinct entities, the ones
  that yield entity-entity relations; single-entity claims use the lexical rules),
  or "none". With `lexical` (default), a candidate plain enough for
  lexical_reading.py is read without the parse; only the rest are parsed. Sentence
  boundaries come from the cheap `senter` plus line breaks.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from .claim_rules import LemmaTables, Reading, claim_bounds, extract_claim, verb_tables
from .clause_lexicon import WordClasses, word_classes
from .entity_rules import extract_mentions
from .lexical_reading import lexical_reading
from .quantity_rules import find_quantities

for _name in ("ig_mentions", "ig_claims", "ig_claim_spans", "ig_quantities"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

PARSE_MODES = frozenset({"all", "relations", "none"})
_TERMINAL = frozenset({".", "!", "?", ":", ";", "”", '"', ")"})


@Language.factory("intelgraph_line_breaks", default_config={"soft_wraps": True})
def make_line_breaks(nlp: Language, name: str, soft_wraps: bool) -> "LineBreaks":
    return LineBreaks(soft_wraps)


class LineBreaks:
    """Starts a sentence after each line break, and at the start of each claim span
    (`doc._.ig_claim_spans`), before the statistical sentencizer runs (it keeps
    boundaries already set). With `soft_wraps`, a line that continues
    in lower case after a line without final punctuation is a wrapped line, not a
    new sentence."""

    def __init__(self, soft_wraps: bool = True) -> None:
        self.soft_wraps = soft_wraps

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        for i, token in enumerate(doc):
            if i + 1 >= n or "\n" not in token.text and "\n" not in token.whitespace_:
                continue
            nxt = doc[i + 1]
            if nxt.is_space:
                continue
            if self.soft_wraps and nxt.text[:1].islower():
                prev = token if not token.is_space else (doc[i - 1] if i else token)
                if prev.text[-1:] not in _TERMINAL:
                    continue
            nxt.is_sent_start = True
        # A statement the reader found after a label (a digest insight after "[S,
        # Confidence: High]:", a hypothesis after "**Hypothesis A**:") starts a
        # sentence of its own, so that the sentence quoted as a passage holds no label
        # or bullet. Only after punctuation: a statement that begins mid-sentence
        # ("... but lacks direct evidence") leaves the sentence whole.
        for start, end in doc._.ig_claim_spans or ():
            span = doc.char_span(start, end, alignment_mode="contract")
            if span is None or not len(span) or span.start == 0:
                continue
            prev = span.start - 1
            while prev > 0 and doc[prev].is_space:
                prev -= 1
            if doc[prev].is_punct:
                span[0].is_sent_start = True
        return doc


@Language.factory("intelgraph_entities", default_config={"resolve_short_forms": True})
def make_entities(nlp: Language, name: str, resolve_short_forms: bool) -> "EntityMentions":
    return EntityMentions(resolve_short_forms)


class EntityMentions:
    """Cleans, filters and keys `doc.ents` into `doc._.ig_mentions`."""

    def __init__(self, resolve_short_forms: bool = True) -> None:
        self.resolve_short_forms = resolve_short_forms

    def __call__(self, doc: Doc) -> Doc:
        doc._.ig_mentions = extract_mentions(doc, resolve=self.resolve_short_forms)
        return doc


@Language.factory("intelgraph_quantities")
def make_quantities(nlp: Language, name: str) -> "Quantities":
    return Quantities()


class Quantities:
    """Numeric claims with a measure (quantity_rules) into `doc._.ig_quantities`, each
    with the key of the entity its sentence names nearest to it. Needs
    `doc._.ig_mentions` for the subject; token rules only, no parse."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.ig_quantities = find_quantities(doc, doc._.ig_mentions)
        return doc


@Language.factory(
    "intelgraph_claims",
    default_config={
        "parse": "relations",
        "tok2vec": "tok2vec",
        "parser": "parser",
        "lemmatizer": "lemmatizer",
        "batch_size": 256,
        "lexical": True,
    },
)
def make_claims(
    nlp: Language,
    name: str,
    parse: str,
    tok2vec: str,
    parser: str,
    lemmatizer: str,
    batch_size: int,
    lexical: bool,
) -> "Claims":
    return Claims(
        nlp, parse=parse, tok2vec=tok2vec, parser=parser, lemmatizer=lemmatizer, batch_size=batch_size, lexical=lexical
    )


class Claims:
    """Finds claims in the sentences of a doc into `doc._.ig_claims`.

    Needs `doc._.ig_mentions` (intelgraph_entities) and sentence starts. When `parse`
    and the named tok2vec/parser exist in `nlp` (enabled or not), candidates are parsed
    as small Docs, except those `lexical_reading` reads (with `lexical` and the
    lemmatizer's tables); if the doc already has a parse it is used as it is.
    """

    def __init__(
        self,
        nlp: Language,
        *,
        parse: str = "relations",
        tok2vec: str = "tok2vec",
        parser: str = "parser",
        lemmatizer: str = "lemmatizer",
        batch_size: int = 256,
        lexical: bool = True,
    ) -> None:
        if parse not in PARSE_MODES:
            raise ValueError(f"intelgraph_claims: parse must be one of {sorted(PARSE_MODES)}, not {parse!r}")
        self.nlp = nlp
        self.parse = parse
        self.names = (tok2vec, parser, lemmatizer)
        self.batch_size = batch_size
        self.lexical = lexical
        self._pipes: tuple | None = None

    def _resolve_pipes(self) -> tuple:
        """(tok2vec, parser, lemma tables, word classes or None), looked up once, after
        the pipeline is built."""
        if self._pipes is None:
            tok2vec_name, parser_name, lemmatizer_name = self.names
            names = set(self.nlp.component_names)
            tok2vec = self.nlp.get_pipe(tok2vec_name) if tok2vec_name in names else None
            parser = self.nlp.get_pipe(parser_name) if parser_name in names else None
            tables: LemmaTables = None
            words: WordClasses | None = None
            if lemmatizer_name in names:
                lookups = self.nlp.get_pipe(lemmatizer_name).lookups
                tables = verb_tables(lookups)
                words = word_classes(lookups) if self.lexical else None
            self._pipes = (tok2vec, parser if self.parse != "none" else None, tables, words)
        return self._pipes

    def __call__(self, doc: Doc) -> Doc:
        for _ in self.pipe([doc]):
            pass
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size or self.batch_size):
            self._annotate(batch)
            yield from batch

    def _candidates(self, doc: Doc) -> list[tuple[int, int, list[dict]]]:
        """(start token, end token, mentions) of each claim candidate."""
        mentions = doc._.ig_mentions or []
        if not mentions:
            return []
        ranges = doc._.ig_claim_spans
        text = doc.text
        out = []
        sents = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
        for sent in sents:
            windows = [(sent.start_char, sent.end_char)]
            if ranges is not None:
                windows = [(max(s, sent.start_char), min(e, sent.end_char)) for s, e in ranges]
                windows = [(s, e) for s, e in windows if s < e]
            for w_start, w_end in windows:
                inside = [m for m in mentions if w_start <= m["start"] and m["end"] <= w_end]
                if not inside:
                    continue
                bounds = claim_bounds(text, w_start, w_end)
                if bounds is None:
                    continue
                span = doc.char_span(bounds[0], bounds[1], alignment_mode="contract")
                if span is None or len(span) == 0:
                    continue
                inside = [m for m in inside if span.start_char <= m["start"] and m["end"] <= span.end_char]
                if inside:
                    out.append((span.start, span.end, inside))
        return out

    def _annotate(self, docs: list[Doc]) -> None:
        tok2vec, parser, tables, words = self._resolve_pipes()
        work = [(doc, c) for doc in docs for c in self._candidates(doc)]
        for doc in docs:
            doc._.ig_claims = []
        if not work:
            return
        # Per candidate: a Reading (lexical), a Doc to parse, or None (the doc's own
        # parse if it has one, else the lexical claim rules).
        readings: list[Reading | Doc | None] = []
        to_parse: list[Doc] = []
        for doc, (s, e, inside) in work:
            if doc.has_annotation("DEP") or parser is None or (
                self.parse == "relations" and len({m["key"] for m in inside}) < 2
            ):
                readings.append(None)
                continue
            reading = lexical_reading(doc[s:e], 0, words) if words is not None else None
            if reading is not None:
                readings.append(reading)
                continue
            tokens = doc[s:e]
            sub = Doc(
                doc.vocab,
                words=[t.text for t in tokens],
                spaces=[bool(t.whitespace_) for t in tokens[:-1]] + [False],
            )
            readings.append(sub)
            to_parse.append(sub)
        if to_parse:
            stream: Iterable[Doc] = to_parse
            if tok2vec is not None:
                stream = tok2vec.pipe(stream, batch_size=self.batch_size)
            for _ in parser.pipe(stream, batch_size=self.batch_size):
                pass
        for (doc, (s, e, inside)), reading in zip(work, readings, strict=True):
            if isinstance(reading, Doc):
                claim = extract_claim(reading[:], doc[s].idx, inside, tables)
            else:
                claim = extract_claim(doc[s:e], 0, inside, tables, reading)
            if claim is not None:
                doc._.ig_claims.append(claim)
