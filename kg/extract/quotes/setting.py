"""Where and to whom a quote was said, where the frame states it: the medium ("bei X", "in einem Interview",
"in a statement") and the addressee ("gegenüber der Zeitung X", "told Reuters").

>>> from kg.extract.analysis import Analysis
>>> from kg.model import Document, QuoteMode
>>> text = "Elon Musk hat bei X angekündigt, dass Grok frei wird."
>>> a = Analysis(Document.create(text, "a.txt", language="de"))
>>> f = Found(Span(32, 52), Span(0, 9), None, "said", QuoteMode.INDIRECT, "verb", 0.8, frame=Span(0, 31))
>>> Setting.of(a, f).medium
'bei X'
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract.analysis import Analysis
from kg.extract.quotes.found import Found
from kg.extract.quotes.lexicon import SpeechLexicon
from kg.extract.tokens import Token
from kg.model import Entity, Span

__all__ = ["Setting"]

#: Words between a medium's preposition and its noun ("in einem langen Interview").
MEDIUM_REACH = 4
#: Words an addressee phrase may run over after its opener.
ADDRESSEE_REACH = 6


def _frame_tokens(analysis: Analysis, found: Found) -> list[Token]:
    """The tokens of the frame: the passage without the quoted content."""
    span = found.frame or found.passage
    return [t for t in analysis.tokens_in(span) if not found.content.overlaps(t.span)]


def _medium(analysis: Analysis, lex: SpeechLexicon, tokens: list[Token]) -> str | None:
    for i, tok in enumerate(tokens):
        if tok.text.casefold() not in lex.media_prepositions:
            continue
        for nxt in tokens[i + 1 : i + 1 + MEDIUM_REACH]:
            if not nxt.is_word:
                break
            if nxt.text in lex.platforms or lex.is_head(nxt.text, lex.media_nouns):
                return Span(tok.span.start, nxt.span.end).of(analysis.text)
    return None


def _addressee(analysis: Analysis, lex: SpeechLexicon, tokens: list[Token]) -> Entity | None:
    words = [t.text.casefold() for t in tokens]
    for opener in lex.addressee_openers:
        for i in range(len(words) - len(opener)):
            if tuple(words[i : i + len(opener)]) != opener:
                continue
            reach = tokens[i + len(opener) : i + len(opener) + ADDRESSEE_REACH]
            stop = next((k for k, t in enumerate(reach) if not t.is_word), len(reach))
            if stop == 0:
                continue
            named = analysis.coref.name_in(Span(reach[0].span.start, reach[stop - 1].span.end))
            if named is not None:
                return named.entity
    return None


@dataclass(frozen=True, slots=True)
class Setting:
    """The medium and the addressee of one quote, where its frame names them."""

    medium: str | None
    addressee: Entity | None

    @classmethod
    def of(cls, analysis: Analysis, found: Found) -> Setting:
        assert analysis.lang is not None
        lex = SpeechLexicon.of(analysis.lang)
        tokens = _frame_tokens(analysis, found)
        return cls(_medium(analysis, lex, tokens), _addressee(analysis, lex, tokens))
