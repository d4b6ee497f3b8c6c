"""Which words may be words of a name."""

from __future__ import annotations

import pytest

from kg.extract.lexicon import lexicon
from kg.extract.name_words import base_form, camel, is_candidate, named_compound
from kg.extract.tokens import tokenize
from kg.lang import language


def _candidate(word: str, code: str) -> bool:
    [token] = tokenize(word)
    return is_candidate(token, lexicon(language(code)))


@pytest.mark.parametrize(
    ("word", "code", "expected"),
    [
        ("Disney-ABC", "en", True),
        ("Jean-Claude", "en", True),
        ("Anglo-American", "en", False),
        ("Co-Chief", "en", False),
        ("Corona-Krise", "de", False),
        ("CEO", "en", False),
        ("The", "en", False),
        ("Lenz", "de", True),
        ("Konferenz", "de", False),
    ],
)
def test_a_word_is_a_candidate_for_a_name(word: str, code: str, expected: bool) -> None:
    assert _candidate(word, code) is expected


def test_hyphenated_words_of_names_and_camel_case() -> None:
    lex = lexicon(language("de"))
    assert named_compound("Rhein-Main", lex) and not named_compound("KI-Unternehmen", lex)
    assert camel("xAI") and camel("SouthShore") and not camel("McMaster") and not camel("NASA")
    assert base_form("Musk's") == "Musk"
