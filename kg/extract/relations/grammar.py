"""Relation patterns as data: the pattern language of ``kg/lang/<code>/relations.toml`` compiled into element
sequences, with the language's filter words, relational role nouns and precedence between predicates.

The syntax is documented at the top of ``kg/lang/en/relations.toml``.

>>> pattern = compile_pattern("{S} .. filed .. lawsuit|suit against {O}", "sued", "clause")
>>> [type(e).__name__ for e in pattern.elements]
['Slot', 'Gap', 'Words', 'Gap', 'Words', 'Words', 'Slot']
>>> [sorted(options) for options in pattern.required]
[[('filed',)], [('lawsuit',), ('suit',)], [('against',)]]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from kg.errors import ConfigError
from kg.lang import LanguageData
from kg.model import EntityType

__all__ = [
    "Anchor",
    "Cue",
    "Element",
    "Gap",
    "Grammar",
    "Pattern",
    "Punct",
    "RoleSlot",
    "Slot",
    "Words",
    "compile_pattern",
    "grammar",
]

#: Words a narrow gap ("..") and a wide gap ("...") may skip at most.
NARROW_GAP = 4
WIDE_GAP = 8
PUNCTUATION = frozenset({",", "-", "(", ")", ":", "'s"})


@dataclass(frozen=True, slots=True)
class Slot:
    """A relation argument: ``role`` is "S" or "O"; ``form`` is "" (a name, pronoun or description), "name"
    (a name only), "poss" (a possessor: "Musk's" or "his") or "gen" (a name with a possessive ending only);
    ``types``, if given, are the only entity types the argument may have (an unknown type does not qualify)."""

    role: str
    form: str = ""
    types: frozenset[EntityType] = frozenset()

    @property
    def possessor(self) -> bool:
        return self.form in ("poss", "gen")


@dataclass(frozen=True, slots=True)
class Words:
    """One word (or a run of words) out of ``options``, or a word starting with one of ``prefixes`` or ending
    in one of ``suffixes`` (German compounds: "*konzern" takes "Softwarekonzern")."""

    options: frozenset[tuple[str, ...]]
    prefixes: tuple[str, ...] = ()
    optional: bool = False
    suffixes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RoleSlot:
    """A relational role noun ("chief executive", "Mitgründer"), possibly several joined ("founder and CEO")."""

    optional: bool = False


@dataclass(frozen=True, slots=True)
class Cue:
    """An organisation or product cue noun (names.toml): "company", "KI-Unternehmen", "Chatbot"."""

    kind: str
    optional: bool = False


@dataclass(frozen=True, slots=True)
class Gap:
    """Up to ``size`` words; a wide gap also takes commas and the names an adverbial or a possessor holds."""

    size: int
    wide: bool


@dataclass(frozen=True, slots=True)
class Punct:
    """A punctuation mark out of ``options`` ("'s" stands for a possessive ending)."""

    options: frozenset[str]
    optional: bool = False


@dataclass(frozen=True, slots=True)
class Anchor:
    """The start of a clause's core: before it, back to the last clause break, stands no name, pronoun or
    description. German inverted clauses start so: "Bereits 2019 hatte Baumark Solvent verklagt"."""


Element = Slot | Words | RoleSlot | Cue | Gap | Punct | Anchor

ANCHOR = "^"
_SLOT_FORMS = frozenset({"", "name", "poss", "gen"})
_GAPS = {".": Gap(1, False), "..": Gap(NARROW_GAP, False), "...": Gap(WIDE_GAP, True)}


@dataclass(frozen=True)
class Pattern:
    """A compiled pattern: ``predicate`` is None where the role noun decides; ``kind`` is "clause" (filtered
    for negation and hedging), "nominal" or "topic" (no object: the organisation the passage is about)."""

    source: str
    predicate: str | None
    kind: str
    elements: tuple[Element, ...]
    #: For each required word element, the options one of which the sentence must contain.
    required: tuple[frozenset[tuple[str, ...]], ...] = field(default=())


def _words(token: str, optional: bool) -> Words:
    options, prefixes, suffixes = set(), [], []
    for option in token.split("|"):
        if option.endswith("*"):
            prefixes.append(option[:-1].casefold())
        elif option.startswith("*"):
            suffixes.append(option[1:].casefold())
        else:
            options.add(tuple(option.casefold().split("_")))
    return Words(frozenset(options), tuple(prefixes), optional, tuple(suffixes))


def _element(token: str) -> Element:
    optional = token.startswith("[") and token.endswith("]")
    if optional or (token.startswith("(") and token.endswith(")") and len(token) > 1):
        token = token[1:-1]
    if token in _GAPS:
        return _GAPS[token]
    if token == ANCHOR:
        return Anchor()
    if all(t in PUNCTUATION for t in token.split("|")):
        return Punct(frozenset(token.split("|")), optional)
    if token.startswith("{") and token.endswith("}"):
        body, _, types = token[1:-1].partition("=")
        name, _, flag = body.partition(":")
        if name in ("S", "O") and flag in _SLOT_FORMS:
            return Slot(name, flag, frozenset(EntityType(t) for t in types.split("|") if t))
        if name == "ROLE":
            return RoleSlot(optional)
        if name in ("ORG", "PRODUCT"):
            return Cue(name.lower(), optional)
        raise ConfigError(f"relations.toml: unknown element {token!r}")
    return _words(token, optional)


def compile_pattern(source: str, predicate: str | None, kind: str) -> Pattern:
    """Compile one pattern string (see the module docstring)."""
    elements = tuple(_element(t) for t in source.split())
    slots = {e.role for e in elements if isinstance(e, Slot)}
    if "S" not in slots or ("O" not in slots and kind != "topic"):
        raise ConfigError(f"relations.toml: {source!r} needs {{S}} and {{O}}")
    required = tuple(
        e.options for e in elements if isinstance(e, Words) and not e.optional and not e.prefixes and not e.suffixes
    )
    return Pattern(source, predicate, kind, elements, required)


@dataclass(frozen=True)
class Grammar:
    """Everything the relation extractor knows about one language."""

    patterns: tuple[Pattern, ...]
    #: Role noun (as case-folded words) -> the predicates it implies ("CEO": leads and works_for).
    roles: dict[tuple[str, ...], tuple[str, ...]]
    role_modifiers: frozenset[str]
    topical_roles: frozenset[tuple[str, ...]]
    negations: frozenset[str]
    negation_suffixes: tuple[str, ...]
    hedges: frozenset[str]
    clause_breaks: frozenset[str]
    adjuncts: frozenset[str]
    #: Words a narrow gap ("..") never passes over: "presenter of a show on Alpha TV" is not "of Alpha TV".
    gap_stops: frozenset[str]
    coordinators: frozenset[tuple[str, ...]]
    precedence: dict[str, frozenset[str]]
    #: Relative pronouns after "{S} ,", as case-folded word runs ("Acme, which sued Globex").
    relatives: frozenset[tuple[str, ...]] = frozenset()
    #: Pronouns that are always subjects: one right after the verb means the clause is inverted.
    subjects: frozenset[str] = frozenset()
    #: Prepositions that attach a name to the noun before it ("the child of David Rockefeller").
    complements: frozenset[str] = frozenset()
    #: Predicate -> words whose presence in an object's name rules the object out ("Party" for works_for).
    excluded_objects: dict[str, frozenset[str]] = field(default_factory=dict)

    #: The first words of the role nouns.
    role_starts: frozenset[str] = field(init=False, repr=False, compare=False)
    #: The most words a role noun has (1 if there are none).
    longest_role: int = field(init=False, repr=False, compare=False)
    #: Each pattern with, for each of its required elements, the first words of the element's options: a
    #: sentence that lacks all of one element's cannot match the pattern.
    first_words: tuple[tuple[Pattern, tuple[frozenset[str], ...]], ...] = field(init=False, repr=False, compare=False)
    #: Each first word -> the numbers of the distinct sets of :attr:`first_words` that hold it.
    _sets_opened: dict[str, frozenset[int]] = field(init=False, repr=False, compare=False)
    #: Each pattern with the numbers of the first-word sets it needs.
    _needs: tuple[tuple[Pattern, frozenset[int]], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Derived once here, not in cached properties: the compiled build keeps no instance __dict__ for them.
        first_words = tuple(
            (p, tuple(frozenset(option[0] for option in req) for req in p.required)) for p in self.patterns
        )
        distinct = dict.fromkeys(f for _, firsts in first_words for f in firsts)
        numbers = {f: n for n, f in enumerate(distinct)}
        opened: dict[str, set[int]] = {}
        for words, n in numbers.items():
            for word in words:
                opened.setdefault(word, set()).add(n)
        derived = {
            "role_starts": frozenset(role[0] for role in self.roles),
            "longest_role": max((len(r) for r in self.roles), default=1),
            "first_words": first_words,
            "_sets_opened": {word: frozenset(found) for word, found in opened.items()},
            "_needs": tuple((p, frozenset(numbers[f] for f in firsts)) for p, firsts in first_words),
        }
        for name, value in derived.items():
            object.__setattr__(self, name, value)

    def candidates(self, words: set[str]) -> list[Pattern]:
        """The patterns a sentence of ``words`` (case-folded) may match: it holds a first word of each of their
        required elements, and a role noun's first word for patterns of roles. A sentence has a few dozen
        words and a grammar a hundred patterns, so the words are looked up, not the patterns' sets.

        >>> from kg.lang import language
        >>> en = grammar(language("en"))
        >>> "sued" in {p.predicate for p in en.candidates({"acme", "sued", "globex"})}
        True
        >>> "sued" in {p.predicate for p in en.candidates({"acme", "met", "globex"})}
        False
        """
        met = frozenset().union(*(self._sets_opened.get(w, ()) for w in words))
        has_role = not words.isdisjoint(self.role_starts)
        return [p for p, needs in self._needs if needs <= met and (has_role or p.predicate is not None)]

    def excludes(self, predicate: str, name: str) -> bool:
        """True if an entity named ``name`` cannot be the object of ``predicate``.

        >>> from kg.lang import language
        >>> grammar(language("en")).excludes("works_for", "Labour Party")
        True
        """
        words = self.excluded_objects.get(predicate, frozenset())
        return any(w in words for w in name.split())


def _with_relatives(source: str, relatives: list[str]) -> list[str]:
    """ "{S} .. sued {O}" also as "{S} , who|which .. sued {O}"."""
    first, _, rest = source.partition(" ")
    if not relatives or not first.startswith("{S") or rest.startswith(","):
        return [source]
    return [source, f"{first} , {'|'.join(relatives)} {rest}"]


def _patterns(table: dict[str, object], relatives: list[str]) -> list[Pattern]:
    out: list[Pattern] = []
    predicates = table.get("predicates", {})
    assert isinstance(predicates, dict)
    groups = [(name, body) for name, body in predicates.items()] + [(None, table.get("roles", {}))]
    for predicate, body in groups:
        assert isinstance(body, dict)
        for kind, key in (("clause", "patterns"), ("nominal", "nominal"), ("topic", "topic")):
            for source in body.get(key, []):
                for variant in _with_relatives(str(source), relatives if kind != "topic" else []):
                    out.append(compile_pattern(variant, predicate, kind))
    return out


def _phrases(words: list[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(w.casefold().split()) for w in words)


@cache
def grammar(lang: LanguageData) -> Grammar:
    """The compiled relations.toml and relational roles of ``lang``."""
    table = lang.table("relations")
    filters = table.get("filters", {})
    roles = lang.table("roles")
    by_role: dict[tuple[str, ...], tuple[str, ...]] = {}
    for predicate, nouns in roles.get("relational", {}).items():
        for noun in nouns:
            key = tuple(noun.casefold().split())
            by_role[key] = (*by_role.get(key, ()), predicate)
    return Grammar(
        patterns=tuple(_patterns(table, list(filters.get("relatives", [])))),
        roles=by_role,
        role_modifiers=frozenset(w.casefold() for w in filters.get("role_modifiers", [])),
        topical_roles=_phrases(roles.get("topical", {}).get("roles", [])),
        negations=frozenset(filters.get("negations", [])),
        negation_suffixes=tuple(filters.get("negation_suffixes", [])),
        hedges=frozenset(filters.get("hedges", [])),
        clause_breaks=frozenset(filters.get("clause_breaks", [])),
        adjuncts=frozenset(filters.get("adjunct_prepositions", [])),
        gap_stops=frozenset(filters.get("narrow_gap_stops", [])),
        coordinators=_phrases([c.replace("_", " ") for c in filters.get("coordinators", [])]),
        precedence={k: frozenset(v) for k, v in table.get("precedence", {}).items()},
        relatives=_phrases(list(filters.get("relatives", []))),
        complements=frozenset(filters.get("noun_complements", [])),
        subjects=frozenset(filters.get("subject_pronouns", [])),
        excluded_objects={
            name: frozenset(body["excluded_objects"])
            for name, body in table.get("predicates", {}).items()
            if body.get("excluded_objects")
        },
    )
