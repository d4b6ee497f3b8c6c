"""Sentence splitting: abbreviations, initials, ordinals and quotes do not end sentences; lines do."""

from __future__ import annotations

import pytest

from kg.extract.sentences import split_sentences
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
