"""Repeated reports of one statement are found by their content words, per speaker and predicate."""

from __future__ import annotations

from kg.extract.quotes.repeats import same_statement, without_repeats

STOP = frozenset({"die", "der", "zu", "und", "dass"})


def test_a_shorter_report_within_a_longer_one_is_the_same_statement() -> None:
    assert same_statement("Grok frei machen zu wollen", "dass xAI Grok frei machen will und kann", STOP)


def test_different_statements_and_short_ones_are_not() -> None:
    assert not same_statement("Die Preise steigen stark", "Die Löhne sinken stark", STOP)
    assert not same_statement("Ja", "Ja", STOP)  # too few words to tell


def test_only_the_same_speaker_and_predicate_repeat() -> None:
    keys = [
        ("musk", "announced", "Grok wird bald frei verfügbar"),
        ("openai", "announced", "Grok wird bald frei verfügbar"),
        ("musk", "said", "Grok wird bald frei verfügbar"),
        ("musk", "announced", "Grok wird frei verfügbar"),
    ]
    assert without_repeats(keys, STOP) == [False, False, False, True]
