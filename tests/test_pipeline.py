"""The pipeline keeps one bad document from costing the batch: an extractor that fails or makes a claim that
does not fit its document, or a store that refuses one document's data, fails that document alone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kg import pipeline
from kg.errors import StoreRejected
from kg.extract.analysis import Analysis
from kg.extract.base import Extractor
from kg.model import Claim, Entity, EntityType, Span
from kg.registry import extractors
from kg.store import open_store
from kg.store.rdf import RdfStore

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
    original = RdfStore._load

    def load(self: RdfStore, lines: list[str], bulk: bool = False) -> None:
        if any(MARK in line for line in lines):
            raise StoreRejected("the store refused the data: injected")
        original(self, lines, bulk)

    monkeypatch.setattr(RdfStore, "_load", load)
    with open_store(store_dir) as store:
        report = pipeline.ingest_paths([marked], store)
        [failure] = report.failed
        assert (failure.code, failure.source) == ("KG202", str(marked / "marked.txt"))
        assert report.new == 5 and store.stats().counts["documents"] == 5
