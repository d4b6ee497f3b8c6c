"""Bundles carry a document and its claims intact, and `kg load` of bundles stores what `kg ingest` of the same
articles stores: extraction may run anywhere."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from kg.api import extract, ingest, load
from kg.bundle import bundle_line, extract_bundles, read_bundle, read_bundles
from kg.contract import claim_records
from kg.errors import MalformedInput
from kg.pipeline import Failure
from tests.conftest import Triples


@pytest.fixture
def bundles(articles: Path, tmp_path: Path) -> Path:
    path = tmp_path / "bundles.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for item in extract([articles]):
            assert not isinstance(item, Failure)
            fh.write(bundle_line(*item) + "\n")
    return path


def test_a_bundle_reads_back_to_the_same_document_and_claims(articles: Path) -> None:
    for item in extract([articles]):
        assert not isinstance(item, Failure)
        document, claims = item
        again, found = read_bundle(bundle_line(document, claims), "x:1")
        assert again == document
        assert [list(claim_records(c)) for c in found] == [list(claim_records(c)) for c in claims]


def test_loading_bundles_stores_what_ingesting_the_articles_stores(
    articles: Path, bundles: Path, tmp_path: Path, stored_graph: Callable[[Path], Triples]
) -> None:
    ingested = ingest([articles], store=tmp_path / "ingested")
    report = load([bundles], store=tmp_path / "loaded")
    assert (report.new, report.written.claims_added) == (5, ingested.written.claims_added)
    assert report.written.claims_added > 5
    assert stored_graph(tmp_path / "loaded") == stored_graph(tmp_path / "ingested")
    again = load([bundles.parent], store=tmp_path / "loaded")
    assert (again.new, again.unchanged, again.written.claims_added) == (0, 5, 0)


def test_a_bad_line_is_reported_and_the_rest_is_loaded(bundles: Path, tmp_path: Path) -> None:
    lines = bundles.read_text("utf-8").splitlines()
    record = json.loads(lines[0])
    record["document"]["text"] += " (changed)"
    lines[0] = json.dumps(record)
    lines.insert(1, "{not json")
    bundles.write_text("\n".join(lines) + "\n", "utf-8")
    report = load([bundles], store=tmp_path / "s")
    assert report.new == 4
    assert sorted(f.source.rsplit(":", 1)[1] for f in report.failed) == ["1", "2"]
    assert "hash of its text" in report.failed[0].message


def test_a_missing_file_is_an_error_in_place() -> None:
    [error] = list(read_bundles(["/no/such/bundles.jsonl"]))
    assert "no such file" in str(error)


def test_claims_must_point_into_their_own_document(bundles: Path) -> None:
    first, second = bundles.read_text("utf-8").splitlines()[:2]
    record, other = json.loads(first), json.loads(second)
    record["claims"] = other["claims"] or record["claims"]
    record["claims"][0]["evidence"]["document"] = other["document"]["id"]
    with pytest.raises(MalformedInput, match="another document"):
        read_bundle(json.dumps(record), "x:1")


def test_an_input_that_failed_upstream_is_reported_by_the_load(tmp_path: Path) -> None:
    lines = ['{"text": "„Wir bauen das Werk“, sagte Konzernchefin Anna Berger.", "language": "de"}', "{oops"]
    path = tmp_path / "bundles.jsonl"
    path.write_text("\n".join(extract_bundles(lines, source="part-7.jsonl")) + "\n", "utf-8")
    report = load([path], store=tmp_path / "s")
    assert report.new == 1
    [failure] = report.failed
    assert (failure.source, failure.code) == ("part-7.jsonl:2", "KG106")
