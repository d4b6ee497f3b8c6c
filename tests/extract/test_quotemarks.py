"""Quotation marks: which pairs open and close, apostrophes, quotes over several paragraphs, and marks that
never close."""

from __future__ import annotations

import pytest

from kg.extract.quotemarks import MAX_QUOTE, find_quotations


def _contents(text: str) -> list[str]:
    return [q.content for q in find_quotations(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er sagte: „Wir kommen morgen.“", ["Wir kommen morgen."]),
        ("»Das reicht«, sagte sie. «Non», répondit-il.", ["Das reicht", "Non"]),
        ('"We will win," she said.', ["We will win"]),
        ("Musk's company and geht's: no quotes here.", []),
        ("She called it 'open' at last.", ["open"]),
    ],
)
def test_pairs_and_apostrophes(text: str, expected: list[str]) -> None:
    assert _contents(text) == expected


def test_a_quote_over_two_paragraphs_continues_where_the_next_one_reopens_it() -> None:
    text = "„Wir bauen.\n\n„Und wir bleiben“, sagte sie."
    [quote] = find_quotations(text, 0, len(text))
    assert quote.outer.start == 0 and quote.content.endswith("Und wir bleiben")


def test_a_paragraph_break_ends_an_unclosed_quote() -> None:
    assert _contents("„Wir bauen.\nDer Rat sagte “nein” dazu.") == ["nein"]


def test_marks_that_never_close_are_passed_over() -> None:
    text = "Er sagte »nichts " * 5000 + "Sie sagte: „Jetzt aber doch.“"
    assert _contents(text) == ["Jetzt aber doch."]
    assert find_quotations(text, 10, 20) == []


def test_a_quotation_longer_than_the_limit_is_not_taken_for_speech() -> None:
    text = "„" + "Wort " * (MAX_QUOTE // 5 + 1) + "“"
    assert _contents(text) == []
