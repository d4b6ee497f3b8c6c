"""kg entities, kg merge and kg split through click's test runner, on a real store of each backend: the embedded
one, and Neo4j over Bolt."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kg.cli import main
from kg.store import Location

ARTICLE = "Die Nordwind AG hat die Helios GmbH verklagt. Die Borea GmbH hat die Helios GmbH ebenfalls verklagt.\n"
ELON_MUSK = "Klage gegen OpenAI\nTesla-Chef Elon Musk hat eine Klage gegen OpenAI eingereicht.\n"
BAKERY_MUSK = (
    "Bäckerei feiert\n"
    "Die Bäckerei Sonnenkorn in Kiel feiert Jubiläum. Konzernchef Musk sagte: „Wir backen seit fünfzig Jahren.“\n"
)


class Kg:
    """``kg`` on the command line, pointed at one store with ``--store`` and, for Neo4j, its options."""

    def __init__(self, location: Location) -> None:
        flags = [f"--neo4j-{key}={value}" for key, value in sorted(location.options.items())]
        self.store = ["--store", str(location), *flags]

    def __call__(self, *args: str) -> Result:
        return CliRunner().invoke(main, [*args, *self.store])

    def ingest(self, folder: Path, name: str, text: str) -> None:
        article = folder / name
        article.write_text(text, "utf-8")
        result = self("ingest", str(article))
        assert result.exit_code == 0, result.output


@pytest.fixture
def kg(location: Location, tmp_path: Path) -> Kg:
    """The command line on a store of each backend that holds :data:`ARTICLE` as ``a.txt``."""
    kg = Kg(location)
    kg.ingest(tmp_path, "a.txt", ARTICLE)
    return kg


def test_entities_lists_names_types_and_mentions(kg: Kg) -> None:
    result = kg("entities", "--name", "helios", "--mentions")
    assert result.exit_code == 0, result.output
    assert "Helios GmbH  [Organization]" in result.stdout and "claims: 2" in result.stdout
    assert result.stdout.count("a.txt:") == 2 and "(1 entity)" in result.stdout


def test_entities_as_json_filtered_by_type(kg: Kg) -> None:
    result = kg("entities", "--type", "Organization", "--format", "json")
    records = json.loads(result.stdout)
    assert {r["name"] for r in records} == {"Nordwind AG", "Helios GmbH", "Borea GmbH"}


def test_merge_and_split_report_what_moved_and_entities_show_it(kg: Kg) -> None:
    merged = kg("merge", "Borea GmbH", "Nordwind AG")
    assert merged.exit_code == 0 and "1 claim(s) moved" in merged.stdout
    listing = kg("entities", "--name", "nordwind")
    assert "merged from: Borea GmbH" in listing.stdout and "aliases: Borea GmbH" in listing.stdout
    assert "Borea GmbH  [" not in kg("entities").stdout
    back = kg("split", "Nordwind AG", "--alias", "Borea GmbH")
    assert back.exit_code == 0 and "split 'Borea GmbH' off 'Nordwind AG'" in back.stdout
    listing = kg("entities", "--name", "nordwind")
    assert "aliases" not in listing.stdout
    records = {r["name"]: r for r in json.loads(kg("entities", "--mentions", "--format", "json").stdout)}
    borea = records["Borea GmbH"]
    assert borea["claims"] == 1 and [m["text"] for m in borea["mentions"]] == ["Borea GmbH"]
    validated = kg("validate")
    assert validated.exit_code == 0, validated.output


def test_a_split_in_one_document_names_the_document(kg: Kg, tmp_path: Path) -> None:
    kg("merge", "Borea GmbH", "Nordwind AG")
    document = str(tmp_path / "a.txt")
    result = kg("split", "Nordwind AG", "--alias", "Borea GmbH", "--name", "Borea", "--document", document)
    assert result.exit_code == 0, result.output
    records = {r["name"]: r for r in json.loads(kg("entities", "--format", "json").stdout)}
    assert records["Borea"]["aliases"] == ["Borea GmbH"] and "Borea GmbH" not in records


def test_a_namesake_in_an_unrelated_article_is_shown_as_possibly_the_same(kg: Kg, tmp_path: Path) -> None:
    kg.ingest(tmp_path, "b.txt", ELON_MUSK)
    kg.ingest(tmp_path, "c.txt", BAKERY_MUSK)
    records = {r["name"]: r for r in json.loads(kg("entities", "--name", "musk", "--format", "json").stdout)}
    assert records["Musk"]["possibly_same_as"] == [{"id": records["Elon Musk"]["id"], "name": "Elon Musk"}]
    assert records["Elon Musk"]["possibly_same_as"] == [{"id": records["Musk"]["id"], "name": "Musk"}]
    assert "possibly the same as: Elon Musk" in kg("entities", "--name", "musk").stdout


def test_a_bad_correction_is_one_line_on_stderr(kg: Kg) -> None:
    result = kg("merge", "Nobody", "Nordwind AG")
    assert result.exit_code == 1
    assert result.stderr.startswith("kg: error: no entity named 'Nobody'") and result.stderr.count("\n") == 1
    result = kg("split", "Helios GmbH", "--alias", "X", "--document", "nope.txt")
    assert result.exit_code == 1 and "names 0 stored documents" in result.stderr
