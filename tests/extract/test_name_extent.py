"""Where a name ends."""

from __future__ import annotations

import pytest

from kg.extract.mentions import find_names, tokenize
from kg.lang import language


def _names(text: str, code: str = "en") -> list[str]:
    return [m.text for m in find_names(text, tokenize(text), language(code))]


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        ("Dann sprach Ursula von der Leyen.", "de", ["Ursula von der Leyen"]),
        ("Laut Angela Merkel von der CDU ist das falsch.", "de", ["Angela Merkel", "CDU"]),
        ("Anna Berger von den Stadtwerken Kassel sprach.", "de", ["Anna Berger", "Stadtwerken Kassel"]),
        ("He met Miguel Hidalgo y Costilla there.", "en", ["Miguel Hidalgo y Costilla"]),
        ("It was regulated by the U.S. Department of Agriculture in 1990.", "en", ["U.S. Department of Agriculture"]),
        ("It was sold to PSA Airlines, Inc. in 1990.", "en", ["PSA Airlines, Inc."]),
        ("It is owned by Warner Bros. and Acme.", "en", ["Warner Bros.", "Acme"]),
        ("He coached the Gary SouthShore RailCats in 2010.", "en", ["Gary SouthShore RailCats"]),
        (
            "She met the Council of Science and Technology of Norway.",
            "en",
            ["Council of Science and Technology of Norway"],
        ),
        (
            "He studied at the University of Oslo and Bergen University.",
            "en",
            ["University of Oslo", "Bergen University"],
        ),
        ("Neue Köpfe bei Brauhaus Lenz und Fährlinie Nordsee", "de", ["Brauhaus Lenz", "Fährlinie Nordsee"]),
    ],
)
def test_the_extent_of_a_name(text: str, code: str, expected: list[str]) -> None:
    assert _names(text, code) == expected


def test_a_lower_case_camel_name_stands_alone() -> None:
    assert _names("Yesterday Elon Musk xAI said so.") == ["Elon Musk", "xAI"]
