"""The pipeline gives the same result for every number of worker processes, batch after batch: the same
claims from `kg extract`, the same graph and report from `kg ingest`, the same failures in the same places.
And one bad document never costs the batch: an extractor that fails or makes a claim that does not fit its
document, or a store that refuses one document's data, fails that document alone."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kg import pipeline
from kg.api import extract, ingest
from kg.extract.analysis import Analysis
from kg.extract.base import Extractor
from kg.model import Claim, Entity, EntityType, Span
from kg.pipeline import Failure, IngestReport, default_workers
from kg.registry import extractors
from kg.store import open_store, rdf_loading
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
    monkeypatch.setattr(pipeline, "BATCH_SIZE", 2)


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


MARK = "UNUSUAL-MARK"


class _Flawed(Extractor):
    """A plug-in extractor with bugs that show only on articles containing MARK."""

    name = "test.flawed"
    version = 3
    fault = "raise"

    def extract(self, analysis: Analysis) -> Iterator[Claim]:
        if MARK not in analysis.text:
            return
        if self.fault == "raise":
            raise KeyError("speaker")
        end = len(analysis.text) + 5 if self.fault == "beyond" else analysis.text.index(MARK) + len(MARK)
        ev = analysis.evidence(Span(0, end), self.info, 0.5)
        yield Claim.quote(Entity.named("Nora Winter", EntityType.PERSON), "Wir bleiben.", (ev,))


@pytest.fixture
def flawed(monkeypatch: pytest.MonkeyPatch) -> type[_Flawed]:
    monkeypatch.setitem(extractors._loaded, "test.flawed", _Flawed)
    monkeypatch.setattr(pipeline, "_EXTRACTORS", None)  # built again, with the plug-in
    return _Flawed


@pytest.fixture
def marked(articles: Path) -> Path:
    (articles / "marked.txt").write_text(f"„Wir bleiben.“ {MARK}, sagte sie am Montag.", "utf-8")
    return articles


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        ("raise", "extraction failed (KeyError: 'speaker')"),
        ("beyond", "extraction failed (test.flawed@3 put its evidence span (0, 54) past the end of the text (49))"),
    ],
)
def test_a_faulty_extractor_costs_its_document_only(
    flawed: type[_Flawed], marked: Path, store_dir: Path, monkeypatch: pytest.MonkeyPatch, fault: str, message: str
) -> None:
    monkeypatch.setattr(flawed, "fault", fault)
    with open_store(store_dir) as store:
        report = pipeline.ingest_paths([marked], store)
    [failure] = report.failed
    assert (failure.code, failure.message) == ("KG500", f"{marked / 'marked.txt'}: {message}")
    assert report.new == 5


def test_a_document_the_store_refuses_fails_alone(
    flawed: type[_Flawed], marked: Path, store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(flawed, "fault", "none")
    original = rdf_loading._load

    def load(store: object, lines: list[str]) -> None:
        if any(MARK in line for line in lines):
            raise SyntaxError("injected")  # as Oxigraph's parser would
        original(store, lines)  # type: ignore[arg-type]

    monkeypatch.setattr(rdf_loading, "_load", load)
    with open_store(store_dir) as store:
        report = pipeline.ingest_paths([marked], store)
        [failure] = report.failed
        assert (failure.code, failure.source) == ("KG202", str(marked / "marked.txt"))
        assert report.new == 5 and store.stats().counts["documents"] == 5
        assert report.written.documents == 5  # the batch the refused one was in is stored all the same
    monkeypatch.setattr(rdf_loading, "_load", original)  # the store takes it now: nothing of it was kept
    with open_store(store_dir) as store:
        again = pipeline.ingest_paths([marked], store)
    assert (again.new, again.unchanged, [f.code for f in again.failed]) == (1, 5, [])
