"""The pipeline gives the same result for every number of worker processes, batch after batch: the same
claims from `kg extract`, the same graph and report from `kg ingest`, the same failures in the same places."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import kg.pipeline
from kg.api import extract, ingest
from kg.pipeline import Failure, IngestReport, default_workers
from tests.conftest import Triples


@pytest.fixture
def corpus(articles: Path) -> Path:
    """The fixture articles three times over under different names (duplicates are one document), plus a
    file that cannot be read, in small batches so that extraction and writing overlap."""
    originals = [*articles.glob("*.txt"), *articles.glob("*.html")]
    for copy in ("b", "c"):
        for article in originals:
            shutil.copy(article, articles / f"{copy}-{article.name}")
    (articles / "empty.txt").write_bytes(b"")
    return articles


@pytest.fixture(autouse=True)
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kg.pipeline, "BATCH_SIZE", 2)


def _summary(report: IngestReport) -> tuple[object, ...]:
    return report.new, report.unchanged, sorted(f.source for f in report.failed), report.written


@pytest.mark.parametrize("workers", [2, 3])
def test_ingest_stores_the_same_graph_for_every_number_of_workers(
    corpus: Path, tmp_path: Path, workers: int, stored_graph: Callable[[Path], Triples]
) -> None:
    one = ingest([corpus], store=tmp_path / "one", workers=1)
    many = ingest([corpus], store=tmp_path / "many", workers=workers)
    assert _summary(one) == _summary(many)
    assert one.new == 5 and one.unchanged == 6 and len(one.failed) == 1
    assert stored_graph(tmp_path / "one") == stored_graph(tmp_path / "many")


@pytest.mark.parametrize("workers", [2, 3])
def test_extract_yields_the_same_claims_in_the_same_order(corpus: Path, workers: int) -> None:
    def run(n: int) -> list[object]:
        return [item if isinstance(item, Failure) else (item[0].id, item[1]) for item in extract([corpus], workers=n)]

    assert run(1) == run(workers)


def test_ingesting_again_with_workers_adds_nothing(corpus: Path, tmp_path: Path) -> None:
    ingest([corpus], store=tmp_path / "s", workers=2)
    again = ingest([corpus], store=tmp_path / "s", workers=2)
    assert (again.new, again.unchanged, again.written.claims_added) == (0, 11, 0)


def test_the_default_number_of_workers_fits_the_machine() -> None:
    assert 1 <= default_workers() <= 4
