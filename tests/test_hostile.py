"""Hostile readers: queries built to exhaust memory, flood the answer, hang the planner or
reach past the read-only guard, and bad settings. Against real Neo4j servers: the
memory tests get their own small-heap local server (so the heap fills in a second or
two, and a failure there cannot take the shared server with it).
"""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from intelgraph.cli.app import app
from intelgraph.graph.driver import make_driver, read
from intelgraph.settings import Settings, get_settings
from tests.conftest import free_port

runner = CliRunner()
READER = "reader-key-hostile-0123"
DOUBLING = "RETURN size(reduce(s = 'x', i IN range(1, 29) | s + s)) AS n"


def _point_at(monkeypatch, settings: Settings) -> None:
    monkeypatch.setenv("INTELGRAPH_HOME", str(settings.home))
    monkeypatch.setenv("INTELGRAPH_BOLT_PORT", str(settings.bolt_port))
    monkeypatch.setenv("INTELGRAPH_HTTP_PORT", str(settings.http_port))
    monkeypatch.setenv("INTELGRAPH_API_KEYS", f"{READER}:reader")
    monkeypatch.delenv("NEO4J_URI", raising=False)
    get_settings.cache_clear()


@pytest.fixture(scope="module")
def small_server(tmp_path_factory):
    import os

    if os.environ.get("NEO4J_URI"):
        pytest.skip("the memory tests run a local server of their own; NEO4J_URI names another")
    from intelgraph.graph.server.manager import LocalServer

    settings = Settings(home=tmp_path_factory.mktemp("small-heap"), bolt_port=free_port(), http_port=free_port(),
                        heap="256m", pagecache="32m", start_timeout=150)
    server = LocalServer(settings)
    server.start()
    try:
        yield settings
    finally:
        server.stop()


def _still_up(settings: Settings) -> None:
    with make_driver(settings) as drv:
        assert read(drv, "RETURN 1 AS one") == [{"one": 1}]


def test_conf_bounds_transaction_memory(small_server):
    conf = (small_server.neo4j_dir / "conf" / "neo4j.conf").read_text()
    # half and 70 % of the 256 MiB heap, in KiB
    assert "db.memory.transaction.max=131072k" in conf
    assert "db.memory.transaction.total.max=183500k" in conf


def test_memory_hungry_query_fails_in_one_line_and_server_stays_up(small_server, monkeypatch):
    _point_at(monkeypatch, small_server)
    try:
        result = runner.invoke(app, ["cypher", DOUBLING])
        assert result.exit_code == 2, result.output
        assert "query used too much memory" in result.output
        assert len(result.output.strip().splitlines()) == 1
        _still_up(small_server)

        # a tracked allocation (a sort) hits the transaction limit rather than the heap
        result = runner.invoke(app, ["cypher", "UNWIND range(1, 3000000) AS i WITH i ORDER BY i DESC "
                                               "RETURN collect(i)[0] AS top"])
        assert result.exit_code == 2 and "query used too much memory" in result.output

        from intelgraph.api.app import create_app

        with TestClient(create_app()) as client:
            r = client.post("/cypher", json={"query": DOUBLING}, headers={"X-API-Key": READER})
            assert r.status_code == 422
            assert r.json()["error"]["message"].startswith("query used too much memory")
            again = client.post("/cypher", json={"query": "RETURN 1 AS one"}, headers={"X-API-Key": READER})
            assert again.json()["rows"] == [{"one": 1}]
        _still_up(small_server)
    finally:
        get_settings.cache_clear()


# ---- the answer's size --------------------------------------------------------------------------

def test_huge_rows_are_cut_off_at_the_byte_cap(graph, monkeypatch):
    monkeypatch.setenv("INTELGRAPH_MAX_RESPONSE_BYTES", "200000")
    get_settings.cache_clear()
    try:
        result = runner.invoke(app, ["cypher", "UNWIND range(1, 100) AS i RETURN range(1, 20000) AS r", "--json"])
        assert result.exit_code == 0, result.output
        body = json.loads(result.stdout)
        assert body["truncated"] and body["size_capped"]
        assert 0 < len(body["rows"]) < 100
        result = runner.invoke(app, ["cypher", "UNWIND range(1, 100) AS i RETURN range(1, 20000) AS r"])
        assert "cut off: the answer passed 200,000 bytes" in result.output

        from intelgraph.api.app import create_app

        monkeypatch.setenv("INTELGRAPH_API_KEYS", f"{READER}:reader")
        get_settings.cache_clear()
        with TestClient(create_app()) as client:
            r = client.post("/cypher", json={"query": "RETURN range(1, 1000000) AS r"}, headers={"X-API-Key": READER})
            assert r.status_code == 200
            body = r.json()
            assert body["rows"] == [] and body["size_capped"] and body["max_response_bytes"] == 200000
            assert len(r.content) < 1000
    finally:
        get_settings.cache_clear()


def test_one_huge_value_is_cut_on_the_server_not_decoded_here(graph, monkeypatch):
    """`RETURN range(1, 3000000)` is ~24 MB as JSON: under a 100 kB cap the row comes back
    without its value (measured on the server), so this process never holds the list."""
    import tracemalloc

    from intelgraph.graph.readonly import run_read_only

    monkeypatch.setenv("INTELGRAPH_MAX_RESPONSE_BYTES", "100000")
    monkeypatch.setenv("INTELGRAPH_API_KEYS", f"{READER}:reader")
    get_settings.cache_clear()
    try:
        tracemalloc.start()
        result = run_read_only(graph, "RETURN range(1, 3000000) AS r", max_bytes=100_000)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert result.rows == [] and result.size_capped and result.truncated
        assert peak < 20_000_000, peak  # the list as Python objects would be ~100 MB
        from intelgraph.api.app import create_app

        with TestClient(create_app()) as client:
            for query in ("RETURN range(1, 10000000) AS r", "RETURN [[range(1, 10000000)]] AS r",
                          "RETURN {a: range(1, 10000000)} AS r", "RETURN 1 AS small, range(1, 10000000) AS r"):
                r = client.post("/cypher", json={"query": query}, headers={"X-API-Key": READER})
                assert r.status_code == 200, r.text
                body = r.json()
                assert body["rows"] == [] and body["size_capped"] and body["truncated"], query
                assert len(r.content) < 1000
            assert client.get("/health").status_code == 200
            again = client.post("/cypher", json={"query": "RETURN 1 AS one"}, headers={"X-API-Key": READER})
            assert again.json()["rows"] == [{"one": 1}]
        result = runner.invoke(app, ["cypher", "RETURN range(1, 10000000) AS r"])
        assert result.exit_code == 0, result.output
        assert "cut off: the answer passed 100,000 bytes" in result.output
    finally:
        get_settings.cache_clear()


@pytest.mark.parametrize("query", [
    "MATCH (e:Entity) RETURN e.name, COUNT { (e)<-[:MENTIONS]-() } ORDER BY e.name",
    "MATCH (e:Entity) RETURN e.name AS `the name`, 'a, b' AS s ORDER BY `the name` DESC LIMIT 2;",
    "MATCH (e:Entity) RETURN e.name AS n UNION RETURN 'x' AS n",
    "MATCH p = (:Passage)-[:MENTIONS]->(e:Entity) RETURN p, e ORDER BY e.id LIMIT 3",
    "MATCH (e:Entity) RETURN * ORDER BY e.id",
    "MATCH (e:Entity) WITH e ORDER BY e.id RETURN collect(e.name) AS names, count(*)",
    "CALL db.labels() YIELD label RETURN label ORDER BY label",
    "RETURN [[[[[[[[[[1]]]]]]]]]] AS deep",
])
def test_measured_answers_equal_the_query_as_written(graph, query):
    """The wrapper changes no answer (columns, rows, order) when nothing is cut."""
    from intelgraph.graph.readonly import run_read_only, sized_query
    from intelgraph.graph.writer import GraphWriter

    from test_api import api_graph

    for doc in api_graph():
        GraphWriter(graph).write(doc)
    result = run_read_only(graph, query)
    with graph.session() as session:
        plain = session.run(query)
        expected = [r.data() for r in plain]
        columns = list(plain.keys())
    assert result.columns == columns
    if "deep" in columns:  # nested past what the server measures: counted as over the cap
        assert result.rows == [] and result.size_capped
        return
    assert result.rows == expected and not result.truncated
    assert "CALL () {" in sized_query(query, columns)


def test_show_commands_may_list_but_not_compute(graph):
    result = runner.invoke(app, ["cypher", "SHOW INDEXES YIELD name, type WHERE type = 'RANGE'", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["rows"]
    result = runner.invoke(app, ["cypher", "SHOW INDEXES YIELD name RETURN range(1, 10000000) AS r"])
    assert result.exit_code == 2
    assert result.output.splitlines() == ["error: refused: a SHOW command may only list what it yields here "
                                          "(YIELD … WHERE …), not RETURN values computed from it"]


# ---- the guard ------------------------------------------------------------------------------------

@pytest.mark.parametrize("query", [
    'CALL db.stats.collect("QUERIES")', 'CALL db.stats.retrieve("QUERIES")', 'CALL db.stats.clear("QUERIES")',
    'CALL db.stats.stop("QUERIES")', "CALL db.checkpoint()", "CALL db.clearQueryCaches()",
    "CALL dbms.components()", "CALL tx.getMetaData()",
])
def test_procedures_outside_the_allow_list_are_refused(graph, query):
    result = runner.invoke(app, ["cypher", query])
    assert result.exit_code == 2, result.output
    assert "refused" in result.output  # by the allow-list, by query type, or unknown to the server


@pytest.mark.parametrize("query", [
    "CALL db.labels() YIELD label RETURN count(label) AS n",
    "CALL db.relationshipTypes() YIELD relationshipType RETURN count(*) AS n",
    "CALL db.propertyKeys() YIELD propertyKey RETURN count(*) AS n",
    "CALL db.schema.visualization() YIELD nodes RETURN size(nodes) AS n",
    "CALL db.schema.nodeTypeProperties() YIELD nodeType RETURN count(*) AS n",
    "CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer RETURN count(*) AS n",
])
def test_read_procedures_on_the_allow_list_run(graph, query):
    result = runner.invoke(app, ["cypher", query, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["columns"] == ["n"]


def test_deeply_nested_literal_is_refused_at_once(graph):
    import time

    started = time.monotonic()
    result = runner.invoke(app, ["cypher", "RETURN " + "[" * 3000 + "1" + "]" * 3000 + " AS x"])
    assert result.exit_code == 2 and "nest more than" in result.output
    assert time.monotonic() - started < 10
    # brackets inside strings do not count
    result = runner.invoke(app, ["cypher", "RETURN '" + "[" * 500 + "' AS x", "--json"])
    assert result.exit_code == 0, result.output


# ---- bad settings and arguments: one line, exit 2 ----------------------------------------------------

@pytest.mark.parametrize("flag", [["--timeout", "-1"], ["--timeout", "nan"], ["--timeout", "inf"],
                                  ["--timeout", "0"], ["--max-rows", "-1"], ["--max-rows", "0"]])
def test_bad_cypher_flags_give_one_line(graph, flag):
    result = runner.invoke(app, ["cypher", "RETURN 1 AS one", *flag])
    assert result.exit_code == 2, result.output
    assert result.output.startswith("error:") and len(result.output.strip().splitlines()) == 1
    assert flag[0] in result.output


@pytest.mark.parametrize(("name", "value"), [("INTELGRAPH_QUERY_TIMEOUT", "abc"), ("INTELGRAPH_QUERY_TIMEOUT", "-1"),
                                             ("INTELGRAPH_QUERY_TIMEOUT", "nan"), ("INTELGRAPH_API_OPEN", "maybe"),
                                             ("INTELGRAPH_ROW_CAP", "0")])
def test_bad_settings_give_one_line(graph, monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    try:
        result = runner.invoke(app, ["cypher", "RETURN 1 AS one"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"error: {name}:") and len(result.output.strip().splitlines()) == 1


def test_keys_file_not_utf8_and_conflicting_roles(tmp_path):
    from intelgraph.api.auth import KeyStore
    from intelgraph.errors import ConfigError

    bad = tmp_path / "keys.txt"
    bad.write_bytes(b"\xff\xfekey:reader\n")
    with pytest.raises(ConfigError, match="not UTF-8"):
        KeyStore.from_settings(Settings.model_construct(api_keys=None, api_keys_file=bad, api_open=False))
    with pytest.raises(ConfigError, match="listed twice"):
        KeyStore.from_settings(Settings.model_construct(api_keys="k1:reader,k1:writer", api_keys_file=None,
                                                        api_open=False))
    # the same key twice with the same role is harmless
    KeyStore.from_settings(Settings.model_construct(api_keys="k1:reader,k1:reader", api_keys_file=None,
                                                    api_open=False))


# ---- inputs that are not documents -------------------------------------------------------------------

def test_devices_fifos_and_oversized_stdin_are_refused_before_reading(tmp_path, monkeypatch):
    import os

    result = runner.invoke(app, ["extract", "/dev/zero"])
    assert result.exit_code == 1 and "not a regular file" in result.output
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = runner.invoke(app, ["extract", str(fifo)])  # would wait for a writer if opened blocking
    assert "not a regular file" in result.output
    monkeypatch.setenv("INTELGRAPH_MAX_FILE_BYTES", "1000")
    get_settings.cache_clear()
    try:
        sparse = tmp_path / "sparse.txt"
        with open(sparse, "wb") as f:
            f.truncate(3_000_000_000)  # 3 GB of nothing on disk
        result = runner.invoke(app, ["extract", str(sparse)])
        assert "larger than the limit of 1,000 bytes" in result.output
        result = runner.invoke(app, ["extract", "-"], input="Harbour notes. " * 200)
        assert "larger than the limit of 1,000 bytes" in result.output
    finally:
        get_settings.cache_clear()


def test_ingest_of_a_missing_path_exits_2():
    result = runner.invoke(app, ["ingest", "/no/such/folder"])
    assert result.exit_code == 2 and result.output.startswith("error: /no/such/folder: no such file")


def test_an_unknown_format_exits_2_once_before_any_file_is_read(graph, tmp_path):
    for i in range(3):
        (tmp_path / f"note{i}.txt").write_text(f"Officials in Port Vell said ferry {i} left.\n", encoding="utf-8")
    for command in ("ingest", "extract"):
        result = runner.invoke(app, [command, "--format", "pdf", str(tmp_path)])
        assert result.exit_code == 2, result.output
        assert result.output.splitlines() == [
            "error: unknown format 'pdf'; use one of: auto, report, digest, news, text, html, markdown"]
    assert read(graph, "MATCH (n) RETURN count(n) AS n")[0]["n"] == 0


def test_two_concurrent_ingests_count_as_new_only_what_each_wrote(graph, tmp_path, monkeypatch):
    """Both runs look the documents up before either writes (a barrier holds the first
    until the second has looked), so both write every document; the database makes each
    once, and the two summaries together say so."""
    import threading

    from intelgraph.services import ingest as service

    for i in range(5):
        (tmp_path / f"note{i}.txt").write_text(f"Officials in Port Vell said ferry {i} left on Monday.\n",
                                               encoding="utf-8")
    looked = threading.Barrier(2, timeout=120)
    real = service.existing_documents

    def existing_documents(driver, ids):
        found = real(driver, ids)
        looked.wait()
        return found

    monkeypatch.setattr(service, "existing_documents", existing_documents)
    summaries: list = []

    def run() -> None:
        summaries.append(service.ingest(graph, [str(tmp_path)], workers=1))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(summaries) == 2
    new = [s.count("new") for s in summaries]
    assert sum(new) == 5 == read(graph, "MATCH (d:Document) RETURN count(d) AS n")[0]["n"]
    assert [s.count("unchanged") for s in summaries] == [5 - n for n in new]
    nodes = read(graph, "MATCH (n) RETURN count(n) AS n")[0]["n"]
    assert sum(s.nodes_created for s in summaries) == nodes  # created counted by the run that created it


def test_api_answers_503_fast_when_neo4j_is_down(monkeypatch):
    import time

    from intelgraph.api.app import create_app

    monkeypatch.setenv("NEO4J_URI", f"bolt://127.0.0.1:{free_port()}")  # nothing listens there
    monkeypatch.setenv("INTELGRAPH_API_KEYS", f"{READER}:reader")
    get_settings.cache_clear()
    try:
        with TestClient(create_app()) as client:
            for path, body in (("/cypher", {"query": "RETURN 1 AS one"}), ("/entities?q=Kestrel", None)):
                started = time.monotonic()
                r = (client.post(path, json=body, headers={"X-API-Key": READER}) if body
                     else client.get(path, headers={"X-API-Key": READER}))
                assert r.status_code == 503, r.text
                assert time.monotonic() - started < 3.5
    finally:
        get_settings.cache_clear()


# ---- long documents -------------------------------------------------------------------------------------

def test_piece_bounds_cover_a_long_text_at_paragraph_breaks():
    from intelgraph.extract.long_text import CHUNK_CHARS, piece_bounds

    para = "The ferry to Port Aldane left at dawn. Nobody on the quay saw it go.\n\n"
    text = para * (1_050_000 // len(para) + 1)
    bounds = piece_bounds(text)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))
    assert all(end - start <= CHUNK_CHARS for start, end in bounds) and len(bounds) > 1_050_000 // CHUNK_CHARS
    assert all(text[end - 2:end] == "\n\n" for _, end in bounds[:-1])
    # one unbroken run of letters is still cut
    assert [e - s for s, e in piece_bounds("x" * (2 * CHUNK_CHARS + 5))] == [CHUNK_CHARS, CHUNK_CHARS, 5]


def test_long_document_is_extracted_in_pieces_with_whole_text_offsets(graph, tmp_path, monkeypatch):
    from intelgraph.extract import long_text

    monkeypatch.setattr(long_text, "CHUNK_CHARS", 2_000)
    paras = [f"Commander Ilse Marrow of the Kestrel Strait patrol met officials in Port Aldane on day {i}. "
             "She said the Norvenian navy had moved two frigates.\n\n" for i in range(60)]
    long = tmp_path / "long.txt"
    long.write_text("".join(paras), encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("Officials in Vell said the harbour reopened on Monday.\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(long), str(good), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["documents"]["new"] == 2
    text = read(graph, "MATCH (d:Document) WHERE d.text STARTS WITH 'Commander' RETURN d.text AS t")[0]["t"]
    passages = read(graph, "MATCH (p:Passage)-[:PART_OF]->(d:Document) WHERE d.text STARTS WITH 'Commander' "
                           "RETURN p.start AS s, p.end AS e, p.text AS t")
    assert len(passages) >= 100
    assert len(long_text.piece_bounds(text)) >= 4
    assert max(p["e"] for p in passages) > len(text) - 200  # passages from the last piece too
    assert all(text[p["s"]:p["e"]] == p["t"] for p in passages)


# ---- one failing analysis -------------------------------------------------------------------------------

def _breaking_rule(monkeypatch, marker: str) -> None:
    """An entity rule that raises on one document's text (as a bug or a limit of the
    pipeline would), inside the real spaCy pipeline; forked NLP workers inherit it."""
    from intelgraph.extract.nlp import components

    real = components.extract_mentions

    def extract_mentions(doc, **kwargs):
        if marker in doc.text:
            raise ValueError("rule fell over\non this text")
        return real(doc, **kwargs)

    monkeypatch.setattr(components, "extract_mentions", extract_mentions)


@pytest.mark.parametrize("good_files", [2, 9])  # NLP in this process; in forked workers (8 or more documents)
def test_one_failing_analysis_fails_its_file_only(graph, tmp_path, monkeypatch, good_files):
    _breaking_rule(monkeypatch, "Quillmoor")
    for i in range(good_files):
        (tmp_path / f"good{i}.txt").write_text(f"Officials in Port Vell said ferry {i} left on Monday.\n",
                                               encoding="utf-8")
    (tmp_path / "bad.txt").write_text("The Quillmoor council met in Port Vell on Tuesday.\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path), "--json"])
    assert result.exit_code == 1, result.output  # some failed: not a success
    summary = json.loads(result.stdout)
    assert summary["documents"] == {"new": good_files, "unchanged": 0, "failed": 1}
    [failed] = [f for f in summary["files"] if f["status"] == "failed"]
    assert failed["name"].endswith("bad.txt")
    assert failed["reason"] == "the analysis failed: ValueError: rule fell over on this text"
    assert read(graph, "MATCH (d:Document) RETURN count(d) AS n")[0]["n"] == good_files
    shown = runner.invoke(app, ["ingest", str(tmp_path / "bad.txt")])
    assert shown.exit_code == 1 and "Traceback" not in shown.output
    assert [line for line in shown.output.splitlines() if "failed" in line and "bad.txt" in line] == [
        f"failed {tmp_path / 'bad.txt'}: the analysis failed: ValueError: rule fell over on this text"]


def test_one_failing_analysis_is_a_422_from_the_api(graph, monkeypatch):
    _breaking_rule(monkeypatch, "Quillmoor")
    monkeypatch.setenv("INTELGRAPH_API_KEYS", f"{READER}:reader,writer-key-hostile-0123:writer")
    get_settings.cache_clear()
    from intelgraph.api.app import create_app

    with TestClient(create_app()) as client:
        resp = client.post("/documents", headers={"X-API-Key": "writer-key-hostile-0123"},
                           files={"file": ("bad.txt", b"The Quillmoor council met on Tuesday.\n", "text/plain")})
        assert resp.status_code == 422, resp.text
        assert resp.json()["error"]["code"] == "extraction_failed"
        assert client.get("/health").status_code == 200
    get_settings.cache_clear()
    assert read(graph, "MATCH (n) RETURN count(n) AS n")[0]["n"] == 0


# ---- stored markup ------------------------------------------------------------------------------------------

def test_markup_in_stored_text_is_printed_as_text(graph, tmp_path):
    doc = tmp_path / "markup.txt"
    title = "Harbour notes [/] on the Kestrel Strait [/b]"
    doc.write_text(f"{title}\n\nOfficials in Port Aldane [bold]said[/bold] the ferry [/] was late.\n",
                   encoding="utf-8")
    result = runner.invoke(app, ["extract", str(doc)])
    assert result.exit_code == 0, result.output
    assert "[/b]" in result.output
    result = runner.invoke(app, ["ingest", str(doc)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["cypher", "MATCH (d:Document) RETURN d.title AS title, d.id AS id"])
    assert result.exit_code == 0, result.output
    assert "[/b]" in result.output
    doc_id = read(graph, "MATCH (d:Document) RETURN d.id AS id")[0]["id"]
    passage = read(graph, "MATCH (p:Passage) WHERE p.text CONTAINS '[/]' RETURN p.id AS id")[0]["id"]
    for node in (doc_id, passage):
        result = runner.invoke(app, ["trace", node])
        assert result.exit_code == 0, result.output
        assert "[/]" in result.output


@pytest.mark.parametrize(("content", "expected"), [
    (b"\xff\xfe[sources]\n", "not UTF-8"), (b"sources = 'Harbour Gazette'\n", "[sources] must be a table"),
    (b"layouts = [1, 2]\n", "[layouts] must be a table"), (b"[sources\n", "not valid TOML"), (None, "is a folder"),
])
def test_bad_sources_file_gives_one_line(tmp_path, content, expected):
    if content is None:
        sources = tmp_path / "folder"
        sources.mkdir()
    else:
        sources = tmp_path / "sources.toml"
        sources.write_bytes(content)
    doc = tmp_path / "doc.txt"
    doc.write_text("Officials in Vell said the harbour reopened.\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(doc), "--sources", str(sources)])
    assert result.exit_code == 2, result.output
    assert expected in result.output and len(result.output.strip().splitlines()) == 1


def test_neo4j_messages_lose_java_class_names():
    from intelgraph.graph.readonly import _first_line

    assert _first_line("java.lang.ArithmeticException: / by zero\nat …") == "/ by zero"
    assert _first_line("Failed: org.neo4j.exceptions.InvalidArgumentException: bad value") == "Failed: bad value"
