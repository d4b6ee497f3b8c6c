"""Which nodes of the network a view shows: named entities or what a query returned, and their neighbourhood.

Nodes are those of :func:`kg.network.build_network`: entity ids, and ``quote:<claim id>`` for each quote.
A quote chosen comes with its speaker, and a speaker chosen with its quotes: one is not read without the other.

>>> from kg.model import *
>>> from kg.network import build_network
>>> acme, globex = Entity.named("Acme", EntityType.ORGANIZATION), Entity.named("Globex", EntityType.ORGANIZATION)
>>> g = build_network([Claim.relation(acme, "sued", globex), Claim.quote(globex, "We will win.")])
>>> seeds = seeds_by_name(g, ["acme"])
>>> sorted(g.nodes[n]["label"] for n in neighbourhood(g, seeds, depth=1))
['Acme', 'Globex', 'We will win.']
>>> sorted(g.nodes[n]["label"] for n in seeds_from_values(g, ["We will win."]))
['Globex', 'We will win.']
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

import networkx as nx

from kg.errors import ConfigError, QueryError
from kg.model import normalize_text
from kg.network import QUOTE_TYPE
from kg.vocab import iri

__all__ = ["neighbourhood", "seeds_by_name", "seeds_from_values", "with_quotes"]


def _key(text: str) -> str:
    return normalize_text(text).casefold()


def _names(graph: nx.MultiDiGraph, node: str) -> list[str]:
    data = graph.nodes[node]
    aliases = [a for a in str(data.get("aliases") or "").split("; ") if a]
    return [str(data["label"]), *aliases]


def seeds_by_name(graph: nx.MultiDiGraph, names: Iterable[str]) -> set[str]:
    """The entity nodes named (or aliased) ``names``, compared without regard to case and spacing."""
    index: dict[str, set[str]] = {}
    for node, data in graph.nodes(data=True):
        if data["type"] != QUOTE_TYPE:
            for name in _names(graph, node):
                index.setdefault(_key(name), set()).add(node)
    found: set[str] = set()
    for name in names:
        hits = index.get(_key(name))
        if not hits:
            close = difflib.get_close_matches(_key(name), list(index), n=5, cutoff=0.6)
            labels = dict.fromkeys(str(graph.nodes[n]["label"]) for c in close for n in sorted(index[c]))
            hint = f" (did you mean: {', '.join(list(labels)[:3])}?)" if labels else ""
            raise ConfigError(f"no entity named {name!r} in the store{hint}")
        found |= hits
    return found


def _value_index(graph: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Every way a query answer can name a node: IRI, id, name, alias, quote text, or a claim's IRI or id."""
    index: dict[str, set[str]] = {}

    def add(key: str, *nodes: str) -> None:
        index.setdefault(key, set()).update(nodes)

    for node in graph.nodes:
        if graph.nodes[node]["type"] != QUOTE_TYPE:
            add(node, node)
            add(iri("entity", node), node)
        for name in _names(graph, node):
            add(_key(name), node)
    for u, v, claim in graph.edges(keys=True):
        add(claim, u, v)
        add(iri("claim", claim), u, v)
    return index


def seeds_from_values(graph: nx.MultiDiGraph, values: Iterable[object]) -> set[str]:
    """The nodes a query's answer names; a claim names both its ends. Raises if it names none."""
    index = _value_index(graph)
    found: set[str] = set()
    for value in values:
        if isinstance(value, str):
            found |= index.get(value) or index.get(_key(value)) or set()
    if not found:
        raise QueryError("the query returned no entity or claim of the graph: select entity IRIs, ids or names")
    return with_quotes(graph, found)


def with_quotes(graph: nx.MultiDiGraph, nodes: set[str]) -> set[str]:
    """``nodes`` with the quotes of each speaker among them and the speaker of each quote among them."""
    out = set(nodes)
    for node in nodes:
        if graph.nodes[node]["type"] == QUOTE_TYPE:
            out.update(graph.predecessors(node))
        else:
            out.update(n for n in graph.successors(node) if graph.nodes[n]["type"] == QUOTE_TYPE)
    return out


def neighbourhood(graph: nx.MultiDiGraph, seeds: set[str], depth: int) -> set[str]:
    """The nodes at most ``depth`` claims away from ``seeds``, whichever way the claims point."""
    seen = set(seeds)
    frontier = set(seeds)
    for _ in range(depth):
        frontier = {n for node in frontier for n in nx.all_neighbors(graph, node)} - seen
        seen |= frontier
    return with_quotes(graph, seen)
