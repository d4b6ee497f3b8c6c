"""Direct quotes: words in quotation marks, attributed to a speaker named (or referred to) in the same sentence
through a cue verb from the language's ``cues.toml``.

Handles the frame before the quote ("Müller sagte: „…“", "Konkret schrieb Mitgründer Ilya Sutskever: „…“")
and after it ("„…“, sagte Müller.", '"…," Smith said.'). A quotation with no cue and speaker in its sentence
is not reported: a scare quote is not a statement.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from kg.extract.analysis import Analysis
from kg.extract.base import Extractor
from kg.extract.coref import Resolved
from kg.extract.quotemarks import Quotation, find_quotations
from kg.extract.tokens import Token
from kg.lang import LanguageData
from kg.model import Claim, Mention, MentionKind, QuoteMode, Span

__all__ = ["DirectQuoteExtractor", "SpeechCues"]

#: A quotation needs this many words to be speech rather than a quoted term ("weniger 'offen'").
MIN_WORDS = 3


@dataclass(frozen=True)
class SpeechCues:
    """The cue verbs of one language, their separable particles, and the predicate each cue records."""

    verbs: frozenset[str]
    particles: dict[str, frozenset[str]]
    predicates: dict[str, str]

    def predicate(self, cue: str) -> str:
        return self.predicates.get(cue.casefold(), "said")

    @staticmethod
    @cache
    def of(lang: LanguageData) -> SpeechCues:
        table = lang.table("cues")
        return SpeechCues(
            verbs=frozenset(v.casefold() for v in table.get("speech", {}).get("verbs", [])),
            particles={k.casefold(): frozenset(v) for k, v in table.get("separable", {}).items()},
            predicates={k.casefold(): str(v) for k, v in table.get("predicates", {}).items()},
        )


@dataclass(frozen=True, slots=True)
class _Frame:
    cue: Token
    speaker: Resolved


def _cue_tokens(tokens: list[Token], cues: SpeechCues) -> list[int]:
    """Indices of the cue words among ``tokens``."""
    last = {tok.text: i for i, tok in enumerate(tokens)}  # where each word occurs last: one pass, not one per cue
    found = []
    for i, tok in enumerate(tokens):
        word = tok.text.casefold()
        if word not in cues.verbs:
            continue
        particles = cues.particles.get(word)
        if particles and not any(last.get(p, -1) > i for p in particles):
            continue  # "teilte" without its "mit" is not a speech verb
        found.append(i)
    return found


def _speaker_near(analysis: Analysis, cue: int, tokens: list[Token]) -> Resolved | None:
    """The nearest name, pronoun or description beside the cue, looking after it first (German V2 order)."""
    for side in (tokens[cue + 1 : cue + 7], tokens[max(0, cue - 6) : cue][::-1]):
        for tok in side:
            found = analysis.coref.name_at(tok.span.start)
            if found is not None:
                return found
            resolved = analysis.coref.resolve(tok.span)
            if resolved is not None and resolved.mention.kind is MentionKind.PRONOUN:
                return resolved
    return None


def _frame(analysis: Analysis, outside: list[Token], cues: SpeechCues) -> _Frame | None:
    for cue in _cue_tokens(outside, cues):
        speaker = _speaker_near(analysis, cue, outside)
        if speaker is not None:
            return _Frame(outside[cue], speaker)
    return None


class DirectQuoteExtractor(Extractor):
    """Quotes in quotation marks with a speaker in the same sentence, in every language with cue data."""

    name = "kg.quotes.direct"
    version = 1

    def extract(self, analysis: Analysis) -> Iterator[Claim]:
        assert analysis.lang is not None
        cues = SpeechCues.of(analysis.lang)
        for quote in find_quotations(analysis.text, 0, analysis.limit):
            if len(quote.content.split()) < MIN_WORDS:
                continue
            claim = self._claim(analysis, quote, cues)
            if claim is not None:
                yield claim

    def _claim(self, analysis: Analysis, quote: Quotation, cues: SpeechCues) -> Claim | None:
        first = analysis.sentence_at(quote.outer.start)
        last = analysis.sentence_at(quote.outer.end - 1)
        if first is None or last is None:
            return None
        region = Span(first.span.start, last.span.end)
        outside = [t for t in analysis.tokens_in(region) if not quote.outer.contains(t.span)]
        frame = _frame(analysis, outside, cues)
        if frame is None:
            return None
        speaker = frame.speaker
        confidence = 0.9 if speaker.mention.kind is MentionKind.NAME else 0.75
        evidence = analysis.evidence(
            region,
            self.info,
            confidence,
            subject_mention=speaker.mention,
            content=quote.inner,
            cue=Mention(frame.cue.span, frame.cue.text),
            mode=QuoteMode.DIRECT,
        )
        return Claim.quote(speaker.entity, quote.content, (evidence,), predicate=cues.predicate(frame.cue.text))
