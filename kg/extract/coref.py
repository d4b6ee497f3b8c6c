"""Coreference inside one document: which entity a name, a pronoun or a description refers to.

Every extractor resolves speakers and relation arguments through this one mechanism. Names are grouped into
entities (a lone "Musk" joins "Elon Musk" when he is the only Musk of the article); pronouns ("er", "she") and
descriptions ("das Unternehmen", "the company") take the nearest earlier entity of a compatible type.

>>> from kg.lang import language
>>> from kg.extract.mentions import find_names, tokenize
>>> text = "Gestern hat Elon Musk xAI gegründet. Er sagte, Musk sei zufrieden."
>>> coref = Coreference(text, find_names(text, tokenize(text), language("de")), language("de"), "d" * 64)
>>> coref.resolve(Span(37, 39)).entity.name, coref.resolve(Span(47, 51)).entity.name
('Elon Musk', 'Elon Musk')
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from kg.extract.mentions import NameMention
from kg.lang import LanguageData
from kg.model import Entity, EntityType, Mention, MentionKind, Span

__all__ = ["Coreference", "Resolved"]

#: How far back (in characters) a pronoun or description looks for its antecedent.
ANTECEDENT_WINDOW = 1200

_PERSONAL = frozenset({EntityType.PERSON})
_COLLECTIVE = frozenset({EntityType.ORGANIZATION, EntityType.PRODUCT, EntityType.PLATFORM, EntityType.UNNAMED_GROUP})


@dataclass(frozen=True, slots=True)
class Resolved:
    """A mention and the entity it was resolved to."""

    mention: Mention
    entity: Entity


@dataclass(frozen=True)
class _Referring:
    pronouns: dict[str, frozenset[EntityType]]
    descriptions: dict[str, EntityType]
    determiners: frozenset[str]


@cache
def _referring(lang: LanguageData) -> _Referring:
    table = lang.table("pronouns")
    pronouns: dict[str, set[EntityType]] = defaultdict(set)
    for key, kinds in (
        ("male", _PERSONAL),
        ("female", _PERSONAL),
        ("neuter", _COLLECTIVE),
        ("plural", _COLLECTIVE | _PERSONAL),
    ):
        for word in table.get(key, []):
            pronouns[word].update(kinds)
    descriptions = {
        noun.casefold(): EntityType(kind) for kind, nouns in table.get("descriptions", {}).items() for noun in nouns
    }
    return _Referring(
        {k: frozenset(v) for k, v in pronouns.items()}, descriptions, frozenset(table.get("determiners", []))
    )


def _cluster_key(mention: NameMention, surnames: dict[str, set[str]]) -> str:
    words = mention.text.split()
    if len(words) == 1 and len(surnames.get(words[0], ())) == 1:
        return next(iter(surnames[words[0]]))  # "Musk" -> "Elon Musk"
    return mention.text


def _entity_type(types: list[EntityType]) -> EntityType:
    strong = [t for t in types if t is not EntityType.THING]
    return Counter(strong).most_common(1)[0][0] if strong else EntityType.THING


class Coreference:
    """The entities of one document and the mentions that refer to them."""

    def __init__(self, text: str, names: Sequence[NameMention], lang: LanguageData | None, document: str) -> None:
        self.text = text
        self.lang = lang
        self.document = document
        self.names = sorted(names, key=lambda m: m.span.start)
        self._by_start = {m.span.start: m for m in self.names}
        self._starts = [m.span.start for m in self.names]
        surnames: dict[str, set[str]] = defaultdict(set)
        for m in self.names:
            words = m.text.split()
            if len(words) >= 2 and m.type is EntityType.PERSON:
                surnames[words[-1]].add(m.text)
        groups: dict[str, list[NameMention]] = defaultdict(list)
        for m in self.names:
            groups[_cluster_key(m, surnames)].append(m)
        self._entity_of: dict[Span, Entity] = {}
        for members in groups.values():
            canonical = max((m.text for m in members), key=lambda t: (len(t.split()), len(t)))
            entity = Entity.named(canonical, _entity_type([m.type for m in members]), tuple(m.text for m in members))
            for m in members:
                self._entity_of[m.span] = entity

    def entities(self) -> list[Entity]:
        """Every entity named in the document, once, in order of first mention."""
        seen: dict[str, Entity] = {}
        for m in self.names:
            entity = self._entity_of[m.span]
            seen.setdefault(entity.id, entity)
        return list(seen.values())

    def name_at(self, start: int) -> Resolved | None:
        """The name mention that starts at offset ``start`` and its entity."""
        m = self._by_start.get(start)
        return Resolved(Mention(m.span, m.text), self._entity_of[m.span]) if m else None

    def name_in(self, span: Span) -> Resolved | None:
        """The first name mention inside ``span`` and its entity."""
        # Bisection keeps this logarithmic: it runs for every token near every quote of long articles.
        for i in range(bisect_left(self._starts, span.start), len(self.names)):
            m = self.names[i]
            if m.span.start >= span.end:
                break
            if span.contains(m.span):
                return Resolved(Mention(m.span, m.text), self._entity_of[m.span])
        return None

    def antecedent(self, before: int, types: frozenset[EntityType]) -> Entity | None:
        """The entity of the nearest name mention ending before ``before`` whose type is one of ``types``."""
        for i in reversed(range(bisect_left(self._starts, before))):
            m = self.names[i]
            if m.span.end > before:
                continue
            if before - m.span.end > ANTECEDENT_WINDOW:
                return None
            entity = self._entity_of[m.span]
            if entity.type in types:
                return entity
        return None

    def resolve(self, span: Span) -> Resolved | None:
        """What the words at ``span`` refer to: a name in it, else a pronoun or a description."""
        named = self.name_in(span)
        if named is not None or self.lang is None:
            return named
        words = span.of(self.text).split()
        if not words:
            return None
        referring = _referring(self.lang)
        head = words[-1].casefold()
        if len(words) == 1 and head in referring.pronouns:
            entity = self.antecedent(span.start, referring.pronouns[head])
            kind = MentionKind.PRONOUN
        elif head in referring.descriptions and (len(words) == 1 or words[0].casefold() in referring.determiners):
            entity = self.antecedent(span.start, frozenset({referring.descriptions[head]}))
            kind = MentionKind.DESCRIPTION
        else:
            return None
        return Resolved(Mention(span, span.of(self.text), kind), entity) if entity else None
