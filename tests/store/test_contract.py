"""What every store does, whatever the backend: idempotent writes, one claim with many evidences, reading back
the same model objects, parameterised queries, and counts."""

from __future__ import annotations

import dataclasses

import pytest

from kg.errors import QueryError
from kg.model import (
    Claim,
    Document,
    Entity,
    EntityType,
    Evidence,
    ExtractorInfo,
    Mention,
    QuoteMode,
    Resolution,
    ResolutionKind,
    Span,
)
from kg.store.base import ClaimFilter, Store

EXTRACTOR = ExtractorInfo("kg.test", 1)
ACME = Entity.named("Acme Corp", EntityType.ORGANIZATION, ("Acme",))
GLOBEX = Entity.named("Globex", EntityType.ORGANIZATION)
LOPEZ = Entity.named("Maria Lopez", EntityType.PERSON)


def _doc(text: str, source: str) -> Document:
    return Document.create(text, source, language="en", title="A title")


def _sued(doc: Document) -> Claim:
    start = doc.text.index("Acme")
    ev = Evidence.at(
        doc,
        Span(start, len(doc.text)),
        EXTRACTOR,
        0.9,
        subject_mention=Mention.at(doc.text, Span(start, start + 4)),
        object_mention=Mention.at(doc.text, Span(doc.text.index("Globex"), doc.text.index("Globex") + 6)),
    )
    return Claim.relation(ACME, "sued", GLOBEX, (ev,))


def _quote(doc: Document) -> Claim:
    start = doc.text.index("We")
    content = Span(start, doc.text.index('"', start))
    ev = Evidence.at(
        doc,
        Span(0, len(doc.text)),
        EXTRACTOR,
        0.8,
        content=content,
        subject_mention=Mention.at(doc.text, Span(doc.text.index("Lopez"), doc.text.index("Lopez") + 5)),
        cue=Mention.at(doc.text, Span(doc.text.index("said"), doc.text.index("said") + 4)),
        mode=QuoteMode.DIRECT,
    )
    return Claim.quote(LOPEZ, content.of(doc.text), (ev,))


A = _doc('Acme sued Globex. "We will win," said Lopez.', "a.txt")
B = _doc("On Monday, Acme sued Globex again.", "b.txt")


def test_writing_the_same_batch_twice_adds_nothing(store: Store) -> None:
    first = store.write([A], [_sued(A), _quote(A)])
    assert (first.claims_added, first.evidence_added, first.entities_added) == (2, 2, 3)
    before = store.stats().counts
    again = store.write([A], [_sued(A), _quote(A)])
    assert (again.claims_added, again.evidence_added, again.entities_added) == (0, 0, 0)
    assert store.stats().counts == before


def test_a_fact_from_two_documents_is_one_claim_with_two_evidences(store: Store) -> None:
    store.write([A], [_sued(A)])
    result = store.write([B], [_sued(B)])
    assert (result.claims_added, result.evidence_added) == (0, 1)
    [claim] = store.claims(ClaimFilter(predicates=frozenset({"sued"})))
    assert sorted(ev.source for ev in claim.evidence) == ["a.txt", "b.txt"]


def test_claims_read_back_equal_what_was_written(store: Store) -> None:
    written = {c.id: c for c in (_sued(A), _quote(A))}
    store.write([A], list(written.values()))
    for claim in store.claims():
        original = written[claim.id]
        assert (claim.kind, claim.subject, claim.predicate, claim.object, claim.content) == (
            original.kind,
            original.subject,
            original.predicate,
            original.object,
            original.content,
        )
        [ev] = claim.evidence
        [want] = original.evidence
        assert ev.extracted_at
        assert ev == dataclasses.replace(want, extracted_at=ev.extracted_at)


def test_documents_and_entities_read_back(store: Store) -> None:
    store.write([A], [_sued(A), _quote(A)])
    assert list(store.documents()) == [A]
    assert {e.id: e for e in store.entities()} == {e.id: e for e in (ACME, GLOBEX, LOPEZ)}
    assert store.known_documents([A.id, B.id]) == {A.id}


def test_claims_can_be_filtered_by_document_entity_and_predicate(store: Store) -> None:
    store.write([A], [_sued(A), _quote(A)])
    store.write([B], [_sued(B)])
    assert len(list(store.claims(ClaimFilter(document=B.id)))) == 1
    assert [c.predicate for c in store.claims(ClaimFilter(entities=frozenset({LOPEZ.id})))] == ["said"]
    assert len(list(store.claims(ClaimFilter(limit=1)))) == 1


def test_a_filtered_read_gives_each_claim_its_entities_whole_the_addressee_too(store: Store) -> None:
    said = _quote(A)
    to_globex = dataclasses.replace(said, evidence=(dataclasses.replace(said.evidence[0], addressee=GLOBEX),))
    store.write([A], [_sued(A), to_globex])
    [quote] = store.claims(ClaimFilter(entities=frozenset({LOPEZ.id})))
    assert (quote.subject, quote.evidence[0].addressee) == (LOPEZ, GLOBEX)
    [sued] = store.claims(ClaimFilter(document=A.id, predicates=frozenset({"sued"})))
    assert (sued.subject, sued.object) == (ACME, GLOBEX)


def test_counts(store: Store) -> None:
    store.write([A, B], [_sued(A), _quote(A), _sued(B)])
    stats = store.stats()
    assert {k: stats.counts[k] for k in ("documents", "entities", "claims", "evidence")} == {
        "documents": 2,
        "entities": 3,
        "claims": 2,
        "evidence": 3,
    }
    assert stats.predicates == {"said": 1, "sued": 1}


def test_a_vague_entity_type_yields_to_a_specific_one(store: Store) -> None:
    vague = Entity.named("Acme Corp", EntityType.THING)
    store.write([B], [Claim.relation(vague, "sued", GLOBEX, _sued(B).evidence)])
    store.write([A], [_sued(A)])
    [acme] = [e for e in store.entities() if e.id == ACME.id]
    assert acme.type is EntityType.ORGANIZATION


@pytest.mark.parametrize("name", ['Robert "Bobby" Tables', "O'Brien\\n }; DROP ALL", "</script><b>x</b>"])
def test_hostile_names_are_stored_and_queried_as_data(store: Store, name: str) -> None:
    hostile = Entity.named(name, EntityType.PERSON)
    doc = _doc("Acme sued Globex today.", "c.txt")
    store.write([doc], [Claim.relation(hostile, "sued", GLOBEX, _sued(doc).evidence)])
    if "sparql" in store.query_languages:
        result = store.query("SELECT ?name ?e WHERE { ?e schema:name ?name }", "sparql", {"name": name})
        assert [r[0] for r in result.rows] == [name]
    if "cypher" in store.query_languages:
        result = store.query("MATCH (e:Entity) WHERE e.name = $name RETURN e.name AS name", "cypher", {"name": name})
        assert [r[0] for r in result.rows] == [name]
    assert name in {e.name for e in store.entities()}


def test_a_query_in_a_language_the_store_does_not_speak_is_refused(store: Store) -> None:
    other = "cypher" if "sparql" in store.query_languages else "sparql"
    with pytest.raises(QueryError, match="this store answers"):
        store.query("MATCH (n) RETURN n", other)


def test_retracting_a_document_keeps_what_another_document_supports(store: Store) -> None:
    store.write([A], [_sued(A), _quote(A)])
    store.write([B], [_sued(B)])
    assert store.find_documents("a.txt") == [A.id]
    result = store.retract(store.find_documents("a.txt"))
    assert (result.documents, result.claims_removed, result.evidence_removed, result.entities_removed) == (1, 1, 2, 1)
    [claim] = store.claims()
    assert claim.predicate == "sued" and [ev.source for ev in claim.evidence] == ["b.txt"]
    assert {e.name for e in store.entities()} == {"Acme Corp", "Globex"}
    assert list(store.documents()) == [B]


def test_retracting_everything_leaves_an_empty_store(store: Store) -> None:
    store.write([A], [_sued(A), _quote(A)])
    store.write([B], [_sued(B)])
    store.retract([A.id, B.id])
    counts = store.stats().counts
    assert {k: counts[k] for k in ("documents", "entities", "claims", "evidence")} == dict.fromkeys(
        ("documents", "entities", "claims", "evidence"), 0
    )
    assert store.retract([A.id]).documents == 0
    if "sparql" in store.query_languages:
        left = store.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER NOT EXISTS { ?s a prov:SoftwareAgent } }", "sparql")
        assert left.rows == []
    if "cypher" in store.query_languages:
        assert store.query("MATCH (n) RETURN count(n) AS n", "cypher").rows == [(0,)]


# -- entity resolution: moving claims between entities, recording resolutions -------------------------------

ACME_INC = Entity.named("Acme Incorporated", EntityType.ORGANIZATION, ("Acme Corp",))


def _moved(claim: Claim) -> Claim:
    return Claim.relation(ACME_INC, claim.predicate, GLOBEX, claim.evidence)


def test_replacing_claims_moves_them_with_their_evidence_and_removes_orphans(store: Store) -> None:
    sued, quote = _sued(A), _quote(A)
    store.write([A], [sued, quote])
    before = {ev.extracted_at for c in store.claims() for ev in c.evidence}
    result = store.replace_claims([sued.id], [_moved(sued)])
    assert result.claims_added == 1
    claims = {c.predicate: c for c in store.claims()}
    assert claims["sued"].subject == ACME_INC and claims["sued"].id == _moved(sued).id
    assert claims["sued"].evidence[0].span == sued.evidence[0].span
    assert {ev.extracted_at for c in store.claims() for ev in c.evidence} == before
    assert {e.name for e in store.entities()} == {"Acme Incorporated", "Globex", "Maria Lopez"}
    assert store.stats().counts["claims"] == 2
    if "sparql" in store.query_languages:
        plain = store.query("SELECT ?s WHERE { ?s kg:sued ?o }", "sparql")
        assert plain.rows == [(f"https://w3id.org/kg/id/entity/{ACME_INC.id}",)]


def test_replacing_claims_that_are_not_there_only_writes(store: Store) -> None:
    store.write([A], [])
    assert store.replace_claims(["0" * 32], [_sued(A)]).claims_added == 1


def test_resolutions_are_recorded_once_and_read_back_in_order(store: Store) -> None:
    first = Resolution(ResolutionKind.MERGE, "a-1", "b-2", "A", "B", agent="user", at="2025-01-01T00:00:00Z")
    second = Resolution(
        ResolutionKind.SPLIT,
        "b-2",
        "c-3",
        "B",
        "C",
        alias="Bee",
        document=A.id,
        agent="user",
        at="2025-01-02T00:00:00Z",
    )
    doubt = Resolution(
        ResolutionKind.AMBIGUOUS, "d-4", "b-2", "D", "B", agent="kg.resolve@1", at="2025-01-03T00:00:00Z"
    )
    for r in (first, second, doubt, first):
        store.record_resolution(r)
    assert store.resolutions() == [first, second, doubt]
