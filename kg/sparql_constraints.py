"""SHACL-SPARQL constraints run as one query over the whole graph, rather than once per focus node.

pyshacl parses a constraint's query anew for every focus node (some 40 ms each), which made checking every
piece of evidence take minutes on a store of a few thousand articles. The same question asked once, with the
shape's targets as part of the pattern, finds the same focus nodes in one pass. Constraints whose targets
are not of the kinds handled here stay with pyshacl.

>>> import rdflib
>>> shapes = rdflib.Graph().parse(format="turtle", data='''
... @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
... ex:S sh:targetSubjectsOf ex:size ; sh:sparql [ sh:message "negative" ;
...     sh:select "SELECT $this WHERE { $this <http://example.org/size> ?n FILTER (?n < 0) }" ] .''')
>>> [c] = take_constraints(shapes)
>>> (None, SH.sparql, None) in shapes
False
>>> data = ox.Store()
>>> data.load(b'<http://example.org/a> <http://example.org/size> "-1"^^<http://www.w3.org/2001/XMLSchema#integer> .',
...           format=ox.RdfFormat.N_TRIPLES)
>>> [(v.focus, v.message) for v in c.violations(data)]
[('http://example.org/a', 'negative')]
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
import rdflib
from rdflib.namespace import RDF, RDFS, SH

__all__ = ["SparqlConstraint", "Violation", "take_constraints"]


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str
    severity: str


@dataclass(frozen=True)
class SparqlConstraint:
    """One constraint's query, over every focus node of its shape at once."""

    query: str
    message: str
    severity: str

    def violations(self, data: ox.Store) -> list[Violation]:
        """The focus nodes for which the query finds a solution."""
        answer = data.query(self.query)
        assert isinstance(answer, ox.QuerySolutions)
        found = {str(row["this"].value) for row in answer if row["this"] is not None}
        return [Violation(focus, "", self.message, self.severity) for focus in sorted(found)]


def _targets(shapes: rdflib.Graph, shape: rdflib.term.Node) -> list[str] | None:
    """Graph patterns binding ``?this`` to the shape's focus nodes; None if a target is of another kind."""
    patterns = [
        f"{{ ?this <{RDF.type}>/<{RDFS.subClassOf}>* {c.n3()} }}" for c in shapes.objects(shape, SH.targetClass)
    ]
    patterns += [f"{{ ?this {p.n3()} ?_any }}" for p in shapes.objects(shape, SH.targetSubjectsOf)]
    patterns += [f"{{ ?_any {p.n3()} ?this }}" for p in shapes.objects(shape, SH.targetObjectsOf)]
    patterns += [f"{{ VALUES ?this {{ {n.n3()} }} }}" for n in shapes.objects(shape, SH.targetNode)]
    other = set(shapes.predicates(shape)) & {SH.target}
    # A property shape's constraint speaks of $PATH and value nodes: that stays with pyshacl.
    property_shape = (shape, SH.path, None) in shapes
    return patterns if patterns and not other and not property_shape else None


def _prefixes(shapes: rdflib.Graph, constraint: rdflib.term.Node) -> str:
    lines = []
    for holder in shapes.objects(constraint, SH.prefixes):
        for declaration in shapes.objects(holder, SH.declare):
            prefix, namespace = shapes.value(declaration, SH.prefix), shapes.value(declaration, SH.namespace)
            lines.append(f"PREFIX {prefix}: <{namespace}>")
    return "\n".join(lines)


def _whole_graph_query(shapes: rdflib.Graph, constraint: rdflib.term.Node, targets: list[str]) -> str | None:
    select = shapes.value(constraint, SH.select)
    if select is None or "{" not in str(select):
        return None
    text = str(select).replace("$this", "?this")
    where = text.index("{") + 1
    return f"{_prefixes(shapes, constraint)}\n{text[:where]} {' UNION '.join(targets)} {text[where:]}"


def take_constraints(shapes: rdflib.Graph) -> list[SparqlConstraint]:
    """Remove from ``shapes`` the SPARQL constraints that can run over the whole graph, and return them."""
    taken = []
    for shape, constraint in list(shapes.subject_objects(SH.sparql)):
        targets = _targets(shapes, shape)
        query = _whole_graph_query(shapes, constraint, targets) if targets else None
        if query is None or shapes.value(constraint, SH.deactivated) == rdflib.Literal(True):
            continue
        severity = shapes.value(shape, SH.severity) or SH.Violation
        message = str(shapes.value(constraint, SH.message) or "SPARQL constraint violated")
        taken.append(SparqlConstraint(query, message, str(severity).rsplit("#", 1)[-1]))
        shapes.remove((shape, SH.sparql, constraint))
    return taken
