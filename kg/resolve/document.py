"""Resolution inside one document: every extractor's claims about an entity name one and the same Entity,
with all the aliases the document gives it and the most specific type any extractor found.

This runs where extraction runs (it is a pure function of the claims), before resolution across documents.

>>> from kg.model import Claim, Entity, EntityType
>>> quote = Claim.quote(Entity.named("Elon Musk", EntityType.THING, ("Musk",)), "We will win.")
>>> relation = Claim.relation(Entity.named("Elon Musk", EntityType.PERSON), "sued",
...                           Entity.named("OpenAI", EntityType.ORGANIZATION))
>>> [(c.subject.type.value, c.subject.aliases) for c in unify_document([quote, relation])]
[('Person', ('Musk',)), ('Person', ('Musk',))]
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from kg.model import Claim, Entity, EntityType
from kg.resolve.rewrite import rewrite

__all__ = ["merge_entity_views", "unify_document"]


def merge_entity_views(views: Sequence[Entity]) -> Entity:
    """One entity from several views of it (same id): aliases united, the most frequent specific type."""
    first = views[0]
    types = Counter(v.type for v in views if v.type is not EntityType.THING)
    kind = types.most_common(1)[0][0] if types else first.type
    aliases = tuple(a for v in views for a in (v.name, *v.aliases))
    return replace(first, type=kind).with_aliases(*aliases)


def unify_document(claims: Sequence[Claim]) -> list[Claim]:
    """The claims of one document, their entities made consistent."""
    views: dict[str, list[Entity]] = defaultdict(list)
    for claim in claims:
        for entity in claim.entities():
            views[entity.id].append(entity)
    return rewrite(claims, {key: merge_entity_views(found) for key, found in views.items()})
