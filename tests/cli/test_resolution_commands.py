"""kg entities, kg merge and kg split through click's test runner, on a real store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

ARTICLE = "Die Nordwind AG hat die Helios GmbH verklagt. Die Borea GmbH hat die Helios GmbH ebenfalls verklagt.\n"


@pytest.fixture
def store(tmp_path: Path, store_dir: Path) -> str:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, "utf-8")
    result = CliRunner().invoke(main, ["ingest", str(article), "--store", str(store_dir)])
    assert result.exit_code == 0, result.output
    return str(store_dir)


def test_entities_lists_names_types_and_mentions(store: str) -> None:
    result = CliRunner().invoke(main, ["entities", "--store", store, "--name", "helios", "--mentions"])
    assert result.exit_code == 0, result.output
    assert "Helios GmbH  [Organization]" in result.stdout and "claims: 2" in result.stdout
    assert result.stdout.count("a.txt:") == 2 and "(1 entity)" in result.stdout


def test_entities_as_json_filtered_by_type(store: str) -> None:
    result = CliRunner().invoke(main, ["entities", "--store", store, "--type", "Organization", "--format", "json"])
    records = json.loads(result.stdout)
    assert {r["name"] for r in records} == {"Nordwind AG", "Helios GmbH", "Borea GmbH"}


def test_merge_and_split_report_what_moved_and_entities_show_it(store: str) -> None:
    merged = CliRunner().invoke(main, ["merge", "Borea GmbH", "Nordwind AG", "--store", store])
    assert merged.exit_code == 0 and "1 claim(s) moved" in merged.stdout
    listing = CliRunner().invoke(main, ["entities", "--store", store, "--name", "nordwind"])
    assert "merged from: Borea GmbH" in listing.stdout and "aliases: Borea GmbH" in listing.stdout
    back = CliRunner().invoke(main, ["split", "Nordwind AG", "--alias", "Borea GmbH", "--store", store])
    assert back.exit_code == 0 and "split 'Borea GmbH' off 'Nordwind AG'" in back.stdout
    listing = CliRunner().invoke(main, ["entities", "--store", store, "--name", "nordwind"])
    assert "aliases" not in listing.stdout
    validated = CliRunner().invoke(main, ["validate", "--store", store])
    assert validated.exit_code == 0, validated.output


def test_a_bad_correction_is_one_line_on_stderr(store: str) -> None:
    result = CliRunner().invoke(main, ["merge", "Nobody", "Nordwind AG", "--store", store])
    assert result.exit_code == 1
    assert result.stderr.startswith("kg: error: no entity named 'Nobody'") and result.stderr.count("\n") == 1
    result = CliRunner().invoke(
        main, ["split", "Helios GmbH", "--alias", "X", "--document", "nope.txt", "--store", store]
    )
    assert result.exit_code == 1 and "names 0 stored documents" in result.stderr
