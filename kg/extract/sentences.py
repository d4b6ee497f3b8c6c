"""Sentence splitting for news text: lines are hard boundaries (headlines, paragraphs), and within a line a
sentence ends at ``.``, ``!`` or ``?`` (and any closing quotes) followed by a capital, a digit or an opening
quote, unless the word before is an abbreviation, an initial or, in German, an ordinal ("am 3. März").

>>> from kg.lang import language
>>> text = "Dr. Meier sagte am 3. März: Wir kommen. Dann ging er.\\nNeue Zeile"
>>> [s.text for s in split_sentences(text, language("de"))]
['Dr. Meier sagte am 3. März: Wir kommen.', 'Dann ging er.', 'Neue Zeile']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from kg.lang import LanguageData, common
from kg.model import Span

__all__ = ["MAX_SENTENCE", "Sentence", "split_sentences"]

#: The longest sentence, in characters. Text without sentence ends (tables, lists, run-on scraps) is cut at
#: the last space before this length, so that what extractors read around one quote stays bounded.
MAX_SENTENCE = 2000


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    span: Span
    text: str


@cache
def _boundary() -> re.Pattern[str]:
    pairs = common()["quote_pairs"]
    closers = "".join(re.escape(close) for _open, close in pairs) + r"\)\]"
    openers = "".join(re.escape(open_) for open_, _close in pairs) + r"\(\["
    # Matches start only where a run of stops starts, and never backtrack: a long run of dots costs its
    # length once, not its length squared.
    return re.compile(rf"(?<![.!?…])[.!?…]++[{closers}]*+(?=\s+[\d{openers}\w])")


_WORD_BEFORE = re.compile(r"([\w.]+)\.*$")
#: Characters either side of a full stop that are read to see the words around it.
_LOOKAHEAD = 40
_LINE = re.compile(r"[^\n]+")


def _is_false_stop(line: str, stop: int, lang: LanguageData | None) -> bool:
    """True if the full stop ending at ``stop`` belongs to an abbreviation, initial or ordinal."""
    if line[stop] != ".":
        return False
    match = _WORD_BEFORE.search(line, max(0, stop - _LOOKAHEAD), stop + 1)
    word = match.group(1).rstrip(".") if match else ""
    if not word:
        return False
    # A window is enough to see the next word, and keeps a long line linear.
    following = line[stop + 1 : stop + 1 + _LOOKAHEAD].lstrip()
    if following[:1].islower():
        return True
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. R. R. Tolkien"
    if lang is not None and word in lang.words("abbreviations"):
        return True
    # German ordinals: "am 3. März", "der 2. Weltkrieg"; but an article or pronoun after the number opens a new
    # sentence ("des Modells 3. Ein Sprecher sagte").
    next_word = following.split(" ", 1)[0].casefold()
    ordinal = word.isdigit() and len(word) <= 2 and next_word not in lang.words("stopwords") if lang else False
    return lang is not None and lang.code == "de" and ordinal


def _split_line(line: str, offset: int, lang: LanguageData | None) -> Iterator[Span]:
    start = 0
    for match in _boundary().finditer(line):
        if _is_false_stop(line, match.start(), lang):
            continue
        end = match.end()
        if line[start:end].strip():
            yield from _capped(line, start, end, offset)
        start = end
    if line[start:].strip():
        yield from _capped(line, start, len(line), offset)


def _capped(line: str, start: int, end: int, offset: int) -> Iterator[Span]:
    """The sentence ``line[start:end]``, in pieces of at most :data:`MAX_SENTENCE` characters."""
    while end - start > MAX_SENTENCE:
        cut = line.rfind(" ", start + 1, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        if line[start:cut].strip():
            yield _trimmed(line, start, cut, offset)
        start = cut
    if line[start:end].strip():
        yield _trimmed(line, start, end, offset)


def _trimmed(line: str, start: int, end: int, offset: int) -> Span:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return Span(offset + start, offset + end)


def split_sentences(text: str, lang: LanguageData | None, limit: int | None = None) -> list[Sentence]:
    """The sentences of ``text`` (up to offset ``limit``), in order, as spans into ``text``."""
    stop = len(text) if limit is None else limit
    spans = [s for m in _LINE.finditer(text, 0, stop) for s in _split_line(m.group(), m.start(), lang)]
    return [Sentence(i, span, span.of(text)) for i, span in enumerate(spans)]
