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
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
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
    particles: frozenset[str]
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

    @cached_property
    def source_openers(self) -> frozenset[str]:
        """The words a source phrase can begin with: the first word of each, and the "so" of ", so X"."""
        phrases = (*self.source_before, *self.source_after, *self.source_with_noun, *self.impersonal)
        return frozenset(p[0] for p in phrases) | self.inserted

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
        cues, grammar, mood = lang.table("cues"), lang.table("grammar"), lang.table("mood")
        speakers, media, sources = lang.table("speakers"), lang.table("media"), lang.table("cues").get("sources", {})
        verbs = _verb_senses(cues.get("verbs", {}), lang.code)
        return SpeechLexicon(
            code=lang.code,
            verbs=verbs,
            particles=frozenset(s.particle for found in verbs.values() for s in found if s.particle),
            source_before=_phrases(sources.get("before", [])),
            source_after=_phrases(sources.get("after", [])),
            source_with_noun=_phrases(sources.get("with_noun", [])),
            report_nouns=tuple(sorted(_words(sources.get("report_nouns", [])))),
            inserted=_words(sources.get("inserted", [])),
            anaphoric=_words(sources.get("anaphoric", [])),
            impersonal=_phrases(sources.get("impersonal", [])),
            as_clause=_words(sources.get("as_clause", [])),
            complementizers=_words(sources.get("complementizers", [])),
            determiners=_words(grammar.get("determiners", [])),
            oblique=_words(grammar.get("oblique", [])),
            prepositions=_words(grammar.get("prepositions", [])),
            subordinators=_words(grammar.get("subordinators", [])),
            coordinators=_words(grammar.get("coordinators", [])),
            adverbs=_words(grammar.get("adverbs", [])),
            auxiliaries=_words(grammar.get("auxiliaries", [])),
            passive_auxiliaries=_words(grammar.get("passive_auxiliaries", [])),
            agent_prepositions=_words(grammar.get("agent_prepositions", [])),
            pronouns=_words(grammar.get("pronouns", [])),
            demonstratives=_words(grammar.get("demonstratives", [])),
            not_speakers=_words(grammar.get("not_speakers", [])),
            generic=_words(grammar.get("generic", [])),
            subject_after_verb=bool(grammar.get("subject_after_verb", False)),
            comma_complements=bool(grammar.get("comma_complements", False)),
            genitive_endings=tuple(str(e) for e in grammar.get("genitive_endings", [])),
            genitive_articles=_words(grammar.get("genitive_articles", [])),
            capitalised_nouns=bool(grammar.get("capitalised_nouns", False)),
            reported_mood=_words(mood.get("reported", [])),
            substitute_mood=_words(mood.get("substitute", [])),
            hearsay=_words(mood.get("hearsay", [])),
            hearsay_endings=_words(mood.get("hearsay_endings", [])),
            unnamed=tuple(sorted(_words(speakers.get("unnamed", [])))),
            spokespersons=tuple(sorted(_words(speakers.get("spokespersons", [])))),
            spokesperson_links=_words(speakers.get("spokesperson_links", [])),
            media_prepositions=_words(media.get("prepositions", [])),
            media_nouns=tuple(sorted(_words(media.get("nouns", [])))),
            platforms=frozenset(str(p) for p in lang.table("names").get("platform_names", [])),
            addressee_openers=_phrases(media.get("addressee_openers", [])),
            abbreviations=lang.words("abbreviations"),
        )
