"""The speech data of every language: cue verbs and their forms, predicates of the vocabulary, and the word
classes, moods, speakers and media the finders read."""

from __future__ import annotations

import pytest

from kg.extract.quotes.lexicon import SpeechLexicon
from kg.lang import available_languages, language
from kg.vocab import vocabulary

LANGUAGES = available_languages()


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_cue_records_a_quote_predicate_of_the_vocabulary(code: str) -> None:
    lex = SpeechLexicon.of(language(code))
    predicates = {s.predicate for senses in lex.verbs.values() for s in senses}
    assert predicates and all(vocabulary()[p].is_quote for p in predicates)


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_language_has_the_speech_data(code: str) -> None:
    lex = SpeechLexicon.of(language(code))
    assert lex.verbs and lex.determiners and lex.prepositions and lex.subordinators and lex.complementizers
    assert lex.unnamed and lex.spokespersons and lex.media_nouns and lex.source_before


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_separable_verb_lists_forms_with_and_without_its_particle(code: str) -> None:
    """A phrase ("zu bedenken geben") has no form that joins its closing word to the verb."""
    lex = SpeechLexicon.of(language(code))
    for senses in lex.verbs.values():
        for sense in senses:
            if sense.particle and lex.capitalised_nouns and " " not in sense.lemma:
                forms = {f for f, ss in lex.verbs.items() if any(s.lemma == sense.lemma for s in ss)}
                assert any(f.startswith(sense.particle) for f in forms), sense.lemma


def test_german_separable_verbs() -> None:
    lex = SpeechLexicon.of(language("de"))
    assert [(s.lemma, s.joined) for s in lex.senses("angekündigt")] == [("ankündigen", True)]
    assert {s.lemma for s in lex.senses("kündigte")} == {"ankündigen"}
    assert {s.particle for s in lex.senses("gab")} >= {"bekannt", "an", "zu"}


def test_heads_of_compounds_count_in_german_only() -> None:
    de, en = SpeechLexicon.of(language("de")), SpeechLexicon.of(language("en"))
    assert de.is_head("Regierungskreise", de.unnamed) and de.is_head("Polizeisprecherin", de.spokespersons)
    assert not en.is_head("lawmakersx", en.unnamed)
