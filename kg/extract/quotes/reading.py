"""The speech reading of one document: every quote the finders see, sentence by sentence, with overlaps
settled, quotation marks applied and continuations added. Extractors share it through the analysis.

>>> from kg.extract.analysis import Analysis
>>> from kg.model import Document
>>> text = "Musk kündigt an: Grok wird frei\\nDer Konzern Acme wächst. Laut Acme steigt der Umsatz."
>>> found = read_quotes(Analysis(Document.create(text, "a.txt", language="de")))
>>> [(f.rule, f.mode.value, f.content.of(text)) for f in found]
[('verb', 'headline', 'Grok wird frei'), ('source', 'indirect', 'steigt der Umsatz')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence

from kg.extract.analysis import Analysis
from kg.extract.quotemarks import find_quotations
from kg.extract.quotes.continuation import Unit, continuations
from kg.extract.quotes.direct import Quotations, with_quotations
from kg.extract.quotes.found import Found
from kg.extract.quotes.frames import Neighbours, content_span, verb_frames
from kg.extract.quotes.lexicon import SpeechLexicon
from kg.extract.quotes.phrases import noun_phrase, starts_phrase
from kg.extract.quotes.sources import source_frames
from kg.extract.quotes.words import Clause
from kg.extract.sentences import Sentence
from kg.model import Mention, QuoteMode

__all__ = ["RANK", "read_quotes"]

#: Which finder wins where two claim the same words: a verb frame or a source phrase (the one that comes
#: first, so that "Laut X appellierte Y an ..." is X's) over an impersonal frame over a speech act.
RANK = {"verb": 0, "as": 0, "source": 0, "impersonal": 1, "headline": 1, "act": 2}
#: A heading is a line of at most this many words that does not end like a sentence.
MAX_HEADING_WORDS = 25
_HEADING_END = re.compile(r"[.:;,]\W*$")


def _is_heading(text: str, sentence: Sentence) -> bool:
    start, end = sentence.span.start, sentence.span.end
    whole_line = (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] in "\r\n")
    return whole_line and not _HEADING_END.search(sentence.text) and len(sentence.text.split()) <= MAX_HEADING_WORDS


def _units(analysis: Analysis, lex: SpeechLexicon, quotations: Quotations) -> list[Unit]:
    units = []
    for s in analysis.sentences:
        quoted = [q.inner for q in quotations.overlapping(s.span)]
        clause = Clause.of(analysis.text, analysis.tokens_in(s.span), lex, quoted)
        units.append(Unit(s.index, clause, s.span, _is_heading(analysis.text, s)))
    return units


def _named_headline(unit: Unit) -> Iterator[Found]:
    """ "Müller: „Wir schaffen das“": a heading that gives a speaker, a colon, and a quotation."""
    c = unit.clause
    colon = c.first_of(0, len(c), frozenset({":"}))
    if not unit.heading or colon is None or not starts_phrase(c, 0) or noun_phrase(c, 0) != colon:
        return
    rest = [w for w in c.words[colon + 1 :] if w.token.is_word]
    if rest and all(w.quoted for w in rest) and (content := content_span(c, colon + 1, len(c))) is not None:
        cue = Mention(c.words[colon].span, ":")  # in "Lind: „…“" the colon says who speaks
        yield Found(content, c.span(0, colon), cue, "said", QuoteMode.HEADLINE, "headline", 0.6)


def _neighbours(units: Sequence[Unit], k: int, quotations: Quotations) -> Neighbours:
    """The sentence before sentence ``k`` and the quotation that opens the one after it, if any."""
    previous = units[k - 1].span if k > 0 and not units[k - 1].heading else None
    following = quotations.opening(units[k + 1].span.start) if k + 1 < len(units) else None
    closing = quotations.closing(previous.end) if previous is not None else None
    return Neighbours(previous, following.inner if following else None, closing.inner if closing else None)


def _sentence_quotes(units: Sequence[Unit], k: int, quotations: Quotations, text: str) -> Iterator[Found]:
    unit = units[k]
    found = [*verb_frames(unit.clause, _neighbours(units, k, quotations)), *source_frames(unit.clause)]
    found += _named_headline(unit)
    for f in found:
        f = with_quotations(f, quotations, text)
        yield f.but(mode=QuoteMode.HEADLINE) if unit.heading else f


def _precedence(f: Found) -> tuple[int, int, int]:
    """The better-ranked finder first, then the frame whose cue comes first (the outer one: "Laut X sagte Y,
    ..." is X's report, "Y sagte, laut X ..." is Y's), then the longer statement."""
    return RANK.get(f.rule, 9), f.cue.span.start if f.cue else f.passage.start, -len(f.content)


def _settle(found: Sequence[Found]) -> list[Found]:
    """One quote per stretch of content, taken in order of :func:`_precedence`."""
    kept: list[Found] = []
    starts: list[int] = []  # of the kept contents, which never overlap, in text order
    by_start: list[Found] = []
    for f in sorted(found, key=_precedence):
        i = bisect_right(starts, f.content.start)
        near = (by_start[k] for k in (i - 1, i) if 0 <= k < len(starts))
        if not any(f.content.overlaps(k.content) for k in near):
            starts.insert(i, f.content.start)
            by_start.insert(i, f)
            kept.append(f)
    return kept


def read_quotes(analysis: Analysis) -> list[Found]:
    """Every quote of the document, in text order."""
    if analysis.lang is None:
        return []
    lex = SpeechLexicon.of(analysis.lang)
    quotations = Quotations(find_quotations(analysis.text, 0, analysis.limit))
    units = _units(analysis, lex, quotations)
    found = _settle([f for k in range(len(units)) for f in _sentence_quotes(units, k, quotations, analysis.text)])
    found += continuations(units, found, quotations)
    return sorted(found, key=lambda f: f.content.start)
