"""Options shared by the commands: ``--store`` and the Neo4j options that travel with it."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.cli.options import store_option
from kg.store import Location


@pytest.mark.parametrize("name", ["ingest", "query", "stats", "export", "validate"])
def test_every_store_command_takes_the_neo4j_options(name: str) -> None:
    result = CliRunner(env={"KG_NEO4J_PASSWORD": "visible-if-leaked"}).invoke(main, [name, "--help"])
    assert result.exit_code == 0
    for option in ("--neo4j-user", "--neo4j-password", "--neo4j-database", "KG_NEO4J_PASSWORD"):
        assert option in result.output
    assert "visible-if-leaked" not in result.output


def test_the_command_receives_a_location_that_carries_the_options() -> None:
    seen: list[Location] = []

    @click.command()
    @store_option
    def probe(store: Location) -> None:
        seen.append(store)

    result = CliRunner(env={"KG_NEO4J_DATABASE": "news"}).invoke(
        probe, ["--store", "bolt://db:7687", "--neo4j-password", "s3cret-pass"]
    )
    assert result.exit_code == 0, result.output
    [where] = seen
    assert where == "bolt://db:7687" and str(where) == "bolt://db:7687"
    assert where.options == {"password": "s3cret-pass", "database": "news"}
