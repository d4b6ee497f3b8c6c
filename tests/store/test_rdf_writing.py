"""The embedded store's write session: batches load in the background while the next is prepared, and what it
reports as new is exact whether the store was empty, already held the facts, or holds them only in a batch
that is still loading."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

import kg.store.rdf_loading as rl
from kg.errors import StoreError
from kg.model import Claim, Document, Entity, EntityType, Evidence, ExtractorInfo, Mention, Span
from kg.store import open_store
from kg.store.base import WriteResult
from kg.store.rdf_writing import WriteSession
from kg.vocab import KG, RDF, SCHEMA

EXTRACTOR = ExtractorInfo("kg.test", 1)
ACME, GLOBEX = Entity.named("Acme", EntityType.ORGANIZATION), Entity.named("Globex", EntityType.ORGANIZATION)


def _article(n: int) -> tuple[Document, Claim]:
    doc = Document.create(f"Acme sued Globex, report {n}.", f"{n}.txt", language="en")
    ev = Evidence.at(doc, Span(0, len(doc.text)), EXTRACTOR, 0.9, subject_mention=Mention.at(doc.text, Span(0, 4)))
    return doc, Claim.relation(ACME, "sued", GLOBEX, (ev,))


def _counts(result: WriteResult) -> tuple[int, int, int]:
    return result.claims_added, result.evidence_added, result.entities_added


def test_a_fact_met_again_in_a_later_batch_of_the_session_is_not_new() -> None:
    (a, claim_a), (b, claim_b) = _article(1), _article(2)
    with WriteSession(ox.Store()) as session:
        assert _counts(session.write([a], [claim_a])) == (1, 1, 2)
        assert _counts(session.write([b], [claim_b])) == (0, 1, 0)
        assert _counts(session.write([a], [claim_a])) == (0, 0, 0)  # waits for the batch still loading


def test_a_new_session_asks_the_store_what_it_holds(tmp_path: Path) -> None:
    (a, claim_a), (b, claim_b) = _article(1), _article(2)
    with open_store(tmp_path / "s") as store:
        store.write([a], [claim_a])
        assert _counts(store.write_many([([a], [claim_a]), ([b], [claim_b])])) == (0, 1, 0)
        assert store.stats().counts["evidence"] == 2


def test_a_vague_type_written_in_an_earlier_batch_yields_to_a_specific_one() -> None:
    (a, claim_a), (b, claim_b) = _article(1), _article(2)
    vague = Claim.relation(Entity.named("Acme", EntityType.THING), "sued", GLOBEX, claim_a.evidence)
    store = ox.Store()
    with WriteSession(store) as session:
        session.write([a], [vague])
        session.write([b], [claim_b])
    node = ox.NamedNode(f"https://w3id.org/kg/id/entity/{ACME.id}")
    classes = {q.object.value for q in store.quads_for_pattern(node, ox.NamedNode(RDF + "type"), None)}
    assert classes == {SCHEMA + "Organization", KG + "Entity"}


def test_an_error_while_loading_in_the_background_reaches_the_writer(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(store: ox.Store, lines: list[str]) -> None:
        raise StoreError("disk full")

    monkeypatch.setattr(rl, "_load", broken)
    (a, claim_a), (b, claim_b) = _article(1), _article(2)
    with pytest.raises(StoreError, match="disk full"), WriteSession(ox.Store()) as session:  # noqa: PT012
        for doc, claim in [(a, claim_a), (b, claim_b), (b, claim_b)]:
            session.write([doc], [claim])


def test_large_batches_go_through_the_bulk_loader(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Every document ends up marked complete; one met again makes the session wait for what is loading."""
    monkeypatch.setattr(rl, "BULK_BYTES", 100)
    articles = [_article(n) for n in range(30)]
    batches = [([d for d, _c in articles[i : i + 10]], [c for _d, c in articles[i : i + 10]]) for i in (0, 10, 20)]
    batches.append(batches[1])
    with open_store(tmp_path / "s") as store:
        assert _counts(store.write_many(batches)) == (1, 30, 2)
        assert store.known_documents(d.id for d, _c in articles) == {d.id for d, _c in articles}
        assert store.stats().counts["evidence"] == 30
