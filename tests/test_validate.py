"""Validation against schemas/shapes.ttl: an ingested store conforms; damage done to a store behind kg's back
is found, by the SPARQL constraint (run once over the whole graph) as by the plain shapes."""

from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph as ox
import pyshacl
import pytest
import rdflib
from rdflib.namespace import SH

from kg.api import ingest, validate
from kg.export.rdf import NQUADS
from kg.store import open_store
from kg.store.sparql import PREFIXES
from kg.vocab import schema_file


@pytest.fixture
def stored(articles: Path, store_dir: Path) -> Path:
    report = ingest([articles], store=store_dir)
    assert report.ok and report.new == 5
    return store_dir


def _damage(store: Path, update: str) -> None:
    """Change the store with Oxigraph directly, as a foreign tool or a bug might."""
    raw = ox.Store(str(store))
    raw.update(update, prefixes=PREFIXES)
    raw.flush()
    del raw


def test_an_ingested_store_conforms(stored: Path) -> None:
    report = validate(stored)
    assert report.conforms and report.violations == []


def test_evidence_whose_text_is_not_at_its_offsets_is_a_violation(stored: Path) -> None:
    _damage(
        stored,
        "DELETE { ?e oa:exact ?x } INSERT { ?e oa:exact 'something else' } "
        "WHERE { { SELECT ?e WHERE { ?e kg:supports ?c } ORDER BY ?e LIMIT 1 } ?e oa:exact ?x }",
    )
    report = validate(stored)
    assert not report.conforms
    [violation] = report.violations
    assert violation.focus.startswith("https://w3id.org/kg/id/evidence/")
    assert violation.message.startswith("Evidence offsets must satisfy")


def test_a_second_completion_time_is_a_violation(stored: Path) -> None:
    _damage(stored, "INSERT { ?d kg:ingestedAt '1999-01-01T00:00:00Z'^^xsd:dateTime } WHERE { ?d kg:source ?s }")
    report = validate(stored)
    assert not report.conforms
    assert len(report.violations) == 5 and all("completion time" in v.message for v in report.violations)


def test_the_whole_graph_query_finds_what_pyshacl_finds_node_by_node(stored: Path) -> None:
    _damage(stored, "DELETE { ?e oa:end ?n } INSERT { ?e oa:end 100000 } WHERE { ?e kg:supports ?c ; oa:end ?n }")
    report = validate(stored)
    buffer = io.BytesIO()
    with open_store(stored, readonly=True) as store:
        NQUADS.export(store, buffer)
    data = rdflib.Graph().parse(data=buffer.getvalue(), format="nt")
    shapes = rdflib.Graph().parse(data=schema_file("shapes.ttl"), format="turtle")
    _conforms, results, _text = pyshacl.validate(data, shacl_graph=shapes, advanced=True, allow_warnings=True)
    assert isinstance(results, rdflib.Graph)
    expected = {str(results.value(r, SH.focusNode)) for r in results.subjects(rdflib.RDF.type, SH.ValidationResult)}
    assert len(expected) >= 5
    assert {v.focus for v in report.violations} == expected
