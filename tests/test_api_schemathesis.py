"""Property-based run of the OpenAPI schema (schemathesis): no request may get a 5xx.

Bounded: at most MAX_EXAMPLES generated requests per operation, on the small invented
graph of test_api.py, with a writer key (so every route is reached past auth), and
responses checked against the documented schemas. Random ids mostly miss, so a second
run puts ids that exist into the generated requests. A third, stateful phase follows
the links schemathesis infers between operations (a document's entities to the entity
routes and curation, a created brief to GET /briefs/{id}, …) in short sequences, with
every status checked against the documented ones. POST /documents is left out: each
accepted example would run the spaCy pipeline.
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance, ensure_resource_availability, response_schema_conformance, status_code_conformance,
    use_after_free)

from intelgraph.api.app import create_app  # noqa: E402
from intelgraph.graph.writer import GraphWriter  # noqa: E402
from intelgraph.settings import Settings, get_settings  # noqa: E402

from test_api import DRIFT, KELMAR, LUME, NAVY, ORLEN, READER, WRITER, api_graph  # noqa: E402

MAX_EXAMPLES = 50
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]
HEALTH = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much,
          HealthCheck.data_too_large]

# The app gets its keys directly; its driver is set per test by `api_data` (the server
# conftest starts), so the schema is read without starting the lifespan here.
# (schemathesis.pytest.from_fixture would be the lazy way, but it fails on pytest 9.)
APP = create_app(Settings(api_keys=f"{READER}:reader,{WRITER}:writer", api_open=False))
schema = schemathesis.openapi.from_dict(APP.openapi()).exclude(method="POST", path="/documents")
schema.app = APP
schema.location = "/openapi.json"

ENTITIES = [ORLEN, NAVY, LUME, KELMAR, DRIFT]
REAL_IDS = {
    "entity_id": ENTITIES,
    "document_id": ["doc:api-a", "doc:api-b"],
    "hypothesis_id": ["hypothesis:api-a:1", "hypothesis:api-a:2", "hypothesis:api-b:1"],
    "node_id": ["claim:api-a:1", "hypothesis:api-a:1", "evidence:api-a:2", "assessment:api-a:1", LUME,
                "doc:api-a", "source:harbor-wire", "topic:maritime-security"],
}


@pytest.fixture
def api_data(graph, monkeypatch):
    monkeypatch.setenv("INTELGRAPH_QUERY_TIMEOUT", "5")
    get_settings.cache_clear()
    writer = GraphWriter(graph)
    for doc in api_graph():
        writer.write(doc)
    APP.state.driver = graph
    yield graph
    get_settings.cache_clear()


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=HEALTH)
def test_no_server_errors(case, api_data):
    case.call_and_validate(headers={"X-API-Key": WRITER}, checks=CHECKS)


@pytest.mark.parametrize("path", ["/entities/{entity_id}", "/entities/{entity_id}/neighbors",
                                  "/entities/{entity_id}/claims", "/documents/{document_id}",
                                  "/hypotheses/{hypothesis_id}", "/trace/{node_id}", "/paths"])
def test_no_server_errors_on_real_ids(path, api_data):
    operation = schema[path]["GET"]

    @given(case=operation.as_strategy(), pick=st.integers(0, 1000), other=st.integers(0, 1000))
    @settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=HEALTH)
    def run(case, pick, other):
        for name in case.path_parameters or {}:
            case.path_parameters[name] = REAL_IDS[name][pick % len(REAL_IDS[name])]
        if path == "/paths":
            case.query = {**(case.query or {}), "from": ENTITIES[pick % 5], "to": ENTITIES[other % 5]}
        case.call_and_validate(headers={"X-API-Key": READER}, checks=CHECKS)

    run()


# The stateful phase: undocumented statuses fail too, and a resource a response just made
# must be there when it is asked for.
STATEFUL_CHECKS = [*CHECKS, status_code_conformance, use_after_free, ensure_resource_availability]
STATEFUL_RUNS = 12  # sequences, each of at most STATEFUL_STEPS calls
STATEFUL_STEPS = 6


def test_stateful_sequences_follow_the_links(api_data):
    base = schema.as_state_machine()
    assert len(base.bundles) >= 4, sorted(base.bundles)  # the links were found: there is something to follow

    class Workflow(base):  # type: ignore[misc, valid-type]
        def get_call_kwargs(self, case):
            return {"headers": {"X-API-Key": WRITER}}

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            case.validate_response(response, checks=STATEFUL_CHECKS, headers={"X-API-Key": WRITER},
                                   recorder=self.recorder)

    Workflow.run(settings=settings(max_examples=STATEFUL_RUNS, stateful_step_count=STATEFUL_STEPS, deadline=None,
                                   suppress_health_check=HEALTH,
                                   phases=[Phase.explicit, Phase.reuse, Phase.generate]))
