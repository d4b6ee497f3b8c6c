"""Writing to the embedded store: batches of documents and claims become N-Triples, loaded in the background.

A write session turns each batch into lines in the calling thread while the previous batch is being loaded in
a second thread (the store's loader releases the interpreter lock), so preparing and loading overlap.

Counting what is new needs to know what the store holds, and asking the store costs tens of microseconds per
question. A session therefore remembers what it wrote itself, and asks the store only where the answer is not
already known: nothing at all when the store was empty, nothing about the evidence of a document the store has
never seen (an evidence id contains its document), and about a claim only when the store held claims before.

>>> import pyoxigraph as ox
>>> from kg.model import Document, Entity, EntityType, ExtractorInfo, Span, Evidence, Claim
>>> doc = Document.create("Acme sued Globex.", "a.txt", language="en")
>>> ev = Evidence.at(doc, Span(0, 17), ExtractorInfo("kg.example", 1), 0.9)
>>> claim = Claim.relation(Entity.named("Acme", EntityType.ORGANIZATION), "sued",
...                        Entity.named("Globex", EntityType.ORGANIZATION), (ev,))
>>> store = ox.Store()
>>> with WriteSession(store) as session:
...     first = session.write([doc], [claim])
...     again = session.write([doc], [claim])
>>> (first.claims_added, first.evidence_added, first.entities_added), (again.claims_added, again.evidence_added)
((1, 1, 2), (0, 0))
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from types import TracebackType

import pyoxigraph as ox

from kg.model import Claim, Document, Entity, EntityType, Evidence
from kg.store import rdf_mapping as rm
from kg.store.base import Counted, WriteResult, write_each
from kg.store.rdf_loading import Batch, Loader
from kg.vocab import ENTITY_CLASSES, KG, PROV, RDF, iri

__all__ = ["RdfWriter", "WriteSession", "now"]

_TYPE = ox.NamedNode(RDF + "type")
_PREDICATE = ox.NamedNode(RDF + "predicate")
_SUPPORTS = ox.NamedNode(KG + "supports")
_USED = ox.NamedNode(PROV + "used")
_INGESTED = ox.NamedNode(KG + "ingestedAt")
_ENTITY = ox.NamedNode(KG + "Entity")
_THING = ox.NamedNode(ENTITY_CLASSES[EntityType.THING])
_TYPES = {ox.NamedNode(c): t for t, c in ENTITY_CLASSES.items()}


def now() -> str:
    """The current time as an xsd:dateTime in UTC, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _any(store: ox.Store, s: ox.NamedNode | None, p: ox.NamedNode | None, o: ox.NamedNode | None) -> bool:
    return next(iter(store.quads_for_pattern(s, p, o)), None) is not None


def _best_entities(claims: Sequence[Claim]) -> dict[str, Entity]:
    """Each entity once; a specific type (Person) wins over the vague Thing, whichever came first."""
    found: dict[str, Entity] = {}
    for claim in claims:
        for entity in claim.entities():
            held = found.get(entity.id)
            if held is None or (held.type is EntityType.THING and entity.type is not EntityType.THING):
                found[entity.id] = entity
    return found


class RdfWriter:
    """Turns batches into lines for one store, knowing (and remembering) what the store already holds.

    ``settle`` is called before the writer asks the store about a document whose lines it has handed out but
    which may not be loaded yet.
    """

    def __init__(
        self,
        store: ox.Store,
        when: str,
        settle: Callable[[], None] = lambda: None,
        clear: Callable[[list[str]], None] | None = None,
    ) -> None:
        self._store = store
        self._when = when
        self._settle = settle
        self._clear = clear
        self._written: set[str] = set()
        empty = next(iter(store), None) is None
        self._store_had_claims = not empty and _any(store, None, _PREDICATE, None)
        self._store_had_entities = not empty and _any(store, None, _TYPE, _ENTITY)
        self._store_empty = empty
        self._claims: set[int] = set()
        self._entities: dict[str, EntityType] = {}
        self._fresh: dict[str, bool] = {}
        self._unsettled: set[str] = set()
        self._activities: dict[tuple[str, str], str] = {}
        self._agents: set[str] = set()

    def prepare(self, documents: Sequence[Document], claims: Sequence[Claim]) -> Batch:
        documents, claims = self._unfinished(documents, claims)
        batch = Batch(result=WriteResult(documents=len(documents)))
        for doc in documents:
            self._is_fresh(doc.id)
            batch.lines += rm.document_lines(doc)
        seen: set[str] = set()
        for claim in claims:
            self._claim(claim, batch)
            for ev in claim.evidence:
                self._evidence(claim, ev, batch, seen)
        for entity in _best_entities(claims).values():
            self._entity(entity, batch)
        batch.completion = [rm.completion_line(doc, self._when) for doc in documents]
        for doc in documents:
            self._fresh[doc.id] = False
            self._unsettled.add(doc.id)
            self._written.add(doc.id)
        return batch

    def _unfinished(
        self, documents: Sequence[Document], claims: Sequence[Claim]
    ) -> tuple[Sequence[Document], Sequence[Claim]]:
        """The documents of a batch not yet complete, and the claims with the evidence of no complete one.

        What an interrupted earlier write left of a document is cleared first: finishing it then adds nothing
        twice, and keeps nothing that an older extractor said and the current one does not.
        """
        done: set[str] = set()
        started: list[str] = []
        for doc in documents:
            if doc.id in self._written or (not self._is_fresh(doc.id) and self._complete(doc.id)):
                done.add(doc.id)
            elif not self._is_fresh(doc.id):  # something of it is stored, but not its completion mark
                started.append(doc.id)
        if started and self._clear is not None:
            self._settle()
            self._clear(started)
            self.forget()
        if not done:
            return documents, claims
        kept = [replace(c, evidence=tuple(ev for ev in c.evidence if ev.document not in done)) for c in claims]
        return [d for d in documents if d.id not in done], [c for c in kept if c.evidence]

    def _complete(self, document: str) -> bool:
        return _any(self._store, ox.NamedNode(iri("doc", document)), _INGESTED, None)

    def forget(self) -> None:
        """The store was changed under the writer (claims replaced, entities gone): from now on, ask it rather
        than trust what was remembered. Call it only once everything handed out is loaded."""
        self._store_empty = False
        self._store_had_claims = self._store_had_entities = True
        self._claims.clear()
        self._entities.clear()
        self._fresh.clear()
        self._unsettled.clear()

    def _is_fresh(self, document: str) -> bool:
        """True if the store holds nothing of ``document``: then none of its evidence can be there."""
        fresh = self._fresh.get(document)
        if fresh is None:
            node = ox.NamedNode(iri("doc", document))
            fresh = self._store_empty or not _any(self._store, node, None, None)
            self._fresh[document] = fresh
        return fresh

    def _claim(self, claim: Claim, batch: Batch) -> None:
        key = int(claim.id, 16)
        if key in self._claims:
            return
        self._claims.add(key)
        if self._store_had_claims:
            node, predicate = ox.NamedNode(iri("claim", claim.id)), ox.NamedNode(KG + claim.predicate)
            if ox.Quad(node, _PREDICATE, predicate) in self._store:
                return
        batch.result.claims_added += 1
        batch.lines += rm.claim_lines(claim)

    def _evidence(self, claim: Claim, ev: Evidence, batch: Batch, seen: set[str]) -> None:
        eid = claim.evidence_id(ev)
        if eid in seen:
            return
        seen.add(eid)
        if self._is_new_evidence(claim, ev, eid):
            batch.result.evidence_added += 1
        batch.lines.append(rm.evidence_block(claim, ev, eid, self._activity(ev, batch)))

    def _is_new_evidence(self, claim: Claim, ev: Evidence, eid: str) -> bool:
        if self._is_fresh(ev.document):
            return True
        if ev.document in self._unsettled:
            self._settle()
            self._unsettled.clear()
        quad = ox.Quad(ox.NamedNode(iri("evidence", eid)), _SUPPORTS, ox.NamedNode(iri("claim", claim.id)))
        return quad not in self._store

    def _activity(self, ev: Evidence, batch: Batch) -> str:
        key = (ev.document, str(ev.extractor))
        act = self._activities.get(key)
        if act is None:
            act = self._activities[key] = rm.activity_iri(ev.document, ev.extractor)
            # An extraction stored before keeps its one start time (claims rewritten by resolution reuse it).
            if self._is_fresh(ev.document) or not _any(self._store, ox.NamedNode(act[1:-1]), _USED, None):
                batch.lines += rm.activity_lines(ev.document, ev.extractor, self._when, with_agent=False)
            if key[1] not in self._agents:
                self._agents.add(key[1])
                batch.lines += rm.agent_lines(ev.extractor)
        return act

    def _stored_types(self, entity: Entity) -> set[EntityType]:
        if entity.id in self._entities:
            return {self._entities[entity.id]}
        if not self._store_had_entities:
            return set()
        node = ox.NamedNode(iri("entity", entity.id))
        objects = (q.object for q in self._store.quads_for_pattern(node, _TYPE, None))
        return {_TYPES[o] for o in objects if isinstance(o, ox.NamedNode) and o in _TYPES}

    def _entity(self, entity: Entity, batch: Batch) -> None:
        """An entity keeps the first specific type it was given; a vague type (Thing) yields to a specific one,
        also where an entity was left with both."""
        held = self._stored_types(entity)
        specific = sorted(held - {EntityType.THING})
        if EntityType.THING in held and (specific or entity.type is not EntityType.THING):
            batch.obsolete.append(ox.Quad(ox.NamedNode(iri("entity", entity.id)), _TYPE, _THING))
        if held and (specific or entity.type is EntityType.THING):
            self._entities[entity.id] = specific[0] if specific else EntityType.THING
            batch.lines += rm.alias_lines(entity)
            return
        if not held:
            batch.result.entities_added += 1
        self._entities[entity.id] = entity.type
        batch.lines += rm.entity_lines(entity)


class WriteSession:
    """Writes batches to an Oxigraph store, preparing the next while the last one loads.

    Leaving the ``with`` block waits until everything is loaded and raises what went wrong, if anything.
    """

    def __init__(
        self, store: ox.Store, when: str | None = None, clear: Callable[[list[str]], None] | None = None
    ) -> None:
        self._loader = Loader(store)
        self._writer = RdfWriter(store, when or now(), settle=self._loader.drain, clear=clear)

    def __enter__(self) -> WriteSession:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if exc_type is None:
                self._loader.drain()
        finally:
            self._loader.close()

    def write(self, documents: Sequence[Document], claims: Sequence[Claim]) -> WriteResult:
        """Queue one batch; what it adds is counted now, its lines are loaded in the background."""
        batch = self._writer.prepare(documents, claims)
        self._loader.submit(batch)
        return batch.result

    def submit(self, batch: Batch) -> None:
        """Queue lines prepared elsewhere (a resolution, say), loaded after the batches before them."""
        self._loader.submit(batch)

    def settle(self) -> None:
        """Wait until everything queued so far is loaded."""
        self._loader.drain()

    def forget(self) -> None:
        """The store was changed besides this session: wait for the loader, then ask the store again."""
        self._loader.drain()
        self._writer.forget()

    def write_all(
        self, batches: Iterable[tuple[Sequence[Document], Sequence[Claim]]], counted: Counted = None
    ) -> WriteResult:
        return write_each(self.write, batches, counted)
