"""Throughput of the NLP extraction against bare spaCy NER, same model, same run.

    .venv/bin/python bench/extract_speed.py [--corpus DIR] [--seconds 40] [--n-process 2]

Reads every .txt under the corpus (reports, news, digests) at run time, repeats the
set so that all timed passes together take about --seconds, and times:
- bare NER: `spacy.load(model)` with every component but `ner` excluded, `nlp.pipe`;
- intelgraph: `analyse_many` (sentences, entities, resolution, claims with the
  on-demand parse, estimative language, attribution, pydantic results).
Each side ships what it returns across processes: spaCy's workers send Docs back as
bytes; `analyse_many` runs the whole analysis in its own workers and sends back the
Analysis objects.
Both with the same n_process and batch size, alternating over --rounds rounds so
load from other processes hits both. Prints words/s for each, the ratio of the
totals (target >= 0.80) and the per-round ratios.
"""

from __future__ import annotations

import argparse
import math
import statistics
import time
from pathlib import Path

import spacy

from intelgraph.extract.nlp import analyse_many, load_nlp
from intelgraph.extract.nlp.model_loader import default_model_name

from harness import corpus_dir


def read_corpus(root: Path) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.txt"))]
    if not texts:
        raise SystemExit(f"no .txt files under {root}")
    return texts


def bare_ner(model: str):
    nlp = spacy.load(model)
    exclude = [name for name in nlp.component_names if name != "ner"]
    return spacy.load(model, exclude=exclude)


def time_ner(nlp, texts, n_process, batch_size) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=n_process, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def time_ours(nlp, texts, n_process, batch_size) -> tuple[float, int]:
    start = time.perf_counter()
    claims = sum(len(a.claims) for a in analyse_many(texts, nlp, n_process=n_process, batch_size=batch_size))
    return time.perf_counter() - start, claims


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=None,
                    help="folder of .txt files (default: the development corpus, $INTELGRAPH_SHARED/corpus "
                         "or ../shared/corpus)")
    ap.add_argument("--seconds", type=float, default=40.0, help="total timed work, both sides")
    ap.add_argument("--n-process", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--model", default=None)
    ap.add_argument("--parse", default="relations", choices=["relations", "all", "none"],
                    help="which claim candidates get a dependency parse")
    args = ap.parse_args()

    model = args.model or default_model_name()
    base = read_corpus(args.corpus or corpus_dir())
    ner = bare_ner(model)
    ours = load_nlp(model, parse=args.parse)
    print(f"model {model}; ner pipeline {ner.pipe_names}; ours {ours.pipe_names} "
          f"(on demand: {ours.disabled}; parse={args.parse})")

    # Calibrate on one pass of the slower side.
    one_pass, _ = time_ours(ours, base, args.n_process, args.batch_size)
    reps = max(1, math.ceil(args.seconds / (2 * args.rounds) / max(one_pass, 1e-3)))
    texts = base * reps
    words = sum(len(t.split()) for t in texts)
    print(f"{len(base)} texts x {reps} = {len(texts)} texts, {words} words per pass; "
          f"n_process={args.n_process}, batch_size={args.batch_size}, {args.rounds} alternating rounds")

    ner_times, our_times = [], []
    claims = 0
    for _ in range(args.rounds):
        ner_times.append(time_ner(ner, texts, args.n_process, args.batch_size))
        t, claims = time_ours(ours, texts, args.n_process, args.batch_size)
        our_times.append(t)
    rounds = args.rounds
    ner_wps = rounds * words / sum(ner_times)
    ours_wps = rounds * words / sum(our_times)
    per_round = sorted(n / o for n, o in zip(ner_times, our_times, strict=True))
    print(f"bare NER:   {ner_wps:9.0f} words/s  ({sum(ner_times):.1f} s)")
    print(f"intelgraph: {ours_wps:9.0f} words/s  ({sum(our_times):.1f} s, {claims} claims per pass)")
    print(f"ratio:      {ours_wps / ner_wps:.2f}  (target >= 0.80); per round: "
          + ", ".join(f"{r:.2f}" for r in per_round) + f"; median {statistics.median(per_round):.2f}")

if __name__ == "__main__":
    main()
