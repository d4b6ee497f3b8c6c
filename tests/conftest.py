"""Shared fixtures: the hand-written articles in tests/fixtures, a fresh store per test (of each backend, where
asked), the seed article from ../shared where it exists, and a real Bolt + Cypher server for the tests marked
``neo4j``."""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import rdflib

from kg.store import Location
from tests.arcadedb import BoltServer, arcadedb

HERE = Path(__file__).parent
ARTICLES = HERE / "fixtures" / "articles"
SHARED = HERE.parent.parent / "shared"
SEED = SHARED / "seed" / "grok-open-source.de.txt"
SEED_GOLD = SHARED / "seed" / "grok-open-source.de.gold.json"

#: Every store backend, for tests that run against each: the embedded one, and Neo4j over Bolt.
BACKENDS = ["oxigraph", pytest.param("neo4j", marks=pytest.mark.neo4j)]


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """A private copy of the fixture articles (tests may add bad files next to them)."""
    target = tmp_path / "articles"
    shutil.copytree(ARTICLES, target)
    return target


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture(params=BACKENDS)
def location(request: pytest.FixtureRequest, store_dir: Path) -> Location:
    """Where a fresh, empty store of each backend is: a directory, or the session's Bolt server (emptied), with
    the options to open it."""
    if request.param == "neo4j":
        server: BoltServer = request.getfixturevalue("bolt")
        return Location(server.uri, **server.options())
    return Location(store_dir)


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


@pytest.fixture(scope="session")
def bolt_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BoltServer]:
    """A Bolt + Cypher server for the whole session: ArcadeDB from the arcadedb-embedded wheel (a test
    dependency: without it the server cannot start and the tests fail, they do not skip).

    To run the same tests against a real Neo4j 5 instead, set ``$KG_TEST_NEO4J`` to its URI and
    ``$KG_NEO4J_USER``, ``$KG_NEO4J_PASSWORD``, ``$KG_NEO4J_DATABASE``; the tests empty that database.
    """
    external = os.environ.get("KG_TEST_NEO4J")
    if external:
        yield BoltServer(
            external,
            os.environ.get("KG_NEO4J_USER", "neo4j"),
            os.environ.get("KG_NEO4J_DATABASE", "neo4j"),
            os.environ.get("KG_NEO4J_PASSWORD", ""),
        )
        return
    with arcadedb(tmp_path_factory.mktemp("arcadedb")) as server:
        yield server


@pytest.fixture
def bolt(bolt_server: BoltServer) -> BoltServer:
    """The session's Bolt server, emptied for this test."""
    bolt_server.clear()
    return bolt_server


@pytest.fixture
def bolt_env(bolt: BoltServer) -> dict[str, str]:
    """The environment that points kg at the test server (emptied for the test), password included."""
    return {
        "KG_STORE": bolt.uri,
        "KG_NEO4J_USER": bolt.user,
        "KG_NEO4J_PASSWORD": bolt.password,
        "KG_NEO4J_DATABASE": bolt.database,
    }
