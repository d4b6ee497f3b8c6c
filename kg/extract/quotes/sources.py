"""Quotes framed by a source phrase rather than a verb: "laut Polizei", "der Polizei zufolge", "nach Angaben
der Polizei", "according to officials", ", so der Sprecher", "heißt es in dem Bericht". The statement is the
rest of the sentence.

>>> from kg.lang import language
>>> from kg.extract.tokens import tokenize
>>> from kg.extract.quotes.lexicon import SpeechLexicon
>>> text = "Nach Angaben der Polizei wurden drei Menschen verletzt."
>>> c = Clause.of(text, tokenize(text), SpeechLexicon.of(language("de")), [])
>>> [(f.speaker.of(text), f.content.of(text), f.cue.text) for f in source_frames(c)]
[('Angaben der Polizei', 'wurden drei Menschen verletzt', 'Nach')]
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.extract.quotes.found import Found
from kg.extract.quotes.frames import MIN_CONTENT, content_span
from kg.extract.quotes.phrases import clause_start, noun_phrase, source_phrase, starts_phrase
from kg.extract.quotes.words import Clause, Kind
from kg.model import Mention, QuoteMode, Span

__all__ = ["anaphoric_source", "source_frames"]


def _rest(c: Clause, start: int, end: int) -> Span | None:
    """The sentence without the frame ``[start, end)`` and the commas around it."""
    before = content_span(c, 0, start, least=1) if start > 0 else None
    behind = content_span(c, end, len(c), least=1) if end < len(c) else None
    if before and behind:
        return Span(before.start, behind.end)  # "Drei Menschen wurden nach Polizeiangaben verletzt"
    alone = before or behind
    return alone if alone and len(c.phrase_words(alone)) >= MIN_CONTENT else None


def _found(
    c: Clause, cue: tuple[int, int], speaker: tuple[int, int], rule: str, confidence: float, tail: int = 0
) -> Found | None:
    """The quote of a source frame; the frame runs from the cue over the speaker up to ``tail`` at least."""
    frame = (min(cue[0], speaker[0]), max(cue[1], speaker[1], tail))
    behind = content_span(c, frame[1], len(c)) if rule == "impersonal" else None
    content = behind or _rest(c, *frame)  # "heißt es im Bericht, ...": what follows is the statement
    if content is None:
        return None
    mention = Mention(c.span(*cue), c.phrase(*cue))
    return Found(content, c.span(*speaker), mention, "said", QuoteMode.INDIRECT, rule, confidence, c.span(*frame))


def _reports(c: Clause, start: int, end: int) -> bool:
    """The phrase names a report ("Angaben der Polizei", "Polizeiangaben"), so "nach" introduces a source."""
    return any(w.kind is Kind.CAP and c.lex.is_head(w.text, c.lex.report_nouns) for w in c.words[start:end])


def _before(c: Clause, i: int) -> Found | None:
    """ "laut X", "nach Angaben von X", "according to X": the source follows the preposition."""
    for phrase, needs_report in [(p, False) for p in c.lex.source_before] + [(p, True) for p in c.lex.source_with_noun]:
        if not c.match(i, phrase):
            continue
        first = i + len(phrase)
        if not starts_phrase(c, first, subject=False) or c.words[first].kind is Kind.PRON:
            continue
        end = source_phrase(c, first)
        if needs_report and not _reports(c, first, end):
            continue
        return _found(c, (i, first), (first, end), "source", 0.75)
    return None


def _after(c: Clause, i: int) -> Found | None:
    """ "der Polizei zufolge": the source precedes the postposition."""
    for phrase in c.lex.source_after:
        if not c.match(i, phrase):
            continue
        start = clause_start(c, i)
        for first in range(start, i):
            if starts_phrase(c, first, subject=False) and noun_phrase(c, first) >= i:
                return _found(c, (i, i + len(phrase)), (first, i), "source", 0.75)
    return None


def _inserted(c: Clause, i: int) -> Found | None:
    """ ", so der Sprecher," or ", so Müller.": the source interrupts or closes the statement."""
    w = c.words[i]
    if w.folded not in c.lex.inserted or i == 0 or not c.words[i - 1].is_break():
        return None
    if not starts_phrase(c, i + 1):
        return None
    end = tail = noun_phrase(c, i + 1)
    while tail < len(c) and c.words[tail].kind is Kind.ADV:
        tail += 1  # ", so der Sprecher weiter."
    if tail < len(c) and not (c.words[tail].is_break() or c.words[tail].text in ".!?"):
        return None
    return _found(c, (i, i + 1), (i + 1, end), "source", 0.75, tail)


def _impersonal(c: Clause, i: int) -> Found | None:
    """ "heißt es in dem Bericht", "In der Erklärung hieß es": the source is where the statement stands."""
    for phrase in c.lex.impersonal:
        if not c.match(i, phrase):
            continue
        j = i + len(phrase)
        if j < len(c) and c.words[j].kind is Kind.PREP and starts_phrase(c, j + 1, subject=False):
            return _found(c, (i, j), (j + 1, noun_phrase(c, j + 1)), "impersonal", 0.6)
        start = clause_start(c, i)
        if start < i and c.words[start].kind is Kind.PREP and starts_phrase(c, start + 1, subject=False):
            return _found(c, (i, j), (start + 1, noun_phrase(c, start + 1)), "impersonal", 0.6)
    return None


def source_frames(c: Clause) -> Iterator[Found]:
    """Quotes framed by source phrases in the sentence ``c``."""
    openers = c.lex.source_openers
    for i, w in enumerate(c.words):
        if w.quoted or w.folded not in openers:
            continue
        found = _before(c, i) or _after(c, i) or _inserted(c, i) or _impersonal(c, i)
        if found is not None:
            yield found


def anaphoric_source(c: Clause) -> tuple[int, int] | None:
    """The word that attributes the sentence to the source named before ("Demnach ..."), if it opens it."""
    for w in c.words[:2]:
        if w.folded in c.lex.anaphoric and not w.quoted:
            return w.index, w.index + 1
        if w.kind is not Kind.CONJ:
            break
    return None
