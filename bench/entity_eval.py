"""Entity quality against the hand-made gold (shared/corpus/gold-entities): strict scores.

    python bench/entity_eval.py [--verbose] [--json FILE]

Each gold text goes through the same extraction as `intelgraph extract` (no database).
The entity nodes of its graph (Person, Organization, Location, Facility, Group, Event)
are scored against the gold entities of that text (the gold README gives the
conventions):
- a node *matches* a gold entity when its name or one of its aliases equals the gold
  canonical name or one of its mentions (after folding case, curly apostrophes and
  spaces; case is not an entity error);
- a *hit* is the first node matching a gold entity with the right type (Facility counts
  as Location); recall = hits / gold entities, precision = hits / entity nodes;
- every other node is an error, in one category: *duplicate* (a second node for a gold
  entity already matched), *type* (matches, wrong type), *demonym* (a nationality word
  such as "Russian" made a node, by the extractor's demonym tables), *boundary*
  (overlaps a gold mention word-wise without equalling it: "Lady Cilia", "NIS(" ),
  *junk* (anything else: headlines, labels, generic words); a gold entity with no hit
  is *missed*. A node that matches two gold entities is counted once, for its name's
  entity first, and reported as a *merge*.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from intelgraph.extract.pipeline import extract
from intelgraph.extract.sources import SourceInfo
from intelgraph.ontology import L

from harness import require_corpus

ENTITY_LABELS = {L.Person, L.Organization, L.Location, L.Facility, L.Group, L.Event}
SAME_TYPE = {L.Facility: L.Location}


def fold(s: str) -> str:
    return " ".join(s.replace("\u2019", "'").replace("\u2018", "'").split()).casefold()


def words(s: str) -> list[str]:
    return re.findall(r"\w+", fold(s))


def overlaps(a: str, b: str) -> bool:
    """Word-wise overlap: one is a contiguous run of the other's words, or they share a word
    and one holds the other's characters ("NIS(" and "NIS")."""
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return False
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return any(long_[i:i + len(short)] == short for i in range(len(long_) - len(short) + 1))


def is_demonym(name: str) -> bool:
    """A nationality word, singular or plural, by the extractor's own tables."""
    from intelgraph.extract.nlp.entity_lexicon import DEMONYMS
    from intelgraph.extract.nlp.keys import canonical_key

    key = canonical_key(name)
    return key in DEMONYMS or (key.endswith("s") and key[:-1] in DEMONYMS)


def score_file(gold: dict, graph) -> dict:
    ents = [n for n in graph.nodes if n.label in ENTITY_LABELS]
    gold_ents = gold["entities"]
    forms = [{fold(g["name"]), *(fold(m) for m in g["mentions"])} for g in gold_ents]
    hit: set[int] = set()
    claimed: set[int] = set()
    errors: list[tuple[str, str, str]] = []
    merges = 0
    for n in ents:
        name = n.props.get("name", "")
        names = [name, *(n.props.get("aliases") or [])]
        matched = [i for i, f in enumerate(forms) if fold(name) in f]
        matched += [i for i, f in enumerate(forms) if i not in matched and any(fold(a) in f for a in names)]
        label = SAME_TYPE.get(n.label, n.label)
        if len(matched) > 1:
            merges += 1
        if not matched:
            gold_forms = [m for g in gold_ents for m in (g["name"], *g["mentions"])]
            if is_demonym(name):
                kind = "demonym"
            elif any(overlaps(a, m) for a in names for m in gold_forms):
                kind = "boundary"
            else:
                kind = "junk"
            errors.append((kind, n.label, name))
            continue
        i = next((i for i in matched if i not in claimed), matched[0])
        if i in claimed:
            errors.append(("duplicate", n.label, name))
            continue
        claimed.add(i)
        if gold_ents[i]["type"] == label:
            hit.add(i)
        else:
            errors.append(("type", n.label, f"{name} (gold {gold_ents[i]['type']})"))
    missed = [g["name"] for i, g in enumerate(gold_ents) if i not in hit and i not in claimed]
    return {"file": gold["file"], "gold": len(gold_ents), "nodes": len(ents), "hits": len(hit),
            "merges": merges, "errors": errors, "missed": missed}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--verbose", action="store_true", help="list every error per file")
    ap.add_argument("--json", type=Path, help="write the per-file results here")
    args = ap.parse_args()
    corpus = require_corpus()
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((corpus / "gold-entities").glob("*.json"))]
    results, failures = extract([str(corpus / g["file"]) for g in golds],
                                source_for=lambda parsed: SourceInfo(parsed.source_name or "Unknown source"))
    if failures:
        print(f"extraction failed: {failures}", file=sys.stderr)
        return 1
    rows = [score_file(g, r.graph) for g, r in zip(golds, results)]
    gold = sum(r["gold"] for r in rows)
    nodes = sum(r["nodes"] for r in rows)
    hits = sum(r["hits"] for r in rows)
    cats = Counter(kind for r in rows for kind, _, _ in r["errors"])
    cats["missed"] = sum(len(r["missed"]) for r in rows)
    cats["merge"] = sum(r["merges"] for r in rows)
    if args.verbose:
        for r in rows:
            print(f"\n{r['file']}: {r['hits']}/{r['gold']} hits, {r['nodes']} nodes")
            for kind, label, name in r["errors"]:
                print(f"  {kind:9} {label:12} {name}")
            for name in r["missed"]:
                print(f"  {'missed':9} {'':12} {name}")
    p = hits / nodes if nodes else 0.0
    rc = hits / gold if gold else 0.0
    print(f"\nentities: {len(rows)} files, {gold} gold, {nodes} nodes, {hits} hits")
    print(f"strict precision {p:.1%}  recall {rc:.1%}  F1 {2 * p * rc / (p + rc) if p + rc else 0:.1%}")
    print("errors: " + ", ".join(f"{k} {cats[k]}" for k in
                                 ("duplicate", "type", "demonym", "boundary", "junk", "missed", "merge")))
    if args.json:
        args.json.write_text(json.dumps({"precision": p, "recall": rc, "errors": dict(cats), "files": rows},
                                        indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
