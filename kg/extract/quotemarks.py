"""Quoted passages: spans of text between matching quotation marks of any style (kg/lang/common.toml).

A straight mark (" or ') opens only where a word follows it and closes only where one ends before it, so
apostrophes ("Musk's", "geht's") are not taken for quotes. A quotation does not run past the end of a
paragraph unless the next paragraph reopens it, as news style does for quotes over several paragraphs.

>>> [q.content for q in find_quotations('Er sagte: „Wir kommen.“ Sie sagte: "Nein."', 0, 100)]
['Wir kommen.', 'Nein.']
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kg.lang import common
from kg.model import Span

__all__ = ["Quotation", "find_quotations"]

#: Quotes longer than this (in characters) are taken for unbalanced marks, not for speech.
MAX_QUOTE = 5000


@dataclass(frozen=True, slots=True)
class Quotation:
    """The marks included (``outer``) and excluded (``inner``), and the words between them."""

    outer: Span
    inner: Span
    content: str


@cache
def _closers_for() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for open_, close in common()["quote_pairs"]:
        table.setdefault(open_, set()).add(close)
    return {k: frozenset(v) for k, v in table.items()}


def _can_open(text: str, i: int) -> bool:
    mark = text[i]
    nxt = text[i + 1 : i + 2]
    if not nxt or nxt.isspace():
        return False
    if mark in "\"'":
        prev = text[i - 1 : i]
        return not prev or prev.isspace() or prev in "([{—–-/:"
    return True


def _can_close(text: str, i: int, mark: str) -> bool:
    if mark in "\"'":
        prev = text[i - 1 : i]
        nxt = text[i + 1 : i + 2]
        return bool(prev) and not prev.isspace() and (not nxt or not nxt.isalnum())
    return True


def _find_close(text: str, start: int, end: int, closers: frozenset[str]) -> int | None:
    i = start
    while i < end:
        ch = text[i]
        if ch in closers and _can_close(text, i, ch):
            return i
        if ch == "\n" and not _reopens(text, i, closers):
            return None
        i += 1
    return None


def _reopens(text: str, newline: int, closers: frozenset[str]) -> bool:
    """A new paragraph that starts with an opening mark continues the quotation (news style)."""
    rest = text[newline:].lstrip()
    return bool(rest) and rest[0] in _closers_for() and bool(_closers_for()[rest[0]] & closers)


def _trimmed(text: str, start: int, end: int) -> Span:
    """The words inside the marks: without surrounding space, nor the comma that news style puts inside."""
    while end - 1 > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    while start < end - 1 and text[start].isspace():
        start += 1
    return Span(start, end)


def find_quotations(text: str, start: int, end: int) -> list[Quotation]:
    """Non-nested quotations in ``text[start:end]``, in order."""
    closers_for = _closers_for()
    end = min(end, len(text))
    out: list[Quotation] = []
    i = start
    while i < end:
        ch = text[i]
        if ch in closers_for and _can_open(text, i):
            close = _find_close(text, i + 1, min(end, i + MAX_QUOTE), closers_for[ch])
            if close is not None and close > i + 1:
                inner = _trimmed(text, i + 1, close)
                out.append(Quotation(Span(i, close + 1), inner, inner.of(text)))
                i = close + 1
                continue
        i += 1
    return out
