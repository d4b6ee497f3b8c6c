"""Where and to whom a quote was said, where its frame says so."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.extract.quotes import Quote

Quotes = Callable[..., list[Quote]]


@pytest.mark.parametrize(
    ("text", "lang", "medium"),
    [
        ("Elon Musk hat bei X angekündigt, dass Grok frei wird.", "de", "bei X"),
        ("Ministerin Eva Lind sagte in einem Interview, die Lage sei ernst.", "de", "in einem Interview"),
        ('"We will win," Mayor Ann Cole said in a statement.', "en", "in a statement"),
        ("Ministerin Eva Lind sagte, die Lage sei ernst.", "de", None),
    ],
)
def test_the_medium_as_the_article_puts_it(quotes: Quotes, text: str, lang: str, medium: str | None) -> None:
    [quote] = quotes(text, lang)
    assert quote.setting.medium == medium


def test_the_addressee_of_told(quotes: Quotes) -> None:
    text = "John Kerrigan met the press. Kerrigan told Jane Porter that funding would follow."
    [quote] = quotes(text, "en")
    assert quote.setting.addressee is not None and quote.setting.addressee.name == "Jane Porter"
