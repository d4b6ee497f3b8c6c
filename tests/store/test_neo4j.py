"""The Neo4j store against a real Bolt server: the shape of the graph it writes (labels, one direct relationship
per fact, resolutions), the schema it creates, queries that only read, completion marks, claims replaced in one
transaction, and connection errors that say what is wrong without showing the password."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import neo4j
import pytest

import kg.store.neo4j as neo4j_store
from kg.errors import ConfigError, QueryError, StoreError
from kg.model import Claim, Entity, EntityType, Resolution, ResolutionKind
from kg.store import Location, cypher, open_store
from kg.store.base import ClaimFilter
from kg.store.neo4j import Connection, Neo4jStore
from tests.arcadedb import BoltServer, free_ports
from tests.facts import DOCUMENTS, NORDLICHT_EN, SOL, claims, correct, entity

server_tests = pytest.mark.neo4j


@pytest.fixture
def graph(bolt: BoltServer) -> Iterator[Neo4jStore]:
    """An empty Neo4j store with the hand-written facts written into it."""
    with open_store(bolt.uri, **bolt.options()) as store:
        assert isinstance(store, Neo4jStore)
        store.write(list(DOCUMENTS), claims())
        yield store


@server_tests
def test_each_fact_is_a_relationship_between_typed_nodes_carrying_its_claim(
    graph: Neo4jStore, bolt: BoltServer
) -> None:
    sued = Claim.relation(entity("Nordlicht Energy"), "sued", entity("Baltic Grid"))
    rows = bolt.run("MATCH (a:Organization)-[r:SUED]->(b:Organization) RETURN a.name AS a, r.claim AS c, b.name AS b")
    assert rows == [{"a": "Nordlicht Energy", "c": sued.id, "b": "Baltic Grid"}]
    founders = bolt.run("MATCH (p:Person)-[:CO_FOUNDED]->(:Organization {name: 'Nordlicht Energy'}) RETURN p.name AS n")
    assert sorted(r["n"] for r in founders) == ["Jana Vogt", "Tomas Berg"]


@server_tests
def test_a_quote_is_said_to_the_claim_that_holds_its_words(graph: Neo4jStore, bolt: BoltServer) -> None:
    said = bolt.run("MATCH (:Organization {name: 'Baltic Grid'})-[r]->(c:Claim) RETURN type(r) AS t, c.content AS q")
    # "wrote" is a way of saying: the fact is found as WROTE and as SAID, as kg:said finds it in RDF.
    assert sorted((r["t"], r["q"]) for r in said) == [("SAID", "the fees are lawful"), ("WROTE", "the fees are lawful")]


@server_tests
def test_evidence_links_claims_to_documents_and_addressees(graph: Neo4jStore, bolt: BoltServer) -> None:
    rows = bolt.run(
        "MATCH (d:Document)<-[:FROM]-(v:Evidence)-[:SUPPORTS]->(c:Claim {predicate: 'sued'}) "
        "RETURN d.source AS source, v.sentence AS sentence ORDER BY source"
    )
    assert [r["source"] for r in rows] == ["news/nordlicht.de.txt", "news/nordlicht.en.txt"]
    [addressed] = bolt.run("MATCH (v:Evidence)-[:ADDRESSEE]->(a:Organization) RETURN a.name AS name, v.mode AS mode")
    assert addressed == {"name": "Handelsblatt", "mode": "direct"}


@server_tests
def test_the_schema_is_created_on_first_write(graph: Neo4jStore, bolt: BoltServer) -> None:
    existing = next(iter(DOCUMENTS)).id
    with pytest.raises(neo4j.exceptions.ConstraintError):
        bolt.run("CREATE (:Document {id: $id})", id=existing)


@server_tests
def test_a_vague_type_yields_its_label_to_a_specific_one(bolt: BoltServer) -> None:
    [founded] = [c for c in claims() if c.predicate == "founded"]
    vague = Entity.named("Sol Robotics", EntityType.THING)
    with open_store(bolt.uri, **bolt.options()) as store:
        store.write([SOL], [Claim.relation(founded.subject, "founded", vague, founded.evidence)])
        assert bolt.run("MATCH (e:Thing) RETURN e.name AS n") == [{"n": "Sol Robotics"}]
        store.write([SOL], [founded])
    assert bolt.run("MATCH (e:Thing) RETURN e.name AS n") == []
    assert bolt.run("MATCH (e:Organization)<-[:FOUNDED]-(:Person) RETURN e.type AS t") == [{"t": "Organization"}]


RESOLUTION_LINKS = """
MATCH (r:Resolution) OPTIONAL MATCH (r)-[l]->(e:Entity)
RETURN r.kind AS kind, r.entityName AS entity, r.agent AS agent, type(l) AS link, e.name AS name
"""


@server_tests
def test_a_resolution_is_a_node_linked_to_those_of_its_entities_that_are_there(
    graph: Neo4jStore, bolt: BoltServer
) -> None:
    correct(graph)
    links = {(r["kind"], r["entity"], r["agent"], r["link"], r["name"]) for r in bolt.run(RESOLUTION_LINKS)}
    assert links == {
        ("merge", "Nordlicht", "user", "RESOLVED_TARGET", "Nordlicht Energy"),  # "Nordlicht" left the graph
        ("split", "Mara Lind", "user", "RESOLVED_ENTITY", "Mara Lind"),
        ("split", "Mara Lind", "user", "RESOLVED_TARGET", "Lena Lind"),
        ("ambiguous", "Vogt", "kg.resolve@1", "RESOLVED_ENTITY", "Vogt"),
        ("ambiguous", "Vogt", "kg.resolve@1", "RESOLVED_TARGET", "Jana Vogt"),
    }
    pairs = bolt.run("MATCH (a:Person)-[:POSSIBLY_SAME_AS]->(b:Person) RETURN a.name AS a, b.name AS b")
    assert pairs == [{"a": "Vogt", "b": "Jana Vogt"}]
    assert bolt.run("MATCH (e:Entity {name: 'Nordlicht Energy'}) RETURN e.aliases AS a") == [{"a": ["Nordlicht"]}]


@server_tests
def test_an_ambiguity_recorded_before_its_entity_is_linked_once_the_entity_is_written(
    graph: Neo4jStore, bolt: BoltServer
) -> None:
    [founded] = [c for c in claims() if c.predicate == "founded"]
    lind = Entity.named("Lind", EntityType.THING)
    mara = founded.subject
    doubt = Resolution(ResolutionKind.AMBIGUOUS, lind.id, mara.id, lind.name, mara.name, agent="kg.resolve@1")
    graph.record_resolution(doubt)
    graph.record_resolution(doubt)
    assert bolt.run("MATCH (r:Resolution)-[l]->(e:Entity) RETURN type(l) AS l, e.name AS e") == [
        {"l": "RESOLVED_TARGET", "e": "Mara Lind"}
    ]
    graph.write([SOL], [Claim.relation(lind, "founded", founded.object, founded.evidence)])
    # A vague type yields its label to a specific one; the entity keeps its relationships.
    graph.write([SOL], [Claim.relation(Entity.named("Lind", EntityType.PERSON), "founded", founded.object)])
    pairs = "MATCH (a:Person)-[:POSSIBLY_SAME_AS]->(b:Person) RETURN a.name AS a, b.name AS b"
    assert bolt.run(pairs) == [{"a": "Lind", "b": "Mara Lind"}]
    assert [r.id for r in graph.resolutions()] == [doubt.id]


@server_tests
def test_claims_are_replaced_in_one_transaction(
    graph: Neo4jStore, bolt: BoltServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = bolt.snapshot()
    [sued, *_] = [c for c in graph.claims() if c.predicate == "sued"]
    moved = Claim.relation(entity("Sol Robotics"), "sued", sued.object, sued.evidence)
    monkeypatch.setattr(cypher, "RETRACT_ENTITIES", "MATCH (e:Entity RETURN e")  # fails after the write
    with pytest.raises(StoreError):
        graph.replace_claims([sued.id], [moved])
    assert bolt.snapshot() == before
    monkeypatch.undo()
    assert graph.replace_claims([sued.id], [moved]).claims_added == 1
    assert {c.subject.name for c in graph.claims() if c.predicate == "sued"} == {"Sol Robotics"}


@server_tests
def test_writes_larger_than_one_statement_are_sent_in_several(
    bolt: BoltServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(neo4j_store, "ROWS_PER_STATEMENT", 2)
    with open_store(bolt.uri, **bolt.options()) as store:
        result = store.write(list(DOCUMENTS), claims())
        assert (result.documents, result.claims_added, result.evidence_added) == (3, 12, 13)
        assert len(list(store.claims())) == 12
        assert store.known_documents(d.id for d in DOCUMENTS) == {d.id for d in DOCUMENTS}


@server_tests
def test_a_document_without_its_completion_mark_is_written_again_without_duplicates(
    graph: Neo4jStore, bolt: BoltServer
) -> None:
    before = graph.stats().counts
    bolt.run("MATCH (d:Document {id: $id}) REMOVE d.ingestedAt", id=NORDLICHT_EN.id)
    assert NORDLICHT_EN.id not in graph.known_documents([NORDLICHT_EN.id])
    # Until the document is complete, what was written of it is not read back.
    assert NORDLICHT_EN.source not in {ev.source for claim in graph.claims() for ev in claim.evidence}
    again = graph.write([NORDLICHT_EN], claims())
    assert (again.claims_added, again.evidence_added, again.entities_added) == (0, 0, 0)
    assert graph.stats().counts == before
    assert graph.known_documents([NORDLICHT_EN.id]) == {NORDLICHT_EN.id}


@server_tests
def test_claims_can_be_limited_and_filtered_together(graph: Neo4jStore) -> None:
    quotes = frozenset({"said", "wrote", "announced"})
    limited = list(graph.claims(ClaimFilter(predicates=quotes, limit=2)))
    every = sorted(c.id for c in graph.claims(ClaimFilter(predicates=quotes)))
    assert [c.id for c in limited] == every[:2]
    [from_sol] = graph.claims(ClaimFilter(document=SOL.id, entities=frozenset({entity("Atlas").id})))
    assert from_sol.predicate == "develops"


@server_tests
def test_query_answers_are_plain_values(graph: Neo4jStore) -> None:
    result = graph.query(
        "MATCH p = (e:Entity {name: $name})<-[:SUBJECT]-(c:Claim) RETURN e, p, e.aliases AS aliases LIMIT 1",
        "cypher",
        {"name": "Mara Lind"},
    )
    [(node, path, aliases)] = result.rows
    assert node["name"] == "Mara Lind" and node["type"] == "Person"
    start, subject, claim = path
    assert start == node and subject == {} and claim["kind"] == "relation"
    assert aliases is None


@server_tests
def test_queries_only_read(graph: Neo4jStore, bolt: BoltServer) -> None:
    before = graph.stats().counts
    with pytest.raises(QueryError, match="only read"):
        graph.query("MATCH (e:Entity) DETACH DELETE e", "cypher")
    with pytest.raises(QueryError, match="only read"):
        graph.query("CREATE (x:Entity {id: $id}) RETURN x.id AS id", "cypher", {"id": "intruder"})
    assert graph.stats().counts == before
    assert bolt.run("MATCH (x {id: 'intruder'}) RETURN x") == []


@server_tests
def test_a_malformed_query_is_a_query_error(graph: Neo4jStore) -> None:
    with pytest.raises(QueryError, match="Cypher"):
        graph.query("MATCH (e:Entity RETURN e", "cypher")


@server_tests
def test_a_read_only_store_refuses_to_write(bolt: BoltServer) -> None:
    with open_store(bolt.uri, readonly=True, **bolt.options()) as store:
        with pytest.raises(StoreError, match="read-only"):
            store.write(list(DOCUMENTS), claims())
        with pytest.raises(StoreError, match="read-only"):
            store.retract([SOL.id])


@server_tests
def test_a_wrong_password_is_reported_without_showing_it(bolt: BoltServer) -> None:
    wrong = "not-the-password-x1"
    with pytest.raises(StoreError, match="authentication failed for user 'root'") as failure:
        open_store(Location(bolt.uri, user="root", password=wrong, database=bolt.database))
    assert wrong not in str(failure.value) and bolt.password not in str(failure.value)


@server_tests
def test_the_password_is_in_no_log_line(bolt: BoltServer, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with open_store(bolt.uri, **bolt.options()) as store:
        store.write(list(DOCUMENTS), claims())
        assert store.query("MATCH (c:Claim) RETURN count(c) AS n", "cypher").rows == [(12,)]
        assert bolt.password not in repr(store)
    assert "HELLO" in caplog.text or "LOGON" in caplog.text, "the driver's debug log was not captured"
    assert bolt.password not in caplog.text


@server_tests
def test_a_missing_database_is_named(bolt: BoltServer) -> None:
    with pytest.raises(StoreError, match="'no-such-db': no such database"):
        open_store(bolt.uri, **{**bolt.options(), "database": "no-such-db"})


def test_a_server_that_is_not_there_is_a_store_error() -> None:
    [port] = free_ports(1)
    with pytest.raises(StoreError, match=f"cannot reach Neo4j at bolt://127.0.0.1:{port}"):
        open_store(f"bolt://127.0.0.1:{port}", password="whatever1")


def test_a_password_in_the_uri_is_refused_before_connecting() -> None:
    with pytest.raises(ConfigError, match="not in the URI") as failure:
        open_store("bolt://neo4j:hunter22@127.0.0.1:7687")
    assert "hunter22" not in str(failure.value)


def test_options_come_before_the_uri_and_the_uri_before_the_environment() -> None:
    env = {"KG_NEO4J_USER": "env-user", "KG_NEO4J_PASSWORD": "env-pass1", "KG_NEO4J_DATABASE": "env-db"}
    assert Connection.resolve("neo4j://db:7687", {}, env) == Connection(
        "neo4j://db:7687", "env-user", "env-db", "env-pass1"
    )
    assert Connection.resolve("bolt://uri-user@db", {}, env).user == "uri-user"
    chosen = Connection.resolve("bolt://uri-user@db", {"user": "opt", "password": "opt-pass1", "database": "x"}, env)
    assert chosen == Connection("bolt://db", "opt", "x", "opt-pass1")
    assert Connection.resolve("bolt+s://db", {}, {}) == Connection("bolt+s://db", "neo4j", "neo4j", None)
    assert "opt-pass1" not in repr(chosen)
