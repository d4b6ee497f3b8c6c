"""Quotes that go on without a frame: reported mood after a quote, a quotation that opens the next sentence, a
source adverb ("Demnach"), and how a speaker's thread ends."""

from __future__ import annotations

from collections.abc import Callable

from kg.extract.quotes import Quote

Quotes = Callable[..., list[Quote]]


def _said(found: list[Quote], text: str) -> list[tuple[str, str, str]]:
    return [(q.speaker.entity.name, q.found.content.of(text), q.found.rule) for q in found]


def test_konjunktiv_goes_on_with_the_same_speaker(quotes: Quotes) -> None:
    text = "Ministerin Eva Lind sagte, die Lage sei ernst. Man müsse jetzt handeln. Das Wetter ist schön."
    assert _said(quotes(text), text) == [
        ("Eva Lind", "die Lage sei ernst", "verb"),
        ("Eva Lind", "Man müsse jetzt handeln", "continued"),
    ]


def test_the_mention_of_a_continued_quote_is_where_the_speaker_was_named(quotes: Quotes) -> None:
    text = "Ministerin Eva Lind sagte, die Lage sei ernst. Man müsse jetzt handeln."
    first, second = quotes(text)
    assert second.speaker.mention == first.speaker.mention


def test_a_quotation_that_opens_the_next_sentence_is_the_same_speakers(quotes: Quotes) -> None:
    text = '"We will win," said Mayor Ann Cole. "Nobody can stop us now."'
    assert _said(quotes(text, "en"), text) == [
        ("Ann Cole", "We will win", "verb"),
        ("Ann Cole", "Nobody can stop us now.", "continued"),
    ]


def test_a_source_adverb_points_back_to_the_speaker(quotes: Quotes) -> None:
    text = "Die Polizei Hamburg erklärte, es gebe neue Spuren. Demnach habe der Täter ein Auto benutzt."
    first, second = quotes(text)
    assert (first.found.rule, second.found.rule, second.speaker.mention.text) == ("verb", "anaphoric", "Demnach")
    assert second.speaker.entity == first.speaker.entity


def test_danach_is_a_time_not_a_source(quotes: Quotes) -> None:
    """In news "Danach" mostly says what happened next; "Demnach" says whose words these are."""
    text = "Die Polizei Hamburg erklärte, es gebe neue Spuren. Danach fuhren die Beamten zum Tatort."
    assert [q.found.rule for q in quotes(text)] == ["verb"]


def test_konjunktiv_after_a_sentence_that_names_a_reporter(quotes: Quotes) -> None:
    text = "Das Robert-Koch-Institut sieht keine Gefahr. Nur Züchter seien besonders zu schützen."
    assert _said(quotes(text), text) == [
        ("Das Robert-Koch-Institut", "Nur Züchter seien besonders zu schützen", "introduced")
    ]


def test_a_sentence_in_reported_mood_introduces_no_reporter(quotes: Quotes) -> None:
    """What such a sentence opens with is part of what was said, not who said it."""
    text = "Die Gebühren seien zu hoch. Das könne viele Familien überfordern."
    assert quotes(text) == []


def test_a_sentence_adverb_is_no_reporter(quotes: Quotes) -> None:
    text = "Schließlich sieht das Institut keine Gefahr. Nur Züchter seien besonders zu schützen."
    assert _said(quotes(text), text) == [("das Institut", "Nur Züchter seien besonders zu schützen", "introduced")]


def test_only_a_subject_that_can_speak_introduces_reported_speech(quotes: Quotes) -> None:
    """A group, a role, an organisation or a medium reports; a thing ("Besondere Probleme") does not."""
    thing = "Besondere Probleme bereitet der Frost. Die Ernte sei in Gefahr."
    group = "Die Experten sehen keine Gefahr. Nur Züchter seien besonders zu schützen."
    assert quotes(thing) == []
    assert _said(quotes(group), group) == [("Die Experten", "Nur Züchter seien besonders zu schützen", "introduced")]


def test_the_thread_ends_after_statements_of_the_article_itself(quotes: Quotes) -> None:
    text = (
        "Ministerin Eva Lind sagte, die Lage sei ernst. Das Wetter ist schön. Die Sonne scheint. "
        "Der Himmel ist blau. Die Kosten würden steigen."
    )
    assert [q.found.content.of(text) for q in quotes(text)] == ["die Lage sei ernst"]


def test_a_heading_ends_the_thread(quotes: Quotes) -> None:
    text = "Ministerin Eva Lind sagte, die Lage sei ernst.\nNeue Pläne für die Stadt\nMan müsse jetzt handeln."
    assert [q.found.content.of(text) for q in quotes(text)] == ["die Lage sei ernst"]
