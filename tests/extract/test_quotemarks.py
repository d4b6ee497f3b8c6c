"""Quotation marks of every style, apostrophes that are not quotes, and quotations over paragraphs."""

from __future__ import annotations

import pytest

from kg.extract.quotemarks import find_quotations


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        ("Er sagte: „Eins zwei.“ Sie: »Drei vier.«", ["Eins zwei.", "Drei vier."]),
        ("He said \u201cone two\u201d and 'three four' today.", ["one two", "three four"]),
        ("Musk's plan and O'Brien's idea are 'not the same'.", ["not the same"]),
        ("Sie sagte: «Wir kommen» und ‚bald‘.", ["Wir kommen", "bald"]),
        ('He wrote: "We are ready."', ["We are ready."]),
    ],
)
def test_quotation_marks_of_every_style(text: str, contents: list[str]) -> None:
    assert [q.content for q in find_quotations(text, 0, len(text))] == contents


def test_a_quotation_goes_on_where_the_next_paragraph_reopens_it() -> None:
    text = "Sie sagte: „Erster Absatz.\n„Zweiter Absatz.“"
    [quote] = find_quotations(text, 0, len(text))
    assert quote.content == "Erster Absatz.\n„Zweiter Absatz."


def test_an_unclosed_mark_quotes_nothing_past_its_paragraph() -> None:
    text = "Er sagte: „Das ist offen.\nNeuer Absatz ohne Marke."
    assert find_quotations(text, 0, len(text)) == []
