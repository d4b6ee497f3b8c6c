"""The relation extractor: relations.toml patterns matched sentence by sentence, arguments resolved through
coreference, typed and checked against the predicate vocabulary, lists of names expanded, and the ownership
that names carry added.

Confidence: 0.85 for a clause ("Acme sued Globex"), 0.8 for a role ("Maria Lopez, Acme's chief executive"),
0.75 for a noun phrase ("Musk's xAI"), 0.6 for a role whose organisation is only the topic of the passage and
0.5 for ownership read from names; times 0.9 when an argument is a pronoun or a description.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from kg.extract.analysis import Analysis
from kg.extract.base import Extractor
from kg.extract.coref import Resolved
from kg.extract.relations.expansion import expand
from kg.extract.relations.filters import Filters
from kg.extract.relations.grammar import Grammar, Pattern, Slot, Words, grammar
from kg.extract.relations.items import Item, Kind, sentence_items
from kg.extract.relations.matcher import Match, Matcher
from kg.extract.relations.naming import owned_by_name
from kg.extract.sentences import Sentence
from kg.model import Claim, Entity, EntityType, Mention, MentionKind, Span
from kg.vocab import vocabulary

__all__ = ["RelationExtractor"]

_CONFIDENCE = {"clause": 0.85, "role": 0.8, "nominal": 0.75, "topic": 0.6, "name": 0.5}
_INDIRECT = 0.9
_ITEM_KINDS = {
    Kind.PRONOUN: MentionKind.PRONOUN,
    Kind.POSSESSIVE: MentionKind.PRONOUN,
    Kind.DESCRIPTION: MentionKind.DESCRIPTION,
}


@dataclass(frozen=True)
class Found:
    """One relation found in one sentence, before entities get their final types."""

    predicate: str
    subject: Resolved
    object: Resolved
    span: Span
    confidence: float
    kind: str
    cue: Mention | None = None
    object_mentioned: bool = True
    #: The pattern that found it (for error analysis; not part of the claim).
    rule: str = ""


class RelationExtractor(Extractor):
    """Relations (sued, co_founded, founded, owns, develops, left, works_for, leads, accused) in every language
    with a relations.toml."""

    name = "kg.relations"
    version = 2

    def accepts(self, analysis: Analysis) -> bool:
        return analysis.lang is not None and bool(analysis.lang.table("relations"))

    def extract(self, analysis: Analysis) -> Iterator[Claim]:
        assert analysis.lang is not None
        rules = grammar(analysis.lang)
        found: list[Found] = []
        for sentence in analysis.sentences:
            found += _resolve_precedence(_sentence(analysis, rules, sentence), rules)
        for owner, owned, span in owned_by_name(analysis):
            # A product named after its maker ("Toyota Avalon") is made by it; anything else is owned.
            predicate = "develops" if owned.entity.type is EntityType.PRODUCT else "owns"
            found.append(Found(predicate, owner, owned, span, _CONFIDENCE["name"], "name", rule="name"))
        found = [f for f in found if not rules.excludes(f.predicate, f.object.entity.name)]
        yield from _claims(analysis, self, found)


# -- one sentence --------------------------------------------------------------------------------------------


def _sentence(analysis: Analysis, rules: Grammar, sentence: Sentence) -> list[Found]:
    assert analysis.lang is not None
    items = sentence_items(analysis, sentence)
    patterns = rules.candidates({i.text for i in items if i.kind is Kind.WORD})
    if not patterns:
        return []
    matcher = Matcher(items, rules, analysis.lang)
    filters = Filters(analysis.text, items, rules)
    found: list[Found] = []
    for pattern in patterns:
        for start in _starts(pattern, items):
            match = matcher.match(pattern, start)
            if match is not None and not filters.rejects(match, pattern):
                found += _found(analysis, rules, items, sentence, pattern, match)
    return found


def _starts(pattern: Pattern, items: list[Item]) -> Iterable[int]:
    """Where ``pattern`` can begin: at an item its first element takes (all items where that is not cheap to
    tell)."""
    first = pattern.elements[0]
    if isinstance(first, Slot):
        kinds = (Kind.POSSESSIVE, Kind.NAME) if first.possessor else (Kind.NAME, Kind.PRONOUN, Kind.DESCRIPTION)
        return (i for i, item in enumerate(items) if item.kind in kinds)
    if isinstance(first, Words) and not first.optional and not first.prefixes and not first.suffixes:
        heads = {option[0] for option in first.options}
        return (i for i, item in enumerate(items) if item.kind is Kind.WORD and item.text in heads)
    return range(len(items))


def _resolved(analysis: Analysis, item: Item, others: Sequence[Resolved] = ()) -> Resolved | None:
    """The entity of a slot's item; a pronoun or description never means the other argument of its clause."""
    if item.kind is Kind.NAME:
        return item.name
    exclude = frozenset(r.entity.id for r in others)
    resolved = analysis.coref.resolve(item.span, exclude=exclude, singular=item.singular)
    if resolved is None:
        return None
    return Resolved(Mention(item.span, item.text, _ITEM_KINDS[item.kind]), resolved.entity)


def _topical(rules: Grammar, items: list[Item], match: Match) -> bool:
    if match.cue is None:
        return False
    words = [it.text for it in items[match.cue : match.cue + 3]]
    return any(tuple(words[:n]) in rules.topical_roles for n in range(1, len(words) + 1))


def _found(
    analysis: Analysis, rules: Grammar, items: list[Item], sentence: Sentence, pattern: Pattern, match: Match
) -> list[Found]:
    kind = "role" if pattern.predicate is None and pattern.kind != "topic" else pattern.kind
    if pattern.kind == "topic" and pattern.predicate is None and not _topical(rules, items, match):
        return []
    slots = expand(items, rules, pattern, match)
    named = [r for role in ("S", "O") for i, _ in slots.get(role, []) if (r := items[i].name)]
    subjects = _arguments(analysis, items, slots["S"], named)
    objects = _arguments(analysis, items, slots.get("O", []), [*named, *subjects])
    if pattern.kind == "topic":
        topic = analysis.coref.topic(items[match.first].span.start, frozenset({EntityType.ORGANIZATION}))
        objects = [Resolved(Mention(items[match.first].span, items[match.first].text), topic)] if topic else []
    predicates = [pattern.predicate] if pattern.predicate else list(dict.fromkeys(match.roles))
    cue = Mention(items[match.cue].span, items[match.cue].span.of(analysis.text)) if match.cue is not None else None
    out = []
    for predicate in predicates:
        for s in subjects:
            for o in objects:
                if s.entity.id == o.entity.id:
                    continue
                indirect = s.mention.kind is not MentionKind.NAME or o.mention.kind is not MentionKind.NAME
                confidence = _CONFIDENCE[kind] * (_INDIRECT if indirect else 1.0)
                mentioned = pattern.kind != "topic"
                out.append(Found(predicate, s, o, sentence.span, confidence, kind, cue, mentioned, pattern.source))
    return out


def _arguments(
    analysis: Analysis, items: list[Item], slots: Sequence[tuple[int, Slot]], others: Sequence[Resolved]
) -> list[Resolved]:
    """The entities of a role's slots that have the types their slot asks for."""
    out = []
    for i, slot in slots:
        resolved = _resolved(analysis, items[i], others)
        if resolved is None:
            continue
        if slot.types and (resolved.entity.type is EntityType.THING or resolved.entity.type not in slot.types):
            continue
        out.append(resolved)
    return out


def _resolve_precedence(found: list[Found], rules: Grammar) -> list[Found]:
    """Drop what a stronger reading of the same sentence overrides: "founded" where "co_founded" was found for
    the same pair, a topic reading of a person whose organisation the sentence names."""
    pairs = {(f.subject.entity.id, f.predicate, f.object.entity.id) for f in found}
    named = {f.subject.entity.id for f in found if f.kind != "topic"}
    out = []
    for f in found:
        beaten = any(
            (f.subject.entity.id, winner, f.object.entity.id) in pairs
            for winner, losers in rules.precedence.items()
            if f.predicate in losers
        )
        if not beaten and not (f.kind == "topic" and f.subject.entity.id in named):
            out.append(f)
    return out


# -- claims ---------------------------------------------------------------------------------------------------


def _weak(analysis: Analysis, entity: Entity) -> bool:
    return entity.type is EntityType.THING or analysis.coref.typed_by_shape(entity)


def _admitted(analysis: Analysis, f: Found) -> bool:
    predicate = vocabulary()[f.predicate]
    s = EntityType.THING if _weak(analysis, f.subject.entity) else f.subject.entity.type
    o = EntityType.THING if _weak(analysis, f.object.entity) else f.object.entity.type
    if not predicate.admits(s, o):
        return False
    # Only people work for or lead: a name of unknown kind takes that role only if it is written and used like
    # a person's ("Professor of Japanese Politics, Director of ..." does not make "Politics" an employee).
    personal = predicate.subject_types == {EntityType.PERSON}
    return not (personal and s is EntityType.THING and not analysis.coref.person_like(f.subject.entity))


def _implied_types(analysis: Analysis, found: Sequence[Found]) -> dict[str, EntityType]:
    """Types the relations imply for entities whose names did not say (rdfs:domain and rdfs:range)."""
    implied: dict[str, EntityType] = {}
    for f in found:
        predicate = vocabulary()[f.predicate]
        for resolved, kind in ((f.subject, predicate.domain), (f.object, predicate.range)):
            if kind is not None and _weak(analysis, resolved.entity):
                implied.setdefault(resolved.entity.id, kind)
    return implied


def _claims(analysis: Analysis, extractor: Extractor, found: Sequence[Found]) -> Iterator[Claim]:
    kept = [f for f in found if _admitted(analysis, f)]
    implied = _implied_types(analysis, kept)
    best: dict[tuple[str, str, str, Span], Found] = {}
    for f in kept:
        key = (f.subject.entity.id, f.predicate, f.object.entity.id, f.span)
        if key not in best or best[key].confidence < f.confidence:
            best[key] = f
    for f in best.values():
        subject, obj = (_typed(r.entity, implied) for r in (f.subject, f.object))
        evidence = analysis.evidence(
            f.span,
            extractor.info,
            f.confidence,
            subject_mention=f.subject.mention,
            object_mention=f.object.mention if f.object_mentioned else None,
            cue=f.cue,
        )
        yield Claim.relation(subject, f.predicate, obj, (evidence,))


def _typed(entity: Entity, implied: dict[str, EntityType]) -> Entity:
    kind = implied.get(entity.id)
    return replace(entity, type=kind) if kind is not None else entity
