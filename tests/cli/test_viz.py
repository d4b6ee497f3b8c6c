"""``kg viz`` through click's test runner: the page it writes, the part of the graph it chooses, the formats,
and one-line errors."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner, Result

from kg.cli import main
from tests.render.conftest import write
from tests.render.graphs import nordwerk, synthetic


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def viz(runner: CliRunner, store: Path, *args: str) -> Result:
    return runner.invoke(main, ["viz", "--store", str(store), *args])


def as_json(result: Result) -> Any:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def labels(data: dict[str, Any]) -> list[str]:
    return sorted(n["label"] for n in data["nodes"])


def test_ingest_then_viz_writes_graph_html(
    runner: CliRunner, articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "store"
    assert runner.invoke(main, ["ingest", str(articles), "--store", str(store)]).exit_code == 0
    monkeypatch.chdir(tmp_path)
    result = viz(runner, store)
    assert result.exit_code == 0, result.output
    page = (tmp_path / "graph.html").read_text("utf-8")
    assert result.stderr.startswith("wrote graph.html: ") and " nodes, " in result.stderr
    assert page.startswith("<!DOCTYPE html>") and "Anna Berger" in page


def test_focus_and_depth_choose_the_neighbourhood(runner: CliRunner, tmp_path: Path) -> None:
    store = write(nordwerk(), tmp_path / "store")
    data = as_json(viz(runner, store, "--focus", "lumen", "--depth", "2", "--format", "json", "-o", "-"))
    assert labels(data) == ["Lumen", "Nordwerk", "Südstahl"] and data["meta"]["focus"] == ["Lumen"]


def test_a_sparql_query_from_a_file_chooses_the_nodes(runner: CliRunner, tmp_path: Path) -> None:
    store = write(nordwerk(), tmp_path / "store")
    rq = tmp_path / "sued.rq"
    rq.write_text("SELECT ?who WHERE { ?who kg:sued ?whom }", "utf-8")
    data = as_json(viz(runner, store, "--sparql", f"@{rq}", "--depth", "1", "--format", "json", "-o", "-"))
    quotes = ["We will not let this pass", "Wir lassen uns das nicht gefallen"]  # a speaker comes with her quotes
    assert labels(data) == ["Jana Maier", "Nordwerk", "Südstahl", *quotes]


@pytest.mark.parametrize(("lang", "label"), [("de", "besitzt"), ("en", "owns")])
def test_lang_chooses_the_language_of_edge_labels(runner: CliRunner, tmp_path: Path, lang: str, label: str) -> None:
    store = write(nordwerk(), tmp_path / "store")
    data = as_json(viz(runner, store, "--lang", lang, "--format", "json", "-o", "-"))
    assert label in {link["label"] for link in data["links"]}


def test_graphml_for_gephi_and_cytoscape(runner: CliRunner, tmp_path: Path) -> None:
    store = write(nordwerk(), tmp_path / "store")
    result = viz(runner, store, "--format", "graphml", "-o", str(tmp_path / "g.graphml"))
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(io.BytesIO((tmp_path / "g.graphml").read_bytes()))
    assert graph.number_of_nodes() == 6


def test_the_node_limit_is_reported(runner: CliRunner, tmp_path: Path) -> None:
    store = write(synthetic(500), tmp_path / "store")
    result = viz(runner, store, "--max-nodes", "50", "-o", str(tmp_path / "g.html"))
    assert result.exit_code == 0, result.output
    assert "50 nodes" in result.stderr and "left out 450 nodes" in result.stderr


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--focus", "Nordwerk", "--sparql", "ASK {}"], 2, "either with --focus or with a query"),
        (["--sparql", "ASK {}", "--cypher", "RETURN 1"], 2, "at most one of --sparql or --cypher"),
        (["--depth", "2"], 2, "--depth counts claims away from --focus or a query's nodes"),
        (["--focus", "Nordwerx"], 2, "kg: error: no entity named 'Nordwerx' in the store (did you mean: Nordwerk?)"),
        (["--cypher", "MATCH (n) RETURN n.id"], 1, "kg: error: this store answers sparql, not cypher [KG300]"),
        (["--sparql", "SELECT ?x WHERE { ?x a kg:Nothing }"], 1, "returned no entity or claim"),
        (["--lang", "xx"], 2, "Invalid value for '--lang'"),
    ],
)
def test_errors_are_one_line(runner: CliRunner, tmp_path: Path, args: list[str], code: int, message: str) -> None:
    store = write(nordwerk(), tmp_path / "store")
    result = viz(runner, store, "-o", str(tmp_path / "g.html"), *args)
    assert result.exit_code == code and message in result.stderr
    assert "Traceback" not in result.output and not (tmp_path / "g.html").exists()


def test_a_missing_store_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    result = viz(runner, tmp_path / "nowhere", "-o", str(tmp_path / "g.html"))
    assert result.exit_code == 1 and result.stderr.startswith("kg: error: no store at")
