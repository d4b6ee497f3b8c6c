"""A view of the graph: the claims a picture shows, chosen by focus, depth or a query, and held to a node limit.

>>> from kg.model import *
>>> acme, globex = Entity.named("Acme", EntityType.ORGANIZATION), Entity.named("Globex", EntityType.ORGANIZATION)
>>> initech = Entity.named("Initech", EntityType.ORGANIZATION)
>>> claims = [Claim.relation(acme, "sued", globex), Claim.relation(globex, "owns", initech)]
>>> view = view_of(claims, {}, Selection(focus=("Acme",), depth=1))
>>> sorted(view.graph.nodes[n]["label"] for n in view.graph), [c.predicate for c in view.claims.values()]
(['Acme', 'Globex'], ['sued'])
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

import networkx as nx

from kg.model import Claim, Document
from kg.network import build_network
from kg.render.limit import Omitted, cap
from kg.render.selection import neighbourhood, seeds_by_name, seeds_from_values
from kg.store.base import Store

__all__ = ["DEFAULT_MAX_NODES", "GraphView", "Selection", "build_view", "view_of"]

#: Nodes a view shows unless told otherwise: about what stays readable and settles in a second or two.
DEFAULT_MAX_NODES = 300


@dataclass(frozen=True)
class Selection:
    """What a view shows: everything, the neighbourhood of named entities (``focus``), or the nodes a query
    returns (``query`` in ``language``), at most ``max_nodes`` of them.

    ``depth`` is how many claims away from the focus or the query's nodes the view reaches: 1 for a focus
    and 0 for a query unless given.
    """

    focus: tuple[str, ...] = ()
    depth: int | None = None
    query: str | None = None
    language: str = "sparql"
    max_nodes: int = DEFAULT_MAX_NODES


@dataclass(frozen=True)
class GraphView:
    """The network of the chosen claims (see :mod:`kg.network`), the claims by id with all their evidence,
    the documents the evidence comes from, the focused nodes, and what the node limit left out."""

    graph: nx.MultiDiGraph
    claims: Mapping[str, Claim]
    documents: Mapping[str, Document]
    focus: frozenset[str] = frozenset()
    omitted: Omitted | None = None


def _chosen(graph: nx.MultiDiGraph, selection: Selection, values: Sequence[object]) -> tuple[set[str], set[str]]:
    """The nodes the selection reaches, and the ones it starts from."""
    if selection.query is not None:
        seeds = seeds_from_values(graph, values)
        return neighbourhood(graph, seeds, selection.depth or 0), seeds
    if selection.focus:
        seeds = seeds_by_name(graph, selection.focus)
        depth = 1 if selection.depth is None else selection.depth
        return neighbourhood(graph, seeds, depth), seeds
    return set(graph.nodes), set()


def view_of(
    claims: Iterable[Claim],
    documents: Mapping[str, Document],
    selection: Selection,
    query_values: Sequence[object] = (),
) -> GraphView:
    """The view of ``claims`` that ``selection`` asks for; ``query_values`` are the cells of its query's answer."""
    claims = list(claims)
    graph = build_network(claims)
    by_id = {claim.id: claim for claim in claims}
    nodes, seeds = _chosen(graph, selection, query_values)
    # A copy, not a subgraph view: the node limit walks every node's edges, which a view filters slowly.
    chosen = graph if len(nodes) == graph.number_of_nodes() else nx.MultiDiGraph(graph.subgraph(nodes))
    kept, omitted = cap(chosen, selection.max_nodes, keep=seeds)
    shown = nx.MultiDiGraph(chosen.subgraph(kept))
    shown_claims = {key: by_id[key] for _u, _v, key in shown.edges(keys=True)}
    used = {ev.document for claim in shown_claims.values() for ev in claim.evidence}
    return GraphView(shown, shown_claims, {i: d for i, d in documents.items() if i in used}, frozenset(seeds), omitted)


def build_view(store: Store, selection: Selection) -> GraphView:
    """Read the claims from ``store`` and make the view ``selection`` asks for, with the documents it cites."""
    claims = list(store.claims())
    values: list[object] = []
    if selection.query is not None:
        answer = store.query(selection.query, selection.language)
        values = [cell for row in answer.rows for cell in row]
    view = view_of(claims, {}, selection, values)
    cited = {ev.document for claim in view.claims.values() for ev in claim.evidence}
    return replace(view, documents={doc.id: doc for doc in store.documents(cited)})
