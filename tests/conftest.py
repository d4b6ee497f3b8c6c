"""Shared fixtures: the hand-written articles in tests/fixtures, a fresh store per test, and the seed article
from ../shared where it exists."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import rdflib

HERE = Path(__file__).parent
ARTICLES = HERE / "fixtures" / "articles"
SHARED = HERE.parent.parent / "shared"
SEED = SHARED / "seed" / "grok-open-source.de.txt"
SEED_GOLD = SHARED / "seed" / "grok-open-source.de.gold.json"


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """A private copy of the fixture articles (tests may add bad files next to them)."""
    target = tmp_path / "articles"
    shutil.copytree(ARTICLES, target)
    return target


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    """The seed article (copyrighted, so only read from ../shared; the test skips where it is absent)."""
    if not SEED.is_file():
        pytest.skip(f"the seed article is not here ({SEED}); it lives in ../shared, outside the repository")
    target = tmp_path / SEED.name
    shutil.copy(SEED, target)
    return target


#: Written with each ingestion, so they differ between two runs that store the same graph.
WRITE_TIMES = {
    rdflib.URIRef("https://w3id.org/kg/ns#ingestedAt"),
    rdflib.URIRef("http://www.w3.org/ns/prov#startedAtTime"),
}

Triples = set[tuple[rdflib.term.Node, ...]]


@pytest.fixture
def stored_graph() -> Callable[[Path], Triples]:
    """Reads a store's triples (as exported), without the times of writing: two ways of storing the same
    articles must give equal sets."""
    from kg.api import export

    def read(store: Path) -> Triples:
        buffer = io.BytesIO()
        export("nquads", buffer, store=store)
        return {t for t in rdflib.Graph().parse(data=buffer.getvalue(), format="nt") if t[1] not in WRITE_TIMES}

    return read
