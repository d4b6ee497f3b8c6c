"""The view as files for other tools: GraphML that networkx (like Gephi and Cytoscape) reads back, and
node-link JSON, compared with a golden file."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import networkx as nx
import pytest

from kg.errors import ConfigError
from kg.registry import renderers
from kg.render.base import render_to
from kg.render.view import Selection, view_of
from tests.render.graphs import nordwerk, synthetic

GOLDEN = Path(__file__).parent / "golden" / "nordwerk.json"


def rendered(fmt: str, lang: str = "auto", selection: Selection | None = None) -> bytes:
    graph = nordwerk()
    out = io.BytesIO()
    render_to(view_of(graph.claims, graph.documents, selection or Selection()), fmt, out, lang)
    return out.getvalue()


def test_the_formats_are_registered_components() -> None:
    assert {"html", "graphml", "json"} <= set(renderers.names())
    with pytest.raises(ConfigError, match="no renderer named 'pdf'"):
        rendered("pdf")


def test_json_matches_the_golden_file() -> None:
    """Regenerate after an intended change with KG_UPDATE_GOLDEN=1."""
    text = rendered("json").decode("utf-8")
    if os.environ.get("KG_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, "utf-8")
    assert json.loads(text) == json.loads(GOLDEN.read_text("utf-8"))


def test_json_is_node_link_data_networkx_and_d3_read() -> None:
    data = json.loads(rendered("json"))
    graph = nx.node_link_graph(data, directed=True, multigraph=True, edges="links")
    assert graph.number_of_nodes() == 6 and graph.number_of_edges() == 6


def test_graphml_reads_back_with_labels_in_the_language_asked_for() -> None:
    graph = nx.read_graphml(io.BytesIO(rendered("graphml", lang="de")))
    labels = sorted(d["label"] for _u, _v, d in graph.edges(data=True))
    assert labels == ["besitzt", "gründete", "leitet", "sagte", "sagte", "verklagte"]
    assert {d["type"] for _n, d in graph.nodes(data=True)} == {"Person", "Organization", "Platform", "Quote"}


def test_graphml_of_a_capped_view_says_what_was_left_out() -> None:
    graph = synthetic(400)
    out = io.BytesIO()
    render_to(view_of(graph.claims, graph.documents, Selection(max_nodes=50)), "graphml", out)
    read = nx.read_graphml(io.BytesIO(out.getvalue()))
    assert read.number_of_nodes() == 50 and read.graph["omitted_nodes"] == 350
