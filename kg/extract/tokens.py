"""Word tokens with their character spans: words (with inner hyphens, apostrophes and dots, as in
"KI-Unternehmen", "O'Brien", "U.S."), numbers, and single punctuation marks.

Texts from tokenised corpora set punctuation apart from words ("Acme , Inc .", "non - profit"); in them a
hyphen between two spaces joins words as it does elsewhere without spaces, so that such a text reads like any
other (:func:`spaced_out`, :func:`join_spaced_hyphens`).

>>> [t.text for t in tokenize("Elon Musks KI-Unternehmen xAI: „Grok“.")]
['Elon', 'Musks', 'KI-Unternehmen', 'xAI', ':', '„', 'Grok', '“', '.']
"""

from __future__ import annotations

import re

from kg.model import Span

__all__ = ["Token", "join_spaced_hyphens", "spaced_out", "tokenize"]

_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")
_CLAUSE_MARK = re.compile(r"(\s?)[,.](?=\s|$)")
#: Commas and full stops a text must hold before its spacing says anything.
MIN_MARKS = 2


class Token:
    """A word, number or punctuation mark of a text: its position among the tokens, its span, its text.

    A plain class rather than a frozen dataclass, as are the other values made once per word (quote words,
    relation items, matcher states): compiled, a dataclass's ``__init__`` stays interpreted Python, and these
    are made millions of times. Nothing changes one once it is made. Slots keep each small where it runs as
    Python (an editable install), as the dataclass's did.
    """

    __slots__ = ("index", "span", "text")

    def __init__(self, index: int, span: Span, text: str) -> None:
        self.index = index
        self.span = span
        self.text = text

    @property
    def is_capitalized(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]``, with spans into the whole ``text``."""
    stop = len(text) if end is None else end
    return [Token(i, Span(m.start(), m.end()), m.group()) for i, m in enumerate(_TOKEN.finditer(text, start, stop))]


def spaced_out(text: str) -> bool:
    """True for a text from a tokenised corpus: most of its commas and full stops stand after a space.

    >>> spaced_out("Acme , Inc . was founded in 1990 , in Ohio ."), spaced_out("Acme, Inc. was founded in 1990.")
    (True, False)
    """
    marks = [m.group(1) for m in _CLAUSE_MARK.finditer(text)]
    return len(marks) >= MIN_MARKS and 2 * sum(1 for m in marks if m) > len(marks)


def join_spaced_hyphens(tokens: list[Token], text: str) -> list[Token]:
    """The tokens of a spaced-out text with "word - word" read as one hyphenated word: the token's span is
    what the text says, its text the word as it is written elsewhere.

    >>> text = "the non - profit Hidalgo - Costilla Fund - a charity"
    >>> [(t.text, t.span.of(text)) for t in join_spaced_hyphens(tokenize(text), text)][1:5]
    [('non-profit', 'non - profit'), ('Hidalgo-Costilla', 'Hidalgo - Costilla'), ('Fund', 'Fund'), ('-', '-')]
    """
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        while i + 2 < len(tokens) and _spaced_hyphen(tokens[i + 1 : i + 3], tok, text):
            tok = Token(tok.index, Span(tok.span.start, tokens[i + 2].span.end), f"{tok.text}-{tokens[i + 2].text}")
            i += 2
        out.append(Token(len(out), tok.span, tok.text))
        i += 1
    return out


def _spaced_hyphen(pair: list[Token], before: Token, text: str) -> bool:
    """A hyphen between two words written alike ("non - profit", "Jean - Claude"); between a name and a
    lower-case word it is as often a dash ("FK Teleoptik - a club owned by ...")."""
    hyphen, after = pair
    last, first = before.text.rsplit("-", 1)[-1], after.text
    return (
        hyphen.text == "-"
        and before.is_word
        and after.is_word
        and last[:1].isupper() == first[:1].isupper()
        and text[before.span.end : after.span.start] == " - "
    )
