"""Which name mentions of one document name the same entity.

Mentions with the same text are one entity. Shorter names join a longer one when the document leaves no
doubt which one they mean:

- a lone surname joins the only person-like name that ends in it and was named before it ("Musk" ->
  "Elon Musk"; before any, the only one at all); if two people named before share the surname ("Anna Berger",
  "Paul Berger"), it joins neither, but before the second one comes up it is the first ("Gordon Pike ... Pike
  bought ... his daughter Amelia Pike");
- a lone first word joins the only organisation name that is that word plus organisation words or a legal
  form ("Nordwind" -> "Nordwind Energie", "Globex" -> "Globex Industries"), but not a name that goes on with
  other words ("Google" stays apart from "Google Play Music", a product of Google), nor a known place or
  organisation ("Sony" stays apart from "Sony Pictures");
- an acronym in brackets right after a name joins it ("Association of Southeast Asian Nations (ASEAN)").

The entity is named by the longest member; its type is the strongest one found among its mentions
(:mod:`kg.extract.entity_types`), and a person's gender comes from a given name.

>>> from kg.lang import language
>>> from kg.extract.lexicon import lexicon
>>> from kg.extract.mentions import find_names, tokenize
>>> text = "Anna Berger und Paul Berger gründeten Nordwind Energie. Berger sagte, Nordwind wachse."
>>> lex = lexicon(language("de"))
>>> sorted(c.entity.name for c in cluster_names(find_names(text, tokenize(text), language("de")), lex))
['Anna Berger', 'Berger', 'Nordwind Energie', 'Paul Berger']
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from kg.extract.entity_types import Strength, name_shaped
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import NameMention
from kg.model import Entity, EntityType

__all__ = ["Cluster", "cluster_names"]

_INITIAL = re.compile(r"[A-Z]\.")
#: Words a surname with particles may have at most ("van der Waals").
MAX_SURNAME_WORDS = 3


@dataclass(frozen=True)
class Cluster:
    """The mentions of one entity in one document."""

    entity: Entity
    members: tuple[NameMention, ...]
    gender: str | None
    #: How sure the entity's type is: the strongest typing evidence among the members.
    strength: Strength = Strength.NONE
    #: Named like a person ("Rudolf Halin"), whatever its type: "he" may mean it when nothing said otherwise.
    person_like: bool = False


def _person_like(m: NameMention) -> bool:
    # Initials do not count: "Amos J. Hochstein" is written like a person's name as "Amos Hochstein" is.
    words = [w for w in m.text.split() if not _INITIAL.fullmatch(w)]
    return (
        len(words) >= 2
        and m.type in (EntityType.PERSON, EntityType.THING)
        and all(w[:1].isupper() and w.replace("-", "").isalpha() and not w.isupper() for w in words[-2:])
    )


def _named_like_a_person(members: Sequence[NameMention], texts: set[str], lex: Lexicon | None) -> bool:
    """Written like a person's name, and used like one: it starts with a given name, or its last word also
    stands alone ("Halin" after "Rudolf Halin"); "Civil War" is written like a name but never used so."""
    for m in members:
        if not _person_like(m):
            continue
        words = m.text.split()
        if (lex is not None and lex.is_given_name(words[0])) or words[-1] in texts:
            return True
    return False


def _org_base(m: NameMention, lex: Lexicon) -> str | None:
    """ "Nordwind" for "Nordwind Energie": the first word, if all that follows is organisation words."""
    words = m.text.split()
    if len(words) < 2 or m.type is not EntityType.ORGANIZATION:
        return None
    rest = words[1:]
    if words[0] in lex.places or words[0] in lex.organizations:
        return None  # "Tehran" is the city, not "Tehran University"; "Sony" the parent of "Sony Pictures"
    return words[0] if all(lex.is_org_word(w) or w in lex.legal for w in rest) else None


def _as_written(name: str, lex: Lexicon | None) -> str:
    """A name in its own form: as written outside tokenised corpora, which space out hyphens and commas ("Jean -
    Claude Briodin" is "Jean-Claude Briodin", "Acme , Inc." is "Acme, Inc."), and with an organisation word
    that German inflects in its base form ("des Verbands Deutscher Reeder": "Verband Deutscher Reeder")."""
    name = name.replace(" - ", "-").replace(" , ", ", ")
    first, _, rest = name.partition(" ")
    base = lex.uninflected_org_word(first) if lex is not None and rest else None
    return f"{base} {rest}" if base else name


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


class _Joiner:
    """Union-find over mention texts."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, short: str, long: str) -> None:
        self.parent[self.find(short)] = self.find(long)


def _org_forms(names: Sequence[NameMention], lex: Lexicon | None) -> dict[str, set[str]]:
    """Each organisation's first word -> the longer names it could stand for ("Nordwind": "Nordwind Energie")."""
    forms: dict[str, set[str]] = defaultdict(set)
    for m in names:
        base = _org_base(m, lex) if lex else None
        if base is not None:
            forms[base].add(m.text)
    return forms


def _surname_key(m: NameMention, firsts: list[tuple[int, str]]) -> str:
    """The full name a lone surname stands for: the only person of that surname named before it, else the only
    one named at all ("Musk" in a headline before "Elon Musk"); itself if that leaves a doubt. ``firsts`` holds
    each full name of that surname once, at its first mention, in order."""
    before = bisect_left(firsts, m.span.start, key=lambda first: first[0])
    candidates = firsts[:before] or firsts
    return candidates[0][1] if len(candidates) == 1 else m.text


def _first_mentions(known: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Each full name of ``known`` (start, full name) once, at its first start, in order of it."""
    first: dict[str, int] = {}
    for start, full in known:
        first[full] = min(start, first.get(full, start))
    return sorted((start, full) for full, start in first.items())


def _mention_keys(names: Sequence[NameMention], lex: Lexicon | None) -> list[str]:
    people: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for m in names:
        if _person_like(m):
            people[m.text.split()[-1]].append((m.span.start, m.text))
    particles = frozenset(p.casefold() for p in lex.particles) if lex else frozenset()
    # Computed once per surname, not per mention: an article that names a person often stays linear.
    firsts: dict[str, list[tuple[int, str]]] = {}
    keys = []
    for m in names:
        if not _surname_like(m, particles):
            keys.append(m.text)
            continue
        if m.text not in firsts:
            firsts[m.text] = _first_mentions(_ending_in(people, m.text)[m.text])
        keys.append(_surname_key(m, firsts[m.text]))
    return keys


def _surname_like(m: NameMention, particles: frozenset[str]) -> bool:
    """One word ("Musk"), or a surname after its particles ("De Masi", "von der Esch")."""
    words = m.text.split()
    return len(words) == 1 or (len(words) <= MAX_SURNAME_WORDS and words[0].casefold() in particles)


def _ending_in(people: dict[str, list[tuple[int, str]]], surname: str) -> dict[str, list[tuple[int, str]]]:
    """The people whose full name ends in ``surname``, keyed by it."""
    known = people.get(surname.split()[-1], [])
    return {surname: [(start, full) for start, full in known if full.endswith(" " + surname)]}


def _acronyms(names: Sequence[NameMention], text_between: Sequence[str]) -> list[tuple[str, str]]:
    """(acronym, name) pairs written "Name (ACR)"; ``text_between[i]`` is the text between names i and i+1."""
    pairs = []
    for i in range(len(names) - 1):
        long, short = names[i], names[i + 1]
        bracketed = text_between[i].strip() == "(" and name_shaped(short.text) and len(short.text.split()) == 1
        if bracketed and _initials(long.text).upper().startswith(short.text.upper()[:2]):
            pairs.append((short.text, long.text))
    return pairs


def _type(members: Sequence[NameMention]) -> EntityType:
    best = max(m.strength for m in members)
    if best is Strength.NONE:
        return EntityType.THING
    votes = Counter(m.type for m in members if m.strength == best)
    return votes.most_common(1)[0][0]


def _gender(texts: set[str], lex: Lexicon | None) -> str | None:
    genders = {lex.gender(t.split()[0]) for t in texts if len(t.split()) >= 2} - {None} if lex else set()
    return genders.pop() if len(genders) == 1 else None


def cluster_names(names: Sequence[NameMention], lex: Lexicon | None, text: str | None = None) -> list[Cluster]:
    """The entities of a document's name mentions (sorted by position), in order of first mention."""
    joiner = _Joiner()
    keys = _mention_keys(names, lex)
    for form, longer in _org_forms(names, lex).items():
        if len(longer) == 1 and form not in longer and form in keys:
            joiner.join(form, next(iter(longer)))
    if text is not None:
        between = [text[a.span.end : b.span.start] for a, b in pairwise(names)]
        for short, long in _acronyms(names, between):
            joiner.join(short, long)
    groups: dict[str, list[NameMention]] = defaultdict(list)
    for m, key in zip(names, keys, strict=True):
        groups[joiner.find(key)].append(m)
    out = []
    for members in groups.values():
        texts = {m.text for m in members}
        canonical = _as_written(max(texts, key=lambda t: (len(t.split()), len(t), t)), lex)
        entity = Entity.named(canonical, _type(members), tuple(texts))
        strength = max(m.strength for m in members)
        person_like = _named_like_a_person(members, texts, lex)
        out.append(Cluster(entity, tuple(members), _gender(texts, lex), strength, person_like))
    return out
