"""The explore queries through the CLI on a real graph of the sample documents, and the
CLI's tables in an 80-column terminal.

Every explore query runs with only its required parameters (the CLI passes null for
the optional ones, which the query turns into its stated default) and answers rows or
an empty result, never an error. Tables are printed with COLUMNS=80 (rich reads it)
over long values: no line is wider than the terminal and no column is squeezed.
"""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from intelgraph.cli.app import app
from intelgraph.cli.commands.queries import declared_parameters
from intelgraph.cli.console import MIN_COLUMN
from intelgraph.graph.driver import read
from intelgraph.queries import names, query

from conftest import wipe
from ingest_helpers import EXAMPLES

runner = CliRunner()
EXPLORE = [n for n in names() if n.startswith("explore/")]
# a value for every required parameter an explore query declares
REQUIRED = {"name": "Amara Voss", "question": "bluf:none"}
NARROW = {"COLUMNS": "80"}
LONG = ("The Coastal Cooperation Council assessed with moderate confidence that the inspection regime "
        "in the Kestrel Strait would hold through the spring, citing three independent port reports")


@pytest.fixture(scope="module")
def ingested(driver, tmp_path_factory):
    from intelgraph.graph.schema import ensure_schema

    wipe(driver)
    ensure_schema(driver)
    result = runner.invoke(app, ["ingest", str(EXAMPLES)])
    assert result.exit_code == 0, result.output
    stored = tmp_path_factory.mktemp("brief") / "brief.json"
    result = runner.invoke(app, ["brief", "--topic", "Kestrel Strait", "--format", "json", "--out", str(stored)])
    assert result.exit_code == 0, result.output  # a stored Brief for explore/briefs
    yield driver
    wipe(driver)


def body(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.startswith("//"))


def lines_fit(output: str, width: int = 80) -> None:
    wide = [line for line in output.splitlines() if len(line) > width]
    assert not wide, wide


def column_widths(output: str) -> list[int]:
    """Content widths of the first boxed table's columns (from its header rule)."""
    rule = next(line for line in output.splitlines() if line.startswith("┡"))
    return [len(seg) - 2 for seg in rule.strip("┡┩").split("╇")]


def column_text(output: str, index: int, sep: str = "") -> str:
    """The body text of one column of the first boxed table, its lines joined."""
    cells = [line.strip("│").split("│")[index].strip() for line in output.splitlines() if line.startswith("│")]
    return sep.join(c for c in cells if c)


# ---------------------------------------------------------------- headers

def test_explore_set_is_complete():
    assert {n.split("/")[1] for n in EXPLORE} >= {
        "entity_connections", "entity_timeline", "contested_hypotheses", "single_source_claims", "sources",
        "disagreeing_documents", "topics", "briefs"}


@pytest.mark.parametrize("name", EXPLORE)
def test_header_states_required_and_optional_parameters(name):
    text = query(name)
    head = [line for line in text.splitlines() if line.startswith("//")]
    assert any(line.startswith("// required:") for line in head), name
    assert any(line.startswith("// optional:") for line in head), name
    assert any("Neo4j Browser" in line for line in head), name
    required, optional = declared_parameters(text)
    used = set(re.findall(r"\$(\w+)", body(text)))
    assert used == set(required) | set(optional), (name, used)
    assert not set(required) & set(optional)
    optional_line = " ".join(line for line in head if "(default" in line)
    for p in optional:
        assert re.search(rf"\${p} \(default ", optional_line), (name, p)
        # the query itself supplies the default for a null
        assert re.search(rf"coalesce\(\${p},|\${p} IS NULL", body(text)), (name, p)


def test_declared_parameters_reads_continued_fields():
    text = ("// Something.\n// required: $name (a name)\n// optional: $limit (default 5), $since (default\n"
            "//           null), $until (default null)\n// returns: a, b\n// and $not_a_param here\nRETURN 1")
    assert declared_parameters(text) == (["name"], ["limit", "since", "until"])
    assert declared_parameters("// required: none\n// optional: none\nRETURN 1") == ([], [])


# ---------------------------------------------------------------- running them

@pytest.mark.parametrize("name", EXPLORE)
def test_explore_query_runs_with_only_its_required_parameters(ingested, name):
    required, _ = declared_parameters(query(name))
    args = ["cypher", "--query", name]
    for p in required:
        args += ["--param", f"{p}={REQUIRED[p]}"]
    result = runner.invoke(app, args + ["--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data["rows"], list) and data["columns"]
    table = runner.invoke(app, args, env=NARROW)
    assert table.exit_code == 0, table.output
    assert f"{len(data['rows'])} row(s)" in table.stdout
    lines_fit(table.stdout)


def test_no_param_at_all_and_defaults(ingested):
    result = runner.invoke(app, ["cypher", "--query", "explore/sources", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["rows"]
    # a row per source and role it plays: publisher, origin, speaker
    roles = read(ingested, """
        CALL () { MATCH (s:Source)<-[:PUBLISHED_BY]-() RETURN DISTINCT "publisher" AS role, s
                  UNION MATCH (s:Source)<-[:BASED_ON]-() RETURN DISTINCT "origin" AS role, s
                  UNION MATCH (c:Claim)-[:ATTRIBUTED_TO]->(s)
                        WHERE NOT EXISTS { (c)-[:EXTRACTED_FROM]->()-[:PART_OF]->()-[:PUBLISHED_BY]->(s) }
                        RETURN DISTINCT "speaker" AS role, s }
        RETURN count(*) AS n""")[0]["n"]
    assert 0 < len(rows) == min(roles, 50)
    assert {r["role"] for r in rows} == {"publisher", "origin", "speaker"}
    one = runner.invoke(app, ["cypher", "--query", "explore/sources", "--param", "limit=1", "--json"])
    assert one.exit_code == 0 and len(json.loads(one.stdout)["rows"]) == 1
    null = runner.invoke(app, ["cypher", "--query", "explore/sources", "--param", "limit=null", "--json"])
    assert null.exit_code == 0 and json.loads(null.stdout)["rows"] == rows
    briefs = runner.invoke(app, ["cypher", "--query", "explore/briefs", "--json"])
    assert briefs.exit_code == 0 and json.loads(briefs.stdout)["rows"], briefs.output


def test_entity_timeline_dates_bound_it(ingested):
    base = ["cypher", "--query", "explore/entity_timeline", "--param", "name=Amara Voss", "--json"]
    every = json.loads(runner.invoke(app, base).stdout)["rows"]
    dated = sorted(r["published"] for r in every if r["published"])
    assert len(set(dated)) >= 2, every
    cut = dated[len(dated) // 2]
    later = json.loads(runner.invoke(app, base + ["--param", f"since={cut}"]).stdout)["rows"]
    earlier = json.loads(runner.invoke(app, base + ["--param", f"until={cut}"]).stdout)["rows"]
    assert later and all(r["published"] >= cut for r in later)
    assert earlier and all(r["published"] <= cut for r in earlier)


def test_missing_required_parameter_is_one_line():
    result = runner.invoke(app, ["cypher", "--query", "explore/entity_timeline"])
    assert result.exit_code == 2
    assert "explore/entity_timeline needs --param name=…" in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


# ---------------------------------------------------------------- tables at 80 columns

def test_cypher_wide_rows_print_as_blocks_at_80_columns(driver):
    columns = [f"column_number_{i}" for i in range(9)]
    statement = "RETURN " + ", ".join(f"$v AS {c}" for c in columns)
    result = runner.invoke(app, ["cypher", statement, "--param", f"v={LONG} [S, Confidence: High]"], env=NARROW)
    assert result.exit_code == 0, result.output
    lines_fit(result.stdout)
    flat = " ".join(result.stdout.split())
    for c in columns:
        assert c in flat
    # every value whole (folded, never cut), brackets kept as text rather than read as markup
    assert flat.count(f"{LONG} [S, Confidence: High]") == len(columns)


def test_cypher_table_folds_long_values_at_80_columns(driver):
    result = runner.invoke(app, ["cypher", "RETURN $v AS first, $v AS second, $id AS identifier, 3 AS n",
                                 "--param", f"v={LONG}", "--param", "id=" + "psg:" + "f" * 64], env=NARROW)
    assert result.exit_code == 0, result.output
    lines_fit(result.stdout)
    widths = column_widths(result.stdout)
    assert len(widths) == 4 and min(widths[:3]) >= MIN_COLUMN, widths
    # folded over lines, not cut
    assert column_text(result.stdout, 2) == "psg:" + "f" * 64
    assert " ".join(column_text(result.stdout, 0, sep=" ").split()) == LONG


def test_queries_list_and_json_at_80_columns():
    result = runner.invoke(app, ["queries", "list"], env=NARROW)
    assert result.exit_code == 0, result.output
    lines_fit(result.stdout)
    for name in names():
        assert name in result.stdout  # names are never folded
    listed = json.loads(runner.invoke(app, ["queries", "list", "--json"]).stdout)
    by_name = {q["name"]: q for q in listed}
    assert set(by_name) == set(names())
    assert by_name["explore/entity_timeline"]["required"] == ["name"]
    assert by_name["explore/entity_timeline"]["optional"] == ["limit", "since", "until"]
    assert by_name["explore/sources"]["description"].startswith("Sources by reliability")


def test_trace_schema_and_ingest_tables_at_80_columns(ingested):
    claim = read(ingested, """
        MATCH (c:Claim)-[:EXTRACTED_FROM]->(p:Passage) RETURN c.id AS id ORDER BY size(p.text) DESC LIMIT 1""")[0]
    result = runner.invoke(app, ["trace", claim["id"]], env=NARROW)
    assert result.exit_code == 0, result.output
    lines_fit(result.stdout)
    assert min(column_widths(result.stdout)) >= MIN_COLUMN
    as_json = runner.invoke(app, ["trace", claim["id"], "--json"])
    assert as_json.exit_code == 0 and json.loads(as_json.stdout)["steps"]

    result = runner.invoke(app, ["schema", "show"], env=NARROW)
    assert result.exit_code == 0, result.output
    lines_fit(result.stdout)
    assert min(column_widths(result.stdout)) >= 3  # the shortest column holds "yes"
    applied = runner.invoke(app, ["schema", "apply", "--json"])
    assert applied.exit_code == 0 and json.loads(applied.stdout) == {"created": [], "entities_counted": 0}

    result = runner.invoke(app, ["ingest", str(EXAMPLES)], env=NARROW)  # all unchanged now
    assert result.exit_code == 0, result.output
    lines_fit(result.stdout)
    assert "unchanged" in result.stdout


def test_extract_summary_at_80_columns(tmp_path):
    doc = tmp_path / ("a-rather-long-file-name-for-a-field-report-on-the-kestrel-strait-inspection-regime"
                      "-january.txt")
    doc.write_text(f"{LONG.upper()[:150]}\n\n{LONG}. Amara Voss said the inspections would continue.\n",
                   encoding="utf-8")
    result = runner.invoke(app, ["extract", str(doc)], env=NARROW)
    assert result.exit_code == 0, result.output
    lines_fit(result.stdout)
    assert "records" in result.stdout
