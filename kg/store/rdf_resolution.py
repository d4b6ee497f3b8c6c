"""Entity resolution in the embedded store: claims moved from one entity to another, and resolutions (merges,
splits, ambiguities) kept as PROV entities attributed to the user or to the resolver.

A resolution is a node of class ``kg:Resolution``::

    resolution:3f… a kg:Resolution ; kg:resolutionKind "merge" ;
        kg:resolvedEntity entity:musk-… ; kg:resolvedTarget entity:elon-musk-… ;
        kg:entityName "Musk" ; kg:targetName "Elon Musk" ;
        prov:wasAttributedTo agent:user ; prov:generatedAtTime "2025-…"^^xsd:dateTime .

An ambiguity also states ``entity:berger-… kg:possiblySameAs entity:anna-berger-…`` so that a plain query
finds it.

>>> from kg.model import Resolution, ResolutionKind
>>> lines = resolution_lines(Resolution(ResolutionKind.AMBIGUOUS, "b-1", "a-2", "Berger", "Anna Berger",
...                                     agent="kg.resolve@1"), "2025-01-01T00:00:00Z")
>>> lines[-1]
'<https://w3id.org/kg/id/entity/b-1> <https://w3id.org/kg/ns#possiblySameAs> <https://w3id.org/kg/id/entity/a-2> .'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kg.model import Resolution, ResolutionKind
from kg.store.rdf_mapping import literal
from kg.store.rdf_reading import key_of
from kg.vocab import KG, PROV, RDF, XSD, iri

__all__ = ["CLAIM_ENTITIES", "REMOVE_CLAIM_EVIDENCE", "RESOLUTIONS", "resolution_from_row", "resolution_lines"]

#: Evidence of the claims in {CLAIMS}; run before :data:`kg.store.sparql.UNSUPPORTED`.
REMOVE_CLAIM_EVIDENCE = """
DELETE { ?ev ?p ?o } WHERE { {CLAIMS} ?ev kg:supports ?c ; ?p ?o } ;
"""

#: The entities referred to by the claims in {CLAIMS} (they may be left without claims).
CLAIM_ENTITIES = """
SELECT DISTINCT ?x WHERE {
  {CLAIMS}
  { ?c rdf:subject ?x } UNION { ?c rdf:object ?x FILTER(isIRI(?x)) } UNION { ?ev kg:supports ?c ; kg:addressee ?x }
}
"""

RESOLUTIONS = """
SELECT ?r ?kind ?entity ?target ?entityName ?targetName ?alias ?doc ?agent ?at WHERE {
  ?r a kg:Resolution ; kg:resolutionKind ?kind ; kg:resolvedEntity ?entity ; kg:resolvedTarget ?target ;
     kg:entityName ?entityName ; kg:targetName ?targetName ; prov:wasAttributedTo ?agentNode ;
     prov:generatedAtTime ?at .
  ?agentNode kg:agentName ?agent .
  OPTIONAL { ?r kg:resolvedAlias ?alias }
  OPTIONAL { ?r kg:inDocument ?doc }
} ORDER BY ?at ?r
"""


def _ref(kind: str, key: str) -> str:
    return f"<{iri(kind, key)}>"


def _line(s: str, p: str, o: str) -> str:
    return f"{s} <{p}> {o} ."


def resolution_lines(r: Resolution, when: str) -> list[str]:
    """The N-Triples of one resolution; ``when`` is used if the resolution carries no time."""
    node, agent = _ref("resolution", r.id), _ref("agent", r.agent.replace("@", "-v"))
    entity, target = _ref("entity", r.entity), _ref("entity", r.target)
    lines = [
        _line(node, RDF + "type", f"<{KG}Resolution>"),
        _line(node, RDF + "type", f"<{PROV}Entity>"),
        _line(node, KG + "resolutionKind", literal(r.kind.value)),
        _line(node, KG + "resolvedEntity", entity),
        _line(node, KG + "resolvedTarget", target),
        _line(node, KG + "entityName", literal(r.entity_name)),
        _line(node, KG + "targetName", literal(r.target_name)),
        _line(node, PROV + "wasAttributedTo", agent),
        _line(node, PROV + "generatedAtTime", literal(r.at or when, XSD + "dateTime")),
        _line(agent, RDF + "type", f"<{PROV}Agent>"),
        _line(agent, KG + "agentName", literal(r.agent)),
    ]
    if r.alias is not None:
        lines.append(_line(node, KG + "resolvedAlias", literal(r.alias)))
    if r.document is not None:
        lines.append(_line(node, KG + "inDocument", _ref("doc", r.document)))
    if r.kind is ResolutionKind.AMBIGUOUS:
        lines.append(_line(entity, KG + "possiblySameAs", target))
    return lines


def resolution_from_row(row: Mapping[str, Any]) -> Resolution:
    doc = row.get("doc")
    return Resolution(
        kind=ResolutionKind(row["kind"]),
        entity=key_of(row["entity"], "entity"),
        target=key_of(row["target"], "entity"),
        entity_name=row["entityName"],
        target_name=row["targetName"],
        alias=row.get("alias"),
        document=key_of(doc, "doc") if doc else None,
        agent=row["agent"],
        at=row["at"],
    )
