"""What the store knows about its entities, for ``kg entities``: names, types, aliases, the mentions that
resolved to each entity (from the evidence of its claims), and the resolutions that concern it (what was
merged into it, what was split off, which other entities it may be).

>>> import tempfile
>>> from kg.model import Claim, Document, Entity, EntityType, Evidence, ExtractorInfo, Mention, Span
>>> from kg.store import open_store
>>> doc = Document.create("Musk sued OpenAI.", "a.txt", language="en")
>>> ev = Evidence.at(doc, Span(0, 17), ExtractorInfo("kg.example", 1), 0.9, subject_mention=Mention(Span(0, 4), "Musk"))
>>> claim = Claim.relation(Entity.named("Elon Musk", EntityType.PERSON, ("Musk",)), "sued",
...                        Entity.named("OpenAI", EntityType.ORGANIZATION), (ev,))
>>> with tempfile.TemporaryDirectory() as d, open_store(d) as store:
...     _ = store.write([doc], [claim])
...     [record] = list_entities(store, name="musk", mentions=True)
>>> record.entity.name, record.aliases, [(m.source, m.text) for m in record.mentions]
('Elon Musk', ('Musk',), [('a.txt', 'Musk')])
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.model import Claim, Entity, EntityType, Evidence, Mention, Resolution, ResolutionKind
from kg.store.base import ClaimFilter, Store

__all__ = ["EntityRecord", "MentionRecord", "list_entities"]


@dataclass(frozen=True)
class MentionRecord:
    """A mention that resolved to an entity: where it stands and how it reads."""

    source: str
    document: str
    start: int
    end: int
    text: str


@dataclass
class EntityRecord:
    entity: Entity
    aliases: tuple[str, ...]
    claims: int = 0
    mentions: list[MentionRecord] = field(default_factory=list)
    merged_from: list[str] = field(default_factory=list)
    split_off: list[str] = field(default_factory=list)
    possibly: list[tuple[str, str]] = field(default_factory=list)


def _matches(entity: Entity, name: str | None, kind: EntityType | None) -> bool:
    if kind is not None and entity.type is not kind:
        return False
    if name is None:
        return True
    needle = name.casefold()
    return needle in entity.id or any(needle in n.casefold() for n in (entity.name, *entity.aliases))


def _side_mentions(claim: Claim, ev: Evidence, entity_id: str) -> Iterable[Mention]:
    if claim.subject.id == entity_id and ev.subject_mention is not None:
        yield ev.subject_mention
    if claim.object is not None and claim.object.id == entity_id and ev.object_mention is not None:
        yield ev.object_mention


def _mentions(store: Store, record: EntityRecord) -> None:
    seen: set[MentionRecord] = set()
    for claim in store.claims(ClaimFilter(entities=frozenset({record.entity.id}))):
        record.claims += 1
        for ev in claim.evidence:
            for m in _side_mentions(claim, ev, record.entity.id):
                seen.add(MentionRecord(ev.source, ev.document, m.span.start, m.span.end, m.text))
    record.mentions = sorted(seen, key=lambda m: (m.source, m.start))


def _resolutions(records: dict[str, EntityRecord], resolutions: Iterable[Resolution]) -> None:
    for r in resolutions:
        target = records.get(r.target)
        entity = records.get(r.entity)
        if r.kind is ResolutionKind.MERGE and target is not None:
            target.merged_from.append(r.entity_name)
        elif r.kind is ResolutionKind.SPLIT and entity is not None and r.alias and r.document is None:
            entity.split_off.append(r.alias)
        elif r.kind is ResolutionKind.AMBIGUOUS:
            if entity is not None:
                entity.possibly.append((r.target, r.target_name))
            if target is not None:
                target.possibly.append((r.entity, r.entity_name))


def list_entities(
    store: Store, name: str | None = None, kind: EntityType | None = None, mentions: bool = False
) -> list[EntityRecord]:
    """The entities whose id, name or alias contains ``name`` (case-insensitive) and whose type is ``kind``,
    sorted by name; with ``mentions``, each with the mentions that resolved to it and its number of claims."""
    chosen = sorted((e for e in store.entities() if _matches(e, name, kind)), key=lambda e: (e.name.casefold(), e.id))
    records = {e.id: EntityRecord(e, e.aliases) for e in chosen}
    _resolutions(records, store.resolutions())
    for record in records.values():
        split = {a.casefold() for a in record.split_off}
        record.aliases = tuple(a for a in record.entity.aliases if a.casefold() not in split)
        record.possibly = sorted(set(record.possibly))
        if mentions:
            _mentions(store, record)
    return list(records.values())
