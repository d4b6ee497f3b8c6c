"""Words of one sentence as the quote finders see them: each token with its word class, and whether it stands
inside quotation marks (quoted words are content, never frame).

>>> from kg.lang import language
>>> from kg.extract.tokens import tokenize
>>> from kg.extract.quotes.lexicon import SpeechLexicon
>>> text = 'Laut Polizei sagte er: „Es brennt.“'
>>> view = Clause.of(text, tokenize(text), SpeechLexicon.of(language("de")), [Span(24, 34)])
>>> [(w.text, w.kind.value) for w in view.words][:6]
[('Laut', 'prep'), ('Polizei', 'cap'), ('sagte', 'low'), ('er', 'pron'), (':', 'punct'), ('„', 'mark')]
>>> Span(24, 34).of(text), [w.text for w in view.words if w.quoted]
('Es brennt.', ['Es', 'brennt', '.'])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from kg.extract.quotes.lexicon import SpeechLexicon
from kg.extract.tokens import Token
from kg.lang import common
from kg.model import Span

__all__ = ["BREAKS", "Clause", "Kind", "Word"]

#: Punctuation that ends a clause or a phrase (commas, colons, dashes, brackets).
BREAKS = frozenset({",", ";", ":", "–", "—", "(", ")", "[", "]", "/", "-"})


class Kind(StrEnum):
    MARK = "mark"  # a quotation mark
    PUNCT = "punct"
    NUM = "num"
    SUB = "sub"  # subordinating conjunction or relative word
    DET = "det"
    PREP = "prep"
    CONJ = "conj"
    AUX = "aux"
    PRON = "pron"
    ADV = "adv"
    CAP = "cap"  # any other capitalised word: a noun or a name
    LOW = "low"  # any other lower-case word


@cache
def _marks() -> frozenset[str]:
    return frozenset(ch for pair in common()["quote_pairs"] for ch in pair)


#: Word kinds a lexicon keeps before it starts afresh (a bound on memory over a long run of articles).
MAX_KINDS = 200_000


def _kind(text: str, first: bool, lex: SpeechLexicon) -> Kind:
    """The kind of the word ``text``; ``first`` if it opens its clause."""
    kinds = lex.opening_kinds if first else lex.word_kinds
    known: Kind | None = kinds.get(text)
    if known is None:
        if len(kinds) >= MAX_KINDS:
            kinds.clear()
        known = kinds[text] = _kind_of(text, first, lex)
    return known


def _kind_of(text: str, first: bool, lex: SpeechLexicon) -> Kind:
    if text in _marks():
        return Kind.MARK
    if not text[:1].isalnum():
        return Kind.PUNCT
    if text[0].isdigit():
        return Kind.NUM
    folded = text.casefold()
    for kind, words in (
        (Kind.SUB, lex.subordinators),
        (Kind.DET, lex.determiners),
        (Kind.PREP, lex.prepositions),
        (Kind.CONJ, lex.coordinators),
        (Kind.AUX, lex.auxiliaries),
        (Kind.PRON, lex.pronouns),
        (Kind.ADV, lex.adverbs),
    ):
        if folded in words and (kind is not Kind.SUB or not text[0].isupper() or first):
            return kind
    return Kind.CAP if text[0].isupper() else Kind.LOW


#: A quotation of at most this many words that opens with a capital and follows a noun, an article or a
#: preposition is a name or title ("die Zeitung „The Guardian“", "laut „Spiegel“").
MAX_TITLE = 4


def _titles(words: list[Word], quoted: Sequence[Span]) -> list[Word]:
    """Words with the short quotations that name a newspaper, a group or a work marked as titles."""
    out = list(words)
    for q in quoted:
        inside = [w for w in words if q.contains(w.span) and w.kind is not Kind.MARK]
        if not inside or len(inside) > MAX_TITLE or not inside[0].text[:1].isupper():
            continue
        if any(w.kind is Kind.PUNCT for w in inside):
            continue
        first, last = inside[0].index, inside[-1].index
        if first < 2 or words[first - 2].kind not in (Kind.CAP, Kind.DET, Kind.PREP):
            continue  # only a quotation that follows a noun, article or preposition names something
        for k in range(max(0, first - 1), min(len(words), last + 2)):
            if k in (first - 1, last + 1) and words[k].kind is not Kind.MARK:
                continue
            w = words[k]
            out[k] = Word(w.index, w.token, w.kind, w.quoted, title=True)
    return out


def _inside_number(text: str, at: int) -> bool:
    return 0 < at < len(text) - 1 and text[at - 1].isdigit() and text[at + 1].isdigit()


class Word:
    """A token of the sentence, its class, and whether quotation marks enclose it (a plain class, as
    :class:`kg.extract.tokens.Token` says why)."""

    __slots__ = ("folded", "index", "kind", "quoted", "title", "token")

    def __init__(self, index: int, token: Token, kind: Kind, quoted: bool, title: bool = False) -> None:
        self.index = index  # position in the sentence
        self.token = token
        self.kind = kind
        self.quoted = quoted
        #: Part of a short quotation that names something ("die Zeitung „Die Welt“"), marks included.
        self.title = title
        #: The text case-folded, once: the frame finders compare it again and again.
        self.folded = token.text.casefold()

    @property
    def text(self) -> str:
        return self.token.text

    @property
    def said(self) -> bool:
        """Inside quotation marks that quote speech, not a title."""
        return self.quoted and not self.title

    @property
    def span(self) -> Span:
        return self.token.span

    def is_break(self) -> bool:
        """A comma, colon, dash, bracket or quotation mark: where a phrase stops (a title's marks do not)."""
        if self.title:
            return False
        return self.kind is Kind.MARK or (self.kind is Kind.PUNCT and self.text in BREAKS)


@dataclass(frozen=True)
class Clause:
    """The words of one sentence (or line) with the lexicon of its language."""

    text: str
    words: tuple[Word, ...]
    lex: SpeechLexicon

    @classmethod
    def of(cls, text: str, tokens: list[Token], lex: SpeechLexicon, quoted: Sequence[Span]) -> Clause:
        """Words of ``tokens``; ``quoted`` are the inner spans of the quotations that overlap them."""
        words: list[Word] = []
        for i, tok in enumerate(tokens):
            kind = _kind(tok.text, i == 0, lex)
            if tok.text in ",.:" and _inside_number(text, tok.span.start):
                kind = Kind.NUM  # "12,5 Millionen", "10:05 Uhr": no break
            inside = bool(quoted) and any(q.contains(tok.span) for q in quoted) and kind is not Kind.MARK
            words.append(Word(i, tok, kind, inside))
        return cls(text, tuple(_titles(words, quoted)), lex)

    def __len__(self) -> int:
        return len(self.words)

    def span(self, start: int, end: int) -> Span:
        """The character span of words ``[start, end)``."""
        return Span(self.words[start].span.start, self.words[end - 1].span.end)

    def phrase(self, start: int, end: int) -> str:
        return self.span(start, end).of(self.text)

    def phrase_words(self, span: Span) -> list[Word]:
        """The words (not punctuation) inside the character ``span``."""
        return [w for w in self.words if span.contains(w.span) and w.token.is_word]

    def first_of(self, start: int, end: int, folded: frozenset[str]) -> int | None:
        """Index of the first unquoted word in ``[start, end)`` whose folded text is in ``folded``."""
        for w in self.words[start:end]:
            if not w.quoted and w.folded in folded:
                return w.index
        return None

    def match(self, start: int, phrase: tuple[str, ...]) -> bool:
        """True if the words from ``start`` spell ``phrase`` (case-folded), none of them quoted."""
        got = self.words[start : start + len(phrase)]
        return len(got) == len(phrase) and all(w.folded == p and not w.quoted for w, p in zip(got, phrase, strict=True))
