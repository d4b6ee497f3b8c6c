"""Claims re-pointed at other entities: what a merge, a split or a cross-document link does to a claim.

>>> from kg.model import Claim, Entity, EntityType
>>> musk, elon = Entity.named("Musk", EntityType.PERSON), Entity.named("Elon Musk", EntityType.PERSON)
>>> openai = Entity.named("OpenAI", EntityType.ORGANIZATION)
>>> [c.subject.name for c in rewrite([Claim.relation(musk, "sued", openai)], {musk.id: elon})]
['Elon Musk']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from kg.model import Claim, ClaimKind, Entity, Evidence

__all__ = ["rewrite", "rewrite_claim"]


def _evidence(ev: Evidence, mapping: Mapping[str, Entity]) -> Evidence:
    if ev.addressee is None or ev.addressee.id not in mapping:
        return ev
    return replace(ev, addressee=mapping[ev.addressee.id])


def rewrite_claim(claim: Claim, mapping: Mapping[str, Entity]) -> Claim | None:
    """``claim`` with each entity whose id ``mapping`` holds replaced; None if a relation would relate an
    entity to itself."""
    subject = mapping.get(claim.subject.id, claim.subject)
    evidence = tuple(_evidence(ev, mapping) for ev in claim.evidence)
    if claim.kind is ClaimKind.QUOTE:
        assert claim.content is not None
        return Claim.quote(subject, claim.content, evidence, claim.predicate)
    assert claim.object is not None
    obj = mapping.get(claim.object.id, claim.object)
    if obj.id == subject.id:
        return None
    return Claim.relation(subject, claim.predicate, obj, evidence)


def rewrite(claims: Iterable[Claim], mapping: Mapping[str, Entity]) -> list[Claim]:
    """Every claim re-pointed (see :func:`rewrite_claim`), those that would relate an entity to itself left out."""
    return [c for claim in claims if (c := rewrite_claim(claim, mapping)) is not None]
