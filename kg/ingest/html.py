"""HTML articles: main text, title, date, author and publisher, found by trafilatura.

The headline is kept as the first line of the text, because headlines carry attributions too
("Musk kündigt an: ..."), and evidence offsets must point into the one text that is stored.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from kg.errors import EmptyInput, InputError, MalformedInput
from kg.ingest.base import Reader, ReadResult, build_document
from kg.ingest.decode import looks_binary

__all__ = ["HtmlReader"]

# trafilatura and its helpers log parsing trouble; `kg` reports bad input itself, once, in one line.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


class HtmlReader(Reader):
    extensions = (".html", ".htm", ".xhtml")

    def read(self, data: bytes, source: str) -> Iterator[ReadResult]:
        try:
            yield self._document(data, source)
        except InputError as err:
            yield err

    def _document(self, data: bytes, source: str) -> ReadResult:
        import trafilatura  # slow to import; only HTML input needs it

        if looks_binary(data):
            raise MalformedInput(source, "binary data, not HTML")
        try:
            found = trafilatura.bare_extraction(
                data, with_metadata=True, include_comments=False, include_tables=False, favor_recall=True
            )
        except (ValueError, TypeError) as exc:
            raise MalformedInput(source, f"HTML could not be parsed: {exc}") from None
        meta: dict[str, Any] = {} if found is None else found if isinstance(found, dict) else found.as_dict()
        text = str(meta.get("text") or "").strip()
        if not text:
            raise EmptyInput(source, "no article text found in the HTML")
        title = str(meta.get("title") or "").strip() or None
        if title and not text.startswith(title):
            text = f"{title}\n{text}"
        return build_document(
            text,
            source,
            title=title,
            url=meta.get("url"),
            author=meta.get("author"),
            publisher=meta.get("sitename") or meta.get("hostname"),
            published=meta.get("date"),
            language=meta.get("language"),
        )
