"""Quoted passages: spans of text between matching quotation marks of any style (kg/lang/common.toml).

A straight mark (" or ') opens only where a word follows it and closes only where one ends before it, so
apostrophes ("Musk's", "geht's") are not taken for quotes. A quotation does not run past the end of a
paragraph unless the next paragraph reopens it, as news style does for quotes over several paragraphs.

>>> [q.content for q in find_quotations('Er sagte: „Wir kommen.“ Sie sagte: "Nein."', 0, 100)]
['Wir kommen.', 'Nein.']
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
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


_BREAKS = re.compile(r"\n\s*")


@cache
def _openers() -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(_closers_for())) + "]")


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


class _Closes:
    """Where quotations opened with one kind of mark can end, computed once per text with regular expressions,
    so that finding all quotations is linear in the text rather than ``MAX_QUOTE`` steps per opening mark."""

    def __init__(self, text: str, start: int, end: int, closers: frozenset[str]) -> None:
        marks = re.compile("[" + "".join(re.escape(c) for c in sorted(closers)) + "]")
        self.closes = [m.start() for m in marks.finditer(text, start, end) if _can_close(text, m.start(), m.group())]
        self.stops = list(_paragraph_ends(text, start, end, closers))

    def first(self, after: int, limit: int) -> int | None:
        """The first close in ``(after, limit)``, unless a paragraph ends before it."""
        i = bisect_right(self.closes, after)
        if i == len(self.closes) or self.closes[i] >= limit:
            return None
        j = bisect_right(self.stops, after)
        return None if j < len(self.stops) and self.stops[j] < self.closes[i] else self.closes[i]


def _paragraph_ends(text: str, start: int, end: int, closers: frozenset[str]) -> Iterator[int]:
    """Line breaks in ``[start, end)`` that end a quotation: the next paragraph does not reopen it."""
    for run in _BREAKS.finditer(text, start):
        if run.start() >= end:
            return
        if not _reopens(text[run.end() : run.end() + 1], closers):
            breaks = run.group()
            yield from (run.start() + k for k, ch in enumerate(breaks) if ch == "\n" and run.start() + k < end)


def _reopens(first: str, closers: frozenset[str]) -> bool:
    """A new paragraph that starts with an opening mark continues the quotation (news style)."""
    return bool(first) and first in _closers_for() and bool(_closers_for()[first] & closers)


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
    closes: dict[frozenset[str], _Closes] = {}
    out: list[Quotation] = []
    i = start
    while (found := _openers().search(text, i, end)) is not None:
        i = found.start()
        ch = found.group()
        if _can_open(text, i):
            kind = closers_for[ch]
            if kind not in closes:
                closes[kind] = _Closes(text, start, end, kind)
            close = closes[kind].first(i, min(end, i + MAX_QUOTE))
            if close is not None and close > i + 1:
                inner = _trimmed(text, i + 1, close)
                out.append(Quotation(Span(i, close + 1), inner, inner.of(text)))
                i = close + 1
                continue
        i += 1
    return out
