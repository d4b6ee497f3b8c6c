"""Who said what: quotes in every quotation-mark style, indirect speech, speech acts, source phrases and
headlines, each attributed to a speaker resolved through the document's coreference. One speech reading per
document is shared by three extractors, one per kind of quote, registered as ``quotes.direct``,
``quotes.indirect`` (indirect and mixed) and ``quotes.headline``.

>>> from kg.model import Document
>>> doc = Document.create("Die Polizei teilte mit, der Täter sei gefasst. „Wir sind froh“, sagte Anna Berger.",
...                       "a.txt", language="de")
>>> analysis = Analysis(doc)
>>> [(c.subject.name, c.content, c.evidence[0].mode.value) for x in (IndirectQuotes(), DirectQuotes())
...  for c in x.extract(analysis)]
[('Die Polizei', 'der Täter sei gefasst', 'indirect'), ('Anna Berger', 'Wir sind froh', 'direct')]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from kg.extract.analysis import Analysis
from kg.extract.base import Extractor
from kg.extract.coref import Resolved
from kg.extract.quotes.found import Found
from kg.extract.quotes.reading import read_quotes
from kg.extract.quotes.repeats import without_repeats
from kg.extract.quotes.setting import Setting
from kg.extract.quotes.speakers import Speakers
from kg.model import Claim, EntityType, Mention, MentionKind, QuoteMode, Span

__all__ = ["DirectQuotes", "HeadlineQuotes", "IndirectQuotes", "Quote", "QuoteExtractor", "speech"]

#: How much a speaker found by pronoun, description or as an unnamed source lowers a quote's confidence.
_SPEAKER_WEIGHT = {MentionKind.NAME: 1.0, MentionKind.PRONOUN: 0.9, MentionKind.DESCRIPTION: 0.85}
_UNNAMED_WEIGHT = 0.8


@dataclass(frozen=True, slots=True)
class Quote:
    """A found quote with its speaker resolved and its setting read."""

    found: Found
    speaker: Resolved
    setting: Setting

    @property
    def confidence(self) -> float:
        weight = _SPEAKER_WEIGHT[self.speaker.mention.kind]
        return self.found.confidence * (_UNNAMED_WEIGHT if self.speaker.entity.unnamed else weight)


def _resolve(analysis: Analysis) -> list[Quote]:
    speakers = Speakers(analysis)
    quotes = []
    for found in read_quotes(analysis):
        resolved = speakers.resolve(found.refers or found.speaker)
        if resolved is None:
            continue
        if found.rule == "headline" and resolved.entity.type is not EntityType.PERSON:
            continue  # "Grok: ..." names a topic, not a speaker
        if found.mode is QuoteMode.HEADLINE and resolved.entity.unnamed:
            continue  # "Minister says ...": a title names its speaker in the article, not here
        if found.rule == "introduced" and resolved.entity.unnamed and not speakers.can_speak(found.speaker):
            # The speaker comes from a sentence without a cue of its own: only a subject that can speak will do
            # ("Besondere Probleme bereitet ..." names a thing, not a reporter).
            continue
        if found.refers is not None and found.refers != found.speaker:
            # "Demnach ...": the word that points back is this sentence's mention of the speaker.
            here = Mention(found.speaker, found.speaker.of(analysis.text), MentionKind.DESCRIPTION)
            resolved = Resolved(here, resolved.entity)
        setting = Setting.of(analysis, found)
        if found.addressee is not None and (addressed := speakers.resolve(found.addressee, remember=False)):
            setting = Setting(setting.medium, addressed.entity)
        quotes.append(Quote(found, resolved, setting))
    return _without_repeats(analysis, quotes)


def _without_repeats(analysis: Analysis, quotes: list[Quote]) -> list[Quote]:
    assert analysis.lang is not None
    stopwords = analysis.lang.words("stopwords")
    body = [q for q in quotes if q.found.mode is not QuoteMode.HEADLINE]
    keys = [(q.speaker.entity.id, q.found.predicate, q.found.content.of(analysis.text)) for q in body]
    repeats = {id(q) for q, repeat in zip(body, without_repeats(keys, stopwords), strict=True) if repeat}
    return [q for q in quotes if id(q) not in repeats]


def speech(analysis: Analysis) -> list[Quote]:
    """The quotes of the document, read once and shared by the quote extractors."""
    return analysis.layer("quotes", _resolve)


class QuoteExtractor(Extractor):
    """Claims for the quotes of some modes; the speech reading is shared by all."""

    modes: ClassVar[frozenset[QuoteMode]]
    version = 2

    def extract(self, analysis: Analysis) -> Iterator[Claim]:
        for quote in speech(analysis):
            if quote.found.mode in self.modes:
                yield self._claim(analysis, quote)

    def _claim(self, analysis: Analysis, quote: Quote) -> Claim:
        found = quote.found
        first = analysis.sentence_at(found.passage.start)
        last = analysis.sentence_at(found.passage.end - 1)
        span = Span(first.span.start if first else found.passage.start, last.span.end if last else found.passage.end)
        evidence = analysis.evidence(
            span,
            self.info,
            quote.confidence,
            subject_mention=quote.speaker.mention,
            content=found.content,
            cue=found.cue,
            mode=found.mode,
            medium=quote.setting.medium,
            addressee=quote.setting.addressee,
        )
        content = found.content.of(analysis.text)
        return Claim.quote(quote.speaker.entity, content, (evidence,), predicate=found.predicate)


class DirectQuotes(QuoteExtractor):
    """Words in quotation marks: "„…“, sagte Müller", '"…," Smith said', "Sie schrieb: »…«"."""

    name = "kg.quotes.direct"
    modes = frozenset({QuoteMode.DIRECT})


class IndirectQuotes(QuoteExtractor):
    """Reported speech: "kontert, Musk habe zugestimmt", "laut Polizei", "said that", mixed quotes, speech acts."""

    name = "kg.quotes.indirect"
    modes = frozenset({QuoteMode.INDIRECT, QuoteMode.MIXED})


class HeadlineQuotes(QuoteExtractor):
    """Quotes in titles and headings: "Musk kündigt an: Grok soll Open-Source werden"."""

    name = "kg.quotes.headline"
    modes = frozenset({QuoteMode.HEADLINE})
