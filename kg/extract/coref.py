"""Coreference inside one document: which entity a name, a pronoun or a description refers to.

Every extractor resolves speakers and relation arguments through this one mechanism. Names are grouped into
entities by :mod:`kg.extract.clusters` (a lone "Musk" joins "Elon Musk" when he is the only Musk of the
article; "Nordwind" joins "Nordwind Energie"; "ASEAN" joins the "Association of Southeast Asian Nations
(ASEAN)" it abbreviates). Pronouns ("er", "she", "its") and descriptions ("das Unternehmen", "the company")
take the nearest earlier entity of a compatible type, and for personal pronouns of a compatible gender.

>>> from kg.lang import language
>>> from kg.extract.mentions import find_names, tokenize
>>> text = "Gestern hat Elon Musk xAI gegründet. Er sagte, Musk sei zufrieden."
>>> coref = Coreference(text, find_names(text, tokenize(text), language("de")), language("de"), "d" * 64)
>>> coref.resolve(Span(37, 39)).entity.name, coref.resolve(Span(47, 51)).entity.name
('Elon Musk', 'Elon Musk')
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from kg.extract.clusters import Cluster, cluster_names
from kg.extract.entity_types import Strength
from kg.extract.lexicon import lexicon
from kg.extract.mentions import NameMention
from kg.lang import LanguageData
from kg.model import Entity, EntityType, Mention, MentionKind, Span

__all__ = ["Coreference", "Resolved"]

#: How far back (in characters) a pronoun or description looks for its antecedent.
ANTECEDENT_WINDOW = 1200
#: What opening the document is worth, in mentions, when a pronoun weighs its candidates.
SUBJECT_BONUS = 2

_PERSONAL = frozenset({EntityType.PERSON})
_COLLECTIVE = frozenset({EntityType.ORGANIZATION, EntityType.PRODUCT, EntityType.PLATFORM, EntityType.UNNAMED_GROUP})
#: pronouns.toml key -> the entity types and the gender (for persons) its words may stand for.
_PRONOUN_KEYS: dict[str, tuple[frozenset[EntityType], str | None]] = {
    "male": (_PERSONAL, "m"),
    "female": (_PERSONAL, "f"),
    "neuter": (_COLLECTIVE | {EntityType.THING}, None),
    "plural": (_COLLECTIVE | _PERSONAL, None),
    "possessive_male": (_PERSONAL, "m"),
    "possessive_female": (_PERSONAL, "f"),
    # What "its" or "sein" stands for owns, leads or employs: an organisation, not a product or a platform.
    "possessive_neuter": (frozenset({EntityType.ORGANIZATION}), None),
    "possessive_plural": (frozenset({EntityType.ORGANIZATION}) | _PERSONAL, None),
}


@dataclass(frozen=True, slots=True)
class Resolved:
    """A mention and the entity it was resolved to."""

    mention: Mention
    entity: Entity


@dataclass(frozen=True, slots=True)
class _Reading:
    """One way a pronoun can be read: the entity types it may stand for, the gender if it is personal, and
    whether it takes the most salient candidate (singular pronouns) or the nearest (plural ones: lists)."""

    types: frozenset[EntityType]
    gender: str | None
    salient: bool


@dataclass(frozen=True)
class _Referring:
    pronouns: dict[str, tuple[_Reading, ...]]
    possessives: frozenset[str]
    descriptions: dict[str, EntityType]
    determiners: frozenset[str]


@cache
def _referring(lang: LanguageData) -> _Referring:
    table = lang.table("pronouns")
    readings: dict[str, list[_Reading]] = defaultdict(list)
    for key, (types, gender) in _PRONOUN_KEYS.items():
        for word in table.get(key, []):
            # "he", "it" and "his" take the most salient candidate; "its" and "they" the nearest ("Sendero
            # Luminoso and its leader").
            salient = key in ("male", "female", "neuter", "possessive_male", "possessive_female")
            readings[word].append(_Reading(types, gender, salient))
    possessives = frozenset(w for k in _PRONOUN_KEYS if k.startswith("possessive") for w in table.get(k, []))
    descriptions = {
        noun.casefold(): EntityType(kind) for kind, nouns in table.get("descriptions", {}).items() for noun in nouns
    }
    return _Referring(
        {k: tuple(v) for k, v in readings.items()},
        possessives,
        descriptions,
        frozenset(table.get("determiners", [])),
    )


class Coreference:
    """The entities of one document and the mentions that refer to them."""

    def __init__(self, text: str, names: Sequence[NameMention], lang: LanguageData | None, document: str) -> None:
        self.text = text
        self.lang = lang
        self.document = document
        self.names = sorted(names, key=lambda m: m.span.start)
        self._starts = [m.span.start for m in self.names]
        self._by_start = {m.span.start: m for m in self.names}
        clusters = cluster_names(self.names, lexicon(lang) if lang else None, text)
        self._cluster_of: dict[Span, Cluster] = {}
        self._named: dict[str, Cluster] = {}
        self._by_id: dict[str, Cluster] = {}
        self._member_starts: dict[str, list[int]] = {}
        for cluster in clusters:
            self._by_id[cluster.entity.id] = cluster
            self._member_starts[cluster.entity.id] = [m.span.start for m in cluster.members]
            for m in cluster.members:
                self._cluster_of[m.span] = cluster
            for alias in (cluster.entity.name, *cluster.entity.aliases):
                self._named.setdefault(alias, cluster)
        self._first_of_type: dict[EntityType, str] = {}
        for m in self.names:
            entity = self._cluster_of[m.span].entity
            self._first_of_type.setdefault(entity.type, entity.id)

    def _entity(self, m: NameMention) -> Entity:
        return self._cluster_of[m.span].entity

    def entities(self) -> list[Entity]:
        """Every entity named in the document, once, in order of first mention."""
        seen: dict[str, Entity] = {}
        for m in self.names:
            entity = self._entity(m)
            seen.setdefault(entity.id, entity)
        return list(seen.values())

    def mentions(self, entity: Entity) -> list[Mention]:
        """The name mentions that resolved to ``entity``, in order."""
        cluster = self._by_id.get(entity.id)
        return [Mention(m.span, m.text) for m in cluster.members] if cluster else []

    def named(self, name: str) -> Entity | None:
        """The entity the document calls ``name`` (its canonical name or an alias), if any."""
        cluster = self._named.get(name)
        return cluster.entity if cluster else None

    def gender(self, entity: Entity) -> str | None:
        """'m' or 'f' for a person whose given name says so, else None."""
        cluster = self._by_id.get(entity.id)
        return cluster.gender if cluster else None

    def typed_by_shape(self, entity: Entity) -> bool:
        """True if nothing but the shape of its name ("xAI", "NASA") gave ``entity`` its type: other evidence,
        such as the relations it stands in, may change it."""
        cluster = self._by_id.get(entity.id)
        return cluster is not None and cluster.strength <= Strength.SHAPE

    def name_at(self, start: int) -> Resolved | None:
        """The name mention that starts at offset ``start`` and its entity."""
        m = self._by_start.get(start)
        return Resolved(Mention(m.span, m.text), self._entity(m)) if m else None

    def name_in(self, span: Span) -> Resolved | None:
        """The first name mention inside ``span`` and its entity."""
        i = bisect_left(self._starts, span.start)
        if i < len(self.names) and span.contains(self.names[i].span):
            m = self.names[i]
            return Resolved(Mention(m.span, m.text), self._entity(m))
        return None

    def _nearest(
        self, before: int, types: frozenset[EntityType], gender: str | None, exclude: frozenset[str] = frozenset()
    ) -> NameMention | None:
        # Names never overlap, so the ones ending before ``before`` are those starting before it, but the last.
        for i in range(bisect_left(self._starts, before) - 1, -1, -1):
            m = self.names[i]
            if m.span.end > before:
                continue
            if before - m.span.end > ANTECEDENT_WINDOW:
                return None
            cluster = self._cluster_of[m.span]
            if cluster.entity.type not in types or cluster.entity.id in exclude:
                continue
            if gender is None or cluster.entity.type is not EntityType.PERSON or cluster.gender in (None, gender):
                return m
        return None

    def antecedent(
        self,
        before: int,
        types: frozenset[EntityType],
        *,
        gender: str | None = None,
        exclude: frozenset[str] = frozenset(),
    ) -> Entity | None:
        """The entity of the nearest name mention ending before ``before`` whose type is one of ``types`` (and,
        for a person whose gender is known, whose gender is ``gender``), skipping the entities ``exclude``."""
        m = self._nearest(before, types, gender, exclude)
        return self._entity(m) if m else None

    def _salience(self, cluster: Cluster, before: int) -> int:
        """How present an entity is just before ``before``: its mentions in the window, and more if it is the
        first of its type in the document (the person or company an article is about)."""
        starts = self._member_starts[cluster.entity.id]
        count = bisect_left(starts, before) - bisect_left(starts, before - ANTECEDENT_WINDOW)
        first = self._first_of_type.get(cluster.entity.type) == cluster.entity.id
        return count + (SUBJECT_BONUS if first else 0)

    def topic(self, before: int, types: frozenset[EntityType]) -> Entity | None:
        """The entity of one of ``types`` that the passage before ``before`` is about: the most salient one named
        in the window ("Konkret schrieb Mitgründer Ilya Sutskever" in a paragraph about OpenAI)."""
        m = self._salient(before, _Reading(types, None, True), frozenset())
        return self._entity(m) if m else None

    def _salient(self, before: int, reading: _Reading, exclude: frozenset[str]) -> NameMention | None:
        """Of the candidates named in the window, the most salient (the nearest if they tie): "he" in a
        profile is the person it profiles, even when someone else was named in between."""
        best: tuple[int, NameMention] | None = None
        seen: set[str] = set()
        for i in range(bisect_left(self._starts, before) - 1, -1, -1):
            m = self.names[i]
            if before - m.span.end > ANTECEDENT_WINDOW:
                break
            cluster = self._cluster_of[m.span]
            entity = cluster.entity
            if m.span.end > before or entity.id in seen or entity.id in exclude:
                continue
            seen.add(entity.id)
            personal = reading.gender is not None and entity.type is EntityType.THING and cluster.person_like
            if entity.type not in reading.types and not personal:
                continue
            if reading.gender and entity.type is EntityType.PERSON and cluster.gender not in (None, reading.gender):
                continue
            score = self._salience(cluster, before)
            if best is None or score > best[0]:
                best = (score, m)
        return best[1] if best else None

    def _pronoun(self, span: Span, readings: tuple[_Reading, ...], exclude: frozenset[str]) -> Entity | None:
        found = [
            m
            for r in readings
            if (
                m := self._salient(span.start, r, exclude)
                if r.salient
                else self._nearest(span.start, r.types, r.gender, exclude)
            )
        ]
        # Of several readings ("sie": she or they), the one with the nearest antecedent wins.
        return self._entity(max(found, key=lambda m: m.span.start)) if found else None

    def resolve(self, span: Span, *, exclude: frozenset[str] = frozenset()) -> Resolved | None:
        """What the words at ``span`` refer to: a name in it, else a pronoun or a description.

        ``exclude`` holds ids of entities a pronoun or description cannot mean here: in "Nordwind wirft dem
        Unternehmen vor" the company accused is not Nordwind itself.
        """
        named = self.name_in(span)
        if named is not None or self.lang is None:
            return named
        words = span.of(self.text).split()
        if not words:
            return None
        referring = _referring(self.lang)
        head = words[-1].casefold()
        described = self.described(words)
        if len(words) == 1 and head in referring.pronouns:
            entity = self._pronoun(span, referring.pronouns[head], exclude)
            kind = MentionKind.PRONOUN
        elif described is not None:
            entity = self.antecedent(span.start, frozenset({described}), exclude=exclude)
            kind = MentionKind.DESCRIPTION
        else:
            return None
        return Resolved(Mention(span, span.of(self.text), kind), entity) if entity else None

    def described(self, words: Sequence[str]) -> EntityType | None:
        """The type a description refers to: "das Unternehmen", "des Konzerns", "the company" (a determiner and
        a description noun of pronouns.toml, or the noun alone)."""
        if self.lang is None or not words or len(words) > 2:
            return None
        referring = _referring(self.lang)
        if len(words) == 2 and words[0].casefold() not in referring.determiners:
            return None
        for form in lexicon(self.lang).forms(words[-1]):
            if form in referring.descriptions:
                return referring.descriptions[form]
        return None

    def is_possessive(self, word: str) -> bool:
        """True for a possessive determiner ("sein", "its") of the document's language."""
        return self.lang is not None and word.casefold() in _referring(self.lang).possessives

    def is_pronoun(self, word: str) -> bool:
        """True for a pronoun that can stand for a third party ("er", "they"; not "ich", "we")."""
        return self.lang is not None and word.casefold() in _referring(self.lang).pronouns
