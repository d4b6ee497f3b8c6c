"""Plain-text articles: the whole file is the text; a short first line without a full stop is the title.

>>> from kg.ingest.text import TextReader
>>> data = "Musk kündigt an: Grok wird offen\\nElon Musk sagte am Montag, das sei so.".encode()
>>> [doc] = TextReader().read(data, "a.txt")
>>> doc.title
'Musk kündigt an: Grok wird offen'
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.errors import InputError
from kg.ingest.base import Reader, ReadResult, build_document
from kg.ingest.decode import decode

__all__ = ["TextReader", "headline"]

_MAX_HEADLINE = 200


def headline(text: str) -> str | None:
    """The first line, if it reads like a headline: short, followed by more text, not ending a sentence."""
    first, sep, rest = text.strip().partition("\n")
    first = first.strip()
    if not sep or not rest.strip() or not first or len(first) > _MAX_HEADLINE:
        return None
    return None if first[-1] in '.!?;,"“”«»' else first


class TextReader(Reader):
    extensions = (".txt", ".text")

    def read(self, data: bytes, source: str) -> Iterator[ReadResult]:
        try:
            text = decode(data, source)
            yield build_document(text, source, title=headline(text))
        except InputError as err:
            yield err
