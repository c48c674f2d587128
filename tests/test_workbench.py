"""The analyst's workbench (served at /) in a real headless Chromium, on the real app and Neo4j.

Data: examples/ ingested once for the module (as test_brief.py does). The app runs under
uvicorn in a thread, on a free port, with a reader and a writer key; the browser is
Debian's chromium driven by Playwright (no browser is downloaded). Without chromium or
Playwright the browser tests skip, except under CI=true, where they fail (as the corpus
tests do). The JSON routes the workbench added are tested through TestClient as well.

Screenshots: every page the accessibility test visits is saved; set
INTELGRAPH_SCREENSHOTS=docs/screenshots to write the README's copies there.
"""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from intelgraph.api.app import create_app
from intelgraph.cli.app import app as cli
from intelgraph.graph.driver import read
from intelgraph.settings import Settings

from conftest import free_port, wipe
from ingest_helpers import EXAMPLES

CHROMIUM = Path(os.environ.get("INTELGRAPH_CHROMIUM", "/usr/bin/chromium"))
AXE = Path(__file__).parent / "assets" / "axe.min.js"
READER, WRITER = "wb-reader-key-0123", "wb-writer-key-3210"
TOPIC = "Kestrel Strait"


def _settings() -> Settings:
    return Settings(api_keys=f"{READER}:reader,{WRITER}:writer", api_open=False)


@pytest.fixture(scope="module")
def ingested(driver):
    from intelgraph.graph.schema import ensure_schema

    wipe(driver)
    ensure_schema(driver)
    result = CliRunner().invoke(cli, ["ingest", "--recursive", str(EXAMPLES)])
    assert result.exit_code == 0, result.output
    yield driver
    wipe(driver)


@pytest.fixture(scope="module")
def client(ingested):
    app = create_app(_settings())
    app.state.driver = ingested  # the test's driver; the lifespan leaves it to us
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="module")
def base_url(ingested):
    import uvicorn

    app = create_app(_settings())
    app.state.driver = ingested  # the test's driver; the lifespan leaves it to us
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


def _require_browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    missing = "Playwright is not installed" if sync_playwright is None else (
        None if CHROMIUM.is_file() else f"no chromium at {CHROMIUM} (apt-get install chromium)")
    if missing:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{missing}; CI must run the browser tests")
        pytest.skip(missing)
    return sync_playwright


@pytest.fixture(scope="module")
def browser():
    sync_playwright = _require_browser()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"])
        yield b
        b.close()


class Tab:
    """One page with a key entered, recording console errors and uncaught exceptions."""

    def __init__(self, browser, base_url: str, key: str, width: int = 1280) -> None:
        self.base = base_url
        self.context = browser.new_context(viewport={"width": width, "height": 900})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(base_url + "/")
        self.page.fill("#key-input", key)
        self.page.click("#key-form button[type=submit]")
        self.ready("search")

    def ready(self, page: str, timeout: float = 30_000) -> None:
        self.page.wait_for_selector(f"main[data-ready={page}]", timeout=timeout)

    def open(self, hash_: str, page: str) -> None:
        self.page.goto(f"{self.base}/{hash_}")
        self.ready(page)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def tab(browser, base_url):
    tabs = []

    def make(key: str = READER, width: int = 1280) -> Tab:
        t = Tab(browser, base_url, key, width)
        tabs.append(t)
        return t

    yield make
    for t in tabs:
        t.close()


def entity_id(driver, name: str) -> str:
    return read(driver, "MATCH (e:Entity {name: $n}) RETURN e.id AS id", {"n": name})[0]["id"]


# ---- in the browser -----------------------------------------------------------------------------

def test_search_then_entity_then_expand_a_node(tab, client):
    t = tab(READER)
    page = t.page
    page.fill("#q", "Voss")
    page.press("#q", "Enter")
    page.wait_for_selector("main[data-ready=search] #h-entities")
    links = page.locator("section[aria-labelledby=h-entities] a")
    assert "Amara Voss" in links.all_inner_texts()
    page.get_by_role("link", name="Amara Voss").first.click()
    t.ready("entity")
    assert page.inner_text("h1").startswith("Amara Voss")
    page.wait_for_selector("#node-list li")
    centre = page.url.split("#/entity/")[1]
    api = client.get(f"/entities/{centre}/graph", headers={"X-API-Key": READER}).json()
    shown = set(page.locator("#node-list li a").all_inner_texts())
    assert shown == {n["name"] for n in api["nodes"]} and len(shown) > 1
    # expand neighbours until one brings entities the centre's graph did not have
    for target in [n for n in api["nodes"] if n["id"] != api["id"]]:
        more = client.get(f"/entities/{target['id']}/graph", headers={"X-API-Key": READER}).json()
        new = {n["name"] for n in more["nodes"]} - shown
        if new:
            page.click(f"#node-list button[data-expand='{target['id']}']")
            page.wait_for_function("n => document.querySelectorAll('#node-list li').length === n",
                                   arg=len(shown | new))
            assert set(page.locator("#node-list li a").all_inner_texts()) == shown | new
            assert page.locator(f"#node-list button[data-expand='{target['id']}']").count() == 0  # now expanded
            break
    else:
        pytest.fail("no neighbour of Amara Voss has links of its own")
    # the Cytoscape canvas draws the same nodes
    assert page.locator("#cy canvas").count() >= 1
    assert not t.errors, t.errors


def test_brief_citation_opens_the_exact_passage_highlighted(tab, ingested):
    t = tab(READER)
    t.open(f"#/brief?topic={TOPIC.replace(' ', '+')}", "brief")
    page = t.page
    assert page.locator("section h2", has_text="Bottom Line Up Front").count() == 1
    assert page.locator("table.ach").count() >= 1
    cites = page.locator("a.cite")
    assert cites.count() > 5
    checked = 0
    seen = set()
    for i in range(cites.count()):
        pid = cites.nth(i).get_attribute("data-passage")
        if pid in seen:
            continue
        seen.add(pid)
        cites.nth(i).click()
        t.ready("document")
        stored = read(ingested, "MATCH (p:Passage {id: $id}) RETURN p.text AS text", {"id": pid})[0]["text"]
        target = page.locator("mark.target")
        assert target.count() == 1
        assert target.get_attribute("data-passage") == pid
        assert target.text_content() == stored
        page.wait_for_selector("#passage-text")
        assert page.text_content("#passage-text") == stored
        page.go_back()
        t.ready("brief")
        checked += 1
        if checked == 4:
            break
    assert checked == 4
    # the exports are the API's renderings of the same brief
    headings = page.locator("main section > h2").all_inner_texts()
    for label, suffix in (("Export JSON", ".json"), ("Export Markdown", ".md"), ("Export HTML", ".html")):
        with page.expect_download() as download:
            page.get_by_role("button", name=label).click()
        path = download.value.path()
        assert download.value.suggested_filename.endswith(suffix)
        text = Path(path).read_text(encoding="utf-8")
        if suffix == ".json":
            titles = [s["title"] for s in json.loads(text)["sections"]]
            assert titles == [h for h in headings if h in titles] and len(titles) >= 5
        else:
            assert all(title in text for title in titles)
    assert not t.errors, t.errors


def test_reader_has_no_curation_controls_and_the_api_refuses(tab, base_url, ingested):
    voss = entity_id(ingested, "Amara Voss")
    t = tab(READER)
    t.open(f"#/entity/{voss}", "entity")
    assert t.page.locator("#curation").count() == 0
    assert t.page.locator("form[aria-label=Rename]").count() == 0
    t.open("#/sources", "sources")
    assert t.page.locator("#sources select").count() == 0
    r = httpx.post(f"{base_url}/entities/{voss}/rename", json={"name": "A. Voss"}, headers={"X-API-Key": READER})
    assert r.status_code == 403
    source = read(ingested, "MATCH (s:Source) RETURN s.id AS id LIMIT 1")[0]["id"]
    r = httpx.put(f"{base_url}/sources/{source}/reliability", json={"reliability": "A"},
                  headers={"X-API-Key": READER})
    assert r.status_code == 403
    w = tab(WRITER)
    w.open(f"#/entity/{voss}", "entity")
    assert w.page.locator("#curation form").count() == 4
    assert not t.errors and not w.errors, t.errors + w.errors


def test_writer_renames_from_the_entity_page_and_grades_a_source(tab, ingested):
    kalo = entity_id(ingested, "Idris Kalo")
    w = tab(WRITER)
    w.open(f"#/entity/{kalo}", "entity")
    form = w.page.locator("form[aria-label=Rename]")
    form.get_by_label("New name").fill("Commander Idris Kalo")
    form.get_by_label("Reason").fill("full title")
    form.get_by_role("button", name="Rename").click()
    w.page.wait_for_selector("#history li")
    assert "rename" in w.page.inner_text("#history") and "full title" in w.page.inner_text("#history")
    w.ready("entity")
    assert w.page.inner_text("h1").startswith("Commander Idris Kalo")
    row = read(ingested, "MATCH (e:Entity {id: $id}) RETURN e.name AS name, e.aliases AS aliases", {"id": kalo})[0]
    assert row["name"] == "Commander Idris Kalo" and "Idris Kalo" in row["aliases"]

    w.open("#/sources", "sources")
    src = read(ingested, "MATCH (s:Source {name: 'Kestrel Monitor'}) RETURN s.id AS id, s.reliability AS r")[0]
    assert src["r"] == "E"
    tr = w.page.locator(f"tr[data-source='{src['id']}']")
    tr.locator("select").select_option("C")
    tr.get_by_role("button").click()
    w.page.wait_for_function(
        "id => document.querySelector(`tr[data-source='${id}'] td`)?.textContent.startsWith('C:')", arg=src["id"])
    assert read(ingested, "MATCH (s:Source {id: $id}) RETURN s.reliability AS r", {"id": src["id"]})[0]["r"] == "C"
    assert not w.errors, w.errors
    # the module's later tests (and their screenshots) see the examples' own grade again
    assert httpx.put(f"{w.base}/sources/{src['id']}/reliability", json={"reliability": "E"},
                     headers={"X-API-Key": WRITER}).status_code == 200


def test_keyboard_search_and_passage_selection(tab, ingested):
    t = tab(READER)
    page = t.page
    # a drawn page puts the focus on its content, so the first Tab reaches the search field
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "q"
    page.keyboard.type("ceasefire")
    page.keyboard.press("Enter")
    page.wait_for_selector("section[aria-labelledby=h-documents] a")
    doc = read(ingested, "MATCH (p:Passage)-[:PART_OF]->(d:Document) WHERE (p)<-[:EXTRACTED_FROM]-() "
                         "RETURN d.id AS id ORDER BY d.published LIMIT 1")[0]["id"]
    t.open(f"#/document/{doc}", "document")
    first = page.locator("[role=button][data-passage]").first
    first.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#passage-text")
    pid = first.get_attribute("data-passage")
    stored = read(ingested, "MATCH (p:Passage {id: $id}) RETURN p.text AS text", {"id": pid})[0]["text"]
    assert page.text_content("#passage-text") == stored
    assert not t.errors, t.errors


def _pages(driver) -> dict[str, str]:
    voss = entity_id(driver, "Amara Voss")
    cited = read(driver, "MATCH (p:Passage)-[:PART_OF]->(d:Document) WHERE p.kind = 'bluf' "
                         "RETURN d.id AS doc, p.id AS passage ORDER BY d.published DESC LIMIT 1")[0]
    return {"search": "#/search?q=Voss", "entity": f"#/entity/{voss}",
            "document": f"#/document/{cited['doc']}?passage={cited['passage']}",
            "brief": f"#/brief?topic={TOPIC.replace(' ', '+')}", "sources": "#/sources"}


@pytest.mark.parametrize("width", [1280, 390])
def test_every_page_passes_axe_fits_the_width_and_logs_no_errors(tab, ingested, width, tmp_path):
    out = Path(os.environ["INTELGRAPH_SCREENSHOTS"]) if os.environ.get("INTELGRAPH_SCREENSHOTS") else tmp_path
    out.mkdir(parents=True, exist_ok=True)
    t = tab(WRITER, width)
    for name, hash_ in _pages(ingested).items():
        t.open(hash_, name)
        if name == "entity":
            t.page.wait_for_selector("#node-list li")
        t.page.add_script_tag(path=str(AXE))
        result = t.page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
               for v in result["violations"] if v["impact"] in ("serious", "critical")]
        assert not bad, (name, width, bad)
        overflow = t.page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, (name, width, overflow)
        shot = out / (f"{name}.png" if width == 1280 else f"{name}-{width}.png")
        t.page.screenshot(path=str(shot))  # the viewport: what the analyst sees first
    assert not t.errors, t.errors


def test_workbench_assets_are_local(client):
    html = client.get("/").text
    assert "/web/app.js" in html and "http://" not in html and "https://" not in html
    js = client.get("/web/app.js").text
    assert "fetch(path" in js and "https://" not in js and "http://" not in js
    assert "/web/vendor/cytoscape.min.js" in js  # loaded by the page that draws a graph
    assert client.get("/web/vendor/cytoscape.min.js").status_code == 200


# ---- the JSON routes it added -------------------------------------------------------------------

R = {"X-API-Key": READER}
W = {"X-API-Key": WRITER}


def test_session_says_the_role(client):
    assert client.get("/session", headers=R).json()["role"] == "reader"
    body = client.get("/session", headers=W).json()
    assert body["role"] == "writer" and "Person" in body["entity_types"]
    assert [g["notation"] for g in body["reliability"]][0] == "A"
    assert client.get("/session").status_code == 401


def test_search_finds_all_three_kinds_with_facets_and_filters(client, ingested):
    body = client.get("/search", params={"q": "Voss"}, headers=R).json()
    assert "Amara Voss" in [e["name"] for e in body["entities"]["items"]]
    assert {"value": "Person", "count": 1} in [{k: f[k] for k in ("value", "count")}
                                              for f in body["entities"]["facets"]["type"]]
    docs = body["documents"]
    expected = read(ingested, "MATCH (d:Document) WHERE d.text CONTAINS 'Voss' RETURN count(d) AS n")[0]["n"]
    assert docs["total"] == expected > 0
    assert sum(f["count"] for f in docs["facets"]["month"]) == expected
    statements = body["statements"]["items"]
    assert statements and all("voss" in s["text"].lower() for s in statements)
    # a source filter keeps only that publisher's documents; the facet still lists the others
    source = docs["facets"]["source"][-1]
    only = client.get("/search", params={"q": "Voss", "source": source["value"]}, headers=R).json()["documents"]
    assert only["total"] == source["count"] and {d["source_id"] for d in only["items"]} == {source["value"]}
    assert len(only["facets"]["source"]) == len(docs["facets"]["source"])
    month = docs["facets"]["month"][0]["value"]
    dated = client.get("/search", params={"q": "Voss", "since": f"{month}-01", "until": f"{month}-28"},
                       headers=R).json()["documents"]
    assert dated["items"] and all(d["published"].startswith(month) for d in dated["items"])
    claims = client.get("/search", params={"q": "Voss", "kind": "Claim"}, headers=R).json()["statements"]
    assert claims["items"] and {s["kind"] for s in claims["items"]} == {"Claim"}


def test_search_rejects_bad_input_in_one_line(client):
    for params in ({"q": "   "}, {"q": "Voss", "type": "Planet"}, {"q": "Voss", "since": "2026-03-01",
                                                                   "until": "2026-01-01"}):
        r = client.get("/search", params=params, headers=R)
        assert r.status_code == 422, params
        assert "\n" not in r.json()["error"]["message"]


def test_sources_list_and_grade(client, ingested):
    page = client.get("/sources", params={"limit": 200}, headers=R).json()
    by_name = {s["name"]: s for s in page["items"]}
    ledger = by_name["Harbour Ledger"]
    stored = read(ingested, "MATCH (s:Source {id: $id}) RETURN COUNT { (s)<-[:PUBLISHED_BY]-(:Document) } AS n",
                  {"id": ledger["id"]})[0]["n"]
    assert ledger["reliability"] == "B" and ledger["published"] == stored
    assert client.put(f"/sources/{ledger['id']}/reliability", json={"reliability": "A"}, headers=R).status_code == 403
    assert client.put(f"/sources/{ledger['id']}/reliability", json={"reliability": "Z"}, headers=W).status_code == 422
    assert client.put("/sources/source:none/reliability", json={"reliability": "A"}, headers=W).status_code == 404
    r = client.put(f"/sources/{ledger['id']}/reliability", json={"reliability": "A"}, headers=W)
    assert r.status_code == 200 and r.json()["previous"] == "B" and r.json()["reliability"] == "A"
    assert read(ingested, "MATCH (s:Source {id: $id}) RETURN s.reliability AS r", {"id": ledger["id"]})[0]["r"] == "A"
    client.put(f"/sources/{ledger['id']}/reliability", json={"reliability": "B"}, headers=W)


def test_document_passages_and_passage_detail(client, ingested):
    doc = read(ingested, "MATCH (d:Document) RETURN d.id AS id, d.text AS text ORDER BY d.published LIMIT 1")[0]
    body = client.get(f"/documents/{doc['id']}/passages", headers=R).json()
    assert body["text"] == doc["text"]
    assert body["passages"] and all(p["kinds"] or p["cited"] for p in body["passages"])
    claim = next(p for p in body["passages"] if "Claim" in p["kinds"])
    detail = client.get(f"/passages/{claim['id']}", headers=R).json()
    assert detail["text"] == doc["text"][claim["start"]:claim["end"]]
    assert "Claim" in {x["kind"] for x in detail["objects"]}
    assert client.get("/passages/psg:none", headers=R).status_code == 404


def test_entity_graph_filters_by_link_type_and_date(client, ingested):
    voss = entity_id(ingested, "Amara Voss")
    full = client.get(f"/entities/{voss}/graph", headers=R).json()
    types = {e["type"] for e in full["edges"]}
    assert types <= {"RELATED_TO", "ABOUT", "MENTIONS"} and "MENTIONS" in types
    mentions = read(ingested, "MATCH (e:Entity {id: $id}) RETURN COUNT { (e)<-[:MENTIONS]-() } AS n", {"id": voss})
    assert next(n for n in full["nodes"] if n["id"] == voss)["mentions"] == mentions[0]["n"]
    only = client.get(f"/entities/{voss}/graph", params={"rel": "MENTIONS"}, headers=R).json()
    assert only["edges"] and {e["type"] for e in only["edges"]} == {"MENTIONS"}
    late = client.get(f"/entities/{voss}/graph", params={"since": "2026-03-01"}, headers=R).json()
    assert late["edges"] and all(e["first"] >= "2026-03-01" for e in late["edges"])
    assert len(late["edges"]) < len(full["edges"])
    assert client.get(f"/entities/{voss}/graph", params={"rel": "PART_OF"}, headers=R).status_code == 422


def test_entity_profile_has_type_evidence_and_documents(client, ingested):
    voss = entity_id(ingested, "Amara Voss")
    body = client.get(f"/entities/{voss}/profile", headers=R).json()
    assert body["type_votes"] and {v["label"] for v in body["type_votes"]} == {"Person"}
    n = read(ingested, "MATCH (e:Entity {id: $id})<-[:MENTIONS]-(:Passage)-[:PART_OF]->(d:Document) "
                       "RETURN count(DISTINCT d) AS n", {"id": voss})[0]["n"]
    dates = [d["published"] for d in body["documents"]]
    assert len(dates) == n and dates == sorted(dates)
