"""SHACL validation of a stored graph against ``schemas/shapes.ttl`` (pyshacl over rdflib).

Validation reads the whole graph into memory: it is a check for stores of up to some hundred thousand claims,
run after ingestion or in CI, not a per-write guard.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import pyoxigraph as ox
import rdflib
from rdflib.namespace import SH

from kg.export.rdf import NQUADS
from kg.sparql_constraints import Violation, take_constraints
from kg.store.base import Store
from kg.vocab import schema_file

__all__ = ["ValidationReport", "Violation", "validate_store"]


@dataclass
class ValidationReport:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)


def _text(graph: rdflib.Graph, node: rdflib.term.Node, prop: rdflib.URIRef) -> str:
    value = graph.value(node, prop)
    if value is None:
        return ""
    if isinstance(value, rdflib.URIRef):
        return str(value)
    return str(value) if not isinstance(value, rdflib.BNode) else "(path expression)"


def _violations(results: rdflib.Graph) -> list[Violation]:
    out = []
    for node in results.subjects(rdflib.RDF.type, SH.ValidationResult):
        severity = _text(results, node, SH.resultSeverity).rsplit("#", 1)[-1]
        out.append(
            Violation(
                _text(results, node, SH.focusNode),
                _text(results, node, SH.resultPath),
                _text(results, node, SH.resultMessage),
                severity,
            )
        )
    return sorted(out, key=lambda v: (v.focus, v.path, v.message))


def validate_store(store: Store) -> ValidationReport:
    """Check every document, entity, claim and piece of evidence in ``store`` against the shapes."""
    import pyshacl

    buffer = io.BytesIO()
    NQUADS.export(store, buffer)
    # Everything kg writes is in the default graph, so N-Quads here are N-Triples lines.
    data = rdflib.Graph().parse(data=buffer.getvalue(), format="nt")
    shapes = rdflib.Graph().parse(data=schema_file("shapes.ttl"), format="turtle")
    whole_graph = take_constraints(shapes)
    conforms, results, _text_report = pyshacl.validate(
        data, shacl_graph=shapes, advanced=True, inference="none", allow_warnings=True
    )
    assert isinstance(results, rdflib.Graph)
    violations = _violations(results)
    if whole_graph:
        native = ox.Store()
        native.load(buffer.getvalue(), format=ox.RdfFormat.N_QUADS)
        found = [v for constraint in whole_graph for v in constraint.violations(native)]
        conforms = conforms and not any(v.severity == "Violation" for v in found)
        violations = sorted(violations + found, key=lambda v: (v.focus, v.path, v.message))
    return ValidationReport(bool(conforms), violations)
