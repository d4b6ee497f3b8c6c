"""Views read from a real store: everything, a focus and its depth, the nodes a SPARQL query returns, and the
node limit."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import ConfigError, QueryError
from kg.render.view import GraphView, Selection, build_view
from kg.store import open_store
from tests.render.conftest import write
from tests.render.graphs import synthetic


def view(location: Path, selection: Selection) -> GraphView:
    with open_store(location, readonly=True) as store:
        return build_view(store, selection)


def names(v: GraphView) -> list[str]:
    return sorted(str(v.graph.nodes[n]["label"]) for n in v.graph)


def test_the_whole_graph_with_every_claim_its_evidence_and_their_articles(nordwerk_store: Path) -> None:
    v = view(nordwerk_store, Selection())
    assert v.graph.number_of_nodes() == 6 and len(v.claims) == 6 and v.omitted is None
    sued = next(c for c in v.claims.values() if c.predicate == "sued")
    assert len(sued.evidence) == 2
    assert {d.title for d in v.documents.values()} == {"Nordwerk verklagt Südstahl", "Nordwerk sues rival Südstahl"}


def test_a_focus_reaches_as_far_as_its_depth(nordwerk_store: Path) -> None:
    assert names(view(nordwerk_store, Selection(focus=("Lumen",)))) == ["Lumen", "Südstahl"]
    two = view(nordwerk_store, Selection(focus=("Lumen",), depth=2))
    assert names(two) == ["Lumen", "Nordwerk", "Südstahl"]
    assert [c.predicate for c in two.claims.values()].count("sued") == 1
    assert {two.graph.nodes[n]["label"] for n in two.focus} == {"Lumen"}


def test_a_focus_cites_only_the_articles_its_claims_come_from(nordwerk_store: Path) -> None:
    v = view(nordwerk_store, Selection(focus=("Lumen",)))
    assert [d.title for d in v.documents.values()] == ["Nordwerk sues rival Südstahl"]


def test_an_unknown_focus_is_a_clear_error(nordwerk_store: Path) -> None:
    with pytest.raises(ConfigError, match="no entity named 'Globex'"):
        view(nordwerk_store, Selection(focus=("Globex",)))


def test_a_sparql_query_selects_the_entities_it_returns(nordwerk_store: Path) -> None:
    query = "SELECT ?s ?o WHERE { ?s kg:sued ?o }"
    assert names(view(nordwerk_store, Selection(query=query))) == ["Nordwerk", "Südstahl"]
    wider = view(nordwerk_store, Selection(query=query, depth=1))
    assert "Jana Maier" in names(wider) and "Lumen" in names(wider)


def test_a_query_can_return_names(nordwerk_store: Path) -> None:
    query = "SELECT ?name WHERE { ?s kg:owns ?o ; schema:name ?name }"
    assert names(view(nordwerk_store, Selection(query=query))) == ["Südstahl"]


def test_cypher_on_a_store_that_answers_sparql_is_a_query_error(nordwerk_store: Path) -> None:
    with pytest.raises(QueryError, match="answers sparql, not cypher"):
        view(nordwerk_store, Selection(query="MATCH (n) RETURN n.id", language="cypher"))


def test_a_big_store_is_held_to_the_node_limit(tmp_path: Path) -> None:
    location = write(synthetic(5000), tmp_path / "big")
    v = view(location, Selection(max_nodes=300))
    assert v.graph.number_of_nodes() == 300
    assert v.omitted is not None and v.omitted.nodes + 300 == 5000
    assert set(v.claims) == {key for _u, _v, key in v.graph.edges(keys=True)}
