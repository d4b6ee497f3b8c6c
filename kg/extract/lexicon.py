"""The name lexicon of a language: what kg/lang says about names (cue nouns, roles, legal forms, given names,
places, organisation words), read once per language and shared by name finding, typing and coreference.

Given names and places are read from every language folder, not only the article's: a person's name and a
city's do not change with the language of the article that mentions them.

>>> from kg.lang import language
>>> lex = lexicon(language("de"))
>>> lex.gender("Elon"), lex.gender("Anna"), lex.gender("Grok")
('m', 'f', None)
>>> lex.is_role("Wirtschaftsminister"), "Berlin" in lex.places
(True, True)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any, TypeVar

from kg.lang import LanguageData, available_languages, language
from kg.model import EntityType

__all__ = ["Lexicon", "lexicon"]

#: German compounds end in their head noun; heads shorter than this are too often plain word endings.
MIN_COMPOUND_HEAD = 4
#: Answers to one question a lexicon keeps before it starts afresh (a bound on memory over a long run of articles).
MAX_REMEMBERED = 500_000

T = TypeVar("T")


@dataclass(frozen=True)
class Lexicon:
    """Name knowledge of one language; all word sets are compared case-sensitively unless named ``folded``."""

    code: str
    stop: frozenset[str]
    roles: frozenset[str]
    #: Roles listed in lower case; capitalised they are titles ("Chairman"), still roles.
    lower_roles: frozenset[str]
    role_heads: tuple[str, ...]
    org_cues: frozenset[str]
    product_cues: frozenset[str]
    org_cue_heads: tuple[str, ...]
    product_cue_heads: tuple[str, ...]
    inflections: tuple[str, ...]
    apposition: frozenset[str]
    copulas: frozenset[str]
    #: Words that note a birth after a name ("born"): the name is a person's.
    birth: frozenset[str]
    platforms: frozenset[str]
    legal: frozenset[str]
    #: Legal forms, without their full stop, that may follow a name after a comma ("Acme, Inc.").
    comma_legal: frozenset[str]
    org_words: frozenset[str]
    org_heads: tuple[str, ...]
    place_words: frozenset[str]
    place_prefixes: frozenset[str]
    #: Roles of several words ("managing director"), case-folded: their words are not a name.
    role_phrases: frozenset[tuple[str, ...]]
    organizations: frozenset[str]
    connectors: frozenset[str]
    #: Connectors that also join lists of names ("and"): they join a name only as its inner part.
    coordinators: frozenset[str]
    particles: frozenset[str]
    #: Particles that also join two surnames ("Hidalgo y Costilla").
    surname_particles: frozenset[str]
    noun_endings: tuple[str, ...]
    not_names: frozenset[str]
    #: Words that make an adjective of not_names with the word after them ("South Korean").
    adjective_prefixes: frozenset[str]
    #: Words that open sentences without naming anything (only for languages that do not capitalise nouns).
    openers: frozenset[str]
    pronouns: frozenset[str]
    male: frozenset[str]
    female: frozenset[str]
    places: frozenset[str]

    #: Answers already given, by question and word: a text asks about the same words again and again.
    #: Kept per question, so that looking an answer up builds no key.
    _answers: dict[str, dict[str, Any]] = field(default_factory=dict, init=False, repr=False, compare=False)
    #: The first words (case-folded) of the roles of several words.
    role_phrase_starts: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Derived once here, not in a cached property: the compiled build keeps no instance __dict__ for it.
        object.__setattr__(self, "role_phrase_starts", frozenset(phrase[0] for phrase in self.role_phrases))

    def remembered(self, question: str, word: str, answer: Callable[[Lexicon, str], T]) -> T:
        """``answer(self, word)``, worked out once per lexicon; ``answer`` must depend on nothing but the lexicon
        and ``word``. It takes the lexicon as an argument, so that a caller passes a plain function (or an
        unbound method) and makes no closure for each of the hundreds of thousands of questions of a text.

        >>> from kg.lang import language
        >>> lexicon(language("en")).remembered("length", "Acme", lambda lex, word: len(word))
        4
        """
        answers = self._answers.get(question)
        if answers is None:
            answers = self._answers[question] = {}
        try:
            found: T = answers[word]
        except KeyError:
            if len(answers) >= MAX_REMEMBERED:
                answers.clear()
            found = answers[word] = answer(self, word)
        return found

    @property
    def compounds(self) -> bool:
        """True for languages that write role and organisation nouns as compounds ("Hafenchef")."""
        return bool(self.role_heads)

    def gender(self, given_name: str) -> str | None:
        """'m' or 'f' for a known given name (the more common reading if it is both), else None."""
        if given_name in self.male:
            return "m"
        return "f" if given_name in self.female else None

    def is_given_name(self, word: str) -> bool:
        return word in self.male or word in self.female

    def is_role(self, word: str) -> bool:
        """A role noun, also as the head of a German compound: "Wirtschaftsminister", "Hafenchef"."""
        return self.remembered("role", word, Lexicon._is_role)

    def _is_role(self, word: str) -> bool:
        folded = word.casefold()
        if word in self.roles or (word[:1].isupper() and folded in self.lower_roles):
            return True
        return bool(self.role_heads) and folded.endswith(self.role_heads)

    def is_org_word(self, word: str) -> bool:
        """A word that makes a name an organisation ("University", "Bank"; German also "Landesbank" and
        inflected forms: "des Verbands Deutscher Reeder")."""
        return self.remembered("org", word, Lexicon._is_org_word)

    def _is_org_word(self, word: str) -> bool:
        if word in self.org_words or self.uninflected_org_word(word) is not None:
            return True
        return bool(self.org_heads) and word.casefold().endswith(self.org_heads)

    def uninflected_org_word(self, word: str) -> str | None:
        """The organisation word an inflected German form stands for ("Verbands": "Verband", "Mietervereins":
        "Mieterverein"), if any."""
        if not self.compounds:
            return None
        for ending in self.inflections:
            stem = word[: -len(ending)]
            if word.endswith(ending) and (stem in self.org_words or stem.casefold().endswith(self.org_heads)):
                return stem  # "Verbands", "Mietervereins"
        return None

    def forms(self, word: str) -> list[str]:
        """The case-folded head of ``word`` and its stems without inflection endings: "Konzerns" -> konzerns,
        konzern; "KI-Unternehmen" -> unternehmen."""
        whole = word.casefold()
        heads = [whole] if "-" not in whole else [whole, whole.rsplit("-", 1)[-1]]  # "Start-up", "KI-Unternehmen"
        return [
            f
            for h in heads
            for f in (h, *(h[: -len(e)] for e in self.inflections if h.endswith(e) and len(h) > len(e) + 2))
        ]

    def _is_cue(self, word: str, cues: frozenset[str], heads: tuple[str, ...]) -> bool:
        return any(f in cues or (bool(heads) and f.endswith(heads)) for f in self.forms(word))

    def cue_type(self, word: str) -> EntityType | None:
        """The type a cue noun gives the name after it: "KI-Unternehmen", "Windkraftkonzerns", "chatbot", a role.

        A hyphenated compound counts by its last part, a German compound by its head, an inflected form by its
        stem ("des Konzerns", "den Konkurrenten").
        """
        return self.remembered("cue", word, Lexicon._cue_type)

    def _cue_type(self, word: str) -> EntityType | None:
        if self._is_cue(word, self.org_cues, self.org_cue_heads):
            return EntityType.ORGANIZATION
        if self._is_cue(word, self.product_cues, self.product_cue_heads):
            return EntityType.PRODUCT
        if self.is_role(word) or self.is_role(word.rsplit("-", 1)[-1]):
            return EntityType.PERSON
        return None


def _strings(table: dict[str, Any], key: str) -> list[str]:
    return [str(w) for w in table.get(key, [])]


def _union(topic: str) -> frozenset[str]:
    return frozenset(w for code in available_languages() for w in language(code).words(topic))


def _role_phrases(lang: LanguageData) -> frozenset[tuple[str, ...]]:
    roles = lang.table("roles")
    nouns = [*roles.get("person", {}).get("nouns", []), *(n for v in roles.get("relational", {}).values() for n in v)]
    return frozenset(tuple(n.casefold().split()) for n in nouns if " " in n)


def _heads(words: list[str], german: bool) -> tuple[str, ...]:
    return tuple(w.casefold() for w in words if german and len(w) >= MIN_COMPOUND_HEAD and w.isalpha())


@cache
def lexicon(lang: LanguageData) -> Lexicon:
    """The lexicon of ``lang``, built from its ``names.toml``, ``roles.toml``, ``pronouns.toml`` and word lists."""
    names = lang.table("names")
    roles = [str(r) for r in lang.table("roles").get("person", {}).get("nouns", [])]
    german = lang.code == "de"
    org_words, org_cues = _strings(names, "organization_words"), _strings(names, "organization_cues")
    return Lexicon(
        code=lang.code,
        stop=lang.words("stopwords"),
        roles=frozenset(roles),
        lower_roles=frozenset(r for r in roles if r.islower()),
        role_heads=_heads(roles, german),
        org_cues=frozenset(c.casefold() for c in org_cues),
        product_cues=frozenset(c.casefold() for c in _strings(names, "product_cues")),
        org_cue_heads=_heads(org_cues, german),
        product_cue_heads=(),  # product heads are too often plain words: "Beispiel", "Geschäftsmodell"
        inflections=tuple(_strings(names, "inflections")),
        apposition=frozenset(_strings(names, "apposition")),
        copulas=frozenset(_strings(names, "copulas")),
        birth=frozenset(_strings(names, "birth")),
        platforms=frozenset(names.get("platform_names", [])),
        legal=frozenset(names.get("legal_forms", [])),
        comma_legal=frozenset(str(w).rstrip(".") for w in names.get("comma_legal_forms", [])),
        org_words=frozenset(org_words),
        org_heads=_heads(org_words, german),
        place_words=frozenset(names.get("place_words", [])),
        place_prefixes=frozenset(names.get("place_prefixes", [])),
        role_phrases=_role_phrases(lang),
        organizations=_union("organizations"),
        connectors=frozenset(names.get("connectors", [])),
        coordinators=frozenset(names.get("list_connectors", [])),
        particles=frozenset(names.get("name_particles", [])),
        surname_particles=frozenset(names.get("surname_particles", [])),
        noun_endings=tuple(names.get("noun_endings", [])),
        not_names=frozenset(names.get("not_names", [])),
        adjective_prefixes=frozenset(names.get("adjective_prefixes", [])),
        openers=frozenset(names.get("sentence_openers", [])),
        pronouns=frozenset(w for v in lang.table("pronouns").values() if isinstance(v, list) for w in v),
        male=_union("male_names"),
        female=_union("female_names"),
        places=_union("places"),
    )
