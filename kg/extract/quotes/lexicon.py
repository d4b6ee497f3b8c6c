"""The speech lexicon of one language: cue verbs, source phrases, word classes, moods, speakers and media,
read once from the language's data files (``cues.toml``, ``grammar.toml``, ``mood.toml``, ``speakers.toml``,
``media.toml``).

>>> from kg.lang import language
>>> lex = SpeechLexicon.of(language("de"))
>>> [(s.lemma, s.particle, s.predicate) for s in lex.senses("teilte")]
[('mitteilen', 'mit', 'stated')]
>>> lex.senses("mitgeteilt")[0].joined, lex.is_head("Polizeisprecher", lex.spokespersons)
(True, True)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from kg.errors import ConfigError
from kg.lang import LanguageData

__all__ = ["Sense", "SpeechLexicon"]


@dataclass(frozen=True, slots=True)
class Sense:
    """One reading of a word form as a cue verb: "teilte" is ``mitteilen`` when "mit" closes its clause."""

    lemma: str
    predicate: str
    particle: str = ""
    needs: str = ""
    act: bool = False
    #: The verb takes the addressee as its object before what is said ("told reporters that").
    addressee: bool = False
    #: The form carries its particle ("mitgeteilt", "ankündigt"), so no separate particle is needed.
    joined: bool = False


def _words(values: Iterable[Any]) -> frozenset[str]:
    return frozenset(str(v).casefold() for v in values)


def _phrases(values: Iterable[Any]) -> tuple[tuple[str, ...], ...]:
    """Multi-word entries as word tuples, longest first, so "unter Berufung auf" wins over shorter ones."""
    found = {tuple(str(v).casefold().split()) for v in values}
    return tuple(sorted(found, key=lambda p: (-len(p), p)))


def _verb_senses(table: dict[str, Any], code: str) -> dict[str, tuple[Sense, ...]]:
    senses: dict[str, list[Sense]] = defaultdict(list)
    for lemma, entry in table.items():
        if not isinstance(entry, dict) or "forms" not in entry:
            raise ConfigError(f"kg/lang/{code}/cues.toml: verb {lemma!r} needs forms")
        particle = str(entry.get("particle", "")).casefold()
        for form in str(entry["forms"]).casefold().split():
            senses[form].append(
                Sense(
                    lemma=lemma,
                    predicate=str(entry.get("predicate", "said")),
                    particle=particle,
                    needs=str(entry.get("needs", "")).casefold(),
                    act=bool(entry.get("act", False)),
                    addressee=bool(entry.get("addressee", False)),
                    joined=not particle or form.startswith(particle),
                )
            )
    return {form: tuple(found) for form, found in senses.items()}


@dataclass(frozen=True)
class SpeechLexicon:
    """Everything the quote finders know about one language, as sets and tuples of case-folded words."""

    code: str
    verbs: dict[str, tuple[Sense, ...]]
    source_before: tuple[tuple[str, ...], ...]
    source_after: tuple[tuple[str, ...], ...]
    source_with_noun: tuple[tuple[str, ...], ...]
    report_nouns: tuple[str, ...]
    inserted: frozenset[str]
    anaphoric: frozenset[str]
    impersonal: tuple[tuple[str, ...], ...]
    as_clause: frozenset[str]
    complementizers: frozenset[str]
    determiners: frozenset[str]
    oblique: frozenset[str]
    prepositions: frozenset[str]
    subordinators: frozenset[str]
    coordinators: frozenset[str]
    adverbs: frozenset[str]
    auxiliaries: frozenset[str]
    passive_auxiliaries: frozenset[str]
    agent_prepositions: frozenset[str]
    pronouns: frozenset[str]
    demonstratives: frozenset[str]
    not_speakers: frozenset[str]
    generic: frozenset[str]
    subject_after_verb: bool
    comma_complements: bool
    genitive_endings: tuple[str, ...]
    genitive_articles: frozenset[str]
    capitalised_nouns: bool
    adverbial_endings: tuple[str, ...]
    reported_mood: frozenset[str]
    substitute_mood: frozenset[str]
    hearsay: frozenset[str]
    hearsay_endings: frozenset[str]
    unnamed: tuple[str, ...]
    spokespersons: tuple[str, ...]
    spokesperson_links: frozenset[str]
    media_prepositions: frozenset[str]
    media_nouns: tuple[str, ...]
    platforms: frozenset[str]
    addressee_openers: tuple[tuple[str, ...], ...]
    #: Abbreviations whose full stop does not end a noun phrase ("Dr. Naomi Feld"), as written.
    abbreviations: frozenset[str]

    #: Word kinds already found (see :mod:`kg.extract.quotes.words`) by text, of words inside a sentence and of
    #: words that open one: kept with the lexicon they depend on, since a text uses the same words again and
    #: again. Two tables keyed by the text alone, so that looking a word up builds no key.
    word_kinds: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)
    opening_kinds: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)
    #: The words a source phrase can begin with: the first word of each, and the "so" of ", so X".
    source_openers: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Derived once here, not in cached properties: the compiled build keeps no instance __dict__ for them.
        phrases = (*self.source_before, *self.source_after, *self.source_with_noun, *self.impersonal)
        object.__setattr__(self, "source_openers", frozenset(p[0] for p in phrases) | self.inserted)

    def senses(self, word: str) -> tuple[Sense, ...]:
        """The cue-verb readings of ``word`` (none for a word that is no cue)."""
        return self.verbs.get(word.casefold(), ())

    def is_head(self, word: str, heads: tuple[str, ...]) -> bool:
        """True if ``word`` is one of ``heads`` or, in a compounding language, ends in one ("Polizeisprecher")."""
        folded = word.casefold()
        if folded in heads:
            return True
        return self.capitalised_nouns and any(folded.endswith(h) and len(folded) > len(h) + 2 for h in heads)

    @staticmethod
    @cache
    def of(lang: LanguageData) -> SpeechLexicon:
        """The lexicon of ``lang``, read from its data files once."""
        verbs = _verb_senses(lang.table("cues").get("verbs", {}), lang.code)
        fields = {name: read(_entry(lang, topic, key)) for name, topic, key, read in _FIELDS}
        return SpeechLexicon(
            code=lang.code,
            verbs=verbs,
            platforms=frozenset(str(p) for p in lang.table("names").get("platform_names", [])),
            abbreviations=lang.words("abbreviations"),
            **fields,
        )


def _entry(lang: LanguageData, topic: str, key: str) -> Any:
    """``key`` of the language's ``topic`` file; "cues.sources" is the table ``sources`` of ``cues.toml``."""
    name, _, sub = topic.partition(".")
    table = lang.table(name)
    return (table.get(sub, {}) if sub else table).get(key, [])


def _heads(values: Any) -> tuple[str, ...]:
    return tuple(sorted(_words(values)))


def _flag(value: Any) -> bool:
    return bool(value)


def _strings(values: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in values)


#: Each field of the lexicon: the data file it comes from, its key there, and how it is read.
_FIELDS: tuple[tuple[str, str, str, Callable[[Any], Any]], ...] = (
    ("source_before", "cues.sources", "before", _phrases),
    ("source_after", "cues.sources", "after", _phrases),
    ("source_with_noun", "cues.sources", "with_noun", _phrases),
    ("report_nouns", "cues.sources", "report_nouns", _heads),
    ("inserted", "cues.sources", "inserted", _words),
    ("anaphoric", "cues.sources", "anaphoric", _words),
    ("impersonal", "cues.sources", "impersonal", _phrases),
    ("as_clause", "cues.sources", "as_clause", _words),
    ("complementizers", "cues.sources", "complementizers", _words),
    ("determiners", "grammar", "determiners", _words),
    ("oblique", "grammar", "oblique", _words),
    ("prepositions", "grammar", "prepositions", _words),
    ("subordinators", "grammar", "subordinators", _words),
    ("coordinators", "grammar", "coordinators", _words),
    ("adverbs", "grammar", "adverbs", _words),
    ("auxiliaries", "grammar", "auxiliaries", _words),
    ("passive_auxiliaries", "grammar", "passive_auxiliaries", _words),
    ("agent_prepositions", "grammar", "agent_prepositions", _words),
    ("pronouns", "grammar", "pronouns", _words),
    ("demonstratives", "grammar", "demonstratives", _words),
    ("not_speakers", "grammar", "not_speakers", _words),
    ("generic", "grammar", "generic", _words),
    ("subject_after_verb", "grammar", "subject_after_verb", _flag),
    ("comma_complements", "grammar", "comma_complements", _flag),
    ("genitive_endings", "grammar", "genitive_endings", _strings),
    ("genitive_articles", "grammar", "genitive_articles", _words),
    ("capitalised_nouns", "grammar", "capitalised_nouns", _flag),
    ("adverbial_endings", "grammar", "adverbial_endings", _strings),
    ("reported_mood", "mood", "reported", _words),
    ("substitute_mood", "mood", "substitute", _words),
    ("hearsay", "mood", "hearsay", _words),
    ("hearsay_endings", "mood", "hearsay_endings", _words),
    ("unnamed", "speakers", "unnamed", _heads),
    ("spokespersons", "speakers", "spokespersons", _heads),
    ("spokesperson_links", "speakers", "spokesperson_links", _words),
    ("media_prepositions", "media", "prepositions", _words),
    ("media_nouns", "media", "nouns", _heads),
    ("addressee_openers", "media", "addressee_openers", _phrases),
)
