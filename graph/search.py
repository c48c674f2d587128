"""Search for the workbench: entities, documents and statements matching words, with facets.

Conventions
- Entities come from the entity_names full-text index, documents from document_text;
  statements (anything extracted from a passage) are not indexed themselves, so they are
  read from the best-matching documents and kept when their own text holds a word.
- Facets (entity type; statement kind, publisher and month) are counted over the hits
  before the filters apply, so every choice stays visible while one is picked; results are
  filtered, then paged. At most MAX_HITS hits of each kind are read, so a common word on a
  large graph costs a bounded read (the facet counts say "at least" then: `capped`).
- Dates are ISO strings; `since`/`until` bound a document's published date, inclusive.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from neo4j import Driver

from intelgraph.errors import InputError
import neo4j

from intelgraph.graph.driver import run_read, settings_of
from intelgraph.graph.lookups import _entity_row, _run, check_entity_type, kind_of, lucene_query
from intelgraph.graph.lookups import _page as _api_page

MAX_HITS = 500
STATEMENT_DOCUMENTS = 50  # best documents whose statements are searched


def _words(text: str) -> list[str]:
    return [w.lower() for w in text.split() if any(c.isalnum() for c in w)]


def _in_dates(published: str | None, since: dt.date | None, until: dt.date | None) -> bool:
    if since is None and until is None:
        return True
    if not published:
        return False
    day = published[:10]
    return (since is None or day >= since.isoformat()) and (until is None or day <= until.isoformat())


def _facet(counter: Counter) -> list[dict[str, Any]]:
    return [{"value": k, "count": n} for k, n in sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0])))]


def _page(rows: list[dict], offset: int, limit: int) -> dict[str, Any]:
    return {"items": rows[offset:offset + limit], "total": len(rows), "offset": offset, "limit": limit,
            "next_offset": offset + limit if len(rows) > offset + limit else None}


def search(driver: Driver, text: str, *, entity_type: str | None = None, kind: str | None = None,
           source: str | None = None, since: dt.date | None = None, until: dt.date | None = None,
           offset: int = 0, limit: int = 20) -> dict[str, Any]:
    """Entities, documents and statements matching `text`, each a page with its facets."""
    if since and until and since > until:
        raise InputError("since is after until")
    q = lucene_query(text)  # InputError when there are no words
    words = _words(text)
    entity_type = check_entity_type(entity_type)

    def work(tx: neo4j.ManagedTransaction) -> dict[str, Any]:  # one transaction: five reads, one round of set-up
        types = Counter()
        for row in _run(tx, "api/search_entity_types", {"q": q, "max_hits": MAX_HITS}):
            types[kind_of(row["labels"])] += row["n"]
        rows = _run(tx, "api/search_entities", {"q": q, "type": entity_type, "offset": offset, "limit": limit + 1})
        entities = _api_page([_entity_row(r) for r in rows], offset, limit)
        entities["facets"] = {"type": _facet(types)}

        def keep(row: dict) -> bool:
            return (source is None or row["source_id"] == source) and _in_dates(row["published"], since, until)

        doc_rows = _run(tx, "api/search_documents", {"q": q, "max_hits": MAX_HITS})
        documents = _page([r for r in doc_rows if keep(r)], offset, limit)
        if documents["items"]:
            snippets = {r["id"]: r for r in _run(tx, "api/document_snippets",
                                                {"ids": [d["id"] for d in documents["items"]], "words": words})}
            for d in documents["items"]:
                d["snippet"] = snippets.get(d["id"], {}).get("snippet")
                d["passage_id"] = snippets.get(d["id"], {}).get("passage_id")
        documents["facets"] = {"source": _sources(doc_rows), "month": _months(doc_rows)}
        documents["capped"] = len(doc_rows) >= MAX_HITS

        st_rows = _run(tx, "api/search_statements", {"q": q, "words": words, "max_documents": STATEMENT_DOCUMENTS,
                                                     "max_hits": MAX_HITS})
        for r in st_rows:
            r["kind"] = kind_of(r.pop("labels"))
        kinds = Counter(r["kind"] for r in st_rows)
        statements = _page([r for r in st_rows if keep(r) and (kind is None or r["kind"] == kind)], offset, limit)
        statements["facets"] = {"kind": _facet(kinds), "source": _sources(st_rows), "month": _months(st_rows)}
        statements["capped"] = len(st_rows) >= MAX_HITS
        return {"entities": entities, "documents": documents, "statements": statements}

    found = run_read(driver, work, timeout=settings_of(driver).query_timeout)
    return {"q": text, **found}


def _sources(rows: list[dict]) -> list[dict[str, Any]]:
    names = {r["source_id"]: r["source"] for r in rows if r["source_id"]}
    counts = Counter(r["source_id"] for r in rows if r["source_id"])
    return [{**f, "label": names[f["value"]]} for f in _facet(counts)]


def _months(rows: list[dict]) -> list[dict[str, Any]]:
    counts = Counter(r["published"][:7] for r in rows if r.get("published"))
    return [{"value": k, "count": counts[k]} for k in sorted(counts)]
