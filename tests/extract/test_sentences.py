"""Sentence splitting: abbreviations, initials, ordinals and quotes do not end sentences; lines do."""

from __future__ import annotations

import pytest

from kg.extract.sentences import MAX_SENTENCE, split_sentences
from kg.lang import language


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("de", "Dr. Meier kam am 3. März. Er blieb.", ["Dr. Meier kam am 3. März.", "Er blieb."]),
        ("de", "„Wir kommen.“ Dann ging er.", ["„Wir kommen.“", "Dann ging er."]),
        ("de", "Titel ohne Punkt\nErster Satz. Zweiter Satz!", ["Titel ohne Punkt", "Erster Satz.", "Zweiter Satz!"]),
        (
            "en",
            "Mr. J. R. Smith said so. U.S. officials agreed.",
            ["Mr. J. R. Smith said so.", "U.S. officials agreed."],
        ),
        ("en", 'He asked: "Why?" Nobody answered.', ['He asked: "Why?"', "Nobody answered."]),
        ("en", "It cost 3.5 million dollars. Then it grew.", ["It cost 3.5 million dollars.", "Then it grew."]),
    ],
)
def test_split(code: str, text: str, expected: list[str]) -> None:
    sentences = split_sentences(text, language(code))
    assert [s.text for s in sentences] == expected
    assert all(s.span.of(text) == s.text for s in sentences)


def test_splitting_stops_at_the_limit() -> None:
    text = "Eins ist gut. Zwei ist besser. Drei."
    assert [s.text for s in split_sentences(text, language("de"), limit=14)] == ["Eins ist gut."]


def test_a_text_without_sentence_ends_is_cut_into_bounded_pieces_at_spaces() -> None:
    text = "Wort und Wort " * (MAX_SENTENCE // 4)
    sentences = split_sentences(text, language("de"))
    assert len(sentences) > 1
    assert all(len(s.text) <= MAX_SENTENCE and s.span.of(text) == s.text for s in sentences)
    assert all(not s.text.startswith(" ") and not s.text.endswith(" ") for s in sentences)
    assert " ".join(s.text for s in sentences) == text.strip()


def test_a_word_longer_than_a_sentence_is_cut_anyway() -> None:
    text = "x" * (2 * MAX_SENTENCE + 5)
    assert [len(s.text) for s in split_sentences(text, None)] == [MAX_SENTENCE, MAX_SENTENCE, 5]


def test_runs_of_stops_end_one_sentence() -> None:
    text = "Er kam" + "." * (MAX_SENTENCE - 10) + " Dann ging er?! Ja."
    assert [s.text[-3:] for s in split_sentences(text, language("de"))] == ["...", "r?!", "Ja."]
