"""Lists of names: "Joy Division was formed by Bernard Sumner and bassist Peter Hook" relates both.

A slot at the end of a pattern takes the names that follow it, a slot at the start the names before it, when
they are joined by a coordinator ("and", ``relations.toml``), or by commas in a list that a coordinator closes
("A, B and C"); a comma alone joins no names ("Prior to Bridgewater, Bohigian founded ..."). Up to two words
may precede a further name after a coordinator ("and bassist Peter Hook"); a name followed by a role noun or
another name starts a new phrase ("Conservative leader Arce, and Liberal chief Camacho").

>>> from kg.extract.analysis import Analysis
>>> from kg.extract.relations.grammar import compile_pattern, grammar
>>> from kg.extract.relations.items import sentence_items
>>> from kg.extract.relations.matcher import Matcher
>>> from kg.model import Document
>>> text = "Acme Corp was founded by Ann Lee, Bob Stone and engineer Carl Diaz."
>>> a = Analysis(Document.create(text, "a.txt", language="en"))
>>> items, rules = sentence_items(a, a.sentences[0]), grammar(a.lang)
>>> p = compile_pattern("{O} .. founded ... by .. {S}", "founded", "clause")
>>> [items[i].text for i, _ in expand(items, rules, p, Matcher(items, rules, a.lang).match(p, 0))["S"]]
['Ann Lee', 'Bob Stone', 'Carl Diaz']
"""

from __future__ import annotations

from kg.extract.relations.grammar import Grammar, Pattern, Slot
from kg.extract.relations.items import Item, Kind
from kg.extract.relations.matcher import Match
from kg.model import EntityType

__all__ = ["expand"]

#: Words that may stand between a coordinator and the next name of a list ("and engineer David Chen").
MAX_WORDS_BEFORE_NAME = 2


def _joiner(items: list[Item], i: int, rules: Grammar) -> bool:
    item = items[i]
    if item.kind is Kind.PUNCT:
        return item.text == ","
    return item.kind is Kind.WORD and (item.text,) in rules.coordinators


def _heads_phrase(items: list[Item], j: int, rules: Grammar) -> bool:
    """False if the name at ``j`` modifies what follows: a possessive ending, a role noun, another name."""
    if j + 1 >= len(items):
        return True
    after = items[j + 1]
    if after.kind in (Kind.POSS_MARK, Kind.NAME):
        return False
    return not (after.kind is Kind.WORD and any(r[0] == after.text for r in rules.roles))


def _next_name(items: list[Item], i: int, rules: Grammar, words: bool) -> int | None:
    """The index of a name at ``i`` or, if ``words``, after at most two words; None if something else comes
    first."""
    for j in range(i, min(len(items), i + (MAX_WORDS_BEFORE_NAME if words else 0) + 1)):
        if items[j].kind is Kind.NAME:
            return j if _heads_phrase(items, j, rules) else None
        if items[j].kind is not Kind.WORD:
            return None
    return None


def _closed(joins: list[bool], names: list[int]) -> list[int]:
    """The names of a list: all of them if a coordinator closes it, else those before its first comma."""
    if joins and joins[-1]:
        return names
    cut = joins.index(False) if False in joins else len(joins)
    return names[:cut] if all(joins[:cut]) else []


def _rightwards(items: list[Item], i: int, rules: Grammar) -> list[int]:
    names: list[int] = []
    joins: list[bool] = []  # True: a coordinator, False: a comma
    while i + 1 < len(items) and _joiner(items, i + 1, rules):
        coordinator = items[i + 1].kind is Kind.WORD
        # Words before a listed name ("and bassist Peter Hook") only after a coordinator: after a comma they
        # open something else (", alongside Loredana Groza").
        j = _next_name(items, i + 2, rules, coordinator)
        if j is None and not coordinator and i + 2 < len(items) and _joiner(items, i + 2, rules):
            j = _next_name(items, i + 3, rules, True)  # "A, B, and C"
            coordinator = True
        if j is None:
            break
        names.append(j)
        joins.append(coordinator)
        i = j
    return _closed(joins, names)


def _listed(items: list[Item], i: int, rules: Grammar) -> bool:
    return i + 2 < len(items) and _joiner(items, i + 1, rules) and items[i + 2].kind is Kind.NAME


def _leftwards(items: list[Item], i: int, rules: Grammar) -> list[int]:
    names: list[int] = []
    joins: list[bool] = []
    while i >= 2 and _joiner(items, i - 1, rules) and items[i - 2].kind is Kind.NAME:
        joins.append(items[i - 1].kind is Kind.WORD)
        i -= 2
        names.append(i)
    # Read from the slot outwards, the coordinator comes first: "A, B and C" seen from C.
    if not joins or not joins[0]:
        return []
    return names[::-1]


def _alike(anchor: Item, listed: Item) -> bool:
    """False for a listed name of unknown kind after a name of known kind: "professor at the Moscow School of
    Painting, Sculpture and Architecture" names one school, not three organisations."""
    if anchor.name is None or listed.name is None:
        return True
    return listed.name.entity.type is not EntityType.THING or anchor.name.entity.type is EntityType.THING


def expand(items: list[Item], rules: Grammar, pattern: Pattern, match: Match) -> dict[str, list[tuple[int, Slot]]]:
    """Each role's arguments as (item index, slot of the pattern): the matched slots and the names listed with
    them."""
    slots: dict[str, list[tuple[int, Slot]]] = {}
    elements = pattern.elements
    pattern_slots = [e for e in elements if isinstance(e, Slot)]
    for n, ((role, i), slot) in enumerate(zip(match.slots, pattern_slots, strict=True)):
        found = [i]
        if items[i].kind is Kind.NAME:
            first = n == 0 and isinstance(elements[0], Slot)
            last = n == len(match.slots) - 1 and isinstance(elements[-1], Slot)
            # A slot inside the pattern can only be followed by a list the matcher let it take.
            found = (_leftwards(items, i, rules) if first else []) + found
            found += _rightwards(items, i, rules) if last or _listed(items, i, rules) else []
            found = [j for j in found if j == i or _alike(items[i], items[j])]
        taken = slots.setdefault(role, [])
        taken += [(j, slot) for j in found if all(j != k for k, _ in taken)]
    return slots
