"""Coreference inside one document: which entity a name, a pronoun or a description refers to.

Every extractor resolves speakers and relation arguments through this one mechanism. Names are grouped into
entities by :mod:`kg.extract.clusters` (a lone "Musk" joins "Elon Musk" when he is the only Musk of the
article; "Nordwind" joins "Nordwind Energie"; "ASEAN" joins the "Association of Southeast Asian Nations
(ASEAN)" it abbreviates). Pronouns ("er", "she", "its") and descriptions ("das Unternehmen", "the company")
take an earlier entity of a compatible type: a description the first one named in its sentence or the one
before (the topic of the passage), a singular pronoun the most salient one in a window (for "he" and "she"
of a compatible gender), a plural pronoun or a possessive "its" the topic of its clause or the nearest.

>>> from kg.lang import language
>>> from kg.extract.mentions import find_names, tokenize
>>> text = "Gestern hat Elon Musk xAI gegründet. Er sagte, Musk sei zufrieden."
>>> coref = Coreference(text, find_names(text, tokenize(text), language("de")), language("de"), "d" * 64)
>>> coref.resolve(Span(37, 39)).entity.name, coref.resolve(Span(47, 51)).entity.name
('Elon Musk', 'Elon Musk')
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from kg.extract.clusters import Cluster, cluster_names
from kg.extract.entity_types import Strength
from kg.extract.lexicon import lexicon
from kg.extract.mentions import NameMention
from kg.extract.referring import Reading, referring
from kg.lang import LanguageData
from kg.model import Entity, EntityType, Mention, MentionKind, Span

__all__ = ["Coreference", "Resolved"]

#: How far back (in characters) a pronoun or description looks for its antecedent.
ANTECEDENT_WINDOW = 1200
#: What opening the document is worth, in mentions, when a pronoun weighs its candidates.
SUBJECT_BONUS = 2
#: The types a possessive "its" may stand for (see :mod:`kg.extract.referring`).
_ORGANIZATIONS = frozenset({EntityType.ORGANIZATION})
#: How far back (in characters) the word before a name is looked for.
ADVERBIAL_REACH = 40
#: How many words back from a name the preposition of a passive's agent is looked for.
AGENT_REACH = 4


@dataclass(frozen=True, slots=True)
class Resolved:
    """A mention and the entity it was resolved to."""

    mention: Mention
    entity: Entity


class Coreference:
    """The entities of one document and the mentions that refer to them."""

    def __init__(
        self,
        text: str,
        names: Sequence[NameMention],
        lang: LanguageData | None,
        document: str,
        sentences: Sequence[Span] = (),
    ) -> None:
        self.text = text
        self._sentence_starts = [s.start for s in sentences]
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
        self._by_last_word: dict[str, list[Entity]] | None = None
        self._first_of_type: dict[EntityType, str] = {}
        for m in self.names:
            entity = self._cluster_of[m.span].entity
            # Only a known type makes the first of its kind what the article is about: the first name of
            # unknown kind is as often a team or a place ("the Kansas City Royals") as a person.
            if entity.type is not EntityType.THING:
                self._first_of_type.setdefault(entity.type, entity.id)
        #: The entity the document names first: what a profile or an encyclopaedia article is about.
        self._opening = self._cluster_of[self.names[0].span].entity.id if self.names else None

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

    def ending_in(self, word: str) -> list[Entity]:
        """The entities whose name ends in ``word`` after other words ("Deutsche Bundesbank" for "Bundesbank")."""
        if self._by_last_word is None:
            self._by_last_word = defaultdict(list)
            for cluster in self._by_id.values():
                words = cluster.entity.name.split()
                if len(words) > 1:
                    self._by_last_word[words[-1]].append(cluster.entity)
        return list(self._by_last_word.get(word, []))

    def gender(self, entity: Entity) -> str | None:
        """'m' or 'f' for a person whose given name says so, else None."""
        cluster = self._by_id.get(entity.id)
        return cluster.gender if cluster else None

    def typed_by_shape(self, entity: Entity) -> bool:
        """True if nothing but the shape of its name ("xAI", "NASA") gave ``entity`` its type: other evidence,
        such as the relations it stands in, may change it."""
        cluster = self._by_id.get(entity.id)
        return cluster is not None and cluster.strength <= Strength.SHAPE

    def person_like(self, entity: Entity) -> bool:
        """True if ``entity`` is named like a person and used like one ("Rudolf Halin", later "Halin"), whatever
        its type."""
        cluster = self._by_id.get(entity.id)
        return cluster is not None and cluster.person_like

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
            if not self._fits(cluster, types) or cluster.entity.id in exclude:
                continue
            if gender is None or cluster.entity.type is not EntityType.PERSON or cluster.gender in (None, gender):
                return m
        return None

    def _fits(self, cluster: Cluster, types: frozenset[EntityType], lenient: bool = True) -> bool:
        """A name of one of ``types``; if ``lenient``, for an organisation also a name of unknown kind not
        written like a person's ("Saga", "Tessel"): typing from data misses many company names."""
        kind = cluster.entity.type
        return kind in types or (
            lenient and EntityType.ORGANIZATION in types and kind is EntityType.THING and not cluster.person_like
        )

    def _local(self, before: int, types: frozenset[EntityType], exclude: frozenset[str]) -> NameMention | None:
        """The first fitting name of the sentence before ``before``, else of the sentence before that: what a
        description ("the company", "dem Unternehmen") refers back to, as the topic of the passage."""
        i = bisect_right(self._sentence_starts, before) - 1
        if i < 0:
            return None
        # Bounded by the window, so that a document of one endless sentence costs no more per description.
        floor = before - ANTECEDENT_WINDOW
        bounds = [(max(floor, self._sentence_starts[i]), before)]
        if i > 0:
            bounds.append((max(floor, self._sentence_starts[i - 1]), self._sentence_starts[i]))
        for lo, hi in bounds:
            for m in self.names[bisect_left(self._starts, lo) : bisect_left(self._starts, hi)]:
                cluster = self._cluster_of[m.span]
                fits = cluster.entity.id not in exclude and self._fits(cluster, types, lenient=False)
                if m.span.end <= before and fits and not self._in_adverbial(m):
                    return m
        return None

    def _in_adverbial(self, m: NameMention) -> bool:
        """A name after a preposition of place or time ("in Paris") or of the agent ("owned by Vestland"): not
        what its passage is about."""
        if self.lang is None:
            return False
        before = self.text[max(0, m.span.start - ADVERBIAL_REACH) : m.span.start].split()
        words = referring(self.lang)
        if before and before[-1].casefold() in words.adjuncts:
            return True
        # The agent may stand after a description of it: "owned by the media group Kestrel Media".
        for word in reversed(before[-AGENT_REACH:]):
            if word.casefold() in words.agents:
                return True
            if not (word.isalpha() and word.islower()):
                return False
        return False

    def _named_after(
        self, before: int, types: frozenset[EntityType], noun: str, exclude: frozenset[str]
    ) -> Entity | None:
        """The nearest fitting entity whose name holds the description's noun ("der Verlag": "Morgenroth
        Verlag", "the bank": "Fairway Bank")."""
        for i in range(bisect_left(self._starts, before) - 1, -1, -1):
            m = self.names[i]
            if before - m.span.end > ANTECEDENT_WINDOW:
                break
            cluster = self._cluster_of[m.span]
            words = [w.casefold() for w in cluster.entity.name.split()]
            if cluster.entity.id in exclude or not self._fits(cluster, types) or m.span.end > before:
                continue
            if any(w == noun or w.endswith(noun) for w in words):
                return cluster.entity
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
        """How present an entity is just before ``before``: its mentions in the window, and more if the document
        names it first or it is the first of its type (the person or company an article is about)."""
        starts = self._member_starts[cluster.entity.id]
        count = bisect_left(starts, before) - bisect_left(starts, before - ANTECEDENT_WINDOW)
        first = self._first_of_type.get(cluster.entity.type) == cluster.entity.id or cluster.entity.id == self._opening
        return count + (SUBJECT_BONUS if first else 0)

    def topic(self, before: int, types: frozenset[EntityType]) -> Entity | None:
        """The entity of one of ``types`` that the passage before ``before`` is about: the first one named in
        its sentence or the one before, else the most salient one in the window ("Konkret schrieb Mitgründer
        Ilya Sutskever" in a paragraph about OpenAI)."""
        m = self._local(before, types, frozenset()) or self._salient(before, Reading(types, None, True), frozenset())
        return self._entity(m) if m else None

    def _salient(self, before: int, reading: Reading, exclude: frozenset[str]) -> NameMention | None:
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

    def _reading(self, before: int, r: Reading, exclude: frozenset[str]) -> NameMention | None:
        if r.salient:
            return self._salient(before, r, exclude)
        # "HTC zeigte auf dem Mobile World Congress seines ... System": the topic of the clause, then the nearest.
        local = self._local(before, r.types, exclude)
        if local is None and r.types == _ORGANIZATIONS:
            # "its leader" two sentences after the organisation was last named: the one the passage is about.
            return self._salient(before, r, exclude) or self._nearest(before, r.types, r.gender, exclude)
        return local or self._nearest(before, r.types, r.gender, exclude)

    def _pronoun(self, span: Span, readings: tuple[Reading, ...], exclude: frozenset[str]) -> Entity | None:
        found = [m for r in readings if (m := self._reading(span.start, r, exclude))]
        # Of several readings ("sie": she or they), the one with the nearest antecedent wins.
        return self._entity(max(found, key=lambda m: m.span.start)) if found else None

    def resolve(
        self, span: Span, *, exclude: frozenset[str] = frozenset(), singular: bool | None = None
    ) -> Resolved | None:
        """What the words at ``span`` refer to: a name in it, else a pronoun or a description.

        ``exclude`` holds ids of entities a pronoun or description cannot mean here: in "Nordwind wirft dem
        Unternehmen vor" the company accused is not Nordwind itself. ``singular`` says, where the verb shows
        it, whether a pronoun that may be either ("sie") is singular ("sie führt") or plural ("sie führen").
        """
        named = self.name_in(span)
        if named is not None or self.lang is None:
            return named
        words = span.of(self.text).split()
        if not words:
            return None
        words_of = referring(self.lang)
        head = words[-1].casefold()
        described = self.described(words)
        if len(words) == 1 and head in words_of.pronouns:
            readings = tuple(r for r in words_of.pronouns[head] if singular is None or r.plural != singular)
            entity = self._pronoun(span, readings, exclude)
            kind = MentionKind.PRONOUN
        elif described is not None:
            entity = self._described_entity(span.start, described, words[-1], exclude)
            kind = MentionKind.DESCRIPTION
        else:
            return None
        return Resolved(Mention(span, span.of(self.text), kind), entity) if entity else None

    def _described_entity(self, before: int, kind: EntityType, noun: str, exclude: frozenset[str]) -> Entity | None:
        """A description's entity: one named after its noun, else the topic of the passage, else the nearest."""
        assert self.lang is not None
        types = frozenset({kind})
        heads = lexicon(self.lang).forms(noun)
        named = next((e for h in heads if (e := self._named_after(before, types, h, exclude))), None)
        if named is not None:
            return named
        local = self._local(before, types, exclude)
        return self._entity(local) if local else self.antecedent(before, types, exclude=exclude)

    def described(self, words: Sequence[str]) -> EntityType | None:
        """The type a description refers to: "das Unternehmen", "des Konzerns", "the company" (a determiner and
        a description noun of pronouns.toml, or the noun alone)."""
        if self.lang is None or not words or len(words) > 2:
            return None
        words_of = referring(self.lang)
        if len(words) == 2 and words[0].casefold() not in words_of.determiners:
            return None
        for form in lexicon(self.lang).forms(words[-1]):
            if form in words_of.descriptions:
                return words_of.descriptions[form]
        return None

    def is_possessive(self, word: str) -> bool:
        """True for a possessive determiner ("sein", "its") of the document's language."""
        return self.lang is not None and word.casefold() in referring(self.lang).possessives

    def is_pronoun(self, word: str) -> bool:
        """True for a pronoun that can stand for a third party ("er", "they"; not "ich", "we")."""
        return self.lang is not None and word.casefold() in referring(self.lang).pronouns
