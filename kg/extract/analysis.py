"""The shared reading of one document that every extractor works from: language data, where the article
ends, sentences, tokens, names and coreference, each computed once, on first use.

Each layer is an attribute filled on first use rather than a ``functools.cached_property``: the compiled build
(see README, "Compiled extraction") has no instance ``__dict__`` for a cached property to keep its value in.

>>> from kg.model import Document
>>> a = Analysis(Document.create("Er kam.\\nLesen Sie auch\\nMehr", "a.txt", language="de"))
>>> a.limit, [s.text for s in a.sentences]
(8, ['Er kam.'])
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import Any, TypeVar

from kg.extract.boilerplate import caption_lines, cutoff, is_author_tag
from kg.extract.coref import Coreference
from kg.extract.mentions import NameMention, find_names
from kg.extract.sentences import Sentence, split_sentences
from kg.extract.tokens import Token, join_spaced_hyphens, spaced_out, tokenize
from kg.lang import LanguageData, available_languages, language
from kg.model import Document, Evidence, ExtractorInfo, Span

__all__ = ["Analysis"]

T = TypeVar("T")


def _within(span: Span, lines: list[Span], starts: list[int]) -> bool:
    """True if ``span`` lies in one of ``lines`` (sorted, not overlapping, starting at ``starts``)."""
    i = bisect_right(starts, span.start) - 1
    return i >= 0 and lines[i].contains(span)


class Analysis:
    """Lazily computed layers over one document. Offsets always point into ``document.text``."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.text = document.text
        self.lang: LanguageData | None = (
            language(document.language) if document.language in available_languages() else None
        )
        self._layers: dict[str, Any] = {}
        self._limit: int | None = None
        self._sentences: list[Sentence] | None = None
        self._starts: list[int] | None = None
        self._tokens: list[Token] | None = None
        self._token_starts: list[int] | None = None
        self._names: list[NameMention] | None = None
        self._coref: Coreference | None = None

    def layer(self, name: str, compute: Callable[[Analysis], T]) -> T:
        """A further reading of the document (``compute(self)``), made once and shared by every extractor that
        asks for it by ``name``: the quote extractors of each mode share one speech reading."""
        if name not in self._layers:
            self._layers[name] = compute(self)
        result: T = self._layers[name]
        return result

    @property
    def limit(self) -> int:
        """Offset where the article's own statements end (a "Lesen Sie auch" list starts), or its length."""
        if self._limit is None:
            self._limit = cutoff(self.text, self.lang)
        return self._limit

    @property
    def sentences(self) -> list[Sentence]:
        """Sentences before :attr:`limit`, without author tags such as "(emw)" and picture captions."""
        if self._sentences is None:
            self._sentences = self._split()
        return self._sentences

    def _split(self) -> list[Sentence]:
        found = split_sentences(self.text, self.lang, self.limit)
        captions = caption_lines(self.text, self.limit, self.lang)
        starts = [line.start for line in captions]
        kept = [s for s in found if not is_author_tag(s.text, self.lang) and not _within(s.span, captions, starts)]
        return [Sentence(i, s.span, s.text) for i, s in enumerate(kept)]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing ``offset``, if any."""
        sentences = self.sentences
        if self._starts is None:
            self._starts = [s.span.start for s in sentences]
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < sentences[i].span.end:
            return sentences[i]
        return None

    @property
    def tokens(self) -> list[Token]:
        if self._tokens is None:
            tokens = tokenize(self.text, 0, self.limit)
            self._tokens = join_spaced_hyphens(tokens, self.text) if spaced_out(self.text) else tokens
        return self._tokens

    def tokens_in(self, span: Span) -> list[Token]:
        """The tokens inside ``span``."""
        tokens = self.tokens
        if self._token_starts is None:
            self._token_starts = [t.span.start for t in tokens]
        lo = bisect_right(self._token_starts, span.start - 1)
        hi = bisect_right(self._token_starts, span.end - 1)
        return [t for t in tokens[lo:hi] if t.span.end <= span.end]

    @property
    def names(self) -> list[NameMention]:
        if self._names is None:
            self._names = find_names(self.text, self.tokens, self.lang)
        return self._names

    @property
    def coref(self) -> Coreference:
        if self._coref is None:
            names = self.names
            spans = [s.span for s in self.sentences]
            self._coref = Coreference(self.text, names, self.lang, self.document.id, spans)
        return self._coref

    def evidence(self, span: Span, extractor: ExtractorInfo, confidence: float, **details: object) -> Evidence:
        """Evidence for ``span`` of this document (see :meth:`kg.model.Evidence.at`)."""
        return Evidence.at(self.document, span, extractor, confidence, **details)
