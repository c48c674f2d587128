"""`intelgraph ingest` on the real database: idempotent, whole documents, clear failures."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from intelgraph.cli.app import app
from intelgraph.graph.driver import read

from ingest_helpers import EXAMPLES, graph_counts, per_document

runner = CliRunner()


def ingest_json(*args: str):
    result = runner.invoke(app, ["ingest", "--json", *args])
    return result, (json.loads(result.stdout) if result.stdout.strip().startswith("{") else None)


def test_examples_ingest_then_reingest_changes_nothing(graph):
    result, summary = ingest_json(str(EXAMPLES))
    assert result.exit_code == 0, result.output
    n_files = len(list(EXAMPLES.glob("*.txt")))
    assert summary["documents"] == {"new": n_files, "unchanged": 0, "failed": 0}
    for label in ("Document", "Passage", "Hypothesis", "Assessment", "Claim", "Source", "Topic"):
        assert summary["records"].get(label, 0) > 0, label
    before = graph_counts(graph)
    docs_before = per_document(graph)

    result, summary = ingest_json(str(EXAMPLES))
    assert result.exit_code == 0
    assert summary["documents"] == {"new": 0, "unchanged": n_files, "failed": 0}
    assert summary["seconds"]["nlp"] == 0  # unchanged documents cost no NLP
    assert graph_counts(graph) == before
    assert per_document(graph) == docs_before


def test_sources_file_grades_and_entities_resolve_across_documents(graph):
    result, _ = ingest_json(str(EXAMPLES))
    assert result.exit_code == 0
    grades = {r["name"]: r["reliability"] for r in read(graph, "MATCH (s:Source) RETURN s.name AS name, s.reliability AS reliability")}
    assert grades.get("Harbour Ledger") == "B" and grades.get("Kestrel Monitor") == "E"
    # one node per resolved entity, mentioned from several documents
    row = read(graph, """MATCH (e:Entity) WHERE e.name = 'Amara Voss'
                         RETURN count(e) AS nodes, e.aliases AS aliases,
                                COUNT { (e)<-[:MENTIONS]-(:Passage)-[:PART_OF]->(:Document) } AS m""")[0]
    assert row["nodes"] == 1 and row["m"] >= 3 and "Voss" in row["aliases"]
    rel = read(graph, "MATCH ()-[r:RELATED_TO]->() RETURN min(size(r.claim_ids)) AS min_claims, "
                      "min(r.count) AS min_count, count(r) AS n")[0]
    assert rel["n"] > 0 and rel["min_claims"] >= 1 and rel["min_count"] >= 1


def test_reliability_flag_and_source_override(graph, tmp_path):
    doc = tmp_path / "note.txt"
    doc.write_text("Valdoria Today reported that President Amara Voss visited Port Selwyn on Monday.\n", encoding="utf-8")
    result, summary = ingest_json(str(doc), "--source", "Field Notes", "--reliability", "c")
    assert result.exit_code == 0, result.output
    row = read(graph, "MATCH (:Document)-[:PUBLISHED_BY]->(s:Source) RETURN s.name AS n, s.reliability AS r")
    assert row == [{"n": "Field Notes", "r": "C"}]
    result = runner.invoke(app, ["ingest", str(doc), "--reliability", "Z"])
    assert result.exit_code == 2 and "not a Reliability term" in result.output


def test_bad_files_are_reported_and_the_rest_ingested(graph, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Officials in Valdoria said the Kestrel Strait reopened to night traffic.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    result, summary = ingest_json(str(tmp_path))
    assert result.exit_code == 1
    assert summary["documents"] == {"new": 1, "unchanged": 0, "failed": 2}
    reasons = {f["name"].rsplit("/", 1)[-1]: f.get("reason", "") for f in summary["files"]}
    assert "empty" in reasons["empty.txt"] and "binary" in reasons["blob.txt"]
    assert "Traceback" not in result.output
    assert read(graph, "MATCH (d:Document) RETURN count(d) AS c")[0]["c"] == 1


def test_missing_path_and_unreachable_database_give_one_line(graph, monkeypatch):
    result = runner.invoke(app, ["ingest", "/no/such/file.txt"])
    assert result.exit_code == 2 and "no such file" in result.output
    from intelgraph.settings import get_settings

    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")
    get_settings.cache_clear()
    try:
        result = runner.invoke(app, ["ingest", str(EXAMPLES)])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 3
    assert "cannot reach Neo4j" in result.output and len(result.output.strip().splitlines()) == 1


def test_standard_input(graph):
    text = "Norvenia's defence ministry said its patrol boats stayed in port during the exercise.\n"
    result = runner.invoke(app, ["ingest", "-", "--json"], input=text)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["documents"]["new"] == 1


def test_development_corpus_ingests_with_sensible_counts(graph, corpus_dir):
    files = sorted(p for sub in ("reports", "digests", "news") for p in (corpus_dir / sub).glob("*.txt"))
    result, summary = ingest_json(str(corpus_dir), "--recursive")
    assert result.exit_code == 0, result.output
    assert summary["documents"]["new"] == len(files) and summary["documents"]["failed"] == 0
    docs = per_document(graph)
    assert len(docs) == len(files)
    assert all(d["passages"] > 0 for d in docs.values())
    layouts = {r["layout"]: r["c"] for r in read(graph, "MATCH (d:Document) RETURN d.layout AS layout, count(*) AS c")}
    assert set(layouts) >= {"report-current", "report-mid", "report-early", "digest", "news"}
    truncated = read(graph, "MATCH (d:Document {truncated: true}) RETURN count(d) AS c")[0]["c"]
    assert truncated >= 30  # every report and digest in the corpus is cut at about 2,000 bytes
    hyps = read(graph, "MATCH (h:Hypothesis) RETURN count(h) AS c")[0]["c"]
    assert hyps >= 20


def _children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (Linux /proc)."""
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.append(int(entry))
    return out


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _cli(*args: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "intelgraph.cli", *args], env={**os.environ, **(env or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _variants(src_dirs, target, copies: int) -> int:
    """Distinct documents made from the corpus and samples (a numbered line changes the hash)."""
    n = 0
    for k in range(copies):
        for src in src_dirs:
            for path in sorted(src.glob("*.txt")):
                text = path.read_text(encoding="utf-8")
                (target / f"{k:02d}-{path.name}").write_text(text + f"\n\nCopy {k}.\n", encoding="utf-8")
                n += 1
    return n


@pytest.mark.slow
def test_two_processes_at_once_make_no_duplicates(graph, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    for i, path in enumerate(sorted(EXAMPLES.glob("*.txt"))):
        # overlap: every document goes to a, two thirds of them to b as well
        shutil.copy(path, a / path.name)
        if i % 3:
            shutil.copy(path, b / path.name)
    procs = [_cli("ingest", str(a), "--json"), _cli("ingest", str(b), "--json")]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    # each document is "new" in the one run that wrote it, and an entity's kept counts hold
    new = [json.loads(stdout)["documents"]["new"] for stdout, _ in outs]
    assert sum(new) == read(graph, "MATCH (d:Document) RETURN count(d) AS n")[0]["n"], new
    from test_entity_counts import assert_counts_true

    assert_counts_true(graph)
    concurrent = graph_counts(graph)
    dupes = read(graph, "MATCH (n:Node) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN count(id) AS d")[0]["d"]
    assert dupes == 0
    entity_names = read(graph, "MATCH (e:Entity) WITH e.key AS k, count(*) AS c WHERE c > 1 RETURN count(k) AS d")[0]["d"]
    assert entity_names == 0
    # the same as one process ingesting everything once
    from conftest import wipe

    wipe(graph)
    result = runner.invoke(app, ["ingest", str(a)])
    assert result.exit_code == 0
    assert graph_counts(graph) == concurrent


@pytest.mark.slow
def test_sigkill_mid_ingest_leaves_only_whole_documents(graph, tmp_path, corpus_dir):
    docs = tmp_path / "docs"
    docs.mkdir()
    total = _variants([corpus_dir / "reports", EXAMPLES], docs, copies=4)
    proc = _cli("ingest", str(docs))
    deadline = time.time() + 300
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.5)
        stored = read(graph, "MATCH (d:Document) RETURN count(d) AS c")[0]["c"]
        if stored >= total // 4:
            break
    assert proc.poll() is None, "ingest finished before it could be killed; make the corpus larger"
    workers = _children(proc.pid)
    assert workers, "ingest analyses a run this size in NLP worker processes"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    # Regression: its NLP workers outlived it, waiting for work forever, and held its
    # Neo4j connection open, so the killed transaction's locks stalled the rerun.
    deadline = time.time() + 10
    while time.time() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.2)
    assert not [pid for pid in workers if _alive(pid)], "NLP workers outlived the killed ingest"
    partial = per_document(graph)
    assert 0 < len(partial) < total

    # each stored document matches what a clean extraction of its file would write
    from intelgraph.extract.pipeline import extract
    from intelgraph.extract.sources import SourceGrades

    extractions, failures = extract([str(p) for p in sorted(docs.glob("*.txt"))],
                                    source_for=SourceGrades().source_for)
    assert not failures
    expected = {}
    for x in extractions:
        kinds = x.graph.counts()
        expected[x.document_id] = {"passages": kinds.get("Passage", 0), "records": kinds.get("EXTRACTED_FROM", 0),
                                   "mentions": kinds.get("MENTIONS", 0)}
    for doc_id, counts in partial.items():
        assert counts == expected[doc_id], doc_id

    # a rerun completes the rest and leaves the finished ones alone
    result = runner.invoke(app, ["ingest", str(docs), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["documents"]["unchanged"] == len(partial)
    assert summary["documents"]["new"] == total - len(partial)
    assert per_document(graph) == expected
