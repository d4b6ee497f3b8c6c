"""Resolution across documents: the pipeline stage between extraction and ``store.write``.

For each new document, in order, after the user's recorded corrections are replayed:

- An organisation named with or without its legal form is one ("Acme" and "Acme Inc.").
- A lone surname ("Musk") joins the one person of that surname the store knows ("Elon Musk") if the two share
  context: another entity that both the new document and the person's documents name. Without shared
  context, or with several people of that surname, it is not merged blindly: it stays an entity of its own
  document, and the resolver records it as possibly the same as each candidate (``kg:possiblySameAs``).
- A lone surname the store already holds from another article is that entity only with shared context, too.
- A full name ("Elon Musk") takes in the lone surname ("Musk") stored from earlier articles when they share
  context: their claims move to the full name, and the merge is recorded as the resolver's.

Everything reads the store through the Store interface, so it works with any backend.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from kg.model import Claim, Document, Entity, EntityType, ExtractorInfo, Resolution, ResolutionKind, entity_id
from kg.resolve.corrections import Corrections
from kg.resolve.document import merge_entity_views
from kg.resolve.index import EntityIndex, is_global, name_key, person_like
from kg.resolve.rewrite import rewrite
from kg.store.base import ClaimFilter, Store

__all__ = ["RESOLVER", "Resolver"]

#: The resolver's name in provenance.
RESOLVER = ExtractorInfo("kg.resolve", 1)
#: How many of an entity's documents are read to know its context.
CONTEXT_DOCUMENTS = 20


@dataclass
class _Batch:
    """The claims of a batch resolved so far, and what the resolver decided."""

    claims: list[Claim] = field(default_factory=list)
    resolutions: list[Resolution] = field(default_factory=list)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _entities(claims: Iterable[Claim]) -> dict[str, Entity]:
    views: dict[str, list[Entity]] = {}
    for claim in claims:
        for entity in claim.entities():
            views.setdefault(entity.id, []).append(entity)
    return {key: merge_entity_views(found) for key, found in views.items()}


def _bare(entity: Entity) -> bool:
    """A single-word name of a person or of unknown kind: a surname on its own."""
    return len(entity.name.split()) == 1 and person_like(entity)


class Resolver:
    """Resolves the entities of new documents against the store and against each other."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.index = EntityIndex(store.entities())
        self.corrections = Corrections(store.resolutions())
        self._stored_context: dict[str, set[str]] = {}
        self._new_context: dict[str, set[str]] = {}

    # -- context: which other entities an entity's documents name ---------------------------------------------

    def context(self, entity: Entity) -> set[str]:
        """The other entities named in the documents that name ``entity`` (stored ones and this run's)."""
        if entity.id not in self._stored_context:
            claims = list(self.store.claims(ClaimFilter(entities=frozenset({entity.id}))))
            docs = sorted({ev.document for c in claims for ev in c.evidence})[:CONTEXT_DOCUMENTS]
            near = {e.id for d in docs for c in self.store.claims(ClaimFilter(document=d)) for e in c.entities()}
            self._stored_context[entity.id] = near - {entity.id}
        return self._stored_context[entity.id] | self._new_context.get(entity.id, set())

    def _shares_context(self, known: Entity, names: set[str]) -> bool:
        return bool(self.context(known) & names)

    # -- one document -----------------------------------------------------------------------------------------

    def _decide(self, doc: Document, entity: Entity, names: set[str], batch: _Batch) -> Entity:
        """The entity that ``entity`` of ``doc`` is (itself, a known one, or one scoped to the document)."""
        if entity.type is EntityType.UNNAMED_GROUP or not is_global(entity):
            return entity
        same_key = [e for e in self.index.by_key(name_key(entity.name)) if e.id != entity.id]
        if entity.type is EntityType.ORGANIZATION and len(same_key) == 1 and self.index.get(entity.id) is None:
            return same_key[0].with_aliases(entity.name, *entity.aliases)  # "Acme Inc." is the "Acme" known
        if _bare(entity):
            return self._lone_surname(doc, entity, names, batch)
        if len(entity.name.split()) >= 2 and person_like(entity):
            self._take_in_surname(entity, names, batch)
        return entity

    def _lone_surname(self, doc: Document, entity: Entity, names: set[str], batch: _Batch) -> Entity:
        candidates = [e for e in self.index.by_surname(entity.name) if e.id != entity.id]
        same = self.index.get(entity.id)
        related = [c for c in candidates if self._shares_context(c, names)]
        if len(candidates) == 1 and related:
            return related[0].with_aliases(entity.name, *entity.aliases)
        if not candidates and (same is None or self._shares_context(same, names)):
            return entity
        scoped = Entity(entity_id(entity.name, scope=doc.id), entity.name, entity.type, entity.aliases)
        for candidate in [*candidates, *([same] if same else [])]:
            batch.resolutions.append(self._record(ResolutionKind.AMBIGUOUS, scoped, candidate))
        return scoped

    def _take_in_surname(self, full: Entity, names: set[str], batch: _Batch) -> None:
        """Stored lone surnames that are this person: move their claims here."""
        lone = self.index.get(entity_id(full.name.split()[-1]))
        if lone is None or lone.id == full.id or not _bare(lone):
            return
        if any(other.id != full.id for other in self.index.by_surname(lone.name)):
            return  # another person of that surname is known: the lone name stays as it is
        if not self._shares_context(lone, names):
            batch.resolutions.append(self._record(ResolutionKind.AMBIGUOUS, lone, full))
            return
        merged = full.with_aliases(lone.name, *lone.aliases)
        stored = list(self.store.claims(ClaimFilter(entities=frozenset({lone.id}))))
        self.store.replace_claims([c.id for c in stored], rewrite(stored, {lone.id: merged}))
        batch.claims = rewrite(batch.claims, {lone.id: merged})
        batch.resolutions.append(self._record(ResolutionKind.MERGE, lone, full))
        self.index.remove(lone.id)

    def _record(self, kind: ResolutionKind, entity: Entity, target: Entity) -> Resolution:
        return Resolution(kind, entity.id, target.id, entity.name, target.name, agent=str(RESOLVER), at=_now())

    def _document(self, doc: Document, claims: Sequence[Claim], batch: _Batch) -> list[Claim]:
        claims = self.corrections.apply(claims)
        entities = _entities(claims)
        names = set(entities)
        mapping = {key: self._decide(doc, e, names - {key}, batch) for key, e in entities.items()}
        resolved = rewrite(claims, {k: v for k, v in mapping.items() if v != entities[k]})
        for entity in _entities(resolved).values():
            self.index.add(entity)
            self._new_context.setdefault(entity.id, set()).update(names - {entity.id})
        return resolved

    def resolve(self, documents: Sequence[tuple[Document, Sequence[Claim]]]) -> list[Claim]:
        """The claims of ``documents`` (each with its extracted claims), resolved; decisions are recorded in
        the store as they are made."""
        batch = _Batch()
        for doc, claims in documents:
            resolved = self._document(doc, claims, batch)  # may rewrite batch.claims: call before extending
            batch.claims.extend(resolved)
        for resolution in batch.resolutions:
            self.store.record_resolution(resolution)
        return batch.claims
