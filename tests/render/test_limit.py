"""The node limit: the most connected nodes stay, no node is left without an edge, and what is left out is
counted."""

from __future__ import annotations

import networkx as nx

from kg.network import build_network
from kg.render.limit import cap
from tests.render.graphs import synthetic


def star(leaves: int, centre: str = "hub") -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node(centre, label=centre, type="Organization")
    for i in range(leaves):
        g.add_node(f"{centre}-{i}", label=f"{centre} leaf {i}", type="Person")
        g.add_edge(f"{centre}-{i}", centre, evidence_count=1)
    return g


def test_a_graph_within_the_limit_is_kept_whole() -> None:
    kept, omitted = cap(star(5), 6)
    assert len(kept) == 6 and omitted is None


def test_the_most_connected_nodes_stay() -> None:
    g = nx.compose(star(10, "big"), star(3, "small"))
    g.add_edge("small", "big", evidence_count=1)
    kept, omitted = cap(g, 5)
    assert {"big", "small"} <= kept and len(kept) == 5
    assert omitted is not None and omitted.nodes == len(g) - 5 and omitted.limit == 5


def test_no_kept_node_floats_alone() -> None:
    g = nx.compose(star(4, "a"), star(4, "b"))
    kept, _omitted = cap(g, 7)
    assert all(any(n in kept for n in nx.all_neighbors(g, node)) for node in kept)


def test_nodes_to_keep_stay_even_if_poorly_connected() -> None:
    g = star(20)
    g.add_node("lonely", label="Lonely", type="Person")
    g.add_edge("lonely", "hub-0", evidence_count=1)
    kept, _omitted = cap(g, 4, keep={"lonely"})
    assert "lonely" in kept and len(kept) == 4


def test_what_is_left_out_is_counted_by_type_with_the_best_connected_names() -> None:
    graph = build_network(synthetic(1000).claims)
    kept, omitted = cap(graph, 200)
    assert omitted is not None
    assert omitted.nodes == graph.number_of_nodes() - len(kept) == sum(omitted.by_type.values())
    inside = sum(1 for u, v in graph.edges() if u in kept and v in kept)
    assert omitted.edges == graph.number_of_edges() - inside
    assert set(omitted.by_type) <= {"Person", "Organization", "Quote"} and omitted.examples
    degrees = [graph.degree(n) for n in kept]
    assert min(degrees) >= 1 and max(graph.degree(n) for n in graph if n not in kept) <= max(degrees)


def test_of_equally_connected_nodes_quotes_stay_first() -> None:
    g = nx.MultiDiGraph()
    g.add_node("speaker", label="Speaker", type="Person")
    g.add_node("quote:1", label="Words", type="Quote")
    g.add_node("employer", label="Employer", type="Organization")
    g.add_edge("speaker", "quote:1", evidence_count=1)
    g.add_edge("speaker", "employer", evidence_count=1)
    kept, _omitted = cap(g, 2)
    assert kept == {"speaker", "quote:1"}
