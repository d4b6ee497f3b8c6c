"""Every command, through click's test runner: help texts, the summary of an ingest, the contract of an
extract, the formats of a query, and one-line errors for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import COMMANDS, EXIT_PARTIAL, main
from kg.contract import validate_record


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help(runner: CliRunner, name: str) -> None:
    result = runner.invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Usage: main" in result.output or f"Usage: kg {name}" in result.output or "Usage:" in result.output
    first_line = result.output.split("\n\n")[1].strip()
    assert len(first_line) > 20, f"kg {name} needs a help text"


def test_the_main_help_lists_every_command(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    assert all(name in result.output for name in COMMANDS)


def test_ingest_reports_new_then_unchanged(runner: CliRunner, articles: Path, store_dir: Path) -> None:
    first = runner.invoke(main, ["ingest", str(articles), "--store", str(store_dir)])
    assert first.exit_code == 0, first.output
    assert "documents: 5 new, 0 unchanged, 0 failed" in first.output
    second = runner.invoke(main, ["ingest", str(articles), "--store", str(store_dir)])
    assert "documents: 0 new, 5 unchanged, 0 failed" in second.output
    assert "claims added: 0" in second.output


def test_the_store_comes_from_kg_store_when_not_given(runner: CliRunner, articles: Path, store_dir: Path) -> None:
    result = runner.invoke(main, ["ingest", str(articles / "werk.de.txt")], env={"KG_STORE": str(store_dir)})
    assert result.exit_code == 0 and (store_dir / "CURRENT").exists()


def test_bad_inputs_are_reported_one_line_each_and_the_rest_is_stored(
    runner: CliRunner, articles: Path, store_dir: Path
) -> None:
    (articles / "empty.txt").write_bytes(b"")
    (articles / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 10)
    (articles / "latin1.txt").write_bytes("Der Bürgermeister sagte, die Brücke sei fertig.".encode("latin-1"))
    (articles / "broken.jsonl").write_text('{"text": "Er sagte, das sei gut und richtig so."}\n{broken\n', "utf-8")
    (articles / "broken.html").write_bytes(b"<html><body><div></div></body>")
    result = runner.invoke(main, ["ingest", str(articles), str(articles / "missing.txt"), "--store", str(store_dir)])
    assert result.exit_code == EXIT_PARTIAL
    errors = [line for line in result.stderr.splitlines() if line.startswith("kg: error:")]
    assert len(errors) == 5
    assert all(
        name in result.stderr for name in ("empty.txt", "binary.txt", "broken.jsonl:2", "broken.html", "missing.txt")
    )
    assert "Traceback" not in result.output
    assert "documents: 7 new, 0 unchanged, 5 failed" in result.stdout


def test_extract_writes_claims_that_follow_the_contract(runner: CliRunner, articles: Path) -> None:
    result = runner.invoke(main, ["extract", str(articles), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) >= 5
    for record in records:
        validate_record(record)


def test_extract_table_is_readable(runner: CliRunner, articles: Path) -> None:
    result = runner.invoke(main, ["extract", str(articles / "werk.de.txt"), "--format", "table"])
    assert result.exit_code == 0
    assert "Anna Berger" in result.stdout and "Wir investieren hier eine Milliarde Euro" in result.stdout


def test_extract_does_not_read_its_own_output(runner: CliRunner, articles: Path) -> None:
    out = articles / "claims.jsonl"
    result = runner.invoke(main, ["extract", str(articles), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert all(json.loads(line)["evidence"]["source"] != str(out) for line in out.read_text("utf-8").splitlines())


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_query_formats(runner: CliRunner, articles: Path, store_dir: Path, fmt: str) -> None:
    runner.invoke(main, ["ingest", str(articles), "--store", str(store_dir)])
    query = "SELECT ?who WHERE { ?s kg:said ?what ; schema:name ?who } ORDER BY ?who"
    result = runner.invoke(main, ["query", "--sparql", query, "--format", fmt, "--store", str(store_dir)])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert {"who": "Anna Berger"} in json.loads(result.stdout)
    elif fmt == "csv":
        assert result.stdout.splitlines()[0] == "who" and "Anna Berger" in result.stdout.splitlines()
    else:
        assert "Anna Berger" in result.stdout and "rows)" in result.stdout


def test_query_parameters_and_query_files(runner: CliRunner, articles: Path, store_dir: Path, tmp_path: Path) -> None:
    runner.invoke(main, ["ingest", str(articles), "--store", str(store_dir)])
    rq = tmp_path / "quotes.rq"
    rq.write_text("SELECT ?who ?what WHERE { ?s kg:said ?what ; schema:name ?who }", "utf-8")
    result = runner.invoke(
        main, ["query", "--sparql", f"@{rq}", "--param", "who=Paul Roth", "--format", "json", "--store", str(store_dir)]
    )
    assert result.exit_code == 0, result.output
    assert [r["what"] for r in json.loads(result.stdout)] == ["Das ist die größte Investition seit der Wende"]


def test_query_errors_are_one_line(runner: CliRunner, articles: Path, store_dir: Path) -> None:
    runner.invoke(main, ["ingest", str(articles / "werk.de.txt"), "--store", str(store_dir)])
    result = runner.invoke(main, ["query", "--sparql", "SELECT WHERE {", "--store", str(store_dir)])
    assert result.exit_code == 1
    assert result.stderr.startswith("kg: error: SPARQL syntax error") and result.stderr.count("\n") == 1
    missing = runner.invoke(main, ["query", "--sparql", "ASK {}", "--store", str(store_dir / "nope")])
    assert missing.exit_code == 1 and "no store at" in missing.stderr


def test_stats(runner: CliRunner, articles: Path, store_dir: Path) -> None:
    runner.invoke(main, ["ingest", str(articles), "--store", str(store_dir)])
    result = runner.invoke(main, ["stats", "--json", "--store", str(store_dir)])
    figures = json.loads(result.stdout)
    assert figures["documents"] == 5 and figures["claims"] >= 5 and figures["predicates"]["said"] >= 5


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads", "jsonld", "graphml"])
def test_export_writes_a_file(runner: CliRunner, articles: Path, store_dir: Path, tmp_path: Path, fmt: str) -> None:
    runner.invoke(main, ["ingest", str(articles), "--store", str(store_dir)])
    out = tmp_path / f"graph.{fmt}"
    result = runner.invoke(main, ["export", "--format", fmt, "-o", str(out), "--store", str(store_dir)])
    assert result.exit_code == 0, result.output
    assert "Anna Berger" in out.read_text("utf-8")


def test_validate_passes_on_an_ingested_store(runner: CliRunner, articles: Path, store_dir: Path) -> None:
    runner.invoke(main, ["ingest", str(articles), "--store", str(store_dir)])
    result = runner.invoke(main, ["validate", "--store", str(store_dir)])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.stdout
