"""Helpers for the quote finders' tests: a sentence read as the finders read it, and a document's quotes."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.extract.analysis import Analysis
from kg.extract.quotemarks import find_quotations
from kg.extract.quotes import Quote, speech
from kg.extract.quotes.lexicon import SpeechLexicon
from kg.extract.quotes.words import Clause
from kg.extract.tokens import tokenize
from kg.lang import language
from kg.model import Document


def read_clause(text: str, lang: str = "de", start: int = 0) -> Clause:
    """The words of ``text`` from ``start`` on, as one sentence."""
    quoted = [q.inner for q in find_quotations(text, 0, len(text))]
    return Clause.of(text, tokenize(text, start), SpeechLexicon.of(language(lang)), quoted)


def read_quotes(text: str, lang: str = "de") -> list[Quote]:
    return speech(Analysis(Document.create(text, "a.txt", language=lang)))


@pytest.fixture
def clause() -> Callable[..., Clause]:
    return read_clause


@pytest.fixture
def quotes() -> Callable[..., list[Quote]]:
    return read_quotes
