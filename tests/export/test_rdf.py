"""RDF exports parse back to the graph that was stored (compared as graphs, never as text)."""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from rdflib.compare import isomorphic

from kg.api import export
from kg.export.rdf import store_lines
from kg.store import open_store
from tests.facts import correct, fill


@pytest.fixture
def filled(store_dir: Path) -> Path:
    """The fixture articles and the hand-written facts, with corrections of who is who (resolutions)."""
    with open_store(store_dir) as store:
        fill(store)
        correct(store)
    return store_dir


def _native(store_dir: Path) -> rdflib.Graph:
    buffer = io.BytesIO()
    export("nquads", buffer, store=store_dir)
    return rdflib.Graph().parse(data=buffer.getvalue(), format="nt")


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("turtle", "turtle"), ("trig", "trig"), ("jsonld", "json-ld")])
def test_an_export_parses_back_to_an_isomorphic_graph(filled: Path, fmt: str, rdflib_format: str) -> None:
    buffer = io.BytesIO()
    export(fmt, buffer, store=filled)
    parsed = rdflib.Dataset() if fmt == "trig" else rdflib.Graph()
    parsed.parse(data=buffer.getvalue(), format=rdflib_format)
    graph = rdflib.Graph()
    for triple in parsed.triples((None, None, None)):
        graph.add(triple)
    reference = _native(filled)
    assert len(reference) > 100
    assert isomorphic(graph, reference)


def test_the_generic_mapping_reproduces_the_stored_graph(filled: Path) -> None:
    # What a non-RDF store (Neo4j) exports is made by reading model objects back and mapping them again;
    # it must be the same graph, extraction times aside.
    with open_store(filled, readonly=True) as store:
        lines = "\n".join(store_lines(store))
    regenerated = rdflib.Graph().parse(data=lines, format="nt")
    ignore = {
        rdflib.URIRef("https://w3id.org/kg/ns#ingestedAt"),
        rdflib.URIRef("http://www.w3.org/ns/prov#startedAtTime"),
    }

    def core(g: rdflib.Graph) -> rdflib.Graph:
        out = rdflib.Graph()
        for s, p, o in g:
            if p not in ignore:
                out.add((s, p, o))
        return out

    assert isomorphic(core(regenerated), core(_native(filled)))


def test_graphml_holds_entities_quotes_and_claims(filled: Path) -> None:
    buffer = io.BytesIO()
    export("graphml", buffer, store=filled)
    graph = nx.read_graphml(io.BytesIO(buffer.getvalue()))
    labels = {data["label"] for _n, data in graph.nodes(data=True)}
    assert {"Anna Berger", "Paul Roth", "Ellen Marsh"} <= labels
    assert all("sentence" in data and data["evidence_count"] >= 1 for _u, _v, data in graph.edges(data=True))
