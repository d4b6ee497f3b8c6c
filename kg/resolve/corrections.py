"""Corrections a user makes to who is who: ``kg merge A B`` (A is B) and ``kg split E --alias NAME`` (the
mentions called NAME of E are someone else). Each works on any store through the Store interface, moves the
claims and their evidence, and is recorded as a :class:`~kg.model.Resolution` attributed to the user; the
resolver replays the recorded corrections on every document ingested later, so that they survive
re-ingestion.

>>> import tempfile
>>> from kg.model import Claim, Document, Entity, EntityType, Evidence, ExtractorInfo, Mention, Span
>>> doc = Document.create("Musk sued OpenAI.", "a.txt", language="en")
>>> musk, openai = Entity.named("Musk", EntityType.PERSON), Entity.named("OpenAI", EntityType.ORGANIZATION)
>>> ev = Evidence.at(doc, Span(0, 17), ExtractorInfo("kg.example", 1), 0.9, subject_mention=Mention(Span(0, 4), "Musk"))
>>> from kg.store import open_store
>>> with tempfile.TemporaryDirectory() as d, open_store(d) as store:
...     _ = store.write([doc], [Claim.relation(musk, "sued", openai, (ev,)),
...                             Claim.relation(Entity.named("Elon Musk", EntityType.PERSON), "owns",
...                                            Entity.named("xAI", EntityType.ORGANIZATION), (ev,))])
...     report = merge_entities(store, "Musk", "Elon Musk")
...     [(c.subject.name, c.subject.aliases) for c in store.claims() if c.predicate == "sued"]
[('Elon Musk', ('Musk',))]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from kg.errors import ResolutionError
from kg.model import Claim, ClaimKind, Entity, Evidence, Mention, Resolution, ResolutionKind, entity_id
from kg.resolve.rewrite import rewrite, rewrite_claim
from kg.store.base import ClaimFilter, Store

__all__ = ["CorrectionReport", "Corrections", "find_entity", "merge_entities", "split_entity"]


@dataclass(frozen=True)
class CorrectionReport:
    resolution: Resolution
    claims_moved: int


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def find_entity(store: Store, key: str) -> Entity:
    """The entity ``key`` names: its id, its name, or else a unique alias (case-insensitive)."""
    entities = list(store.entities())
    for test in (
        lambda e: e.id == key,
        lambda e: e.name.casefold() == key.casefold(),
        lambda e: key.casefold() in (a.casefold() for a in e.aliases),
    ):
        found = [e for e in entities if test(e)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            listed = ", ".join(f"{e.name} ({e.id})" for e in found[:5])
            raise ResolutionError(f"{key!r} names several entities: {listed}; give an id")
    raise ResolutionError(f"no entity named {key!r} (see kg entities)")


def merge_entities(store: Store, source: str, target: str) -> CorrectionReport:
    """Make ``source`` one with ``target`` (ids, names or aliases): its claims move to ``target``, which takes
    its name and aliases as aliases; the merge is recorded."""
    old, kept = find_entity(store, source), find_entity(store, target)
    if old.id == kept.id:
        raise ResolutionError(f"{source!r} and {target!r} are already one entity ({kept.id})")
    claims = list(store.claims(ClaimFilter(entities=frozenset({old.id}))))
    merged = kept.with_aliases(old.name, *old.aliases)
    store.replace_claims([c.id for c in claims], rewrite(claims, {old.id: merged}))
    resolution = Resolution(ResolutionKind.MERGE, old.id, kept.id, old.name, kept.name, agent="user", at=_now())
    store.record_resolution(resolution)
    return CorrectionReport(resolution, len(claims))


def _mentions(claim: Claim, ev: Evidence, entity: Entity) -> list[Mention | None]:
    """The mentions of ``entity`` in one piece of evidence of ``claim``."""
    out: list[Mention | None] = []
    if claim.subject.id == entity.id:
        out.append(ev.subject_mention)
    if claim.kind is ClaimKind.RELATION and claim.object is not None and claim.object.id == entity.id:
        out.append(ev.object_mention)
    return out


def _is_alias(ev: Evidence, mentions: Iterable[Mention | None], alias: str, document: str | None) -> bool:
    if document is not None and ev.document != document:
        return False
    return any(m is not None and m.text.casefold() == alias.casefold() for m in mentions)


def _split_claim(claim: Claim, entity: Entity, new: Entity, alias: str, document: str | None) -> list[Claim]:
    """``claim`` divided by its evidence: what mentions ``alias`` moves to ``new``, the rest stays."""
    moved = tuple(ev for ev in claim.evidence if _is_alias(ev, _mentions(claim, ev, entity), alias, document))
    kept = tuple(ev for ev in claim.evidence if ev not in moved)
    out = [replace(claim, evidence=kept)] if kept else []
    if moved:
        changed = rewrite_claim(replace(claim, evidence=moved), {entity.id: new})
        out += [changed] if changed is not None else []
    return out


def split_entity(
    store: Store, key: str, alias: str, name: str | None = None, document: str | None = None
) -> CorrectionReport:
    """Give the mentions called ``alias`` of the entity ``key`` (in ``document`` only, if given) to another
    entity, named ``name`` (default: the alias itself, kept apart from ``key``)."""
    entity = find_entity(store, key)
    new = _split_target(entity, alias, name, store.resolutions())
    changed: list[str] = []
    added: list[Claim] = []
    for claim in store.claims(ClaimFilter(entities=frozenset({entity.id}))):
        parts = _split_claim(claim, entity, new, alias, document)
        if parts != [claim]:
            changed.append(claim.id)
            added += parts
    if not changed:
        raise ResolutionError(f"no mention of {entity.name!r} is called {alias!r}")
    store.replace_claims(changed, added)
    resolution = Resolution(
        ResolutionKind.SPLIT, entity.id, new.id, entity.name, new.name, alias, document, agent="user", at=_now()
    )
    store.record_resolution(resolution)
    return CorrectionReport(resolution, len(changed))


def _split_target(entity: Entity, alias: str, name: str | None, earlier: Sequence[Resolution]) -> Entity:
    if name:
        return Entity.named(name, entity.type, (alias,))
    for r in reversed(earlier):
        if r.by_user and r.kind is ResolutionKind.MERGE and r.target == entity.id and r.entity_name == alias:
            return Entity(r.entity, r.entity_name, entity.type)  # undo that merge: the entity comes back
    # The alias alone would be the id of any bare "Musk": scoped, it stays apart from the entity split from.
    return Entity(entity_id(alias, scope=f"split:{entity.id}"), alias, entity.type)


class Corrections:
    """The user's recorded corrections, replayed on newly extracted claims."""

    def __init__(self, resolutions: Sequence[Resolution]) -> None:
        self.merges: dict[str, Resolution] = {}
        self.splits: list[Resolution] = []
        for r in (r for r in resolutions if r.by_user):  # oldest first: a later split undoes a merge
            if r.kind is ResolutionKind.MERGE:
                self.merges[r.entity] = r
            elif r.kind is ResolutionKind.SPLIT:
                undone = self.merges.get(r.target)
                if undone is not None and undone.target == r.entity:
                    del self.merges[r.target]
                self.splits.append(r)

    def _target(self, entity_id: str) -> Resolution | None:
        seen: set[str] = set()
        found = None
        while entity_id in self.merges and entity_id not in seen:
            seen.add(entity_id)
            found = self.merges[entity_id]
            entity_id = found.target
        return found

    def merged(self, entity: Entity) -> Entity:
        """The entity ``entity`` was merged into (following chains), with its names as aliases."""
        last = self._target(entity.id)
        if last is None:
            return entity
        return Entity(last.target, last.target_name, entity.type).with_aliases(entity.name, *entity.aliases)

    def apply(self, claims: Sequence[Claim]) -> list[Claim]:
        """``claims`` with the user's merges and splits applied."""
        mapping = {e.id: self.merged(e) for c in claims for e in c.entities() if e.id in self.merges}
        out = rewrite(claims, mapping) if mapping else list(claims)
        for split in self.splits:
            out = [part for claim in out for part in _replay_split(claim, split)]
        return out


def _replay_split(claim: Claim, split: Resolution) -> list[Claim]:
    entity = next((e for e in claim.entities() if e.id == split.entity), None)
    if entity is None or split.alias is None:
        return [claim]
    new = Entity(split.target, split.target_name, entity.type).with_aliases(split.alias)
    return _split_claim(claim, entity, new, split.alias, split.document)
