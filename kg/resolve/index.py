"""The entities a store already holds, indexed for resolution: by id, by name without legal form ("Acme" for
"Acme Inc."), by surname (persons named with several words), and single-word names.

An entity whose id is not the plain id of its name is scoped (to one document, or split off by a user): it
never takes part in matching by name.

>>> from kg.model import Entity, EntityType
>>> known = [Entity.named("Elon Musk", EntityType.PERSON), Entity.named("Acme Inc.", EntityType.ORGANIZATION)]
>>> index = EntityIndex(known)
>>> [e.name for e in index.by_surname("Musk")], [e.name for e in index.by_key("acme")]
(['Elon Musk'], ['Acme Inc.'])
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cache

from kg.lang import available_languages, language
from kg.model import Entity, EntityType, entity_id, normalize_text

__all__ = ["EntityIndex", "is_global", "name_key", "person_like"]

_PERSONISH = frozenset({EntityType.PERSON, EntityType.THING})


@cache
def _legal_forms() -> frozenset[str]:
    return frozenset(
        str(f).casefold()
        for code in available_languages()
        for f in language(code).table("names").get("legal_forms", [])
    )


def name_key(name: str) -> str:
    """The case-folded name without a closing legal form: "Acme Inc." and "acme" share the key "acme".

    >>> name_key("Globex  GmbH"), name_key("Globex")
    ('globex', 'globex')
    """
    words = normalize_text(name).casefold().rstrip(",").split()
    while len(words) > 1 and words[-1].rstrip(",") in _legal_forms():
        words.pop()
    return " ".join(w.rstrip(",") for w in words)


def is_global(entity: Entity) -> bool:
    """True for an entity identified by its name alone (not scoped to a document or split off)."""
    return entity.id == entity_id(entity.name)


def person_like(entity: Entity) -> bool:
    """A person, or a name of unknown kind written like one ("Rudolf Halin")."""
    words = entity.name.split()
    shaped = all(w[:1].isupper() and w.replace("-", "").isalpha() and not w.isupper() for w in words)
    return entity.type in _PERSONISH and shaped


class EntityIndex:
    """Known entities; :meth:`add` keeps the index current while a batch is resolved."""

    def __init__(self, entities: Iterable[Entity] = ()) -> None:
        self._by_id: dict[str, Entity] = {}
        self._by_key: dict[str, dict[str, Entity]] = defaultdict(dict)
        self._by_surname: dict[str, dict[str, Entity]] = defaultdict(dict)
        for entity in entities:
            self.add(entity)

    def add(self, entity: Entity) -> None:
        self._by_id[entity.id] = entity
        if not is_global(entity):
            return
        self._by_key[name_key(entity.name)][entity.id] = entity
        words = entity.name.split()
        if len(words) >= 2 and person_like(entity):
            self._by_surname[words[-1]][entity.id] = entity

    def remove(self, entity_id: str) -> None:
        entity = self._by_id.pop(entity_id, None)
        if entity is not None:
            self._by_key[name_key(entity.name)].pop(entity_id, None)
            self._by_surname[entity.name.split()[-1]].pop(entity_id, None)

    def get(self, entity_id: str) -> Entity | None:
        return self._by_id.get(entity_id)

    def by_key(self, key: str) -> list[Entity]:
        """Global entities whose name has this key (see :func:`name_key`)."""
        return list(self._by_key.get(key, {}).values())

    def by_surname(self, surname: str) -> list[Entity]:
        """Persons named with several words, the last of which is ``surname``."""
        return list(self._by_surname.get(surname, {}).values())

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._by_id.values())
