"""Choosing nodes: by name or alias, by what a query returned, and by distance from them."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.errors import ConfigError, QueryError
from kg.network import build_network
from kg.render.selection import neighbourhood, seeds_by_name, seeds_from_values
from kg.vocab import iri
from tests.render.graphs import nordwerk


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    return build_network(nordwerk().claims)


def labels(graph: nx.MultiDiGraph, nodes: set[str]) -> list[str]:
    return sorted(str(graph.nodes[n]["label"]) for n in nodes)


def node(graph: nx.MultiDiGraph, label: str) -> str:
    return next(n for n, data in graph.nodes(data=True) if data["label"] == label)


def test_a_name_or_alias_finds_its_entity_whatever_the_case(graph: nx.MultiDiGraph) -> None:
    assert labels(graph, seeds_by_name(graph, ["jana  MAIER"])) == ["Jana Maier"]
    assert labels(graph, seeds_by_name(graph, ["Nordwerk AG", "Lumen"])) == ["Lumen", "Nordwerk"]


def test_an_unknown_name_is_an_error_that_suggests_close_ones(graph: nx.MultiDiGraph) -> None:
    with pytest.raises(ConfigError, match=r"no entity named 'Jana Meier'.*did you mean: Jana Maier"):
        seeds_by_name(graph, ["Jana Meier"])


def test_depth_counts_claims_in_either_direction(graph: nx.MultiDiGraph) -> None:
    lumen = seeds_by_name(graph, ["Lumen"])
    assert labels(graph, neighbourhood(graph, lumen, 0)) == ["Lumen"]
    assert labels(graph, neighbourhood(graph, lumen, 1)) == ["Lumen", "Südstahl"]
    assert labels(graph, neighbourhood(graph, lumen, 2)) == ["Lumen", "Nordwerk", "Südstahl"]


def test_a_speaker_comes_with_its_quotes(graph: nx.MultiDiGraph) -> None:
    shown = labels(graph, neighbourhood(graph, seeds_by_name(graph, ["Jana Maier"]), 0))
    assert shown == ["Jana Maier", "We will not let this pass", "Wir lassen uns das nicht gefallen"]


def test_query_values_name_nodes_by_iri_id_name_quote_or_claim(graph: nx.MultiDiGraph) -> None:
    suedstahl, lumen = node(graph, "Südstahl"), node(graph, "Lumen")
    assert labels(graph, seeds_from_values(graph, [iri("entity", suedstahl)])) == ["Südstahl"]
    assert labels(graph, seeds_from_values(graph, [lumen, None, 3])) == ["Lumen"]
    assert labels(graph, seeds_from_values(graph, ["nordwerk ag"])) == ["Nordwerk"]
    owns = next(key for u, v, key in graph.edges(keys=True) if (u, v) == (suedstahl, lumen))
    assert labels(graph, seeds_from_values(graph, [iri("claim", owns)])) == ["Lumen", "Südstahl"]
    # A quote comes with its speaker, not with the speaker's other quotes.
    assert labels(graph, seeds_from_values(graph, ["We will not let this pass"])) == [
        "Jana Maier",
        "We will not let this pass",
    ]


def test_a_query_that_names_nothing_of_the_graph_is_an_error(graph: nx.MultiDiGraph) -> None:
    with pytest.raises(QueryError, match="no entity or claim"):
        seeds_from_values(graph, ["nobody", 42])
