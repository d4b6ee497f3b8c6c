"""What every reader shares: the Reader interface, the size cap, and turning raw text into a Document.

>>> doc = build_document("  Die Regierung sagte, sie werde handeln.  ", "a.txt")
>>> doc.language, doc.text.startswith("  Die")
('de', True)
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import ClassVar

from kg.errors import EmptyInput, InputError, TooLarge, UnreadableInput
from kg.ingest.language import identify
from kg.model import Document

__all__ = ["MAX_ARTICLE_CHARS", "MAX_FILE_BYTES", "ReadResult", "Reader", "build_document", "iso_date"]

#: The largest single article `kg` accepts, in characters. Larger texts are refused with a clear message
#: rather than risk unbounded time and memory in extraction.
MAX_ARTICLE_CHARS = 16_000_000
#: The largest .txt or .html file read whole. JSON Lines files are streamed and have no file cap.
MAX_FILE_BYTES = 64 * 1024 * 1024

ReadResult = Document | InputError


class Reader(ABC):
    """Turns the bytes of one input into documents (or errors, one per bad record)."""

    #: File name endings this reader handles, lower case, with the dot.
    extensions: ClassVar[tuple[str, ...]] = ()

    @abstractmethod
    def read(self, data: bytes, source: str) -> Iterator[ReadResult]:
        """Documents and per-record errors found in ``data``, read from ``source``."""

    def read_file(self, path: Path, source: str) -> Iterator[ReadResult]:
        """Documents in the file at ``path``; line-oriented readers override this to stream."""
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                raise TooLarge(source, f"{size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
            data = path.read_bytes()
        except InputError as err:
            yield err
            return
        except OSError as exc:
            yield UnreadableInput(source, exc.strerror or type(exc).__name__)
            return
        yield from self.read(data, source)


def iso_date(value: object) -> str | None:
    """An ISO 8601 date or date-time, or None if ``value`` is not one.

    >>> iso_date("2024-03-11T09:30:00+01:00"), iso_date("11. März"), iso_date(None)
    ('2024-03-11T09:30:00+01:00', None, None)
    """
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            parse(value)
        except ValueError:
            continue
        return value
    return None


def _scalar_values(text: str) -> str:
    """``text`` with lone surrogates (which JSON can smuggle in as "\\ud800") replaced by U+FFFD: they are not
    characters, and no store or file format can hold them."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in text)
    return text


def build_document(text: str, source: str, **metadata: str | None) -> Document:
    """A Document for ``text``: refuses empty and oversized articles, identifies the language if not given."""
    text = _scalar_values(text).lstrip("\ufeff")
    if not text.strip():
        raise EmptyInput(source)
    if len(text) > MAX_ARTICLE_CHARS:
        raise TooLarge(source, f"{len(text):,} characters; the limit is {MAX_ARTICLE_CHARS:,}")
    clean = {k: _scalar_values(v).strip() for k, v in metadata.items() if isinstance(v, str) and v.strip()}
    if "published" in clean:
        clean["published"] = iso_date(clean["published"]) or ""
    # "de-DE" and "DE" are German: extractors are chosen by the primary language subtag.
    clean["language"] = clean.get("language", "").replace("_", "-").split("-")[0].lower() or identify(text)
    return Document.create(text, source, **{k: v for k, v in clean.items() if v})
