"""Quotation marks in found quotes: a statement that is one quotation is a direct quote (its content the words
between the marks, even where the quotation runs over several sentences); a statement that holds quotations
among its own words is a mixed quote ("Er sagte, man werde „alles tun“, um ...").

>>> from kg.extract.quotemarks import find_quotations
>>> from kg.model import Mention
>>> text = "„Wir kommen. Bald.“, sagte er."
>>> f = Found(Span(13, 18), Span(26, 28), None, "said", QuoteMode.INDIRECT, "verb", 0.8)
>>> g = with_quotations(f, Quotations(find_quotations(text, 0, len(text))), text)
>>> g.content.of(text), g.mode.value
('Wir kommen. Bald.', 'direct')
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from kg.extract.quotemarks import Quotation
from kg.extract.quotes.found import Found, hull
from kg.model import QuoteMode, Span

__all__ = ["Quotations", "with_quotations"]

_WORD = re.compile(r"\w+")
#: Own words a statement may have beside a quotation and still be a direct quote ("so", "und").
MAX_OWN_WORDS = 1
#: Own words after a quotation that opens a statement which make them a statement of their own.
MIN_TAIL = 4


def _own_words(content: Span, quotations: Sequence[Quotation], text: str) -> int:
    """Words of ``content`` that stand outside every quotation."""
    covered = sorted((q.outer for q in quotations), key=lambda s: s.start)
    count, at = 0, content.start
    for outer in covered:
        if outer.start > at:
            count += len(_WORD.findall(text, at, min(outer.start, content.end)))
        at = max(at, outer.end)
    if at < content.end:
        count += len(_WORD.findall(text, at, content.end))
    return count


class Quotations:
    """The quotations of a document, found once and looked up by position (they never overlap)."""

    def __init__(self, found: Sequence[Quotation]) -> None:
        self.all = sorted(found, key=lambda q: q.outer.start)
        self._starts = [q.outer.start for q in self.all]
        self._opening = {q.outer.start: q for q in self.all}

    def overlapping(self, span: Span) -> list[Quotation]:
        """The quotations whose marks overlap ``span``, in order."""
        out = []
        # Indexed, not sliced: a slice would copy every later quotation at each lookup.
        for i in range(max(0, bisect_right(self._starts, span.start) - 1), len(self.all)):
            q = self.all[i]
            if q.outer.start >= span.end:
                break
            if q.outer.overlaps(span):
                out.append(q)
        return out

    def opening(self, start: int) -> Quotation | None:
        """The quotation whose opening mark stands at ``start``, if any."""
        return self._opening.get(start)

    def closing(self, end: int) -> Quotation | None:
        """The quotation whose closing mark ends at ``end`` (or right before a final full stop), if any."""
        found = self.overlapping(Span(max(0, end - 2), end))
        return next((q for q in found if end - 2 <= q.outer.end <= end), None)


def with_quotations(found: Found, quotations: Quotations, text: str) -> Found:
    """``found`` as a direct or mixed quote where its content meets quotation marks, else unchanged."""
    touching = [q for q in quotations.overlapping(found.content) if q.inner.overlaps(found.content)]
    if not touching:
        return found
    own = _own_words(found.content, touching, text)
    first = touching[0]
    if first.outer.start <= found.content.start <= first.inner.start and own >= MIN_TAIL:
        # "schrieb: „...“, weiter hieß es, ...": the statement is the quotation, the rest is another one
        return found.but(content=first.inner, mode=QuoteMode.DIRECT)
    if own <= MAX_OWN_WORDS and len(touching) == 1:
        return found.but(content=touching[0].inner, mode=QuoteMode.DIRECT)
    if own == 0:
        return found.but(content=hull(*(q.inner for q in touching)), mode=QuoteMode.DIRECT)
    return found.but(content=hull(found.content, *(q.inner for q in touching)), mode=QuoteMode.MIXED)
