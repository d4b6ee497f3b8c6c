"""Quotes that go on without a frame of their own: sentences in reported mood after a reported statement
("Er sagte, die Lage sei ernst. Man müsse handeln."), quotations that open the sentences after a quote, and
sentences a source adverb attributes to the source named just before ("Demnach ..."). They are the same
speaker's words; their cue is the verb in reported mood, the adverb, or the cue of the quote they continue.

>>> from kg.lang import language
>>> from kg.extract.tokens import tokenize
>>> from kg.extract.quotes.lexicon import SpeechLexicon
>>> lex = SpeechLexicon.of(language("de"))
>>> text = "Müller sagte, es sei kalt. Man müsse heizen. Das Wetter ist schön."
>>> said = Found(Span(14, 25), Span(0, 6), None, "said", QuoteMode.INDIRECT, "verb", 0.8)
>>> units = [Unit(i, Clause.of(text, tokenize(text, a, b), lex, []), Span(a, b), False)
...          for i, (a, b) in enumerate([(0, 26), (27, 44), (45, 66)])]
>>> [f.content.of(text) for f in continuations(units, [said], Quotations([]))]
['Man müsse heizen']
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from kg.extract.quotes.direct import Quotations
from kg.extract.quotes.found import Found
from kg.extract.quotes.frames import content_span
from kg.extract.quotes.mood import is_reported, reported_at
from kg.extract.quotes.phrases import sentence_subject
from kg.extract.quotes.sources import anaphoric_source
from kg.extract.quotes.words import Clause, Kind
from kg.model import Mention, QuoteMode, Span

__all__ = ["Unit", "continuations"]

#: How sure a continued quote is, relative to the quote it continues (per sentence of distance).
CONTINUED = 0.85
#: Sentences without reported speech after which a speaker's thread is lost.
MAX_GAP = 2


@dataclass(frozen=True, slots=True)
class Unit:
    """One sentence as the finders read it; ``heading`` for a line that is a title or sub-heading."""

    index: int
    clause: Clause
    span: Span
    heading: bool


def _mood_cue(c: Clause, at: int) -> Mention:
    """The verb whose reported mood marks a sentence as someone's words ("Man müsse handeln")."""
    return Mention(c.words[at].span, c.words[at].text)


def _pointed(c: Clause) -> tuple[Span, Mention] | None:
    """The rest of a sentence that a source adverb opens ("Demnach ..."), and the adverb as the cue."""
    source = anaphoric_source(c)
    content = content_span(c, source[1], len(c)) if source is not None else None
    if source is None or content is None:
        return None
    return content, Mention(c.span(*source), c.phrase(*source))


def _continued(unit: Unit, last: Found, gap: int, quotations: Quotations) -> Found | None:
    """The sentence as more of ``last``'s words, ``gap`` sentences after it: a quotation that opens it right
    after, a source adverb ("Demnach"), or reported mood (Konjunktiv II only right after)."""
    c = unit.clause
    more = {
        "refers": last.refers or last.speaker,
        "frame": None,
        "confidence": last.confidence * CONTINUED ** (gap + 1),
    }
    opening = quotations.opening(unit.span.start)
    if opening is not None and gap == 0:
        return last.but(content=opening.inner, mode=QuoteMode.DIRECT, rule="continued", **more)
    pointed = _pointed(c)
    if pointed is not None:
        content, cue = pointed
        return last.but(content=content, speaker=cue.span, cue=cue, mode=QuoteMode.INDIRECT, rule="anaphoric", **more)
    mood = reported_at(c, 0, len(c), after_quote=gap == 0)
    reported = content_span(c, 0, len(c)) if mood is not None else None
    if mood is None or reported is None:
        return None
    return last.but(content=reported, mode=QuoteMode.INDIRECT, rule="continued", cue=_mood_cue(c, mood), **more)


def _introduced(unit: Unit, before: Unit | None) -> Found | None:
    """A sentence in reported mood, or one a source adverb opens, right after a sentence that names who
    reports it without a quote of its own ("Das Institut sieht keine Gefahr. Nur Züchter seien ...")."""
    if before is None or before.heading or is_reported(before.clause, 0, len(before.clause)):
        return None  # a sentence that is itself reported speech names what was said, not who said it
    if (subject := sentence_subject(before.clause)) is None:
        return None
    c, speaker = unit.clause, before.clause.span(*subject)
    pointed = _pointed(c)
    if pointed is not None:
        content, cue = pointed
        return Found(content, cue.span, cue, "said", QuoteMode.INDIRECT, "anaphoric", 0.5, refers=speaker)
    mood = reported_at(c, 0, len(c))
    reported = content_span(c, 0, len(c)) if mood is not None else None
    if mood is None or reported is None:
        return None
    return Found(reported, speaker, _mood_cue(c, mood), "said", QuoteMode.INDIRECT, "introduced", 0.5)


def _covered(unit: Unit, found: Sequence[Found]) -> bool:
    return any(f.content.contains(unit.span) or unit.span.contains(f.content) for f in found)


def _by_unit(units: Sequence[Unit], found: Sequence[Found]) -> dict[int, list[Found]]:
    """The quotes whose content overlaps each sentence, or whose speaker stands in it."""
    starts = [u.span.start for u in units]
    out: dict[int, list[Found]] = {}
    for f in found:
        first = max(0, bisect_right(starts, min(f.content.start, f.speaker.start)) - 1)
        for i in range(first, len(units)):  # indexed: a slice would copy every later sentence for each quote
            unit = units[i]
            if unit.span.start >= max(f.content.end, f.speaker.end):
                break
            if unit.span.overlaps(f.content) or unit.span.contains(f.speaker):
                out.setdefault(unit.index, []).append(f)
    return out


def continuations(units: Sequence[Unit], found: Sequence[Found], quotations: Quotations) -> list[Found]:
    """Quotes that continue the ``found`` ones in the sentences after them, in order."""
    out: list[Found] = []
    last: Found | None = None
    gap = 0
    previous: Unit | None = None
    by_unit = _by_unit(units, found)
    for unit in units:
        before, previous = previous, unit
        own = by_unit.get(unit.index, [])
        if own:
            last, gap = (None if unit.heading else max(own, key=lambda f: f.content.end)), 0
            continue
        if out and _covered(unit, out[-1:]):
            continue
        if unit.heading or all(w.kind is Kind.PUNCT for w in unit.clause.words):
            last = None
            continue
        more = _continued(unit, last, gap, quotations) if last is not None else None
        if more is None and (last is None or gap > 0):
            more = _introduced(unit, before)
        if more is not None:
            out.append(more)
            last, gap = more, 0
        elif (gap := gap + 1) > MAX_GAP:
            last = None
    return out
