"""The speech reading of whole documents: headlines, quotations over several sentences and paragraphs, a
frame that introduces the next paragraph, one quote per stretch of words, and repeated reports."""

from __future__ import annotations

from collections.abc import Callable

from kg.extract.quotes import Quote
from kg.model import QuoteMode

Quotes = Callable[..., list[Quote]]


def _said(found: list[Quote], text: str) -> list[tuple[str, str, QuoteMode]]:
    return [(q.speaker.entity.name, q.found.content.of(text), q.found.mode) for q in found]


def test_a_headline_that_announces(quotes: Quotes) -> None:
    text = "Elon Musk kündigt an: Grok soll Open-Source werden\nDer Chatbot von Elon Musk ist neu."
    assert _said(quotes(text), text) == [("Elon Musk", "Grok soll Open-Source werden", QuoteMode.HEADLINE)]


def test_a_headline_with_a_name_a_colon_and_a_quotation(quotes: Quotes) -> None:
    text = "Kanzlerin Eva Lind: „Wir schaffen das“\nDie Kanzlerin Eva Lind sprach in Berlin."
    assert _said(quotes(text), text) == [("Eva Lind", "Wir schaffen das", QuoteMode.HEADLINE)]


def test_a_headline_that_names_a_topic_is_no_quote(quotes: Quotes) -> None:
    text = "Grok: Was der Chatbot kann\nDer Chatbot ist neu."
    assert quotes(text) == []


def test_a_quotation_over_several_sentences_is_one_direct_quote(quotes: Quotes) -> None:
    text = "„Wir kommen. Wir bleiben. Wir bauen.“, sagte Bürgermeisterin Eva Lind."
    assert _said(quotes(text), text) == [("Eva Lind", "Wir kommen. Wir bleiben. Wir bauen.", QuoteMode.DIRECT)]


def test_a_frame_with_a_colon_introduces_the_next_paragraph(quotes: Quotes) -> None:
    text = "Mats Schönauer schreibt in seinem Blog:\n„Die Geschichte tingelt seit Tagen durch die Medien.“"
    assert _said(quotes(text), text) == [
        ("Mats Schönauer", "Die Geschichte tingelt seit Tagen durch die Medien.", QuoteMode.DIRECT)
    ]


def test_an_indirect_statement_with_quoted_words_is_mixed(quotes: Quotes) -> None:
    text = "Ministerin Eva Lind sagte, man werde „alles Nötige tun“, um den Hafen zu retten."
    [quote] = quotes(text)
    assert quote.found.mode is QuoteMode.MIXED
    assert quote.found.content.of(text) == "man werde „alles Nötige tun“, um den Hafen zu retten"


def test_one_quote_per_stretch_of_words_and_the_outer_frame_wins(quotes: Quotes) -> None:
    text = "Laut Polizei sagte Jan Ohm, der Wagen sei zu schnell gewesen."
    assert _said(quotes(text), text) == [
        ("Polizei", "sagte Jan Ohm, der Wagen sei zu schnell gewesen", QuoteMode.INDIRECT)
    ]
    text = "Jan Ohm sagte, laut Polizei sei der Wagen zu schnell gewesen."
    assert _said(quotes(text), text) == [
        ("Jan Ohm", "laut Polizei sei der Wagen zu schnell gewesen", QuoteMode.INDIRECT)
    ]


def test_a_statement_told_again_is_one_quote(quotes: Quotes) -> None:
    text = (
        "Elon Musk hat angekündigt, dass xAI den Chatbot Grok als Open-Source verfügbar machen möchte. "
        "Es ist kein Zufall, dass Musk jetzt ankündigt, Grok Open-Source verfügbar machen zu wollen."
    )
    assert len(quotes(text)) == 1


def test_nothing_after_a_link_list(quotes: Quotes) -> None:
    text = "Ministerin Eva Lind sagte, die Lage sei ernst.\nLesen Sie auch\nMinister: Die Lage ist gut, sagte er."
    assert [q.found.content.of(text) for q in quotes(text)] == ["die Lage sei ernst"]


def test_a_sentence_that_opens_with_its_verb_reports_the_quotation_before(quotes: Quotes) -> None:
    text = "„Die Schule ist angekommen.“ erklärte Ministerin Eva Lind."
    assert _said(quotes(text), text) == [("Eva Lind", "Die Schule ist angekommen.", QuoteMode.DIRECT)]


def test_a_quotation_after_a_colon_is_its_own_statement(quotes: Quotes) -> None:
    text = "Ministerin Eva Lind schrieb: „Das ist furchtbar“, weiter hieß es, man trauere."
    assert _said(quotes(text), text)[0] == ("Eva Lind", "Das ist furchtbar", QuoteMode.DIRECT)


def test_where_it_stands_in_is_the_source_of_an_impersonal_frame(quotes: Quotes) -> None:
    text = "In einer Erklärung der EU-Minister hieß es: „Es gibt keine militärische Lösung.“"
    [quote] = quotes(text)
    assert quote.speaker.mention.text == "einer Erklärung der EU-Minister"
