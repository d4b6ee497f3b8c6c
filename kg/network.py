"""The graph as a network: entities and quotes as nodes, claims as edges, for GraphML and the HTML view.

A relation claim is an edge from subject to object. A quote claim is an edge from the speaker to a node for
the quote, because the words themselves are what a reader wants to click on. Every edge keeps its claim id,
its evidence count and the first piece of evidence; attributes are scalars so that GraphML can hold them.

>>> from kg.model import *
>>> doc = Document.create("Acme sued Globex.", "a.txt", language="en")
>>> ev = Evidence.at(doc, Span(0, 17), ExtractorInfo("kg.example", 1), 0.9)
>>> g = build_network([Claim.relation(Entity.named("Acme", EntityType.ORGANIZATION), "sued",
...                                   Entity.named("Globex", EntityType.ORGANIZATION), (ev,))])
>>> [(g.nodes[u]["label"], d["predicate"], g.nodes[v]["label"]) for u, v, d in g.edges(data=True)]
[('Acme', 'sued', 'Globex')]
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from kg.model import Claim, ClaimKind, Entity

__all__ = ["QUOTE_TYPE", "build_network"]

#: The node type of a quote node (entity nodes carry their EntityType value).
QUOTE_TYPE = "Quote"


def _entity_node(g: nx.MultiDiGraph, entity: Entity) -> str:
    if entity.id not in g:
        g.add_node(entity.id, label=entity.name, type=entity.type.value, aliases="; ".join(entity.aliases))
    return entity.id


def _edge_data(claim: Claim) -> dict[str, object]:
    first = claim.evidence[0] if claim.evidence else None
    return {
        "claim": claim.id,
        "predicate": claim.predicate,
        "evidence_count": len(claim.evidence),
        "confidence": max((ev.confidence for ev in claim.evidence), default=0.0),
        "sentence": first.sentence if first else "",
        "source": first.source if first else "",
        "sources": "; ".join(sorted({ev.source for ev in claim.evidence})),
    }


def build_network(claims: Iterable[Claim]) -> nx.MultiDiGraph:
    """A directed multigraph of the claims' entities, quotes and facts."""
    g = nx.MultiDiGraph()
    for claim in claims:
        subject = _entity_node(g, claim.subject)
        if claim.kind is ClaimKind.QUOTE:
            target = f"quote:{claim.id}"
            g.add_node(target, label=claim.content or "", type=QUOTE_TYPE, aliases="")
        else:
            assert claim.object is not None
            target = _entity_node(g, claim.object)
        g.add_edge(subject, target, key=claim.id, **_edge_data(claim))
    return g
