"""Quotation marks of every style, apostrophes that are not quotes, quotations over paragraphs, and marks that
never close."""

from __future__ import annotations

import pytest

from kg.extract.quotemarks import MAX_QUOTE, find_quotations


def _contents(text: str) -> list[str]:
    return [q.content for q in find_quotations(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        ("Er sagte: „Eins zwei.“ Sie: »Drei vier.«", ["Eins zwei.", "Drei vier."]),
        ("He said \u201cone two\u201d and 'three four' today.", ["one two", "three four"]),
        ("Musk's plan and O'Brien's idea are 'not the same'.", ["not the same"]),
        ("Sie sagte: «Wir kommen» und ‚bald‘.", ["Wir kommen", "bald"]),
        ('He wrote: "We are ready."', ["We are ready."]),
        ("»Das reicht«, sagte sie. «Non», répondit-il.", ["Das reicht", "Non"]),
        ("Musk's company and geht's: no quotes here.", []),
    ],
)
def test_quotation_marks_of_every_style(text: str, contents: list[str]) -> None:
    assert _contents(text) == contents


def test_a_quotation_goes_on_where_the_next_paragraph_reopens_it() -> None:
    text = "Sie sagte: „Erster Absatz.\n„Zweiter Absatz.“"
    [quote] = find_quotations(text, 0, len(text))
    assert quote.content == "Erster Absatz.\n„Zweiter Absatz."


def test_a_quote_over_two_paragraphs_continues_where_the_next_one_reopens_it() -> None:
    text = "„Wir bauen.\n\n„Und wir bleiben“, sagte sie."
    [quote] = find_quotations(text, 0, len(text))
    assert quote.outer.start == 0 and quote.content.endswith("Und wir bleiben")


def test_an_unclosed_mark_quotes_nothing_past_its_paragraph() -> None:
    text = "Er sagte: „Das ist offen.\nNeuer Absatz ohne Marke."
    assert find_quotations(text, 0, len(text)) == []
    assert _contents("„Wir bauen.\nDer Rat sagte “nein” dazu.") == ["nein"]


def test_marks_that_never_close_are_passed_over() -> None:
    text = "Er sagte »nichts " * 5000 + "Sie sagte: „Jetzt aber doch.“"
    assert _contents(text) == ["Jetzt aber doch."]
    assert find_quotations(text, 10, 20) == []


def test_a_quotation_longer_than_the_limit_is_not_taken_for_speech() -> None:
    text = "„" + "Wort " * (MAX_QUOTE // 5 + 1) + "“"
    assert _contents(text) == []
