"""/docs and /redoc work offline: their pages name no outside URL and every script,
stylesheet and icon they load is served by the app itself, with no API key.

No database is needed: the app is built without running its lifespan (no driver),
which these pages never touch.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from intelgraph.api.app import create_app
from intelgraph.api.docs_assets import ASSETS_URL, assets_dir
from intelgraph.settings import Settings


class _Assets(HTMLParser):
    """Every script src and link href of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.urls.append(attrs["href"])


@pytest.fixture(scope="module")
def client():
    # keys configured, none sent: the docs must still answer
    return TestClient(create_app(Settings(api_keys="docs-test-reader-key:reader", api_open=False)))


def assets_of(html: str) -> list[str]:
    parser = _Assets()
    parser.feed(html)
    return parser.urls


@pytest.mark.parametrize(("page", "expected"), [
    ("/docs", {"swagger-ui-bundle.js", "swagger-ui.css", "favicon.png"}),
    ("/redoc", {"redoc.standalone.js", "favicon.png"}),
])
def test_docs_page_loads_only_local_assets(client, page, expected):
    resp = client.get(page)
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/html")
    html = resp.text
    assert "http://" not in html and "https://" not in html
    urls = assets_of(html)
    assert {u.rsplit("/", 1)[-1] for u in urls} == expected
    for url in urls:
        assert url.startswith(f"{ASSETS_URL}/"), url
        asset = client.get(url)
        assert asset.status_code == 200, url
        assert len(asset.content) > 100, url
    assert "/openapi.json" in html


def test_docs_need_no_key_but_the_api_does(client):
    assert client.get("/openapi.json").status_code == 200
    assert client.get(f"{ASSETS_URL}/swagger-ui.css").headers["content-type"].startswith("text/css")
    assert client.get("/entities").status_code == 401


def test_swagger_ui_reads_the_openapi_version_fastapi_writes(client):
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.1")
    # Swagger UI 4 cannot render OpenAPI 3.1 ("does not specify a valid version field"); 5 can
    bundle = (assets_dir() / "swagger-ui-bundle.js").read_text(encoding="utf-8", errors="replace")
    assert "isOAS31" in bundle
    # the pages themselves are not API operations
    assert not {"/docs", "/redoc"} & set(spec["paths"])
    assert not any(p.startswith(ASSETS_URL) for p in spec["paths"])
