"""The commands against Neo4j over Bolt: the store chosen by a bolt:// location (option or $KG_STORE), its
user, password and database from options or the environment, Cypher queries with parameters, and a password
that no output ever shows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from tests.arcadedb import BoltServer

pytestmark = pytest.mark.neo4j

QUOTES_BY = "MATCH (s:Person {name: $who})-[:SAID]->(q:Claim) RETURN s.name AS who, q.content AS what"


@pytest.fixture
def runner(bolt_env: dict[str, str], articles: Path) -> CliRunner:
    """A runner whose environment names the test server, which holds the fixture articles."""
    runner = CliRunner(env=bolt_env)
    result = runner.invoke(main, ["ingest", str(articles)])
    assert result.exit_code == 0, result.output
    assert "documents: 5 new" in result.stdout
    return runner


def test_ingest_again_adds_nothing_and_never_shows_the_password(
    runner: CliRunner, articles: Path, bolt: BoltServer
) -> None:
    again = runner.invoke(main, ["ingest", str(articles)])
    assert "documents: 0 new, 5 unchanged" in again.stdout and "claims added: 0" in again.stdout
    assert f"(store: {bolt.uri})" in again.stdout
    assert bolt.password not in again.output


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_cypher_query_with_a_parameter_from_a_file(runner: CliRunner, tmp_path: Path, fmt: str) -> None:
    question = tmp_path / "quotes.cypher"
    question.write_text(QUOTES_BY, "utf-8")
    result = runner.invoke(main, ["query", "--cypher", f"@{question}", "--param", "who=Paul Roth", "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert json.loads(result.stdout) == [
            {"who": "Paul Roth", "what": "Das ist die größte Investition seit der Wende"}
        ]
    elif fmt == "csv":
        assert result.stdout.splitlines() == ["who,what", "Paul Roth,Das ist die größte Investition seit der Wende"]
    else:
        assert "Paul Roth" in result.stdout and "(1 row)" in result.stdout


def test_a_parameter_is_data_never_cypher(runner: CliRunner) -> None:
    hostile = "x'}) MATCH (n) DETACH DELETE n //"
    result = runner.invoke(main, ["query", "--cypher", QUOTES_BY, "--param", f"who={hostile}", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []
    stats = runner.invoke(main, ["stats", "--json"])
    assert json.loads(stats.stdout)["documents"] == 5


def test_stats_and_export_read_neo4j(runner: CliRunner, tmp_path: Path) -> None:
    figures = json.loads(runner.invoke(main, ["stats", "--json"]).stdout)
    assert figures["documents"] == 5 and figures["predicates"]["said"] >= 5 and figures["relationships"] > 0
    out = tmp_path / "graph.ttl"
    result = runner.invoke(main, ["export", "--format", "turtle", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Anna Berger" in out.read_text("utf-8")


def test_options_may_come_in_any_order_and_override_the_environment(runner: CliRunner, bolt: BoltServer) -> None:
    args = ["stats", "--json", "--neo4j-database", bolt.database, "--store", bolt.uri, "--neo4j-user", bolt.user]
    result = runner.invoke(main, [*args, "--neo4j-password", bolt.password], env={"KG_NEO4J_PASSWORD": "wrong-one-1"})
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["documents"] == 5


def test_a_wrong_password_is_one_line_without_the_password(runner: CliRunner, bolt: BoltServer) -> None:
    result = runner.invoke(main, ["stats", "--neo4j-password", "wrong-one-2"])
    assert result.exit_code == 1
    assert result.stderr.startswith("kg: error: Neo4j at") and result.stderr.count("\n") == 1
    assert "authentication failed" in result.stderr and "[KG200]" in result.stderr
    assert "wrong-one-2" not in result.output and bolt.password not in result.output


def test_cypher_is_refused_by_the_embedded_store(runner: CliRunner, tmp_path: Path, articles: Path) -> None:
    local = tmp_path / "store"
    runner.invoke(main, ["ingest", str(articles / "werk.de.txt"), "--store", str(local)])
    result = runner.invoke(main, ["query", "--cypher", "MATCH (n) RETURN n", "--store", str(local)])
    assert result.exit_code == 1 and "this store answers sparql, not cypher" in result.stderr
