"""Name mentions found by rules and shipped word lists: what is a name, where it ends, what kind it is."""

from __future__ import annotations

import pytest

from kg.extract.mentions import find_names, tokenize
from kg.lang import language


def _names(text: str, code: str) -> list[tuple[str, str]]:
    return [(m.text, m.type.value) for m in find_names(text, tokenize(text), language(code))]


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        ("Der Konzern Vantor übernimmt Klarwerk.", "de", [("Vantor", "Organization")]),
        ("Gestern sprach Katrin Albers in Hamburg.", "de", [("Katrin Albers", "Person"), ("Hamburg", "Place")]),
        ("Er traf die Juristin Helga Sommer.", "de", [("Helga Sommer", "Person")]),
        ("Der Münchner Morgenroth Verlag wird verkauft.", "de", [("Morgenroth Verlag", "Organization")]),
        ("Elon Musks KI-Unternehmen xAI wächst.", "de", [("Elon Musk", "Person"), ("xAI", "Organization")]),
        ("Die Sparkasse Rhein-Main zahlt.", "de", [("Sparkasse Rhein-Main", "Organization")]),
        ("She joined the Bank of America in Ohio.", "en", [("Bank of America", "Organization"), ("Ohio", "Place")]),
        (
            "Procter & Gamble and Acme Inc. met.",
            "en",
            [("Procter & Gamble", "Organization"), ("Acme Inc.", "Organization")],
        ),
        ("It was signed by Ulysses S. Grant in 1874.", "en", [("Ulysses S. Grant", "Person")]),
        ("She told Corvane CEO Daniel Okafor.", "en", [("Corvane", "Thing"), ("Daniel Okafor", "Person")]),
    ],
)
def test_names_their_extent_and_type(text: str, code: str, expected: list[tuple[str, str]]) -> None:
    assert _names(text, code) == expected


def test_a_german_noun_at_the_start_of_a_sentence_is_not_a_name_unless_the_article_shows_it_is() -> None:
    assert _names("Klage wurde eingereicht.", "de") == []
    assert _names("Musk lachte. Gestern sagte Elon Musk nichts.", "de")[0] == ("Musk", "Thing")


def test_months_weekdays_and_nationality_adjectives_are_not_names() -> None:
    assert _names("The German racer won on Monday in March.", "en") == []


def test_a_word_opening_an_english_sentence_is_a_name_where_the_article_shows_it_is() -> None:
    assert _names('"Patent fights end slowly," she said.', "en") == []
    assert _names("Acme sued Globex. Analysts expect Acme to win.", "en")[0] == ("Acme", "Thing")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Osmund Ueland (born 1947) is a Norwegian executive.", ("Osmund Ueland", "Person")),
        ("Leandro Mbomio, born 5 January 1938, was a sculptor.", ("Leandro Mbomio", "Person")),
        (
            "The Pittsburgh Catholic is the weekly Catholic newspaper for the diocese.",
            ("Pittsburgh Catholic", "Organization"),
        ),
        ("Uê Kédadji is a political party in Sao Tome.", ("Uê Kédadji", "Organization")),
        ("TMF was a music video and entertainment channel in Britain.", ("TMF", "Organization")),
    ],
)
def test_a_birth_or_a_description_after_a_copula_types_the_name(text: str, expected: tuple[str, str]) -> None:
    assert _names(text, "en")[0] == expected


def test_a_description_types_only_the_name_it_describes() -> None:
    assert _names("Karl Vang is a Labour party member.", "en")[0] == ("Karl Vang", "Person")
    assert _names("While at the State Department, Hochstein worked on energy.", "en")[-1] == ("Hochstein", "Thing")


def test_nationality_adjectives_of_two_words_and_religious_adjectives_are_not_names() -> None:
    assert _names("The South Korean Presbyterian leader Kim spoke.", "en") == [("Kim", "Person")]


def test_a_german_noun_before_a_month_is_a_time_not_a_name() -> None:
    assert _names("Die Firma Acme zahlte Ende Dezember.", "de") == [("Acme", "Organization")]
