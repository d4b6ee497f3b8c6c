"""The node limit that keeps big graphs usable: the most connected nodes stay, none without an edge, and what
was left out is counted so that the view can say so.

>>> g = nx.MultiDiGraph()
>>> g.add_nodes_from([(n, {"label": n, "type": "Person"}) for n in "abcde"])
>>> _ = g.add_edges_from([("a", "b"), ("a", "c"), ("a", "d"), ("d", "e")])
>>> kept, omitted = cap(g, 3)
>>> sorted(kept), omitted.nodes, omitted.edges, omitted.examples
(['a', 'b', 'd'], 2, 2, ('c', 'e'))
>>> cap(g, 10)[1] is None
True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field

import networkx as nx

from kg.network import QUOTE_TYPE

__all__ = ["Omitted", "cap"]

#: How many names of left-out entities a view lists.
EXAMPLES = 12


@dataclass(frozen=True)
class Omitted:
    """What a node limit left out: counts of nodes (by type) and claims, and the best connected names."""

    limit: int
    nodes: int
    edges: int
    by_type: dict[str, int] = field(default_factory=dict)
    examples: tuple[str, ...] = ()


def _ranking(graph: nx.MultiDiGraph) -> Callable[[str], tuple[int, int, bool, str, str]]:
    claims: Counter[str] = Counter()
    evidence: Counter[str] = Counter()
    for u, v, data in graph.edges(data=True):
        for end in (u, v):
            claims[end] += 1
            evidence[end] += int(data.get("evidence_count", 0))

    def rank(node: str) -> tuple[int, int, bool, str, str]:
        data = graph.nodes[node]
        return (-claims[node], -evidence[node], data["type"] != QUOTE_TYPE, str(data["label"]).casefold(), node)

    return rank


def _linked(graph: nx.MultiDiGraph, node: str, kept: Collection[str]) -> bool:
    return any(n in kept for n in nx.all_neighbors(graph, node))


def _choose(graph: nx.MultiDiGraph, ranked: list[str], limit: int, keep: Collection[str]) -> set[str]:
    kept = set(keep)
    kept.update([n for n in ranked if n not in kept][: max(0, limit - len(kept))])
    # A node whose neighbours all fell out would float alone; its place goes to a node next to the kept ones.
    kept = {n for n in kept if n in keep or _linked(graph, n, kept)}
    for node in ranked:
        if len(kept) >= limit:
            break
        if node not in kept and _linked(graph, node, kept):
            kept.add(node)
    return kept


def _omitted(graph: nx.MultiDiGraph, ranked: Iterable[str], kept: set[str], limit: int) -> Omitted:
    left = [n for n in ranked if n not in kept]
    inside = sum(1 for u, v in graph.edges() if u in kept and v in kept)
    types = Counter(str(graph.nodes[n]["type"]) for n in left)
    names = [str(graph.nodes[n]["label"]) for n in left if graph.nodes[n]["type"] != QUOTE_TYPE]
    return Omitted(limit, len(left), graph.number_of_edges() - inside, dict(types), tuple(names[:EXAMPLES]))


def cap(graph: nx.MultiDiGraph, limit: int, keep: Collection[str] = ()) -> tuple[set[str], Omitted | None]:
    """At most ``limit`` nodes of ``graph`` (more only if ``keep``, which always stays, is larger).

    Nodes rank by the number of claims they take part in, then by their evidence; of the same rank, quotes
    come first, because who said what is what a reader looks for. Returns the nodes kept and what was left
    out (None if nothing was).
    """
    if graph.number_of_nodes() <= limit:
        return set(graph.nodes), None
    ranked = sorted(graph.nodes, key=_ranking(graph))
    kept = _choose(graph, ranked, limit, keep)
    return kept, _omitted(graph, ranked, kept, limit)
