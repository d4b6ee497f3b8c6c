"""Quotes framed by a source phrase: the source follows a preposition, precedes a postposition, is named by a
noun of reporting after "nach", interrupts the statement (", so X,"), or is where the words stand."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.extract.quotes.sources import anaphoric_source, source_frames
from kg.extract.quotes.words import Clause

Read = Callable[..., Clause]


def _sources(c: Clause) -> list[tuple[str, str, str]]:
    return [(f.speaker.of(c.text), f.content.of(c.text), f.cue.text if f.cue else "") for f in source_frames(c)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Laut Polizei wurden drei Menschen verletzt.", ("Polizei", "wurden drei Menschen verletzt", "Laut")),
        ("Der Polizei zufolge starben zwei Menschen.", ("Der Polizei", "starben zwei Menschen", "zufolge")),
        (
            "Nach Angaben der Polizei wurden drei Menschen verletzt.",
            ("Angaben der Polizei", "wurden drei Menschen verletzt", "Nach"),
        ),
        (
            "Nach israelischen Angaben dienten die Tunnel dem Schmuggel.",
            ("israelischen Angaben", "dienten die Tunnel dem Schmuggel", "Nach"),
        ),
        (
            "Drei Menschen wurden nach Polizeiangaben verletzt.",
            ("Polizeiangaben", "Drei Menschen wurden nach Polizeiangaben verletzt", "nach"),
        ),
        ("Die Lage sei ernst, so der Sprecher.", ("der Sprecher", "Die Lage sei ernst", "so")),
        ("Die Lage sei ernst, so der Sprecher weiter.", ("der Sprecher", "Die Lage sei ernst", "so")),
        (
            "Nun heißt es im Abschlussbericht, die Wahl sei fair gewesen.",
            ("Abschlussbericht", "die Wahl sei fair gewesen", "heißt es"),
        ),
    ],
)
def test_german_sources(clause: Read, text: str, expected: tuple[str, str, str]) -> None:
    assert _sources(clause(text)) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "According to police, both men have previous convictions.",
            ("police", "both men have previous convictions", "According to"),
        ),
        (
            "Regulators will examine the deal, according to people familiar with the matter.",
            ("people familiar with the matter", "Regulators will examine the deal", "according to"),
        ),
    ],
)
def test_english_sources(clause: Read, text: str, expected: tuple[str, str, str]) -> None:
    assert _sources(clause(text, "en")) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Er sprach laut und deutlich über die Pläne.",  # "laut" the adjective
        "Nach dem Spiel gingen alle nach Hause.",  # "nach" without a noun of reporting
        "So einfach ist das nicht.",  # "so" that opens a sentence
    ],
)
def test_what_is_no_source(clause: Read, text: str) -> None:
    assert _sources(clause(text)) == []


def test_a_source_adverb_opens_its_sentence(clause: Read) -> None:
    c = clause("Demnach habe sie Jura studiert.")
    assert anaphoric_source(c) == (0, 1)
    assert anaphoric_source(clause("Sie hat demnach Jura studiert.")) is None
