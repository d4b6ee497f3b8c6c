"""The Cypher-script export: made from any store, it rebuilds the same graph when cypher-shell (here: the
driver, a line at a time) runs it, and no text in the graph can break out of its string literal."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.export.cypher_script import CYPHER
from kg.model import Claim, Document, Entity, EntityType, Evidence, ExtractorInfo, Span
from kg.store import open_store
from kg.store.base import Store
from tests.arcadedb import BoltServer
from tests.facts import correct, fill

HOSTILE_TEXT = "O'Brien said \"no\" \\ then '}) MATCH (n) DETACH DELETE n; // \u2028 next line\n\t😀 done."
HOSTILE_NAME = "O'Brien'}) DETACH DELETE n //"


def _hostile() -> tuple[Document, Claim]:
    doc = Document.create(HOSTILE_TEXT, 'weird/it\'s "quoted".txt', language="en", title="a\nb")
    ev = Evidence.at(doc, Span(0, len(HOSTILE_TEXT)), ExtractorInfo("kg.test", 1), 0.5)
    speaker = Entity.named(HOSTILE_NAME, EntityType.PERSON, aliases=('Bob; "the" \\ builder',))
    return doc, Claim.quote(speaker, "no", (ev,))


@pytest.fixture
def source(tmp_path: Path) -> Iterator[Store]:
    """An embedded store holding the fixture articles, the hand-written facts with their corrections, and a
    hostile document."""
    with open_store(tmp_path / "store") as store:
        fill(store)
        correct(store)
        doc, claim = _hostile()
        store.write([doc], [claim])
        yield store


def _script(store: Store) -> list[str]:
    buffer = io.BytesIO()
    CYPHER.export(store, buffer)
    return buffer.getvalue().decode("utf-8").split("\n")


def test_every_statement_is_one_line_and_every_text_a_literal(source: Store) -> None:
    lines = [line for line in _script(source) if line and not line.startswith("//")]
    assert lines[0].startswith("CREATE CONSTRAINT kg_document_id")
    assert all(line.endswith(";") for line in lines), "a text ended its literal or its line"
    assert sum(line.startswith("UNWIND [") for line in lines) >= 8
    assert any("name: 'O\\'Brien\\'}) DETACH DELETE n //'" in line for line in lines)
    assert any("\\u2028 next line\\n\\t😀 done." in line for line in lines)


@pytest.mark.neo4j
def test_running_the_script_rebuilds_the_same_graph(source: Store, bolt: BoltServer) -> None:
    script = [line for line in _script(source) if line and not line.startswith("//")]
    for statement in script:
        bolt.run(statement.removesuffix(";"))
    with open_store(bolt.uri, readonly=True, **bolt.options()) as rebuilt:
        assert list(rebuilt.documents()) == list(source.documents())
        assert list(rebuilt.entities()) == sorted(source.entities(), key=lambda e: e.id)
        assert list(rebuilt.claims()) == list(source.claims())
        assert rebuilt.resolutions() == source.resolutions()
        counts = rebuilt.stats().counts
    pairs = bolt.run("MATCH (a:Entity)-[:POSSIBLY_SAME_AS]->(b:Entity) RETURN a.name AS a, b.name AS b")
    assert pairs == [{"a": "Vogt", "b": "Jana Vogt"}]
    for statement in script:
        bolt.run(statement.removesuffix(";"))
    with open_store(bolt.uri, readonly=True, **bolt.options()) as again:
        assert again.stats().counts == counts
