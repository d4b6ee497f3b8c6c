"""The embedded RDF store's own guarantees: a write cut short is finished by the next one without duplicates,
an entity's vague class yields to a specific one, and the store refuses what it cannot be."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import StoreError
from kg.extract import extract_claims
from kg.ingest import read_documents
from kg.model import Claim, Document, Entity, EntityType, Evidence, ExtractorInfo, Span
from kg.store import open_store, rdf_loading
from kg.store.base import ClaimFilter
from kg.store.rdf import RdfStore
from kg.store.sparql import PREFIXES
from kg.vocab import KG, SCHEMA

_MARK = KG + "ingestedAt"


class Died(BaseException):
    """Stands for the end of a process: nothing after it runs, not even error handling."""


def _extracted(articles: Path) -> tuple[list[Document], list[Claim]]:
    docs = [d for d in read_documents([articles]) if isinstance(d, Document)]
    return docs, [c for d in docs for c in extract_claims(d)]


def _content(store: RdfStore) -> tuple[object, ...]:
    claims = {c.id: sorted(c.evidence_id(ev) for ev in c.evidence) for c in store.claims()}
    counts = store.stats().counts
    return claims, sorted(d.id for d in store.documents()), counts


def _die_at_completion(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the store end (as if killed) after writing a batch in bulk, before its completion marks."""
    original = rdf_loading._load

    def load(store: ox.Store, lines: list[str]) -> None:
        original(store, lines)
        if not any(_MARK in line for line in lines):
            raise Died

    monkeypatch.setattr(rdf_loading, "BULK_BYTES", 0)
    monkeypatch.setattr(rdf_loading, "_load", load)


def test_a_bulk_write_cut_before_its_completion_marks_is_finished_without_duplicates(
    articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs, claims = _extracted(articles)
    with open_store(tmp_path / "clean") as clean:
        clean.write(docs, claims)
        expected = _content(clean)
    with monkeypatch.context() as patched:
        _die_at_completion(patched)
        with pytest.raises(Died), open_store(tmp_path / "cut") as cut:
            cut.write(docs, claims)
    with open_store(tmp_path / "cut") as cut:
        assert cut.known_documents(d.id for d in docs) == set()
        result = cut.write(docs, claims)
        assert (result.documents, result.claims_added) == (len(docs), len(expected[0]))
        assert _content(cut) == expected


def test_a_store_cut_before_its_completion_marks_reads_as_if_the_cut_documents_were_not_there(
    articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs, claims = _extracted(articles)
    first, rest = docs[:1], docs[1:]
    with open_store(tmp_path / "store") as store:
        store.write(first, [c for c in claims if c.evidence[0].document == first[0].id])
        expected = _content(store)
    with monkeypatch.context() as patched:
        _die_at_completion(patched)
        with pytest.raises(Died), open_store(tmp_path / "store") as cut:
            cut.write(rest, [c for c in claims if c.evidence[0].document != first[0].id])
    with open_store(tmp_path / "store", readonly=True) as cut:
        assert [d.id for d in cut.documents()] == [first[0].id]
        assert {ev.document for c in cut.claims() for ev in c.evidence} == {first[0].id}
        assert _content(cut)[0] == expected[0]
        for doc in rest:
            assert list(cut.claims(ClaimFilter(document=doc.id))) == []


def test_remains_of_an_older_extractor_are_replaced_when_a_cut_write_is_finished(
    articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    [doc] = [d for d in read_documents([articles / "werk.de.txt"]) if isinstance(d, Document)]
    old = ExtractorInfo("kg.test.old", 1)
    stale = Claim.relation(
        Entity.named("Falkner Motoren", EntityType.ORGANIZATION),
        "owns",
        Entity.named("Sachsen", EntityType.PLACE),
        (Evidence.at(doc, Span(0, 10), old, 0.5),),
    )
    with monkeypatch.context() as patched:
        _die_at_completion(patched)
        with pytest.raises(Died), open_store(tmp_path / "store") as store:
            store.write([doc], [stale])
    with open_store(tmp_path / "store") as store:
        fresh = extract_claims(doc)
        store.write([doc], fresh)
        assert stale.id not in {c.id for c in store.claims()}
        assert {str(ev.extractor) for c in store.claims() for ev in c.evidence} == {
            str(ev.extractor) for c in fresh for ev in c.evidence
        }
        assert "Sachsen" not in {e.name for e in store.entities()}


def test_an_entity_left_with_a_vague_and_a_specific_class_is_healed(tmp_path: Path) -> None:
    doc = Document.create("Acme sued Globex.", "a.txt", language="en")
    acme = Entity.named("Acme", EntityType.ORGANIZATION)
    ev = (Evidence.at(doc, Span(0, 17), ExtractorInfo("kg.test", 1), 0.9),)
    with open_store(tmp_path / "store") as store:
        store.write([doc], [Claim.relation(acme, "sued", Entity.named("Globex", EntityType.ORGANIZATION), ev)])
    raw = ox.Store(str(tmp_path / "store"))
    raw.update("INSERT { ?e a schema:Thing } WHERE { ?e schema:name 'Acme' }", prefixes=PREFIXES)
    del raw
    other = Document.create("Acme sued Globex once more.", "b.txt", language="en")
    ev2 = (Evidence.at(other, Span(0, 10), ExtractorInfo("kg.test", 1), 0.9),)
    with open_store(tmp_path / "store") as store:
        vague = Entity.named("Acme", EntityType.THING)
        store.write([other], [Claim.relation(vague, "sued", Entity.named("Globex", EntityType.ORGANIZATION), ev2)])
        answer = store.query("SELECT ?class WHERE { ?e schema:name 'Acme' ; a ?class }", "sparql").rows
        assert {r[0] for r in answer} == {KG + "Entity", SCHEMA + "Organization"}


def test_a_file_where_the_store_should_be_is_refused(tmp_path: Path) -> None:
    (tmp_path / "store").write_text("not a store", "utf-8")
    with pytest.raises(StoreError, match="is a file, not a store directory"):
        open_store(tmp_path / "store")


def test_a_read_only_store_refuses_writes(articles: Path, tmp_path: Path) -> None:
    docs, claims = _extracted(articles)
    with open_store(tmp_path / "store") as store:
        store.write(docs[:1], [])
    with open_store(tmp_path / "store", readonly=True) as store, pytest.raises(StoreError, match="read-only"):
        store.write(docs, claims)
