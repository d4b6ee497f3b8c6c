"""Ownership that names carry: an organisation's name extended by more words names a part or a product of it
("Google" and "Google Play Music", "BBC" and "BBC Two", "Tesla" and "Tesla Energy"), while a name extended by a
parent word ("Holdings", "Group", per ``names.toml``) names its owner ("Heathrow Airport Holdings").

Both names must stand in the document on their own, the shorter must be known to be an organisation, product
or platform (not a person, a place or a name of unknown kind: "New York" does not own the "New York Times",
"Olympic" not the "Olympic Winter Games"), and the extension must not be organisation words alone ("Nordwind
Energie" is Nordwind itself: coreference made them one entity).

>>> from kg.extract.analysis import Analysis
>>> from kg.model import Document
>>> text = "The BBC sold ads. BBC Two closed. New York Times wrote it. New York wept."
>>> analysis = Analysis(Document.create(text, "a.txt", language="en"))
>>> [(s.entity.name, o.entity.name) for s, o, _ in owned_by_name(analysis)]
[('BBC', 'BBC Two')]
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from kg.extract.analysis import Analysis
from kg.extract.coref import Resolved
from kg.extract.lexicon import Lexicon, lexicon
from kg.lang import LanguageData
from kg.model import Entity, EntityType, Mention, Span

__all__ = ["owned_by_name"]

#: How often an extended name must occur in a language that capitalises nouns.
MIN_GERMAN_REPEATS = 2
_NOT_OWNERS = frozenset({EntityType.PERSON, EntityType.PLACE, EntityType.UNNAMED_GROUP})


@cache
def _parent_words(lang: LanguageData) -> frozenset[str]:
    return frozenset(str(w) for w in lang.table("names").get("parent_words", []))


def _pair(
    analysis: Analysis, short: Entity, long: Entity, mention: Mention, parent: bool
) -> tuple[Resolved, Resolved, Span]:
    """(owner, owned, evidence span) for a mention of ``long`` that starts with ``short``'s name."""
    prefix = Mention(Span(mention.span.start, mention.span.start + len(short.name)), short.name)
    sentence = analysis.sentence_at(mention.span.start)
    span = sentence.span if sentence else mention.span
    if parent:
        return Resolved(mention, long), Resolved(prefix, short), span
    return Resolved(prefix, short), Resolved(mention, long), span


def _same_thing(short: Entity, rest: list[str], lex: Lexicon) -> bool:
    """True if the added words name no part of the organisation: organisation words alone ("Nordwind
    Energie"), a qualifier ("Supreme Court of Florida"), a number or version ("PlayStation 2", "Gustav III"),
    or a unit inside an institution ("Barry University School of Medicine": a school is part of a university,
    not a property of it)."""
    if rest[0] in lex.connectors:
        return True
    if all(lex.is_org_word(w) or w in lex.legal or w.isdigit() or w.strip("IVX") == "" for w in rest):
        return True
    return any(lex.is_org_word(w) for w in short.name.split()) and any(lex.is_org_word(w) for w in rest)


def _model(rest: list[str]) -> bool:
    """A model or edition ("Galaxy S9", "Camry V6"): a word of the extension holds a digit."""
    return any(any(c.isdigit() for c in w) for w in rest)


def _between(short: Entity, long: Entity, owners: list[Entity]) -> bool:
    """True if another name stands between the two ("Square" < "Square Enix" < "Square Enix Europe"): only
    the nearer one owns the longer name."""
    return any(
        o.id not in (short.id, long.id) and o.name.startswith(short.name + " ") and long.name.startswith(o.name + " ")
        for o in owners
    )


def owned_by_name(analysis: Analysis) -> Iterator[tuple[Resolved, Resolved, Span]]:
    """(owner, owned, evidence span) for each pair of names of the document where one extends the other."""
    if analysis.lang is None:
        return
    lex = lexicon(analysis.lang)
    parents = _parent_words(analysis.lang)
    coref = analysis.coref
    entities = [e for e in coref.entities() if e.type not in _NOT_OWNERS]
    # An acronym is an organisation by its shape alone; a name that extends it is as often an event, a region
    # or a programme named after it ("AFL Grand Final", "EUCOM Area") as a part of it.
    owners = [e for e in entities if e.type is not EntityType.THING and not coref.typed_by_shape(e)]
    by_first: dict[str, list[Entity]] = {}
    for e in entities:
        by_first.setdefault(e.name.split()[0], []).append(e)
    for short in owners:
        for long in by_first.get(short.name.split()[0], []):
            if long.id == short.id or not long.name.startswith(short.name + " ") or _between(short, long, owners):
                continue
            rest = long.name[len(short.name) :].split()
            parent = all(w in parents for w in rest)
            if not parent and (_same_thing(short, rest, lex) or _model(rest)):
                continue
            mentions = [m for m in coref.mentions(long) if m.text.startswith(short.name + " ")]
            # German capitalises nouns, so "Nissan Ziel" may be a name and a noun: there a name must recur.
            if mentions and (len(mentions) >= MIN_GERMAN_REPEATS or not lex.compounds):
                yield _pair(analysis, short, long, mentions[0], parent)
