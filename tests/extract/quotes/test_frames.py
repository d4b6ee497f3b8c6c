"""Quotes framed by a cue verb: the speaker before, after or around the verb, the statement after, before or
on both sides of it, speech acts, passive agents, and what is not a frame."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.extract.quotes import Quote
from kg.extract.quotes.frames import Neighbours, verb_frames
from kg.extract.quotes.words import Clause
from kg.model import Span

Read = Callable[..., Clause]


NOTHING_NEAR = Neighbours()


def _frames(c: Clause, near: Neighbours = NOTHING_NEAR) -> list[tuple[str, str, str]]:
    return [(f.speaker.of(c.text), f.content.of(c.text), f.rule) for f in verb_frames(c, near)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OpenAI kontert, Musk habe zugestimmt.", ("OpenAI", "Musk habe zugestimmt", "verb")),
        ("Die Lage sei ernst, sagte der Minister.", ("der Minister", "Die Lage sei ernst", "verb")),
        (
            "Gestern hat eine Sprecherin des Gerichts mitgeteilt, dass die Klage abgewiesen wurde.",
            ("eine Sprecherin des Gerichts", "dass die Klage abgewiesen wurde", "verb"),
        ),
        (
            "Die Polizei teilte am Montag mit, der Täter sei gefasst.",
            ("Die Polizei", "der Täter sei gefasst", "verb"),
        ),
        (
            "Der Leiter der Behörde, Klaus Meier, sagte, man sei vorbereitet.",
            ("Der Leiter der Behörde, Klaus Meier", "man sei vorbereitet", "verb"),
        ),
        (
            "Küng, der als Kritiker gilt, hofft, dass der Papst schweigt.",
            ("Küng", "dass der Papst schweigt", "verb"),
        ),
        (
            "Wie die Polizei mitteilte, wurden drei Menschen verletzt.",
            ("die Polizei", "wurden drei Menschen verletzt", "as"),
        ),
        (
            "Die Opposition forderte den Rücktritt des Ministers.",
            ("Die Opposition", "den Rücktritt des Ministers", "act"),
        ),
        (
            "Es wurde von der Polizei bestätigt, dass zwei Menschen starben.",
            ("der Polizei", "dass zwei Menschen starben", "verb"),
        ),
        ("Die Stadt geht davon aus, dass die Brücke hält.", ("Die Stadt", "dass die Brücke hält", "verb")),
        (
            "Die Lage sei ernst, teilte Landrat Klaus Meier (SPD) am Montag mit.",
            ("Landrat Klaus Meier (SPD)", "Die Lage sei ernst", "verb"),
        ),
        (
            "Sie seien außer Lebensgefahr, sagte Mark Keefe, der Sprecher der Ambulanz.",
            ("Mark Keefe", "Sie seien außer Lebensgefahr", "verb"),
        ),
        (
            "Ein Verbot sei kaum durchzusetzen, gab die Ministerin zu bedenken.",
            ("die Ministerin", "Ein Verbot sei kaum durchzusetzen", "verb"),
        ),
    ],
)
def test_german_frames(clause: Read, text: str, expected: tuple[str, str, str]) -> None:
    assert _frames(clause(text)) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Smith said the plan would fail.", ("Smith", "the plan would fail", "verb")),
        (
            "The company said on Monday that it would cut 300 jobs.",
            ("The company", "that it would cut 300 jobs", "verb"),
        ),
        (
            "A spokesperson for Acme said the firm would appeal.",
            ("A spokesperson for Acme", "the firm would appeal", "verb"),
        ),
        (
            "Officials told reporters that the road would reopen.",
            ("Officials", "that the road would reopen", "verb"),
        ),
        ("The plan will fail, Smith said.", ("Smith", "The plan will fail", "verb")),
        (
            "John Smith, the chief executive, said sales had doubled.",
            ("John Smith, the chief executive", "sales had doubled", "verb"),
        ),
        ("Brightmart denied the allegations.", ("Brightmart", "the allegations", "act")),
    ],
)
def test_english_frames(clause: Read, text: str, expected: tuple[str, str, str]) -> None:
    assert _frames(clause(text, "en")) == [expected]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Er sagte.", "de"),
        ("Man habe keine Wahl gehabt, sagt man.", "de"),
        ("Als Lichtjahr bezeichnet man die Strecke, die das Licht zurücklegt.", "de"),
        ("Das Unternehmen veröffentlichte den Bericht (Wikinews berichtete).", "de"),
        ("The governor declared a state of emergency.", "en"),
        ("The report said.", "en"),
    ],
)
def test_what_is_no_frame(clause: Read, text: str, lang: str) -> None:
    assert _frames(clause(text, lang)) == []


def test_a_frame_between_two_quotations_gives_both(quotes: Callable[..., list[Quote]]) -> None:
    text = 'Ilse Brandt wrote to the orchestra. "It was an honor," Brandt said, "but all music must end."'
    assert [(q.speaker.entity.name, q.found.content.of(text)) for q in quotes(text, "en")] == [
        ("Ilse Brandt", "It was an honor"),
        ("Ilse Brandt", "but all music must end."),
    ]


def test_a_verb_joined_by_und_shares_the_subject(clause: Read) -> None:
    text = "Er sagte, Europa brauche England, und fügte hinzu, man müsse reden."
    assert _frames(clause(text)) == [
        ("Er", "Europa brauche England", "verb"),
        ("Er", "man müsse reden", "verb"),
    ]


def test_a_demonstrative_reports_the_sentence_before(clause: Read) -> None:
    previous = Span(0, 22)
    text = "Der Täter ist gefasst. Das bestätigte die Polizei."
    found = list(verb_frames(clause(text, "de", 23), Neighbours(previous=previous)))
    assert [(f.speaker.of(text), f.content) for f in found] == [("die Polizei", previous)]


def test_a_frame_ending_in_a_colon_takes_the_quotation_that_follows(clause: Read) -> None:
    follow = Span(100, 120)
    [found] = verb_frames(clause("Gall schreibt:"), Neighbours(follow=follow))
    assert found.content == follow


def test_told_names_its_addressee(clause: Read) -> None:
    text = "Kerrigan told Reuters that funding would follow."
    [found] = verb_frames(clause(text, "en"))
    assert found.addressee is not None and found.addressee.of(text) == "Reuters"
