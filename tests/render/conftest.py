"""Stores holding the hand-written graphs of tests/render/graphs.py, written through the real embedded store."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.store import open_store
from tests.render.graphs import Graph, hostile, nordwerk


def write(graph: Graph, location: Path) -> Path:
    """Store ``graph`` at ``location``, as ingestion would."""
    with open_store(location) as store:
        store.write(list(graph.documents.values()), graph.claims)
    return location


@pytest.fixture
def nordwerk_store(tmp_path: Path) -> Path:
    return write(nordwerk(), tmp_path / "nordwerk-store")


@pytest.fixture
def hostile_store(tmp_path: Path) -> Path:
    graph = nordwerk()
    bad = hostile()
    return write(Graph({**graph.documents, **bad.documents}, graph.claims + bad.claims), tmp_path / "hostile-store")
