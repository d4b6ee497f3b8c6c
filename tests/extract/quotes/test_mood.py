"""Reported mood: Konjunktiv I marks reported speech, Konjunktiv II only right after a reported statement,
hearsay "soll" only with a perfect infinitive; in relative clauses and inside quotation marks none counts."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.extract.quotes.mood import is_reported
from kg.extract.quotes.words import Clause

Read = Callable[..., Clause]


@pytest.mark.parametrize(
    ("text", "after_quote", "reported"),
    [
        ("Die Lage sei ernst.", False, True),
        ("Die Lage ist ernst.", False, False),
        ("Man habe keine Wahl gehabt.", False, True),
        ("Die Firma würde sonst schließen.", False, False),
        ("Die Firma würde sonst schließen.", True, True),
        ("Er soll Geld genommen haben.", False, True),
        ("Er soll verletzt worden sein.", False, True),
        ("Das Werk soll 2027 fertig sein.", False, False),
        ("Sie wählten eine Strategie, die darin bestehen solle, zu sparen.", False, False),
        ("Er rief: „Ich habe gewonnen.“", False, False),
    ],
)
def test_reported_mood(clause: Read, text: str, after_quote: bool, reported: bool) -> None:
    c = clause(text)
    assert is_reported(c, 0, len(c), after_quote=after_quote) is reported


def test_english_has_no_mood_forms(clause: Read) -> None:
    c = clause("He would be there.", "en")
    assert not is_reported(c, 0, len(c), after_quote=True)
