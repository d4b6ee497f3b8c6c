"""Matching a compiled pattern against the items of a sentence.

A pattern matches at a start item if its elements match one after another; gaps try the fewest words first,
so a slot after a gap takes the nearest name. Work per start item is bounded by the pattern (gaps are short),
so matching a sentence is linear in its length for a given grammar.

>>> from kg.extract.analysis import Analysis
>>> from kg.extract.relations.grammar import compile_pattern, grammar
>>> from kg.extract.relations.items import sentence_items
>>> from kg.model import Document
>>> a = Analysis(Document.create("Acme Corp has sued Globex Inc. in Ohio.", "a.txt", language="en"))
>>> items = sentence_items(a, a.sentences[0])
>>> m = Matcher(items, grammar(a.lang), a.lang).match(compile_pattern("{S} .. sued {O}", "sued", "clause"), 0)
>>> [(role, items[i].text) for role, i in m.slots], items[m.cue].text
([('S', 'Acme Corp'), ('O', 'Globex Inc.')], 'sued')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from kg.extract.lexicon import Lexicon, lexicon
from kg.extract.relations.grammar import Anchor, Cue, Element, Gap, Grammar, Pattern, Punct, RoleSlot, Slot, Words
from kg.extract.relations.items import Item, Kind
from kg.lang import LanguageData
from kg.model import EntityType

__all__ = ["Match", "Matcher"]

_CUE_TYPES = {"org": EntityType.ORGANIZATION, "product": EntityType.PRODUCT}
_CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "„", "“", "”", '"', "–", "—"})


@dataclass(frozen=True, slots=True)
class Match:
    """Where a pattern matched: its slots as (role, item index), the predicates of its role nouns, the first
    and last item it covers, and the item of its first word (the cue that triggered it)."""

    slots: tuple[tuple[str, int], ...]
    roles: tuple[str, ...]
    first: int
    last: int
    cue: int | None


class _State:
    """What a match has bound so far (a plain class, as :class:`kg.extract.tokens.Token` says why)."""

    __slots__ = ("cue", "roles", "slots")

    def __init__(
        self, slots: tuple[tuple[str, int], ...] = (), roles: tuple[str, ...] = (), cue: int | None = None
    ) -> None:
        self.slots = slots
        self.roles = roles
        self.cue = cue

    def bind(self, role: str, i: int) -> _State:
        return _State((*self.slots, (role, i)), self.roles, self.cue)

    def word(self, i: int) -> _State:
        return self if self.cue is not None else _State(self.slots, self.roles, i)

    def role(self, i: int, predicates: Sequence[str]) -> _State:
        return _State(self.slots, (*self.roles, *predicates), self.cue if self.cue is not None else i)


@cache
def _determiners(lang: LanguageData) -> frozenset[str]:
    # Once per language: a matcher is made for every sentence.
    return frozenset(str(d) for d in lang.table("pronouns").get("determiners", []))


class Matcher:
    """Matches patterns against one sentence's items."""

    def __init__(self, items: list[Item], grammar: Grammar, lang: LanguageData) -> None:
        self.items = items
        self.grammar = grammar
        self.lex: Lexicon = lexicon(lang)
        self.longest_role = grammar.longest_role
        self.determiners = _determiners(lang)
        # A one-word gap takes a modifier ("game publisher"), never a function word ("acquired by").
        self.stopwords = lang.words("stopwords")

    def match(self, pattern: Pattern, start: int) -> Match | None:
        """The match of ``pattern`` beginning at item ``start``, if any."""
        found = self._step(pattern.elements, 0, start, _State())
        if found is None:
            return None
        state, end = found
        return Match(state.slots, state.roles, start, end - 1, state.cue)

    # -- one element at a time ------------------------------------------------------------------------------

    def _step(self, elements: Sequence[Element], e: int, i: int, state: _State) -> tuple[_State, int] | None:
        if e == len(elements):
            return state, i
        for j, next_state in self._element(elements, e, i, state):
            found = self._step(elements, e + 1, j, next_state)
            if found is not None:
                return found
        return None

    def _element(self, elements: Sequence[Element], e: int, i: int, state: _State) -> list[tuple[int, _State]]:
        element = elements[e]
        if isinstance(element, Gap):
            return [(j, state) for j in self._gap(element, i)]
        if isinstance(element, Anchor):
            return [(i, state)] if self._clause_initial(i) else []
        if isinstance(element, Slot):
            follows = elements[e + 1] if e + 1 < len(elements) else None
            # An argument that opens a pattern is not the object of a preposition, unless a relative clause
            # says what it is ("named after John Cassin, who was a curator at ...").
            opens = e == 0 and not (self._relative(elements[1:3]) and not self._complement(i))
            return [(j, state.bind(element.role, i)) for j in self._slot(element, i, follows, opens)]
        options: list[tuple[int, _State]] = []
        if getattr(element, "optional", False):
            options.append((i, state))
        if i >= len(self.items):
            return options
        if isinstance(element, Words):
            options[:0] = [(j, state.word(i)) for j in self._words(element, i)]
        elif isinstance(element, RoleSlot):
            found = self._role(i)
            if found is not None:
                options.insert(0, (found[0], state.role(i, found[1])))
        elif isinstance(element, Cue):
            item = self.items[i]
            if item.kind is Kind.WORD and self.lex.cue_type(item.text) is _CUE_TYPES[element.kind]:
                options.insert(0, (i + 1, state))
        elif isinstance(element, Punct) and any(self._punct(text, i) for text in element.options):
            options.insert(0, (i + 1, state))
        return options

    def _complement(self, i: int) -> bool:
        """True for a name that completes the noun before it ("the fifth child of David Rockefeller"): a
        relative clause after it may as well describe that noun."""
        j = i - 1
        while j >= 0 and self.items[j].kind is Kind.WORD and self.items[j].text in self.determiners:
            j -= 1
        return j >= 0 and self.items[j].kind is Kind.WORD and self.items[j].text in self.grammar.complements

    def _relative(self, elements: Sequence[Element]) -> bool:
        """True for a comma and a relative pronoun: ", who", ", which"."""
        if len(elements) < 2 or not isinstance(elements[0], Punct) or not isinstance(elements[1], Words):
            return False
        return "," in elements[0].options and all(o in self.grammar.relatives for o in elements[1].options)

    def _clause_initial(self, i: int) -> bool:
        """No name, pronoun or description between the last clause break and item ``i``."""
        j = i - 1
        while j >= 0 and not (self.items[j].kind is Kind.PUNCT and self.items[j].text in _CLAUSE_BREAKS):
            if self.items[j].is_slot or self.items[j].kind is Kind.POSSESSIVE:
                return False
            j -= 1
        return True

    def _punct(self, text: str, i: int) -> bool:
        item = self.items[i]
        if text == "'s":
            return item.kind is Kind.POSS_MARK
        return item.kind is Kind.PUNCT and item.text == text

    def _words(self, element: Words, i: int) -> list[int]:
        ends = []
        for option in element.options:
            run = self.items[i : i + len(option)]
            if len(run) == len(option) and all(
                it.kind is Kind.WORD and it.text == w for it, w in zip(run, option, strict=True)
            ):
                ends.append(i + len(option))
        item = self.items[i]
        if item.kind is Kind.WORD and (
            (element.prefixes and item.text.startswith(element.prefixes))
            or (element.suffixes and item.text.endswith(element.suffixes))
        ):
            ends.append(i + 1)
        return sorted(set(ends), reverse=True)

    def _role_at(self, i: int) -> tuple[int, tuple[str, ...]] | None:
        for size in range(self.longest_role, 0, -1):
            run = self.items[i : i + size]
            if len(run) == size and all(it.kind is Kind.WORD for it in run):
                predicates = self.grammar.roles.get(tuple(it.text for it in run))
                if predicates is not None:
                    return i + size, self._modified(i, predicates)
        return None

    def _modified(self, i: int, predicates: tuple[str, ...]) -> tuple[str, ...]:
        """A deputy leader works for the organisation but does not lead it ("deputy leader", "stellvertretender
        IS-Chef")."""
        compound = i >= 2 and self.items[i - 1].text == "-" and self.items[i - 2].kind is Kind.NAME
        j = i - 2 if compound else i
        before = self.items[j - 1] if j else None
        if before is None or before.text not in self.grammar.role_modifiers or "leads" not in predicates:
            return predicates
        return tuple(p for p in predicates if p != "leads") or ("works_for",)

    def _role(self, i: int) -> tuple[int, list[str]] | None:
        """One role noun, or several joined ("founder and executive chairman"), with their predicates."""
        found = self._role_at(i)
        if found is None:
            return None
        end, predicates = found[0], list(found[1])
        while end < len(self.items) and self._joins(end):
            step = 2 if end + 1 < len(self.items) and self._joins(end + 1) else 1  # "producer, and editor"
            more = self._role_at(end + step)
            if more is None:
                break
            end = more[0]
            predicates += more[1]
        return end, predicates

    def _joins(self, i: int) -> bool:
        item = self.items[i]
        return (item.kind is Kind.PUNCT and item.text == ",") or (
            item.kind is Kind.WORD and (item.text,) in self.grammar.coordinators
        )

    # -- slots and gaps ---------------------------------------------------------------------------------------

    def _possessor(self, i: int) -> bool:
        """A name or a description with a possessive ending: "Musk's", "the Department 's"."""
        kind = self.items[i].kind
        return (
            kind in (Kind.NAME, Kind.DESCRIPTION)
            and i + 1 < len(self.items)
            and self.items[i + 1].kind is Kind.POSS_MARK
        )

    def _modifier(self, i: int) -> bool:
        """A name before a cue noun and another name: "Independent Film and Media company Steelyard Pictures"
        names the company Steelyard Pictures."""
        if i + 2 >= len(self.items) or self.items[i].kind is not Kind.NAME or self.items[i + 2].kind is not Kind.NAME:
            return False
        cue = self.items[i + 1]
        return cue.kind is Kind.WORD and self.lex.cue_type(cue.text) in _CUE_TYPES.values()

    def _in_adjunct(self, i: int) -> bool:
        """True for a name inside an adverbial ("based in Sackville", "the Church in the Maldives")."""
        j = i - 1
        while j >= 0 and self.items[j].kind is Kind.WORD and self.items[j].text in self.determiners:
            j -= 1
        return j >= 0 and self.items[j].kind is Kind.WORD and self.items[j].text in self.grammar.adjuncts

    def _slot(self, slot: Slot, i: int, follows: Element | None, first: bool) -> list[int]:
        if i >= len(self.items):
            return []
        item = self.items[i]
        if first and self._adverbial(i):
            return []  # an argument that opens a pattern is not the object of a preposition
        if slot.possessor:
            if item.kind is Kind.POSSESSIVE and slot.form == "poss":
                return [i + 1]
            named = item.kind is Kind.NAME or slot.form == "poss"  # "gen" takes a name only
            return [i + 2] if named and self._possessor(i) else []
        if not item.is_slot or (slot.form == "name" and item.kind is not Kind.NAME):
            return []
        if self._possessor(i) and not (isinstance(follows, Punct) and "'s" in follows.options):
            return []  # "Musk's company": the possessor is not the head of the phrase
        if self._modifier(i):
            return []
        listed = self._list_end(i) if item.kind is Kind.NAME else i + 1
        return [listed, i + 1] if listed > i + 1 else [i + 1]

    def _list_end(self, i: int) -> int:
        """After a name, the end of the list it opens ("Jonas Feld und Miriam Adeyemi"): a slot may take the
        whole list, so that what follows the list can match; :mod:`expansion` relates every name of it."""
        j = i + 1
        while j + 1 < len(self.items) and self._joins(j) and self.items[j + 1].kind is Kind.NAME:
            if self.items[j].kind is Kind.PUNCT and not self._closed_by_coordinator(j):
                break
            j += 2
        return j

    def _closed_by_coordinator(self, j: int) -> bool:
        """A comma joins names only in a list that a coordinator closes ("A, B und C")."""
        while j + 1 < len(self.items) and self._joins(j) and self.items[j + 1].kind is Kind.NAME:
            if self.items[j].kind is Kind.WORD:
                return True
            j += 2
        return False

    def _skippable(self, i: int, gap: Gap) -> int:
        """How many items at ``i`` a gap may pass over as one step (0: none)."""
        item = self.items[i]
        if item.kind is Kind.WORD:
            if not gap.wide and ((item.text,) in self.grammar.coordinators or item.text in self.grammar.gap_stops):
                return 0  # "Congress and President Roosevelt": a list is not a gap
            return 0 if gap.size == 1 and item.text in self.stopwords else 1
        if item.kind is Kind.POSSESSIVE:
            return 1
        if self._possessor(i) or self._modifier(i):
            return 2  # a possessor modifies what follows: "den Elon Musks xAI herausbringt"
        if not gap.wide:
            return 0
        if item.kind is Kind.PUNCT:
            return 1 if item.text == "," else 0
        if item.kind is Kind.NAME and item.name is not None:
            return 1 if self._adverbial(i) or item.name.entity.type is EntityType.PLACE else 0
        return 0

    def _adverbial(self, i: int) -> bool:
        """A name in an adverbial, or listed after one with a comma: "in Sackville, New Brunswick, Canada"."""
        while True:
            if self._in_adjunct(i):
                return True
            if i < 2 or self.items[i - 1].text != "," or self.items[i - 2].kind is not Kind.NAME:
                return False
            i -= 2

    def _gap(self, gap: Gap, i: int) -> list[int]:
        ends = [i]
        j, used = i, 0
        while j < len(self.items) and used < gap.size:
            step = self._skippable(j, gap)
            if step == 0:
                break
            j += step
            used += 1
            ends.append(j)
        return ends
