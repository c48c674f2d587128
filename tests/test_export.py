"""RDF export of an ingested document conforms to the ontology's SHACL shapes."""

from __future__ import annotations

import json
from importlib import resources

import pyshacl
import rdflib
from typer.testing import CliRunner

from intelgraph.cli.app import app
from intelgraph.graph.driver import read

from ingest_helpers import EXAMPLES

runner = CliRunner()


def _ttl(name: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=resources.files("intelgraph.ontology").joinpath(name).read_text(), format="turtle")


def test_exported_document_conforms_to_the_shapes(graph, tmp_path):
    path = next(EXAMPLES.glob("*_report_tidewater-arms-pipeline.txt"))  # current layout, with hypotheses
    assert runner.invoke(app, ["ingest", str(path)]).exit_code == 0
    doc_id = read(graph, "MATCH (d:Document) RETURN d.id AS id")[0]["id"]
    out = tmp_path / "doc.ttl"
    result = runner.invoke(app, ["export", doc_id, "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = rdflib.Graph().parse(out, format="turtle")
    ig = rdflib.Namespace("https://w3id.org/intelgraph/ontology#")
    assert (None, rdflib.RDF.type, ig.Hypothesis) in data and (None, ig.EXTRACTED_FROM, None) in data
    conforms, _, report = pyshacl.validate(data, shacl_graph=_ttl("shapes.ttl"), ont_graph=_ttl("intelgraph.ttl"),
                                           inference="rdfs")
    assert conforms, report
    # a passage without its document breaks the shapes: the check can fail
    passage = next(data.subjects(rdflib.RDF.type, ig.Passage))
    data.remove((passage, ig.PART_OF, None))
    assert not pyshacl.validate(data, shacl_graph=_ttl("shapes.ttl"), ont_graph=_ttl("intelgraph.ttl"),
                                inference="rdfs")[0]

    result = runner.invoke(app, ["export", doc_id, "--format", "json-ld"])
    assert result.exit_code == 0 and isinstance(json.loads(result.stdout), (list, dict))
    assert runner.invoke(app, ["export", "doc:nope"]).exit_code == 4
