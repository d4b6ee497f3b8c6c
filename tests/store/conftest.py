"""Stores under test: every backend that can run here. The contract suite runs against each of them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.store import open_store
from kg.store.base import Store

BACKENDS = ["oxigraph", pytest.param("neo4j", marks=pytest.mark.neo4j)]


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A fresh, empty, writable store of each backend."""
    if request.param == "oxigraph":
        with open_store(tmp_path / "store") as opened:
            yield opened
    elif request.param == "neo4j":
        server = request.getfixturevalue("bolt")
        with open_store(server.uri, **server.options()) as opened:
            yield opened
