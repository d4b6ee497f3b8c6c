"""Stores under test: every backend that can run here. The contract suite runs against each of them. And a
corpus with what an uninterrupted run stores from it, for the tests that run and kill real processes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.api import ingest
from kg.store import Location, open_store
from kg.store.base import Store
from tests.corpus import snapshot, write_corpus


@pytest.fixture
def store(location: Location) -> Iterator[Store]:
    """A fresh, empty, writable store of each backend (see the ``location`` fixture)."""
    with open_store(location) as opened:
        yield opened


@pytest.fixture(scope="module")
def corpus(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """As many articles as the test module's ``ARTICLES`` says."""
    return write_corpus(tmp_path_factory.mktemp("corpus"), request.module.ARTICLES)


@pytest.fixture(scope="module")
def expected(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """What one uninterrupted run stores from the corpus."""
    store = tmp_path_factory.mktemp("reference") / "store"
    assert ingest([corpus], store=store).ok
    return snapshot(store)
