"""SPARQL for the embedded store: the prefixes, the queries `kg` asks, and conversion between Python values
and RDF terms. Values reach a query only as bound parameters (pyoxigraph substitutions) or as terms that
pyoxigraph itself validated and serialised, never as pasted text.

>>> to_term("<b>Elon Musk</b>"), to_term(3).value
(<Literal value=<b>Elon Musk</b> datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>, '3')
>>> to_term(IRI("https://w3id.org/kg/id/entity/x"))
<NamedNode value=https://w3id.org/kg/id/entity/x>
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pyoxigraph as ox

from kg.errors import QueryError
from kg.store.base import QueryResult
from kg.vocab import BASE, KG, OA, PROV, RDF, RDFS, SCHEMA, XSD, vocabulary

__all__ = ["IRI", "PREFIXES", "from_term", "result_of", "substitutions", "to_term", "unsupported_update", "values"]

PREFIXES = {
    "kg": KG,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "prov": PROV,
    "schema": SCHEMA,
    "oa": OA,
    **{kind: f"{BASE}{kind}/" for kind in ("doc", "entity", "claim", "evidence", "activity", "agent", "resolution")},
}

_NUMERIC = {
    XSD + "integer": int,
    XSD + "int": int,
    XSD + "long": int,
    XSD + "decimal": float,
    XSD + "double": float,
    XSD + "float": float,
}


class IRI(str):
    """A parameter value meant as an IRI, not as text."""

    __slots__ = ()


def to_term(value: object) -> ox.NamedNode | ox.Literal:
    """A parameter value as an RDF term: an :class:`IRI` is an IRI, numbers and booleans are typed literals,
    any other value is a string literal, whatever characters it holds."""
    if isinstance(value, ox.NamedNode | ox.Literal):
        return value
    if isinstance(value, IRI):
        try:
            return ox.NamedNode(value)
        except ValueError as exc:
            raise QueryError(f"not a valid IRI: {value}: {exc}") from None
    if isinstance(value, bool):
        return ox.Literal(str(value).lower(), datatype=ox.NamedNode(XSD + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))
    if isinstance(value, float):
        return ox.Literal(repr(value), datatype=ox.NamedNode(XSD + "double"))
    return ox.Literal(str(value))


def from_term(term: object) -> Any:
    """A plain Python value for an RDF term: IRIs as strings, typed literals as numbers or booleans."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        dtype = term.datatype.value
        if dtype in _NUMERIC:
            try:
                return _NUMERIC[dtype](term.value)
            except ValueError:
                return term.value
        if dtype == XSD + "boolean":
            return term.value == "true"
        return term.value
    return str(term)


def values(var: str, iris: Iterable[str]) -> str:
    """A VALUES block binding ``?var`` to IRIs; pyoxigraph validates and serialises each one."""
    try:
        terms = " ".join(str(ox.NamedNode(i)) for i in iris)
    except ValueError as exc:
        raise QueryError(f"not a valid IRI: {exc}") from None
    return f"VALUES ?{var} {{ {terms} }}"


Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


def substitutions(params: Mapping[str, object]) -> dict[ox.Variable, Term]:
    return {ox.Variable(name.lstrip("?$")): to_term(value) for name, value in params.items()}


def result_of(answer: object) -> QueryResult:
    """A pyoxigraph answer (solutions, boolean or triples) as a QueryResult."""
    if isinstance(answer, ox.QuerySolutions):
        columns = tuple(v.value for v in answer.variables)
        rows = [tuple(from_term(sol[c]) for c in columns) for sol in answer]
        return QueryResult(columns, rows)
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult(("answer",), [(bool(answer),)])
    if isinstance(answer, ox.QueryTriples):
        return QueryResult(
            ("subject", "predicate", "object"),
            [(from_term(t.subject), from_term(t.predicate), from_term(t.object)) for t in answer],
        )
    raise QueryError(f"unexpected answer type {type(answer).__name__}")


# -- the questions kg asks its own store ----------------------------------------------------------------

COUNT_OF = {
    "entities": "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a kg:Entity }",
    "claims": "SELECT (COUNT(?c) AS ?n) WHERE { ?c rdf:predicate ?p }",
    "evidence": "SELECT (COUNT(?e) AS ?n) WHERE { ?e kg:supports ?c }",
    "documents": "SELECT (COUNT(?d) AS ?n) WHERE { ?d kg:ingestedAt ?t }",
}

PER_PREDICATE = "SELECT ?p (COUNT(?c) AS ?n) WHERE { ?c rdf:predicate ?p } GROUP BY ?p ORDER BY ?p"

DOCUMENTS = """
SELECT ?doc ?id ?text ?source ?language ?title ?url ?publisher ?author ?published WHERE {
  {FILTER}
  ?doc kg:ingestedAt ?done ; schema:identifier ?id ; schema:text ?text ; kg:source ?source ;
       schema:inLanguage ?language .
  OPTIONAL { ?doc schema:headline ?title }
  OPTIONAL { ?doc schema:url ?url }
  OPTIONAL { ?doc schema:publisher ?publisher }
  OPTIONAL { ?doc schema:author ?author }
  OPTIONAL { ?doc schema:datePublished ?published }
} ORDER BY ?id
"""

ENTITIES = """
SELECT ?e ?name (GROUP_CONCAT(DISTINCT STR(?class); separator=" ") AS ?classes)
       (GROUP_CONCAT(DISTINCT ?alias; separator="\\u001f") AS ?aliases) WHERE {
  {FILTER}
  ?e a kg:Entity ; schema:name ?name ; a ?class .
  OPTIONAL { ?e kg:alias ?alias }
} GROUP BY ?e ?name ORDER BY ?e
"""

#: Evidence counts once its document is complete: a write that was cut short is not read back half-done.
EVIDENCE = """
SELECT ?c ?s ?p ?o ?ev ?doc ?start ?end ?exact ?confidence ?agent ?version ?time
       ?spans ?mode ?addressee ?medium WHERE {
  {FILTER}
  ?c rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  ?ev kg:supports ?c ; prov:wasGeneratedBy ?act ; oa:start ?start ; oa:end ?end ; oa:exact ?exact ;
      kg:confidence ?confidence .
  ?act prov:used ?doc ; prov:wasAssociatedWith ?agentNode ; prov:startedAtTime ?time .
  ?doc kg:ingestedAt ?done .
  ?agentNode kg:extractorName ?agent ; kg:extractorVersion ?version .
  OPTIONAL { ?ev kg:spans ?spans }
  OPTIONAL { ?ev kg:mode ?mode }
  OPTIONAL { ?ev kg:addressee ?addressee }
  OPTIONAL { ?ev kg:medium ?medium }
} ORDER BY ?c ?ev
"""

# -- retraction: run in this order, in one update, with ?doc, ?c and ?x bound by VALUES blocks -------------

RETRACT_CANDIDATES = """
SELECT DISTINCT ?c ?x WHERE {
  {FILTER}
  ?act prov:used ?doc . ?ev prov:wasGeneratedBy ?act ; kg:supports ?c .
  { ?c rdf:subject ?x } UNION { ?c rdf:object ?x FILTER(isIRI(?x)) } UNION { ?ev kg:addressee ?x }
}
"""

RETRACT_DOCUMENTS = """
DELETE { ?ev ?p ?o } WHERE { {DOCS} ?act prov:used ?doc . ?ev prov:wasGeneratedBy ?act ; ?p ?o } ;
DELETE { ?act ?p ?o } WHERE { {DOCS} ?act prov:used ?doc ; ?p ?o } ;
DELETE { ?doc ?p ?o } WHERE { {DOCS} ?doc ?p ?o } ;
"""

#: Claims of {CLAIMS} that no evidence supports any more, and entities of {ENTITIES} nothing refers to.
UNSUPPORTED = """
DELETE { ?s ?parent ?o } WHERE {
  {CLAIMS} {PARENTS}
  ?c rdf:subject ?s ; rdf:predicate ?pred ; rdf:object ?o .
  FILTER NOT EXISTS { ?e kg:supports ?c }
  FILTER NOT EXISTS { ?other rdf:subject ?s ; rdf:object ?o ; rdf:predicate ?kin . ?e2 kg:supports ?other .
                      {KIN} }
} ;
DELETE { ?s ?pred ?o } WHERE {
  {CLAIMS} ?c rdf:subject ?s ; rdf:predicate ?pred ; rdf:object ?o . FILTER NOT EXISTS { ?e kg:supports ?c }
} ;
DELETE { ?c ?p ?o } WHERE { {CLAIMS} ?c ?p ?o . FILTER NOT EXISTS { ?e kg:supports ?c } } ;
DELETE { ?x ?p ?o } WHERE {
  {ENTITIES} ?x ?p ?o .
  FILTER NOT EXISTS { ?c1 rdf:subject ?x } FILTER NOT EXISTS { ?c2 rdf:object ?x }
  FILTER NOT EXISTS { ?e kg:addressee ?x }
}
"""

RETRACT = RETRACT_DOCUMENTS + UNSUPPORTED

FIND_DOCUMENTS = """
SELECT DISTINCT ?id ?source WHERE {
  ?doc kg:ingestedAt ?t ; schema:identifier ?id .
  { ?doc kg:source ?source } UNION { ?doc schema:url ?url FILTER(STR(?url) = ?source) }
  UNION { ?doc schema:identifier ?source }
}
"""


def unsupported_update(template: str, claims: set[str], entities: set[str]) -> str:
    """``template`` (holding :data:`UNSUPPORTED`) with its VALUES blocks for the IRIs of the claims and
    entities to check, and for the predicates whose parent property (kg:said for kg:wrote) goes with them.
    Every IRI is validated by :func:`values`."""
    kin = {name: p for name, p in vocabulary().items() if p.parent is not None}
    parents = " ".join(f"(<{KG}{n}> <{KG}{p.parent}>)" for n, p in sorted(kin.items()))
    family = " ".join(f"(<{KG}{p.parent}> <{KG}{n}>) (<{KG}{n}> <{KG}{n}>)" for n, p in sorted(kin.items()))
    return (
        template.replace("{CLAIMS}", values("c", sorted(claims) or [f"{BASE}claim/none"]))
        .replace("{ENTITIES}", values("x", sorted(entities) or [f"{BASE}entity/none"]))
        .replace("{PARENTS}", f"VALUES (?pred ?parent) {{ {parents} }}")
        .replace("{KIN}", f"VALUES (?parent ?kin) {{ {family} }}")
    )
