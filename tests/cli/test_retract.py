"""``kg retract``, on each backend: a document named by id, path, path:line, URL, or a file or folder read
again, goes with its evidence and everything only it supports; what other documents support stays."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kg.api import validate
from kg.cli import EXIT_PARTIAL, main
from kg.store import Location


@pytest.fixture
def runner(request: pytest.FixtureRequest, location: Location) -> CliRunner:
    """A runner for the store of each backend; a server's user and password come from the environment."""
    return CliRunner(env=request.getfixturevalue("bolt_env")) if location.options else CliRunner()


def _kg(runner: CliRunner, *args: str | Path) -> Result:
    return runner.invoke(main, [str(a) for a in args])


def _stats(runner: CliRunner, store: Location) -> dict[str, int]:
    figures = json.loads(_kg(runner, "stats", "--json", "--store", store).stdout)
    return {k: figures[k] for k in ("documents", "claims", "evidence", "entities")}


@pytest.fixture
def stored(runner: CliRunner, articles: Path, location: Location) -> Location:
    # A second report of the works article: the same claims (two quotes, three relations), from another document.
    werk = (articles / "werk.de.txt").read_text("utf-8")
    (articles / "werk-zweitmeldung.de.txt").write_text(werk + "\nDie Meldung wurde aktualisiert.\n", "utf-8")
    assert _kg(runner, "ingest", articles, "--store", location).exit_code == 0
    return location


def test_retracting_a_path_keeps_the_claims_another_document_supports(
    runner: CliRunner, articles: Path, stored: Location
) -> None:
    before = _stats(runner, stored)
    result = _kg(runner, "retract", articles / "werk.de.txt", "--store", stored)
    assert result.exit_code == 0, result.output
    assert "documents: 1 retracted; claims removed: 0; evidence removed: 5; entities removed: 0" in result.stdout
    assert _stats(runner, stored) == {
        **before,
        "documents": before["documents"] - 1,
        "evidence": before["evidence"] - 5,
    }
    language = "--cypher" if stored.options else "--sparql"
    said = _kg(runner, "query", language, SAID_SOURCES[language], "--format", "csv", "--store", stored)
    assert set(said.stdout.splitlines()[1:]) == {str(articles / "werk-zweitmeldung.de.txt"), *_others(articles)}
    assert validate(stored).conforms


#: The sources of the documents that support a kg:said claim, in each store's query language.
SAID_SOURCES = {
    "--sparql": "SELECT ?source WHERE { ?e kg:supports ?c . ?c rdf:predicate kg:said . "
    "?e prov:wasGeneratedBy/prov:used/kg:source ?source }",
    "--cypher": "MATCH (d:Document)<-[:FROM]-(:Evidence)-[:SUPPORTS]->(:Claim {predicate: 'said'}) "
    "RETURN DISTINCT d.source AS source",
}


def _others(articles: Path) -> set[str]:
    return {str(articles / "bakery.en.txt"), str(articles / "hafen.de.html"), *_wire(articles)}


def _wire(articles: Path) -> set[str]:
    return {f"{articles / 'wire.jsonl'}:1", f"{articles / 'wire.jsonl'}:2"}


def test_the_last_document_of_a_claim_takes_it_and_its_entities_along(
    runner: CliRunner, articles: Path, stored: Location
) -> None:
    _kg(runner, "retract", articles / "werk.de.txt", "--store", stored)
    result = _kg(runner, "retract", articles / "werk-zweitmeldung.de.txt", "--store", stored)
    assert "documents: 1 retracted; claims removed: 5; evidence removed: 5; entities removed: 3" in result.stdout
    names = _kg(
        runner, "query", "--sparql", "SELECT ?n WHERE { ?e schema:name ?n }", "--format", "csv", "--store", stored
    )
    assert "Anna Berger" not in names.stdout and "Paul Roth" not in names.stdout
    assert validate(stored).conforms


@pytest.mark.parametrize(
    "name",
    [
        "a document id",
        "the path:line of a JSON Lines record",
        "its URL",
        "the file, read again from a copy elsewhere",
        "the path spelled differently",
    ],
)
def test_a_document_can_be_named_in_every_way(
    runner: CliRunner, articles: Path, stored: Location, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    listed = _kg(runner, "retract", "--dry-run", articles / "wire.jsonl", "--store", stored)
    doc_id = listed.stdout.split()[2]
    copy = tmp_path / "copy.jsonl"
    shutil.copy(articles / "wire.jsonl", copy)
    monkeypatch.chdir(articles.parent)
    source = {
        "a document id": doc_id,
        "the path:line of a JSON Lines record": f"{articles / 'wire.jsonl'}:1",
        "its URL": "https://example.org/klinik",
        "the file, read again from a copy elsewhere": str(copy),
        "the path spelled differently": f"./{articles.name}/../{articles.name}/wire.jsonl",
    }[name]
    result = _kg(runner, "retract", source, "--store", stored)
    assert result.exit_code == 0, result.output
    assert f"retracted {doc_id}  {articles / 'wire.jsonl'}:1" in result.stdout


def test_a_folder_retracts_all_it_holds(runner: CliRunner, articles: Path, stored: Location) -> None:
    result = _kg(runner, "retract", articles, "--store", stored)
    assert result.exit_code == 0, result.output
    assert _stats(runner, stored) == {"documents": 0, "claims": 0, "evidence": 0, "entities": 0}
    assert validate(stored).conforms


def test_a_dry_run_changes_nothing(runner: CliRunner, articles: Path, stored: Location) -> None:
    before = _stats(runner, stored)
    result = _kg(runner, "retract", "--dry-run", articles, "--store", stored)
    assert result.exit_code == 0 and result.stdout.count("would retract") == 6
    assert _stats(runner, stored) == before


def test_a_source_that_names_nothing_is_reported_and_the_rest_retracted(
    runner: CliRunner, articles: Path, stored: Location
) -> None:
    result = _kg(runner, "retract", "no/such/article.txt", articles / "bakery.en.txt", "--store", stored)
    assert result.exit_code == EXIT_PARTIAL
    assert result.stderr == (
        "kg: error: no/such/article.txt: names no document in the store (give a document id, the path or URL it "
        "was read from, or the file) [KG110]\n"
    )
    assert "documents: 1 retracted" in result.stdout


def test_a_file_name_with_quotes_and_a_line_break_is_retracted_and_reported_on_one_line(
    runner: CliRunner, articles: Path, location: Location
) -> None:
    hostile = articles / 'a "b" }; DROP ALL\nc.txt'
    hostile.write_text((articles / "bakery.en.txt").read_text("utf-8") + "\nUpdated at noon.\n", "utf-8")
    (articles / 'x "}) DETACH DELETE n\n.txt').write_bytes(b"")
    ingested = _kg(runner, "ingest", articles, "--store", location)
    assert ingested.exit_code == EXIT_PARTIAL and ingested.stderr.count("\n") == 1
    assert 'x "}) DETACH DELETE n\\n.txt: the article is empty' in ingested.stderr
    before = _stats(runner, location)
    result = _kg(runner, "retract", hostile, "--store", location)
    assert result.exit_code == 0, result.output
    after = _stats(runner, location)
    assert (after["documents"], after["claims"]) == (before["documents"] - 1, before["claims"])
